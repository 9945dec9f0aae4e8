//! End-to-end tests of the store commands through the built `rasd` binary:
//! ingest (twice, and killed mid-run), query, stats, export, show.

use std::path::Path;
use std::process::{Command, Stdio};

fn rasd(db: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_rasd"))
        .args(args)
        .env("RASD_DB", db)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn write_docs(dir: &Path, n: usize) {
    for i in 0..n {
        std::fs::write(
            dir.join(format!("doc-{i:05}.txt")),
            format!("Report number {i}: gunmen attacked a checkpoint near the river crossing."),
        )
        .unwrap();
    }
}

fn count_docs(db: &Path) -> u64 {
    rasd_store::open(db.to_str().unwrap())
        .unwrap()
        .counts()
        .unwrap()
        .documents
}

#[test]
fn ingest_twice_adds_nothing_and_a_killed_run_resumes() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("store.db");
    let docs = db.with_extension("docs");
    std::fs::create_dir(&docs).unwrap();
    write_docs(&docs, 3_000);

    // Kill the first run with SIGKILL once it has committed something.
    let mut child = Command::new(env!("CARGO_BIN_EXE_rasd"))
        .args(["ingest", "--batch", "25", docs.to_str().unwrap()])
        .env("RASD_DB", &db)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let wal = db.with_extension("db-wal");
    let started = std::time::Instant::now();
    while !wal.exists() || std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0) < 200_000 {
        if started.elapsed().as_secs() > 60 || child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let partial = count_docs(&db);
    assert!(partial < 3_000, "the kill came too late to test anything");

    // The rerun finishes the job.
    let out = rasd(&db, &["ingest", docs.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let msg = String::from_utf8_lossy(&out.stderr);
    assert!(msg.starts_with("3000 documents"), "{msg}");

    assert_eq!(count_docs(&db), 3_000);
    // A third run finds every document stored, once.
    let out = rasd(&db, &["ingest", docs.to_str().unwrap()]);
    let msg = String::from_utf8_lossy(&out.stderr);
    assert!(
        msg.starts_with("3000 documents: 0 new, 0 replaced, 3000 unchanged"),
        "{msg}"
    );
}

#[test]
fn bad_inputs_are_reported_by_name_and_the_rest_is_stored() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("store.db");
    let docs = tmp.path().join("in");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(docs.join("good.txt"), "Clashes were reported in the north.").unwrap();
    std::fs::write(docs.join("latin1.txt"), b"Caf\xe9 attack\n").unwrap();
    std::fs::write(
        docs.join("feed.jsonl"),
        "{\"id\": \"j1\", \"text\": \"Protest in the capital.\"}\n{broken json\n{\"text\": \"no id\"}\n",
    )
    .unwrap();
    let out = rasd(&db, &["ingest", docs.to_str().unwrap()]);
    assert!(!out.status.success());
    let msg = String::from_utf8_lossy(&out.stderr);
    assert!(msg.contains("latin1.txt: not valid UTF-8"), "{msg}");
    assert!(msg.contains("feed.jsonl:2: malformed JSON"), "{msg}");
    // A record without an id gets one from the file name and line (the
    // reader's rule), so it is stored with the other two.
    assert!(msg.contains("3 documents: 3 new"), "{msg}");
    assert!(msg.contains("2 errors"), "{msg}");
}

#[test]
fn query_stats_export_and_show_answer_on_an_empty_store() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("store.db");
    for args in [
        vec![
            "query",
            "--country",
            "'; DROP TABLE events; --",
            "--actor",
            "O'Brien",
        ],
        vec!["query", "--text", "\"unbalanced", "--format", "csv"],
        vec!["stats", "--by", "month,admin1", "--admin1", "x' OR '1'='1"],
        vec!["export", "--format", "geojson", "--location", "; SELECT 1"],
    ] {
        let out = rasd(&db, &args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let out = rasd(&db, &["export", "--format", "acled-csv"]);
    let csv = String::from_utf8_lossy(&out.stdout);
    assert!(
        csv.starts_with("event_id_cnty,event_date,year,time_precision,"),
        "{csv}"
    );
    let out = rasd(&db, &["show", "evt-0000000000000000"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no event or report"));
    let out = rasd(&db, &["stats", "--by", "month,admin1,actor"]);
    assert!(!out.status.success());
}

#[test]
fn an_actor_filter_by_alias_finds_the_acled_name() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("store.db");
    let doc = tmp.path().join("raid.txt");
    std::fs::write(
        &doc,
        "هجوم على قرية في ولاية الجزيرة\nالثلاثاء 14 مايو 2024\n\
         قالت مصادر محلية إن قوات الدعم السريع هاجمت يوم الاثنين قرية ود النورة \
         في ولاية الجزيرة بوسط السودان، ما أدى إلى مقتل 12 مدنيا.\n",
    )
    .unwrap();
    let out = rasd(&db, &["ingest", doc.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let found = |actor: &str| -> usize {
        let out = rasd(&db, &["query", "--actor", actor, "--format", "jsonl"]);
        assert!(out.status.success(), "{actor}");
        String::from_utf8_lossy(&out.stdout).lines().count()
    };
    // The coder names the actor in ACLED's English; the analyst may type
    // the Arabic, French or English alias.
    assert_eq!(found("Rapid Support Forces"), 1);
    assert_eq!(found("الدعم السريع"), 1);
    assert_eq!(found("FSR"), 1);
    assert_eq!(found("الحوثيون"), 0);

    // Recoding the store with the same coder gives the same events.
    let out = rasd(&db, &["recode"]);
    let msg = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{msg}");
    assert!(
        msg.contains("1 documents recoded: 1 → 1 reports, 1 → 1 events"),
        "{msg}"
    );
    assert_eq!(found("الدعم السريع"), 1);
}
