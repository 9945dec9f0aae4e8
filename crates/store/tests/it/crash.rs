//! A process killed with SIGKILL in the middle of an ingest leaves a
//! consistent store, and running the ingest again finishes the job with
//! nothing lost and nothing doubled.
//!
//! The test re-runs its own test binary as the ingesting child (the
//! ignored test `crash_child`, selected by name, configured by environment
//! variables), kills it twice at different points, then lets a third run
//! finish, and compares the result with a clean, uninterrupted ingest of
//! the same documents.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use rasd_store::Store;

use crate::common::*;
use rasd_store::synth;

const DOCS: usize = 3_000;
const BATCH: usize = 20;
const SEED: u64 = 7;

/// The child: ingests the synthetic corpus into the store named by the
/// environment, printing a line after each committed batch.
#[test]
#[ignore = "helper process of the SIGKILL test; run by it"]
fn crash_child() {
    let target = std::env::var("RASD_CRASH_TARGET").expect("run by the sigkill test");
    let store = open_target(&target);
    for chunk in synth::corpus(DOCS, SEED).chunks(BATCH) {
        store.ingest_batch(chunk.to_vec()).unwrap();
        println!("committed {}", chunk.last().unwrap().0.id);
    }
    println!("finished");
}

fn open_target(target: &str) -> std::sync::Arc<dyn Store> {
    match target.split_once('|') {
        Some((url, schema)) => rasd_store::open_postgres_in_schema(url, schema).unwrap(),
        None => rasd_store::open_sqlite(std::path::Path::new(target)).unwrap(),
    }
}

/// Runs the child; kills it after `kill_after` committed batches (never,
/// when `None`). Returns how many batches it reported.
fn run_child(target: &str, kill_after: Option<usize>) -> usize {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "crash::crash_child",
            "--ignored",
            "--nocapture",
            "--test-threads",
            "1",
        ])
        .env("RASD_CRASH_TARGET", target)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let out = BufReader::new(child.stdout.take().unwrap());
    let mut batches = 0;
    for line in out.lines() {
        let line = line.unwrap();
        if line.starts_with("committed ") {
            batches += 1;
            if Some(batches) == kill_after {
                // std's kill sends SIGKILL on Unix.
                child.kill().unwrap();
                break;
            }
        }
    }
    let status = child.wait().unwrap();
    if kill_after.is_none() {
        assert!(status.success(), "the last run must finish");
    }
    batches
}

fn snapshot(s: &dyn Store) -> Vec<(String, u32, Vec<String>, Option<u32>)> {
    let mut v = Vec::new();
    s.for_each_event(
        &rasd_store::Filter {
            include_period_totals: true,
            ..Default::default()
        },
        &mut |e| {
            v.push((e.event.event_id, e.n_reports, e.doc_ids, e.event.fatalities));
            Ok(())
        },
    )
    .unwrap();
    v
}

fn check(target: &str, reference: &dyn Store) {
    // A resumed run of a store cut mid-way sees partly-done work.
    let first = run_child(target, Some(DOCS / BATCH / 4));
    assert!(first >= DOCS / BATCH / 4);
    {
        let s = open_target(target);
        let c = s.counts().unwrap();
        assert!(c.documents > 0 && (c.documents as usize) < DOCS, "{c:?}");
        // Whole batches only: no half-written batch survives.
        assert_eq!(c.documents as usize % BATCH, 0, "{c:?}");
    }
    run_child(target, Some(DOCS / BATCH / 2));
    run_child(target, None);

    let s = open_target(target);
    let c = s.counts().unwrap();
    let r = reference.counts().unwrap();
    assert_eq!(c, r);
    assert_eq!(c.documents as usize, DOCS);
    let expected_reports: usize = synth::corpus(DOCS, SEED).iter().map(|(_, e)| e.len()).sum();
    assert_eq!(c.reports as usize, expected_reports);
    // Same clusters, same ids, same merged figures as an uninterrupted run.
    assert_eq!(snapshot(s.as_ref()), snapshot(reference));
}

fn reference() -> TestDb {
    let db = TestDb::sqlite();
    for chunk in synth::corpus(DOCS, SEED).chunks(BATCH) {
        db.store().ingest_batch(chunk.to_vec()).unwrap();
    }
    db
}

#[test]
fn sigkill_mid_ingest_then_rerun_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.db");
    let reference = reference();
    check(path.to_str().unwrap(), reference.store());
}

#[test]
fn sigkill_mid_ingest_then_rerun_postgres() {
    let Some(url) = pg_url() else {
        eprintln!("RASD_TEST_PG_URL not set: PostgreSQL run skipped");
        return;
    };
    let schema = schema_name("crash_sigkill");
    drop_schema(&url, &schema);
    let reference = reference();
    check(&format!("{url}|{schema}"), reference.store());
    drop_schema(&url, &schema);
}
