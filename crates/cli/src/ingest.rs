//! `rasd ingest PATH...|-`: read documents, code them, store them.
//!
//! Documents are committed in batches (one transaction each): a killed run
//! loses at most the batch in flight, and running the same command again
//! skips what is already stored (same id and content hash) and finishes
//! the rest. A batch that fails is retried one document at a time so one
//! bad document is reported by name and the others are still stored.

use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::bail;
use chrono::NaiveDateTime;
use indicatif::{ProgressBar, ProgressStyle};
use rasd_model::{Document, Event, Language};
use rasd_store::{IngestStatus, Store};

use crate::query::DbArgs;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    db: DbArgs,
    /// Files or folders to read; `-` reads JSON lines from stdin.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Documents per transaction.
    #[arg(long, default_value_t = 64)]
    batch: usize,
}

/// A document that could not be read.
#[derive(Debug)]
pub struct ReadError {
    /// File (and line, for JSON lines) the error is about.
    pub source: String,
    pub reason: String,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.source, self.reason)
    }
}

// ---------------------------------------------------------------------
// LEAD: replace with `rasd_ingest::read_paths(paths, opts)` when the
// readers land. Until then: `.txt` (and any other) files are one document
// each (id = file stem), `.jsonl`/`.ndjson` files and stdin hold one
// `{"id", "text", "url"?, "title"?, "published"?, "lang"?}` per line.
// ---------------------------------------------------------------------
fn read_documents(paths: &[PathBuf]) -> Box<dyn Iterator<Item = Result<Document, ReadError>>> {
    let mut files: Vec<PathBuf> = Vec::new();
    let mut errors: Vec<ReadError> = Vec::new();
    let mut stdin = false;
    for p in paths {
        if p.as_os_str() == "-" {
            stdin = true;
        } else {
            collect_files(p, &mut files, &mut errors);
        }
    }
    let from_files = files.into_iter().flat_map(|f| read_file(&f));
    let from_stdin = stdin.then(|| {
        std::io::stdin()
            .lock()
            .lines()
            .enumerate()
            .filter_map(|(i, line)| {
                let source = format!("<stdin>:{}", i + 1);
                match line {
                    Ok(l) if l.trim().is_empty() => None,
                    Ok(l) => Some(parse_json_doc(&l, &source)),
                    Err(e) => Some(Err(ReadError {
                        source,
                        reason: e.to_string(),
                    })),
                }
            })
            .collect::<Vec<_>>()
    });
    Box::new(
        errors
            .into_iter()
            .map(Err)
            .chain(from_files)
            .chain(from_stdin.into_iter().flatten()),
    )
}

fn collect_files(p: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<ReadError>) {
    match std::fs::metadata(p) {
        Ok(m) if m.is_dir() => match std::fs::read_dir(p) {
            Ok(rd) => {
                let mut entries: Vec<PathBuf> =
                    rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
                entries.sort();
                for e in entries {
                    collect_files(&e, files, errors);
                }
            }
            Err(e) => errors.push(ReadError {
                source: p.display().to_string(),
                reason: e.to_string(),
            }),
        },
        Ok(_) => files.push(p.to_path_buf()),
        Err(e) => errors.push(ReadError {
            source: p.display().to_string(),
            reason: e.to_string(),
        }),
    }
}

fn read_file(path: &Path) -> Vec<Result<Document, ReadError>> {
    let name = path.display().to_string();
    let mut bytes = Vec::new();
    if let Err(e) = std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes)) {
        return vec![Err(ReadError {
            source: name,
            reason: e.to_string(),
        })];
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            return vec![Err(ReadError {
                source: name,
                reason: format!(
                    "not UTF-8 text (invalid byte at offset {})",
                    e.utf8_error().valid_up_to()
                ),
            })]
        }
    };
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    if ext == "jsonl" || ext == "ndjson" {
        return text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(i, l)| parse_json_doc(l, &format!("{name}:{}", i + 1)))
            .collect();
    }
    if text.contains('\0') {
        return vec![Err(ReadError {
            source: name,
            reason: "binary file (NUL bytes)".into(),
        })];
    }
    let id = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("")
        .to_string();
    vec![Ok(Document {
        id,
        url: None,
        title: None,
        published: None,
        lang: None,
        text,
        body: Vec::new(),
    })]
}

fn parse_json_doc(line: &str, source: &str) -> Result<Document, ReadError> {
    let err = |reason: String| ReadError {
        source: source.to_string(),
        reason,
    };
    let v: serde_json::Value =
        serde_json::from_str(line).map_err(|e| err(format!("malformed JSON: {e}")))?;
    let s = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
    let id = s("id")
        .filter(|i| !i.trim().is_empty())
        .ok_or_else(|| err("no \"id\"".into()))?;
    let text = s("text").ok_or_else(|| err("no \"text\"".into()))?;
    let published = s("published").and_then(|p| {
        let p = p.trim().to_string();
        NaiveDateTime::parse_from_str(&p, "%Y-%m-%dT%H:%M:%S")
            .or_else(|_| NaiveDateTime::parse_from_str(&p, "%Y-%m-%d %H:%M:%S"))
            .ok()
            .or_else(|| rasd_store::parse_date(&p).and_then(|d| d.and_hms_opt(0, 0, 0)))
    });
    Ok(Document {
        id,
        url: s("url"),
        title: s("title"),
        published,
        lang: s("lang").and_then(|l| Language::from_code(&l)),
        text,
        body: Vec::new(),
    })
}

// ---------------------------------------------------------------------
// LEAD: replace with `rasd_coder::Coder::new().code(doc)` (build the coder
// once, outside the loop) when the coder lands.
// ---------------------------------------------------------------------
fn code_document(_doc: &Document) -> Vec<Event> {
    Vec::new()
}

#[derive(Default)]
struct Tally {
    docs: u64,
    new: u64,
    replaced: u64,
    unchanged: u64,
    events: u64,
    merged: u64,
    errors: u64,
}

impl Tally {
    fn message(&self) -> String {
        format!(
            "{} events ({} merged) · {} errors",
            self.events, self.merged, self.errors
        )
    }
}

fn store_batch(
    store: &dyn Store,
    batch: Vec<(Document, Vec<Event>)>,
    tally: &mut Tally,
    bar: &ProgressBar,
) {
    let count = |t: &mut Tally, o: &rasd_store::IngestOutcome| {
        t.docs += 1;
        match o.status {
            IngestStatus::New => t.new += 1,
            IngestStatus::Replaced => t.replaced += 1,
            IngestStatus::Unchanged => t.unchanged += 1,
        }
        t.events += o.reports as u64;
        t.merged += o.merged as u64;
    };
    match store.ingest_batch(batch.clone()) {
        Ok(outcomes) => outcomes.iter().for_each(|o| count(tally, o)),
        Err(_) => {
            // Find the culprit(s): one transaction per document.
            for (doc, events) in batch {
                match store.ingest(&doc, events) {
                    Ok(o) => count(tally, &o),
                    Err(e) => {
                        tally.errors += 1;
                        bar.suspend(|| eprintln!("error: {e}"));
                    }
                }
            }
        }
    }
}

pub fn run(a: Args) -> anyhow::Result<()> {
    let store = a.db.open()?;
    let bar = ProgressBar::new_spinner();
    bar.set_style(
        ProgressStyle::with_template("{spinner} {elapsed_precise} {pos} docs ({per_sec}) · {msg}")
            .expect("valid template"),
    );
    bar.enable_steady_tick(Duration::from_millis(200));
    let mut tally = Tally::default();
    let mut batch = Vec::with_capacity(a.batch.max(1));
    for item in read_documents(&a.paths) {
        match item {
            Ok(doc) => {
                let events = code_document(&doc);
                batch.push((doc, events));
            }
            Err(e) => {
                tally.errors += 1;
                bar.suspend(|| eprintln!("error: {e}"));
            }
        }
        if batch.len() >= a.batch.max(1) {
            let n = batch.len() as u64;
            store_batch(store.as_ref(), std::mem::take(&mut batch), &mut tally, &bar);
            bar.inc(n);
            bar.set_message(tally.message());
        }
    }
    let n = batch.len() as u64;
    if n > 0 {
        store_batch(store.as_ref(), batch, &mut tally, &bar);
        bar.inc(n);
    }
    bar.finish_and_clear();
    eprintln!(
        "{} documents: {} new, {} replaced, {} unchanged; {} events stored ({} merged into earlier reports); {} errors",
        tally.docs, tally.new, tally.replaced, tally.unchanged, tally.events, tally.merged, tally.errors
    );
    if tally.errors > 0 {
        bail!("{} documents could not be read or stored", tally.errors);
    }
    Ok(())
}
