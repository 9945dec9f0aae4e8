//! `/api/events`: the events matching the filters, a page at a time, and
//! `/api/events/{id}`: one merged event with every report of it (the
//! record each document gave, the fields taken from it) and its evidence.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Instant;

use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use rasd_store::{Filter, StoredEvent};
use serde::Serialize;
use serde_json::{json, Value};

use crate::params::Params;
use crate::{ApiError, AppState};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/events", get(list))
        .route("/api/events/{id}", get(one))
}

/// Default page size.
pub const DEFAULT_LIMIT: u64 = 100;

/// Recently computed totals per filter (see `Config::total_ttl`).
#[derive(Default)]
pub struct TotalCache {
    map: Mutex<HashMap<String, (u64, Instant)>>,
}

impl TotalCache {
    fn get(&self, key: &str, ttl: std::time::Duration) -> Option<u64> {
        let map = self.map.lock().unwrap_or_else(|p| p.into_inner());
        map.get(key)
            .filter(|(_, at)| at.elapsed() < ttl)
            .map(|(n, _)| *n)
    }

    fn put(&self, key: String, n: u64) {
        let mut map = self.map.lock().unwrap_or_else(|p| p.into_inner());
        if map.len() >= 1024 {
            map.clear();
        }
        map.insert(key, (n, Instant::now()));
    }

    /// Forgets every total (after a write).
    pub fn clear(&self) {
        self.map.lock().unwrap_or_else(|p| p.into_inner()).clear();
    }
}

async fn list(State(state): State<AppState>, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(q.as_deref());
    p.only(&["limit", "offset"])?;
    let mut filter = p.filter(&state.config)?;
    let limit = p.number::<u64>("limit")?.unwrap_or(DEFAULT_LIMIT);
    if limit > state.config.max_page {
        return Err(ApiError::bad_request(format!(
            "parameter limit={limit}: at most {} events a page",
            state.config.max_page
        )));
    }
    let offset = p.number::<u64>("offset")?.unwrap_or(0);
    let key = serde_json::to_string(&filter).unwrap_or_default();
    let cached = state.totals.get(&key, state.config.total_ttl);
    filter.limit = Some(limit);
    filter.offset = Some(offset);
    let (events, total) = state
        .blocking(move |store| {
            let events = store.query(&filter)?;
            let total = match cached {
                Some(n) => n,
                None => store.count(&Filter {
                    limit: None,
                    offset: None,
                    ..filter
                })?,
            };
            Ok((events, total))
        })
        .await?;
    if cached.is_none() {
        state.totals.put(key, total);
    }
    // Serialized from borrowed structs, not through `json!` (which would
    // build a `Value` tree of every event first).
    let page = Page {
        total,
        limit,
        offset,
        events: events.iter().map(EventOut::from).collect(),
    };
    Ok(Json(page).into_response())
}

#[derive(Serialize)]
struct Page<'a> {
    total: u64,
    limit: u64,
    offset: u64,
    events: Vec<EventOut<'a>>,
}

/// An event as the API writes it: the record's fields plus `n_reports`,
/// `doc_ids` and `sources` (what `rasd_store::export::event_json` gives),
/// serialized straight from the record rather than through a
/// `serde_json::Value` — building a map per event cost three times the
/// serialization itself on a page of 100.
#[derive(Serialize)]
pub struct EventOut<'a> {
    #[serde(flatten)]
    event: &'a rasd_model::Event,
    n_reports: u32,
    doc_ids: &'a [String],
    sources: &'a str,
}

impl<'a> From<&'a StoredEvent> for EventOut<'a> {
    fn from(s: &'a StoredEvent) -> Self {
        EventOut {
            event: &s.event,
            n_reports: s.n_reports,
            doc_ids: &s.doc_ids,
            sources: &s.sources,
        }
    }
}

async fn one(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let wanted = id.clone();
    let ex = state
        .blocking(move |store| Ok(store.explain(&wanted)?))
        .await?
        .ok_or_else(|| ApiError::not_found(format!("no event with id {id:?}")))?;
    let reports: Vec<Value> = ex
        .reports
        .iter()
        .map(|r| {
            json!({
                "report_id": r.report_id,
                "doc_id": r.doc_id,
                "doc_title": r.doc_title,
                "doc_url": r.doc_url,
                "published": r.published,
                "fields_used": r.fields_used,
                "record": r.record,
            })
        })
        .collect();
    Ok(Json(json!({
        "event": EventOut::from(&ex.event),
        "updated_at": ex.event.updated_at,
        "provenance": ex.provenance,
        "reports": reports,
    })))
}
