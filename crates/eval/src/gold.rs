//! Reading gold files and prediction files.
//!
//! Both are JSON lines. A gold file holds one document a line
//! (`{"id", "lang", "publication_date", "events": [...]}`); a prediction
//! file holds one event a line, each naming its document in `doc_id` (what
//! `rasd extract --format jsonl` prints). The same [`Event`] type reads
//! both. A broken line stops the load with the path, the line number and
//! the reason: a gold file that half loads would silently change every score.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveTime};
use rasd_model::{Document, Event, Language};
use serde::{Deserialize, Serialize};

/// Everything that can go wrong while reading evaluation inputs.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: not UTF-8 text (invalid byte at offset {offset})")]
    NotUtf8 { path: PathBuf, offset: usize },
    #[error("{path}:{line}: {reason}")]
    Json {
        path: PathBuf,
        line: usize,
        reason: String,
    },
    #[error("{path}:{line}: document id {id:?} appears twice (first on line {first})")]
    DuplicateDocument {
        path: PathBuf,
        line: usize,
        first: usize,
        id: String,
    },
    #[error("{path}:{line}: {reason}")]
    Invalid {
        path: PathBuf,
        line: usize,
        reason: String,
    },
    #[error("{path}: no documents in the gold file")]
    EmptyGold { path: PathBuf },
    #[error("{path}: not a Rasd evaluation report: {reason}")]
    Report { path: PathBuf, reason: String },
}

/// One document of a gold file with its hand-coded events (incidents and
/// period totals alike; `is_period_total` tells them apart).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldDoc {
    pub id: String,
    pub lang: Language,
    /// The page's publication day; `None` when the page shows none.
    pub publication_date: Option<NaiveDate>,
    #[serde(default)]
    pub events: Vec<Event>,
}

impl GoldDoc {
    /// A [`Document`] for this gold entry around the given text: the id,
    /// language and publication day come from the gold line. Used until the
    /// ingest crate's reader takes over the reading of `DIR/<id>.txt`.
    pub fn document(&self, text: String) -> Document {
        Document {
            id: self.id.clone(),
            url: None,
            title: None,
            published: self.publication_date.map(|d| d.and_time(NaiveTime::MIN)),
            lang: Some(self.lang),
            text,
            body: Vec::new(),
        }
    }

    /// A negative document reports no event at all, not even a total.
    pub fn is_negative(&self) -> bool {
        self.events.is_empty()
    }
}

/// Reads a gold file.
pub fn load_gold(path: impl AsRef<Path>) -> Result<Vec<GoldDoc>, EvalError> {
    let path = path.as_ref();
    let text = read_text(path)?;
    parse_gold(&text, path)
}

/// Parses the text of a gold file; `origin` names it in errors.
pub fn parse_gold(text: &str, origin: &Path) -> Result<Vec<GoldDoc>, EvalError> {
    let mut docs = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (line_no, line) in json_lines(text) {
        let doc: GoldDoc = serde_json::from_str(line).map_err(|e| EvalError::Json {
            path: origin.to_path_buf(),
            line: line_no,
            reason: e.to_string(),
        })?;
        check_id(&doc.id).map_err(|reason| EvalError::Invalid {
            path: origin.to_path_buf(),
            line: line_no,
            reason,
        })?;
        if let Some(first) = seen.insert(doc.id.clone(), line_no) {
            return Err(EvalError::DuplicateDocument {
                path: origin.to_path_buf(),
                line: line_no,
                first,
                id: doc.id,
            });
        }
        docs.push(doc);
    }
    if docs.is_empty() {
        return Err(EvalError::EmptyGold {
            path: origin.to_path_buf(),
        });
    }
    Ok(docs)
}

/// Predicted events grouped by document id, in file order within a document.
pub type Predictions = BTreeMap<String, Vec<Event>>;

/// Reads a prediction file: one event a line, each with its `doc_id`.
pub fn load_predictions(path: impl AsRef<Path>) -> Result<Predictions, EvalError> {
    let path = path.as_ref();
    let text = read_text(path)?;
    parse_predictions(&text, path)
}

/// Parses the text of a prediction file; `origin` names it in errors. An
/// empty file is valid: a coder may find nothing.
pub fn parse_predictions(text: &str, origin: &Path) -> Result<Predictions, EvalError> {
    let mut out = Predictions::new();
    for (line_no, line) in json_lines(text) {
        let event: Event = serde_json::from_str(line).map_err(|e| EvalError::Json {
            path: origin.to_path_buf(),
            line: line_no,
            reason: e.to_string(),
        })?;
        if event.doc_id.trim().is_empty() {
            return Err(EvalError::Invalid {
                path: origin.to_path_buf(),
                line: line_no,
                reason: "event has no doc_id, so it cannot be scored against a document".into(),
            });
        }
        out.entry(event.doc_id.clone()).or_default().push(event);
    }
    Ok(out)
}

/// Document ids of `predictions` that the gold set does not know; their
/// events are not scored, and callers should say so.
pub fn unknown_documents<'a>(gold: &[GoldDoc], predictions: &'a Predictions) -> Vec<&'a str> {
    let known: BTreeSet<&str> = gold.iter().map(|d| d.id.as_str()).collect();
    predictions
        .keys()
        .map(String::as_str)
        .filter(|id| !known.contains(id))
        .collect()
}

/// A document id becomes a file name (`DIR/<id>.txt`), so it must not be
/// able to leave that directory or hide in it.
fn check_id(id: &str) -> Result<(), String> {
    if id.trim().is_empty() {
        return Err("document id is empty".into());
    }
    if id.contains(['/', '\\', '\0']) || id.starts_with('.') {
        return Err(format!(
            "document id {id:?} cannot be used as a file name (path separator or leading dot)"
        ));
    }
    Ok(())
}

/// Reads a whole file as UTF-8, naming the file in every error.
pub fn read_text(path: &Path) -> Result<String, EvalError> {
    let bytes = std::fs::read(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    String::from_utf8(bytes).map_err(|e| EvalError::NotUtf8 {
        path: path.to_path_buf(),
        offset: e.utf8_error().valid_up_to(),
    })
}

/// The non-blank lines of a JSON-lines text with their 1-based numbers; a
/// byte-order mark before the first line is dropped (editors add one).
fn json_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origin() -> &'static Path {
        Path::new("gold.jsonl")
    }

    #[test]
    fn reads_documents_and_skips_blank_lines() {
        let text = "\u{feff}{\"id\":\"a1\",\"lang\":\"ar\",\"publication_date\":\"2022-01-02\",\"events\":[]}\n\n{\"id\":\"b1\",\"lang\":\"fr\",\"publication_date\":null,\"events\":[]}\n";
        let docs = parse_gold(text, origin()).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].lang, Language::Ar);
        assert_eq!(docs[1].publication_date, None);
        let doc = docs[0].document("نص".into());
        assert_eq!(doc.publication_date(), NaiveDate::from_ymd_opt(2022, 1, 2));
        assert_eq!(doc.lang, Some(Language::Ar));
    }

    #[test]
    fn malformed_line_names_file_and_line() {
        let text = "{\"id\":\"a1\",\"lang\":\"ar\",\"publication_date\":null,\"events\":[]}\n{\"id\": \"a2\", \"lang\": \"ar\"";
        let err = parse_gold(text, origin()).unwrap_err().to_string();
        assert!(err.starts_with("gold.jsonl:2:"), "{err}");
    }

    #[test]
    fn unknown_category_is_an_error_not_a_panic() {
        let text = r#"{"id":"a1","lang":"ar","publication_date":null,"events":[{"event_date":"2022-01-01","event_type":"Bombing","sub_event_type":"Attack"}]}"#;
        let err = parse_gold(text, origin()).unwrap_err().to_string();
        assert!(err.contains("Bombing"), "{err}");
    }

    #[test]
    fn duplicate_and_unsafe_ids_are_refused() {
        let line = r#"{"id":"a1","lang":"ar","publication_date":null,"events":[]}"#;
        let err = parse_gold(&format!("{line}\n{line}"), origin()).unwrap_err();
        assert!(matches!(
            err,
            EvalError::DuplicateDocument {
                line: 2,
                first: 1,
                ..
            }
        ));
        let bad = r#"{"id":"../etc/x","lang":"ar","publication_date":null,"events":[]}"#;
        assert!(matches!(
            parse_gold(bad, origin()),
            Err(EvalError::Invalid { .. })
        ));
    }

    #[test]
    fn empty_gold_is_an_error_empty_predictions_are_not() {
        assert!(matches!(
            parse_gold("\n \n", origin()),
            Err(EvalError::EmptyGold { .. })
        ));
        assert!(parse_predictions("", origin()).unwrap().is_empty());
    }

    #[test]
    fn predictions_need_a_doc_id() {
        let text =
            r#"{"event_date":"2022-01-01","event_type":"Battles","sub_event_type":"Armed clash"}"#;
        let err = parse_predictions(text, origin()).unwrap_err().to_string();
        assert!(err.contains("doc_id"), "{err}");
        let ok = r#"{"doc_id":"x","event_date":"2022-01-01","event_type":"Battles","sub_event_type":"Armed clash"}"#;
        assert_eq!(parse_predictions(ok, origin()).unwrap()["x"].len(), 1);
    }

    #[test]
    fn binary_file_is_a_clear_error() {
        let dir = std::env::temp_dir().join(format!("rasd-eval-bin-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("gold.jsonl");
        std::fs::write(&path, [b'{', 0xff, 0xfe, b'}']).unwrap();
        let err = load_gold(&path).unwrap_err();
        assert!(matches!(err, EvalError::NotUtf8 { offset: 1, .. }), "{err}");
        let missing = load_gold(dir.join("nope.jsonl")).unwrap_err().to_string();
        assert!(missing.contains("nope.jsonl"), "{missing}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
