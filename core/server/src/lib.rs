//! The HTTP face of Tōroku: the JSON API (documented at `/api/openapi.json`), the few pages
//! that mailed links land on, configuration and start-up. The only crate that knows HTTP.

// The OpenAPI document is one large `json!` literal.
#![recursion_limit = "512"]

pub mod backup;
pub mod config;
pub mod demo;
pub mod errors;
mod extract;
pub mod guard;
pub mod memory;
pub mod openapi;
mod routes;
mod web;

use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, HeaderValue, header};
use registrar::Registrar;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

pub use extract::RequestLocale;

/// The largest plugin file the admin API accepts (the host refuses larger ones too).
pub const PLUGIN_LIMIT_BYTES: usize = 32 * 1024 * 1024;

/// The largest request body accepted (an application with thousands of establishments fits).
pub const BODY_LIMIT_BYTES: usize = 8 * 1024 * 1024;

/// What every handler can reach.
#[derive(Debug, Clone)]
pub struct AppState {
    /// The use cases.
    pub registrar: Registrar,
    /// Whether cookies get `Secure` and the `__Host-` prefix (true when the base URL is https).
    pub secure_cookies: bool,
    /// Bearer token of the admin API (`TOROKU_ADMIN_TOKEN`); `None` disables it.
    pub admin_token: Option<String>,
    /// Per-client rates and load shedding (`guard`).
    pub guard: std::sync::Arc<guard::Guard>,
}

impl AppState {
    /// The state for a registrar; cookies are secure when the public base URL is https.
    pub fn new(registrar: Registrar) -> Self {
        let secure_cookies = registrar.config().base_url.starts_with("https://");
        AppState {
            registrar,
            secure_cookies,
            admin_token: None,
            guard: std::sync::Arc::new(guard::Guard::new(guard::Limits::default())),
        }
    }

    /// The same state under other limits.
    pub fn with_limits(mut self, limits: guard::Limits) -> Self {
        self.guard = std::sync::Arc::new(guard::Guard::new(limits));
        self
    }

    /// The staff session cookie's name.
    pub fn staff_cookie(&self) -> &'static str {
        if self.secure_cookies {
            "__Host-toroku_staff"
        } else {
            "toroku_staff"
        }
    }

    /// The session cookie's name.
    pub fn session_cookie(&self) -> &'static str {
        if self.secure_cookies {
            "__Host-toroku_session"
        } else {
            "toroku_session"
        }
    }
}

/// The `Content-Security-Policy` of every response: only this origin's own scripts, styles,
/// images and requests; no inline script or style, no plugins, no framing.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; \
     style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
     object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// `Strict-Transport-Security` of every response when the site is https: browsers then use
/// https only, for two years, on this host and its subdomains.
pub const STRICT_TRANSPORT_SECURITY: &str = "max-age=63072000; includeSubDomains";

async fn strict_transport_security(
    axum::extract::State(state): axum::extract::State<AppState>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let mut response = next.run(request).await;
    if state.secure_cookies {
        response.headers_mut().insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(STRICT_TRANSPORT_SECURITY),
        );
    }
    response
}

/// A path as it may be logged: every segment that could be a link's secret token (43
/// URL-safe characters; ids, at 36, stay) replaced by `…`, and no query string (the span never sees it).
pub fn redacted_path(path: &str) -> String {
    path.split('/')
        .map(|segment| {
            let secret = segment.len() >= 40
                && segment
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
            if secret { "…" } else { segment }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// The whole application: routes, limits and the headers every response carries.
pub fn router(state: AppState) -> Router {
    routes::routes()
        .fallback(routes::not_found)
        .method_not_allowed_fallback(routes::method_not_allowed)
        .layer(DefaultBodyLimit::max(BODY_LIMIT_BYTES))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            extract::remember_language,
        ))
        // No state-changing request from another site reaches a handler (CSRF).
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            guard::cross_origin,
        ))
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            Duration::from_secs(30),
        ))
        // Per-client rates, then at most `max_in_flight` requests at once: the rest are
        // answered 429 or 503 with Retry-After, never left to time out.
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            guard::admit,
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        // Links carry secret tokens in their paths: never leak them through Referer.
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("x-frame-options"),
            HeaderValue::from_static("DENY"),
        ))
        // Pages load their one script and one style sheet from /static and never inline any:
        // nothing else may run, and no other site may frame them.
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CONTENT_SECURITY_POLICY),
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            strict_transport_security,
        ))
        .layer(CatchPanicLayer::custom(routes::panic_response))
        .layer(
            tower_http::trace::TraceLayer::new_for_http().make_span_with(
                |request: &axum::http::Request<axum::body::Body>| {
                    tracing::info_span!(
                        "request",
                        method = %request.method(),
                        path = %redacted_path(request.uri().path()),
                    )
                },
            ),
        )
        .with_state(state)
}

#[cfg(test)]
mod tests {
    #[test]
    fn logged_paths_hide_link_tokens() {
        assert_eq!(
            super::redacted_path("/apply/Qm9vZ2llV29vZ2llQm9vZ2llV29vZ2llQm9vZ2llV29/confirm"),
            "/apply/…/confirm"
        );
        assert_eq!(
            super::redacted_path(
                "/api/v1/review/applications/019a7c1e-5b1f-7c3e-9d2a-3f4e5a6b7c8d"
            ),
            "/api/v1/review/applications/019a7c1e-5b1f-7c3e-9d2a-3f4e5a6b7c8d"
        );
        assert_eq!(super::redacted_path("/register"), "/register");
    }
}
