//! `rasd recode`: code every stored document again with this build's coder
//! and replace its reports, so a store keeps up with coder improvements
//! without the original files. Documents keep their ingestion order, so
//! merged events come out as if the new coder had read them the first
//! time. Each batch is one transaction: a killed run leaves every document
//! either recoded or as it was, and running it again is harmless.

use std::time::Duration;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};

use crate::query::DbArgs;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    db: DbArgs,
    /// Documents per transaction.
    #[arg(long, default_value_t = 64)]
    batch: u64,
}

pub fn run(a: Args) -> anyhow::Result<()> {
    let store = a.db.open()?;
    let before = store.counts().context("counting the store")?;
    let bar = ProgressBar::new(before.documents);
    bar.set_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} docs ({per_sec}, {eta} left)")
            .expect("valid template"),
    );
    bar.enable_steady_tick(Duration::from_millis(200));
    let coder = rasd_coder::Coder::global();
    let mut after: Option<String> = None;
    let mut recoded = 0u64;
    loop {
        let docs = store
            .documents_after(after.as_deref(), a.batch.max(1))
            .context("reading stored documents")?;
        let Some(last_id) = docs.last().map(|d| d.id.clone()) else {
            break;
        };
        after = Some(last_id.clone());
        let n = docs.len() as u64;
        let batch = docs
            .into_iter()
            .map(|doc| {
                let events = coder.code(&doc);
                (doc, events)
            })
            .collect();
        store
            .recode_batch(batch)
            .with_context(|| format!("recoding the documents up to {last_id:?}"))?;
        recoded += n;
        bar.inc(n);
    }
    bar.finish_and_clear();
    let now = store.counts().context("counting the store")?;
    eprintln!(
        "{recoded} documents recoded: {} → {} reports, {} → {} events",
        before.reports, now.reports, before.events, now.events
    );
    Ok(())
}
