//! Fills a store with synthetic documents and events, to try the `rasd`
//! store commands before the coder is plugged in:
//! `cargo run -p rasd-store --example demo_db -- demo.db 2000`.

use rasd_store::synth;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let url = args.next().unwrap_or_else(|| "demo.db".into());
    let n: usize = args.next().map(|s| s.parse()).transpose()?.unwrap_or(2_000);
    let store = rasd_store::open(&url)?;
    let docs: Vec<_> = synth::corpus(n, 3);
    for chunk in docs.chunks(200) {
        store.ingest_batch(chunk.to_vec())?;
    }
    let c = store.counts()?;
    println!(
        "{url}: {} documents, {} reports, {} events",
        c.documents, c.reports, c.events
    );
    Ok(())
}
