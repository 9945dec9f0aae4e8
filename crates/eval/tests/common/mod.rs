//! The small gold set in `tests/data`: six articles written for these
//! tests (Arabic, English, French; two of them negative), their gold
//! events, and the output of an imagined imperfect coder
//! (`predictions.jsonl`, each line explained in `tests/scoring.rs`).

#![allow(dead_code)] // each test crate uses a different part of this module

use std::collections::BTreeMap;
use std::path::PathBuf;

use rasd_eval::{load_gold, load_predictions, GoldDoc, Predictions};
use rasd_model::Event;

pub fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data")
}

pub fn gold() -> Vec<GoldDoc> {
    load_gold(data_dir().join("gold.jsonl")).expect("test gold file loads")
}

pub fn predictions() -> Predictions {
    load_predictions(data_dir().join("predictions.jsonl")).expect("test predictions load")
}

pub fn texts(gold: &[GoldDoc]) -> BTreeMap<String, String> {
    gold.iter()
        .map(|d| {
            let path = data_dir().join("texts").join(format!("{}.txt", d.id));
            let text = std::fs::read_to_string(&path).expect("test text reads");
            (d.id.clone(), text)
        })
        .collect()
}

/// The gold events themselves as predictions: a perfect coder.
pub fn perfect(gold: &[GoldDoc]) -> Predictions {
    gold.iter()
        .map(|d| {
            let events: Vec<Event> = d
                .events
                .iter()
                .map(|e| Event {
                    doc_id: d.id.clone(),
                    ..e.clone()
                })
                .collect();
            (d.id.clone(), events)
        })
        .collect()
}
