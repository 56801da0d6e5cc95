//! `/api/v1/drafts/{token}`: load, save, check and submit the draft a mailed link opens.

use axum::body::Bytes;
use axum::extract::State;
use axum::extract::rejection::BytesRejection;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use registrar::{CheckReport, DraftView, SubmitOutcome};
use serde_json::{Value, json};

use super::ApiPath;
use crate::errors::{ApiError, findings_json, report_json};
use crate::extract::{body_or_413, parse_json};
use crate::{AppState, RequestLocale};

fn draft_json(draft: &DraftView) -> Value {
    json!({
        "application_id": draft.application_id,
        "status": draft.status,
        "revision": draft.revision,
        "link_expires_at": rfc3339(draft.link_expires_at),
        "updated_at": rfc3339(draft.updated_at),
        "document": draft.document,
    })
}

fn rfc3339(ms: i64) -> Option<String> {
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
}

/// `GET`: the draft and its document.
pub(crate) async fn get_draft(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    ApiPath(token): ApiPath<String>,
) -> Result<impl IntoResponse, ApiError> {
    let draft = state
        .registrar
        .open_draft(&token)
        .await
        .map_err(|err| ApiError::from(err).in_locale(locale))?;
    Ok(axum::Json(draft_json(&draft)))
}

/// `PUT`: saves the whole document as typed (even when invalid) and returns it normalised,
/// with one `info` finding per normalisation in `changes`.
pub(crate) async fn save_draft(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    ApiPath(token): ApiPath<String>,
    body: Result<Bytes, BytesRejection>,
) -> Result<impl IntoResponse, ApiError> {
    let document: Value = parse_json(&body_or_413(body, locale)?, locale)?;
    let saved = state
        .registrar
        .save_draft(&token, document, locale)
        .await
        .map_err(|err| ApiError::from(err).in_locale(locale))?;
    let mut answer = draft_json(&saved.draft);
    answer["changes"] = findings_json(&saved.changes, locale);
    Ok(axum::Json(answer))
}

/// `POST …/check`: every finding of the stored draft, without submitting.
pub(crate) async fn check_draft(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    ApiPath(token): ApiPath<String>,
) -> Result<impl IntoResponse, ApiError> {
    let report = state
        .registrar
        .check_draft(&token)
        .await
        .map_err(|err| ApiError::from(err).in_locale(locale))?;
    Ok(axum::Json(check_json(&report, locale)))
}

fn check_json(report: &CheckReport, locale: i18n::Locale) -> Value {
    let findings = report_json(report, locale);
    let count = |severity: &str| {
        findings.as_array().map_or(0, |all| {
            all.iter().filter(|f| f["severity"] == severity).count()
        })
    };
    json!({
        "submittable": !report.has_errors(),
        "counts": { "error": count("error"), "warning": count("warning"), "info": count("info") },
        "judged_by": report.plugins.iter().map(|r| r.plugin.label()).collect::<Vec<_>>(),
        "findings": findings,
    })
}

/// `POST …/submit` with `Idempotency-Key`: 201 when submitted (the same answer again for a
/// repeated key and body, marked `Idempotent-Replayed: true`), 422 with the findings otherwise.
pub(crate) async fn submit_draft(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    ApiPath(token): ApiPath<String>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let body = body_or_413(body, locale)?;
    let key = headers
        .get("idempotency-key")
        .map(|v| v.to_str().unwrap_or("\u{0}"));
    let outcome = state
        .registrar
        .submit_draft(&token, key, &body)
        .await
        .map_err(|err| ApiError::from(err).in_locale(locale))?;
    match outcome {
        SubmitOutcome::Submitted(receipt) => {
            let mut response = (StatusCode::CREATED, axum::Json(receipt.body)).into_response();
            if receipt.replayed {
                response
                    .headers_mut()
                    .insert("idempotent-replayed", HeaderValue::from_static("true"));
            }
            Ok(response)
        }
        SubmitOutcome::Rejected(report) => Err(ApiError::findings(&report, locale)),
    }
}
