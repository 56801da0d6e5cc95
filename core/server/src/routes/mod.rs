//! Every route of the application, one file per resource.

mod account;
mod admin;
mod catalogue;
mod drafts;
mod fte;
mod meta;
mod postal_codes;
mod pre_registrations;
pub(crate) mod register;
mod review;
mod staff;
mod templates;

use std::any::Any;

use axum::Router;
use axum::extract::{DefaultBodyLimit, FromRequestParts, Path};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post, put};

use crate::errors::ApiError;
use crate::web;
use crate::{AppState, RequestLocale};

/// Every route; `openapi::tests` checks that each `/api/v1` route is documented.
pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(meta::health))
        .route("/api/openapi.json", get(meta::openapi))
        .route(
            "/api/v1/pre-registrations",
            post(pre_registrations::create_pre_registration),
        )
        .route(
            "/api/v1/drafts/{token}",
            get(drafts::get_draft).put(drafts::save_draft),
        )
        .route("/api/v1/drafts/{token}/check", post(drafts::check_draft))
        .route("/api/v1/drafts/{token}/submit", post(drafts::submit_draft))
        .route("/api/v1/account/password", post(account::set_password))
        .route("/api/v1/sessions", post(account::create_session))
        .route("/api/v1/sessions/current", delete(account::delete_session))
        .route("/api/v1/me/application", get(account::get_my_application))
        .route("/api/v1/me/password", post(account::change_password))
        .route(
            "/api/v1/password-resets",
            post(account::create_password_reset),
        )
        .route(
            "/api/v1/postal-codes/{code}",
            get(postal_codes::get_postal_code),
        )
        .route("/api/v1/fte", post(fte::compute_fte))
        .route("/api/v1/catalogue", get(catalogue::get_catalogue))
        .route(
            "/api/v1/admin/plugins",
            post(admin::install_plugin)
                .layer(DefaultBodyLimit::max(crate::PLUGIN_LIMIT_BYTES))
                .get(admin::plugin_versions),
        )
        .route(
            "/api/v1/admin/plugins/{ministry}/versions/{version}/activation",
            post(admin::activate_plugin),
        )
        .route("/api/v1/me/inquiries", get(account::list_my_inquiries))
        .route(
            "/api/v1/me/inquiries/{id}/answer",
            post(account::answer_inquiry),
        )
        .route(
            "/api/v1/me/change-notifications/preview",
            post(account::preview_change),
        )
        .route(
            "/api/v1/me/change-notifications",
            post(account::file_change),
        )
        .route("/api/v1/staff/enrolment", post(staff::enrol))
        .route("/api/v1/staff/sessions", post(staff::create_staff_session))
        .route(
            "/api/v1/staff/sessions/current",
            delete(staff::delete_staff_session),
        )
        .route("/api/v1/staff/me", get(staff::get_staff_me))
        .route(
            "/api/v1/admin/tenants",
            get(staff::list_tenants).post(staff::create_tenant),
        )
        .route(
            "/api/v1/admin/tenants/{tenant}/business-types",
            put(staff::assign_business_types),
        )
        .route(
            "/api/v1/tenants/{tenant}/staff",
            get(staff::list_staff).post(staff::create_staff),
        )
        .route(
            "/api/v1/tenants/{tenant}/staff/{staff_id}",
            delete(staff::disable_staff),
        )
        .route("/api/v1/review/queue", get(review::queue))
        .route("/api/v1/review/applications/{id}", get(review::application))
        .route(
            "/api/v1/review/applications/{id}/lines/{line}/decision",
            post(review::decide),
        )
        .route(
            "/api/v1/review/applications/{id}/inquiries",
            post(review::open_inquiry),
        )
        .route("/api/v1/central/applications", get(review::central_list))
        .route(
            "/api/v1/central/applications/{id}",
            get(review::central_application),
        )
        .route(
            "/api/v1/central/applications/{id}/registration",
            post(review::register),
        )
        .route(
            "/api/v1/central/applications/{id}/audit",
            get(review::audit),
        )
        .route("/api/v1/register", get(register::register_api))
        .route("/register", get(crate::web::pages::register_page))
        .route(
            "/templates/establishments.xlsx",
            get(templates::establishment_template),
        )
        .route("/apply/{token}", get(web::apply::overview))
        .route(
            "/apply/{token}/establishments",
            get(web::apply::establishment_list).post(web::apply::establishment_action),
        )
        .route("/apply/{token}/confirm", get(web::apply::confirm))
        .route(
            "/apply/{token}/establishments/upload",
            post(web::apply::upload),
        )
        .route(
            "/apply/{token}/establishments/import",
            post(web::apply::apply_import),
        )
        .route("/apply/{token}/submit", post(web::apply::submit))
        .route(
            "/apply/{token}/establishments/{index}/{step}",
            get(web::apply::establishment_step_form).post(web::apply::establishment_step_submit),
        )
        .route(
            "/apply/{token}/{step}",
            get(web::apply::step_form).post(web::apply::step_submit),
        )
        .route(
            "/account/password/{token}",
            get(web::pages::password_form).post(web::pages::password_submit),
        )
        .route("/", get(web::pages::home))
        .route(
            "/pre-register",
            get(web::pages::pre_register_form).post(web::pages::pre_register_submit),
        )
        .route(
            "/login",
            get(web::pages::login_form).post(web::pages::login_submit),
        )
        .route("/logout", post(web::pages::logout))
        .route("/my", get(web::pages::my_page))
        .route("/my/change", get(web::apply::overview))
        .route(
            "/my/change/establishments",
            get(web::apply::establishment_list).post(web::apply::establishment_action),
        )
        .route("/my/change/confirm", get(web::apply::confirm))
        .route("/my/change/establishments/upload", post(web::apply::upload))
        .route(
            "/my/change/establishments/import",
            post(web::apply::apply_import),
        )
        .route("/my/change/submit", post(web::apply::submit))
        .route("/my/change/discard", post(web::apply::discard_change))
        .route(
            "/my/change/establishments/{index}/{step}",
            get(web::apply::establishment_step_form).post(web::apply::establishment_step_submit),
        )
        .route(
            "/my/change/{step}",
            get(web::apply::step_form).post(web::apply::step_submit),
        )
        .route(
            "/my/inquiries/{id}",
            get(web::pages::inquiry_form).post(web::pages::inquiry_submit),
        )
        .route("/static/{name}", get(web::static_file))
        .route("/staff", get(web::staff::home))
        .route(
            "/staff/login",
            get(web::staff::login_form).post(web::staff::login_submit),
        )
        .route("/staff/logout", post(web::staff::logout))
        .route(
            "/staff/admin/staff",
            get(web::staff::staff_admin).post(web::staff::staff_admin_submit),
        )
        .route(
            "/staff/admin/tenants",
            get(web::staff::tenants).post(web::staff::create_tenant),
        )
        .route(
            "/staff/admin/tenants/{tenant}/business-types",
            post(web::staff::assign_types),
        )
        .route("/staff/dashboard", get(web::staff::dashboard))
        .route(
            "/staff/admin/plugins",
            get(web::staff::plugins)
                .post(web::staff::upload_plugin)
                .layer(DefaultBodyLimit::max(crate::PLUGIN_LIMIT_BYTES)),
        )
        .route(
            "/staff/admin/plugins/{ministry}/versions/{version}/activation",
            post(web::staff::activate_plugin),
        )
        .route("/staff/applications/{id}/audit", get(web::staff::audit))
        .route(
            "/staff/enrol/{token}",
            get(web::staff::enrol_form).post(web::staff::enrol_submit),
        )
        .route(
            "/account/password-reset",
            get(web::pages::reset_form).post(web::pages::reset_submit),
        )
        .route(
            "/my/password",
            get(web::pages::change_password_form).post(web::pages::change_password_submit),
        )
        .route("/staff/applications/{id}", get(web::staff::application))
        .route(
            "/staff/applications/{id}/lines/{line}",
            post(web::staff::decide),
        )
        .route(
            "/staff/applications/{id}/inquiries",
            post(web::staff::open_inquiry),
        )
        .route(
            "/staff/applications/{id}/registration",
            post(web::staff::register),
        )
}

/// Path parameters of an API route. A path whose parameters do not decode (not UTF-8, or not
/// of the type asked for) names nothing here: 404 `not_found` with the JSON error body, as for
/// any unknown path (axum's own rejection would be a plain-text 400).
pub(crate) struct ApiPath<T>(pub(crate) T);

impl<S: Send + Sync, T: serde::de::DeserializeOwned + Send> FromRequestParts<S> for ApiPath<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        match Path::<T>::from_request_parts(parts, state).await {
            Ok(Path(value)) => Ok(ApiPath(value)),
            Err(rejection) => {
                tracing::debug!(error = %rejection, "path parameters do not decode");
                let Ok(RequestLocale(locale)) =
                    RequestLocale::from_request_parts(parts, state).await;
                Err(ApiError::new(StatusCode::NOT_FOUND, "not_found").in_locale(locale))
            }
        }
    }
}

/// The field problem of a query string that does not deserialize: a repeated parameter is
/// named; otherwise the one non-text parameter, `limit` (1 to `max_limit`), is at fault.
pub(crate) fn query_problem(
    rejection: &axum::extract::rejection::QueryRejection,
    max_limit: i64,
) -> registrar::FieldProblem {
    let text = rejection.body_text();
    match text
        .split_once("duplicate field `")
        .and_then(|(_, rest)| rest.split_once('`'))
    {
        Some((name, _)) => registrar::FieldProblem::new(&format!("/{name}"), "invalid_request"),
        None => registrar::FieldProblem::new("/limit", "limit_out_of_range").with("max", max_limit),
    }
}

/// 404 for every unknown path in the request's language: a page for a browser, JSON otherwise.
pub(crate) async fn not_found(
    RequestLocale(locale): RequestLocale,
    uri: axum::http::Uri,
    headers: axum::http::HeaderMap,
) -> axum::response::Response {
    // A browser asking for a page gets a page; everything else the JSON error.
    let wants_page = !uri.path().starts_with("/api/")
        && headers
            .get(axum::http::header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|accept| accept.contains("text/html"));
    if wants_page {
        return web::not_found_page(locale, uri.path());
    }
    ApiError::new(StatusCode::NOT_FOUND, "not_found")
        .in_locale(locale)
        .into_response()
}

/// 405 for a known path with another method.
pub(crate) async fn method_not_allowed(RequestLocale(locale): RequestLocale) -> ApiError {
    ApiError::new(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed").in_locale(locale)
}

/// A panic in a handler is a bug: logged, answered with the generic 500 body.
pub(crate) fn panic_response(panic: Box<dyn Any + Send + 'static>) -> Response {
    let detail = panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    ApiError::internal("handler panicked", &detail).into_response()
}
