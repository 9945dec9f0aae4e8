//! `rasd doc`: read documents and print what the readers made of them.
//!
//! Errors go to stderr, one line each (`error: <input>: <reason>`), and do
//! not stop the batch; the exit code is 1 when any input failed.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use rasd_ingest::{read_paths, Document, Format, ReadOptions, DEFAULT_MAX_BYTES};

use crate::output::{excerpt, is_broken_pipe, OutputFormat};

#[derive(clap::Args)]
pub struct DocArgs {
    /// Files, folders (read recursively) or - for stdin.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,

    /// Largest input file (or JSON line) to read, in bytes; K, M and G
    /// suffixes allowed.
    #[arg(long, value_name = "SIZE", default_value_t = DEFAULT_MAX_BYTES, value_parser = parse_size)]
    max_bytes: u64,

    /// Output: a table for people, or the full documents as JSON, JSON
    /// lines or CSV.
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    format: OutputFormat,

    /// Read every input as this format instead of detecting it from the
    /// extension or the content.
    #[arg(long, value_enum, value_name = "FORMAT")]
    input_format: Option<InputFormat>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum InputFormat {
    Text,
    Html,
    Jsonl,
    Json,
}

impl From<InputFormat> for Format {
    fn from(f: InputFormat) -> Format {
        match f {
            InputFormat::Text => Format::Text,
            InputFormat::Html => Format::Html,
            InputFormat::Jsonl => Format::Jsonl,
            InputFormat::Json => Format::Json,
        }
    }
}

fn parse_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let (digits, unit) = match s.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => (&s[..i], s[i..].trim()),
        None => (s, ""),
    };
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("{s:?} is not a size (e.g. 20000000, 500K, 20M)"))?;
    let factor: u64 = match unit.to_ascii_uppercase().as_str() {
        "" | "B" => 1,
        "K" | "KB" | "KIB" => 1 << 10,
        "M" | "MB" | "MIB" => 1 << 20,
        "G" | "GB" | "GIB" => 1 << 30,
        _ => return Err(format!("unknown size unit {unit:?} (use K, M or G)")),
    };
    n.checked_mul(factor)
        .ok_or_else(|| format!("{s:?} is too large"))
}

pub fn run(args: &DocArgs) -> anyhow::Result<ExitCode> {
    let opts = ReadOptions {
        max_bytes: args.max_bytes,
        format: args.input_format.map(Format::from),
    };
    let format = args.format;
    let mut failed = 0usize;
    match print(args, &opts, format, &mut failed) {
        Ok(()) => {}
        Err(e) if is_broken_pipe(&e) => return Ok(ExitCode::SUCCESS),
        Err(e) => return Err(e),
    }
    Ok(if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn print(
    args: &DocArgs,
    opts: &ReadOptions,
    format: OutputFormat,
    failed: &mut usize,
) -> anyhow::Result<()> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut csv_out = (format == OutputFormat::Csv).then(|| csv::Writer::from_writer(io::stdout()));
    let mut count = 0usize;

    match format {
        OutputFormat::Table => writeln!(
            out,
            "{:<24}  {:<4}  {:<16}  {:>6}  TITLE",
            "ID", "LANG", "PUBLISHED", "BODY"
        )?,
        OutputFormat::Json => write!(out, "[")?,
        OutputFormat::Csv => {
            if let Some(w) = csv_out.as_mut() {
                w.write_record([
                    "id",
                    "lang",
                    "published",
                    "title",
                    "url",
                    "body_chars",
                    "body_spans",
                    "excerpt",
                ])?;
            }
        }
        OutputFormat::Jsonl => {}
    }

    for result in read_paths(&args.paths, opts) {
        let doc = match result {
            Ok(d) => d,
            Err(e) => {
                // Flush what was printed so stdout and stderr interleave in
                // input order on a terminal.
                out.flush()?;
                eprintln!("error: {e}");
                *failed += 1;
                continue;
            }
        };
        match format {
            OutputFormat::Table => table_row(&mut out, &doc)?,
            OutputFormat::Json => {
                if count > 0 {
                    write!(out, ",")?;
                }
                writeln!(out)?;
                serde_json::to_writer(&mut out, &doc).context("writing JSON")?;
            }
            OutputFormat::Jsonl => {
                serde_json::to_writer(&mut out, &doc).context("writing JSON")?;
                writeln!(out)?;
            }
            OutputFormat::Csv => {
                if let Some(w) = csv_out.as_mut() {
                    let body = body_text(&doc);
                    w.write_record([
                        doc.id.as_str(),
                        doc.lang.map(|l| l.code()).unwrap_or(""),
                        &published(&doc, "%Y-%m-%dT%H:%M:%S"),
                        doc.title.as_deref().unwrap_or(""),
                        doc.url.as_deref().unwrap_or(""),
                        &body.chars().count().to_string(),
                        &doc.body.len().to_string(),
                        &excerpt(&body, 80),
                    ])?;
                }
            }
        }
        count += 1;
    }

    if format == OutputFormat::Json {
        writeln!(out, "{}]", if count > 0 { "\n" } else { "" })?;
    }
    if let Some(mut w) = csv_out {
        w.flush()?;
    }
    out.flush()?;
    Ok(())
}

fn body_text(doc: &Document) -> String {
    doc.body
        .iter()
        .filter_map(|s| s.slice(&doc.text))
        .collect::<Vec<_>>()
        .join("\n")
}

fn published(doc: &Document, fmt: &str) -> String {
    doc.published
        .map(|p| p.format(fmt).to_string())
        .unwrap_or_default()
}

fn table_row(out: &mut impl Write, doc: &Document) -> io::Result<()> {
    let body = body_text(doc);
    let published = match published(doc, "%Y-%m-%d %H:%M") {
        p if p.is_empty() => "-".to_string(),
        p => p,
    };
    writeln!(
        out,
        "{:<24}  {:<4}  {:<16}  {:>6}  {}",
        doc.id,
        doc.lang.map(|l| l.code()).unwrap_or("-"),
        published,
        body.chars().count(),
        doc.title
            .as_deref()
            .map(|t| excerpt(t, 100))
            .unwrap_or_else(|| "-".into()),
    )?;
    writeln!(out, "    {}", excerpt(&body, 100))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("1000"), Ok(1000));
        assert_eq!(parse_size("20M"), Ok(20 << 20));
        assert_eq!(parse_size("500k"), Ok(500 << 10));
        assert!(parse_size("big").is_err());
        assert!(parse_size("5X").is_err());
        assert!(parse_size("99999999999G").is_err());
    }
}
