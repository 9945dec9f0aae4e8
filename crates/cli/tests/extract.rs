//! `rasd extract` through the built binary: every output format, the
//! `--explain` view, folders and stdin, and bad inputs (missing, binary,
//! invalid UTF-8, empty, malformed JSON lines) reported without stopping
//! the batch. The articles are written for these tests (fictional
//! incidents in real places).

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const BATTLE: &str = "هجوم على موقع للجيش في موبتي
الثلاثاء 14/نوفمبر/2023 - 08:20 م

قتل خمسة جنود، أمس الإثنين، في هجوم شنه مسلحون من جماعة نصرة الإسلام والمسلمين على موقع للجيش المالي قرب مدينة موبتي، بحسب مصدر أمني.
";

const PROTEST: &str = "مظاهرة في البصرة
الجمعة 7 يوليو 2023

تظاهر مئات من سكان مدينة البصرة جنوبي العراق، أمس الخميس، أمام مبنى المحافظة للمطالبة بتحسين خدمات الكهرباء، دون وقوع حوادث.
";

const NOTHING: &str = "الاقتصاد
الأحد 3 مارس 2024

ناقش وزير المالية مع ممثلي المصارف سبل خفض التضخم خلال العام الجاري.
";

fn rasd(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_rasd"))
        .arg("extract")
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
    }
    child.wait_with_output().unwrap()
}

fn out(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn err(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn corpus(dir: &Path) {
    std::fs::write(dir.join("battle.txt"), BATTLE).unwrap();
    std::fs::write(dir.join("protest.txt"), PROTEST).unwrap();
    std::fs::write(dir.join("nothing.txt"), NOTHING).unwrap();
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn jsonl_gives_one_event_a_line_with_its_document() {
    let tmp = tempfile::tempdir().unwrap();
    corpus(tmp.path());
    let o = rasd(&["--format", "jsonl", path(tmp.path())], None);
    assert!(o.status.success(), "{}", err(&o));
    let events: Vec<serde_json::Value> = out(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(events.len(), 2, "{}", out(&o));
    let battle = events.iter().find(|e| e["doc_id"] == "battle").unwrap();
    assert_eq!(battle["event_type"], "Battles");
    assert_eq!(
        battle["actor1"],
        "JNIM: Group for Support of Islam and Muslims"
    );
    assert_eq!(battle["event_date"], "2023-11-13");
    assert_eq!(battle["fatalities"], 5);
    assert_eq!(battle["location"], "Mopti");
    let protest = events.iter().find(|e| e["doc_id"] == "protest").unwrap();
    assert_eq!(protest["sub_event_type"], "Peaceful protest");
    // evidence spans point into the document text
    let doc_text = std::fs::read_to_string(tmp.path().join("battle.txt")).unwrap();
    let pieces: Vec<&str> = battle["evidence"]["event_type"]
        .as_array()
        .unwrap()
        .iter()
        .map(|span| {
            let a = span[0].as_u64().unwrap() as usize;
            let b = span[1].as_u64().unwrap() as usize;
            doc_text.get(a..b).unwrap()
        })
        .collect();
    assert!(pieces.contains(&"هجوم"), "{pieces:?}");
}

#[test]
fn json_is_one_array_and_csv_has_a_header_and_a_row_per_event() {
    let tmp = tempfile::tempdir().unwrap();
    corpus(tmp.path());
    let o = rasd(&["--format", "json", path(tmp.path())], None);
    assert!(o.status.success(), "{}", err(&o));
    let all: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    assert_eq!(all.as_array().map(Vec::len), Some(2));

    let o = rasd(&["--format", "csv", path(tmp.path())], None);
    assert!(o.status.success(), "{}", err(&o));
    let mut r = csv::Reader::from_reader(o.stdout.as_slice());
    let header = r.headers().unwrap().clone();
    for field in [
        "event_id",
        "doc_id",
        "event_date",
        "actor1",
        "fatalities",
        "notes",
    ] {
        assert!(header.iter().any(|h| h == field), "no {field} column");
    }
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().all(|row| row.len() == header.len()));
}

#[test]
fn table_is_the_default_and_lists_each_event() {
    let tmp = tempfile::tempdir().unwrap();
    corpus(tmp.path());
    let o = rasd(&[path(tmp.path())], None);
    assert!(o.status.success(), "{}", err(&o));
    let text = out(&o);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[0].starts_with("doc"));
    assert!(text.contains("Armed clash") && text.contains("Peaceful protest"));
}

#[test]
fn explain_marks_the_evidence_in_the_text() {
    let tmp = tempfile::tempdir().unwrap();
    let f = tmp.path().join("battle.txt");
    std::fs::write(&f, BATTLE).unwrap();
    let o = rasd(&["--explain", path(&f)], None);
    assert!(o.status.success(), "{}", err(&o));
    let text = out(&o);
    // not a terminal: fields marked in brackets, no colour codes
    assert!(text.contains("[event_type: هجوم]"), "{text}");
    assert!(text.contains("[location: موبتي]"), "{text}");
    assert!(text.contains("[actor1: "), "{text}");
    assert!(!text.contains('\u{1b}'));
}

#[test]
fn trace_goes_to_stderr_and_keeps_stdout_clean() {
    let tmp = tempfile::tempdir().unwrap();
    let f = tmp.path().join("battle.txt");
    std::fs::write(&f, BATTLE).unwrap();
    let o = rasd(&["--trace", "--format", "jsonl", path(&f)], None);
    assert!(o.status.success());
    assert!(err(&o).contains("opens incident"), "{}", err(&o));
    assert_eq!(out(&o).lines().count(), 1);
}

#[test]
fn reads_json_lines_and_stdin() {
    let line = serde_json::json!({
        "id": "wire-1",
        "lang": "ar",
        "published": "2023-11-14T10:00:00",
        "text": "قتل خمسة جنود، أمس الإثنين، في هجوم شنه مسلحون على موقع للجيش المالي قرب مدينة موبتي."
    });
    let feed = format!("{line}\n");
    let o = rasd(&["--format", "jsonl", "-"], Some(&feed));
    assert!(o.status.success(), "{}", err(&o));
    let e: serde_json::Value = serde_json::from_str(out(&o).lines().next().unwrap()).unwrap();
    assert_eq!(e["doc_id"], "wire-1");
    assert_eq!(e["event_date"], "2023-11-13");
}

#[test]
fn bad_inputs_are_reported_and_the_rest_is_coded() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::write(dir.join("battle.txt"), BATTLE).unwrap();
    std::fs::write(dir.join("binary.txt"), b"\x00\x01\x02binary\x00").unwrap();
    std::fs::write(dir.join("latin1.txt"), b"caf\xe9 \xff\xfe").unwrap();
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    std::fs::write(dir.join("broken.jsonl"), "{\"id\": \"x\", \"text\": \n").unwrap();
    let o = rasd(&["--format", "jsonl", path(dir)], None);
    // some inputs failed: status 1, but the good document is coded
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert_eq!(out(&o).lines().count(), 1, "{}", out(&o));
    let e = err(&o);
    for name in ["binary.txt", "latin1.txt", "empty.txt", "broken.jsonl"] {
        assert!(e.contains(name), "{name} not reported in: {e}");
    }
}

#[test]
fn a_missing_path_alone_is_an_error() {
    let o = rasd(&["/nonexistent/rasd-extract-input.txt"], None);
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    assert!(err(&o).contains("rasd-extract-input.txt"));
    assert!(out(&o).lines().count() <= 1);
}

#[test]
fn an_unknown_format_is_a_usage_error() {
    let o = rasd(&["--format", "xml", "x.txt"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("xml"));
}

#[test]
fn the_demo_samples_give_events_in_every_format() {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples");
    let o = rasd(&["--format", "jsonl", path(&samples)], None);
    assert!(o.status.success(), "{}", err(&o));
    let events: Vec<serde_json::Value> = out(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(events.len() >= 8, "{}", out(&o));
    // the saved HTML page is coded from its article, not its chrome
    assert!(events
        .iter()
        .any(|e| e["doc_id"] == "ar-libya-tripoli" && e["iso3"] == "LBY"));
}
