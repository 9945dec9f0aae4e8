//! Store benchmarks: ingest rate (documents/s) into SQLite and PostgreSQL,
//! and `stats` over one million synthetic events on SQLite.
//!
//! `cargo bench -p rasd-store`. PostgreSQL runs when `RASD_TEST_PG_URL` is
//! set (`scripts/pg-start` prints one). The million-event database is built
//! once through the ingest path into `target/bench-data/` and reused; its
//! build time is printed as a second ingest-rate figure at scale.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use rasd_store::{Filter, GroupKey, IngestStatus, Store};

use rasd_store::synth;

const BATCH: usize = 200;
const MILLION: u64 = 1_000_000;

fn bench_ingest(c: &mut Criterion, name: &str, store: Arc<dyn Store>) {
    let mut corpus = synth::Corpus::new(usize::MAX, 11);
    // Start from a store that is not empty, as in real use.
    for _ in 0..50 {
        let batch: Vec<_> = corpus.by_ref().take(BATCH).collect();
        store.ingest_batch(batch).unwrap();
    }
    let mut g = c.benchmark_group("ingest");
    g.sample_size(20);
    g.measurement_time(Duration::from_secs(15));
    g.throughput(Throughput::Elements(BATCH as u64));
    g.bench_function(format!("{name}/batch_of_{BATCH}_docs"), |b| {
        b.iter_batched(
            || corpus.by_ref().take(BATCH).collect::<Vec<_>>(),
            |batch| {
                let out = store.ingest_batch(batch).unwrap();
                assert_eq!(out.len(), BATCH);
                assert!(out.iter().all(|o| o.status == IngestStatus::New));
            },
            BatchSize::PerIteration,
        )
    });
    g.throughput(Throughput::Elements(1));
    g.bench_function(format!("{name}/one_doc_per_transaction"), |b| {
        b.iter_batched(
            || corpus.next().unwrap(),
            |(doc, events)| {
                let out = store.ingest(&doc, events).unwrap();
                assert_eq!(out.status, IngestStatus::New);
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

fn ingest_sqlite(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let store = rasd_store::open_sqlite(&dir.path().join("bench.db")).unwrap();
    bench_ingest(c, "sqlite", store);
}

fn ingest_postgres(c: &mut Criterion) {
    let Ok(url) = std::env::var("RASD_TEST_PG_URL") else {
        eprintln!("RASD_TEST_PG_URL not set: PostgreSQL ingest benchmark skipped");
        return;
    };
    let schema = "rasd_bench_ingest";
    let mut admin = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    admin
        .batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"))
        .unwrap();
    let store = rasd_store::open_postgres_in_schema(&url, schema).unwrap();
    bench_ingest(c, "postgres", store);
}

fn million_event_db() -> Arc<dyn Store> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/bench-data");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("stats-1m.db");
    let store = rasd_store::open_sqlite(&path).unwrap();
    let have = store.counts().unwrap();
    if have.events >= MILLION {
        return store;
    }
    drop(store);
    let _ = std::fs::remove_file(&path);
    let store = rasd_store::open_sqlite(&path).unwrap();
    let started = Instant::now();
    let mut corpus = synth::Corpus::new(usize::MAX, 5);
    corpus.max_events = 6;
    let mut docs = 0u64;
    loop {
        for _ in 0..50 {
            let batch: Vec<_> = corpus.by_ref().take(1_000).collect();
            docs += batch.len() as u64;
            store.ingest_batch(batch).unwrap();
        }
        let c = store.counts().unwrap();
        let secs = started.elapsed().as_secs_f64();
        eprintln!(
            "building: {docs} docs, {} reports, {} events, {:.0} docs/s",
            c.reports,
            c.events,
            docs as f64 / secs
        );
        if c.events >= MILLION {
            eprintln!(
                "built {} events from {docs} documents in {secs:.0} s ({:.0} docs/s, {:.0} reports/s)",
                c.events,
                docs as f64 / secs,
                c.reports as f64 / secs
            );
            return store;
        }
    }
}

fn stats_million(c: &mut Criterion) {
    let store = million_event_db();
    let all = Filter::default();
    let total = store.stats(&all, &[]).unwrap()[0].events;
    assert!(total >= MILLION);
    let mut g = c.benchmark_group("stats_1m_events_sqlite");
    g.sample_size(20);
    let cases: &[(&str, Vec<GroupKey>, Filter)] = &[
        (
            "month_admin1",
            vec![GroupKey::Month, GroupKey::Admin1],
            all.clone(),
        ),
        ("week", vec![GroupKey::Week], all.clone()),
        ("actor", vec![GroupKey::Actor], all.clone()),
        (
            "month_admin1_one_country",
            vec![GroupKey::Month, GroupKey::Admin1],
            Filter {
                country: Some("MLI".into()),
                ..Default::default()
            },
        ),
    ];
    for (name, keys, filter) in cases {
        let expected = if filter == &all {
            total
        } else {
            store.count(filter).unwrap()
        };
        g.bench_function(*name, |b| {
            b.iter(|| {
                let rows = store.stats(filter, keys).unwrap();
                // A fast wrong answer fails: the groups add up to the total.
                assert_eq!(rows.iter().map(|r| r.events).sum::<u64>(), expected);
            })
        });
    }
    g.finish();
}

criterion_group!(benches, ingest_sqlite, ingest_postgres, stats_million);
criterion_main!(benches);
