//! The `rasd` binary: parses arguments and wires the library crates.

use clap::Parser;

#[derive(Parser)]
#[command(
    name = "rasd",
    version,
    about = "Conflict-event monitoring from news reports"
)]
struct Cli {}

fn main() -> anyhow::Result<()> {
    let _cli = Cli::parse();
    Ok(())
}
