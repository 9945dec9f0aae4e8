//! `rasd ingest PATH...|-`: read documents, code them, store them.
//!
//! Documents are committed in batches (one transaction each): a killed run
//! loses at most the batch in flight, and running the same command again
//! skips what is already stored (same id and content hash) and finishes
//! the rest. A batch that fails is retried one document at a time so one
//! bad document is reported by name and the others are still stored.

use std::path::PathBuf;
use std::time::Duration;

use anyhow::bail;
use indicatif::{ProgressBar, ProgressStyle};
use rasd_model::{Document, Event};
use rasd_store::{IngestStatus, Store};

use crate::query::DbArgs;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    db: DbArgs,
    /// Files or folders to read (site text, HTML, JSON lines); `-` reads
    /// standard input.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Documents per transaction.
    #[arg(long, default_value_t = 64)]
    batch: usize,
}

/// Reads every document of the inputs (site text, HTML, JSON lines; files,
/// folders, `-` for stdin), lazily: one failed input is one error, the rest
/// goes on.
fn read_documents(paths: &[PathBuf]) -> rasd_ingest::Documents {
    rasd_ingest::read_paths(paths, &rasd_ingest::ReadOptions::default())
}

/// Codes one document (the coder's dictionaries are built once, lazily).
fn code_document(doc: &Document) -> Vec<Event> {
    rasd_coder::Coder::global().code(doc)
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
            IngestStatus::Replaced | IngestStatus::Recoded => t.replaced += 1,
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
