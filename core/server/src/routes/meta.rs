//! Health and the OpenAPI document.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use serde_json::json;

use crate::AppState;
use crate::errors::ApiError;

/// `GET /healthz`: 200 when the database answers.
pub(crate) async fn health(State(state): State<AppState>) -> Result<impl IntoResponse, ApiError> {
    state
        .registrar
        .store()
        .ping()
        .await
        .map_err(|err| ApiError::internal("health", &err))?;
    Ok((StatusCode::OK, axum::Json(json!({ "status": "ok" }))))
}

/// `GET /api/openapi.json`.
pub(crate) async fn openapi() -> impl IntoResponse {
    axum::Json(crate::openapi::document())
}
