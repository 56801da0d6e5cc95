//! The applicant's account: set a password from a mailed link, log in and out, see the
//! application, change the password, ask for a reset link.

use axum::body::Bytes;
use axum::extract::State;
use axum::extract::rejection::BytesRejection;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use registrar::Session;
use serde_json::{Value, json};

use crate::errors::ApiError;
use crate::extract::{body_or_413, cookie, parse_json};
use crate::{AppState, RequestLocale};

fn notice(locale: i18n::Locale, id: &str) -> axum::Json<Value> {
    axum::Json(json!({ "message": i18n::Catalog::embedded().message(locale, id, &[]) }))
}

pub(crate) async fn json_body(
    body: Result<Bytes, BytesRejection>,
    locale: i18n::Locale,
) -> Result<Value, ApiError> {
    parse_json(&body_or_413(body, locale)?, locale)
}

pub(crate) fn text<'a>(body: &'a Value, name: &str) -> Option<&'a str> {
    body.get(name).and_then(Value::as_str)
}

/// `POST /api/v1/account/password` with `token` and `password`.
pub(crate) async fn set_password(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    body: Result<Bytes, BytesRejection>,
) -> Result<impl IntoResponse, ApiError> {
    let body = json_body(body, locale).await?;
    state
        .registrar
        .set_password(text(&body, "token"), text(&body, "password"))
        .await
        .map_err(|err| ApiError::from(err).in_locale(locale))?;
    Ok(notice(locale, "notice-password_set"))
}

/// `POST /api/v1/sessions` with `login_id` and `password`: 201 and a session cookie.
pub(crate) async fn create_session(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let body = json_body(body, locale).await?;
    let token = state
        .registrar
        .login(text(&body, "login_id"), text(&body, "password"))
        .await
        .map_err(|err| ApiError::from(err).in_locale(locale))?;
    let secure = if state.secure_cookies { "; Secure" } else { "" };
    let cookie = format!(
        "{}={}; Path=/; HttpOnly; SameSite=Lax{secure}",
        state.session_cookie(),
        token.0
    );
    let mut response = (StatusCode::CREATED, axum::Json(json!({}))).into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    Ok(response)
}

/// `DELETE /api/v1/sessions/current`: ends the session and clears the cookie.
pub(crate) async fn delete_session(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    state
        .registrar
        .logout(cookie(&headers, state.session_cookie()))
        .await
        .map_err(|err| ApiError::from(err).in_locale(locale))?;
    let secure = if state.secure_cookies { "; Secure" } else { "" };
    let clear = format!(
        "{}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}",
        state.session_cookie()
    );
    let mut response = StatusCode::NO_CONTENT.into_response();
    if let Ok(value) = HeaderValue::from_str(&clear) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    Ok(response)
}

pub(crate) async fn require_session(
    state: &AppState,
    headers: &HeaderMap,
    locale: i18n::Locale,
) -> Result<Session, ApiError> {
    state
        .registrar
        .session(cookie(headers, state.session_cookie()))
        .await
        .map_err(|err| ApiError::from(err).in_locale(locale))
}

/// `GET /api/v1/me/application`: the logged-in applicant's application and its status.
pub(crate) async fn get_my_application(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    headers: HeaderMap,
) -> Result<impl IntoResponse, ApiError> {
    let session = require_session(&state, &headers, locale).await?;
    let application = state
        .registrar
        .my_application(&session)
        .await
        .map_err(|err| ApiError::from(err).in_locale(locale))?;
    if application.is_null() {
        return Err(ApiError::new(StatusCode::NOT_FOUND, "not_found").in_locale(locale));
    }
    Ok(axum::Json(application))
}

/// `POST /api/v1/me/password` with `current_password` and `new_password`.
pub(crate) async fn change_password(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<impl IntoResponse, ApiError> {
    let session = require_session(&state, &headers, locale).await?;
    let body = json_body(body, locale).await?;
    state
        .registrar
        .change_password(
            &session,
            text(&body, "current_password"),
            text(&body, "new_password"),
        )
        .await
        .map_err(|err| ApiError::from(err).in_locale(locale))?;
    Ok(notice(locale, "notice-password_changed"))
}

/// `POST /api/v1/password-resets` with `email` and `phone`: 202 always (when well-formed).
pub(crate) async fn create_password_reset(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    body: Result<Bytes, BytesRejection>,
) -> Result<impl IntoResponse, ApiError> {
    let body = json_body(body, locale).await?;
    state
        .registrar
        .request_password_reset(text(&body, "email"), text(&body, "phone"), locale)
        .await
        .map_err(|err| ApiError::from(err).in_locale(locale))?;
    Ok((
        StatusCode::ACCEPTED,
        notice(locale, "notice-password_reset_accepted"),
    ))
}

fn applicant_error(locale: i18n::Locale) -> impl Fn(registrar::ApplicantError) -> ApiError {
    move |err| ApiError::from(err).in_locale(locale)
}

/// `GET /api/v1/me/inquiries`: the inquiries about the logged-in applicant's application.
pub(crate) async fn list_my_inquiries(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    headers: HeaderMap,
) -> Result<impl IntoResponse, ApiError> {
    let session = require_session(&state, &headers, locale).await?;
    let inquiries = state
        .registrar
        .my_inquiries(&session)
        .await
        .map_err(applicant_error(locale))?;
    Ok(axum::Json(inquiries))
}

/// `POST /api/v1/me/inquiries/{id}/answer` with `message` and the corrected `document`.
pub(crate) async fn answer_inquiry(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    super::ApiPath(id): super::ApiPath<String>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<impl IntoResponse, ApiError> {
    let session = require_session(&state, &headers, locale).await?;
    let body = json_body(body, locale).await?;
    let answer = state
        .registrar
        .answer_inquiry(
            &session,
            &id,
            text(&body, "message"),
            body.get("document").cloned(),
        )
        .await
        .map_err(applicant_error(locale))?;
    Ok(axum::Json(answer))
}

/// `POST /api/v1/me/change-notifications/preview` with the edited registered `document`:
/// every change and whether it needs a notification. Stores nothing.
pub(crate) async fn preview_change(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<impl IntoResponse, ApiError> {
    let session = require_session(&state, &headers, locale).await?;
    let body = json_body(body, locale).await?;
    let preview = state
        .registrar
        .preview_change(&session, body.get("document").cloned())
        .await
        .map_err(applicant_error(locale))?;
    Ok(axum::Json(preview))
}

/// `POST /api/v1/me/change-notifications` with the edited registered `document`.
pub(crate) async fn file_change(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<impl IntoResponse, ApiError> {
    let session = require_session(&state, &headers, locale).await?;
    let body = json_body(body, locale).await?;
    let filed = state
        .registrar
        .file_change(&session, body.get("document").cloned())
        .await
        .map_err(applicant_error(locale))?;
    Ok((StatusCode::CREATED, axum::Json(filed)))
}
