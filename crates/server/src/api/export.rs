//! `/api/export.{csv,geojson,jsonl,parquet}`: every event matching the
//! filters as a download, in the store's export formats.
//!
//! The export runs on the blocking pool and writes into a channel; the
//! response body reads from it, so a large export streams in bounded
//! memory and stops when the client goes away. An error after the first
//! bytes went out can no longer change the status: the body is then cut
//! short, which HTTP clients report as an incomplete transfer.

use std::io::{self, Write};

use axum::body::{Body, Bytes};
use axum::extract::{RawQuery, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use rasd_store::export::Format;
use tokio::sync::mpsc;

use crate::params::Params;
use crate::{ApiError, AppState};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/api/export.csv",
            get(|s, q| export(s, q, Format::AcledCsv)),
        )
        .route(
            "/api/export.geojson",
            get(|s, q| export(s, q, Format::GeoJson)),
        )
        .route("/api/export.jsonl", get(|s, q| export(s, q, Format::Jsonl)))
        .route(
            "/api/export.parquet",
            get(|s, q| export(s, q, Format::Parquet)),
        )
}

type Chunk = Result<Bytes, io::Error>;

/// A `Write` that hands 64 KiB chunks to the response body.
struct ChannelWriter {
    tx: mpsc::Sender<Chunk>,
    buf: Vec<u8>,
}

const CHUNK: usize = 64 * 1024;

impl ChannelWriter {
    fn send(&mut self) -> io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let chunk = Bytes::from(std::mem::replace(&mut self.buf, Vec::with_capacity(CHUNK)));
        self.tx
            .blocking_send(Ok(chunk))
            .map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "the client went away"))
    }
}

impl Write for ChannelWriter {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(data);
        if self.buf.len() >= CHUNK {
            self.send()?;
        }
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.send()
    }
}

fn file_info(format: Format) -> (&'static str, &'static str) {
    match format {
        Format::AcledCsv => ("text/csv; charset=utf-8", "rasd-events.csv"),
        Format::GeoJson => ("application/geo+json", "rasd-events.geojson"),
        Format::Jsonl => ("application/x-ndjson", "rasd-events.jsonl"),
        Format::Parquet => ("application/vnd.apache.parquet", "rasd-events.parquet"),
    }
}

async fn export(
    State(state): State<AppState>,
    RawQuery(q): RawQuery,
    format: Format,
) -> Result<Response, ApiError> {
    let p = Params::parse(q.as_deref());
    p.only(&[])?;
    let filter = p.filter(&state.config)?;
    if !format.available() {
        return Err(ApiError::new(
            StatusCode::NOT_IMPLEMENTED,
            "this build has no Parquet export: build rasd with --features parquet",
        ));
    }
    let (tx, rx) = mpsc::channel::<Chunk>(4);
    let store = state.store.clone();
    // An export holds one of the store-call slots while it runs.
    let permit = state
        .store_calls
        .clone()
        .acquire_owned()
        .await
        .map_err(|e| ApiError::internal(format!("store calls closed: {e}")))?;
    tokio::task::spawn_blocking(move || {
        let _permit = permit;
        let mut w = ChannelWriter {
            tx: tx.clone(),
            buf: Vec::with_capacity(CHUNK),
        };
        let result = rasd_store::export::export(store.as_ref(), &filter, format, &mut w)
            .map_err(|e| e.to_string())
            .and_then(|_| w.flush().map_err(|e| e.to_string()));
        if let Err(e) = result {
            tracing::warn!("export failed: {e}");
            let _ = tx.blocking_send(Err(io::Error::other(e)));
        }
    });
    let stream = futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|chunk| (chunk, rx))
    });
    let (ctype, name) = file_info(format);
    Ok((
        [
            (header::CONTENT_TYPE, ctype.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        Body::from_stream(stream),
    )
        .into_response())
}
