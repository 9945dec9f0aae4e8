//! Handler tests: the router called directly (no socket), and the OpenAPI
//! document checked against the routes the router serves.

mod common;

use std::collections::BTreeSet;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use http_body_util::BodyExt;
use rasd_server::{router, AppState, API_ROUTES};
use serde_json::Value;
use tower::ServiceExt;

fn state() -> (AppState, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let store = rasd_store::open_sqlite(&dir.path().join("h.db")).unwrap();
    store.ingest_batch(common::fixture()).unwrap();
    (
        AppState::new(store, common::test_coder(), common::with_token()),
        dir,
    )
}

async fn call(state: &AppState, method: Method, uri: &str) -> (StatusCode, Vec<u8>) {
    let req = Request::builder()
        .method(method)
        .uri(uri)
        .body(Body::empty())
        .unwrap();
    let resp = router(state.clone()).oneshot(req).await.unwrap();
    let status = resp.status();
    let body = resp
        .into_body()
        .collect()
        .await
        .unwrap()
        .to_bytes()
        .to_vec();
    (status, body)
}

/// `{id}` in a route path, replaced by a value that exists.
fn concrete(path: &str, event_id: &str) -> String {
    if path.starts_with("/api/events/") {
        path.replace("{id}", event_id)
    } else {
        path.replace("{id}", "t-ar-1")
    }
}

#[tokio::test]
async fn openapi_describes_exactly_the_routes() {
    let spec: Value = serde_json::from_str(rasd_server::api::meta::OPENAPI).unwrap();
    assert_eq!(spec["openapi"], "3.1.0");
    let mut described = BTreeSet::new();
    for (path, ops) in spec["paths"].as_object().unwrap() {
        for (method, op) in ops.as_object().unwrap() {
            described.insert((method.to_uppercase(), path.clone()));
            assert!(
                op["responses"].as_object().is_some_and(|r| !r.is_empty()),
                "{method} {path}"
            );
        }
    }
    let routed: BTreeSet<(String, String)> = API_ROUTES
        .iter()
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect();
    assert_eq!(described, routed);
    // Every $ref points at a schema that exists.
    let text = rasd_server::api::meta::OPENAPI;
    for piece in text.split("\"$ref\"").skip(1) {
        let name = piece
            .split('"')
            .nth(1)
            .unwrap()
            .trim_start_matches("#/components/schemas/");
        assert!(spec["components"]["schemas"][name].is_object(), "{name}");
    }
}

#[tokio::test]
async fn every_listed_route_is_served() {
    let (state, _dir) = state();
    let (_, body) = call(&state, Method::GET, "/api/events?limit=1").await;
    let v: Value = serde_json::from_slice(&body).unwrap();
    let id = v["events"][0]["event_id"].as_str().unwrap().to_string();
    for (method, path) in API_ROUTES {
        let m = Method::from_bytes(method.as_bytes()).unwrap();
        let (status, _) = call(&state, m, &concrete(path, &id)).await;
        assert_ne!(status, StatusCode::NOT_FOUND, "{method} {path}");
        assert_ne!(status, StatusCode::METHOD_NOT_ALLOWED, "{method} {path}");
    }
}

#[tokio::test]
async fn handler_answers() {
    let (state, _dir) = state();
    let (st, body) = call(&state, Method::GET, "/api/stats?by=event_type").await;
    assert_eq!(st, 200);
    let v: Value = serde_json::from_slice(&body).unwrap();
    let rows = v["rows"].as_array().unwrap();
    let ex = rows
        .iter()
        .find(|r| r["event_type"] == "Explosions/Remote violence")
        .unwrap();
    assert_eq!(ex["events"], 3);

    // Posting without a body type and without a token.
    let (st, body) = call(&state, Method::POST, "/api/documents").await;
    assert_eq!(st, 401);
    let v: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(v["status"], 401);

    let (st, body) = call(&state, Method::GET, "/api/openapi.json").await;
    assert_eq!(st, 200);
    assert!(serde_json::from_slice::<Value>(&body).is_ok());

    let (st, body) = call(&state, Method::GET, "/").await;
    assert_eq!(st, 200);
    assert!(String::from_utf8(body).unwrap().contains("<svg id=\"map\""));
}

#[tokio::test]
async fn sample_loads_and_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let store = rasd_store::open_sqlite(&dir.path().join("s.db")).unwrap();
    let first = rasd_server::sample::load(store.as_ref()).unwrap();
    assert_eq!(first.len(), 7);
    let c = store.counts().unwrap();
    assert_eq!(
        (c.documents, c.reports, c.events),
        (7, 7, 6),
        "two reports merge"
    );
    let again = rasd_server::sample::load(store.as_ref()).unwrap();
    assert!(again
        .iter()
        .all(|o| o.status == rasd_store::IngestStatus::Unchanged));
}
