//! Prints the place and country mentions of the text given as argument
//! (or on standard input): `cargo run --example geocode -- "TEXT"`.

use std::io::Read;

fn main() {
    let mut text = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        let _ = std::io::stdin().read_to_string(&mut text);
    }
    let t0 = std::time::Instant::now();
    let g = rasd_gazetteer::Gazetteer::global();
    eprintln!("load {:?} {:?}", t0.elapsed(), g.stats());
    for p in g.data_problems() {
        eprintln!("data: {p}");
    }
    let analysis = rasd_text::analyze(&text);
    let (places, countries) = g.geocode_with_countries(&text, &analysis);
    for m in places {
        match &m.place {
            Some(p) => println!(
                "{:?}\t{}\t{} ({:?}) {} / {} / {}\t{:?}\tp{}\t{:.2}",
                m.span, m.surface, p.name, p.kind, p.iso3, p.admin1, p.admin2, m.relation, m.geo_precision, m.score
            ),
            None => println!("{:?}\t{}\tUNRESOLVED\t{:?}", m.span, m.surface, m.relation),
        }
    }
    for c in countries {
        println!("country {:?}\t{}\t{}\t{:?}", c.span, &text[c.span.start..c.span.end], c.iso3, c.form);
    }
}
