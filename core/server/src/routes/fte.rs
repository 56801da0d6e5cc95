//! `POST /api/v1/fte`: the full-time-equivalent calculator beside each business line.

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use domain::fte::{FteError, FteInput};
use registrar::FieldProblem;

use crate::RequestLocale;
use crate::errors::ApiError;
use crate::extract::body_or_413;

/// `{"standard_weekly_hours", "full_time", "patterns": [{"people", "hours_per_week"}]}` →
/// `{"fte_exact", "fte"}` (rounded up once).
pub(crate) async fn compute_fte(
    RequestLocale(locale): RequestLocale,
    body: Result<Bytes, BytesRejection>,
) -> Result<impl IntoResponse, ApiError> {
    let body = body_or_413(body, locale)?;
    let input: FteInput = serde_json::from_slice(&body).map_err(|err| {
        let path = if err.is_syntax() || err.is_eof() {
            ""
        } else {
            "/"
        };
        let code = if path.is_empty() {
            "body_invalid_json"
        } else {
            "fte_input_invalid"
        };
        ApiError::fields(vec![FieldProblem::new(path, code)]).in_locale(locale)
    })?;
    let result = domain::fte::compute(&input).map_err(|err| {
        let problem = match err {
            FteError::StandardHoursOutOfRange { .. } => {
                FieldProblem::new("/standard_weekly_hours", "fte_standard_hours_out_of_range")
                    .with("max", 168)
            }
            FteError::PatternHoursOutOfRange { pattern, .. } => FieldProblem::new(
                &format!("/patterns/{pattern}/hours_per_week"),
                "fte_pattern_hours_out_of_range",
            ),
            FteError::TooManyDecimals { .. } => FieldProblem::new("", "fte_too_many_decimals"),
            FteError::Overflow => FieldProblem::new("", "fte_too_large"),
        };
        ApiError::fields(vec![problem]).in_locale(locale)
    })?;
    Ok((StatusCode::OK, axum::Json(result)))
}
