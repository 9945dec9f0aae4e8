//! `rasd places NAME`: looks a name up in the gazetteer (any language,
//! any spelling the gazetteer knows), best candidates first.

use std::io::{self, Write};
use std::time::Instant;

use rasd_gazetteer::Gazetteer;

use crate::geocode::{cut, GeoFormat};

#[derive(clap::Args)]
pub struct PlacesArgs {
    /// The name to look up ("جاو", "Ménaka", "Deir ez-Zor").
    name: Option<String>,
    /// At most this many candidates.
    #[arg(long, default_value_t = 10)]
    limit: usize,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: GeoFormat,
    /// Also print the gazetteer's size, load time and the process's peak
    /// memory (to standard error).
    #[arg(long)]
    stats: bool,
}

pub fn run(args: &PlacesArgs) -> anyhow::Result<()> {
    let t0 = Instant::now();
    let g = Gazetteer::global();
    let load = t0.elapsed();
    if args.stats {
        let s = g.stats();
        eprintln!(
            "gazetteer: {} records, {} name keys, {} loose keys; loaded in {:.1} ms; peak RSS {}",
            s.records,
            s.name_keys,
            s.loose_keys,
            load.as_secs_f64() * 1e3,
            peak_rss().map_or("unknown".into(), |kb| format!(
                "{:.1} MB",
                kb as f64 / 1024.0
            )),
        );
        for p in g.data_problems() {
            eprintln!("data problem: {p}");
        }
    }
    let Some(name) = args.name.as_deref() else {
        if args.stats {
            return Ok(());
        }
        anyhow::bail!("give a name to look up (or --stats)");
    };
    let found: Vec<_> = g.lookup(name).into_iter().take(args.limit).collect();
    let mut out = io::stdout().lock();
    match args.format {
        GeoFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &found)?;
            writeln!(out)?;
        }
        GeoFormat::Table => {
            if found.is_empty() {
                writeln!(out, "no place named {name:?}")?;
            }
            for p in &found {
                writeln!(
                    out,
                    "{:>7}  {:<24} {:<15} {:<5} {:<18} {:<18} {:>9.4} {:>10.4} {:>9}",
                    p.id,
                    cut(&p.name, 24),
                    format!("{:?}", p.kind),
                    p.iso3,
                    cut(&p.admin1, 18),
                    cut(&p.admin2, 18),
                    p.lat,
                    p.lon,
                    p.population
                )?;
            }
        }
    }
    Ok(())
}

/// Peak resident memory of this process in kB (Linux), from
/// `/proc/self/status`.
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}
