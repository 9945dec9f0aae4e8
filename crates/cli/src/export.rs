//! `rasd export`: every matching event as ACLED CSV, GeoJSON, JSON lines
//! or Parquet, to a file or stdout.

use std::fs::File;
use std::io::Write;

use anyhow::{bail, Context};
use rasd_store::export::{export, Format};

use crate::query::{DbArgs, FilterArgs};

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    db: DbArgs,
    #[command(flatten)]
    filter: FilterArgs,
    /// acled-csv, geojson, jsonl or parquet.
    #[arg(long, default_value = "acled-csv")]
    format: String,
    /// Output file (default: stdout; Parquet needs a file).
    #[arg(long)]
    out: Option<std::path::PathBuf>,
}

pub fn run(a: Args) -> anyhow::Result<()> {
    crate::query::quiet_broken_pipe(run_export(a))
}

fn run_export(a: Args) -> anyhow::Result<()> {
    let format = Format::parse(&a.format).with_context(|| {
        format!(
            "--format {:?}: expected acled-csv, geojson, jsonl or parquet",
            a.format
        )
    })?;
    if !format.available() {
        bail!("this rasd was built without Parquet support (cargo feature `parquet`)");
    }
    let store = a.db.open()?;
    let filter = a.filter.to_filter()?;
    let n = match &a.out {
        Some(path) => {
            // Write next to the target and rename, so a failed export never
            // leaves a truncated file under the requested name.
            let tmp = path.with_extension("partial");
            let file = File::create(&tmp).with_context(|| format!("creating {}", tmp.display()))?;
            let n = export(
                store.as_ref(),
                &filter,
                format,
                std::io::BufWriter::new(file),
            )
            .with_context(|| format!("exporting to {}", path.display()))?;
            std::fs::rename(&tmp, path)
                .with_context(|| format!("renaming {} to {}", tmp.display(), path.display()))?;
            n
        }
        None => {
            if format == Format::Parquet {
                bail!("Parquet is binary: give --out FILE");
            }
            let mut out = std::io::BufWriter::new(std::io::stdout());
            let n = export(store.as_ref(), &filter, format, &mut out)?;
            out.flush()?;
            n
        }
    };
    eprintln!("exported {n} events");
    Ok(())
}
