//! Messy pages end to end: each page under `tests/pages/docs` is read by
//! `rasd_ingest` (plain text, HTML, JSON lines, as `rasd extract` reads
//! them) and coded; `tests/pages/expected.jsonl` says which events it
//! reports — and that there are no others — and its publication date.
//!
//! The pages wrap one incident each in the furniture of real crawled
//! pages (menus, related-story lists, repeats, crawl banners, notes,
//! captions, comments, cut excerpts, odd Unicode): what is tested is that
//! none of it becomes an event, a place, a date or a toll. See
//! `tests/pages/README.md`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rasd_coder::Coder;
use rasd_ingest::{read_paths, Document, ReadOptions};
use serde_json::Value;

fn pages_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages")
}

/// One expected document: its publication day, what its body keeps and
/// leaves out, and its events.
struct Expected {
    published: String,
    in_body: Vec<String>,
    not_in_body: Vec<String>,
    events: Vec<Value>,
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s.as_str().map(str::to_string))
        .collect()
}

fn expected() -> BTreeMap<String, Expected> {
    let path = pages_dir().join("expected.jsonl");
    let text = std::fs::read_to_string(&path).expect("expected.jsonl");
    let mut out = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("expected.jsonl:{}: {e}", i + 1));
        let id = v["id"].as_str().expect("id").to_string();
        let published = v["published"].as_str().expect("published").to_string();
        let events = v["events"].as_array().expect("events").clone();
        out.insert(
            id,
            Expected {
                published,
                in_body: strings(&v["in_body"]),
                not_in_body: strings(&v["not_in_body"]),
                events,
            },
        );
    }
    out
}

fn documents() -> Vec<Document> {
    read_paths(&[pages_dir().join("docs")], &ReadOptions::default())
        .map(|r| r.unwrap_or_else(|e| panic!("{e}")))
        .collect()
}

/// The fields that place an event: they decide which predicted event an
/// expected one is (as `rasd eval` matches events).
const KEY_FIELDS: &[&str] = &["iso3", "event_type", "event_date"];
/// The fields checked once an event is matched.
const CHECKED_FIELDS: &[&str] = &[
    "sub_event_type",
    "actor1",
    "actor2",
    "admin1",
    "location",
    "fatalities",
    "injured",
];

fn matches(want: &Value, got: &Value) -> bool {
    KEY_FIELDS
        .iter()
        .all(|f| want.get(*f).is_none_or(|w| got.get(*f) == Some(w)))
        && ["location", "admin1"]
            .iter()
            .any(|f| want.get(*f).is_none_or(|w| got.get(*f) == Some(w)))
}

/// Every evidence span is a clean piece of the document's text: in
/// bounds, on character boundaries, not empty, without white space or
/// invisible characters at its edges.
fn check_evidence(doc: &Document, event: &Value, problems: &mut Vec<String>) {
    let Some(evidence) = event["evidence"].as_object() else {
        return;
    };
    for (field, spans) in evidence {
        for span in spans.as_array().into_iter().flatten() {
            let (Some(a), Some(b)) = (span[0].as_u64(), span[1].as_u64()) else {
                problems.push(format!("{}: {field}: bad span {span}", doc.id));
                continue;
            };
            let Some(s) = doc.text.get(a as usize..b as usize) else {
                problems.push(format!("{}: {field}: span {a}..{b} off the text", doc.id));
                continue;
            };
            let edge = |c: char| {
                c.is_whitespace()
                    || ('\u{200b}'..='\u{200f}').contains(&c)
                    || ('\u{202a}'..='\u{202e}').contains(&c)
                    || ('\u{2066}'..='\u{2069}').contains(&c)
            };
            if s.is_empty() || s.starts_with(edge) || s.ends_with(edge) {
                problems.push(format!("{}: {field}: ragged span {s:?}", doc.id));
            }
        }
    }
}

#[test]
fn messy_pages_give_their_events_and_no_others() {
    let expected = expected();
    let docs = documents();
    let mut problems: Vec<String> = Vec::new();
    let (mut want_total, mut matched, mut missed, mut spurious, mut wrong_fields, mut wrong_dates) =
        (0, 0, 0, 0, 0, 0);
    let mut body_leaks = 0;
    let mut seen = Vec::new();
    for doc in &docs {
        let Some(exp) = expected.get(&doc.id) else {
            problems.push(format!("{}: no line in expected.jsonl", doc.id));
            continue;
        };
        seen.push(doc.id.clone());
        let published = doc.published.map(|p| p.date().to_string());
        if published.as_deref() != Some(exp.published.as_str()) {
            wrong_dates += 1;
            problems.push(format!(
                "{}: published {published:?}, expected {}",
                doc.id, exp.published
            ));
        }
        let body: Vec<&str> = doc
            .body_spans()
            .iter()
            .filter_map(|s| doc.text.get(s.start..s.end))
            .collect();
        let body = body.join("\n");
        for keep in &exp.in_body {
            if !body.contains(keep.as_str()) {
                body_leaks += 1;
                problems.push(format!("{}: body lost {keep:?}", doc.id));
            }
        }
        for chrome in &exp.not_in_body {
            if body.contains(chrome.as_str()) {
                body_leaks += 1;
                problems.push(format!("{}: body holds {chrome:?}", doc.id));
            }
        }
        let events: Vec<Value> = Coder::global()
            .code(doc)
            .iter()
            .map(|e| serde_json::to_value(e).expect("event as JSON"))
            .collect();
        for e in &events {
            check_evidence(doc, e, &mut problems);
        }
        let mut taken = vec![false; events.len()];
        // Required events first, so an optional one never takes their match.
        let mut order: Vec<&Value> = exp.events.iter().collect();
        order.sort_by_key(|w| w["optional"].as_bool().unwrap_or(false));
        for want in order {
            let optional = want["optional"].as_bool().unwrap_or(false);
            if !optional {
                want_total += 1;
            }
            let found = (0..events.len()).find(|&i| !taken[i] && matches(want, &events[i]));
            let Some(i) = found else {
                if !optional {
                    missed += 1;
                    problems.push(format!("{}: missed {want}", doc.id));
                }
                continue;
            };
            taken[i] = true;
            if !optional {
                matched += 1;
            }
            for f in CHECKED_FIELDS {
                if let Some(w) = want.get(*f) {
                    if events[i].get(*f) != Some(w) {
                        wrong_fields += 1;
                        problems.push(format!("{}: {f} {} , expected {w}", doc.id, events[i][*f]));
                    }
                }
            }
        }
        for (i, e) in events.iter().enumerate() {
            if !taken[i] {
                spurious += 1;
                problems.push(format!(
                    "{}: spurious {} {} in {} ({}) on {}, {} dead",
                    doc.id,
                    e["event_type"],
                    e["sub_event_type"],
                    e["location"],
                    e["iso3"],
                    e["event_date"],
                    e["fatalities"]
                ));
            }
        }
    }
    for id in expected.keys() {
        if !seen.contains(id) {
            problems.push(format!("{id}: expected but not read"));
        }
    }
    println!(
        "messy pages: {} documents, {want_total} events expected, {matched} found, \
         {missed} missed, {spurious} spurious, {wrong_fields} wrong fields, \
         {wrong_dates} wrong publication dates, {body_leaks} body lines wrongly kept or lost",
        docs.len()
    );
    for p in &problems {
        println!("  {p}");
    }
    assert!(
        problems.is_empty(),
        "{} problems (see above)",
        problems.len()
    );
}
