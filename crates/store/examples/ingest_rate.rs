//! Times ingesting synthetic documents: `ingest_rate PATH N BATCH`.
use rasd_store::synth;
fn main() {
    let mut a = std::env::args().skip(1);
    let url = a.next().unwrap();
    let n: usize = a.next().unwrap().parse().unwrap();
    let batch: usize = a.next().unwrap().parse().unwrap();
    let store = rasd_store::open(&url).unwrap();
    let t = std::time::Instant::now();
    let docs: Vec<_> = synth::corpus(n, 9);
    let gen = t.elapsed();
    let t = std::time::Instant::now();
    for c in docs.chunks(batch) {
        store.ingest_batch(c.to_vec()).unwrap();
    }
    let s = t.elapsed().as_secs_f64();
    println!(
        "gen {:?}; {n} docs in {s:.2}s = {:.0} docs/s",
        gen,
        n as f64 / s
    );
}
