//! Safety layers around the whole application.
//!
//! - Response headers on every answer: a strict Content-Security-Policy
//!   (only the server's own scripts and styles; no inline script, no
//!   `eval`, no plugins, no framing), `X-Content-Type-Options: nosniff`,
//!   `Referrer-Policy: no-referrer`, `X-Frame-Options: DENY`.
//! - A request body limit (JSON errors past it: 413).
//! - A token-bucket rate limit per client IP, written here rather than
//!   pulled in as a dependency: a mutex around a map of buckets is all a
//!   single-node server needs. Requests without a peer address (handler
//!   tests calling the router directly) are not limited.
//! - A Host-header check against DNS rebinding: a web page on another site
//!   whose name an attacker points at 127.0.0.1 would otherwise read the
//!   API through the visitor's browser. With `Config::allowed_hosts` set
//!   (the binary sets it to the loopback names when it listens on
//!   loopback), a request naming any other host gets 421.
//! - [`check_token`]: the bearer-token check of write endpoints, compared
//!   in constant time over SHA-256 digests so neither content nor length
//!   of the token leaks through timing.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::Mutex;
use std::time::Instant;

use axum::extract::{ConnectInfo, DefaultBodyLimit, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::Router;
use sha2::{Digest, Sha256};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::{ApiError, AppState};

/// The Content-Security-Policy of every response.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; \
base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Requests per second and burst per client IP.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RateLimit {
    pub per_second: f64,
    pub burst: u32,
}

impl Default for RateLimit {
    /// Generous for a person at a dashboard (a page load makes a handful of
    /// requests), tight for a runaway script.
    fn default() -> Self {
        RateLimit {
            per_second: 50.0,
            burst: 200,
        }
    }
}

/// Token buckets per IP.
pub struct Limiter {
    limit: Option<RateLimit>,
    buckets: Mutex<HashMap<IpAddr, (f64, Instant)>>,
}

impl Limiter {
    pub fn new(limit: Option<RateLimit>) -> Limiter {
        Limiter {
            limit,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Takes one token for `ip`; on refusal, the seconds until one is back.
    pub fn take(&self, ip: IpAddr, now: Instant) -> Result<(), f64> {
        let Some(limit) = self.limit else {
            return Ok(());
        };
        let burst = f64::from(limit.burst.max(1));
        let mut map = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        if map.len() > 10_000 {
            // Forget clients whose bucket has refilled: they lose nothing.
            map.retain(|_, (tokens, at)| {
                *tokens + now.duration_since(*at).as_secs_f64() * limit.per_second < burst
            });
        }
        let (tokens, at) = map.entry(ip).or_insert((burst, now));
        let refilled = (*tokens
            + now.saturating_duration_since(*at).as_secs_f64() * limit.per_second)
            .min(burst);
        *at = now;
        if refilled >= 1.0 {
            *tokens = refilled - 1.0;
            Ok(())
        } else {
            *tokens = refilled;
            Err((1.0 - refilled) / limit.per_second.max(1e-9))
        }
    }
}

async fn rate_limit(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    if let Some(ip) = peer {
        if let Err(wait) = state.limiter.take(ip, Instant::now()) {
            let secs = wait.ceil().max(1.0) as u64;
            return axum::response::IntoResponse::into_response(
                ApiError::new(
                    StatusCode::TOO_MANY_REQUESTS,
                    format!("too many requests from {ip}; retry in {secs} s"),
                )
                .with_header(header::RETRY_AFTER, secs.to_string()),
            );
        }
    }
    next.run(req).await
}

/// The host name of a `Host` header value: without the port, brackets
/// kept for IPv6 (`[::1]`), lower case.
fn host_name(value: &str) -> String {
    let v = value.trim();
    let name = if v.starts_with('[') {
        v.split_inclusive(']').next().unwrap_or(v)
    } else {
        v.rsplit_once(':').map_or(v, |(h, _)| h)
    };
    name.trim_end_matches('.').to_ascii_lowercase()
}

/// Whether a request's `Host` is one the server answers to.
pub fn host_allowed(config: &crate::Config, headers: &HeaderMap) -> bool {
    let Some(allowed) = &config.allowed_hosts else {
        return true;
    };
    // HTTP/1.1 requires a Host header; a request without one comes from
    // no browser, so DNS rebinding is not at stake.
    let Some(value) = headers.get(header::HOST) else {
        return true;
    };
    let Ok(value) = value.to_str() else {
        return false;
    };
    let name = host_name(value);
    allowed.iter().any(|a| host_name(a) == name)
}

async fn check_host(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if !host_allowed(&state.config, req.headers()) {
        let host = req
            .headers()
            .get(header::HOST)
            .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
            .unwrap_or_default();
        return axum::response::IntoResponse::into_response(ApiError::new(
            StatusCode::MISDIRECTED_REQUEST,
            format!(
                "this server does not answer to host {host:?} (allowed: {}); \
                 start it with --allowed-host NAME to add one",
                state
                    .config
                    .allowed_hosts
                    .as_deref()
                    .unwrap_or_default()
                    .join(", ")
            ),
        ));
    }
    next.run(req).await
}

/// Turns axum's plain-text rejections (body too large, …) into JSON errors.
async fn json_errors(req: Request, next: Next) -> Response {
    let resp = next.run(req).await;
    let is_error = resp.status().is_client_error() || resp.status().is_server_error();
    let is_json = resp
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if !is_error || is_json {
        return resp;
    }
    let status = resp.status();
    let bytes = axum::body::to_bytes(resp.into_body(), 64 * 1024)
        .await
        .unwrap_or_default();
    let text = String::from_utf8_lossy(&bytes).trim().to_string();
    let message = if text.is_empty() {
        status.canonical_reason().unwrap_or("error").to_string()
    } else {
        text
    };
    axum::response::IntoResponse::into_response(ApiError::new(status, message))
}

/// Wraps the application in the safety layers.
pub fn layers(app: Router<AppState>, state: AppState) -> Router<AppState> {
    let h = |name: header::HeaderName, value: &'static str| {
        SetResponseHeaderLayer::overriding(name, HeaderValue::from_static(value))
    };
    app.layer(DefaultBodyLimit::max(state.config.max_body_bytes))
        .layer(middleware::from_fn(json_errors))
        .layer(middleware::from_fn_with_state(state.clone(), rate_limit))
        .layer(middleware::from_fn_with_state(state, check_host))
        .layer(h(header::CONTENT_SECURITY_POLICY, CSP))
        .layer(h(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(h(header::X_FRAME_OPTIONS, "DENY"))
        .layer(h(header::REFERRER_POLICY, "no-referrer"))
        .layer(h(
            header::HeaderName::from_static("cross-origin-resource-policy"),
            "same-origin",
        ))
}

fn digest(s: &[u8]) -> [u8; 32] {
    Sha256::digest(s).into()
}

/// Constant-time equality of two byte strings (through their digests, so
/// the comparison does not depend on where they first differ nor on their
/// lengths).
pub fn same_secret(a: &[u8], b: &[u8]) -> bool {
    let (x, y) = (digest(a), digest(b));
    x.iter()
        .zip(y.iter())
        .fold(0u8, |acc, (p, q)| acc | (p ^ q))
        == 0
}

/// Checks `Authorization: Bearer <token>` against the configured token.
pub fn check_token(config: &crate::Config, headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(expected) = config.token.as_deref() else {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "writes are disabled: the server has no token configured (start it with --token-file or RASD_TOKEN)",
        ));
    };
    let unauthorized = |msg: &str| {
        ApiError::new(StatusCode::UNAUTHORIZED, msg)
            .with_header(header::WWW_AUTHENTICATE, "Bearer realm=\"rasd\"")
    };
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Err(unauthorized("missing Authorization: Bearer <token> header"));
    };
    let given = value
        .as_bytes()
        .strip_prefix(b"Bearer ")
        .ok_or_else(|| unauthorized("the Authorization header must be Bearer <token>"))?;
    if same_secret(given.trim_ascii(), expected.as_bytes()) {
        Ok(())
    } else {
        Err(unauthorized("wrong token"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn only_the_allowed_hosts_pass_when_a_list_is_set() {
        let headers = |host: &[u8]| {
            let mut h = HeaderMap::new();
            h.insert(header::HOST, HeaderValue::from_bytes(host).unwrap());
            h
        };
        let local = crate::Config {
            allowed_hosts: Some(crate::loopback_hosts()),
            ..crate::Config::default()
        };
        for ok in [
            &b"localhost:8080"[..],
            b"127.0.0.1:8080",
            b"127.0.0.1",
            b"[::1]:8080",
            b"LOCALHOST.",
        ] {
            assert!(host_allowed(&local, &headers(ok)), "{ok:?}");
        }
        for bad in [
            &b"attacker.example:8080"[..],
            b"localhost.attacker.example",
            b"127.0.0.1.nip.io:8080",
            b"[::2]:8080",
            b"\xff",
        ] {
            assert!(!host_allowed(&local, &headers(bad)), "{bad:?}");
        }
        assert!(host_allowed(&local, &HeaderMap::new()), "no Host header");
        // No list: any host.
        assert!(host_allowed(
            &crate::Config::default(),
            &headers(b"dashboard.team.example")
        ));
    }

    #[test]
    fn bucket_refuses_past_burst_and_refills() {
        let l = Limiter::new(Some(RateLimit {
            per_second: 10.0,
            burst: 3,
        }));
        let ip: IpAddr = "127.0.0.1".parse().unwrap();
        let other: IpAddr = "127.0.0.2".parse().unwrap();
        let t0 = Instant::now();
        for _ in 0..3 {
            assert!(l.take(ip, t0).is_ok());
        }
        let wait = l.take(ip, t0).unwrap_err();
        assert!(wait > 0.0 && wait <= 0.1 + 1e-9, "{wait}");
        assert!(l.take(other, t0).is_ok(), "buckets are per IP");
        assert!(l.take(ip, t0 + Duration::from_millis(150)).is_ok());
        assert!(Limiter::new(None).take(ip, t0).is_ok());
    }

    #[test]
    fn token_check() {
        let cfg = crate::Config {
            token: Some("s3cret-token".into()),
            ..Default::default()
        };
        let mut h = HeaderMap::new();
        assert_eq!(check_token(&cfg, &h).unwrap_err().status, 401);
        h.insert(header::AUTHORIZATION, "Bearer nope".parse().unwrap());
        assert_eq!(check_token(&cfg, &h).unwrap_err().status, 401);
        h.insert(
            header::AUTHORIZATION,
            "Bearer s3cret-token".parse().unwrap(),
        );
        assert!(check_token(&cfg, &h).is_ok());
        let none = crate::Config {
            token: None,
            ..Default::default()
        };
        assert_eq!(check_token(&none, &h).unwrap_err().status, 403);
        assert!(same_secret(b"a", b"a") && !same_secret(b"a", b"ab"));
    }
}
