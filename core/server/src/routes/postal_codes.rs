//! `GET /api/v1/postal-codes/{code}`: prefecture and city candidates from Japan Post data.

use axum::http::StatusCode;
use axum::response::IntoResponse;
use serde_json::json;

use super::ApiPath;
use crate::RequestLocale;
use crate::errors::ApiError;

/// Accepts the code as people type it (full-width digits, hyphens); 422 when it is not 7
/// digits, 404 when Japan Post does not know it.
pub(crate) async fn get_postal_code(
    RequestLocale(locale): RequestLocale,
    ApiPath(code): ApiPath<String>,
) -> Result<impl IntoResponse, ApiError> {
    let normalised = domain::text::normalise_postal_code(&code).map_err(|_| {
        ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "postal_code_invalid").in_locale(locale)
    })?;
    let candidates = postal::lookup(&normalised.value);
    if candidates.is_empty() {
        return Err(ApiError::new(StatusCode::NOT_FOUND, "postal_code_unknown").in_locale(locale));
    }
    Ok(axum::Json(json!({
        "postal_code": normalised.value,
        "candidates": candidates,
    })))
}
