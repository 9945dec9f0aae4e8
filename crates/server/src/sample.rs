//! A small built-in sample: seven short news-style documents (Arabic,
//! English, French, written for Rasd) with hand-coded events and evidence,
//! reporting six incidents (two documents report the same attack and merge).
//!
//! `rasd serve --sample` loads it into an empty store so the dashboard
//! shows something on a fresh clone before any coder or corpus is set up;
//! the browser test uses it too. Evidence is written as the quoted words
//! (`evidence_text`) and turned into byte spans when loaded, so the file
//! stays readable and the spans are exact.

use rasd_model::{Document, Event, Span};
use rasd_store::{IngestOutcome, Store, StoreError};
use serde::Deserialize;

const SAMPLE: &str = include_str!("../data/sample.json");

#[derive(Deserialize)]
struct Item {
    document: Document,
    events: Vec<serde_json::Value>,
}

/// Why the embedded sample could not be read (a bug in the data file).
#[derive(Debug, thiserror::Error)]
pub enum SampleError {
    #[error("data/sample.json: {0}")]
    Json(#[from] serde_json::Error),
    #[error("data/sample.json: document {doc}: evidence {field:?} quotes {quote:?}, which is not in its text")]
    Quote {
        doc: String,
        field: String,
        quote: String,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The sample documents with their events (evidence resolved to spans).
pub fn batch() -> Result<Vec<(Document, Vec<Event>)>, SampleError> {
    let items: Vec<Item> = serde_json::from_str(SAMPLE)?;
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let doc = item.document;
        let mut events = Vec::new();
        for (i, v) in item.events.into_iter().enumerate() {
            let mut e: Event = serde_json::from_value(v.clone())?;
            e.doc_id = doc.id.clone();
            e.event_id = rasd_model::event_id(&doc.id, &i.to_string());
            if let Some(quotes) = v.get("evidence_text").and_then(|q| q.as_object()) {
                for (field, quote) in quotes {
                    let quote = quote.as_str().unwrap_or_default();
                    let start = doc
                        .text
                        .find(quote)
                        .filter(|_| !quote.is_empty())
                        .ok_or_else(|| SampleError::Quote {
                            doc: doc.id.clone(),
                            field: field.clone(),
                            quote: quote.to_string(),
                        })?;
                    e.add_evidence(field, Span::new(start, start + quote.len()));
                }
            }
            events.push(e);
        }
        out.push((doc, events));
    }
    Ok(out)
}

/// Stores the sample (nothing changes if it is already there).
pub fn load(store: &dyn Store) -> Result<Vec<IngestOutcome>, SampleError> {
    Ok(store.ingest_batch(batch()?)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_quote_is_found_and_spans_are_on_char_boundaries() {
        let b = batch().unwrap();
        assert_eq!(b.len(), 7);
        let mut spans = 0;
        for (doc, events) in &b {
            for e in events {
                for (field, list) in &e.evidence {
                    for s in list {
                        assert!(s.slice(&doc.text).is_some(), "{} {field}", doc.id);
                        spans += 1;
                    }
                }
            }
        }
        assert!(spans >= 25, "{spans}");
    }
}
