//! `rasd eval` end to end on the small gold set of crates/eval/tests/data:
//! output formats, baselines and exit statuses.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../eval/tests/data")
}

/// A fresh scratch directory per test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rasd-cli-eval-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn rasd_eval(extra: &[&str]) -> Output {
    let d = data();
    Command::new(env!("CARGO_BIN_EXE_rasd"))
        .arg("eval")
        .arg("--gold")
        .arg(d.join("gold.jsonl"))
        .arg("--texts")
        .arg(d.join("texts"))
        .args(extra)
        .output()
        .expect("rasd runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn predictions() -> String {
    data().join("predictions.jsonl").display().to_string()
}

#[test]
fn prints_the_table_and_exits_zero() {
    let out = rasd_eval(&["--predictions", &predictions()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let header: Vec<&str> = text.lines().next().unwrap().split_whitespace().collect();
    assert_eq!(header, vec!["ar", "en", "fr", "all"]);
    assert!(
        text.lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>()
                == ["F1", "0.571", "0.857", "0.500", "0.667"]),
        "{text}"
    );
}

#[test]
fn json_output_is_the_report() {
    let out = rasd_eval(&["--predictions", &predictions(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    assert_eq!(v["groups"]["all"]["events"]["matched"], 6);
    assert_eq!(v["groups"]["all"]["events"]["predicted"], 10);
    assert_eq!(v["format"], 1);
}

#[test]
fn errors_flag_lists_the_errors() {
    let out = rasd_eval(&["--predictions", &predictions(), "--errors"]);
    let text = stdout(&out);
    assert!(text.contains("fr01 [fr] MISSED incident"), "{text}");
    assert!(
        text.contains("3 missed, 5 spurious, 5 mismatched"),
        "{text}"
    );
}

#[test]
fn lang_filter_scores_one_language() {
    let out = rasd_eval(&["--predictions", &predictions(), "--lang", "fr"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    let header: Vec<&str> = text.lines().next().unwrap().split_whitespace().collect();
    assert_eq!(header, vec!["fr", "all"]);
}

#[test]
fn a_drop_below_the_baseline_exits_one() {
    let dir = scratch("baseline");
    let baseline = dir.join("baseline.json");
    let saved = rasd_eval(&[
        "--predictions",
        &predictions(),
        "--save",
        baseline.to_str().unwrap(),
    ]);
    assert_eq!(saved.status.code(), Some(0), "{}", stderr(&saved));

    // Same predictions against the saved baseline: passes.
    let same = rasd_eval(&[
        "--predictions",
        &predictions(),
        "--baseline",
        baseline.to_str().unwrap(),
    ]);
    assert_eq!(same.status.code(), Some(0), "{}", stdout(&same));
    assert!(stdout(&same).contains("Result: OK"));

    // A coder that finds nothing: every recall falls to 0.
    let empty = dir.join("empty.jsonl");
    std::fs::write(&empty, "").unwrap();
    let worse = rasd_eval(&[
        "--predictions",
        empty.to_str().unwrap(),
        "--baseline",
        baseline.to_str().unwrap(),
    ]);
    assert_eq!(worse.status.code(), Some(1), "{}", stdout(&worse));
    assert!(stdout(&worse).contains("REGRESSION"), "{}", stdout(&worse));
    // In JSON mode the comparison goes to stderr, the report to stdout.
    let json = rasd_eval(&[
        "--predictions",
        empty.to_str().unwrap(),
        "--baseline",
        baseline.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(json.status.code(), Some(1));
    assert!(serde_json::from_slice::<serde_json::Value>(&json.stdout).is_ok());
    assert!(stderr(&json).contains("Result: FAIL"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn without_predictions_the_coder_codes_the_texts() {
    // No --predictions: the built-in coder reads and codes every text of
    // the gold set, so the report counts its events.
    let out = rasd_eval(&["--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    let predicted = report["groups"]["all"]["events"]["predicted"]
        .as_u64()
        .expect("predicted count");
    assert!(predicted > 0, "the coder found no event in the test set");
    assert_eq!(report["groups"]["all"]["documents"].as_u64(), Some(6));
}

#[test]
fn bad_input_exits_two_and_names_it() {
    let dir = scratch("bad");
    let missing = dir.join("nope.jsonl");
    let out = Command::new(env!("CARGO_BIN_EXE_rasd"))
        .args(["eval", "--gold"])
        .arg(&missing)
        .arg("--texts")
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("nope.jsonl"), "{}", stderr(&out));

    // Texts missing for the gold documents.
    let out = Command::new(env!("CARGO_BIN_EXE_rasd"))
        .args(["eval", "--gold"])
        .arg(data().join("gold.jsonl"))
        .arg("--texts")
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("ar01.txt"), "{}", stderr(&out));

    // A malformed prediction file names its line.
    let bad = dir.join("bad.jsonl");
    std::fs::write(&bad, "{\"doc_id\": \"ar01\"}\n").unwrap();
    let out = rasd_eval(&["--predictions", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("bad.jsonl:1"), "{}", stderr(&out));

    // Bad flag values are usage errors.
    for args in [
        &["--tolerance", "-1"][..],
        &["--lang", "de"][..],
        &["--format", "xml"][..],
    ] {
        let out = rasd_eval(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
    // A baseline that is not a report.
    let out = rasd_eval(&["--baseline", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not a Rasd evaluation report"));
    std::fs::remove_dir_all(&dir).unwrap();
}
