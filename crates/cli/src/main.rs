//! The `rasd` binary: parses arguments and wires the library crates.

mod export;
mod ingest;
mod query;
mod serve;
mod show;
mod stats;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "rasd",
    version,
    about = "Conflict-event monitoring from news reports"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read, code and store documents (files, folders, or `-` for JSON lines on stdin).
    Ingest(ingest::Args),
    /// List stored events matching filters.
    Query(query::Args),
    /// Count events and fatalities by month, week, country, admin1, actor or type.
    Stats(stats::Args),
    /// Export events as ACLED CSV, GeoJSON, JSON lines or Parquet.
    Export(export::Args),
    /// Show a merged event, every report of it and where each field came from.
    Show(show::Args),
    /// Serve the HTTP API and the dashboard.
    Serve(serve::Args),
}

fn main() -> anyhow::Result<()> {
    match Cli::parse().command {
        Command::Ingest(a) => ingest::run(a),
        Command::Query(a) => query::run(a),
        Command::Stats(a) => stats::run(a),
        Command::Export(a) => export::run(a),
        Command::Show(a) => show::run(a),
        Command::Serve(a) => serve::run(a),
    }
}
