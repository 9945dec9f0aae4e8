//! `rasd geocode TEXT`: the places and countries a text names, with their
//! spans, gazetteer records, relations and geo precision.

use std::io::{self, Read, Write};

use anyhow::Context;
use rasd_gazetteer::{Gazetteer, PlaceMention, Relation};

/// How `geocode` and `places` print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GeoFormat {
    /// Aligned columns for people.
    Table,
    /// One JSON object.
    Json,
}

#[derive(clap::Args)]
pub struct GeocodeArgs {
    /// The text to read; `-` or nothing reads standard input.
    text: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: GeoFormat,
}

pub fn run(args: &GeocodeArgs) -> anyhow::Result<()> {
    let text = match args.text.as_deref() {
        Some(t) if t != "-" => t.to_string(),
        _ => {
            let mut buf = Vec::new();
            io::stdin()
                .read_to_end(&mut buf)
                .context("reading standard input")?;
            String::from_utf8(buf).context("standard input is not UTF-8 text")?
        }
    };
    let g = Gazetteer::global();
    let analysis = rasd_text::analyze(&text);
    let (places, countries) = g.geocode_with_countries(&text, &analysis);
    let mut out = io::stdout().lock();
    match args.format {
        GeoFormat::Json => {
            let v = serde_json::json!({ "places": places, "countries": countries });
            serde_json::to_writer_pretty(&mut out, &v)?;
            writeln!(out)?;
        }
        GeoFormat::Table => {
            writeln!(
                out,
                "{:<11} {:<22} {:<24} {:<5} {:<18} {:<18} {:>9} {:>10} {:>4} {:<26} {:>5}",
                "span",
                "text",
                "place",
                "iso3",
                "admin1",
                "admin2",
                "lat",
                "lon",
                "prec",
                "relation",
                "score"
            )?;
            for m in &places {
                writeln!(out, "{}", row(m))?;
            }
            for c in &countries {
                writeln!(
                    out,
                    "country {:<11} {:<22} {} ({}, {:?})",
                    format!("{}..{}", c.span.start, c.span.end),
                    cut(&text[c.span.start..c.span.end], 22),
                    c.country,
                    c.iso3,
                    c.form
                )?;
            }
        }
    }
    Ok(())
}

fn relation(m: &PlaceMention) -> String {
    match &m.relation {
        Relation::At => "at".into(),
        Relation::Near => "near".into(),
        Relation::Direction(d) => format!("part: {d}"),
        Relation::Distance { km, direction } => {
            let km = km.map_or("?".into(), |k| format!("{k:.0}"));
            match direction {
                Some(d) => format!("{km} km {d}"),
                None => format!("{km} km"),
            }
        }
    }
}

/// Cuts a cell to `n` characters (names in Arabic can be long).
pub fn cut(s: &str, n: usize) -> String {
    let mut out: String = s.chars().take(n).collect();
    if s.chars().count() > n {
        out.pop();
        out.push('…');
    }
    out
}

fn row(m: &PlaceMention) -> String {
    let span = format!("{}..{}", m.span.start, m.span.end);
    match &m.place {
        Some(p) => format!(
            "{:<11} {:<22} {:<24} {:<5} {:<18} {:<18} {:>9.4} {:>10.4} {:>4} {:<26} {:>5.2}",
            span,
            cut(&m.surface, 22),
            cut(&p.name, 24),
            p.iso3,
            cut(&p.admin1, 18),
            cut(&p.admin2, 18),
            p.lat,
            p.lon,
            m.geo_precision,
            relation(m),
            m.score
        ),
        None => format!(
            "{:<11} {:<22} {:<24} {:<5} {:<18} {:<18} {:>9} {:>10} {:>4} {:<26} {:>5.2}",
            span,
            cut(&m.surface, 22),
            "(unresolved)",
            "",
            "",
            "",
            "",
            "",
            "",
            relation(m),
            m.score
        ),
    }
}
