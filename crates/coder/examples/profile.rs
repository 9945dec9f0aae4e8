//! Codes the bench's documents in a loop, for a profiler: instructions per
//! byte under `valgrind --tool=callgrind` do not depend on the load of the
//! machine, unlike the criterion figures.
//!
//! `cargo build --release -p rasd-coder --example profile`, then
//! `valgrind --tool=callgrind --collect-atstart=no --toggle-collect='profile::run'
//! target/release/examples/profile short 600` (or `long 10`); the
//! program prints the bytes coded, to divide the instruction count by.

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use rasd_coder::Coder;
use rasd_model::{Document, Language};

include!("../benches/data/articles.rs");

/// The measured part: codes every document, returns the count of events.
#[inline(never)]
fn run(coder: &Coder, docs: &[Document]) -> usize {
    docs.iter().map(|d| coder.code(d).len()).sum()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let long = args.get(1).is_some_and(|a| a == "long");
    let n: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(120);
    let docs: Vec<Document> = if long {
        let text = (0..60)
            .map(|i| ARTICLES[i % ARTICLES.len()])
            .collect::<Vec<_>>()
            .join("\n\n");
        (0..n).map(|i| document(i, text.clone())).collect()
    } else {
        (0..n)
            .map(|i| document(i, ARTICLES[i % ARTICLES.len()].to_string()))
            .collect()
    };
    let coder = Coder::global();
    coder.preload();
    // One document first: tables the text layer builds on first use are
    // then built outside the measured part (the bench warms up too).
    if let Some(d) = docs.first() {
        coder.code(d);
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let events = run(coder, &docs);
    println!("{bytes} bytes, {} documents, {events} events", docs.len());
}
