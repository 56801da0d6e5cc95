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
        let choice = parts
            .uri
            .query()
            .and_then(|query| query.split('&').find_map(|pair| pair.strip_prefix("lang=")));
        let accept = parts
            .headers
            .get(axum::http::header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok());
        Ok(RequestLocale(i18n::negotiate(choice, accept)))
    }
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
