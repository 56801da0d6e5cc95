//! What stands between the network and the routes, in the order a request meets it:
//!
//! 1. **Per-client rate** ([`ClientRate`]): a token bucket per peer address; past it, 429 with
//!    `Retry-After`. Only when the server knows the peer (served with connect info).
//! 2. **Load shedding** ([`Limits::max_in_flight`]): at most so many requests are worked on at
//!    once; a request that cannot start within [`Limits::queue_wait`] gets 503 with
//!    `Retry-After` at once instead of waiting in an ever longer queue. Nothing has been done
//!    for it, so retrying (with the same `Idempotency-Key`) is always safe.
//! 3. **Cross-origin protection** ([`cross_origin`]): a state-changing request that a browser
//!    says came from another site is refused (403) before any handler runs, which is what
//!    makes every form safe from cross-site request forgery. Browsers tell with
//!    `Sec-Fetch-Site` (all current ones) or `Origin`; a request with neither is not a
//!    browser's cross-site request (no ambient cookies are at stake) and passes. This is the
//!    design of Go's `http.CrossOriginProtection`; the session cookies' `SameSite` is a second
//!    line.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tokio::sync::Semaphore;

use crate::AppState;
use crate::errors::ApiError;
use crate::extract::RequestLocale;

/// How much the server takes on at once.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Requests worked on at once (default 128).
    pub max_in_flight: usize,
    /// How long a request may wait to start before it is answered 503 (default 500 ms).
    pub queue_wait: Duration,
    /// Requests per second each client address may make; `None` = unlimited.
    pub client_rate: Option<ClientRate>,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_in_flight: 128,
            queue_wait: Duration::from_millis(500),
            client_rate: Some(ClientRate {
                per_second: 50.0,
                burst: 200.0,
            }),
        }
    }
}

/// A token bucket's shape: `burst` requests at once, refilled at `per_second`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClientRate {
    /// Sustained requests per second.
    pub per_second: f64,
    /// Requests allowed at once after a quiet spell.
    pub burst: f64,
}

impl ClientRate {
    /// Parses `TOROKU_CLIENT_RATE`: `<per second>/<burst>` (e.g. `50/200`), or `off`.
    pub fn parse(text: &str) -> Result<Option<ClientRate>, String> {
        let text = text.trim();
        if text.eq_ignore_ascii_case("off") {
            return Ok(None);
        }
        let (rate, burst) = text
            .split_once('/')
            .ok_or_else(|| "expected <per second>/<burst>, e.g. 50/200, or off".to_owned())?;
        let number = |s: &str| {
            s.trim()
                .parse::<f64>()
                .ok()
                .filter(|n| n.is_finite() && *n >= 1.0)
                .ok_or_else(|| format!("{s:?} is not a number of at least 1"))
        };
        Ok(Some(ClientRate {
            per_second: number(rate)?,
            burst: number(burst)?,
        }))
    }
}

/// The state of the guards, shared by every request of one server.
#[derive(Debug)]
pub struct Guard {
    limits: Limits,
    in_flight: Arc<Semaphore>,
    buckets: Mutex<HashMap<IpAddr, Bucket>>,
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    at: Instant,
}

/// Addresses remembered before full buckets are forgotten.
const REMEMBERED_CLIENTS: usize = 10_000;

impl Guard {
    /// Guards with these limits.
    pub fn new(limits: Limits) -> Self {
        Guard {
            in_flight: Arc::new(Semaphore::new(limits.max_in_flight.max(1))),
            limits,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// The limits in force.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// Takes one token of `client`'s bucket at `now`, or says in how many whole seconds one
    /// will be there.
    fn take(&self, client: IpAddr, now: Instant) -> Result<(), u64> {
        let Some(rate) = self.limits.client_rate else {
            return Ok(());
        };
        let mut buckets = self
            .buckets
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if buckets.len() >= REMEMBERED_CLIENTS && !buckets.contains_key(&client) {
            // Forget the clients whose buckets have refilled: they lose nothing.
            buckets.retain(|_, b| {
                b.tokens + now.duration_since(b.at).as_secs_f64() * rate.per_second < rate.burst
            });
        }
        let bucket = buckets.entry(client).or_insert(Bucket {
            tokens: rate.burst,
            at: now,
        });
        let refilled = (bucket.tokens
            + now.saturating_duration_since(bucket.at).as_secs_f64() * rate.per_second)
            .min(rate.burst);
        bucket.at = now;
        if refilled >= 1.0 {
            bucket.tokens = refilled - 1.0;
            Ok(())
        } else {
            bucket.tokens = refilled;
            // Seconds until one whole token; at least 1 (Retry-After counts whole seconds).
            let wait = ((1.0 - refilled) / rate.per_second).ceil();
            Err(if wait >= 1.0 { wait as u64 } else { 1 })
        }
    }
}

/// The per-client rate and load shedding (see the module's text).
pub async fn admit(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let locale = RequestLocale::of(request.headers(), request.uri().query());
    let guard = &state.guard;
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip());
    if let Some(peer) = peer
        && !is_probe(request.uri().path())
        && let Err(retry_after_s) = guard.take(peer, Instant::now())
    {
        tracing::debug!(%peer, "client over its rate");
        return ApiError::new(StatusCode::TOO_MANY_REQUESTS, "too_many_requests")
            .arg("seconds", retry_after_s as i64)
            .retry_after(retry_after_s as i64)
            .in_locale(locale)
            .into_response();
    }
    let permit = match guard.in_flight.clone().try_acquire_owned() {
        Ok(permit) => permit,
        Err(_) => {
            match tokio::time::timeout(
                guard.limits.queue_wait,
                guard.in_flight.clone().acquire_owned(),
            )
            .await
            {
                Ok(Ok(permit)) => permit,
                _ => {
                    tracing::warn!("shedding load: every slot busy");
                    return ApiError::service_busy().in_locale(locale).into_response();
                }
            }
        }
    };
    let response = next.run(request).await;
    drop(permit);
    response
}

/// Health probes are never rate-limited: a load balancer asks often, from one address.
fn is_probe(path: &str) -> bool {
    path == "/healthz"
}

/// Refuses a state-changing request that a browser says came from another site (see the
/// module's text).
pub async fn cross_origin(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if is_safe(request.method())
        || same_origin(request.headers(), &state.registrar.config().base_url)
    {
        return next.run(request).await;
    }
    let locale = RequestLocale::of(request.headers(), request.uri().query());
    tracing::warn!(
        method = %request.method(),
        path = %crate::redacted_path(request.uri().path()),
        "cross-origin request refused"
    );
    ApiError::new(StatusCode::FORBIDDEN, "cross_origin_request")
        .in_locale(locale)
        .into_response()
}

fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Whether a request may change state: `Sec-Fetch-Site` says same-origin (or that the user
/// typed it), or, without that header, `Origin` is this site (the `Host` asked for, or the
/// configured base URL), or there is neither header.
pub fn same_origin(headers: &HeaderMap, base_url: &str) -> bool {
    if let Some(site) = headers.get("sec-fetch-site") {
        return matches!(site.as_bytes(), b"same-origin" | b"none");
    }
    let Some(origin) = headers.get(header::ORIGIN) else {
        return true;
    };
    let Ok(origin) = origin.to_str() else {
        return false;
    };
    if origin.eq_ignore_ascii_case(base_url.trim_end_matches('/')) {
        return true;
    }
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    match (origin.split_once("://"), host) {
        (Some((_, origin_host)), Some(host)) => origin_host.eq_ignore_ascii_case(host),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_static(value));
        }
        map
    }

    const BASE: &str = "https://toroku.example.jp";

    #[test]
    fn fetch_metadata_decides_when_present() {
        assert!(same_origin(
            &headers(&[("sec-fetch-site", "same-origin")]),
            BASE
        ));
        assert!(same_origin(&headers(&[("sec-fetch-site", "none")]), BASE));
        assert!(!same_origin(
            &headers(&[("sec-fetch-site", "cross-site")]),
            BASE
        ));
        assert!(!same_origin(
            &headers(&[("sec-fetch-site", "same-site")]),
            BASE
        ));
        // Fetch metadata wins over a matching Origin.
        assert!(!same_origin(
            &headers(&[("sec-fetch-site", "cross-site"), ("origin", BASE)]),
            BASE
        ));
    }

    #[test]
    fn origin_must_be_this_site() {
        assert!(same_origin(&headers(&[("origin", BASE)]), BASE));
        assert!(same_origin(
            &headers(&[
                ("origin", "http://127.0.0.1:8080"),
                ("host", "127.0.0.1:8080")
            ]),
            BASE
        ));
        assert!(!same_origin(
            &headers(&[
                ("origin", "https://evil.example"),
                ("host", "toroku.example.jp")
            ]),
            BASE
        ));
        assert!(!same_origin(&headers(&[("origin", "null")]), BASE));
        // Neither header: not a browser's cross-site request.
        assert!(same_origin(&HeaderMap::new(), BASE));
    }

    #[test]
    fn a_bucket_allows_its_burst_then_refills_at_its_rate() {
        let guard = Guard::new(Limits {
            client_rate: Some(ClientRate {
                per_second: 2.0,
                burst: 3.0,
            }),
            ..Limits::default()
        });
        let client: IpAddr = [192, 0, 2, 1].into();
        let other: IpAddr = [192, 0, 2, 2].into();
        let t0 = Instant::now();
        for _ in 0..3 {
            assert_eq!(guard.take(client, t0), Ok(()));
        }
        assert_eq!(guard.take(client, t0), Err(1));
        // Another client has its own bucket.
        assert_eq!(guard.take(other, t0), Ok(()));
        // Half a second later one token is back, and only one.
        let later = t0 + Duration::from_millis(500);
        assert_eq!(guard.take(client, later), Ok(()));
        assert_eq!(guard.take(client, later), Err(1));
    }

    #[test]
    fn retry_after_counts_whole_seconds_until_a_token() {
        let guard = Guard::new(Limits {
            client_rate: Some(ClientRate {
                per_second: 0.25,
                burst: 1.0,
            }),
            ..Limits::default()
        });
        let client: IpAddr = [192, 0, 2, 9].into();
        let t0 = Instant::now();
        assert_eq!(guard.take(client, t0), Ok(()));
        // 0.25 tokens per second: four seconds to the next one.
        assert_eq!(guard.take(client, t0), Err(4));
    }

    #[test]
    fn the_rate_setting_parses_or_says_why_not() {
        assert_eq!(
            ClientRate::parse("50/200"),
            Ok(Some(ClientRate {
                per_second: 50.0,
                burst: 200.0
            }))
        );
        assert_eq!(ClientRate::parse("off"), Ok(None));
        assert!(ClientRate::parse("50").is_err());
        assert!(ClientRate::parse("0/10").is_err());
        assert!(ClientRate::parse("x/10").is_err());
    }
}
