//! Prints the place and country mentions of a text: the text given as
//! arguments, or, with `--file PATH` (repeatable), of files, one JSON line
//! per file with `--json`.
//!
//! `cargo run --release --example geocode -- "في بلدة تيسيت قرب جاو"`

use std::io::Read;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let json = args.iter().any(|a| a == "--json");
    // `--repeat N`: geocode each text N times and print only the count (for
    // timing with `perf stat`).
    let repeat: usize = args
        .iter()
        .position(|a| a == "--repeat")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let mut files = Vec::new();
    let mut words = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => {}
            "--repeat" => {
                it.next();
            }
            "--file" => files.extend(it.next().cloned()),
            _ => words.push(a.clone()),
        }
    }
    let t0 = std::time::Instant::now();
    let g = rasd_gazetteer::Gazetteer::global();
    if !json {
        eprintln!("load {:?} {:?}", t0.elapsed(), g.stats());
    }
    for p in g.data_problems() {
        eprintln!("data: {p}");
    }
    let mut texts = Vec::new();
    for f in &files {
        match std::fs::read_to_string(f) {
            Ok(t) => texts.push((f.clone(), t)),
            Err(e) => eprintln!("{f}: {e}"),
        }
    }
    if files.is_empty() {
        let mut text = words.join(" ");
        if text.is_empty() {
            let _ = std::io::stdin().read_to_string(&mut text);
        }
        texts.push(("-".into(), text));
    }
    for (name, text) in texts {
        let analysis = rasd_text::analyze(&text);
        if repeat > 0 {
            let mut n = 0;
            for _ in 0..repeat {
                n += g.geocode(&text, &analysis).len();
            }
            println!("{name}: {} bytes, {n} mentions", text.len());
            continue;
        }
        let (places, countries) = g.geocode_with_countries(&text, &analysis);
        if json {
            let v = serde_json::json!({"file": name, "places": places, "countries": countries});
            println!("{v}");
            continue;
        }
        for m in places {
            match &m.place {
                Some(p) => println!(
                    "{:?}\t{}\t{} ({:?}) {} / {} / {}\t{:?}\tp{}\t{:.2}",
                    m.span,
                    m.surface,
                    p.name,
                    p.kind,
                    p.iso3,
                    p.admin1,
                    p.admin2,
                    m.relation,
                    m.geo_precision,
                    m.score
                ),
                None => println!("{:?}\t{}\tUNRESOLVED\t{:?}", m.span, m.surface, m.relation),
            }
        }
        for c in countries {
            println!(
                "country {:?}\t{}\t{}\t{:?}",
                c.span,
                &text[c.span.start..c.span.end],
                c.iso3,
                c.form
            );
        }
    }
}
