//! The pages mailed links land on, until the full web application arrives (issue 5): the
//! draft link explains where the form stands and how to continue; the password link is a
//! working form that needs no JavaScript.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse};
use i18n::{Catalog, Locale};
use serde::Deserialize;

use crate::errors::ApiError;
use crate::{AppState, RequestLocale};

pub(crate) fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

pub(crate) fn page(locale: Locale, title_id: &str, body: &str) -> Html<String> {
    let catalog = Catalog::embedded();
    let title = escape(&catalog.message(locale, title_id, &[]));
    Html(format!(
        "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title></head><body style=\"font-family:sans-serif;max-width:40em;\
         margin:2em auto;padding:0 1em;line-height:1.7;font-size:1.1rem\">\
         <main><h1>{title}</h1>{body}</main></body></html>",
        lang = locale.tag(),
    ))
}

fn text(locale: Locale, id: &str) -> String {
    escape(&Catalog::embedded().message(locale, id, &[]))
}

/// `GET /apply/{token}`: where the mailed draft link lands.
pub(crate) async fn apply(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    Path(token): Path<String>,
) -> impl IntoResponse {
    let (status, message_id) = match state.registrar.open_draft(&token).await {
        Ok(_) => (StatusCode::OK, "page-apply-not_yet"),
        Err(err) => {
            let error = ApiError::from(err);
            let status = match error.code() {
                "link_expired" => StatusCode::GONE,
                "application_already_submitted" => StatusCode::CONFLICT,
                "internal" => StatusCode::INTERNAL_SERVER_ERROR,
                _ => StatusCode::NOT_FOUND,
            };
            return (
                status,
                page(
                    locale,
                    "page-apply-title",
                    &format!(
                        "<p role=\"alert\">{}</p>",
                        text(locale, &format!("error-{}", error.code()))
                    ),
                ),
            );
        }
    };
    (
        status,
        page(
            locale,
            "page-apply-title",
            &format!("<p>{}</p>", text(locale, message_id)),
        ),
    )
}

/// `GET /account/password/{token}`: a form to set the password.
pub(crate) async fn password_form(
    RequestLocale(locale): RequestLocale,
    Path(token): Path<String>,
) -> impl IntoResponse {
    page(
        locale,
        "page-password-title",
        &password_form_html(locale, &token, ""),
    )
}

fn password_form_html(locale: Locale, token: &str, error: &str) -> String {
    let alert = if error.is_empty() {
        String::new()
    } else {
        format!("<p role=\"alert\" id=\"password-error\" style=\"color:#b00020\">{error}</p>")
    };
    format!(
        "{alert}<form method=\"post\" action=\"/account/password/{token}?lang={lang}\">\
         <p><label for=\"password\">{label}</label><br>\
         <input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"new-password\" \
         required minlength=\"8\" maxlength=\"128\" aria-describedby=\"password-hint\" \
         style=\"font-size:1.1rem;padding:.4em;width:100%\"></p>\
         <p id=\"password-hint\">{hint}</p>\
         <p><button type=\"submit\" style=\"font-size:1.1rem;padding:.5em 1.5em\">{submit}</button></p>\
         </form>",
        token = escape(token),
        lang = locale.tag(),
        label = text(locale, "page-password-label"),
        hint = text(locale, "page-password-hint"),
        submit = text(locale, "page-password-submit"),
    )
}

/// The password form's fields.
#[derive(Debug, Deserialize)]
pub(crate) struct PasswordForm {
    password: Option<String>,
}

/// `POST /account/password/{token}` (form): sets the password, or shows the form again with
/// the error.
pub(crate) async fn password_submit(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    Path(token): Path<String>,
    Form(form): Form<PasswordForm>,
) -> impl IntoResponse {
    match state
        .registrar
        .set_password(Some(&token), form.password.as_deref())
        .await
    {
        Ok(()) => (
            StatusCode::OK,
            page(
                locale,
                "page-password-title",
                &format!(
                    "<p role=\"status\">{}</p>",
                    text(locale, "notice-password_set")
                ),
            ),
        ),
        Err(err) => {
            let (status, message) = match err {
                registrar::SetPasswordError::Invalid(problems) => (
                    StatusCode::UNPROCESSABLE_ENTITY,
                    problems
                        .iter()
                        .map(|p| {
                            let args: Vec<(&str, i18n::ArgValue)> =
                                p.args.iter().map(|(n, v)| (*n, (*v).into())).collect();
                            escape(&Catalog::embedded().message(
                                locale,
                                &format!("error-{}", p.code),
                                &args,
                            ))
                        })
                        .collect::<Vec<_>>()
                        .join(" "),
                ),
                registrar::SetPasswordError::LinkInvalid => (
                    StatusCode::BAD_REQUEST,
                    text(locale, "error-password_link_invalid"),
                ),
                registrar::SetPasswordError::Store(err) => {
                    tracing::error!(error = %err, "set password failed");
                    (
                        StatusCode::INTERNAL_SERVER_ERROR,
                        text(locale, "error-internal"),
                    )
                }
            };
            (
                status,
                page(
                    locale,
                    "page-password-title",
                    &password_form_html(locale, &token, &message),
                ),
            )
        }
    }
}
