//! `POST /api/v1/pre-registrations`: e-mail twice → 202 and a mail with the form link.

use axum::body::Bytes;
use axum::extract::State;
use axum::extract::rejection::BytesRejection;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use serde_json::{Value, json};

use crate::errors::ApiError;
use crate::extract::{body_or_413, parse_json};
use crate::{AppState, RequestLocale};

/// Answers 202 whether or not the address is known; the mail says what to do next.
pub(crate) async fn create_pre_registration(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    body: Result<Bytes, BytesRejection>,
) -> Result<impl IntoResponse, ApiError> {
    let body: Value = parse_json(&body_or_413(body, locale)?, locale)?;
    let text = |name: &str| body.get(name).and_then(Value::as_str);
    state
        .registrar
        .pre_register(text("email"), text("email_confirmation"), locale)
        .await
        .map_err(|err| ApiError::from(err).in_locale(locale))?;
    let message =
        i18n::Catalog::embedded().message(locale, "notice-pre_registration_accepted", &[]);
    Ok((
        StatusCode::ACCEPTED,
        axum::Json(json!({ "message": message })),
    ))
}
