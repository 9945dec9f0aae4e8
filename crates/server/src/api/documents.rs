//! `/api/documents/{id}`: a stored document with the evidence spans of its
//! reports (byte offsets and the same offsets in UTF-16 code units, ready
//! for JavaScript), and `POST /api/documents`: ingest, behind the token.
//!
//! A posted document comes as
//! - JSON: one object `{id, url, title, published, lang, text}` or an array
//!   of them (`id` may be left out: it is then derived from the content);
//! - a raw body (`text/plain`, `application/octet-stream`, …) with the
//!   metadata as query parameters (`?id=…&title=…&lang=ar`);
//! - `multipart/form-data` with a `file` part (its file name gives the id)
//!   and optional `id`, `url`, `title`, `published`, `lang` parts.
//!
//! Each document is coded with the state's coding function and stored in
//! one transaction. The text must be UTF-8, non-empty and free of NUL.

use axum::extract::{FromRequest, Multipart, Path, RawQuery, Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::routing::get;
use axum::{Json, Router};
use chrono::NaiveDateTime;
use rasd_model::{Document, Language};
use serde::Deserialize;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::params::Params;
use crate::{guard, textpos, ApiError, AppState};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/documents", axum::routing::post(post))
        .route("/api/documents/{id}", get(one))
}

async fn one(
    State(state): State<AppState>,
    Path(id): Path<String>,
    RawQuery(q): RawQuery,
) -> Result<Json<Value>, ApiError> {
    let p = Params::parse(q.as_deref());
    let only_report = p.get("report").map(str::to_string);
    if let Some((k, _)) = p.all_pairs().find(|(k, _)| *k != "report") {
        return Err(ApiError::bad_request(format!(
            "unknown parameter {k:?}; known: report"
        )));
    }
    let wanted = id.clone();
    let (doc, evidence) = state
        .blocking(move |s| {
            let Some(doc) = s.document(&wanted)? else {
                return Ok(None);
            };
            let mut ev = Vec::new();
            for r in &doc.reports {
                if only_report.as_ref().is_some_and(|o| o != r) {
                    continue;
                }
                for (field, span) in s.evidence(r)? {
                    ev.push((r.clone(), field, span));
                }
            }
            Ok(Some((doc, ev)))
        })
        .await?
        .ok_or_else(|| ApiError::not_found(format!("no document with id {id:?}")))?;
    let text = &doc.document.text;
    let offsets: Vec<usize> = evidence
        .iter()
        .flat_map(|(_, _, s)| [s.start, s.end])
        .collect();
    let units = textpos::utf16_offsets(text, &offsets);
    let evidence: Vec<Value> = evidence
        .iter()
        .enumerate()
        .map(|(i, (report, field, span))| {
            let (a, b) = (units[2 * i], units[2 * i + 1]);
            json!({
                "report_id": report,
                "field": field,
                "start": span.start,
                "end": span.end,
                "utf16_start": a,
                "utf16_end": b,
                "text": span.slice(text),
            })
        })
        .collect();
    let d = &doc.document;
    Ok(Json(json!({
        "id": d.id,
        "url": d.url,
        "title": d.title,
        "published": d.published,
        "lang": d.lang,
        "text": d.text,
        "content_hash": doc.content_hash,
        "ingested_at": doc.ingested_at,
        "reports": doc.reports,
        "evidence": evidence,
    })))
}

/// A document as a client posts it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DocInput {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    lang: Option<String>,
    text: String,
}

/// Reads a publication time: `YYYY-MM-DD`, or a date and time with `T` or
/// a space, with or without seconds.
fn parse_published(s: &str) -> Option<NaiveDateTime> {
    let s = s.trim();
    for fmt in [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, fmt) {
            return Some(t);
        }
    }
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(t.naive_local());
    }
    rasd_store::parse_date(s).and_then(|d| d.and_hms_opt(0, 0, 0))
}

fn into_document(d: DocInput, what: &str) -> Result<Document, ApiError> {
    let bad = |m: String| ApiError::bad_request(format!("{what}: {m}"));
    if d.text.trim().is_empty() {
        return Err(bad("text is empty".into()));
    }
    for (name, v) in [
        ("text", Some(&d.text)),
        ("id", d.id.as_ref()),
        ("title", d.title.as_ref()),
        ("url", d.url.as_ref()),
    ] {
        if v.is_some_and(|v| v.contains('\0')) {
            return Err(bad(format!("{name} contains a NUL character")));
        }
    }
    let id = match d.id.map(|s| s.trim().to_string()).filter(|s| !s.is_empty()) {
        Some(id) => id,
        None => {
            let h = Sha256::digest(d.text.as_bytes());
            let hex: String = h.iter().take(8).map(|b| format!("{b:02x}")).collect();
            format!("doc-{hex}")
        }
    };
    if id.len() > 512 {
        return Err(bad(format!("id is {} bytes long; at most 512", id.len())));
    }
    let lang = d
        .lang
        .as_deref()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            Language::from_code(l).ok_or_else(|| bad(format!("lang {l:?}: expected ar, en or fr")))
        })
        .transpose()?;
    let published = d
        .published
        .as_deref()
        .filter(|p| !p.trim().is_empty())
        .map(|p| {
            parse_published(p)
                .ok_or_else(|| bad(format!("published {p:?}: expected YYYY-MM-DD[THH:MM[:SS]]")))
        })
        .transpose()?;
    let nonempty = |o: Option<String>| o.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    Ok(Document {
        id,
        url: nonempty(d.url),
        title: nonempty(d.title),
        published,
        lang,
        text: d.text,
        body: Vec::new(),
    })
}

fn utf8(bytes: Vec<u8>, what: &str) -> Result<String, ApiError> {
    String::from_utf8(bytes).map_err(|e| {
        ApiError::bad_request(format!(
            "{what}: not valid UTF-8 (first bad byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })
}

fn content_type(headers: &HeaderMap) -> String {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

async fn read_documents(state: &AppState, req: Request) -> Result<Vec<Document>, ApiError> {
    let ctype = content_type(req.headers());
    let query = req.uri().query().map(str::to_string);
    let too_big = |e: String| {
        if e.contains("length limit") || e.contains("too large") {
            ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                format!(
                    "request body is larger than {} bytes",
                    state.config.max_body_bytes
                ),
            )
        } else {
            ApiError::bad_request(format!("cannot read the request body: {e}"))
        }
    };
    if ctype == "multipart/form-data" {
        let mut mp = Multipart::from_request(req, state)
            .await
            .map_err(|e| ApiError::bad_request(format!("multipart body: {}", e.body_text())))?;
        let mut input = DocInput {
            id: None,
            url: None,
            title: None,
            published: None,
            lang: None,
            text: String::new(),
        };
        let mut file_name = None;
        let mut have_file = false;
        while let Some(field) = mp.next_field().await.map_err(|e| too_big(e.body_text()))? {
            let name = field.name().unwrap_or("").to_string();
            if name == "file" {
                file_name = field.file_name().map(str::to_string);
            }
            let bytes = field.bytes().await.map_err(|e| too_big(e.body_text()))?;
            let value = utf8(bytes.to_vec(), &format!("multipart part {name:?}"))?;
            match name.as_str() {
                "file" | "text" => {
                    input.text = value;
                    have_file = true;
                }
                "id" => input.id = Some(value),
                "url" => input.url = Some(value),
                "title" => input.title = Some(value),
                "published" => input.published = Some(value),
                "lang" => input.lang = Some(value),
                other => {
                    return Err(ApiError::bad_request(format!(
                        "unknown multipart part {other:?}; known: file, text, id, url, title, published, lang"
                    )))
                }
            }
        }
        if !have_file {
            return Err(ApiError::bad_request("multipart body has no \"file\" part"));
        }
        if input.id.as_deref().is_none_or(|s| s.trim().is_empty()) {
            input.id = file_name.map(|f| {
                let base = f.rsplit(['/', '\\']).next().unwrap_or(&f).to_string();
                base.rsplit_once('.')
                    .map(|(stem, _)| stem.to_string())
                    .filter(|s| !s.is_empty())
                    .unwrap_or(base)
            });
        }
        return Ok(vec![into_document(input, "uploaded file")?]);
    }
    let bytes = axum::body::Bytes::from_request(req, state)
        .await
        .map_err(|e| {
            if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                too_big("length limit".into())
            } else {
                ApiError::bad_request(format!("cannot read the request body: {}", e.body_text()))
            }
        })?;
    if ctype == "application/json" || ctype.ends_with("+json") {
        let parsed: Value = serde_json::from_slice(&bytes).map_err(|e| {
            ApiError::bad_request(format!(
                "JSON body (line {}, column {}): {e}",
                e.line(),
                e.column()
            ))
        })?;
        let expected = "expected {\"id\", \"url\", \"title\", \"published\", \"lang\", \"text\"} or an array of them";
        let items = match parsed {
            Value::Array(v) => v,
            v @ Value::Object(_) => vec![v],
            _ => return Err(ApiError::bad_request(format!("JSON body: {expected}"))),
        };
        if items.is_empty() {
            return Err(ApiError::bad_request("JSON body: empty array"));
        }
        let list = items
            .into_iter()
            .enumerate()
            .map(|(i, v)| {
                serde_json::from_value::<DocInput>(v).map_err(|e| {
                    ApiError::bad_request(format!("JSON body, document {i}: {e}; {expected}"))
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        return list
            .into_iter()
            .enumerate()
            .map(|(i, d)| into_document(d, &format!("document {i}")))
            .collect();
    }
    if ctype.is_empty() || ctype.starts_with("text/") || ctype == "application/octet-stream" {
        let p = Params::parse(query.as_deref());
        if let Some((k, _)) = p
            .all_pairs()
            .find(|(k, _)| !["id", "url", "title", "published", "lang"].contains(k))
        {
            return Err(ApiError::bad_request(format!(
                "unknown parameter {k:?}; known: id, url, title, published, lang"
            )));
        }
        let own = |k: &str| p.get(k).map(str::to_string);
        let input = DocInput {
            id: own("id"),
            url: own("url"),
            title: own("title"),
            published: own("published"),
            lang: own("lang"),
            text: utf8(bytes.to_vec(), "request body")?,
        };
        return Ok(vec![into_document(input, "request body")?]);
    }
    Err(ApiError::new(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        format!("content type {ctype:?}: send application/json, text/plain or multipart/form-data"),
    ))
}

async fn post(
    State(state): State<AppState>,
    req: Request,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    guard::check_token(&state.config, req.headers())?;
    let docs = read_documents(&state, req).await?;
    let coder = state.coder.clone();
    let outcomes = state
        .blocking(move |s| {
            let batch: Vec<_> = docs
                .into_iter()
                .map(|d| {
                    let events = coder(&d);
                    (d, events)
                })
                .collect();
            Ok(s.ingest_batch(batch)?)
        })
        .await?;
    state.totals.clear();
    let created = outcomes
        .iter()
        .any(|o| o.status != rasd_store::IngestStatus::Unchanged);
    let status = if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(json!({ "documents": outcomes }))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publication_times() {
        assert_eq!(
            parse_published("2024-03-05").unwrap().to_string(),
            "2024-03-05 00:00:00"
        );
        assert_eq!(
            parse_published("2024-03-05T10:20").unwrap().to_string(),
            "2024-03-05 10:20:00"
        );
        assert_eq!(
            parse_published("2024-03-05 10:20:30").unwrap().to_string(),
            "2024-03-05 10:20:30"
        );
        assert!(parse_published("5 March").is_none());
    }

    #[test]
    fn ids_default_to_a_content_hash() {
        let d = into_document(
            DocInput {
                id: None,
                url: None,
                title: Some("  ".into()),
                published: None,
                lang: Some("AR".into()),
                text: "نص".into(),
            },
            "t",
        )
        .unwrap();
        assert!(d.id.starts_with("doc-") && d.id.len() == 20, "{}", d.id);
        assert_eq!(d.title, None);
        assert_eq!(d.lang, Some(Language::Ar));
        let e = into_document(
            DocInput {
                id: None,
                url: None,
                title: None,
                published: None,
                lang: Some("de".into()),
                text: "x".into(),
            },
            "t",
        )
        .unwrap_err();
        assert!(e.message.contains("lang"), "{}", e.message);
    }
}
