//! `rasd extract PATH...`: code documents and print their events.
//!
//! Documents are read by `rasd_ingest` exactly as `rasd doc` reads them:
//! files (plain text, HTML, JSON lines, JSON), folders (recursively) and
//! `-` for stdin, with the title, date line and body of each page found by
//! the readers. A document that cannot be read is reported on stderr and
//! the batch goes on; the exit status is 1 when any input failed (the
//! events of the others are still printed), 2 when no input could be
//! opened at all.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use rasd_coder::Coder;
use rasd_ingest::{read_paths, ReadOptions};
use rasd_model::{Document, Event, Span};

use crate::output::is_broken_pipe;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Json,
    Jsonl,
    Csv,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files, folders (read recursively) or - for stdin: plain text, HTML,
    /// JSON lines (`{"id", "text", "published", "lang", "body"}`) or JSON.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
    /// Show each event with its source text, evidence highlighted.
    #[arg(long)]
    explain: bool,
    /// Also print on stderr how each document was coded (frames found,
    /// incidents opened, joined and dropped).
    #[arg(long)]
    trace: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let coder = Coder::global();
    let mut failed = 0usize;
    let mut read = 0usize;
    let mut out: Vec<(Document, Vec<Event>)> = Vec::new();
    for result in read_paths(&args.paths, &ReadOptions::default()) {
        match result {
            Ok(d) => {
                read += 1;
                let events = if args.trace {
                    let (events, steps) = coder.trace(&d);
                    eprintln!("== {}", d.id);
                    for step in steps {
                        eprintln!("   {step}");
                    }
                    events
                } else {
                    coder.code(&d)
                };
                out.push((d, events));
            }
            Err(e) => {
                failed += 1;
                eprintln!("rasd extract: {e}");
            }
        }
    }
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    let printed = if args.explain {
        let colour = std::io::stdout().is_terminal();
        out.iter().try_for_each(|(d, events)| {
            events
                .iter()
                .try_for_each(|e| explain(&mut w, d, e, colour))
        })
    } else {
        print(&mut w, args.format, out.iter().flat_map(|(_, e)| e.iter()))
    };
    match printed.and_then(|()| w.flush().map_err(anyhow::Error::from)) {
        // A closed pipe (`| head`) is not an error.
        Err(e) if is_broken_pipe(&e) => return Ok(ExitCode::SUCCESS),
        Err(e) => return Err(e),
        Ok(()) => {}
    }
    if failed > 0 && read == 0 {
        anyhow::bail!("none of the {failed} inputs could be read");
    }
    Ok(if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn print<'a>(
    w: &mut impl Write,
    format: Format,
    events: impl Iterator<Item = &'a Event>,
) -> anyhow::Result<()> {
    match format {
        Format::Jsonl => {
            for e in events {
                serde_json::to_writer(&mut *w, e)?;
                writeln!(w)?;
            }
        }
        Format::Json => {
            let all: Vec<&Event> = events.collect();
            serde_json::to_writer_pretty(&mut *w, &all)?;
            writeln!(w)?;
        }
        Format::Csv => {
            let mut c = csv::Writer::from_writer(w);
            c.write_record([
                "event_id",
                "doc_id",
                "event_date",
                "date_precision",
                "disorder_type",
                "event_type",
                "sub_event_type",
                "actor1",
                "assoc_actor_1",
                "inter1",
                "actor2",
                "assoc_actor_2",
                "inter2",
                "interaction",
                "civilian_targeting",
                "iso3",
                "country",
                "admin1",
                "admin2",
                "location",
                "latitude",
                "longitude",
                "geo_precision",
                "fatalities",
                "fatalities_qualifier",
                "injured",
                "claimed_by",
                "source_attribution",
                "is_period_total",
                "notes",
                "confidence",
            ])?;
            for e in events {
                let opt = |v: Option<String>| v.unwrap_or_default();
                c.write_record([
                    e.event_id.clone(),
                    e.doc_id.clone(),
                    opt(e.event_date.map(|d| d.to_string())),
                    e.date_precision.to_string(),
                    e.disorder_type.to_string(),
                    e.event_type.to_string(),
                    e.sub_event_type.to_string(),
                    e.actor1.clone(),
                    e.assoc_actor_1.clone(),
                    e.inter1.code().to_string(),
                    e.actor2.clone(),
                    e.assoc_actor_2.clone(),
                    e.inter2.code().to_string(),
                    e.interaction.to_string(),
                    e.civilian_targeting.to_string(),
                    e.iso3.clone(),
                    e.country.clone(),
                    e.admin1.clone(),
                    e.admin2.clone(),
                    e.location.clone(),
                    opt(e.latitude.map(|v| v.to_string())),
                    opt(e.longitude.map(|v| v.to_string())),
                    e.geo_precision.to_string(),
                    opt(e.fatalities.map(|v| v.to_string())),
                    e.fatalities_qualifier.to_string(),
                    opt(e.injured.map(|v| v.to_string())),
                    opt(e.claimed_by.clone()),
                    opt(e.source_attribution.clone()),
                    e.is_period_total.to_string(),
                    e.notes.clone(),
                    format!("{:.2}", e.confidence),
                ])?;
            }
            c.flush()?;
        }
        Format::Table => {
            writeln!(
                w,
                "{:<10} {:<10} {:<34} {:<32} {:<32} {:<18} {:<5} {:>6}",
                "doc", "date", "type", "actor1", "actor2", "location", "iso3", "dead"
            )?;
            for e in events {
                let dead = match e.fatalities {
                    Some(n) => format!("{n}{}", if e.is_period_total { "*" } else { "" }),
                    None => "?".into(),
                };
                writeln!(
                    w,
                    "{:<10} {:<10} {:<34} {:<32} {:<32} {:<18} {:<5} {:>6}",
                    cut(&e.doc_id, 10),
                    e.event_date.map(|d| d.to_string()).unwrap_or_default(),
                    cut(e.sub_event_type.as_str(), 34),
                    cut(&e.actor1, 32),
                    cut(&e.actor2, 32),
                    cut(&e.location, 18),
                    e.iso3,
                    dead
                )?;
            }
        }
    }
    Ok(())
}

fn cut(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}

/// One event, then the sentences holding its evidence with each piece
/// marked by field: ANSI colours on a terminal, `[field: …]` otherwise.
fn explain(w: &mut impl Write, d: &Document, e: &Event, colour: bool) -> anyhow::Result<()> {
    writeln!(w, "== {} {} ({:.2})", e.doc_id, e.event_id, e.confidence)?;
    writeln!(w, "   {}", e.notes)?;
    let mut marks: Vec<(Span, &str)> = e
        .evidence
        .iter()
        .flat_map(|(field, spans)| spans.iter().map(move |s| (*s, field.as_str())))
        .filter(|(s, _)| {
            s.end <= d.text.len()
                && d.text.is_char_boundary(s.start)
                && d.text.is_char_boundary(s.end)
        })
        .collect();
    marks.sort_by_key(|m| (m.0.start, std::cmp::Reverse(m.0.end)));
    // Drop marks nested in an earlier one: one highlight per stretch of text.
    let mut flat: Vec<(Span, &str)> = Vec::new();
    for m in marks {
        if flat.last().is_none_or(|l| m.0.start >= l.0.end) {
            flat.push(m);
        }
    }
    // The lines that hold evidence.
    let mut lines: Vec<(usize, usize)> = Vec::new();
    for (s, _) in &flat {
        let a = d.text[..s.start].rfind('\n').map(|i| i + 1).unwrap_or(0);
        let b = d.text[s.end..]
            .find('\n')
            .map(|i| s.end + i)
            .unwrap_or(d.text.len());
        if !lines.iter().any(|l| l.0 == a) {
            lines.push((a, b));
        }
    }
    lines.sort();
    for (a, b) in lines {
        let mut out = String::new();
        let mut pos = a;
        for (s, field) in flat.iter().filter(|(s, _)| s.start >= a && s.end <= b) {
            out.push_str(&d.text[pos..s.start]);
            let piece = &d.text[s.start..s.end];
            if colour {
                out.push_str(&format!(
                    "\x1b[1;{}m{piece}\x1b[0m\x1b[2m⟨{field}⟩\x1b[0m",
                    colour_of(field)
                ));
            } else {
                out.push_str(&format!("[{field}: {piece}]"));
            }
            pos = s.end;
        }
        out.push_str(&d.text[pos..b]);
        writeln!(w, "   {out}")?;
    }
    writeln!(w)?;
    Ok(())
}

fn colour_of(field: &str) -> u8 {
    match field {
        "event_type" => 31,
        "actor1" => 32,
        "actor2" => 33,
        "event_date" => 34,
        "location" => 35,
        "fatalities" | "injured" => 36,
        _ => 37,
    }
}
