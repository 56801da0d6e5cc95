//! The application as a guided series of steps, reached from the mailed draft link:
//! overview → kind of applicant → applicant → establishments (a paged table; per
//! establishment: details → business lines → vaccination site) → confirmation → submit.
//!
//! Every step is a plain form. Posting it saves the whole draft at once (nothing typed is lost,
//! even when it is wrong), then runs the same check as `POST /api/v1/drafts/{token}/check` and
//! shows the errors that belong to this step's fields, linked from a summary at the top;
//! without errors it goes on to the next step. Values are shown as typed.

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use i18n::{Catalog, Locale};
use registrar::{DraftError, SubmitError, SubmitOutcome};
use serde::Deserialize;
use serde_json::{Map, Value, json};

use super::Page;
use crate::errors::{ApiError, report_json};
use crate::{AppState, RequestLocale};

/// Establishments shown per page of the table.
const PAGE_SIZE: usize = 20;

/// How a field is typed and stored.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Kind {
    Text,
    Kana,
    Textarea,
    Email,
    Tel,
    Postal,
    Count,
    Prefecture,
    YesNo,
    Choice(&'static [(&'static str, &'static str)]),
}

const FOUNDERS: &[(&str, &str)] = &[
    ("private", "apply-founder-private"),
    ("public", "apply-founder-public"),
];
const CLASSES: &[(&str, &str)] = &[
    ("national", "apply-class-national"),
    ("prefecture", "apply-class-prefecture"),
    ("municipality", "apply-class-municipality"),
];
const SITE_STATUS: &[(&str, &str)] = &[
    ("secured", "apply-site-secured"),
    ("not_yet_secured", "apply-site-not-yet"),
];

/// One field: where it lives in the document (relative to the step's prefix), how it is
/// typed, its label message, an optional hint, the browser's autocomplete token, required.
pub(crate) type FieldSpec = (
    &'static str,
    Kind,
    &'static str,
    Option<&'static str>,
    &'static str,
    bool,
);

const KIND_FIELDS: &[FieldSpec] = &[
    (
        "/founder",
        Kind::Choice(FOUNDERS),
        "apply-field-founder",
        Some("apply-hint-founder"),
        "",
        true,
    ),
    (
        "/public_body_class",
        Kind::Choice(CLASSES),
        "apply-field-public-body-class",
        Some("apply-hint-public-body-class"),
        "",
        false,
    ),
];

const APPLICANT_FIELDS: &[FieldSpec] = &[
    (
        "/name",
        Kind::Text,
        "apply-field-applicant-name",
        Some("apply-hint-applicant-name"),
        "organization",
        true,
    ),
    (
        "/name_kana",
        Kind::Kana,
        "apply-field-name-kana",
        Some("apply-hint-kana"),
        "",
        true,
    ),
    (
        "/representative",
        Kind::Text,
        "apply-field-representative",
        Some("apply-hint-representative"),
        "name",
        true,
    ),
    (
        "/representative_kana",
        Kind::Kana,
        "apply-field-representative-kana",
        Some("apply-hint-kana"),
        "",
        true,
    ),
    (
        "/postal_code",
        Kind::Postal,
        "apply-field-postal-code",
        Some("apply-hint-postal-code"),
        "postal-code",
        true,
    ),
    (
        "/prefecture",
        Kind::Prefecture,
        "apply-field-prefecture",
        None,
        "address-level1",
        true,
    ),
    (
        "/city",
        Kind::Text,
        "apply-field-city",
        None,
        "address-level2",
        true,
    ),
    (
        "/street",
        Kind::Text,
        "apply-field-street",
        Some("apply-hint-street"),
        "address-line1",
        true,
    ),
    (
        "/phone",
        Kind::Tel,
        "apply-field-phone",
        Some("apply-hint-phone"),
        "tel",
        true,
    ),
    ("/fax", Kind::Tel, "apply-field-fax", None, "", false),
    (
        "/email",
        Kind::Email,
        "apply-field-email",
        None,
        "email",
        true,
    ),
    (
        "/industrial_physician",
        Kind::YesNo,
        "apply-field-industrial-physician",
        Some("apply-hint-industrial-physician"),
        "",
        true,
    ),
    (
        "/business_continuity_plan",
        Kind::YesNo,
        "apply-field-bcp",
        Some("apply-hint-bcp"),
        "",
        true,
    ),
    (
        "/note1",
        Kind::Text,
        "apply-field-note1",
        Some("apply-hint-note1"),
        "",
        true,
    ),
    (
        "/note2",
        Kind::Textarea,
        "apply-field-note2",
        None,
        "",
        false,
    ),
];

const ESTABLISHMENT_FIELDS: &[FieldSpec] = &[
    (
        "/name",
        Kind::Text,
        "apply-field-establishment-name",
        Some("apply-hint-establishment-name"),
        "",
        true,
    ),
    (
        "/postal_code",
        Kind::Postal,
        "apply-field-postal-code",
        Some("apply-hint-postal-code"),
        "postal-code",
        true,
    ),
    (
        "/prefecture",
        Kind::Prefecture,
        "apply-field-prefecture",
        None,
        "address-level1",
        true,
    ),
    (
        "/city",
        Kind::Text,
        "apply-field-city",
        None,
        "address-level2",
        true,
    ),
    (
        "/street",
        Kind::Text,
        "apply-field-street",
        Some("apply-hint-street"),
        "address-line1",
        true,
    ),
    (
        "/phone",
        Kind::Tel,
        "apply-field-phone",
        Some("apply-hint-phone"),
        "tel",
        true,
    ),
    ("/fax", Kind::Tel, "apply-field-fax", None, "", false),
    (
        "/email",
        Kind::Email,
        "apply-field-email",
        None,
        "email",
        false,
    ),
    (
        "/total_staff",
        Kind::Count,
        "apply-field-total-staff",
        Some("apply-hint-total-staff"),
        "",
        true,
    ),
];

const SITE_FIELDS: &[FieldSpec] = &[
    (
        "/status",
        Kind::Choice(SITE_STATUS),
        "apply-field-site-status",
        None,
        "",
        true,
    ),
    (
        "/name",
        Kind::Text,
        "apply-field-site-name",
        Some("apply-hint-site-only-secured"),
        "",
        false,
    ),
    (
        "/name_kana",
        Kind::Kana,
        "apply-field-site-name-kana",
        Some("apply-hint-kana"),
        "",
        false,
    ),
    (
        "/postal_code",
        Kind::Postal,
        "apply-field-postal-code",
        Some("apply-hint-postal-code"),
        "",
        false,
    ),
    (
        "/prefecture",
        Kind::Prefecture,
        "apply-field-prefecture",
        None,
        "",
        false,
    ),
    ("/city", Kind::Text, "apply-field-city", None, "", false),
    ("/street", Kind::Text, "apply-field-street", None, "", false),
    ("/phone", Kind::Tel, "apply-field-phone", None, "", false),
    ("/fax", Kind::Tel, "apply-field-fax", None, "", false),
    ("/email", Kind::Email, "apply-field-email", None, "", false),
    (
        "/plan_note",
        Kind::Textarea,
        "apply-field-site-plan",
        Some("apply-hint-site-plan"),
        "",
        false,
    ),
];

/// A JSON Pointer as a form field id (`/applicant/name` → `applicant-name`).
fn field_id(pointer: &str) -> String {
    pointer.trim_start_matches('/').replace('/', "-")
}

fn message(locale: Locale, id: &str) -> String {
    Catalog::embedded().message(locale, id, &[])
}

/// Sets `pointer` in `document`, creating objects (and array slots) on the way.
fn set_pointer(document: &mut Value, pointer: &str, value: Value) {
    let mut node = document;
    let parts: Vec<&str> = pointer.trim_start_matches('/').split('/').collect();
    for (depth, part) in parts.iter().enumerate() {
        let last = depth + 1 == parts.len();
        if let Ok(index) = part.parse::<usize>()
            && node.is_array()
        {
            let Some(items) = node.as_array_mut() else {
                return;
            };
            while items.len() <= index {
                items.push(json!({}));
            }
            if last {
                items[index] = value;
                return;
            }
            node = &mut items[index];
            continue;
        }
        if !node.is_object() {
            *node = json!({});
        }
        let Some(object) = node.as_object_mut() else {
            return;
        };
        if last {
            object.insert((*part).to_owned(), value);
            return;
        }
        node = object.entry((*part).to_owned()).or_insert(Value::Null);
        if node.is_null() {
            *node = if parts[depth + 1].parse::<usize>().is_ok() {
                json!([])
            } else {
                json!({})
            };
        }
    }
}

/// The stored value as the form shows it.
fn shown(value: Option<&Value>, kind: Kind) -> String {
    match (value, kind) {
        (Some(Value::Bool(true)), Kind::YesNo) => "yes".to_owned(),
        (Some(Value::Bool(false)), Kind::YesNo) => "no".to_owned(),
        (Some(Value::String(s)), _) => s.clone(),
        (Some(Value::Number(n)), _) => n.to_string(),
        _ => String::new(),
    }
}

/// The typed value as the document stores it: empty → null; counts as integers when they are
/// (otherwise the text as typed, which the check reports); yes/no as booleans.
fn stored(text: &str, kind: Kind) -> Value {
    let text = text.trim();
    if text.is_empty() {
        return Value::Null;
    }
    match kind {
        Kind::Count => text
            .parse::<u64>()
            .map_or_else(|_| Value::String(text.to_owned()), Value::from),
        Kind::YesNo => Value::Bool(text == "yes"),
        _ => Value::String(text.to_owned()),
    }
}

/// Findings of the check as `{path, severity, message}`.
type Findings = Vec<Value>;

/// A field as the template renders it.
fn field_json(
    locale: Locale,
    pointer: &str,
    spec: &FieldSpec,
    value: &str,
    findings: &Findings,
) -> Value {
    let (_, kind, label, hint, autocomplete, required) = *spec;
    let id = field_id(pointer);
    let errors: Vec<&str> = findings
        .iter()
        .filter(|f| f["severity"] == "error" && f["path"].as_str() == Some(pointer))
        .filter_map(|f| f["message"].as_str())
        .collect();
    let (widget, options): (&str, Vec<Value>) = match kind {
        Kind::Text | Kind::Kana => ("text", vec![]),
        Kind::Textarea => ("textarea", vec![]),
        Kind::Email => ("email", vec![]),
        Kind::Tel => ("tel", vec![]),
        Kind::Postal => ("postal", vec![]),
        Kind::Count => ("count", vec![]),
        Kind::Prefecture => (
            "select",
            std::iter::once(json!({ "value": "", "label": message(locale, "apply-choose") }))
                .chain(
                    domain::prefecture::ALL
                        .iter()
                        .map(|p| json!({ "value": p, "label": p })),
                )
                .collect(),
        ),
        Kind::YesNo => (
            "radio",
            vec![
                json!({ "value": "yes", "label": message(locale, "apply-yes") }),
                json!({ "value": "no", "label": message(locale, "apply-no") }),
            ],
        ),
        Kind::Choice(choices) => (
            "radio",
            choices
                .iter()
                .map(|(value, label)| json!({ "value": value, "label": message(locale, label) }))
                .collect(),
        ),
    };
    json!({
        "id": id,
        "name": pointer,
        "widget": widget,
        "label": message(locale, label),
        "hint": hint.map(|h| message(locale, h)),
        "autocomplete": autocomplete,
        "required": required,
        "value": value,
        "options": options,
        "error": errors.join(" "),
    })
}

/// The fields of a step under `prefix`, with their current values.
fn fields(
    locale: Locale,
    document: &Value,
    prefix: &str,
    specs: &[FieldSpec],
    findings: &Findings,
) -> Vec<Value> {
    specs
        .iter()
        .map(|spec| {
            let pointer = format!("{prefix}{}", spec.0);
            let value = shown(document.pointer(&pointer), spec.1);
            field_json(locale, &pointer, spec, &value, findings)
        })
        .collect()
}

/// The error summary of a step: every error under one of `prefixes`, linked to its field (or
/// to `fallback` when no field of the page has that path).
fn summary(
    findings: &Findings,
    prefixes: &[String],
    page_fields: &[Value],
    fallback: &str,
) -> Vec<Value> {
    findings
        .iter()
        .filter(|f| f["severity"] == "error")
        .filter(|f| {
            let path = f["path"].as_str().unwrap_or_default();
            prefixes.iter().any(|p| path == p || path.starts_with(&format!("{p}/")))
        })
        .map(|f| {
            let id = field_id(f["path"].as_str().unwrap_or_default());
            let known = page_fields.iter().any(|field| field["id"] == id.as_str());
            json!({ "field": if known { id } else { fallback.to_owned() }, "message": f["message"] })
        })
        .collect()
}

/// What the step pages edit: the draft behind a mailed link (`/apply/{token}/…`), or a
/// registered applicant's working copy of the registered record (`/my/change/…`, filed as a
/// change notification). Every page below works on either.
#[derive(Debug, Clone)]
pub(crate) enum Workspace {
    /// The draft of the mailed link with this token.
    Draft(String),
    /// The logged-in applicant's working copy of its registered record.
    Change(registrar::Session),
}

impl Workspace {
    /// The path the step pages hang under.
    fn root(&self) -> String {
        match self {
            Workspace::Draft(token) => format!("/apply/{token}"),
            Workspace::Change(_) => "/my/change".to_owned(),
        }
    }

    fn is_change(&self) -> bool {
        matches!(self, Workspace::Change(_))
    }
}

impl axum::extract::FromRequestParts<AppState> for Workspace {
    type Rejection = Response;

    /// The draft when the path names a token; otherwise the logged-in applicant's working
    /// copy (to the login page without a session).
    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &AppState,
    ) -> Result<Self, Response> {
        let params = axum::extract::RawPathParams::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        if let Some((_, token)) = params.iter().find(|(name, _)| *name == "token") {
            return Ok(Workspace::Draft(token.to_owned()));
        }
        let Ok(RequestLocale(locale)) = RequestLocale::from_request_parts(parts, state).await;
        state
            .registrar
            .session(crate::extract::cookie(
                &parts.headers,
                state.session_cookie(),
            ))
            .await
            .map(Workspace::Change)
            .map_err(|_| Redirect::to(&format!("/login?lang={}", locale.tag())).into_response())
    }
}

/// Where the workspace stands: the document, or a page that says why it cannot be used.
async fn open(
    state: &AppState,
    ws: &Workspace,
    locale: Locale,
) -> Result<registrar::DraftView, Response> {
    let result = match ws {
        Workspace::Draft(token) => state.registrar.open_draft(token).await.map_err(|err| {
            let already = matches!(err, DraftError::AlreadySubmitted);
            (ApiError::from(err), already)
        }),
        Workspace::Change(session) => state
            .registrar
            .open_change_copy(session)
            .await
            .map_err(|err| (ApiError::from(err), true)),
    };
    result.map_err(|(error, to_account)| {
        let mut page = Page::new("message.html", "page-apply-title")
            .with("message", error.message(locale))
            .with("kind", "error")
            .status(error.status());
        if to_account {
            let (href, label) = if ws.is_change() {
                ("/my", "page-my-title")
            } else {
                ("/login", "page-login-title")
            };
            page = page
                .with("next_href", format!("{href}?lang={}", locale.tag()))
                .with("next_label", message(locale, label));
        }
        page.render(locale, &ws.root())
    })
}

async fn findings(state: &AppState, ws: &Workspace, locale: Locale) -> Findings {
    let report = match ws {
        Workspace::Draft(token) => state
            .registrar
            .check_draft(token)
            .await
            .map_err(|e| e.to_string()),
        Workspace::Change(session) => state
            .registrar
            .check_change_copy(session)
            .await
            .map_err(|e| e.to_string()),
    };
    match report {
        Ok(report) => report_json(&report, locale)
            .as_array()
            .cloned()
            .unwrap_or_default(),
        Err(err) => {
            tracing::warn!(error = %err, "check for a page failed");
            Vec::new()
        }
    }
}

/// The steps of the progress indicator, `current` marked.
fn progress(locale: Locale, root: &str, current: &str) -> Vec<Value> {
    [
        ("kind", "apply-step-kind"),
        ("applicant", "apply-step-applicant"),
        ("establishments", "apply-step-establishments"),
        ("confirm", "apply-step-confirm"),
    ]
    .iter()
    .map(|(step, label)| {
        json!({
            "href": format!("{root}/{step}"),
            "label": message(locale, label),
            "current": *step == current,
        })
    })
    .collect()
}

fn establishments(document: &Value) -> Vec<Value> {
    document["establishments"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// A time as Japan's clocks show it (`2026-11-23 14:05`).
fn japan_time(unix_ms: i64) -> String {
    let jst = chrono::FixedOffset::east_opt(9 * 3600);
    match (chrono::DateTime::from_timestamp_millis(unix_ms), jst) {
        (Some(t), Some(jst)) => t.with_timezone(&jst).format("%Y-%m-%d %H:%M").to_string(),
        _ => String::new(),
    }
}

/// The page of one step.
fn step_page(locale: Locale, ws: &Workspace, current: &str, title_id: &'static str) -> Page {
    let root = ws.root();
    Page::new("apply_step.html", title_id)
        .with("steps", progress(locale, &root, current))
        .with("root", root)
        .with("change", ws.is_change())
}

/// The step named in the path.
#[derive(Debug, Deserialize)]
pub(crate) struct StepPath {
    step: String,
}

/// The establishment and its step named in the path.
#[derive(Debug, Deserialize)]
pub(crate) struct EstablishmentPath {
    index: usize,
    step: String,
}

/// A query with an optional page number.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct PageQuery {
    page: Option<usize>,
}

/// `GET /apply/{token}`: where the application stands, and where to go next.
pub(crate) async fn overview(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    ws: Workspace,
) -> Response {
    let root = ws.root();
    let draft = match open(&state, &ws, locale).await {
        Ok(draft) => draft,
        Err(page) => return page,
    };
    let findings = findings(&state, &ws, locale).await;
    let errors_under = |prefix: &str| {
        findings
            .iter()
            .filter(|f| f["severity"] == "error")
            .filter(|f| {
                f["path"]
                    .as_str()
                    .is_some_and(|p| p == prefix || p.starts_with(&format!("{prefix}/")))
            })
            .count()
    };
    let sections = [
        (
            "kind",
            "apply-step-kind",
            errors_under("/founder") + errors_under("/public_body_class"),
            draft.document.get("founder").is_some_and(|v| !v.is_null()),
        ),
        (
            "applicant",
            "apply-step-applicant",
            errors_under("/applicant"),
            draft
                .document
                .get("applicant")
                .is_some_and(Value::is_object),
        ),
        (
            "establishments",
            "apply-step-establishments",
            errors_under("/establishments"),
            !establishments(&draft.document).is_empty(),
        ),
    ];
    let sections: Vec<Value> = sections
        .iter()
        .map(|(step, label, errors, started)| {
            let status = match (started, errors) {
                (false, _) => "not-started",
                (true, 0) => "complete",
                (true, _) => "problems",
            };
            json!({
                "href": format!("{root}/{step}"),
                "label": message(locale, label),
                "status": status,
                "status_label": message(locale, &format!("apply-status-{status}")),
                "errors": errors,
            })
        })
        .collect();
    step_page(locale, &ws, "", "apply-overview-title")
        .with("template_kind", "overview")
        .with("sections", sections)
        .with("expires", japan_time(draft.link_expires_at))
        .render(locale, &root)
}

/// Which simple step a path names: its document prefix, fields, title, and what comes next.
fn simple_step(
    step: &str,
    index: Option<usize>,
) -> Option<(String, &'static [FieldSpec], &'static str, &'static str)> {
    match (step, index) {
        ("kind", None) => Some((String::new(), KIND_FIELDS, "apply-step-kind", "applicant")),
        ("applicant", None) => Some((
            "/applicant".to_owned(),
            APPLICANT_FIELDS,
            "apply-step-applicant",
            "establishments",
        )),
        ("details", Some(i)) => Some((
            format!("/establishments/{i}"),
            ESTABLISHMENT_FIELDS,
            "apply-step-establishment",
            "lines",
        )),
        ("site", Some(i)) => Some((
            format!("/establishments/{i}/vaccination_site"),
            SITE_FIELDS,
            "apply-step-site",
            "establishments",
        )),
        _ => None,
    }
}

fn step_path(root: &str, step: &str, index: Option<usize>) -> String {
    match index {
        Some(i) => format!("{root}/establishments/{i}/{step}"),
        None => format!("{root}/{step}"),
    }
}

fn next_path(root: &str, next: &str, index: Option<usize>) -> String {
    match (next, index) {
        ("lines", Some(i)) => format!("{root}/establishments/{i}/lines"),
        (next, _) => format!("{root}/{next}"),
    }
}

async fn render_simple(
    locale: Locale,
    ws: &Workspace,
    step: &str,
    index: Option<usize>,
    document: &Value,
    findings: &Findings,
    show_errors: bool,
) -> Response {
    let root = ws.root();
    let Some((prefix, specs, title, _)) = simple_step(step, index) else {
        return super::not_found_page(locale, &step_path(&root, step, index));
    };
    let shown_findings: Findings = if show_errors {
        findings.clone()
    } else {
        Vec::new()
    };
    let page_fields = fields(locale, document, &prefix, specs, &shown_findings);
    let prefixes: Vec<String> = specs.iter().map(|s| format!("{prefix}{}", s.0)).collect();
    let errors = summary(&shown_findings, &prefixes, &page_fields, "main");
    let current = if index.is_some() {
        "establishments"
    } else {
        step
    };
    let mut page = step_page(locale, ws, current, title)
        .with("template_kind", "form")
        .with("action", step_path(&root, step, index))
        .with(
            "groups",
            json!([{ "legend": Value::Null, "fields": page_fields }]),
        )
        .status(if errors.is_empty() {
            StatusCode::OK
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        });
    if let Some(i) = index {
        let name = document
            .pointer(&format!("/establishments/{i}/name"))
            .and_then(Value::as_str)
            .unwrap_or_default();
        page = page.with("establishment", json!({ "number": i + 1, "name": name }));
    }
    page.with("errors", errors)
        .render(locale, &step_path(&root, step, index))
}

/// `GET /apply/{token}/{step}` for `kind` and `applicant`.
pub(crate) async fn step_form(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    ws: Workspace,
    Path(StepPath { step }): Path<StepPath>,
) -> Response {
    let draft = match open(&state, &ws, locale).await {
        Ok(draft) => draft,
        Err(page) => return page,
    };
    render_simple(
        locale,
        &ws,
        &step,
        None,
        &draft.document,
        &Vec::new(),
        false,
    )
    .await
}

/// `GET /apply/{token}/establishments/{i}/{step}` for `details` and `site`.
pub(crate) async fn establishment_step_form(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    ws: Workspace,
    Path(EstablishmentPath { index, step }): Path<EstablishmentPath>,
) -> Response {
    let root = ws.root();
    let draft = match open(&state, &ws, locale).await {
        Ok(draft) => draft,
        Err(page) => return page,
    };
    if index >= establishments(&draft.document).len() {
        return super::not_found_page(locale, &step_path(&root, &step, Some(index)));
    }
    if step == "lines" {
        return render_lines(
            locale,
            &ws,
            index,
            &draft.document,
            &Vec::new(),
            false,
            &state,
        )
        .await;
    }
    render_simple(
        locale,
        &ws,
        &step,
        Some(index),
        &draft.document,
        &Vec::new(),
        false,
    )
    .await
}

/// Saves the workspace; a page when it cannot be used.
async fn save(
    state: &AppState,
    ws: &Workspace,
    locale: Locale,
    document: Value,
) -> Result<(), Response> {
    let result = match ws {
        Workspace::Draft(token) => state
            .registrar
            .save_draft(token, document, locale)
            .await
            .map(drop)
            .map_err(ApiError::from),
        Workspace::Change(session) => state
            .registrar
            .save_change_copy(session, document)
            .await
            .map(drop)
            .map_err(ApiError::from),
    };
    result.map_err(|error| super::failure_page(locale, &ws.root(), &error))
}

/// Applies a posted simple step to the document.
fn apply_simple(
    document: &mut Value,
    prefix: &str,
    specs: &[FieldSpec],
    form: &[(String, String)],
) {
    for spec in specs {
        let pointer = format!("{prefix}{}", spec.0);
        let typed = form
            .iter()
            .find(|(name, _)| *name == pointer)
            .map_or("", |(_, v)| v.as_str());
        set_pointer(document, &pointer, stored(typed, spec.1));
    }
}

async fn post_simple(
    state: AppState,
    locale: Locale,
    ws: Workspace,
    step: String,
    index: Option<usize>,
    form: Vec<(String, String)>,
) -> Response {
    let root = ws.root();
    let Some((prefix, specs, _, next)) = simple_step(&step, index) else {
        return super::not_found_page(locale, &step_path(&root, &step, index));
    };
    let draft = match open(&state, &ws, locale).await {
        Ok(draft) => draft,
        Err(page) => return page,
    };
    let mut document = draft.document;
    if !document.is_object() {
        document = json!({});
    }
    if index.is_some_and(|i| i >= establishments(&document).len()) {
        return super::not_found_page(locale, &step_path(&root, &step, index));
    }
    apply_simple(&mut document, &prefix, specs, &form);
    if let Err(page) = save(&state, &ws, locale, document.clone()).await {
        return page;
    }
    let findings = findings(&state, &ws, locale).await;
    let prefixes: Vec<String> = specs.iter().map(|s| format!("{prefix}{}", s.0)).collect();
    let blocking = findings.iter().any(|f| {
        f["severity"] == "error"
            && f["path"].as_str().is_some_and(|p| {
                prefixes
                    .iter()
                    .any(|q| p == q || p.starts_with(&format!("{q}/")))
            })
    });
    if blocking {
        return render_simple(locale, &ws, &step, index, &document, &findings, true).await;
    }
    Redirect::to(&format!(
        "{}?lang={}",
        next_path(&root, next, index),
        locale.tag()
    ))
    .into_response()
}

/// `POST /apply/{token}/{step}` for `kind` and `applicant`.
pub(crate) async fn step_submit(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    ws: Workspace,
    Path(StepPath { step }): Path<StepPath>,
    Form(form): Form<Vec<(String, String)>>,
) -> Response {
    post_simple(state, locale, ws, step, None, form).await
}

/// `POST /apply/{token}/establishments/{i}/{step}` for `details`, `lines` and `site`.
pub(crate) async fn establishment_step_submit(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    ws: Workspace,
    Path(EstablishmentPath { index, step }): Path<EstablishmentPath>,
    Form(form): Form<Vec<(String, String)>>,
) -> Response {
    if step == "lines" {
        return post_lines(state, locale, ws, index, form).await;
    }
    post_simple(state, locale, ws, step, Some(index), form).await
}

// ---- business lines ----

/// Every business type the installed plugins declare, as choices `type/sub1[/sub2]` grouped
/// by business type, with labels in the page's language.
fn business_line_choices(state: &AppState, locale: Locale) -> Vec<Value> {
    let set = state.registrar.plugins();
    let mut groups = Vec::new();
    for plugin in set.plugins() {
        let text = |id: &str| plugin.message(locale, id, &[]);
        for t in &plugin.catalogue().business_types {
            let mut options = Vec::new();
            for s in &t.sub_types {
                if s.sub_types_two.is_empty() {
                    options.push(
                        json!({ "value": format!("{}/{}", t.id, s.id), "label": text(&s.label) }),
                    );
                }
                for (id, label) in &s.sub_types_two {
                    options.push(json!({
                        "value": format!("{}/{}/{}", t.id, s.id, id),
                        "label": format!("{} — {}", text(&s.label), text(label)),
                    }));
                }
            }
            groups.push(json!({ "label": text(&t.label), "options": options }));
        }
    }
    groups
}

const LINE_COUNTS: &[(&str, &str, Option<&str>)] = &[
    (
        "/registered_staff_own",
        "apply-field-staff-own",
        Some("apply-hint-staff-own"),
    ),
    (
        "/registered_staff_external",
        "apply-field-staff-external",
        Some("apply-hint-staff-external"),
    ),
];

async fn render_lines(
    locale: Locale,
    ws: &Workspace,
    index: usize,
    document: &Value,
    findings: &Findings,
    show_errors: bool,
    state: &AppState,
) -> Response {
    let root = ws.root();
    let empty = Vec::new();
    let findings = if show_errors { findings } else { &empty };
    let base = format!("/establishments/{index}/business_lines");
    let lines = document
        .pointer(&base)
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let choices = business_line_choices(state, locale);
    let mut groups = Vec::new();
    // The lines there are, and one empty line to add another.
    for j in 0..=lines.len() {
        let line = lines.get(j).cloned().unwrap_or(Value::Null);
        let prefix = format!("{base}/{j}");
        let combo = ["business_type", "sub_type_1", "sub_type_2"]
            .iter()
            .map_while(|k| {
                line.get(*k)
                    .and_then(Value::as_str)
                    .filter(|s| !s.is_empty())
            })
            .collect::<Vec<_>>()
            .join("/");
        let type_pointer = format!("{prefix}/business_type");
        let type_errors: Vec<&str> = findings
            .iter()
            .filter(|f| f["severity"] == "error")
            .filter(|f| {
                f["path"].as_str().is_some_and(|p| {
                    ["business_type", "sub_type_1", "sub_type_2"]
                        .iter()
                        .any(|k| p == format!("{prefix}/{k}"))
                })
            })
            .filter_map(|f| f["message"].as_str())
            .collect();
        let mut fields = vec![json!({
            "id": field_id(&type_pointer),
            "name": type_pointer,
            "widget": "grouped-select",
            "label": message(locale, "apply-field-business-line"),
            "hint": message(locale, "apply-hint-business-line"),
            "autocomplete": "",
            "required": j < lines.len(),
            "value": combo,
            "groups": choices,
            "choose": message(locale, "apply-choose"),
            "error": type_errors.join(" "),
        })];
        for (suffix, label, hint) in LINE_COUNTS {
            let pointer = format!("{prefix}{suffix}");
            let spec: FieldSpec = (suffix, Kind::Count, label, *hint, "", j < lines.len());
            let value = shown(document.pointer(&pointer), Kind::Count);
            let mut field = field_json(locale, &pointer, &spec, &value, findings);
            if *suffix == "/registered_staff_own" {
                field["fte"] = json!(true);
            }
            fields.push(field);
        }
        let note = format!("{prefix}/note");
        let spec: FieldSpec = (
            "/note",
            Kind::Textarea,
            "apply-field-line-note",
            Some("apply-hint-line-note"),
            "",
            false,
        );
        fields.push(field_json(
            locale,
            &note,
            &spec,
            &shown(document.pointer(&note), Kind::Textarea),
            findings,
        ));
        let legend = if j < lines.len() {
            Catalog::embedded().message(
                locale,
                "apply-line-legend",
                &[("number", i64::try_from(j + 1).unwrap_or(0).into())],
            )
        } else {
            message(locale, "apply-line-new-legend")
        };
        groups.push(json!({ "legend": legend, "fields": fields }));
    }
    let page_fields: Vec<Value> = groups
        .iter()
        .flat_map(|g| g["fields"].as_array().cloned().unwrap_or_default())
        .collect();
    let errors = summary(findings, std::slice::from_ref(&base), &page_fields, "main");
    let name = document
        .pointer(&format!("/establishments/{index}/name"))
        .and_then(Value::as_str)
        .unwrap_or_default();
    step_page(locale, ws, "establishments", "apply-step-lines")
        .with("template_kind", "form")
        .with("action", step_path(&root, "lines", Some(index)))
        .with("groups", groups)
        .with(
            "establishment",
            json!({ "number": index + 1, "name": name }),
        )
        .status(if errors.is_empty() {
            StatusCode::OK
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        })
        .with("errors", errors)
        .render(locale, &step_path(&root, "lines", Some(index)))
}

async fn post_lines(
    state: AppState,
    locale: Locale,
    ws: Workspace,
    index: usize,
    form: Vec<(String, String)>,
) -> Response {
    let root = ws.root();
    let draft = match open(&state, &ws, locale).await {
        Ok(draft) => draft,
        Err(page) => return page,
    };
    let mut document = draft.document;
    if index >= establishments(&document).len() {
        return super::not_found_page(locale, &step_path(&root, "lines", Some(index)));
    }
    let base = format!("/establishments/{index}/business_lines");
    let old = document
        .pointer(&base)
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let typed = |name: &str| {
        form.iter()
            .find(|(n, _)| n == name)
            .map_or("", |(_, v)| v.trim())
    };
    let mut lines = Vec::new();
    for j in 0..=old.len() {
        let prefix = format!("{base}/{j}");
        let combo = typed(&format!("{prefix}/business_type"));
        let own = typed(&format!("{prefix}/registered_staff_own"));
        let external = typed(&format!("{prefix}/registered_staff_external"));
        let note = typed(&format!("{prefix}/note"));
        let blank = combo.is_empty() && own.is_empty() && external.is_empty() && note.is_empty();
        if blank && j == old.len() {
            continue; // the empty "add a line" row left empty
        }
        let mut parts = combo.split('/');
        let mut line: Map<String, Value> = old
            .get(j)
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        for key in ["business_type", "sub_type_1", "sub_type_2"] {
            line.insert(
                key.to_owned(),
                parts
                    .next()
                    .map_or(Value::Null, |s| Value::String(s.to_owned())),
            );
        }
        line.insert("registered_staff_own".to_owned(), stored(own, Kind::Count));
        line.insert(
            "registered_staff_external".to_owned(),
            stored(external, Kind::Count),
        );
        line.insert("note".to_owned(), stored(note, Kind::Textarea));
        line.entry("extra").or_insert_with(|| json!({}));
        lines.push(Value::Object(line));
    }
    // A line whose every field was cleared is removed.
    set_pointer(&mut document, &base, Value::Array(lines));
    if let Err(page) = save(&state, &ws, locale, document.clone()).await {
        return page;
    }
    let findings = findings(&state, &ws, locale).await;
    let blocking = findings.iter().any(|f| {
        f["severity"] == "error"
            && f["path"]
                .as_str()
                .is_some_and(|p| p == base || p.starts_with(&format!("{base}/")))
    });
    if blocking {
        return render_lines(locale, &ws, index, &document, &findings, true, &state).await;
    }
    Redirect::to(&format!(
        "{root}/establishments/{index}/site?lang={}",
        locale.tag()
    ))
    .into_response()
}

// ---- the establishments table ----

/// `GET /apply/{token}/establishments`: the establishments, a page at a time.
pub(crate) async fn establishment_list(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    ws: Workspace,
    Query(query): Query<PageQuery>,
) -> Response {
    list_page(&state, locale, &ws, query.page, Vec::new()).await
}

/// The establishments table, with `errors` (an upload problem) in the summary.
async fn list_page(
    state: &AppState,
    locale: Locale,
    ws: &Workspace,
    page: Option<usize>,
    errors: Vec<Value>,
) -> Response {
    let root = ws.root();
    let draft = match open(state, ws, locale).await {
        Ok(draft) => draft,
        Err(page) => return page,
    };
    let findings = findings(state, ws, locale).await;
    let all = establishments(&draft.document);
    let pages = all.len().div_ceil(PAGE_SIZE).max(1);
    let page_number = page.unwrap_or(1).clamp(1, pages);
    let rows: Vec<Value> = all
        .iter()
        .enumerate()
        .skip((page_number - 1) * PAGE_SIZE)
        .take(PAGE_SIZE)
        .map(|(i, e)| {
            let prefix = format!("/establishments/{i}");
            let problems = findings
                .iter()
                .filter(|f| f["severity"] == "error")
                .filter(|f| f["path"].as_str().is_some_and(|p| p == prefix || p.starts_with(&format!("{prefix}/"))))
                .count();
            let staff: i64 = e["business_lines"]
                .as_array()
                .map(|lines| {
                    lines
                        .iter()
                        .map(|l| l["registered_staff_own"].as_i64().unwrap_or(0) + l["registered_staff_external"].as_i64().unwrap_or(0))
                        .sum()
                })
                .unwrap_or(0);
            json!({
                "index": i,
                "number": i + 1,
                "name": e["name"].as_str().unwrap_or_default(),
                "address": format!("{}{}{}", e["prefecture"].as_str().unwrap_or_default(), e["city"].as_str().unwrap_or_default(), e["street"].as_str().unwrap_or_default()),
                "lines": e["business_lines"].as_array().map_or(0, Vec::len),
                "staff": staff,
                "problems": problems,
                "problems_label": Catalog::embedded().message(locale, "apply-establishment-problems", &[("count", i64::try_from(problems).unwrap_or(0).into())]),
            })
        })
        .collect();
    let page_links: Vec<Value> = (1..=pages)
        .map(|n| json!({ "number": n, "href": format!("{root}/establishments?page={n}&lang={}", locale.tag()), "current": n == page_number }))
        .collect();
    step_page(locale, ws, "establishments", "apply-step-establishments")
        .with("template_kind", "establishments")
        .with("rows", rows)
        .with("total", all.len())
        .with("pages", if pages > 1 { page_links } else { Vec::new() })
        .with("action", format!("{root}/establishments"))
        .status(if errors.is_empty() {
            StatusCode::OK
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        })
        .with("errors", errors)
        .render(locale, &format!("{root}/establishments"))
}

/// The table's buttons: `add`, `copy:<i>`, `delete:<i>`.
#[derive(Debug, Deserialize)]
pub(crate) struct TableAction {
    action: String,
}

/// `POST /apply/{token}/establishments`: adds, copies or deletes an establishment.
pub(crate) async fn establishment_action(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    ws: Workspace,
    Form(form): Form<TableAction>,
) -> Response {
    let root = ws.root();
    let draft = match open(&state, &ws, locale).await {
        Ok(draft) => draft,
        Err(page) => return page,
    };
    let mut document = draft.document;
    if !document.is_object() {
        document = json!({});
    }
    let mut list = establishments(&document);
    let (verb, index) = form
        .action
        .split_once(':')
        .map_or((form.action.as_str(), None), |(v, i)| {
            (v, i.parse::<usize>().ok())
        });
    let target = match (verb, index) {
        ("add", _) => {
            list.push(json!({ "business_lines": [] }));
            Some(list.len() - 1)
        }
        ("copy", Some(i)) if i < list.len() => {
            let mut copy = list[i].clone();
            if let Some(name) = copy.get("name").and_then(Value::as_str) {
                copy["name"] = json!(format!("{name} {}", message(locale, "apply-copy-suffix")));
            }
            list.insert(i + 1, copy);
            Some(i + 1)
        }
        ("delete", Some(i)) if i < list.len() => {
            list.remove(i);
            None
        }
        _ => return super::not_found_page(locale, &format!("{root}/establishments")),
    };
    document["establishments"] = Value::Array(list);
    if let Err(page) = save(&state, &ws, locale, document).await {
        return page;
    }
    let to = match target {
        Some(i) => format!("{root}/establishments/{i}/details?lang={}", locale.tag()),
        None => format!("{root}/establishments?lang={}", locale.tag()),
    };
    Redirect::to(&to).into_response()
}

// ---- the Excel upload: a dry run first, then replace on confirmation ----

fn import_error_message(locale: Locale, error: &workbook::ImportError) -> String {
    use workbook::ImportError as E;
    let catalog = Catalog::embedded();
    let mb = |bytes: u64| i64::try_from(bytes / (1024 * 1024)).unwrap_or(i64::MAX);
    match error {
        E::NotXlsx => catalog.message(locale, "apply-import-not-xlsx", &[]),
        E::TooLarge { max } => catalog.message(
            locale,
            "apply-import-too-large",
            &[("max", mb(*max as u64).into())],
        ),
        E::TooLargeUncompressed { max } => catalog.message(
            locale,
            "apply-import-too-large",
            &[("max", mb(*max).into())],
        ),
        E::TooManyRows { max } => catalog.message(
            locale,
            "apply-import-too-many-rows",
            &[("max", i64::from(*max).into())],
        ),
        E::TooManyColumns { max } => catalog.message(
            locale,
            "apply-import-too-many-columns",
            &[("max", i64::from(*max).into())],
        ),
        E::NoKeyRow => catalog.message(locale, "apply-import-no-key-row", &[]),
        E::MissingColumns(columns) => {
            let names: Vec<String> = columns
                .iter()
                .map(|c| message(locale, &format!("workbook-column-{c}")))
                .collect();
            catalog.message(
                locale,
                "apply-import-missing-columns",
                &[("columns", names.join("、").into())],
            )
        }
    }
}

/// The establishments page with an upload problem in its error summary.
async fn establishments_with_error(
    state: &AppState,
    locale: Locale,
    ws: &Workspace,
    text: String,
) -> Response {
    list_page(
        state,
        locale,
        ws,
        None,
        vec![json!({ "field": "file", "message": text })],
    )
    .await
}

/// `POST /apply/{token}/establishments/upload` (multipart, field `file`): reads the workbook
/// and shows the dry run — every problem by row and column, or what would replace the draft's
/// establishments. Nothing in the draft changes here.
pub(crate) async fn upload(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    ws: Workspace,
    mut multipart: axum::extract::Multipart,
) -> Response {
    let root = ws.root();
    let path = format!("{root}/establishments/upload");
    let draft = match open(&state, &ws, locale).await {
        Ok(draft) => draft,
        Err(page) => return page,
    };
    let mut bytes = None;
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) if field.name() == Some("file") => match field.bytes().await {
                Ok(data) => {
                    bytes = Some(data);
                    break;
                }
                Err(_) => break,
            },
            Ok(Some(_)) => {}
            Ok(None) | Err(_) => break,
        }
    }
    let Some(bytes) = bytes.filter(|b| !b.is_empty()) else {
        return establishments_with_error(
            &state,
            locale,
            &ws,
            message(locale, "apply-import-no-file"),
        )
        .await;
    };
    let import = match workbook::import_establishments(&bytes, &workbook::ImportLimits::default()) {
        Ok(import) => import,
        Err(err) => {
            return establishments_with_error(
                &state,
                locale,
                &ws,
                import_error_message(locale, &err),
            )
            .await;
        }
    };
    let catalog = Catalog::embedded();
    if !import.problems.is_empty() {
        let problems: Vec<Value> = import
            .problems
            .iter()
            .map(|p| {
                let args: Vec<(&str, i18n::ArgValue)> = p.args.iter().map(|(k, v)| (*k, (*v).into())).collect();
                json!({
                    "row": p.row,
                    "column": p.column.map(|c| message(locale, &format!("workbook-column-{c}"))).unwrap_or_default(),
                    "message": catalog.message(locale, &format!("workbook-problem-{}", p.code), &args),
                })
            })
            .collect();
        return step_page(locale, &ws, "establishments", "apply-import-title")
            .with("template_kind", "import")
            .with("problems", problems)
            .with("errors", json!([{ "field": "import-problems", "message": catalog.message(locale, "apply-import-problems", &[("count", i64::try_from(import.problems.len()).unwrap_or(0).into())]) }]))
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .render(locale, &path);
    }
    let staged = match &ws {
        Workspace::Draft(token) => state
            .registrar
            .stage_import(token, &import.establishments)
            .await
            .map_err(ApiError::from),
        Workspace::Change(session) => state
            .registrar
            .stage_change_import(session, &import.establishments)
            .await
            .map_err(ApiError::from),
    };
    if let Err(error) = staged {
        return super::failure_page(locale, &path, &error);
    }
    let lines: usize = import
        .establishments
        .iter()
        .map(|e| e["business_lines"].as_array().map_or(0, Vec::len))
        .sum();
    let staff: i64 = import
        .establishments
        .iter()
        .flat_map(|e| e["business_lines"].as_array().cloned().unwrap_or_default())
        .map(|l| {
            l["registered_staff_own"].as_i64().unwrap_or(0)
                + l["registered_staff_external"].as_i64().unwrap_or(0)
        })
        .sum();
    let preview: Vec<Value> = import
        .establishments
        .iter()
        .take(PAGE_SIZE)
        .enumerate()
        .map(|(i, e)| json!({
            "number": i + 1,
            "name": e["name"],
            "address": format!("{}{}{}", e["prefecture"].as_str().unwrap_or_default(), e["city"].as_str().unwrap_or_default(), e["street"].as_str().unwrap_or_default()),
            "lines": e["business_lines"].as_array().map_or(0, Vec::len),
        }))
        .collect();
    let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
    step_page(locale, &ws, "establishments", "apply-import-title")
        .with("template_kind", "import")
        .with("problems", Vec::<Value>::new())
        .with("preview", preview)
        .with(
            "summary",
            catalog.message(
                locale,
                "apply-import-preview",
                &[
                    ("establishments", count(import.establishments.len()).into()),
                    ("lines", count(lines).into()),
                    ("staff", staff.into()),
                    (
                        "current",
                        count(establishments(&draft.document).len()).into(),
                    ),
                ],
            ),
        )
        .with("action", format!("{root}/establishments/import"))
        .render(locale, &path)
}

/// `POST /apply/{token}/establishments/import`: the confirmed dry run replaces the draft's
/// establishments (one transaction).
pub(crate) async fn apply_import(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    ws: Workspace,
) -> Response {
    let root = ws.root();
    let applied = match &ws {
        Workspace::Draft(token) => state
            .registrar
            .apply_import(token)
            .await
            .map_err(ApiError::from),
        Workspace::Change(session) => state
            .registrar
            .apply_change_import(session)
            .await
            .map_err(ApiError::from),
    };
    match applied {
        Ok(_) => {
            Redirect::to(&format!("{root}/establishments?lang={}", locale.tag())).into_response()
        }
        Err(error) => super::failure_page(locale, &format!("{root}/establishments"), &error),
    }
}

// ---- confirmation and submission ----

/// `GET /apply/{token}/confirm`: everything entered, every finding, and the submit button.
pub(crate) async fn confirm(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    ws: Workspace,
) -> Response {
    let draft = match open(&state, &ws, locale).await {
        Ok(draft) => draft,
        Err(page) => return page,
    };
    let findings = findings(&state, &ws, locale).await;
    let changes = change_preview(&state, &ws, locale).await;
    confirm_page(
        locale,
        &ws,
        &draft,
        (&findings, &changes),
        Vec::new(),
        StatusCode::OK,
    )
}

/// The changes of the working copy against the registered record, as table rows (none for a
/// draft, or while the copy has no change or has errors).
async fn change_preview(state: &AppState, ws: &Workspace, locale: Locale) -> Vec<Value> {
    let Workspace::Change(session) = ws else {
        return Vec::new();
    };
    match state.registrar.preview_change_copy(session).await {
        Ok(preview) => change_rows(&preview["changes"], locale),
        Err(_) => Vec::new(),
    }
}

/// A list of changes (`path`, `before`, `after`, `notification`, `reason`) as table rows:
/// where the field is (establishment, business line, field label) and the values as text.
pub(crate) fn change_rows(changes: &Value, locale: Locale) -> Vec<Value> {
    let catalog = Catalog::embedded();
    let number = |segment: Option<&str>| {
        segment
            .and_then(|s| s.parse::<i64>().ok())
            .map_or(0, |n| n + 1)
    };
    changes
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .map(|change| {
            let path = change["path"].as_str().unwrap_or_default();
            let segments: Vec<&str> = path.split('/').skip(1).collect();
            let mut place = Vec::new();
            if segments.first() == Some(&"establishments") && segments.len() > 1 {
                place.push(catalog.message(
                    locale,
                    "apply-establishment-caption",
                    &[("number", number(segments.get(1).copied()).into())],
                ));
                if segments.get(2) == Some(&"business_lines") && segments.len() > 3 {
                    place.push(catalog.message(
                        locale,
                        "apply-line-legend",
                        &[("number", number(segments.get(3).copied()).into())],
                    ));
                } else if segments.get(2) == Some(&"vaccination_site") {
                    place.push(message(locale, "apply-step-site"));
                }
            } else if segments.first() == Some(&"applicant") {
                place.push(message(locale, "apply-step-applicant"));
            }
            if path.ends_with("/registered_staff_total") {
                place.push(message(locale, "change-field-registered-staff-total"));
            } else if let Some(spec) =
                spec_of(path).filter(|_| segments.len() > 2 || segments[0] != "establishments")
            {
                place.push(message(locale, spec.2));
            }
            let required = change["notification"] == "required";
            let reason = change["reason"].as_str().unwrap_or("none");
            json!({
                "path": path,
                "label": if place.is_empty() { path.to_owned() } else { place.join(" › ") },
                "before": value_text(&change["before"], locale),
                "after": value_text(&change["after"], locale),
                "required": required,
                "reason": message(locale, &format!("change-reason-{reason}")),
            })
        })
        .collect()
}

/// A document value as a person reads it: text as typed, `—` for nothing, an establishment or
/// a business line by its name or type.
fn value_text(value: &Value, locale: Locale) -> String {
    match value {
        Value::Null => "—".to_owned(),
        Value::String(s) if s.is_empty() => "—".to_owned(),
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(true) => message(locale, "apply-yes"),
        Value::Bool(false) => message(locale, "apply-no"),
        Value::Array(items) => items
            .iter()
            .map(|item| value_text(item, locale))
            .collect::<Vec<_>>()
            .join("、"),
        Value::Object(map) => map
            .get("name")
            .and_then(Value::as_str)
            .map(str::to_owned)
            .or_else(|| {
                let kind = ["business_type", "sub_type_1", "sub_type_2"]
                    .iter()
                    .filter_map(|k| map.get(*k).and_then(Value::as_str))
                    .collect::<Vec<_>>()
                    .join("/");
                (!kind.is_empty()).then_some(kind)
            })
            .unwrap_or_else(|| "…".to_owned()),
    }
}

fn confirm_page(
    locale: Locale,
    ws: &Workspace,
    draft: &registrar::DraftView,
    (findings, changes): (&Findings, &[Value]),
    errors: Vec<Value>,
    status: StatusCode,
) -> Response {
    let root = ws.root();
    let document = &draft.document;
    let applicant: Vec<Value> = APPLICANT_FIELDS
        .iter()
        .map(|spec| {
            let value = shown(document.pointer(&format!("/applicant{}", spec.0)), spec.1);
            let value = match (spec.1, value.as_str()) {
                (Kind::YesNo, "yes") => message(locale, "apply-yes"),
                (Kind::YesNo, "no") => message(locale, "apply-no"),
                _ => value,
            };
            json!({ "label": message(locale, spec.2), "value": value })
        })
        .collect();
    let with_step = |f: &Value| {
        let path = f["path"].as_str().unwrap_or_default();
        let href = if let Some(rest) = path.strip_prefix("/establishments/") {
            let i = rest.split('/').next().unwrap_or("0");
            let sub = if rest.contains("/business_lines") {
                "lines"
            } else if rest.contains("/vaccination_site") {
                "site"
            } else {
                "details"
            };
            format!("{root}/establishments/{i}/{sub}")
        } else if path.starts_with("/applicant") {
            format!("{root}/applicant")
        } else if path == "/establishments" {
            format!("{root}/establishments")
        } else {
            format!("{root}/kind")
        };
        json!({ "severity": f["severity"], "message": f["message"], "href": href })
    };
    // The declaration is made by the checkbox on this page, not in an earlier step.
    let others = || {
        findings
            .iter()
            .filter(|f| f["path"] != "/declaration_truthful")
    };
    let blocking: Vec<Value> = others()
        .filter(|f| f["severity"] == "error")
        .map(with_step)
        .collect();
    let notes: Vec<Value> = others()
        .filter(|f| f["severity"] != "error")
        .map(with_step)
        .collect();
    let total: i64 = establishments(document)
        .iter()
        .flat_map(|e| e["business_lines"].as_array().cloned().unwrap_or_default())
        .map(|l| {
            l["registered_staff_own"].as_i64().unwrap_or(0)
                + l["registered_staff_external"].as_i64().unwrap_or(0)
        })
        .sum();
    step_page(locale, ws, "confirm", "apply-step-confirm")
        .with("template_kind", "confirm")
        .with("applicant_rows", applicant)
        .with("establishment_count", establishments(document).len())
        .with("staff_total", total)
        .with("blocking", blocking)
        .with("notes", notes)
        .with("changes", changes)
        .with("revision", draft.revision)
        .with("idempotency_key", uuid::Uuid::new_v4().to_string())
        .with("action", format!("{root}/submit"))
        .with("errors", errors)
        .status(status)
        .render(locale, &format!("{root}/confirm"))
}

/// The submit form: the declaration and the idempotency key of this rendering of the page.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct SubmitForm {
    #[serde(default)]
    declaration: String,
    #[serde(default)]
    key: String,
}

/// `POST /apply/{token}/submit`: records the declaration and submits (a second click with the
/// same key gets the same receipt, never a second submission).
pub(crate) async fn submit(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    ws: Workspace,
    Form(form): Form<SubmitForm>,
) -> Response {
    let root = ws.root();
    let path = format!("{root}/submit");
    // After a submission the draft no longer opens; a second click still gets its receipt.
    let opened = open(&state, &ws, locale).await;
    if form.declaration != "yes" {
        let draft = match opened {
            Ok(draft) => draft,
            Err(page) => return page,
        };
        let findings = findings(&state, &ws, locale).await;
        let changes = change_preview(&state, &ws, locale).await;
        let error = json!([{ "field": "declaration", "message": message(locale, "apply-declaration-required") }]);
        return confirm_page(
            locale,
            &ws,
            &draft,
            (&findings, &changes),
            error.as_array().cloned().unwrap_or_default(),
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    if let Ok(draft) = opened
        && draft.document.get("declaration_truthful") != Some(&Value::Bool(true))
    {
        let mut document = draft.document;
        document["declaration_truthful"] = json!(true);
        if let Err(page) = save(&state, &ws, locale, document).await {
            return page;
        }
    }
    let token = match &ws {
        Workspace::Draft(token) => token.clone(),
        Workspace::Change(session) => return file_change(&state, locale, &ws, session).await,
    };
    match state
        .registrar
        .submit_draft(&token, Some(&form.key), b"")
        .await
    {
        Ok(SubmitOutcome::Submitted(receipt)) => Page::new("message.html", "apply-submitted-title")
            .with(
                "message",
                Catalog::embedded().message(
                    locale,
                    "apply-submitted",
                    &[(
                        "id",
                        receipt.body["application_id"]
                            .as_str()
                            .unwrap_or_default()
                            .into(),
                    )],
                ),
            )
            .with("kind", "ok")
            .render(locale, &path),
        Ok(SubmitOutcome::Rejected(report)) => {
            let draft = match open(&state, &ws, locale).await {
                Ok(draft) => draft,
                Err(page) => return page,
            };
            let findings = report_json(&report, locale)
                .as_array()
                .cloned()
                .unwrap_or_default();
            let error = vec![
                json!({ "field": "findings", "message": message(locale, "apply-fix-before-submit") }),
            ];
            confirm_page(
                locale,
                &ws,
                &draft,
                (&findings, &[]),
                error,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        Err(SubmitError::Draft(DraftError::AlreadySubmitted)) => {
            Page::new("message.html", "apply-submitted-title")
                .with(
                    "message",
                    message(locale, "error-application_already_submitted"),
                )
                .with("next_href", format!("/login?lang={}", locale.tag()))
                .with("next_label", message(locale, "page-login-title"))
                .render(locale, &path)
        }
        Err(err) => {
            let error = ApiError::from(err);
            super::failure_page(locale, &path, &error)
        }
    }
}

/// Files the working copy as a change: applied at once when no change needs a notification,
/// otherwise sent to the owning ministries; a page that says which.
async fn file_change(
    state: &AppState,
    locale: Locale,
    ws: &Workspace,
    session: &registrar::Session,
) -> Response {
    let root = ws.root();
    let path = format!("{root}/submit");
    let filed = match state.registrar.file_change_copy(session).await {
        Ok(filed) => Ok(filed["status"] == "pending"),
        // A second click on the button: the first one filed it.
        Err(registrar::ApplicantError::Conflict("change_already_pending")) => Ok(true),
        Err(err) => Err(err),
    };
    match filed {
        Ok(pending) => Page::new(
            "message.html",
            if pending {
                "change-filed-title"
            } else {
                "change-applied-title"
            },
        )
        .with(
            "message",
            message(
                locale,
                if pending {
                    "change-filed"
                } else {
                    "change-applied"
                },
            ),
        )
        .with("kind", "ok")
        .with("next_href", format!("/my?lang={}", locale.tag()))
        .with("next_label", message(locale, "page-my-title"))
        .render(locale, &path),
        Err(registrar::ApplicantError::Findings(report)) => {
            let draft = match open(state, ws, locale).await {
                Ok(draft) => draft,
                Err(page) => return page,
            };
            let findings = report_json(&report, locale)
                .as_array()
                .cloned()
                .unwrap_or_default();
            let error = vec![
                json!({ "field": "findings", "message": message(locale, "apply-fix-before-submit") }),
            ];
            confirm_page(
                locale,
                ws,
                &draft,
                (&findings, &[]),
                error,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        Err(err) => {
            let error = ApiError::from(err);
            super::failure_page(locale, &path, &error)
        }
    }
}

/// `POST /my/change/discard`: throws the working copy away; back to the account page.
pub(crate) async fn discard_change(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    ws: Workspace,
) -> Response {
    let Workspace::Change(session) = &ws else {
        return super::not_found_page(locale, &ws.root());
    };
    match state.registrar.discard_change_copy(session).await {
        Ok(()) => Redirect::to(&format!("/my?lang={}", locale.tag())).into_response(),
        Err(err) => super::failure_page(locale, "/my/change", &ApiError::from(err)),
    }
}

/// The field spec of a document path, by where it lives (for inquiry anchors and labels).
pub(crate) fn spec_of(path: &str) -> Option<FieldSpec> {
    let last = format!("/{}", path.rsplit('/').next().unwrap_or_default());
    let list: &[FieldSpec] = if path.starts_with("/applicant/") {
        APPLICANT_FIELDS
    } else if path.contains("/vaccination_site/") {
        SITE_FIELDS
    } else if path.contains("/business_lines/") {
        LINE_FIELDS
    } else if path.starts_with("/establishments/") {
        ESTABLISHMENT_FIELDS
    } else {
        KIND_FIELDS
    };
    list.iter().find(|spec| spec.0 == last).copied()
}

const LINE_FIELDS: &[FieldSpec] = &[
    (
        "/registered_staff_own",
        Kind::Count,
        "apply-field-staff-own",
        Some("apply-hint-staff-own"),
        "",
        true,
    ),
    (
        "/registered_staff_external",
        Kind::Count,
        "apply-field-staff-external",
        Some("apply-hint-staff-external"),
        "",
        true,
    ),
    (
        "/note",
        Kind::Textarea,
        "apply-field-line-note",
        Some("apply-hint-line-note"),
        "",
        false,
    ),
];

/// The label of a document path in `locale` (its field's label; the path itself otherwise).
pub(crate) fn label_of(path: &str, locale: Locale) -> String {
    spec_of(path).map_or_else(|| path.to_owned(), |spec| message(locale, spec.2))
}

/// The flagged fields of an inquiry as form fields with the current values.
pub(crate) fn inquiry_fields(
    locale: Locale,
    document: &Value,
    paths: &[String],
    problems: &Findings,
) -> Vec<Value> {
    paths
        .iter()
        .map(|path| {
            let spec =
                spec_of(path).unwrap_or(("", Kind::Text, "apply-field-note2", None, "", false));
            let value = shown(document.pointer(path), spec.1);
            let mut field = field_json(locale, path, &spec, &value, problems);
            field["label"] = json!(label_of(path, locale));
            if let Some(i) = path
                .strip_prefix("/establishments/")
                .and_then(|r| r.split('/').next())
            {
                let name = document
                    .pointer(&format!("/establishments/{i}/name"))
                    .and_then(Value::as_str)
                    .unwrap_or_default();
                field["label"] = json!(format!("{} — {}", name, label_of(path, locale)));
            }
            field
        })
        .collect()
}

/// Applies the typed values of the flagged fields to `document`.
pub(crate) fn apply_inquiry_answer(
    document: &mut Value,
    paths: &[String],
    form: &[(String, String)],
) {
    for path in paths {
        let kind = spec_of(path).map_or(Kind::Text, |spec| spec.1);
        let typed = form
            .iter()
            .find(|(name, _)| name == path)
            .map_or("", |(_, v)| v.as_str());
        set_pointer(document, path, stored(typed, kind));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers_are_set_creating_the_way() {
        let mut doc = json!({});
        set_pointer(&mut doc, "/applicant/name", json!("みなと"));
        set_pointer(
            &mut doc,
            "/establishments/1/vaccination_site/status",
            json!("secured"),
        );
        assert_eq!(doc["applicant"]["name"], "みなと");
        assert_eq!(
            doc["establishments"][1]["vaccination_site"]["status"],
            "secured"
        );
        assert_eq!(doc["establishments"][0], json!({}));
    }

    #[test]
    fn typed_values_are_stored_as_the_check_expects() {
        assert_eq!(stored(" 12 ", Kind::Count), json!(12));
        assert_eq!(
            stored("12人", Kind::Count),
            json!("12人"),
            "kept as typed for the check to report"
        );
        assert_eq!(stored("", Kind::Text), Value::Null);
        assert_eq!(stored("no", Kind::YesNo), json!(false));
        assert_eq!(shown(Some(&json!(true)), Kind::YesNo), "yes");
        assert_eq!(field_id("/establishments/0/name"), "establishments-0-name");
    }
}
