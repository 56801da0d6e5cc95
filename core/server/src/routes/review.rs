//! Review by the ministries (queue, application view, decisions, inquiries) and the central
//! administration (applications, registration, audit export).

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use serde_json::Value;

use super::ApiPath;
use super::account::{json_body, text};
use super::staff::{require_staff, staff_error};
use crate::errors::{ApiError, report_json};
use crate::{AppState, RequestLocale};

/// Query of `GET /api/v1/review/queue`.
#[derive(Debug, serde::Deserialize)]
pub(crate) struct QueueParams {
    status: Option<String>,
    q: Option<String>,
    cursor: Option<String>,
    sort: Option<String>,
    limit: Option<u64>,
}

/// `GET /api/v1/review/queue`: the caller's ministry's applications, oldest first (or
/// `sort=-submitted_at`), with new / changed-since-last-look markers.
pub(crate) async fn queue(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    headers: HeaderMap,
    params: Result<Query<QueueParams>, axum::extract::rejection::QueryRejection>,
) -> Result<impl IntoResponse, ApiError> {
    let session = require_staff(&state, &headers, locale).await?;
    let Query(params) = params.map_err(|rejection| {
        ApiError::fields(vec![super::query_problem(&rejection, 200)]).in_locale(locale)
    })?;
    let descending = match params.sort.as_deref() {
        None | Some("submitted_at") => false,
        Some("-submitted_at") => true,
        Some(_) => {
            return Err(ApiError::fields(vec![registrar::FieldProblem::new(
                "/sort",
                "queue_status_invalid",
            )])
            .in_locale(locale));
        }
    };
    let page = state
        .registrar
        .review_queue(
            &session,
            registrar::QueueQuery {
                status: params.status,
                search: params.q,
                cursor: params.cursor,
                descending,
                limit: params.limit,
            },
        )
        .await
        .map_err(staff_error(locale))?;
    Ok(axum::Json(page))
}

/// `GET /api/v1/review/applications/{id}`: the applicant section, the caller's lines and the
/// findings on them.
pub(crate) async fn application(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    ApiPath(id): ApiPath<String>,
    headers: HeaderMap,
) -> Result<impl IntoResponse, ApiError> {
    let session = require_staff(&state, &headers, locale).await?;
    let view = state
        .registrar
        .review_application(&session, &id)
        .await
        .map_err(staff_error(locale))?;
    let mut body = view.body;
    body["findings"] = report_json(&view.report, locale);
    Ok(axum::Json(body))
}

/// `POST /api/v1/review/applications/{id}/lines/{line}/decision` with `decision`
/// (`accept` / `reject`) and `reason`.
pub(crate) async fn decide(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    ApiPath((id, line)): ApiPath<(String, String)>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<impl IntoResponse, ApiError> {
    let session = require_staff(&state, &headers, locale).await?;
    let body = json_body(body, locale).await?;
    let Ok(line) = line.parse::<i64>() else {
        return Err(ApiError::new(StatusCode::NOT_FOUND, "not_found").in_locale(locale));
    };
    let decided = state
        .registrar
        .decide_line(
            &session,
            &id,
            line,
            text(&body, "decision"),
            text(&body, "reason"),
        )
        .await
        .map_err(staff_error(locale))?;
    Ok(axum::Json(decided))
}

/// `POST /api/v1/review/applications/{id}/inquiries` with `paths` and `message`.
pub(crate) async fn open_inquiry(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    ApiPath(id): ApiPath<String>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<impl IntoResponse, ApiError> {
    let session = require_staff(&state, &headers, locale).await?;
    let body = json_body(body, locale).await?;
    let paths = body.get("paths").and_then(Value::as_array).map(|paths| {
        paths
            .iter()
            .map(|p| p.as_str().unwrap_or_default().to_owned())
            .collect()
    });
    let inquiry = state
        .registrar
        .open_inquiry(&session, &id, paths, text(&body, "message"))
        .await
        .map_err(staff_error(locale))?;
    Ok((StatusCode::CREATED, axum::Json(inquiry)))
}

/// Query of `GET /api/v1/central/applications`.
#[derive(Debug, serde::Deserialize)]
pub(crate) struct CentralParams {
    status: Option<String>,
}

/// `GET /api/v1/central/applications?status=reviewed`.
pub(crate) async fn central_list(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    headers: HeaderMap,
    params: Result<Query<CentralParams>, axum::extract::rejection::QueryRejection>,
) -> Result<impl IntoResponse, ApiError> {
    let session = require_staff(&state, &headers, locale).await?;
    let Query(params) = params.map_err(|rejection| {
        ApiError::fields(vec![super::query_problem(&rejection, 200)]).in_locale(locale)
    })?;
    let list = state
        .registrar
        .central_applications(&session, params.status.as_deref())
        .await
        .map_err(staff_error(locale))?;
    Ok(axum::Json(list))
}

/// `GET /api/v1/central/applications/{id}`.
pub(crate) async fn central_application(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    ApiPath(id): ApiPath<String>,
    headers: HeaderMap,
) -> Result<impl IntoResponse, ApiError> {
    let session = require_staff(&state, &headers, locale).await?;
    let view = state
        .registrar
        .central_application(&session, &id)
        .await
        .map_err(staff_error(locale))?;
    Ok(axum::Json(view))
}

/// `POST /api/v1/central/applications/{id}/registration`: registers the accepted part.
pub(crate) async fn register(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    ApiPath(id): ApiPath<String>,
    headers: HeaderMap,
) -> Result<impl IntoResponse, ApiError> {
    let session = require_staff(&state, &headers, locale).await?;
    let result = state
        .registrar
        .register_application(&session, &id)
        .await
        .map_err(staff_error(locale))?;
    Ok((StatusCode::CREATED, axum::Json(result)))
}

/// `GET /api/v1/central/applications/{id}/audit`: the hash-chained trail, checked.
pub(crate) async fn audit(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    ApiPath(id): ApiPath<String>,
    headers: HeaderMap,
) -> Result<impl IntoResponse, ApiError> {
    let session = require_staff(&state, &headers, locale).await?;
    let trail = state
        .registrar
        .audit_export(&session, &id)
        .await
        .map_err(staff_error(locale))?;
    Ok(axum::Json(trail))
}
