//! Server-rendered pages: minijinja templates embedded in the binary (`core/server/templates/`),
//! every string from Fluent through the templates' `t()` function, the stylesheet and the one
//! small script under `/static/`. Pages work without JavaScript; the script only improves them.
//!
//! Every page extends `base.html`, which sets `lang`, a skip link, the language picker (a plain
//! GET form, so it works without script) and the footer. Forms show an error summary at the top
//! that links to each field (`macros.html`).

use std::sync::OnceLock;

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use i18n::{ArgValue, Catalog, Locale};
use minijinja::value::{Kwargs, Value as JinjaValue};
use minijinja::{AutoEscape, Environment, ErrorKind, State, UndefinedBehavior};
use serde_json::{Value, json};

pub(crate) mod apply;
pub(crate) mod pages;
pub(crate) mod staff;

/// Templates, embedded at build time.
macro_rules! templates {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../templates/", $name)))),*]
    };
}

const TEMPLATES: &[(&str, &str)] = templates![
    "base.html",
    "macros.html",
    "message.html",
    "home.html",
    "pre_register.html",
    "login.html",
    "set_password.html",
    "register.html",
    "my.html",
    "apply_step.html",
    "staff.html",
    "inquiry.html",
    "form.html",
    "enrolled.html",
];

/// The stylesheet and the script, embedded.
pub(crate) const SITE_CSS: &str = include_str!("../../static/site.css");
pub(crate) const SITE_JS: &str = include_str!("../../static/site.js");

fn environment() -> &'static Environment<'static> {
    static ENV: OnceLock<Environment<'static>> = OnceLock::new();
    ENV.get_or_init(|| {
        let mut env = Environment::new();
        env.set_auto_escape_callback(|_| AutoEscape::Html);
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        for (name, source) in TEMPLATES {
            if let Err(err) = env.add_template(name, source) {
                // Every template is rendered by this crate's tests; reaching this is a build bug.
                panic!("template {name} does not compile: {err:#}");
            }
        }
        env.add_function("t", translate);
        env.add_filter("num", number);
        env.add_filter("date", date);
        env
    })
}

/// `t("message-id", name=value, …)`: the message in the page's language (`lang` in the context).
fn translate(
    state: &State<'_, '_>,
    id: String,
    kwargs: Kwargs,
) -> Result<String, minijinja::Error> {
    let lang = state
        .lookup("lang")
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    let locale = Locale::from_tag(&lang).unwrap_or(Locale::Ja);
    let mut args: Vec<(String, ArgValue)> = Vec::new();
    for key in kwargs.args() {
        let value: JinjaValue = kwargs.get(key)?;
        let value = match value.as_i64() {
            Some(n) => ArgValue::from(n),
            None => ArgValue::from(value.to_string()),
        };
        args.push((key.to_owned(), value));
    }
    kwargs.assert_all_used()?;
    let args: Vec<(&str, ArgValue)> = args.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    let catalog = Catalog::embedded();
    if !catalog.has(Locale::Ja, &id) {
        return Err(minijinja::Error::new(
            ErrorKind::InvalidOperation,
            format!("no message {id}"),
        ));
    }
    Ok(catalog.message(locale, &id, &args))
}

fn page_locale(state: &State<'_, '_>) -> Locale {
    state
        .lookup("lang")
        .and_then(|v| v.as_str().and_then(Locale::from_tag))
        .unwrap_or(Locale::Ja)
}

/// `{{ n | num }}`: a whole number with the page language's grouping (1,234 / 1.234).
fn number(state: &State<'_, '_>, value: JinjaValue) -> String {
    match value.as_i64() {
        Some(n) => i18n::format_integer(page_locale(state), n),
        None => value.to_string(),
    }
}

/// `{{ "2026-11-21…" | date }}`: a date in the page language's style (和暦 beside 西暦 on
/// Japanese pages); anything that is not an ISO date is shown as it is.
fn date(state: &State<'_, '_>, value: JinjaValue) -> String {
    let text = value
        .as_str()
        .map(str::to_owned)
        .unwrap_or_else(|| value.to_string());
    let parsed = text.get(..10).and_then(|d| {
        let mut parts = d.split('-');
        let year = parts.next()?.parse::<i32>().ok()?;
        let month = parts.next()?.parse::<u8>().ok()?;
        let day = parts.next()?.parse::<u8>().ok()?;
        Some((year, month, day))
    });
    match parsed {
        Some((year, month, day)) => {
            i18n::format_date(page_locale(state), year, month, day).unwrap_or(text)
        }
        None => text,
    }
}

/// A page to render: a template, the page's `<title>` message id, and its data.
#[derive(Debug)]
pub(crate) struct Page {
    template: &'static str,
    title_id: &'static str,
    status: StatusCode,
    context: Value,
}

impl Page {
    /// A page from `template` titled by message `title_id`.
    pub(crate) fn new(template: &'static str, title_id: &'static str) -> Self {
        Page {
            template,
            title_id,
            status: StatusCode::OK,
            context: json!({}),
        }
    }

    /// Adds data the template reads.
    pub(crate) fn with(mut self, key: &str, value: impl serde::Serialize) -> Self {
        self.context[key] = serde_json::to_value(value).unwrap_or(Value::Null);
        self
    }

    /// Answers with this status instead of 200.
    pub(crate) fn status(mut self, status: StatusCode) -> Self {
        self.status = status;
        self
    }

    /// Renders in `locale`; `path` is the page's own path (the language picker comes back to it).
    pub(crate) fn render(self, locale: Locale, path: &str) -> Response {
        let catalog = Catalog::embedded();
        let mut context = self.context;
        context["lang"] = json!(locale.tag());
        context["path"] = json!(path);
        context["title"] = json!(catalog.message(locale, self.title_id, &[]));
        context["languages"] = Locale::ALL
            .iter()
            .map(|l| json!({ "tag": l.tag(), "name": l.native_name() }))
            .collect();
        if context.get("errors").is_none() {
            context["errors"] = json!([]);
        }
        let rendered = environment()
            .get_template(self.template)
            .and_then(|template| template.render(&context));
        match rendered {
            Ok(html) => (self.status, Html(html)).into_response(),
            Err(err) => {
                tracing::error!(template = self.template, error = %format!("{err:#}"), "page did not render");
                let fallback = catalog.message(locale, "error-internal", &[]);
                (StatusCode::INTERNAL_SERVER_ERROR, Html(fallback)).into_response()
            }
        }
    }
}

/// The problems of a form as the templates show them: the field's id (the error summary links
/// to `#<id>`: the JSON Pointer without its leading `/`, `/` replaced by `-`) and the message.
pub(crate) fn problems_json(locale: Locale, problems: &[registrar::FieldProblem]) -> Value {
    let catalog = Catalog::embedded();
    problems
        .iter()
        .map(|problem| {
            let id = format!("error-{}", problem.code);
            let args: Vec<(&str, ArgValue)> = problem
                .args
                .iter()
                .map(|(name, value)| (*name, ArgValue::from(*value)))
                .collect();
            let message = if catalog.has(Locale::Ja, &id) {
                catalog.message(locale, &id, &args)
            } else {
                catalog.message(locale, "page-field-invalid", &[])
            };
            json!({
                "field": problem.path.trim_start_matches('/').replace('/', "-"),
                "message": message,
            })
        })
        .collect()
}

/// A redirect that sets (`Some(value)`) or clears (`None`) a session cookie: `HttpOnly`, path `/`,
/// `Secure` when the site is https, with the given `SameSite`.
pub(crate) fn redirect_with_cookie(
    to: &str,
    name: &str,
    value: Option<&str>,
    same_site: &str,
    secure: bool,
) -> Response {
    let secure = if secure { "; Secure" } else { "" };
    let cookie = match value {
        Some(value) => format!("{name}={value}; Path=/; HttpOnly; SameSite={same_site}{secure}"),
        None => format!("{name}=; Path=/; HttpOnly; SameSite={same_site}; Max-Age=0{secure}"),
    };
    let mut response = axum::response::Redirect::to(to).into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

/// The page for a failure the user cannot fix by editing a form (a database error, a link that
/// cannot be used…), with the error's status.
pub(crate) fn failure_page(
    locale: Locale,
    path: &str,
    error: &crate::errors::ApiError,
) -> Response {
    Page::new("message.html", "page-problem-title")
        .with("message", error.message(locale))
        .with("kind", "error")
        .status(error.status())
        .render(locale, path)
}

/// A plain field of `form.html`: name, widget (text, email, tel, password), label message,
/// hint message, autocomplete token.
pub(crate) type SimpleSpec = (
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
);

/// The fields of `form.html` with their values (never a password) and errors.
pub(crate) fn simple_fields(
    locale: Locale,
    specs: &[SimpleSpec],
    values: &[(&str, &str)],
    errors: &Value,
) -> Vec<Value> {
    let catalog = Catalog::embedded();
    specs
        .iter()
        .map(|(name, widget, label, hint, autocomplete)| {
            let error: Vec<String> = errors
                .as_array()
                .map(|all| {
                    all.iter()
                        .filter(|e| e["field"] == *name)
                        .filter_map(|e| e["message"].as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default();
            let value = if *widget == "password" {
                ""
            } else {
                values
                    .iter()
                    .find(|(k, _)| k == name)
                    .map_or("", |(_, v)| *v)
            };
            json!({
                "id": name,
                "name": name,
                "widget": widget,
                "label": catalog.message(locale, label, &[]),
                "hint": hint.map(|h| catalog.message(locale, h, &[])),
                "autocomplete": autocomplete,
                "required": true,
                "value": value,
                "options": [],
                "error": error.join(" "),
            })
        })
        .collect()
}

/// 404 as a page (an unknown step, an establishment that does not exist).
pub(crate) fn not_found_page(locale: Locale, path: &str) -> Response {
    Page::new("message.html", "page-problem-title")
        .with(
            "message",
            Catalog::embedded().message(locale, "error-not_found", &[]),
        )
        .with("kind", "error")
        .status(StatusCode::NOT_FOUND)
        .render(locale, path)
}

/// `GET /static/site.css` and `/static/site.js`.
pub(crate) async fn static_file(
    axum::extract::Path(name): axum::extract::Path<String>,
) -> Response {
    let (body, kind) = match name.as_str() {
        "site.css" => (SITE_CSS, "text/css; charset=utf-8"),
        "site.js" => (SITE_JS, "text/javascript; charset=utf-8"),
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=300"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_compiles_and_the_base_renders_in_every_locale() {
        for locale in Locale::ALL {
            let response = Page::new("message.html", "page-home-title")
                .with("message", "本文")
                .render(locale, "/");
            assert_eq!(response.status(), StatusCode::OK, "{}", locale.tag());
        }
        assert!(environment().templates().count() >= TEMPLATES.len());
    }

    #[test]
    fn unknown_message_ids_fail_the_render() {
        let mut env = Environment::new();
        env.add_function("t", translate);
        let result = env.render_str("{{ t('no-such-message') }}", json!({ "lang": "ja" }));
        assert!(result.is_err());
    }

    #[test]
    fn numbers_and_dates_follow_the_page_language() {
        let env = environment();
        let render = |source: &str, lang: &str| {
            env.render_str(source, json!({ "lang": lang }))
                .unwrap_or_else(|err| panic!("{source}: {err}"))
        };
        assert_eq!(render("{{ 1234567 | num }}", "en"), "1,234,567");
        assert_eq!(render("{{ 1234567 | num }}", "pt-BR"), "1.234.567");
        let ja = render("{{ '2026-11-21T03:00:00Z' | date }}", "ja");
        assert!(ja.contains("2026") && ja.contains("令和8年"), "{ja}");
        assert_eq!(
            render("{{ 'soon' | date }}", "ja"),
            "soon",
            "not a date: as it is"
        );
    }

    #[test]
    fn output_is_escaped() {
        let response = Page::new("message.html", "page-home-title")
            .with("message", "<script>alert(1)</script>")
            .render(Locale::Ja, "/");
        assert_eq!(response.status(), StatusCode::OK);
    }
}
