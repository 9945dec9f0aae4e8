//! Load benchmark of the API (not a test): seeds a SQLite store with
//! synthetic events and measures a running server from a client.
//!
//! ```text
//! # build a store of 100,000 events (once; reused while big enough)
//! cargo run --release -p rasd-server --example loadbench -- seed target/bench-data/server-100k.db 100000
//! # start the server on it (rate limit set out of the way), then:
//! cargo run --release -p rasd-server --example loadbench -- run http://127.0.0.1:18181/api/events?limit=100 32 15
//! ```
//!
//! `run URL CONNECTIONS SECONDS` keeps CONNECTIONS keep-alive connections
//! busy for SECONDS and prints requests/s and latency percentiles; given
//! the server's process id it also prints the server's CPU time per
//! request (from /proc), a figure that does not depend on what else the
//! machine is running.
//! `scripts/bench-server` does all of this (and runs wrk when installed).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rasd_store::synth::Corpus;

fn seed(path: &str, want: u64) -> Result<(), Box<dyn std::error::Error>> {
    if let Some(dir) = std::path::Path::new(path).parent() {
        std::fs::create_dir_all(dir)?;
    }
    let store = rasd_store::open_sqlite(std::path::Path::new(path))?;
    let mut have = store.counts()?;
    let started = Instant::now();
    // The generator is deterministic: skip what an earlier run stored.
    let mut corpus = Corpus::new(usize::MAX, 7).skip(have.documents as usize);
    while have.events < want {
        let batch: Vec<_> = corpus.by_ref().take(2_000).collect();
        store.ingest_batch(batch)?;
        have = store.counts()?;
        eprint!("\rseeding: {} events", have.events);
    }
    eprintln!(
        "\r{path}: {} events from {} documents ({:.0} s seeding)",
        have.events,
        have.documents,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// CPU seconds (user + system) a process has used, from /proc.
fn cpu_seconds(pid: u32) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name (which may hold spaces) in parentheses.
    let rest = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

async fn run(url: String, connections: usize, seconds: u64, server: Option<u32>) {
    let stop = Arc::new(AtomicBool::new(false));
    let mut tasks = Vec::new();
    // Warm-up: one request, to fail fast on a wrong URL.
    let probe = reqwest::get(&url).await.expect("server not reachable");
    assert!(probe.status().is_success(), "{url}: {}", probe.status());
    let bytes = probe.bytes().await.unwrap().len();
    let cpu0 = server.and_then(cpu_seconds);
    let started = Instant::now();
    for _ in 0..connections {
        let client = reqwest::Client::builder()
            .pool_max_idle_per_host(1)
            .build()
            .unwrap();
        let url = url.clone();
        let stop = stop.clone();
        tasks.push(tokio::spawn(async move {
            let mut lat = Vec::with_capacity(100_000);
            let mut errors = 0u64;
            while !stop.load(Ordering::Relaxed) {
                let t = Instant::now();
                match client.get(&url).send().await {
                    Ok(resp) if resp.status().is_success() => {
                        if resp.bytes().await.is_err() {
                            errors += 1;
                            continue;
                        }
                        lat.push(t.elapsed().as_micros() as u64);
                    }
                    _ => errors += 1,
                }
            }
            (lat, errors)
        }));
    }
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    stop.store(true, Ordering::Relaxed);
    let mut all = Vec::new();
    let mut errors = 0;
    for t in tasks {
        let (lat, e) = t.await.unwrap();
        all.extend(lat);
        errors += e;
    }
    let secs = started.elapsed().as_secs_f64();
    let cpu = match (cpu0, server.and_then(cpu_seconds)) {
        (Some(a), Some(b)) => format!(
            "\n  server CPU: {:.2} s for {} requests = {:.3} ms of CPU per request ({:.0} req/s per fully used core)",
            b - a,
            all.len(),
            (b - a) * 1000.0 / all.len().max(1) as f64,
            all.len() as f64 / (b - a).max(1e-9)
        ),
        _ => String::new(),
    };
    all.sort_unstable();
    let pct = |p: f64| all[((all.len() as f64 * p) as usize).min(all.len() - 1)] as f64 / 1000.0;
    println!(
        "{url}\n  {connections} connections, {secs:.1} s, response {bytes} bytes\n  {} requests, {:.0} req/s, {errors} errors\n  latency ms: p50 {:.2}  p90 {:.2}  p99 {:.2}  max {:.2}{cpu}",
        all.len(),
        all.len() as f64 / secs,
        pct(0.50),
        pct(0.90),
        pct(0.99),
        pct(1.0),
    );
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["seed", path, n] => seed(path, n.parse()?),
        ["run", url, c, s, ref rest @ ..] => {
            let server = rest.first().and_then(|p| p.parse().ok());
            // One client thread: the server gets the other core.
            let rt = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(1)
                .enable_all()
                .build()?;
            rt.block_on(run(url.to_string(), c.parse()?, s.parse()?, server));
            Ok(())
        }
        _ => {
            eprintln!(
                "usage: loadbench seed DB N | loadbench run URL CONNECTIONS SECONDS [SERVER_PID]"
            );
            std::process::exit(2);
        }
    }
}
