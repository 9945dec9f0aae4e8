//! `rasd serve`: the HTTP API and the dashboard over a store.

use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::{bail, Context};
use rasd_model::Document;
use rasd_server::{AppState, CodeFn, Config, RateLimit};

use crate::query::DbArgs;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    db: DbArgs,
    /// Address to listen on. Stays on this machine unless you give another
    /// interface (e.g. 0.0.0.0:8080).
    #[arg(long, default_value = "127.0.0.1:8080")]
    listen: SocketAddr,
    /// File holding the bearer token that POST /api/documents requires.
    /// Without a token (here or in RASD_TOKEN) writes are disabled.
    #[arg(long, value_name = "FILE")]
    token_file: Option<std::path::PathBuf>,
    /// Requests per second allowed per client IP (0: no limit).
    #[arg(long, default_value_t = 50.0)]
    rate_limit: f64,
    /// Requests a client may make at once before the rate applies.
    #[arg(long, default_value_t = 200)]
    burst: u32,
    /// Largest request body, in MB.
    #[arg(long, default_value_t = 10)]
    max_body_mb: usize,
    /// A host name the server answers to besides the loopback names
    /// (repeatable). On a loopback address the server answers only to
    /// localhost, 127.0.0.1 and [::1] (against DNS rebinding); on another
    /// interface it answers to any name unless this is given.
    #[arg(long = "allowed-host", value_name = "NAME")]
    allowed_hosts: Vec<String>,
    /// Load the built-in sample (seven short documents, six events) first,
    /// so the dashboard has something to show.
    #[arg(long)]
    sample: bool,
}

/// The coding function the server applies to posted documents.
/// A server compiles every dictionary up front so the first request does
/// not pay for it.
fn coder() -> CodeFn {
    let coder = rasd_coder::Coder::global();
    coder.preload();
    Arc::new(move |d: &Document| coder.code(d))
}

/// The Host names to answer to: on loopback the loopback names and any
/// given; elsewhere only the given ones, or any when none is given.
fn allowed_hosts(listen: SocketAddr, extra: &[String]) -> Option<Vec<String>> {
    if listen.ip().is_loopback() {
        Some(
            rasd_server::loopback_hosts()
                .into_iter()
                .chain(extra.iter().cloned())
                .collect(),
        )
    } else if extra.is_empty() {
        None
    } else {
        Some(extra.to_vec())
    }
}

fn token(a: &Args) -> anyhow::Result<Option<String>> {
    let raw = match (&a.token_file, std::env::var("RASD_TOKEN").ok()) {
        (Some(path), _) => Some(
            std::fs::read_to_string(path)
                .with_context(|| format!("reading the token file {}", path.display()))?,
        ),
        (None, Some(t)) => Some(t),
        (None, None) => None,
    };
    match raw.map(|t| t.trim().to_string()) {
        Some(t) if t.is_empty() => bail!("the token (--token-file or RASD_TOKEN) is empty"),
        Some(t) if t.len() < 16 => {
            bail!("the token is {} characters long; use at least 16", t.len())
        }
        other => Ok(other),
    }
}

pub fn run(a: Args) -> anyhow::Result<()> {
    let token = token(&a)?;
    let store = a.db.open()?;
    if a.sample {
        let out = rasd_server::sample::load(store.as_ref()).context("loading the sample")?;
        eprintln!("sample: {} documents stored", out.len());
    }
    let config = Config {
        token,
        rate_limit: (a.rate_limit > 0.0).then_some(RateLimit {
            per_second: a.rate_limit,
            burst: a.burst.max(1),
        }),
        max_body_bytes: a.max_body_mb.max(1) * 1024 * 1024,
        actor_names: |name| rasd_coder::actors::ACTORS.names_for_query(name),
        allowed_hosts: allowed_hosts(a.listen, &a.allowed_hosts),
        ..Config::default()
    };
    let writes = config.token.is_some();
    let state = AppState::new(store, coder(), config);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(a.listen)
            .await
            .with_context(|| format!("listening on {}", a.listen))?;
        let addr = listener.local_addr()?;
        if !addr.ip().is_loopback() {
            eprintln!("warning: listening on {addr}, reachable from other machines");
        }
        eprintln!(
            "rasd: dashboard at http://{addr}/ (store {}; writes {})",
            a.db.db,
            if writes {
                "enabled"
            } else {
                "disabled: no token"
            }
        );
        let shutdown = async {
            let _ = tokio::signal::ctrl_c().await;
            eprintln!("rasd: shutting down");
        };
        rasd_server::serve(listener, state, shutdown)
            .await
            .context("serving")
    })
}
