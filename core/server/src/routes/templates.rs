//! `GET /templates/establishments.xlsx`: the Excel template for many establishments.

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

use crate::RequestLocale;
use crate::errors::ApiError;

/// The template with labels in the request's language.
pub(crate) async fn establishment_template(
    RequestLocale(locale): RequestLocale,
) -> Result<Response, ApiError> {
    let bytes = workbook::establishment_template(locale)
        .map_err(|err| ApiError::internal("establishment template", &err).in_locale(locale))?;
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
    );
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"toroku-establishments.xlsx\""),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=3600"),
    );
    Ok(response)
}
