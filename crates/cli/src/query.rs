//! `rasd query`: list stored events matching filters. Also home of the
//! filter and database flags shared by `stats` and `export`.

use std::io::Write;
use std::sync::Arc;

use anyhow::{bail, Context};
use rasd_model::{EventType, SubEventType};
use rasd_store::{Filter, Near, Store};

/// Where the store is.
#[derive(clap::Args, Debug, Clone)]
pub struct DbArgs {
    /// Database: a SQLite file path, sqlite://PATH, or postgres://…
    #[arg(long, env = "RASD_DB", default_value = "rasd.db")]
    pub db: String,
}

impl DbArgs {
    pub fn open(&self) -> anyhow::Result<Arc<dyn Store>> {
        rasd_store::open(&self.db).with_context(|| format!("opening the store {}", self.db))
    }
}

/// Filters shared by query, stats and export. Values are passed to the
/// store as bound parameters.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct FilterArgs {
    /// ISO3 code or English country name.
    #[arg(long)]
    pub country: Option<String>,
    /// First-level administrative area (exact name, any case).
    #[arg(long)]
    pub admin1: Option<String>,
    /// Location (exact name, any case).
    #[arg(long)]
    pub location: Option<String>,
    /// Centre of a radius search, as LAT,LON.
    #[arg(
        long,
        value_name = "LAT,LON",
        requires = "radius_km",
        allow_hyphen_values = true
    )]
    pub near: Option<String>,
    /// Radius around --near, in kilometres.
    #[arg(long, requires = "near")]
    pub radius_km: Option<f64>,
    /// Actor name or part of it (any case); repeat for alternatives.
    #[arg(long)]
    pub actor: Vec<String>,
    /// ACLED event type, e.g. "Battles".
    #[arg(long = "type")]
    pub event_type: Option<String>,
    /// ACLED sub-event type, e.g. "Armed clash".
    #[arg(long = "sub-type")]
    pub sub_event_type: Option<String>,
    /// First day, YYYY-MM-DD (inclusive).
    #[arg(long)]
    pub from: Option<String>,
    /// Last day, YYYY-MM-DD (inclusive).
    #[arg(long)]
    pub to: Option<String>,
    /// Only events with at least this many fatalities.
    #[arg(long)]
    pub min_fatalities: Option<u32>,
    /// Words that must all occur in a source document.
    #[arg(long)]
    pub text: Option<String>,
    /// Include period totals ("since March, 900 killed").
    #[arg(long)]
    pub period_totals: bool,
}

/// An actor filter by any alias (Arabic, French, English) also matches the
/// ACLED names the coder gives that actor.
fn expand_actor_aliases(name: &str) -> Vec<String> {
    rasd_coder::actors::ACTORS.names_for_query(name)
}

impl FilterArgs {
    pub fn to_filter(&self) -> anyhow::Result<Filter> {
        let date = |s: &Option<String>, flag: &str| -> anyhow::Result<_> {
            s.as_deref()
                .map(|v| {
                    rasd_store::parse_date(v)
                        .with_context(|| format!("--{flag} {v:?}: expected YYYY-MM-DD"))
                })
                .transpose()
        };
        let near = match (&self.near, self.radius_km) {
            (Some(p), Some(r)) => {
                let (lat, lon) = p
                    .split_once(',')
                    .and_then(|(a, b)| Some((a.trim().parse().ok()?, b.trim().parse().ok()?)))
                    .with_context(|| format!("--near {p:?}: expected LAT,LON"))?;
                if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
                    bail!("--near {p:?}: latitude or longitude out of range");
                }
                if !(r.is_finite() && r >= 0.0) {
                    bail!("--radius-km {r}: expected a distance in km");
                }
                Some(Near {
                    lat,
                    lon,
                    radius_km: r,
                })
            }
            _ => None,
        };
        Ok(Filter {
            country: self.country.clone(),
            admin1: self.admin1.clone(),
            location: self.location.clone(),
            near,
            actors: self
                .actor
                .iter()
                .flat_map(|a| expand_actor_aliases(a))
                .collect(),
            event_type: self
                .event_type
                .as_deref()
                .map(|t| t.parse::<EventType>())
                .transpose()
                .context("--type")?,
            sub_event_type: self
                .sub_event_type
                .as_deref()
                .map(|t| t.parse::<SubEventType>())
                .transpose()
                .context("--sub-type")?,
            date_from: date(&self.from, "from")?,
            date_to: date(&self.to, "to")?,
            min_fatalities: self.min_fatalities,
            text: self.text.clone(),
            include_period_totals: self.period_totals,
            limit: None,
            offset: None,
        })
    }
}

#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    Table,
    Json,
    Jsonl,
    Csv,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    db: DbArgs,
    #[command(flatten)]
    filter: FilterArgs,
    /// Output format (csv uses the ACLED columns).
    #[arg(long, value_enum, default_value = "table")]
    format: Output,
    /// At most this many events (newest first).
    #[arg(long, default_value_t = 100)]
    limit: u64,
    /// Skip this many events first.
    #[arg(long, default_value_t = 0)]
    offset: u64,
}

pub fn run(a: Args) -> anyhow::Result<()> {
    quiet_broken_pipe(run_query(a))
}

/// A reader that stops early (`| head`) is not an error.
pub fn quiet_broken_pipe(r: anyhow::Result<()>) -> anyhow::Result<()> {
    match r {
        Err(e)
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            Ok(())
        }
        other => other,
    }
}

fn run_query(a: Args) -> anyhow::Result<()> {
    let store = a.db.open()?;
    let mut filter = a.filter.to_filter()?;
    filter.limit = Some(a.limit);
    filter.offset = Some(a.offset);
    let events = store.query(&filter)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match a.format {
        Output::Json => {
            let v: Vec<_> = events.iter().map(rasd_store::export::event_json).collect();
            serde_json::to_writer_pretty(&mut out, &v)?;
            writeln!(out)?;
        }
        Output::Jsonl => {
            for e in &events {
                serde_json::to_writer(&mut out, &rasd_store::export::event_json(e))?;
                writeln!(out)?;
            }
        }
        Output::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            w.write_record(rasd_store::export::ACLED_COLUMNS)?;
            for e in &events {
                w.write_record(rasd_store::export::acled_row(e))?;
            }
            w.flush()?;
        }
        Output::Table => {
            let header = [
                "event_id", "date", "type", "actor1", "actor2", "location", "admin1", "iso3",
                "deaths", "reports",
            ];
            let rows: Vec<Vec<String>> = events
                .iter()
                .map(|s| {
                    let e = &s.event;
                    vec![
                        e.event_id.clone(),
                        e.event_date.map(|d| d.to_string()).unwrap_or_default(),
                        e.sub_event_type.to_string(),
                        e.actor1.clone(),
                        e.actor2.clone(),
                        e.location.clone(),
                        e.admin1.clone(),
                        e.iso3.clone(),
                        e.fatalities.map(|f| f.to_string()).unwrap_or_default(),
                        s.n_reports.to_string(),
                    ]
                })
                .collect();
            print_table(&mut out, &header, &rows)?;
            let total = store.count(&Filter {
                limit: None,
                offset: None,
                ..filter
            })?;
            writeln!(out, "{} of {total} events", rows.len())?;
        }
    }
    out.flush()?;
    Ok(())
}

/// A plain text table; long cells are cut to keep lines readable.
pub fn print_table(
    out: &mut dyn Write,
    header: &[&str],
    rows: &[Vec<String>],
) -> std::io::Result<()> {
    const MAX: usize = 36;
    let cut = |s: &str| -> String {
        if s.chars().count() > MAX {
            let mut t: String = s.chars().take(MAX - 1).collect();
            t.push('…');
            t
        } else {
            s.to_string()
        }
    };
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| cut(c)).collect())
        .collect();
    let mut width: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in &cells {
        for (i, c) in r.iter().enumerate() {
            width[i] = width[i].max(c.chars().count());
        }
    }
    let line = |out: &mut dyn Write, vals: Vec<&str>| -> std::io::Result<()> {
        let parts: Vec<String> = vals
            .iter()
            .enumerate()
            .map(|(i, v)| format!("{v}{}", " ".repeat(width[i] - v.chars().count())))
            .collect();
        writeln!(out, "{}", parts.join("  ").trim_end())
    };
    line(out, header.to_vec())?;
    line(
        out,
        width
            .iter()
            .map(|w| "-".repeat(*w))
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str)
            .collect(),
    )?;
    for r in &cells {
        line(out, r.iter().map(String::as_str).collect())?;
    }
    Ok(())
}
