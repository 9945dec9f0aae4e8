//! Scoring speed: the small in-repo gold set replicated to the size of a
//! large evaluation (600 documents), and one crowded document where a
//! runaway coder emits many events (the matcher's worst case).

use std::hint::black_box;
use std::path::PathBuf;

use chrono::{Days, NaiveDate};
use criterion::{criterion_group, criterion_main, Criterion};
use rasd_eval::{load_gold, load_predictions, score, GoldDoc, Predictions};
use rasd_model::{Event, Language, SubEventType};

fn data() -> (Vec<GoldDoc>, Predictions) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let gold = load_gold(dir.join("gold.jsonl")).expect("gold");
    let preds = load_predictions(dir.join("predictions.jsonl")).expect("predictions");
    let mut big_gold = Vec::new();
    let mut big_preds = Predictions::new();
    for copy in 0..100 {
        for d in &gold {
            let id = format!("{}-{copy}", d.id);
            big_gold.push(GoldDoc {
                id: id.clone(),
                ..d.clone()
            });
            if let Some(p) = preds.get(&d.id) {
                big_preds.insert(id, p.clone());
            }
        }
    }
    (big_gold, big_preds)
}

fn crowded(n_gold: u64, n_pred: u64) -> (Vec<GoldDoc>, Predictions) {
    let start = NaiveDate::from_ymd_opt(2023, 1, 1).unwrap();
    let event = |i: u64| {
        let mut e = Event::new("crowded", SubEventType::ArmedClash);
        e.event_date = start.checked_add_days(Days::new(i % 10));
        e.iso3 = "MLI".into();
        e.location = format!("Town {}", i % 7);
        e.admin1 = "Mopti".into();
        e
    };
    let gold = vec![GoldDoc {
        id: "crowded".into(),
        lang: Language::Fr,
        publication_date: None,
        events: (0..n_gold).map(event).collect(),
    }];
    let preds = Predictions::from([("crowded".into(), (0..n_pred).map(event).collect())]);
    (gold, preds)
}

fn bench(c: &mut Criterion) {
    let (gold, preds) = data();
    c.bench_function("score 600 documents", |b| {
        b.iter(|| {
            let r = score(black_box(&gold), black_box(&preds));
            // A fast wrong answer must not pass for a fast right one.
            assert_eq!(r.groups["all"].events.matched, 600);
        })
    });
    let (gold, preds) = crowded(30, 60);
    c.bench_function("score one document, 30 gold x 60 predicted", |b| {
        b.iter(|| {
            let r = score(black_box(&gold), black_box(&preds));
            assert_eq!(r.groups["all"].events.matched, 30);
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
