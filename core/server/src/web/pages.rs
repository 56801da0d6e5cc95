//! The applicant's pages that need no draft: the home page, pre-registration, login, the
//! "my application" page, logout, setting a password from a mailed link, and the public
//! register. Each form posts back to itself and, on a problem, shows the same form again with
//! the error summary and the values as typed (never the password).

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use i18n::{Catalog, Locale};
use registrar::{LoginError, PreRegisterError, SetPasswordError};
use serde::Deserialize;
use serde_json::{Value, json};

use super::{Page, failure_page, problems_json, redirect_with_cookie};
use crate::errors::ApiError;
use crate::extract::cookie;
use crate::routes::register::RegisterParams;
use crate::{AppState, RequestLocale};

fn message(locale: Locale, id: &str) -> String {
    Catalog::embedded().message(locale, id, &[])
}

/// `GET /`: what the service is and where to start.
pub(crate) async fn home(RequestLocale(locale): RequestLocale) -> Response {
    Page::new("home.html", "page-home-title").render(locale, "/")
}

/// The pre-registration form's fields.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct PreRegisterForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    email_confirmation: String,
}

fn pre_register_page(form: &PreRegisterForm, errors: Value) -> Page {
    Page::new("pre_register.html", "page-pre-register-title")
        .with("email", &form.email)
        .with("email_confirmation", &form.email_confirmation)
        .with("errors", errors)
}

/// `GET /pre-register`.
pub(crate) async fn pre_register_form(RequestLocale(locale): RequestLocale) -> Response {
    pre_register_page(&PreRegisterForm::default(), json!([])).render(locale, "/pre-register")
}

/// `POST /pre-register`: the same answer whether or not the address is known (no enumeration).
pub(crate) async fn pre_register_submit(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    Form(form): Form<PreRegisterForm>,
) -> Response {
    let path = "/pre-register";
    match state
        .registrar
        .pre_register(Some(&form.email), Some(&form.email_confirmation), locale)
        .await
    {
        Ok(()) => Page::new("message.html", "page-pre-register-sent-title")
            .with("message", message(locale, "page-pre-register-sent"))
            .with("kind", "ok")
            .render(locale, path),
        Err(PreRegisterError::Invalid(problems)) => {
            pre_register_page(&form, problems_json(locale, &problems))
                .status(StatusCode::UNPROCESSABLE_ENTITY)
                .render(locale, path)
        }
        Err(err) => failure_page(locale, path, &ApiError::from(err)),
    }
}

/// The login form's fields.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct LoginForm {
    #[serde(default)]
    login_id: String,
    #[serde(default)]
    password: String,
}

fn login_page(login_id: &str, errors: Value) -> Page {
    Page::new("login.html", "page-login-title")
        .with("login_id", login_id)
        .with("errors", errors)
}

/// `GET /login`.
pub(crate) async fn login_form(RequestLocale(locale): RequestLocale) -> Response {
    login_page("", json!([])).render(locale, "/login")
}

/// `POST /login`: on success the session cookie and a redirect to `/my`.
pub(crate) async fn login_submit(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    Form(form): Form<LoginForm>,
) -> Response {
    let path = "/login";
    match state
        .registrar
        .login(Some(&form.login_id), Some(&form.password))
        .await
    {
        Ok(token) => redirect_with_cookie(
            &format!("/my?lang={}", locale.tag()),
            state.session_cookie(),
            Some(&token.0),
            "Lax",
            state.secure_cookies,
        ),
        Err(LoginError::Invalid(problems)) => {
            login_page(&form.login_id, problems_json(locale, &problems))
                .status(StatusCode::UNPROCESSABLE_ENTITY)
                .render(locale, path)
        }
        Err(err) => {
            let error = ApiError::from(err);
            if error.status() == StatusCode::INTERNAL_SERVER_ERROR {
                return failure_page(locale, path, &error);
            }
            let text = error.message(locale);
            login_page(
                &form.login_id,
                json!([{ "field": "login_id", "message": text }]),
            )
            .status(error.status())
            .render(locale, path)
        }
    }
}

/// `GET /my`: the logged-in applicant's application and inquiries; to `/login` otherwise.
pub(crate) async fn my_page(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    headers: HeaderMap,
) -> Response {
    let path = "/my";
    let login = Redirect::to(&format!("/login?lang={}", locale.tag())).into_response();
    let Ok(session) = state
        .registrar
        .session(cookie(&headers, state.session_cookie()))
        .await
    else {
        return login;
    };
    let application = match state.registrar.my_application(&session).await {
        Ok(application) => application,
        Err(err) => return failure_page(locale, path, &ApiError::from(err)),
    };
    let inquiries = match state.registrar.my_inquiries(&session).await {
        Ok(inquiries) => inquiries,
        Err(err) => return failure_page(locale, path, &ApiError::from(err)),
    };
    let status = application["status"].as_str().unwrap_or("draft").to_owned();
    let inquiries: Vec<Value> = inquiries["items"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .map(|q| {
            let status = q["status"].as_str().unwrap_or_default().to_owned();
            json!({
                "status_label": message(locale, &format!("page-inquiry-status-{status}")),
                "opened_at": q["opened_at"],
                "message": q["message"],
                "ministry": q["ministry_name"],
                "href": format!("/my/inquiries/{}?lang={}", q["id"].as_str().unwrap_or_default(), locale.tag()),
                "open": status == "open",
            })
        })
        .collect();
    let notifications: Vec<Value> = application["review"]["change_notifications"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .rev()
        .map(|c| {
            let status = c["status"].as_str().unwrap_or_default().to_owned();
            json!({
                "filed_at": c["filed_at"],
                "status_label": message(locale, &format!("change-status-{status}")),
                "rows": super::apply::change_rows(&c["changes"], locale),
            })
        })
        .collect();
    Page::new("my.html", "page-my-title")
        .with("can_change", status == "registered")
        .with("change_pending", status == "change_pending")
        .with("notifications", notifications)
        .with(
            "applicant_name",
            application["document"]["applicant"]["name"]
                .as_str()
                .unwrap_or_default(),
        )
        .with(
            "status_label",
            message(locale, &format!("page-status-{status}")),
        )
        .with(
            "registration_number",
            application["review"]["registration"]["number"]
                .as_str()
                .unwrap_or_default(),
        )
        .with("inquiries", inquiries)
        .render(locale, path)
}

/// `POST /logout`: ends the session, clears the cookie, back to the home page.
pub(crate) async fn logout(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    headers: HeaderMap,
) -> Response {
    if let Err(err) = state
        .registrar
        .logout(cookie(&headers, state.session_cookie()))
        .await
    {
        return failure_page(locale, "/", &ApiError::from(err));
    }
    redirect_with_cookie(
        &format!("/?lang={}", locale.tag()),
        state.session_cookie(),
        None,
        "Lax",
        state.secure_cookies,
    )
}

fn password_page(token: &str, errors: Value) -> Page {
    Page::new("set_password.html", "page-password-title")
        .with("action", format!("/account/password/{token}"))
        .with("errors", errors)
}

/// `GET /account/password/{token}`: the form to set a password from a mailed link.
pub(crate) async fn password_form(
    RequestLocale(locale): RequestLocale,
    Path(token): Path<String>,
) -> Response {
    let path = format!("/account/password/{token}");
    password_page(&token, json!([])).render(locale, &path)
}

/// The password form's field.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct PasswordForm {
    #[serde(default)]
    password: String,
}

/// `POST /account/password/{token}`: sets the password, or the form again with the error.
pub(crate) async fn password_submit(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    Path(token): Path<String>,
    Form(form): Form<PasswordForm>,
) -> Response {
    let path = format!("/account/password/{token}");
    match state
        .registrar
        .set_password(Some(&token), Some(&form.password))
        .await
    {
        Ok(()) => Page::new("message.html", "page-password-title")
            .with("message", message(locale, "notice-password_set"))
            .with("kind", "ok")
            .with("next_href", format!("/login?lang={}", locale.tag()))
            .with("next_label", message(locale, "page-login-title"))
            .render(locale, &path),
        Err(SetPasswordError::Invalid(problems)) => {
            password_page(&token, problems_json(locale, &problems))
                .status(StatusCode::UNPROCESSABLE_ENTITY)
                .render(locale, &path)
        }
        Err(SetPasswordError::LinkInvalid) => password_page(
            &token,
            json!([{ "field": "password", "message": message(locale, "error-password_link_invalid") }]),
        )
        .status(StatusCode::BAD_REQUEST)
        .render(locale, &path),
        Err(err) => failure_page(locale, &path, &ApiError::from(err)),
    }
}

/// Percent-encodes a query value.
fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// `GET /register`: the public register as a page that works without JavaScript.
pub(crate) async fn register_page(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    params: Result<Query<RegisterParams>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let path = "/register";
    let params = params.map(|Query(p)| p).unwrap_or_default();
    let (items, next) = match state
        .registrar
        .public_register(params.query(), locale)
        .await
    {
        Ok(page) => page,
        Err(err) => return failure_page(locale, path, &ApiError::from(err)),
    };
    let q = params.q.clone().unwrap_or_default();
    let columns: Vec<String> = crate::routes::register::CSV_COLUMNS
        .iter()
        .map(|id| message(locale, id))
        .collect();
    let next_href = next.map(|next| {
        format!(
            "/register?lang={}&q={}&cursor={}",
            locale.tag(),
            encode(&q),
            encode(&next)
        )
    });
    Page::new("register.html", "register-title")
        .with("q", &q)
        .with("columns", columns)
        .with("items", items)
        .with("next_href", next_href)
        .with(
            "csv_href",
            format!(
                "/api/v1/register?format=csv&lang={}&q={}",
                locale.tag(),
                encode(&q)
            ),
        )
        .render(locale, path)
}

/// The applicant's session, or a redirect to the login page.
async fn applicant(
    state: &AppState,
    headers: &HeaderMap,
    locale: Locale,
) -> Result<registrar::Session, Response> {
    state
        .registrar
        .session(cookie(headers, state.session_cookie()))
        .await
        .map_err(|_| Redirect::to(&format!("/login?lang={}", locale.tag())).into_response())
}

async fn inquiry_page(
    state: &AppState,
    locale: Locale,
    session: &registrar::Session,
    id: &str,
    form: Option<&[(String, String)]>,
    errors: Value,
) -> Response {
    let path = format!("/my/inquiries/{id}");
    let (inquiries, application) = match (
        state.registrar.my_inquiries(session).await,
        state.registrar.my_application(session).await,
    ) {
        (Ok(inquiries), Ok(application)) => (inquiries, application),
        (Err(err), _) => return failure_page(locale, &path, &ApiError::from(err)),
        (_, Err(err)) => return failure_page(locale, &path, &ApiError::from(err)),
    };
    let Some(inquiry) = inquiries["items"]
        .as_array()
        .and_then(|items| items.iter().find(|i| i["id"] == id))
        .cloned()
    else {
        return super::not_found_page(locale, &path);
    };
    let paths: Vec<String> = inquiry["paths"]
        .as_array()
        .map(|p| {
            p.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    let mut document = application["document"].clone();
    if let Some(form) = form {
        super::apply::apply_inquiry_answer(&mut document, &paths, form);
    }
    let findings: Vec<Value> = errors
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .map(|e| json!({ "severity": "error", "path": e["path"], "message": e["message"] }))
        .collect();
    let fields = super::apply::inquiry_fields(locale, &document, &paths, &findings);
    let summary: Vec<Value> = errors
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .map(|e| {
            let path = e["path"].as_str().unwrap_or_default();
            let field = if path.is_empty() || path == "/message" {
                "answer-message".to_owned()
            } else {
                path.trim_start_matches('/').replace('/', "-")
            };
            json!({ "field": field, "message": e["message"] })
        })
        .collect();
    let status = if summary.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let typed_message = form
        .and_then(|f| {
            f.iter()
                .find(|(k, _)| k == "message")
                .map(|(_, v)| v.clone())
        })
        .unwrap_or_default();
    Page::new("inquiry.html", "page-inquiry-title")
        .with("inquiry", inquiry)
        .with("fields", fields)
        .with("action", &path)
        .with("answer", typed_message)
        .with("errors", summary)
        .status(status)
        .render(locale, &path)
}

/// `GET /my/inquiries/{id}`: the inquiry, with only its flagged fields editable.
pub(crate) async fn inquiry_form(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let session = match applicant(&state, &headers, locale).await {
        Ok(session) => session,
        Err(redirect) => return redirect,
    };
    inquiry_page(&state, locale, &session, &id, None, json!([])).await
}

/// `POST /my/inquiries/{id}`: the answer and the corrected flagged fields.
pub(crate) async fn inquiry_submit(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    Path(id): Path<String>,
    headers: HeaderMap,
    Form(form): Form<Vec<(String, String)>>,
) -> Response {
    let session = match applicant(&state, &headers, locale).await {
        Ok(session) => session,
        Err(redirect) => return redirect,
    };
    let path = format!("/my/inquiries/{id}");
    let (inquiries, application) = match (
        state.registrar.my_inquiries(&session).await,
        state.registrar.my_application(&session).await,
    ) {
        (Ok(inquiries), Ok(application)) => (inquiries, application),
        (Err(err), _) => return failure_page(locale, &path, &ApiError::from(err)),
        (_, Err(err)) => return failure_page(locale, &path, &ApiError::from(err)),
    };
    let paths: Vec<String> = inquiries["items"]
        .as_array()
        .and_then(|items| items.iter().find(|i| i["id"] == id.as_str()))
        .and_then(|i| i["paths"].as_array())
        .map(|p| {
            p.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    let mut document = application["document"].clone();
    super::apply::apply_inquiry_answer(&mut document, &paths, &form);
    let text = form
        .iter()
        .find(|(k, _)| k == "message")
        .map(|(_, v)| v.as_str());
    match state
        .registrar
        .answer_inquiry(&session, &id, text, Some(document))
        .await
    {
        Ok(_) => Page::new("message.html", "page-inquiry-title")
            .with("message", message(locale, "page-inquiry-answered"))
            .with("kind", "ok")
            .with("next_href", format!("/my?lang={}", locale.tag()))
            .with("next_label", message(locale, "page-my-title"))
            .render(locale, &path),
        Err(registrar::ApplicantError::Invalid(problems)) => {
            let errors: Vec<Value> = problems
                .iter()
                .zip(problems_json(locale, &problems).as_array().cloned().unwrap_or_default())
                .map(|(p, e)| json!({ "path": p.path.trim_start_matches("/document"), "message": e["message"] }))
                .collect();
            inquiry_page(
                &state,
                locale,
                &session,
                &id,
                Some(&form),
                Value::Array(errors),
            )
            .await
        }
        Err(registrar::ApplicantError::Findings(report)) => {
            let errors: Vec<Value> = crate::errors::report_json(&report, locale)
                .as_array()
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .filter(|f| f["severity"] == "error")
                .map(|f| json!({ "path": f["path"], "message": f["message"] }))
                .collect();
            inquiry_page(
                &state,
                locale,
                &session,
                &id,
                Some(&form),
                Value::Array(errors),
            )
            .await
        }
        Err(err) => failure_page(locale, &path, &ApiError::from(err)),
    }
}

const RESET_FIELDS: &[super::SimpleSpec] = &[
    ("email", "email", "page-reset-email", None, "username"),
    (
        "phone",
        "tel",
        "page-reset-phone",
        Some("page-reset-phone-hint"),
        "tel",
    ),
];

fn reset_page(locale: Locale, values: &[(&str, &str)], errors: &Value) -> Page {
    Page::new("form.html", "page-reset-title")
        .with("intro", message(locale, "page-reset-intro"))
        .with(
            "fields",
            super::simple_fields(locale, RESET_FIELDS, values, errors),
        )
        .with("action", "/account/password-reset")
        .with("submit", message(locale, "page-reset-submit"))
        .with("back_href", format!("/login?lang={}", locale.tag()))
        .with("back_label", message(locale, "page-login-title"))
        .with("errors", errors.clone())
}

/// `GET /account/password-reset` (the link of the mail a known address gets at pre-registration).
pub(crate) async fn reset_form(RequestLocale(locale): RequestLocale) -> Response {
    reset_page(locale, &[], &json!([])).render(locale, "/account/password-reset")
}

/// The reset request's fields.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct ResetForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    phone: String,
}

/// `POST /account/password-reset`: the same answer whether or not the pair matches.
pub(crate) async fn reset_submit(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    Form(form): Form<ResetForm>,
) -> Response {
    let path = "/account/password-reset";
    match state
        .registrar
        .request_password_reset(Some(&form.email), Some(&form.phone), locale)
        .await
    {
        Ok(()) => Page::new("message.html", "page-reset-title")
            .with("message", message(locale, "page-reset-sent"))
            .with("kind", "ok")
            .render(locale, path),
        Err(registrar::ResetRequestError::Invalid(problems)) => {
            let values = [
                ("email", form.email.as_str()),
                ("phone", form.phone.as_str()),
            ];
            reset_page(locale, &values, &problems_json(locale, &problems))
                .status(StatusCode::UNPROCESSABLE_ENTITY)
                .render(locale, path)
        }
        Err(err) => failure_page(locale, path, &ApiError::from(err)),
    }
}

const CHANGE_FIELDS: &[super::SimpleSpec] = &[
    (
        "current_password",
        "password",
        "page-change-password-current",
        None,
        "current-password",
    ),
    (
        "new_password",
        "password",
        "page-change-password-new",
        Some("page-password-hint"),
        "new-password",
    ),
];

fn change_page(locale: Locale, errors: &Value) -> Page {
    Page::new("form.html", "page-change-password-title")
        .with("intro", Value::Null)
        .with(
            "fields",
            super::simple_fields(locale, CHANGE_FIELDS, &[], errors),
        )
        .with("action", "/my/password")
        .with("submit", message(locale, "page-change-password-submit"))
        .with("back_href", format!("/my?lang={}", locale.tag()))
        .with("back_label", message(locale, "page-my-title"))
        .with("errors", errors.clone())
}

/// `GET /my/password`.
pub(crate) async fn change_password_form(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    headers: HeaderMap,
) -> Response {
    if let Err(redirect) = applicant(&state, &headers, locale).await {
        return redirect;
    }
    change_page(locale, &json!([])).render(locale, "/my/password")
}

/// The password change's fields.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct ChangeForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
}

/// `POST /my/password`: changes the password; other sessions end.
pub(crate) async fn change_password_submit(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    headers: HeaderMap,
    Form(form): Form<ChangeForm>,
) -> Response {
    let path = "/my/password";
    let session = match applicant(&state, &headers, locale).await {
        Ok(session) => session,
        Err(redirect) => return redirect,
    };
    match state
        .registrar
        .change_password(
            &session,
            Some(&form.current_password),
            Some(&form.new_password),
        )
        .await
    {
        Ok(()) => Page::new("message.html", "page-change-password-title")
            .with("message", message(locale, "page-password-changed"))
            .with("kind", "ok")
            .with("next_href", format!("/my?lang={}", locale.tag()))
            .with("next_label", message(locale, "page-my-title"))
            .render(locale, path),
        Err(registrar::ChangePasswordError::Invalid(problems)) => {
            change_page(locale, &problems_json(locale, &problems))
                .status(StatusCode::UNPROCESSABLE_ENTITY)
                .render(locale, path)
        }
        Err(err @ registrar::ChangePasswordError::CurrentPasswordWrong) => {
            let error = ApiError::from(err);
            let errors = json!([{ "field": "current_password", "message": error.message(locale) }]);
            change_page(locale, &errors)
                .status(error.status())
                .render(locale, path)
        }
        Err(err) => failure_page(locale, path, &ApiError::from(err)),
    }
}
