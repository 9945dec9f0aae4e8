//! Accuracy on the hand-written table of Arabic place mentions
//! (`tests/data/mentions.tsv`): country, admin1 and exact place.

use rasd_gazetteer::Gazetteer;

struct Row<'a> {
    line: usize,
    sentence: &'a str,
    surface: &'a str,
    name: &'a str,
    iso3: &'a str,
    admin1: &'a str,
}

fn rows() -> Vec<Row<'static>> {
    include_str!("data/mentions.tsv")
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| {
            let c: Vec<&str> = l.split('\t').collect();
            assert!(c.len() >= 4, "mentions.tsv:{}: expected 5 columns", i + 1);
            Row {
                line: i + 1,
                sentence: c[0],
                surface: c[1],
                name: c[2],
                iso3: c[3],
                admin1: c.get(4).copied().unwrap_or(""),
            }
        })
        .collect()
}

#[test]
fn arabic_mentions_table() {
    let g = Gazetteer::global();
    let rows = rows();
    assert!(
        rows.len() >= 150,
        "the table must hold at least 150 mentions"
    );
    let (mut place, mut country, mut admin1) = (0usize, 0usize, 0usize);
    let mut misses = Vec::new();
    for r in &rows {
        let a = rasd_text::analyze(r.sentence);
        let found = g.geocode(r.sentence, &a);
        let m = found.iter().find(|m| m.surface == r.surface);
        let p = m.and_then(|m| m.place.as_ref());
        let c_ok = p.is_some_and(|p| p.iso3 == r.iso3);
        let a_ok = c_ok && p.is_some_and(|p| p.admin1 == r.admin1);
        let p_ok = c_ok && p.is_some_and(|p| p.name == r.name);
        country += usize::from(c_ok);
        admin1 += usize::from(a_ok);
        place += usize::from(p_ok);
        if !(p_ok && a_ok) {
            misses.push(format!(
                "line {}: {} → expected {} ({}, {}), got {:?}",
                r.line,
                r.surface,
                r.name,
                r.iso3,
                r.admin1,
                p.map(|p| (&p.name, &p.iso3, &p.admin1))
            ));
        }
    }
    let n = rows.len() as f64;
    let (pc, cc, ac) = (place as f64 / n, country as f64 / n, admin1 as f64 / n);
    println!(
        "{} Arabic mentions: exact place {:.1}%, country {:.1}%, admin1 {:.1}%",
        rows.len(),
        pc * 100.0,
        cc * 100.0,
        ac * 100.0
    );
    for m in &misses {
        println!("  miss {m}");
    }
    assert!(
        cc >= 0.97,
        "country accuracy {cc:.3} below 0.97: {misses:#?}"
    );
    assert!(
        ac >= 0.95,
        "admin1 accuracy {ac:.3} below 0.95: {misses:#?}"
    );
    assert!(pc >= 0.95, "place accuracy {pc:.3} below 0.95: {misses:#?}");
}

#[test]
fn the_table_spans_the_covered_regions() {
    let countries: std::collections::HashSet<&str> = rows().iter().map(|r| r.iso3).collect();
    for iso3 in [
        "MLI", "BFA", "NER", "NGA", "TCD", "CMR", "SDN", "SOM", "LBY", "EGY", "YEM", "IRQ", "SYR",
        "LBN",
    ] {
        assert!(countries.contains(iso3), "no mention of {iso3}");
    }
    assert!(countries.len() >= 30);
}
