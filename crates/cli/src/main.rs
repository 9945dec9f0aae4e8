//! The `rasd` binary: parses arguments and wires the library crates.
//!
//! One subcommand a module (`doc.rs`, …); this file only declares them and
//! dispatches. Shared output options live in `output.rs`.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod doc;
mod output;

#[derive(Parser)]
#[command(
    name = "rasd",
    version,
    about = "Conflict-event monitoring from news reports"
)]
struct Cli {
    /// Output format, for commands that print records.
    #[arg(long, global = true, value_enum)]
    format: Option<output::OutputFormat>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read documents (text, HTML, JSON lines; files, folders or - for
    /// stdin) and print what was read.
    Doc(doc::DocArgs),
}

fn main() -> anyhow::Result<ExitCode> {
    let cli = Cli::parse();
    match cli.command {
        Command::Doc(args) => doc::run(&args, cli.format),
    }
}
