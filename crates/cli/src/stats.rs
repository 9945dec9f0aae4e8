//! `rasd stats`: event counts and fatality sums by one or two keys.

use std::io::Write;

use anyhow::{bail, Context};
use rasd_store::GroupKey;

use crate::query::{print_table, DbArgs, FilterArgs, Output};

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    db: DbArgs,
    #[command(flatten)]
    filter: FilterArgs,
    /// Group keys, one or two, comma-separated: year, month, week, country,
    /// admin1, actor, event_type, sub_event_type.
    #[arg(long, default_value = "month")]
    by: String,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: Output,
}

pub fn run(a: Args) -> anyhow::Result<()> {
    crate::query::quiet_broken_pipe(run_stats(a))
}

fn run_stats(a: Args) -> anyhow::Result<()> {
    let keys: Vec<GroupKey> =
        a.by.split(',')
            .filter(|s| !s.trim().is_empty())
            .map(|s| GroupKey::parse(s).with_context(|| format!("--by: unknown key {s:?}")))
            .collect::<anyhow::Result<_>>()?;
    if keys.len() > 2 {
        bail!("--by takes one or two keys, got {}", keys.len());
    }
    let store = a.db.open()?;
    let rows = store.stats(&a.filter.to_filter()?, &keys)?;
    let names: Vec<&str> = keys.iter().map(|k| k.name()).collect();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match a.format {
        Output::Json | Output::Jsonl => {
            let objs: Vec<serde_json::Value> = rows
                .iter()
                .map(|r| {
                    let mut m = serde_json::Map::new();
                    for (k, v) in names.iter().zip(&r.keys) {
                        m.insert((*k).into(), v.clone().into());
                    }
                    m.insert("events".into(), r.events.into());
                    m.insert("fatalities".into(), r.fatalities.into());
                    serde_json::Value::Object(m)
                })
                .collect();
            if a.format == Output::Json {
                serde_json::to_writer_pretty(&mut out, &objs)?;
                writeln!(out)?;
            } else {
                for o in objs {
                    serde_json::to_writer(&mut out, &o)?;
                    writeln!(out)?;
                }
            }
        }
        Output::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            let mut header: Vec<&str> = names.clone();
            header.extend(["events", "fatalities"]);
            w.write_record(&header)?;
            for r in &rows {
                let mut rec = r.keys.clone();
                rec.push(r.events.to_string());
                rec.push(r.fatalities.to_string());
                w.write_record(&rec)?;
            }
            w.flush()?;
        }
        Output::Table => {
            let mut header: Vec<&str> = names.clone();
            header.extend(["events", "fatalities"]);
            let cells: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    let mut c = r.keys.clone();
                    c.push(r.events.to_string());
                    c.push(r.fatalities.to_string());
                    c
                })
                .collect();
            print_table(&mut out, &header, &cells)?;
        }
    }
    out.flush()?;
    Ok(())
}
