//! `rasd geocode` and `rasd places` end to end on the built binary.

use std::io::Write;
use std::process::{Command, Stdio};

fn rasd(args: &[&str], stdin: Option<&str>) -> (Option<i32>, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_rasd"))
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run rasd");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn geocode_prints_json_with_spans_and_records() {
    let text = "قتل جنود على بعد 150 كم شرق جاو وفي بلدة تيسيت.";
    let (code, out, err) = rasd(&["geocode", text, "--format", "json"], None);
    assert_eq!(code, Some(0), "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let places = v["places"].as_array().unwrap();
    assert_eq!(places.len(), 2, "{out}");
    assert_eq!(places[0]["place"]["name"], "Gao");
    assert_eq!(places[0]["geo_precision"], 2);
    assert_eq!(places[1]["place"]["name"], "Tessit");
    assert_eq!(places[1]["place"]["admin1"], "Gao");
    let span = places[1]["span"].as_array().unwrap();
    let (a, b) = (
        span[0].as_u64().unwrap() as usize,
        span[1].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[a..b], "تيسيت");
}

#[test]
fn geocode_reads_stdin_and_prints_a_table() {
    let (code, out, err) = rasd(
        &["geocode"],
        Some("Gunmen attacked a post near Ménaka, Mali."),
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("Menaka") && out.contains("near"), "{out}");
    assert!(out.contains("country"), "{out}");
}

#[test]
fn geocode_rejects_binary_input() {
    let (code, _, err) = rasd(&["geocode"], Some("\u{0}ok"));
    assert_eq!(code, Some(0), "NUL is valid UTF-8: {err}");
    let mut child = Command::new(env!("CARGO_BIN_EXE_rasd"))
        .arg("geocode")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(&[0xff, 0xfe, 0x00])
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not UTF-8"));
}

#[test]
fn places_looks_names_up() {
    let (code, out, err) = rasd(&["places", "غاو", "--limit", "3", "--format", "json"], None);
    assert_eq!(code, Some(0), "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["name"], "Gao");
    assert_eq!(v[0]["iso3"], "MLI");
    assert!(v.as_array().unwrap().len() <= 3);

    let (code, out, _) = rasd(&["places", "xyzzyq"], None);
    assert_eq!(code, Some(0));
    assert!(out.contains("no place named"));

    let (code, _, err) = rasd(&["places", "--stats"], None);
    assert_eq!(code, Some(0));
    assert!(
        err.contains("loaded in") && err.contains("peak RSS"),
        "{err}"
    );
}
