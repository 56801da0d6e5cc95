//! The central administration's plugin install over HTTP: `POST /api/v1/admin/plugins` with the
//! wasm file as the body, by a central administrator (staff session) or, for automation, with
//! the bearer token from `TOROKU_ADMIN_TOKEN` when that variable is set.

use axum::body::Bytes;
use axum::extract::State;
use axum::extract::rejection::BytesRejection;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::IntoResponse;
use serde_json::json;

use crate::errors::ApiError;
use crate::extract::body_or_413;
use crate::{AppState, RequestLocale};

/// Validates, stores and swaps in a plugin version; 201 with what changed, 422 with the reason
/// when the file is refused (nothing changes).
pub(crate) async fn install_plugin(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<impl IntoResponse, ApiError> {
    let installed_by = plugin_admin(&state, &headers, locale).await?;
    let wasm = body_or_413(body, locale)?;
    let report = state
        .registrar
        .install_plugin(wasm.to_vec(), &installed_by)
        .await
        .map_err(|err| ApiError::from(err).in_locale(locale))?;
    Ok((StatusCode::CREATED, axum::Json(report_json(&report))))
}

/// `GET /api/v1/admin/plugins`: every stored plugin version, by ministry, newest first.
pub(crate) async fn plugin_versions(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    headers: HeaderMap,
) -> Result<impl IntoResponse, ApiError> {
    plugin_admin(&state, &headers, locale).await?;
    let versions = state
        .registrar
        .plugin_versions()
        .await
        .map_err(|err| ApiError::internal("plugin versions", &err).in_locale(locale))?;
    let items: Vec<_> = versions
        .iter()
        .map(|v| {
            json!({
                "ministry_id": v.ministry_id,
                "version": v.version,
                "sha256": v.sha256,
                "active": v.active,
                "installed_at": chrono::DateTime::from_timestamp_millis(v.installed_at)
                    .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)),
                "installed_by": v.installed_by,
            })
        })
        .collect();
    Ok(axum::Json(json!({ "items": items })))
}

/// `POST /api/v1/admin/plugins/{ministry}/versions/{version}/activation`: puts a stored version
/// back in force (roll back); 200 with what changed, 404 for an unknown version, 422 when it
/// no longer loads or is already in force (nothing changes).
pub(crate) async fn activate_plugin(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    super::ApiPath((ministry, version)): super::ApiPath<(String, String)>,
    headers: HeaderMap,
) -> Result<impl IntoResponse, ApiError> {
    let actor = plugin_admin(&state, &headers, locale).await?;
    let report = state
        .registrar
        .activate_plugin(&ministry, &version, &actor)
        .await
        .map_err(|err| ApiError::from(err).in_locale(locale))?;
    Ok(axum::Json(report_json(&report)))
}

fn report_json(report: &registrar::InstallReport) -> serde_json::Value {
    json!({
        "ministry_id": report.ministry_id,
        "version": report.version,
        "replaced": report.replaced,
        "business_types": report.business_types,
    })
}

/// Who manages plugins on this request: a central administrator's staff session, or (for
/// automation) the bearer token from `TOROKU_ADMIN_TOKEN` when one is configured.
async fn plugin_admin(
    state: &AppState,
    headers: &HeaderMap,
    locale: i18n::Locale,
) -> Result<String, ApiError> {
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    let installed_by = match (bearer, state.admin_token.as_deref()) {
        (Some(given), Some(expected)) => {
            if !constant_time_eq(given.as_bytes(), expected.as_bytes()) {
                return Err(
                    ApiError::new(StatusCode::UNAUTHORIZED, "admin_unauthorized").in_locale(locale),
                );
            }
            "admin-token".to_owned()
        }
        (Some(_), None) => {
            return Err(ApiError::new(StatusCode::FORBIDDEN, "admin_disabled").in_locale(locale));
        }
        (None, _) => {
            let session = super::staff::require_staff(state, headers, locale).await?;
            state
                .registrar
                .may_install_plugins(&session)
                .await
                .map_err(|err| ApiError::from(err).in_locale(locale))?;
            format!("staff:{}", session.staff_id)
        }
    };
    Ok(installed_by)
}

/// Compares without an early exit, so the time taken says nothing about the token.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    let mut difference = a.len() ^ b.len();
    for (i, byte) in b.iter().enumerate() {
        difference |= usize::from(a.get(i).copied().unwrap_or(0) ^ byte);
    }
    difference == 0
}

#[cfg(test)]
mod tests {
    use super::constant_time_eq;

    #[test]
    fn tokens_match_only_when_equal() {
        assert!(constant_time_eq(b"secret-token", b"secret-token"));
        assert!(!constant_time_eq(b"secret-tokeN", b"secret-token"));
        assert!(!constant_time_eq(b"secret", b"secret-token"));
        assert!(!constant_time_eq(b"", b"secret-token"));
        assert!(!constant_time_eq(b"secret-token-and-more", b"secret-token"));
    }
}
