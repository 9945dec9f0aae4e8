//! `/api/health` (the store answers), `/api/version`, and
//! `/api/openapi.json`: the API description, a hand-maintained file
//! embedded in the binary (checked against [`crate::API_ROUTES`] by the
//! tests, so a route cannot be added without describing it).

use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};

use crate::{ApiError, AppState};

/// The OpenAPI 3.1 description of the API.
pub const OPENAPI: &str = include_str!("../../assets/openapi.json");

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/health", get(health))
        .route("/api/version", get(version))
        .route("/api/openapi.json", get(openapi))
}

async fn health(State(state): State<AppState>) -> Result<Json<Value>, ApiError> {
    let backend = state.store.backend();
    let counts = state.blocking(|s| Ok(s.counts()?)).await?;
    Ok(Json(json!({
        "status": "ok",
        "backend": backend,
        "documents": counts.documents,
        "reports": counts.reports,
        "events": counts.events,
    })))
}

async fn version(State(state): State<AppState>) -> Json<Value> {
    Json(json!({
        "name": "rasd",
        "version": env!("CARGO_PKG_VERSION"),
        "backend": state.store.backend(),
        "writes_enabled": state.config.token.is_some(),
        "parquet": rasd_store::export::Format::Parquet.available(),
    }))
}

async fn openapi() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI)
}
