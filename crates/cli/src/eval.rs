//! `rasd eval`: score the coder against a gold file.
//!
//! Reads the gold file and the text of every gold document
//! (`DIR/<id>.txt`), gets predicted events — from `--predictions` (the
//! JSON lines `rasd extract --format jsonl` prints) or by running the coder
//! on each text — and prints the scores of `rasd-eval`: a table per
//! language, or the JSON report. `--baseline` compares with an earlier JSON
//! report. Exit status: 0 ok, 1 a score fell below the baseline beyond the
//! tolerance, 2 bad arguments or unreadable input.
//!
//! Two functions below are the plug-in points for crates that have not
//! landed yet: [`code_document`] (the coder) and [`read_document`] (the
//! ingest reader). Everything else stays as it is when they land.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Context};
use clap::{Args, ValueEnum};
use rasd_eval::{
    compare, list_errors, load_gold, load_predictions, load_report, render_errors, score,
    unknown_documents, GoldDoc, Predictions,
};
use rasd_model::{Document, Event, Language};

#[derive(Args, Debug)]
pub struct EvalArgs {
    /// Gold file: one JSON line per document (`{"id","lang","publication_date","events"}`).
    #[arg(long, value_name = "GOLD.jsonl")]
    gold: PathBuf,
    /// Directory with the text of each gold document, named `<id>.txt`.
    #[arg(long, value_name = "DIR")]
    texts: PathBuf,
    /// Score these predicted events instead of running the coder: one JSON
    /// event a line, each with its `doc_id` (`rasd extract --format jsonl`).
    #[arg(long, value_name = "PRED.jsonl")]
    predictions: Option<PathBuf>,
    /// Score only the documents in this language (ar, en, fr).
    #[arg(long, value_parser = parse_lang)]
    lang: Option<Language>,
    /// Output: a table per language, or the JSON report (the baseline format).
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// List every missed, spurious and mismatched event with its evidence.
    #[arg(long)]
    errors: bool,
    /// Compare with an earlier JSON report; a gating score lower by more
    /// than the tolerance exits with status 1.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Allowed drop of a score against the baseline (0.02 = two points).
    #[arg(long, default_value_t = 0.02, value_parser = parse_tolerance)]
    tolerance: f64,
    /// Also write the JSON report to this file (to raise the baseline).
    #[arg(long, value_name = "FILE")]
    save: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Table,
    Json,
}

fn parse_lang(s: &str) -> Result<Language, String> {
    Language::from_code(s).ok_or_else(|| format!("unknown language {s:?} (ar, en or fr)"))
}

fn parse_tolerance(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(t) if t.is_finite() && (0.0..=1.0).contains(&t) => Ok(t),
        _ => Err(format!("tolerance must be a number from 0 to 1, not {s:?}")),
    }
}

/// Codes one document with the real coder.
fn code_document(doc: &Document) -> Vec<Event> {
    rasd_coder::Coder::global().code(doc)
}

/// Reads one gold document's text the way `rasd extract` reads a file: the
/// site-text reader finds the title, the date line and the body. The gold
/// id is kept; the language falls back to the gold line's. The publication
/// date is the reader's own (what the coder would see in production), so a
/// reader that misses a date line shows up in the date scores.
fn read_document(dir: &Path, gold: &GoldDoc) -> anyhow::Result<Document> {
    let path = dir.join(format!("{}.txt", gold.id));
    let bytes = std::fs::read(&path).with_context(|| format!("{}: cannot read", path.display()))?;
    let opts = rasd_ingest::ReadOptions {
        format: Some(rasd_ingest::Format::Text),
        ..Default::default()
    };
    let mut docs = rasd_ingest::read_bytes(&path, &bytes, Some(rasd_ingest::Format::Text), &opts);
    let doc = match docs.pop() {
        Some(Ok(doc)) => doc,
        Some(Err(err)) => return Err(err.into()),
        None => anyhow::bail!("{}: no document", path.display()),
    };
    Ok(Document {
        id: gold.id.clone(),
        lang: doc.lang.or(Some(gold.lang)),
        ..doc
    })
}

/// Runs a coder over every document. Any coder fits: a closure, the
/// function above, a stub in a test.
fn code_all(docs: &[Document], mut coder: impl FnMut(&Document) -> Vec<Event>) -> Predictions {
    docs.iter()
        .map(|doc| {
            let mut events = coder(doc);
            for e in &mut events {
                if e.doc_id.is_empty() {
                    e.doc_id = doc.id.clone();
                }
            }
            (doc.id.clone(), events)
        })
        .collect()
}

/// Writes to stdout; a closed pipe (`rasd eval | head`) is not an error.
fn emit(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(e).context("cannot write to standard output")
        }
        _ => Ok(()),
    }
}

pub fn run(args: EvalArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let all_gold = load_gold(&args.gold)?;
    let gold: Vec<GoldDoc> = match args.lang {
        Some(lang) => all_gold
            .iter()
            .filter(|d| d.lang == lang)
            .cloned()
            .collect(),
        None => all_gold.clone(),
    };
    if gold.is_empty() {
        bail!(
            "{}: no documents in language {}",
            args.gold.display(),
            args.lang.map_or("?", Language::code)
        );
    }
    // Read the baseline first: a wrong path should fail before any work.
    let baseline = args.baseline.as_ref().map(load_report).transpose()?;

    let documents = gold
        .iter()
        .map(|g| read_document(&args.texts, g))
        .collect::<anyhow::Result<Vec<Document>>>()?;

    let predicted = match &args.predictions {
        Some(path) => {
            let p = load_predictions(path)?;
            let unknown = unknown_documents(&all_gold, &p);
            if !unknown.is_empty() {
                eprintln!(
                    "rasd eval: {} predicted document(s) not in the gold file, not scored: {}",
                    unknown.len(),
                    unknown.join(", ")
                );
            }
            p
        }
        None => code_all(&documents, code_document),
    };

    let report = score(&gold, &predicted);
    let comparison = baseline
        .as_ref()
        .map(|b| compare(b, &report, args.tolerance));
    let errors = args.errors.then(|| {
        let texts: BTreeMap<String, String> =
            documents.into_iter().map(|d| (d.id, d.text)).collect();
        render_errors(&list_errors(&gold, &predicted, &texts))
    });

    if let Some(path) = &args.save {
        std::fs::write(path, report.to_json() + "\n")
            .with_context(|| format!("cannot write the report to {}", path.display()))?;
    }

    match args.format {
        Format::Table => {
            let mut out = String::new();
            if let Some(e) = &errors {
                out.push_str(e);
                out.push('\n');
            }
            out.push_str(&report.to_table());
            if let Some(c) = &comparison {
                out.push('\n');
                out.push_str(&c.to_string());
            }
            emit(&out)?;
        }
        Format::Json => {
            // stdout holds the report alone, so it can be redirected into a
            // baseline file; the rest goes to stderr.
            emit(&(report.to_json() + "\n"))?;
            if let Some(e) = &errors {
                eprint!("{e}");
            }
            if let Some(c) = &comparison {
                eprint!("{c}");
            }
        }
    }
    eprintln!(
        "rasd eval: {} documents scored in {:.2} s",
        gold.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::from(
        comparison.map_or(rasd_eval::EXIT_OK, |c| c.exit_code()),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coder_output_gets_the_document_id() {
        let gold = GoldDoc {
            id: "d1".into(),
            lang: Language::Fr,
            publication_date: None,
            events: vec![],
        };
        let doc = gold.document("texte".into());
        let p = code_all(&[doc], |_| {
            vec![Event::new("", rasd_model::SubEventType::ArmedClash)]
        });
        assert_eq!(p["d1"][0].doc_id, "d1");
        assert!(code_all(&[gold.document(String::new())], code_document)["d1"].is_empty());
    }

    #[test]
    fn argument_values_are_checked() {
        assert_eq!(parse_lang("AR"), Ok(Language::Ar));
        assert!(parse_lang("de").is_err());
        assert_eq!(parse_tolerance("0.05"), Ok(0.05));
        for bad in ["-0.1", "NaN", "2", "x"] {
            assert!(parse_tolerance(bad).is_err(), "{bad}");
        }
    }
}
