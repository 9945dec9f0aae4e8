//! The dashboard's files, embedded in the binary.
//!
//! `/` is the page; `/assets/NAME` the script, style sheet and country
//! outlines. The page is revalidated on every load (`no-cache` + ETag) so
//! a new binary shows its new dashboard at once; the other files are
//! cached for an hour and revalidated by ETag after. A name not in the
//! table is a real 404, not the page.

use std::sync::LazyLock;

use axum::extract::Path;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use sha2::{Digest, Sha256};

use crate::{ApiError, AppState};

/// One embedded file.
pub struct Asset {
    pub name: &'static str,
    pub content_type: &'static str,
    pub bytes: &'static [u8],
}

/// Every file the dashboard needs.
pub const ASSETS: &[Asset] = &[
    Asset {
        name: "index.html",
        content_type: "text/html; charset=utf-8",
        bytes: include_bytes!("../assets/index.html"),
    },
    Asset {
        name: "app.js",
        content_type: "text/javascript; charset=utf-8",
        bytes: include_bytes!("../assets/app.js"),
    },
    Asset {
        name: "app.css",
        content_type: "text/css; charset=utf-8",
        bytes: include_bytes!("../assets/app.css"),
    },
    Asset {
        name: "countries.json",
        content_type: "application/json",
        bytes: include_bytes!("../assets/countries.json"),
    },
    Asset {
        name: "NOTICE",
        content_type: "text/plain; charset=utf-8",
        bytes: include_bytes!("../assets/NOTICE"),
    },
];

static ETAGS: LazyLock<Vec<String>> = LazyLock::new(|| {
    ASSETS
        .iter()
        .map(|a| {
            let h = Sha256::digest(a.bytes);
            let hex: String = h.iter().take(12).map(|b| format!("{b:02x}")).collect();
            format!("\"{hex}\"")
        })
        .collect()
});

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/",
            get(|h: HeaderMap| async move { asset("index.html", &h) }),
        )
        .route(
            "/assets/{name}",
            get(|Path(name): Path<String>, h: HeaderMap| async move { asset(&name, &h) }),
        )
}

fn asset(name: &str, headers: &HeaderMap) -> Response {
    let Some(i) = ASSETS.iter().position(|a| a.name == name) else {
        return ApiError::not_found(format!("no such asset: {name}")).into_response();
    };
    let a = &ASSETS[i];
    let etag = ETAGS[i].as_str();
    let cache = if name == "index.html" {
        "no-cache"
    } else {
        "public, max-age=3600"
    };
    let matches = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag));
    if matches {
        return (
            StatusCode::NOT_MODIFIED,
            [(header::ETAG, etag), (header::CACHE_CONTROL, cache)],
        )
            .into_response();
    }
    (
        [
            (header::CONTENT_TYPE, a.content_type),
            (header::ETAG, etag),
            (header::CACHE_CONTROL, cache),
        ],
        a.bytes,
    )
        .into_response()
}
