//! Request extractors: the request's language, JSON bodies with clear errors, cookies.

use axum::body::Bytes;
use axum::extract::FromRequestParts;
use axum::http::StatusCode;
use axum::http::request::Parts;
use i18n::Locale;
use serde::de::DeserializeOwned;

use crate::BODY_LIMIT_BYTES;
use crate::errors::ApiError;

/// The language of the answer: `?lang=` if supported, else `Accept-Language`, else Japanese.
#[derive(Debug, Clone, Copy)]
pub struct RequestLocale(pub Locale);

impl<S: Send + Sync> FromRequestParts<S> for RequestLocale {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        // An explicit choice: `?lang=` on this request, else the one remembered in a cookie.
        Ok(RequestLocale(RequestLocale::of(
            &parts.headers,
            parts.uri.query(),
        )))
    }
}

impl RequestLocale {
    /// The language of a request with these headers and query string.
    pub fn of(headers: &axum::http::HeaderMap, query: Option<&str>) -> Locale {
        let choice = language_choice(query).or_else(|| cookie(headers, LANGUAGE_COOKIE));
        let accept = headers
            .get(axum::http::header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok());
        i18n::negotiate(choice, accept)
    }
}

/// The cookie that remembers the language picked on a page.
pub const LANGUAGE_COOKIE: &str = "toroku_lang";

/// The `lang=` value of a query string, if any.
pub fn language_choice(query: Option<&str>) -> Option<&str> {
    query.and_then(|query| query.split('&').find_map(|pair| pair.strip_prefix("lang=")))
}

/// Remembers a supported `?lang=` choice in a cookie for a year, so that the pages that follow
/// (and the forms posted from them) keep the language.
pub async fn remember_language(
    axum::extract::State(state): axum::extract::State<crate::AppState>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let chosen = language_choice(request.uri().query())
        .and_then(i18n::Locale::from_tag)
        .filter(|_| request.method() == axum::http::Method::GET);
    let mut response = next.run(request).await;
    if let Some(locale) = chosen {
        let secure = if state.secure_cookies { "; Secure" } else { "" };
        let value = format!(
            "{LANGUAGE_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly{secure}",
            locale.tag()
        );
        if let Ok(value) = axum::http::HeaderValue::from_str(&value) {
            response
                .headers_mut()
                .append(axum::http::header::SET_COOKIE, value);
        }
    }
    response
}

/// The body as bytes, with a body over the limit reported as a clear 413.
pub fn body_or_413(
    body: Result<Bytes, axum::extract::rejection::BytesRejection>,
    locale: Locale,
) -> Result<Bytes, ApiError> {
    body.map_err(|rejection| {
        tracing::debug!(error = %rejection, "request body rejected");
        ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large")
            .arg("max", BODY_LIMIT_BYTES as i64)
            .in_locale(locale)
    })
}

/// Parses a JSON body, answering 400 `body_invalid_json` when it is not JSON.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8], locale: Locale) -> Result<T, ApiError> {
    serde_json::from_slice(bytes).map_err(|err| {
        tracing::debug!(error = %err, "unreadable JSON body");
        ApiError::new(StatusCode::BAD_REQUEST, "body_invalid_json").in_locale(locale)
    })
}

/// The value of cookie `name` in the request, if any.
pub fn cookie<'a>(parts: &'a axum::http::HeaderMap, name: &str) -> Option<&'a str> {
    parts
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|pair| {
            let (key, value) = pair.trim().split_once('=')?;
            (key == name).then_some(value)
        })
}
