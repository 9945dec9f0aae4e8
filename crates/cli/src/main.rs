//! The `rasd` binary: parses arguments and wires the library crates.

mod extract;

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
    /// Code documents into ACLED-style events.
    Extract(extract::Args),
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::Extract(args) => extract::run(args),
    }
}
