//! JSON lines: one document a line.
//!
//! A record is `{"id", "url", "title", "published", "lang", "text"}`; other
//! keys are ignored, only `text` is required. `published` accepts RFC 3339,
//! `YYYY-MM-DD HH:MM[:SS]` and `YYYY-MM-DD`; `lang` a code or name of one of
//! Rasd's languages.
//!
//! The record's fields always win, but its `text` still goes through the
//! plain-text reader: crawlers store pages as text with the site's title,
//! date line, buttons and "read also" links in it, and the body spans must
//! leave those out. The line equal to the record's title is taken as the
//! title line; a missing `published` or `lang` is filled from the text.
//!
//! Lines are read one at a time (a file of any size streams), each line
//! within the size limit; a bad line is an error naming the file and the
//! line, and reading goes on with the next line. A missing `id` becomes
//! `<file stem>-<line>`.

use std::io::BufRead;
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use rasd_model::{Document, Language};
use serde::Deserialize;

use crate::{plain, ReadError};

#[derive(Debug, Deserialize)]
struct Record {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    lang: Option<String>,
    #[serde(default)]
    text: Option<String>,
}

/// Where a record sits in its input, for ids and error messages.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Place {
    Line(usize),
    Item(usize),
    Whole,
}

/// Reads `published` as JSON records write it.
pub fn parse_published(s: &str) -> Option<NaiveDateTime> {
    let s = s.trim();
    if let Ok(d) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(d.naive_local());
    }
    for f in [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M:%S%.f",
    ] {
        if let Ok(d) = NaiveDateTime::parse_from_str(s, f) {
            return Some(d);
        }
    }
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .map(|d| d.and_time(chrono::NaiveTime::MIN))
}

fn bad(path: &Path, place: Place, reason: String) -> ReadError {
    match place {
        Place::Line(n) => ReadError::BadRecord {
            path: path.to_path_buf(),
            line: Some(n),
            reason,
        },
        Place::Item(n) => ReadError::BadRecord {
            path: path.to_path_buf(),
            line: None,
            reason: format!("item {n}: {reason}"),
        },
        Place::Whole => ReadError::BadRecord {
            path: path.to_path_buf(),
            line: None,
            reason,
        },
    }
}

/// The id stem of an input: its file name without extension.
pub(crate) fn stem(path: &Path) -> String {
    if path.as_os_str() == "-" {
        return "stdin".to_string();
    }
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Turns one parsed JSON value into a document.
pub(crate) fn record_document(
    path: &Path,
    place: Place,
    value: serde_json::Value,
) -> Result<Document, ReadError> {
    if !value.is_object() {
        return Err(bad(path, place, "a record must be a JSON object".into()));
    }
    let r: Record =
        serde_json::from_value(value).map_err(|e| bad(path, place, format!("bad record: {e}")))?;
    let Some(text) = r.text else {
        return Err(bad(path, place, "record has no \"text\"".into()));
    };
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text).to_string();
    if plain::is_blank(&text) {
        return Err(ReadError::Empty {
            path: path.to_path_buf(),
            line: match place {
                Place::Line(n) => Some(n),
                _ => None,
            },
        });
    }
    let id = match r.id {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        None | Some(serde_json::Value::Null) => match place {
            Place::Line(n) | Place::Item(n) => format!("{}-{n}", stem(path)),
            Place::Whole => stem(path),
        },
        Some(other) => {
            return Err(bad(
                path,
                place,
                format!("\"id\" must be a string or a number, not {other}"),
            ))
        }
    };
    let published = match r.published.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(p) => Some(parse_published(p).ok_or_else(|| {
            bad(
                path,
                place,
                format!(
                    "\"published\" {p:?} is not a date (RFC 3339, YYYY-MM-DD HH:MM[:SS] or YYYY-MM-DD)"
                ),
            )
        })?),
    };
    let title = r
        .title
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty());
    let parsed = plain::parse(&text, title.as_deref());
    if parsed.body.is_empty() {
        return Err(ReadError::NoBody {
            path: path.to_path_buf(),
            line: match place {
                Place::Line(n) => Some(n),
                _ => None,
            },
        });
    }
    let mut doc = plain::document(&id, &text, &parsed);
    doc.url = r
        .url
        .map(|u| u.trim().to_string())
        .filter(|u| !u.is_empty());
    if title.is_some() {
        doc.title = title;
    }
    if published.is_some() {
        doc.published = published;
    }
    // A language the record names wins, even one Rasd does not read (then
    // the document has no language rather than a wrong guess).
    if let Some(code) = r.lang.as_deref().filter(|c| !c.trim().is_empty()) {
        doc.lang = Language::from_code(code);
    }
    Ok(doc)
}

/// Result of reading one line within the limit.
enum LineRead {
    Eof,
    Line,
    TooLong(u64),
}

/// Reads one line into `buf` (without its line break), refusing lines over
/// `limit` bytes without holding them in memory.
fn read_line_limited<R: BufRead>(
    reader: &mut R,
    buf: &mut Vec<u8>,
    limit: u64,
) -> std::io::Result<LineRead> {
    buf.clear();
    let n = std::io::Read::take(&mut *reader, limit.saturating_add(1)).read_until(b'\n', buf)?;
    if n == 0 {
        return Ok(LineRead::Eof);
    }
    if buf.last() == Some(&b'\n') {
        buf.pop();
        if buf.last() == Some(&b'\r') {
            buf.pop();
        }
        return Ok(LineRead::Line);
    }
    if (buf.len() as u64) <= limit {
        // The last line, without a line break.
        if buf.last() == Some(&b'\r') {
            buf.pop();
        }
        return Ok(LineRead::Line);
    }
    // Over the limit: skip to the end of the line.
    let mut size = buf.len() as u64;
    buf.clear();
    loop {
        let available = reader.fill_buf()?;
        if available.is_empty() {
            break;
        }
        match available.iter().position(|&b| b == b'\n') {
            Some(i) => {
                size += i as u64;
                reader.consume(i + 1);
                break;
            }
            None => {
                let len = available.len();
                size += len as u64;
                reader.consume(len);
            }
        }
    }
    Ok(LineRead::TooLong(size))
}

/// A stream of documents from JSON lines.
pub struct JsonLines<R> {
    path: PathBuf,
    reader: R,
    buf: Vec<u8>,
    line: usize,
    limit: u64,
    yielded: bool,
    done: bool,
}

impl<R: BufRead> Iterator for JsonLines<R> {
    type Item = Result<Document, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        loop {
            let read = read_line_limited(&mut self.reader, &mut self.buf, self.limit);
            self.line += 1;
            let line = self.line;
            match read {
                Err(e) => {
                    self.done = true;
                    return Some(Err(ReadError::io(&self.path, e)));
                }
                Ok(LineRead::Eof) => {
                    self.done = true;
                    if !self.yielded {
                        return Some(Err(ReadError::Empty {
                            path: self.path.clone(),
                            line: None,
                        }));
                    }
                    return None;
                }
                Ok(LineRead::TooLong(size)) => {
                    self.yielded = true;
                    return Some(Err(ReadError::TooLarge {
                        path: self.path.clone(),
                        line: Some(line),
                        size,
                        limit: self.limit,
                    }));
                }
                Ok(LineRead::Line) => {}
            }
            let bytes: &[u8] = if line == 1 {
                self.buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&self.buf)
            } else {
                &self.buf
            };
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            self.yielded = true;
            let s = match std::str::from_utf8(bytes) {
                Ok(s) => s,
                Err(e) => {
                    return Some(Err(ReadError::InvalidUtf8 {
                        path: self.path.clone(),
                        line: Some(line),
                        bad_line: line,
                        byte: e.valid_up_to(),
                    }))
                }
            };
            return Some(parse_line(&self.path, line, s));
        }
    }
}

fn parse_line(path: &Path, line: usize, s: &str) -> Result<Document, ReadError> {
    let value: serde_json::Value = serde_json::from_str(s).map_err(|e| ReadError::Json {
        path: path.to_path_buf(),
        line,
        reason: e.to_string(),
    })?;
    record_document(path, Place::Line(line), value)
}

/// Reads JSON lines from a reader, one document (or error) a line.
/// `path` names the input in ids and errors.
pub fn read_jsonl<R: BufRead>(path: &Path, reader: R, max_line_bytes: u64) -> JsonLines<R> {
    JsonLines {
        path: path.to_path_buf(),
        reader,
        buf: Vec::new(),
        line: 0,
        limit: max_line_bytes,
        yielded: false,
        done: false,
    }
}

/// Reads JSON lines held in a string.
pub fn read_jsonl_str(path: &Path, s: &str) -> Vec<Result<Document, ReadError>> {
    read_jsonl(path, s.as_bytes(), u64::MAX).collect()
}

/// Reads a `.json` input: one record object, an array of records, or (if
/// it is neither) JSON lines.
pub(crate) fn read_json_str(path: &Path, s: &str) -> Vec<Result<Document, ReadError>> {
    match serde_json::from_str::<serde_json::Value>(s) {
        Ok(serde_json::Value::Array(items)) => {
            if items.is_empty() {
                return vec![Err(ReadError::Empty {
                    path: path.to_path_buf(),
                    line: None,
                })];
            }
            items
                .into_iter()
                .enumerate()
                .map(|(i, v)| record_document(path, Place::Item(i + 1), v))
                .collect()
        }
        Ok(v @ serde_json::Value::Object(_)) => vec![record_document(path, Place::Whole, v)],
        _ => read_jsonl_str(path, s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn p() -> PathBuf {
        PathBuf::from("batch.jsonl")
    }

    #[test]
    fn messy_records_fail_with_their_line_and_reason() {
        let input = concat!(
            r#"{"id":"menu","text":"Home | Africa | Sudan\nRead more\nCar bomb kills 12 in Mogadishu\nAccessed on 2024-11-04"}"#,
            "\n",
            r#"{"id":"surrogate","text":"\ud800 broken"}"#,
            "\n",
            r#"{"id":"invisible","text":"\u202e\u200f\u200d "}"#,
            "\n",
            r#"{"id":"cut","text":"...ـلية في المنطقة. وقتل 5 جنود\u200f\u200d في هجوم على"}"#,
            "\n",
            r#"{"id":"headline","title":"Gunmen kill five in Gao","text":"Gunmen kill five in Gao"}"#,
            "\n",
        );
        let out = read_jsonl_str(&p(), input);
        assert_eq!(out.len(), 5);
        let msg = |i: usize| out[i].as_ref().unwrap_err().to_string();
        assert!(matches!(
            out[0],
            Err(ReadError::NoBody { line: Some(1), .. })
        ));
        assert_eq!(
            msg(0),
            "batch.jsonl:1: no article text (only markup, header lines or page chrome)"
        );
        assert!(
            msg(1).starts_with("batch.jsonl:2: malformed JSON"),
            "{}",
            msg(1)
        );
        assert!(matches!(
            out[2],
            Err(ReadError::Empty { line: Some(3), .. })
        ));
        let cut = out[3].as_ref().unwrap();
        let body: Vec<&str> = cut.body.iter().filter_map(|s| s.slice(&cut.text)).collect();
        assert_eq!(
            body,
            vec!["في المنطقة. وقتل 5 جنود\u{200f}\u{200d} في هجوم على"]
        );
        // A record that is only its headline is coded from the headline.
        let headline = out[4].as_ref().unwrap();
        assert_eq!(headline.body.len(), 1);
    }

    #[test]
    fn reads_records_and_reports_bad_lines() {
        let input = concat!(
            r#"{"id":"d1","url":"https://example.org/1","title":"Clashes in the north","published":"2024-02-03T10:20:00+01:00","lang":"en","text":"Clashes in the north\nFighting broke out on Friday between the army and an armed group, officials said.","source":"ignored"}"#,
            "\n",
            "{not json}\n",
            "\n",
            r#"{"title":"بلا معرف","published":"2023-05-01","text":"قال مسؤول إن مسلحين هاجموا مركزا للشرطة ليلة أمس وقتلوا اثنين من عناصره."}"#,
            "\n",
            r#"{"id":"d3","published":"yesterday","text":"x"}"#,
            "\n",
            r#"{"id":"d4"}"#,
            "\n",
            r#"{"id":7,"published":"2022-01-02 03:04","text":"Des tirs ont été entendus dans la nuit près du camp, selon des habitants de la ville."}"#,
            "\n",
            r#"[1,2]"#,
            "\n",
            r#"{"id":"d8","text":"   "}"#,
        );
        let out = read_jsonl_str(&p(), input);
        assert_eq!(out.len(), 8);

        let d1 = out[0].as_ref().unwrap();
        assert_eq!(d1.id, "d1");
        assert_eq!(d1.url.as_deref(), Some("https://example.org/1"));
        assert_eq!(d1.title.as_deref(), Some("Clashes in the north"));
        assert_eq!(
            d1.published,
            NaiveDate::from_ymd_opt(2024, 2, 3)
                .unwrap()
                .and_hms_opt(10, 20, 0)
        );
        assert_eq!(d1.lang, Some(Language::En));
        // The title line inside the text is not body.
        let body: Vec<&str> = d1.body.iter().map(|s| s.slice(&d1.text).unwrap()).collect();
        assert_eq!(
            body,
            vec![
                "Fighting broke out on Friday between the army and an armed group, officials said."
            ]
        );

        let e = out[1].as_ref().unwrap_err();
        assert!(matches!(e, ReadError::Json { line: 2, .. }), "{e}");
        assert!(e.to_string().starts_with("batch.jsonl:2: malformed JSON"));

        let d2 = out[2].as_ref().unwrap();
        assert_eq!(d2.id, "batch-4");
        assert_eq!(d2.lang, Some(Language::Ar));
        assert_eq!(d2.body.len(), 1);

        let e = out[3].as_ref().unwrap_err();
        assert_eq!(e.line(), Some(5));
        assert!(e.to_string().contains("\"published\""), "{e}");

        let e = out[4].as_ref().unwrap_err();
        assert!(e.to_string().contains("no \"text\""), "{e}");

        let d7 = out[5].as_ref().unwrap();
        assert_eq!(d7.id, "7");
        assert_eq!(d7.lang, Some(Language::Fr));

        assert!(out[6].as_ref().unwrap_err().to_string().contains("object"));
        // A record with blank text is an empty-record error.
        assert!(matches!(
            out[7],
            Err(ReadError::Empty { line: Some(9), .. })
        ));
    }

    #[test]
    fn record_header_lines_are_read() {
        let line = r#"{"id":"h","text":"عنوان الخبر هنا\nالأحد 25/سبتمبر/2022 - 11:08 م\nطباعة\nشارك\n\nأعلن الجيش مقتل عدد من المسلحين في عملية عسكرية شمال البلاد، بحسب بيان رسمي صدر مساء اليوم."}"#;
        let out = read_jsonl_str(&p(), line);
        let d = out[0].as_ref().unwrap();
        assert_eq!(d.title.as_deref(), Some("عنوان الخبر هنا"));
        assert_eq!(
            d.published,
            NaiveDate::from_ymd_opt(2022, 9, 25)
                .unwrap()
                .and_hms_opt(23, 8, 0)
        );
        assert_eq!(d.body.len(), 1);
        assert!(d.body[0].slice(&d.text).unwrap().starts_with("أعلن الجيش"));
    }

    #[test]
    fn text_without_header_keeps_first_line_when_title_differs() {
        let line = r#"{"id":"x","title":"Another headline","text":"Soldiers killed\nThe army said two soldiers were killed."}"#;
        let d = read_jsonl_str(&p(), line).remove(0).unwrap();
        assert_eq!(d.title.as_deref(), Some("Another headline"));
        // A short first line that is not the title reads as a header line
        // (a kicker or a dateline); the article follows it.
        let body: Vec<&str> = d.body.iter().map(|s| s.slice(&d.text).unwrap()).collect();
        assert_eq!(body, vec!["The army said two soldiers were killed."]);
    }

    #[test]
    fn title_line_with_site_name() {
        let line = r#"{"id":"x","title":"Clashes in the north","text":"Clashes in the north | Daily Sahel\nFighting broke out between the army and an armed group near the border on Friday, officials said."}"#;
        let d = read_jsonl_str(&p(), line).remove(0).unwrap();
        assert_eq!(d.title.as_deref(), Some("Clashes in the north"));
        assert_eq!(d.body.len(), 1);
        assert!(d.body[0].slice(&d.text).unwrap().starts_with("Fighting"));
    }

    #[test]
    fn unknown_language_code_gives_none() {
        let line = r#"{"id":"x","lang":"es","text":"Hombres armados atacaron un puesto militar el domingo."}"#;
        let d = read_jsonl_str(&p(), line).remove(0).unwrap();
        assert_eq!(d.lang, None);
    }

    #[test]
    fn too_long_line_is_skipped_and_reading_goes_on() {
        let long = format!("{{\"id\":\"big\",\"text\":\"{}\"}}", "a".repeat(500));
        let input = format!(
            "{long}\n{}\n",
            r#"{"id":"ok","text":"A short record about a protest in the capital on Monday."}"#
        );
        let out: Vec<_> = read_jsonl(&p(), input.as_bytes(), 200).collect();
        assert_eq!(out.len(), 2);
        assert!(matches!(
            out[0],
            Err(ReadError::TooLarge { line: Some(1), .. })
        ));
        assert_eq!(out[1].as_ref().unwrap().id, "ok");
    }

    #[test]
    fn invalid_utf8_line() {
        let mut input = b"{\"id\":\"a\",\"text\":\"ok text here\"}\n".to_vec();
        input.extend_from_slice(b"{\"id\":\"b\",\"text\":\"\xFF\xFE\"}\n");
        let out: Vec<_> = read_jsonl(&p(), &input[..], 1000).collect();
        assert!(out[0].is_ok());
        assert!(matches!(
            out[1],
            Err(ReadError::InvalidUtf8 { line: Some(2), .. })
        ));
    }

    #[test]
    fn blank_only_input_is_empty() {
        let out = read_jsonl_str(&p(), "\n  \n");
        assert_eq!(out.len(), 1);
        assert!(matches!(out[0], Err(ReadError::Empty { line: None, .. })));
    }

    #[test]
    fn json_array_and_object() {
        let arr = r#"[{"id":"a","text":"First record text about clashes."},{"id":"b"}]"#;
        let out = read_json_str(Path::new("x.json"), arr);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].as_ref().unwrap().id, "a");
        assert!(out[1].as_ref().unwrap_err().to_string().contains("item 2"));
        let obj = "{\n  \"text\": \"One pretty-printed record about an attack.\"\n}";
        let out = read_json_str(Path::new("one.json"), obj);
        assert_eq!(out[0].as_ref().unwrap().id, "one");
    }

    #[test]
    fn published_formats() {
        let want = NaiveDate::from_ymd_opt(2022, 9, 25)
            .unwrap()
            .and_hms_opt(23, 8, 0);
        assert_eq!(parse_published("2022-09-25T23:08:00+02:00"), want);
        assert_eq!(parse_published("2022-09-25 23:08"), want);
        assert_eq!(parse_published("2022-09-25 23:08:00"), want);
        assert_eq!(
            parse_published("2022-09-25"),
            NaiveDate::from_ymd_opt(2022, 9, 25)
                .unwrap()
                .and_hms_opt(0, 0, 0)
        );
        assert_eq!(parse_published("25/09/2022"), None);
    }
}
