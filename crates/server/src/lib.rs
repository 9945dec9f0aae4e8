//! The Rasd HTTP server: a JSON API over the event store and an offline
//! web dashboard, both served by one binary.
//!
//! ## Shape
//!
//! - [`AppState`] holds the store (`Arc<dyn Store>`), the *coding function*
//!   that turns a posted document into events, and the [`Config`]. The coder
//!   is a parameter rather than a dependency so the server builds and is
//!   tested without the real coder (tests pass hand-made events), and the
//!   binary plugs `rasd_coder` in with one line.
//! - [`router`] builds the whole application (API, dashboard, security
//!   layers); [`serve`] runs it on a listener until a shutdown future
//!   resolves. Integration tests bind `127.0.0.1:0`; handler tests call the
//!   router directly with `tower::ServiceExt::oneshot`.
//! - One module per API area, each with its own `routes()`: [`api::events`]
//!   (list, one event with its reports and evidence), [`api::stats`]
//!   (groupings, actors, places), [`api::documents`] (read and ingest),
//!   [`api::export`] (ACLED CSV, GeoJSON, JSON lines, Parquet as downloads,
//!   streamed), [`api::meta`] (health, version, OpenAPI). [`error::ApiError`]
//!   is the one place that turns failures into `{"error", "status"}` JSON.
//! - The store is synchronous: every call runs in `spawn_blocking`.
//! - [`ui`] serves the dashboard (hand-written HTML, CSS and JavaScript
//!   with an SVG map over embedded Natural Earth outlines) from memory with
//!   cache headers and a real 404.
//! - [`guard`] holds the safety layers: a strict Content-Security-Policy
//!   and related headers on every response, a per-IP token-bucket rate
//!   limit, the request body limit, and the bearer-token check (constant
//!   time) of write endpoints. Without a configured token, writes are
//!   disabled (403).
//!
//! Untrusted text (titles, article text, actor names) is only ever sent as
//! JSON and inserted by the dashboard with `textContent`; the CSP forbids
//! inline script, so even a rendering mistake could not run a `<script>`
//! from an article.

pub mod api;
pub mod error;
pub mod guard;
pub mod params;
pub mod sample;
pub mod textpos;
pub mod ui;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use rasd_model::{Document, Event};
use rasd_store::Store;

pub use error::ApiError;
pub use guard::RateLimit;

/// Turns a document into the events found in it (the coder).
pub type CodeFn = Arc<dyn Fn(&Document) -> Vec<Event> + Send + Sync>;

/// A coder that finds nothing: documents are stored without events.
pub fn no_coder() -> CodeFn {
    Arc::new(|_: &Document| Vec::new())
}

/// Server settings.
#[derive(Debug, Clone)]
pub struct Config {
    /// Bearer token of the write endpoints; `None` disables writes.
    pub token: Option<String>,
    /// Requests per second and burst allowed per client IP; `None` for no
    /// limit.
    pub rate_limit: Option<RateLimit>,
    /// Largest request body accepted, in bytes.
    pub max_body_bytes: usize,
    /// Largest page `/api/events` returns.
    pub max_page: u64,
    /// How long a computed `total` of a filter is reused. Counting every
    /// matching event on each page request would cost more than the page;
    /// writes through this server clear the cache at once, writes by other
    /// processes show after this delay.
    pub total_ttl: Duration,
    /// Store calls running at once; more wait their turn. The SQLite
    /// backend keeps 8 reader connections open and opens (and closes) a
    /// new one for each call beyond them, which under load costs more than
    /// the query; two cores gain nothing from more parallel queries anyway.
    pub max_store_calls: usize,
    /// The names an `actor=` filter matches: the binary plugs in the
    /// coder's alias dictionary (an alias in any language finds the ACLED
    /// name); by default a name matches only itself.
    pub actor_names: fn(&str) -> Vec<String>,
    /// Host names (with or without port) the server answers to; `None`
    /// answers to any. Against DNS rebinding: see [`guard`].
    pub allowed_hosts: Option<Vec<String>>,
}

/// The names a server on a loopback address answers to.
pub fn loopback_hosts() -> Vec<String> {
    ["localhost", "127.0.0.1", "[::1]"]
        .map(String::from)
        .to_vec()
}

/// An actor filter without an alias dictionary: the name itself.
pub fn name_only(name: &str) -> Vec<String> {
    vec![name.to_string()]
}

impl Default for Config {
    fn default() -> Self {
        Config {
            token: None,
            rate_limit: Some(RateLimit::default()),
            max_body_bytes: 10 * 1024 * 1024,
            max_page: 5_000,
            total_ttl: Duration::from_secs(2),
            max_store_calls: 8,
            actor_names: name_only,
            allowed_hosts: None,
        }
    }
}

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    pub store: Arc<dyn Store>,
    pub coder: CodeFn,
    pub config: Arc<Config>,
    pub(crate) totals: Arc<api::events::TotalCache>,
    pub(crate) limiter: Arc<guard::Limiter>,
    pub(crate) store_calls: Arc<tokio::sync::Semaphore>,
}

impl AppState {
    pub fn new(store: Arc<dyn Store>, coder: CodeFn, config: Config) -> AppState {
        AppState {
            store,
            coder,
            limiter: Arc::new(guard::Limiter::new(config.rate_limit)),
            totals: Arc::new(api::events::TotalCache::default()),
            store_calls: Arc::new(tokio::sync::Semaphore::new(config.max_store_calls.max(1))),
            config: Arc::new(config),
        }
    }

    /// Runs a synchronous store call on the blocking pool.
    pub(crate) async fn blocking<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(&dyn Store) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        let _permit = self
            .store_calls
            .acquire()
            .await
            .map_err(|e| ApiError::internal(format!("store calls closed: {e}")))?;
        let store = self.store.clone();
        tokio::task::spawn_blocking(move || f(store.as_ref()))
            .await
            .map_err(|e| ApiError::internal(format!("store task failed: {e}")))?
    }
}

/// Every route of the application as (method, path), in the router's path
/// syntax. The OpenAPI document is checked against this list by a test,
/// and each entry by a request to the router.
pub const API_ROUTES: &[(&str, &str)] = &[
    ("GET", "/api/health"),
    ("GET", "/api/version"),
    ("GET", "/api/openapi.json"),
    ("GET", "/api/events"),
    ("GET", "/api/events/{id}"),
    ("GET", "/api/stats"),
    ("GET", "/api/actors"),
    ("GET", "/api/places"),
    ("GET", "/api/documents/{id}"),
    ("POST", "/api/documents"),
    ("GET", "/api/export.csv"),
    ("GET", "/api/export.geojson"),
    ("GET", "/api/export.jsonl"),
    ("GET", "/api/export.parquet"),
];

/// The whole application: API, dashboard and safety layers.
pub fn router(state: AppState) -> Router {
    let api = Router::new()
        .merge(api::meta::routes())
        .merge(api::events::routes())
        .merge(api::stats::routes())
        .merge(api::documents::routes())
        .merge(api::export::routes());
    let app = Router::new()
        .merge(api)
        .merge(ui::routes())
        .fallback(error::not_found)
        .method_not_allowed_fallback(error::method_not_allowed);
    guard::layers(app, state.clone()).with_state(state)
}

/// Serves the application on `listener` until `shutdown` resolves, then
/// finishes the requests in flight.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let app = router(state).into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
}
