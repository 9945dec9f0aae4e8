//! The `rasd` binary: parses arguments and wires the library crates.

mod doc;
mod eval;
mod export;
mod extract;
mod geocode;
mod ingest;
mod output;
mod places;
mod query;
mod recode;
mod serve;
mod show;
mod stats;

use std::process::ExitCode;

/// Text analysis allocates many small strings per token; glibc's allocator
/// returns freed pages to the kernel after each document and faults them
/// back in, which halves throughput (see crates/text benches). mimalloc
/// keeps them.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

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

/// One variant per subcommand; each lives in its own module.
#[derive(Subcommand)]
enum Command {
    /// Read documents (text, HTML, JSON lines; files, folders or - for
    /// stdin) and print what was read.
    Doc(doc::DocArgs),
    /// Score the coder against a gold file, per field and per language.
    Eval(eval::EvalArgs),
    /// Code documents into ACLED-style events.
    Extract(extract::Args),
    /// Find the places and countries a text names.
    Geocode(geocode::GeocodeArgs),
    /// Look a place name up in the gazetteer.
    Places(places::PlacesArgs),
    /// Read, code and store documents (files, folders, or `-` for JSON
    /// lines on stdin).
    Ingest(ingest::Args),
    /// Code every stored document again with this build's coder and
    /// replace its events (after the coder improved).
    Recode(recode::Args),
    /// List stored events matching filters.
    Query(query::Args),
    /// Count events and fatalities by month, week, country, admin1, actor
    /// or type.
    Stats(stats::Args),
    /// Export events as ACLED CSV, GeoJSON, JSON lines or Parquet.
    Export(export::Args),
    /// Show a merged event, every report of it and where each field came
    /// from.
    Show(show::Args),
    /// Serve the HTTP API and the dashboard.
    Serve(serve::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Doc(args) => doc::run(&args),
        Command::Eval(args) => eval::run(args),
        Command::Extract(args) => extract::run(args),
        Command::Geocode(args) => geocode::run(&args).map(|()| ExitCode::SUCCESS),
        Command::Places(args) => places::run(&args).map(|()| ExitCode::SUCCESS),
        Command::Ingest(args) => ingest::run(args).map(|()| ExitCode::SUCCESS),
        Command::Recode(args) => recode::run(args).map(|()| ExitCode::SUCCESS),
        Command::Query(args) => query::run(args).map(|()| ExitCode::SUCCESS),
        Command::Stats(args) => stats::run(args).map(|()| ExitCode::SUCCESS),
        Command::Export(args) => export::run(args).map(|()| ExitCode::SUCCESS),
        Command::Show(args) => show::run(args).map(|()| ExitCode::SUCCESS),
        Command::Serve(args) => serve::run(args).map(|()| ExitCode::SUCCESS),
    };
    // Errors (unreadable input, bad values) exit with 2, as clap's usage
    // errors do; 1 is left for "ran, but the result is a failure".
    outcome.unwrap_or_else(|err| {
        eprintln!("rasd: error: {err:#}");
        ExitCode::from(2)
    })
}
