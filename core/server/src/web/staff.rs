//! The staff pages: login with the TOTP code, a ministry's review queue, the review of one
//! application (the applicant section, the ministry's own lines with their decisions, the
//! findings, the inquiries with answers and diffs, the inquiry composer anchored to fields), and
//! the central administration's list with registration. Every decision is the same use case as
//! the JSON API's, so the authorization gate and the audit are the same.
//!
//! Reviewers see canonical Japanese labels and findings (the applicant's words as typed); the
//! page chrome follows the staff member's chosen language.

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use i18n::{Catalog, Locale};
use registrar::{LoginError, QueueQuery, StaffError, StaffSession};
use serde::Deserialize;
use serde_json::{Value, json};

use super::{Page, failure_page, problems_json, redirect_with_cookie};
use crate::errors::{ApiError, report_json};
use crate::extract::cookie;
use crate::{AppState, RequestLocale};

fn message(locale: Locale, id: &str) -> String {
    Catalog::embedded().message(locale, id, &[])
}

/// The logged-in staff member, or a redirect to the staff login page.
async fn staff(
    state: &AppState,
    headers: &HeaderMap,
    locale: Locale,
) -> Result<StaffSession, Response> {
    state
        .registrar
        .staff_session(cookie(headers, state.staff_cookie()))
        .await
        .map_err(|_| Redirect::to(&format!("/staff/login?lang={}", locale.tag())).into_response())
}

/// The login form's fields.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct StaffLoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    code: String,
}

fn login_page(email: &str, errors: Value) -> Page {
    Page::new("staff.html", "staff-login-title")
        .with("template_kind", "login")
        .with("email", email)
        .with("errors", errors)
}

/// `GET /staff/login`.
pub(crate) async fn login_form(RequestLocale(locale): RequestLocale) -> Response {
    login_page("", json!([])).render(locale, "/staff/login")
}

/// `POST /staff/login`: e-mail, password and the 6-digit code; to `/staff` on success.
pub(crate) async fn login_submit(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    Form(form): Form<StaffLoginForm>,
) -> Response {
    let path = "/staff/login";
    match state
        .registrar
        .staff_login(Some(&form.email), Some(&form.password), Some(&form.code))
        .await
    {
        Ok(token) => redirect_with_cookie(
            &format!("/staff?lang={}", locale.tag()),
            state.staff_cookie(),
            Some(&token.0),
            "Strict",
            state.secure_cookies,
        ),
        Err(LoginError::Invalid(problems)) => {
            login_page(&form.email, problems_json(locale, &problems))
                .status(StatusCode::UNPROCESSABLE_ENTITY)
                .render(locale, path)
        }
        Err(err) => {
            let error = ApiError::from(err);
            if error.status() == StatusCode::INTERNAL_SERVER_ERROR {
                return failure_page(locale, path, &error);
            }
            login_page(
                &form.email,
                json!([{ "field": "email", "message": error.message(locale) }]),
            )
            .status(error.status())
            .render(locale, path)
        }
    }
}

/// `POST /staff/logout`.
pub(crate) async fn logout(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    headers: HeaderMap,
) -> Response {
    if let Ok(session) = state
        .registrar
        .staff_session(cookie(&headers, state.staff_cookie()))
        .await
        && let Err(err) = state.registrar.staff_logout(&session).await
    {
        return failure_page(locale, "/staff", &ApiError::from(err));
    }
    redirect_with_cookie(
        &format!("/staff/login?lang={}", locale.tag()),
        state.staff_cookie(),
        None,
        "Strict",
        state.secure_cookies,
    )
}

/// Filters of the queue page.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct QueueParams {
    status: Option<String>,
    q: Option<String>,
    cursor: Option<String>,
    sort: Option<String>,
}

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

/// `GET /staff`: a ministry's review queue, or the central administration's applications.
pub(crate) async fn home(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    headers: HeaderMap,
    Query(params): Query<QueueParams>,
) -> Response {
    let who = match staff(&state, &headers, locale).await {
        Ok(who) => who,
        Err(redirect) => return redirect,
    };
    if who.role == authz::Role::CentralAdmin {
        return central_home(&state, locale, &who, &params).await;
    }
    let status = params.status.clone().filter(|s| !s.is_empty());
    let search = params.q.clone().filter(|s| !s.trim().is_empty());
    let descending = params.sort.as_deref() == Some("newest");
    let page = match state
        .registrar
        .review_queue(
            &who,
            QueueQuery {
                status: status.clone(),
                search: search.clone(),
                cursor: params.cursor.clone(),
                descending,
                limit: Some(50),
            },
        )
        .await
    {
        Ok(page) => page,
        Err(StaffError::Invalid(problems)) => {
            return staff_page(&who, "staff-queue-title")
                .with("template_kind", "queue")
                .with("items", Vec::<Value>::new())
                .with("status", status.unwrap_or_default())
                .with("q", search.unwrap_or_default())
                .with("sort", params.sort.unwrap_or_default())
                .with("next_href", Value::Null)
                .with("errors", problems_json(locale, &problems))
                .status(StatusCode::UNPROCESSABLE_ENTITY)
                .render(locale, "/staff");
        }
        Err(err) => return failure_page(locale, "/staff", &ApiError::from(err)),
    };
    let items: Vec<Value> = page["items"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .map(|mut item| {
            let status = item["status"].as_str().unwrap_or_default().to_owned();
            item["status_label"] = json!(message(locale, &format!("staff-task-{status}")));
            item["submitted_on"] = json!(
                item["submitted_at"]
                    .as_str()
                    .unwrap_or_default()
                    .get(..10)
                    .unwrap_or_default()
            );
            item
        })
        .collect();
    let next_href = page["next_cursor"].as_str().map(|cursor| {
        format!(
            "/staff?lang={}&status={}&q={}&sort={}&cursor={}",
            locale.tag(),
            encode(status.as_deref().unwrap_or_default()),
            encode(search.as_deref().unwrap_or_default()),
            encode(params.sort.as_deref().unwrap_or_default()),
            encode(cursor)
        )
    });
    staff_page(&who, "staff-queue-title")
        .with("template_kind", "queue")
        .with("items", items)
        .with("status", status.unwrap_or_default())
        .with("q", search.unwrap_or_default())
        .with("sort", params.sort.unwrap_or_default())
        .with("next_href", next_href)
        .render(locale, "/staff")
}

fn staff_page(who: &StaffSession, title: &'static str) -> Page {
    Page::new("staff.html", title)
        .with("staff_name", &who.name)
        .with("tenant", &who.tenant_id)
}

async fn central_home(
    state: &AppState,
    locale: Locale,
    who: &StaffSession,
    params: &QueueParams,
) -> Response {
    let status = params
        .status
        .clone()
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "reviewed".to_owned());
    let list = match state
        .registrar
        .central_applications(who, Some(&status))
        .await
    {
        Ok(list) => list,
        Err(err) => return failure_page(locale, "/staff", &ApiError::from(err)),
    };
    staff_page(who, "staff-central-title")
        .with("template_kind", "central")
        .with("status", status)
        .with("items", list["items"].clone())
        .render(locale, "/staff")
}

/// The notices shown after a redirect (`?done=`).
#[derive(Debug, Default, Deserialize)]
pub(crate) struct Done {
    done: Option<String>,
}

/// Every field of the applicant section and of the ministry's lines, as inquiry anchors,
/// labelled in canonical Japanese (the JSON Pointer stays visible for precision).
fn anchors(document: &Value, lines: &[Value]) -> Vec<Value> {
    let ja = Locale::Ja;
    let section = message(ja, "apply-step-applicant");
    let mut anchors = Vec::new();
    if let Some(applicant) = document["applicant"].as_object() {
        for key in applicant.keys() {
            let path = format!("/applicant/{key}");
            let label = format!("{section} › {}", super::apply::label_of(&path, ja));
            anchors.push(json!({ "path": path, "label": label }));
        }
    }
    for line in lines {
        let base = line["path"].as_str().unwrap_or_default();
        let place = format!(
            "{} › {}",
            line["establishment"].as_str().unwrap_or_default(),
            line["label"].as_str().unwrap_or_default()
        );
        for key in ["registered_staff_own", "registered_staff_external", "note"] {
            let path = format!("{base}/{key}");
            let label = format!("{place} › {}", super::apply::label_of(&path, ja));
            anchors.push(json!({ "path": path, "label": label }));
        }
    }
    anchors
}

/// `GET /staff/applications/{id}`: one application as the ministry sees it.
pub(crate) async fn application(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    Path(id): Path<String>,
    headers: HeaderMap,
    Query(done): Query<Done>,
) -> Response {
    let who = match staff(&state, &headers, locale).await {
        Ok(who) => who,
        Err(redirect) => return redirect,
    };
    review_page(
        &state,
        locale,
        &who,
        &id,
        done.done.as_deref(),
        Vec::new(),
        StatusCode::OK,
    )
    .await
}

async fn review_page(
    state: &AppState,
    locale: Locale,
    who: &StaffSession,
    id: &str,
    done: Option<&str>,
    errors: Vec<Value>,
    status: StatusCode,
) -> Response {
    let path = format!("/staff/applications/{id}");
    let view = match state.registrar.review_application(who, id).await {
        Ok(view) => view,
        Err(err) => return failure_page(locale, &path, &ApiError::from(err)),
    };
    let body = view.body;
    let document = &body["document"];
    // Canonical Japanese for what the reviewer judges.
    let findings = report_json(&view.report, Locale::Ja);
    let lines: Vec<Value> = body["lines"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .filter(|l| l["tenant"] == who.tenant_id.as_str())
        .map(|mut line| {
            let pointer = line["path"].as_str().unwrap_or_default().to_owned();
            let establishment = pointer.split("/business_lines").next().unwrap_or_default();
            let data = document.pointer(&pointer).cloned().unwrap_or(Value::Null);
            line["establishment"] = document
                .pointer(&format!("{establishment}/name"))
                .cloned()
                .unwrap_or(Value::Null);
            line["label"] = json!(state.registrar.business_type_label(
                line["business_type"].as_str().unwrap_or_default(),
                Locale::Ja
            ));
            line["own"] = data["registered_staff_own"].clone();
            line["external"] = data["registered_staff_external"].clone();
            line["note"] = data["note"].clone();
            let status = line["status"].as_str().unwrap_or_default().to_owned();
            line["status_label"] = json!(message(locale, &format!("staff-line-{status}")));
            line
        })
        .collect();
    let applicant: Vec<Value> = document["applicant"]
        .as_object()
        .map(|a| a.iter().map(|(k, v)| json!({ "key": k, "value": match v { Value::String(s) => s.clone(), Value::Null => String::new(), other => other.to_string() } })).collect())
        .unwrap_or_default();
    let notice = done.map(|d| {
        message(
            locale,
            &format!(
                "staff-done-{}",
                if d == "inquiry" {
                    "inquiry"
                } else {
                    "decision"
                }
            ),
        )
    });
    staff_page(who, "staff-review-title")
        .with("template_kind", "review")
        .with("application_id", id)
        .with(
            "applicant_name",
            document["applicant"]["name"].as_str().unwrap_or_default(),
        )
        .with("applicant", applicant)
        .with("lines", lines.clone())
        .with("findings", findings)
        .with("round", body["round"].clone())
        .with(
            "changes",
            super::apply::change_rows(&body["changes"], Locale::Ja),
        )
        .with("inquiries", body["inquiries"].clone())
        .with("anchors", anchors(document, &lines))
        .with("notice", notice)
        .with("errors", errors)
        .status(status)
        .render(locale, &path)
}

/// A decision form.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct DecisionForm {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    reason: String,
}

/// `POST /staff/applications/{id}/lines/{line}`: accept, or reject with a reason.
pub(crate) async fn decide(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    Path((id, line)): Path<(String, i64)>,
    headers: HeaderMap,
    Form(form): Form<DecisionForm>,
) -> Response {
    let who = match staff(&state, &headers, locale).await {
        Ok(who) => who,
        Err(redirect) => return redirect,
    };
    let reason = Some(form.reason.as_str()).filter(|r| !r.trim().is_empty());
    let decision = Some(form.decision.as_str()).filter(|d| !d.is_empty());
    match state
        .registrar
        .decide_line(&who, &id, line, decision, reason)
        .await
    {
        Ok(_) => Redirect::to(&format!(
            "/staff/applications/{id}?lang={}&done=decision",
            locale.tag()
        ))
        .into_response(),
        Err(StaffError::Invalid(problems)) => {
            let errors = problems_json(locale, &problems)
                .as_array()
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .map(|mut e| {
                    e["field"] = json!(format!(
                        "line-{line}-{}",
                        e["field"].as_str().unwrap_or_default()
                    ));
                    e
                })
                .collect();
            review_page(
                &state,
                locale,
                &who,
                &id,
                None,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(err) => failure_page(
            locale,
            &format!("/staff/applications/{id}"),
            &ApiError::from(err),
        ),
    }
}

/// `POST /staff/applications/{id}/inquiries`: the flagged fields (`path`, repeated) and the
/// message.
pub(crate) async fn open_inquiry(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    Path(id): Path<String>,
    headers: HeaderMap,
    Form(form): Form<Vec<(String, String)>>,
) -> Response {
    let who = match staff(&state, &headers, locale).await {
        Ok(who) => who,
        Err(redirect) => return redirect,
    };
    let paths: Vec<String> = form
        .iter()
        .filter(|(k, _)| k == "path")
        .map(|(_, v)| v.clone())
        .collect();
    let text = form
        .iter()
        .find(|(k, _)| k == "message")
        .map(|(_, v)| v.as_str());
    match state
        .registrar
        .open_inquiry(&who, &id, Some(paths), text)
        .await
    {
        Ok(_) => Redirect::to(&format!(
            "/staff/applications/{id}?lang={}&done=inquiry",
            locale.tag()
        ))
        .into_response(),
        Err(StaffError::Invalid(problems)) => {
            let errors = problems_json(locale, &problems)
                .as_array()
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .map(|mut e| {
                    let field = if e["field"]
                        .as_str()
                        .unwrap_or_default()
                        .starts_with("message")
                    {
                        "inquiry-message"
                    } else {
                        "inquiry-paths"
                    };
                    e["field"] = json!(field);
                    e
                })
                .collect();
            review_page(
                &state,
                locale,
                &who,
                &id,
                None,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(err) => failure_page(
            locale,
            &format!("/staff/applications/{id}"),
            &ApiError::from(err),
        ),
    }
}

/// `POST /staff/applications/{id}/registration`: the central administration registers.
pub(crate) async fn register(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let who = match staff(&state, &headers, locale).await {
        Ok(who) => who,
        Err(redirect) => return redirect,
    };
    match state.registrar.register_application(&who, &id).await {
        Ok(result) => staff_page(&who, "staff-registered-title")
            .with("template_kind", "registered")
            .with(
                "number",
                result["registration_number"].as_str().unwrap_or_default(),
            )
            .with("result", result)
            .render(locale, &format!("/staff/applications/{id}/registration")),
        Err(err) => failure_page(locale, "/staff", &ApiError::from(err)),
    }
}

const ENROL_FIELDS: &[super::SimpleSpec] = &[(
    "password",
    "password",
    "page-password-label",
    Some("page-password-hint"),
    "new-password",
)];

fn enrol_page(locale: Locale, token: &str, errors: &Value) -> Page {
    Page::new("form.html", "staff-enrol-title")
        .with("intro", message(locale, "staff-enrol-intro"))
        .with(
            "fields",
            super::simple_fields(locale, ENROL_FIELDS, &[], errors),
        )
        .with("action", format!("/staff/enrol/{token}"))
        .with("submit", message(locale, "staff-enrol-submit"))
        .with("back_href", Value::Null)
        .with("errors", errors.clone())
}

/// `GET /staff/enrol/{token}`: where the mailed enrolment link lands.
pub(crate) async fn enrol_form(
    RequestLocale(locale): RequestLocale,
    Path(token): Path<String>,
) -> Response {
    enrol_page(locale, &token, &json!([])).render(locale, &format!("/staff/enrol/{token}"))
}

/// The enrolment form's field.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct EnrolForm {
    #[serde(default)]
    password: String,
}

/// `POST /staff/enrol/{token}`: sets the password and shows the TOTP secret once.
pub(crate) async fn enrol_submit(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    Path(token): Path<String>,
    Form(form): Form<EnrolForm>,
) -> Response {
    let path = format!("/staff/enrol/{token}");
    match state
        .registrar
        .enrol_staff(Some(&token), Some(&form.password))
        .await
    {
        Ok(enrolment) => Page::new("enrolled.html", "staff-enrol-title")
            .with("secret", &enrolment.totp_secret)
            .with("uri", &enrolment.otpauth_uri)
            .render(locale, &path),
        Err(registrar::SetPasswordError::Invalid(problems)) => {
            enrol_page(locale, &token, &problems_json(locale, &problems))
                .status(StatusCode::UNPROCESSABLE_ENTITY)
                .render(locale, &path)
        }
        Err(err @ registrar::SetPasswordError::LinkInvalid) => {
            let error = ApiError::from(err);
            let errors = json!([{ "field": "password", "message": error.message(locale) }]);
            enrol_page(locale, &token, &errors)
                .status(error.status())
                .render(locale, &path)
        }
        Err(err) => failure_page(locale, &path, &ApiError::from(err)),
    }
}

// ---- administration: a tenant's staff, the tenants ----

/// The tenant whose staff a page manages: `?tenant=` for the central administration, the
/// administrator's own tenant otherwise.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct TenantParam {
    tenant: Option<String>,
}

async fn staff_admin_page(
    state: &AppState,
    locale: Locale,
    who: &StaffSession,
    tenant: &str,
    values: &[(&str, &str)],
    errors: Value,
) -> Response {
    let path = "/staff/admin/staff";
    let list = match state.registrar.list_staff(who, tenant).await {
        Ok(list) => list,
        Err(err) => return failure_page(locale, path, &ApiError::from(err)),
    };
    let rows: Vec<Value> = list
        .iter()
        .map(|s| {
            json!({
                "id": s.id,
                "name": s.name,
                "email": s.email,
                "role": message(locale, &format!("staff-role-{}", s.role)),
                "state": message(locale, if s.disabled { "staff-state-disabled" } else if s.enrolled { "staff-state-active" } else { "staff-state-invited" }),
                "can_disable": !s.disabled && s.id != who.staff_id,
            })
        })
        .collect();
    let value = |k: &str| values.iter().find(|(n, _)| *n == k).map_or("", |(_, v)| *v);
    staff_page(who, "staff-admin-title")
        .with("template_kind", "staff-admin")
        .with("managed_tenant", tenant)
        .with("rows", rows)
        .with("new_email", value("email"))
        .with("new_name", value("name"))
        .with("new_role", value("role"))
        .with("central", who.role == authz::Role::CentralAdmin)
        .status(if errors.as_array().is_some_and(|e| !e.is_empty()) {
            StatusCode::UNPROCESSABLE_ENTITY
        } else {
            StatusCode::OK
        })
        .with("errors", errors)
        .render(locale, path)
}

/// `GET /staff/admin/staff`: the staff of the administrator's tenant (or `?tenant=` for the
/// central administration), with the form to invite one.
pub(crate) async fn staff_admin(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    headers: HeaderMap,
    Query(param): Query<TenantParam>,
) -> Response {
    let who = match staff(&state, &headers, locale).await {
        Ok(who) => who,
        Err(redirect) => return redirect,
    };
    let tenant = param.tenant.unwrap_or_else(|| who.tenant_id.clone());
    staff_admin_page(&state, locale, &who, &tenant, &[], json!([])).await
}

/// The invitation form, or a disable button (`action=disable:<id>`).
#[derive(Debug, Default, Deserialize)]
pub(crate) struct StaffAdminForm {
    #[serde(default)]
    tenant: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    action: String,
}

/// `POST /staff/admin/staff`: invites a staff member (the enrolment link is mailed) or
/// disables one.
pub(crate) async fn staff_admin_submit(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    headers: HeaderMap,
    Form(form): Form<StaffAdminForm>,
) -> Response {
    let who = match staff(&state, &headers, locale).await {
        Ok(who) => who,
        Err(redirect) => return redirect,
    };
    let tenant = if form.tenant.is_empty() {
        who.tenant_id.clone()
    } else {
        form.tenant.clone()
    };
    let back = format!(
        "/staff/admin/staff?lang={}&tenant={}",
        locale.tag(),
        encode(&tenant)
    );
    if let Some(id) = form.action.strip_prefix("disable:") {
        return match state.registrar.disable_staff(&who, &tenant, id).await {
            Ok(()) => Redirect::to(&back).into_response(),
            Err(err) => failure_page(locale, "/staff/admin/staff", &ApiError::from(err)),
        };
    }
    match state
        .registrar
        .create_staff(
            &who,
            &tenant,
            Some(&form.email),
            Some(&form.name),
            Some(&form.role),
        )
        .await
    {
        Ok(_) => Redirect::to(&back).into_response(),
        Err(StaffError::Invalid(problems)) => {
            let values = [
                ("email", form.email.as_str()),
                ("name", form.name.as_str()),
                ("role", form.role.as_str()),
            ];
            staff_admin_page(
                &state,
                locale,
                &who,
                &tenant,
                &values,
                problems_json(locale, &problems),
            )
            .await
        }
        Err(err) => failure_page(locale, "/staff/admin/staff", &ApiError::from(err)),
    }
}

/// `GET /staff/admin/tenants`: the tenants and the business types each owns (central), with a
/// form per ministry to change what it owns and one to add a ministry.
pub(crate) async fn tenants(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    headers: HeaderMap,
) -> Response {
    let who = match staff(&state, &headers, locale).await {
        Ok(who) => who,
        Err(redirect) => return redirect,
    };
    tenants_page(&state, locale, &who, json!([]), &[]).await
}

async fn tenants_page(
    state: &AppState,
    locale: Locale,
    who: &StaffSession,
    errors: Value,
    values: &[(&str, &str)],
) -> Response {
    let path = "/staff/admin/tenants";
    let list = match state.registrar.list_tenants(who).await {
        Ok(list) => list,
        Err(err) => return failure_page(locale, path, &ApiError::from(err)),
    };
    // Every business type the installed plugins declare, labelled in canonical Japanese.
    let declared: Vec<(String, String)> = state
        .registrar
        .plugins()
        .plugins()
        .iter()
        .flat_map(|plugin| {
            plugin
                .catalogue()
                .business_types
                .iter()
                .map(|t| (t.id.clone(), plugin.message(Locale::Ja, &t.label, &[])))
                .collect::<Vec<_>>()
        })
        .collect();
    let rows: Vec<Value> = list
        .iter()
        .map(|t| {
            json!({
                "id": t.id,
                "name": t.name,
                "kind": t.kind,
                "types": t.business_types.iter().map(|bt| state.registrar.business_type_label(bt, Locale::Ja)).collect::<Vec<_>>(),
                "choices": declared.iter().map(|(id, label)| json!({
                    "id": id, "label": label, "owned": t.business_types.contains(id),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let value = |k: &str| values.iter().find(|(n, _)| *n == k).map_or("", |(_, v)| *v);
    staff_page(who, "staff-tenants-title")
        .with("template_kind", "tenants")
        .with("rows", rows)
        .with("new_id", value("id"))
        .with("new_name", value("name"))
        .status(if errors.as_array().is_some_and(|e| !e.is_empty()) {
            StatusCode::UNPROCESSABLE_ENTITY
        } else {
            StatusCode::OK
        })
        .with("errors", errors)
        .render(locale, path)
}

/// `POST /staff/admin/tenants/{tenant}/business-types`: the checked types (`type`, repeated)
/// become the ministry's.
pub(crate) async fn assign_types(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    Path(tenant): Path<String>,
    headers: HeaderMap,
    Form(form): Form<Vec<(String, String)>>,
) -> Response {
    let who = match staff(&state, &headers, locale).await {
        Ok(who) => who,
        Err(redirect) => return redirect,
    };
    let types: Vec<String> = form
        .iter()
        .filter(|(k, _)| k == "type")
        .map(|(_, v)| v.clone())
        .collect();
    match state
        .registrar
        .assign_business_types(Some(&who), &tenant, &types)
        .await
    {
        Ok(_) => {
            Redirect::to(&format!("/staff/admin/tenants?lang={}", locale.tag())).into_response()
        }
        Err(StaffError::Invalid(problems)) => {
            let errors: Vec<Value> = problems_json(locale, &problems)
                .as_array()
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .map(|mut e| {
                    e["field"] = json!(format!("types-{tenant}"));
                    e
                })
                .collect();
            tenants_page(&state, locale, &who, Value::Array(errors), &[]).await
        }
        Err(err) => {
            let error = ApiError::from(err);
            if error.status() == StatusCode::CONFLICT {
                // A type another ministry owns: said beside the checkboxes; nothing changed.
                let errors = json!([{ "field": format!("types-{tenant}"), "message": error.message(locale) }]);
                return tenants_page(&state, locale, &who, errors, &[]).await;
            }
            failure_page(locale, "/staff/admin/tenants", &error)
        }
    }
}

/// The new ministry's id and name.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct TenantForm {
    #[serde(default)]
    id: String,
    #[serde(default)]
    name: String,
}

/// `POST /staff/admin/tenants`: adds a ministry.
pub(crate) async fn create_tenant(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    headers: HeaderMap,
    Form(form): Form<TenantForm>,
) -> Response {
    let who = match staff(&state, &headers, locale).await {
        Ok(who) => who,
        Err(redirect) => return redirect,
    };
    match state
        .registrar
        .create_tenant(&who, Some(&form.id), Some(&form.name))
        .await
    {
        Ok(_) => {
            Redirect::to(&format!("/staff/admin/tenants?lang={}", locale.tag())).into_response()
        }
        Err(StaffError::Invalid(problems)) => {
            let values = [("id", form.id.as_str()), ("name", form.name.as_str())];
            tenants_page(
                &state,
                locale,
                &who,
                problems_json(locale, &problems),
                &values,
            )
            .await
        }
        Err(err) => {
            let error = ApiError::from(err);
            if error.status() == StatusCode::CONFLICT {
                let values = [("id", form.id.as_str()), ("name", form.name.as_str())];
                let errors = json!([{ "field": "id", "message": error.message(locale) }]);
                return tenants_page(&state, locale, &who, errors, &values).await;
            }
            failure_page(locale, "/staff/admin/tenants", &error)
        }
    }
}

// ---- the central dashboard ----

/// Bar width of the largest value, in SVG units.
const BAR_MAX: f64 = 420.0;
/// Height of one bar row.
const BAR_ROW: usize = 30;

/// A horizontal bar chart as the template draws it: label, value, bar width, row position.
fn chart(pairs: &Value, label: impl Fn(&str) -> String) -> Value {
    let rows: Vec<(String, i64)> = pairs
        .as_array()
        .map(|all| {
            all.iter()
                .map(|p| {
                    (
                        p[0].as_str().unwrap_or_default().to_owned(),
                        p[1].as_i64().unwrap_or(0),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let max = rows.iter().map(|(_, v)| *v).max().unwrap_or(0).max(1) as f64;
    let bars: Vec<Value> = rows
        .iter()
        .enumerate()
        .map(|(i, (key, value))| {
            json!({
                "label": label(key),
                "value": value,
                "width": ((*value as f64 / max) * BAR_MAX).round().max(if *value > 0 { 2.0 } else { 0.0 }),
                "y": i * BAR_ROW,
            })
        })
        .collect();
    json!({ "bars": bars, "height": (rows.len().max(1)) * BAR_ROW + 10 })
}

/// `GET /staff/dashboard`: registered staff by business type and by prefecture, applications
/// by status, submissions per month — SVG bar charts, each with its figures as a table.
pub(crate) async fn dashboard(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    headers: HeaderMap,
) -> Response {
    let who = match staff(&state, &headers, locale).await {
        Ok(who) => who,
        Err(redirect) => return redirect,
    };
    let figures = match state.registrar.dashboard(&who).await {
        Ok(figures) => figures,
        Err(err) => return failure_page(locale, "/staff/dashboard", &ApiError::from(err)),
    };
    let same = |k: &str| k.to_owned();
    let charts = json!([
        { "id": "chart-types", "title": message(locale, "staff-dashboard-by-type"),
          "chart": chart(&figures["registered_staff_by_business_type"], same) },
        { "id": "chart-prefectures", "title": message(locale, "staff-dashboard-by-prefecture"),
          "chart": chart(&figures["registered_staff_by_prefecture"], same) },
        { "id": "chart-status", "title": message(locale, "staff-dashboard-by-status"),
          "chart": chart(&figures["applications_by_status"], |k| message(locale, &format!("page-status-{k}"))) },
        { "id": "chart-months", "title": message(locale, "staff-dashboard-by-month"),
          "chart": chart(&figures["submissions_by_month"], same) },
    ]);
    staff_page(&who, "staff-dashboard-title")
        .with("template_kind", "dashboard")
        .with("charts", charts)
        .render(locale, "/staff/dashboard")
}

/// `GET /staff/applications/{id}/audit`: an application's audit trail with the verdict of its
/// hash chain (central administration; the JSON export is `/api/v1/central/applications/{id}/audit`).
pub(crate) async fn audit(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let path = format!("/staff/applications/{id}/audit");
    let who = match staff(&state, &headers, locale).await {
        Ok(who) => who,
        Err(redirect) => return redirect,
    };
    let trail = match state.registrar.audit_export(&who, &id).await {
        Ok(trail) => trail,
        Err(err) => return failure_page(locale, &path, &ApiError::from(err)),
    };
    let entries: Vec<Value> = trail["entries"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .map(|mut e| {
            e["detail_text"] = json!(e["detail"].to_string());
            e["hash_short"] = json!(
                e["hash"]
                    .as_str()
                    .unwrap_or_default()
                    .get(..12)
                    .unwrap_or_default()
            );
            e
        })
        .collect();
    let verdict = if trail["chain"]["valid"] == true {
        message(locale, "staff-audit-valid")
    } else {
        Catalog::embedded().message(
            locale,
            "staff-audit-broken",
            &[(
                "seq",
                trail["chain"]["broken_at_seq"].as_i64().unwrap_or(0).into(),
            )],
        )
    };
    staff_page(&who, "staff-audit-title")
        .with("template_kind", "audit")
        .with("application_id", &id)
        .with("entries", entries)
        .with("verdict", verdict)
        .with("valid", trail["chain"]["valid"] == true)
        .render(locale, &path)
}

// ---- plugin versions ----

async fn plugins_page(
    state: &AppState,
    locale: Locale,
    who: &StaffSession,
    notice: Option<String>,
    errors: Value,
) -> Response {
    let set = state.registrar.plugins();
    let versions = match state.registrar.plugin_versions().await {
        Ok(versions) => versions,
        Err(err) => {
            return failure_page(
                locale,
                "/staff/admin/plugins",
                &ApiError::internal("plugin versions", &err),
            );
        }
    };
    let rows: Vec<Value> = set
        .plugins()
        .iter()
        .map(|plugin| {
            let ministry = plugin.ministry_id();
            // The catalogue in force: business types with their sub-types, in canonical Japanese.
            let catalogue: Vec<Value> = plugin
                .catalogue()
                .business_types
                .iter()
                .map(|t| {
                    json!({
                        "id": t.id,
                        "label": plugin.message(Locale::Ja, &t.label, &[]),
                        "sub_types": t.sub_types.iter().map(|s| plugin.message(Locale::Ja, &s.label, &[])).collect::<Vec<_>>(),
                    })
                })
                .collect();
            let history: Vec<Value> = versions
                .iter()
                .filter(|v| v.ministry_id == ministry)
                .map(|v| {
                    json!({
                        "version": v.version,
                        "active": v.active,
                        "sha256": v.sha256.get(..12).unwrap_or_default(),
                        "installed_at": chrono::DateTime::from_timestamp_millis(v.installed_at)
                            .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
                        "installed_by": v.installed_by,
                        "action": format!("/staff/admin/plugins/{ministry}/versions/{}/activation", v.version),
                    })
                })
                .collect();
            json!({
                "ministry": ministry,
                "name": plugin.message(Locale::Ja, &format!("{ministry}-ministry-name"), &[]),
                "version": plugin.version(),
                "types": plugin.catalogue().business_types.len(),
                "catalogue": catalogue,
                "history": history,
            })
        })
        .collect();
    staff_page(who, "staff-plugins-title")
        .with("template_kind", "plugins")
        .with("rows", rows)
        .with("notice", notice)
        .status(if errors.as_array().is_some_and(|e| !e.is_empty()) {
            StatusCode::UNPROCESSABLE_ENTITY
        } else {
            StatusCode::OK
        })
        .with("errors", errors)
        .render(locale, "/staff/admin/plugins")
}

/// `GET /staff/admin/plugins`: the plugin version in force per ministry, and the upload form
/// (central administration).
pub(crate) async fn plugins(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    headers: HeaderMap,
) -> Response {
    let who = match staff(&state, &headers, locale).await {
        Ok(who) => who,
        Err(redirect) => return redirect,
    };
    if let Err(err) = state.registrar.may_install_plugins(&who).await {
        return failure_page(locale, "/staff/admin/plugins", &ApiError::from(err));
    }
    plugins_page(&state, locale, &who, None, json!([])).await
}

/// `POST /staff/admin/plugins` (multipart, field `file`): validates and installs a plugin
/// version; a refused file is explained beside the upload field and changes nothing.
pub(crate) async fn upload_plugin(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    headers: HeaderMap,
    mut multipart: axum::extract::Multipart,
) -> Response {
    let path = "/staff/admin/plugins";
    let who = match staff(&state, &headers, locale).await {
        Ok(who) => who,
        Err(redirect) => return redirect,
    };
    if let Err(err) = state.registrar.may_install_plugins(&who).await {
        return failure_page(locale, path, &ApiError::from(err));
    }
    let mut wasm = None;
    while let Ok(Some(field)) = multipart.next_field().await {
        if field.name() == Some("file") {
            wasm = field.bytes().await.ok();
            break;
        }
    }
    let Some(wasm) = wasm.filter(|w| !w.is_empty()) else {
        let errors =
            json!([{ "field": "file", "message": message(locale, "apply-import-no-file") }]);
        return plugins_page(&state, locale, &who, None, errors).await;
    };
    let installed = state
        .registrar
        .install_plugin(wasm.to_vec(), &format!("staff:{}", who.staff_id))
        .await;
    plugin_outcome(
        &state,
        locale,
        &who,
        installed,
        ("staff-plugin-installed", "file"),
    )
    .await
}

/// The plugins page after an install or an activation: the notice `ids.0` on success, or the
/// reason beside field `ids.1` (nothing changed); a failure of ours is a problem page.
async fn plugin_outcome(
    state: &AppState,
    locale: Locale,
    who: &StaffSession,
    outcome: Result<registrar::InstallReport, registrar::PluginInstallError>,
    (notice_id, field): (&str, &str),
) -> Response {
    match outcome {
        Ok(report) => {
            let notice = Catalog::embedded().message(
                locale,
                notice_id,
                &[
                    ("ministry", report.ministry_id.as_str().into()),
                    ("version", report.version.as_str().into()),
                ],
            );
            plugins_page(state, locale, who, Some(notice), json!([])).await
        }
        Err(err) => {
            let error = ApiError::from(err);
            if error.status() == StatusCode::INTERNAL_SERVER_ERROR {
                return failure_page(locale, "/staff/admin/plugins", &error);
            }
            let errors = json!([{ "field": field, "message": error.message(locale) }]);
            plugins_page(state, locale, who, None, errors).await
        }
    }
}

/// `POST /staff/admin/plugins/{ministry}/versions/{version}/activation`: puts a stored version
/// back in force (roll back); what went wrong is shown on the page, and nothing changes.
pub(crate) async fn activate_plugin(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    Path((ministry, version)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    let path = "/staff/admin/plugins";
    let who = match staff(&state, &headers, locale).await {
        Ok(who) => who,
        Err(redirect) => return redirect,
    };
    if let Err(err) = state.registrar.may_install_plugins(&who).await {
        return failure_page(locale, path, &ApiError::from(err));
    }
    let activated = state
        .registrar
        .activate_plugin(&ministry, &version, &format!("staff:{}", who.staff_id))
        .await;
    plugin_outcome(
        &state,
        locale,
        &who,
        activated,
        ("staff-plugin-activated", "versions"),
    )
    .await
}
