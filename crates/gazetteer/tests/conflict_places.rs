//! Places that conflict reports name often, in the press's spellings: each
//! must resolve to its record (`tests/data/conflict_places.tsv`). Many of
//! them have no Arabic name in GeoNames (the Sahel towns), some only a
//! Latin spelling the press does not use (Bulo Burde, Kasela, Ngouboua),
//! some are also words (دوري "league").

use rasd_gazetteer::Gazetteer;

#[test]
fn conflict_places_resolve() {
    let g = Gazetteer::global();
    let mut wrong = Vec::new();
    let mut rows = 0;
    for (i, line) in include_str!("data/conflict_places.tsv").lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        assert_eq!(c.len(), 5, "conflict_places.tsv:{}: 5 columns", i + 1);
        let (sentence, surface, name, iso3, admin1) = (c[0], c[1], c[2], c[3], c[4]);
        rows += 1;
        let found = g.geocode(sentence, &rasd_text::analyze(sentence));
        let got = found
            .iter()
            .find(|m| m.surface == surface)
            .and_then(|m| m.place.as_ref())
            .map(|p| (p.name.as_str(), p.iso3.as_str(), p.admin1.as_str()));
        if got != Some((name, iso3, admin1)) {
            wrong.push(format!("line {}: {surface}: {got:?}", i + 1));
        }
    }
    assert!(rows >= 40, "{rows} rows");
    assert!(
        wrong.is_empty(),
        "{} of {rows} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
