//! The HTTP face of Tōroku: the JSON API (documented at `/api/openapi.json`), the few pages
//! that mailed links land on, configuration and start-up. The only crate that knows HTTP.

pub mod config;
pub mod demo;
pub mod errors;
mod extract;
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
}

impl AppState {
    /// The state for a registrar; cookies are secure when the public base URL is https.
    pub fn new(registrar: Registrar) -> Self {
        let secure_cookies = registrar.config().base_url.starts_with("https://");
        AppState {
            registrar,
            secure_cookies,
            admin_token: None,
        }
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
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            Duration::from_secs(30),
        ))
        .layer(CatchPanicLayer::custom(routes::panic_response))
        .layer(tower_http::trace::TraceLayer::new_for_http())
        .with_state(state)
}
