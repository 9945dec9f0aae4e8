//! `rasd show EVENT_ID`: a merged event, each of its reports, and which
//! fields came from which report.

use std::io::Write;

use anyhow::Context;

use crate::query::DbArgs;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    db: DbArgs,
    /// A merged event id (evt-…) or the id of one of its reports.
    id: String,
    /// Print the explanation as JSON.
    #[arg(long)]
    json: bool,
}

pub fn run(a: Args) -> anyhow::Result<()> {
    crate::query::quiet_broken_pipe(run_show(a))
}

fn run_show(a: Args) -> anyhow::Result<()> {
    let store = a.db.open()?;
    let x = store
        .explain(&a.id)?
        .with_context(|| format!("no event or report {:?} in {}", a.id, a.db.db))?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if a.json {
        serde_json::to_writer_pretty(&mut out, &x)?;
        writeln!(out)?;
        return Ok(out.flush()?);
    }
    let e = &x.event.event;
    let opt = |v: Option<String>| v.unwrap_or_else(|| "-".into());
    writeln!(out, "event {}  ({} reports)", e.event_id, x.event.n_reports)?;
    writeln!(
        out,
        "  date        {} ({})",
        opt(e.event_date.map(|d| d.to_string())),
        e.date_precision
    )?;
    writeln!(out, "  type        {} / {}", e.event_type, e.sub_event_type)?;
    writeln!(out, "  actor1      {}", e.actor1)?;
    writeln!(out, "  actor2      {}", e.actor2)?;
    writeln!(
        out,
        "  place       {}, {}, {} [{}]  ({}, {})",
        e.location,
        e.admin1,
        e.country,
        e.iso3,
        opt(e.latitude.map(|v| v.to_string())),
        opt(e.longitude.map(|v| v.to_string()))
    )?;
    writeln!(
        out,
        "  fatalities  {} ({})",
        opt(e.fatalities.map(|v| v.to_string())),
        e.fatalities_qualifier
    )?;
    writeln!(out, "  sources     {}", x.event.sources)?;
    writeln!(out, "\nfields from reports:")?;
    for (group, report) in &x.provenance {
        writeln!(out, "  {group:<11} ← {report}")?;
    }
    for r in &x.reports {
        let c = &r.record;
        writeln!(out, "\nreport {}  from {}", r.report_id, r.doc_id)?;
        if let Some(t) = &r.doc_title {
            writeln!(out, "  title       {t}")?;
        }
        if let Some(u) = &r.doc_url {
            writeln!(out, "  url         {u}")?;
        }
        writeln!(
            out,
            "  published   {}",
            opt(r.published.map(|p| p.to_string()))
        )?;
        writeln!(
            out,
            "  says        {} {} | {} vs {} | {} | deaths {} ({})",
            opt(c.event_date.map(|d| d.to_string())),
            c.sub_event_type,
            c.actor1,
            c.actor2,
            c.location,
            opt(c.fatalities.map(|v| v.to_string())),
            c.fatalities_qualifier
        )?;
        let used = if r.fields_used.is_empty() {
            "(corroboration only)".to_string()
        } else {
            r.fields_used.join(", ")
        };
        writeln!(out, "  gave        {used}")?;
    }
    Ok(out.flush()?)
}
