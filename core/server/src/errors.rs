//! The error policy, in one place: every failure a handler can meet becomes an [`ApiError`],
//! and this file alone decides its HTTP status, its stable `code` and its message (rendered in
//! the request's language from `error-<code>`). Internal errors are logged with context and
//! answered with a generic 500 body: no error text from a library ever reaches a response.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use domain::finding::Finding;
use i18n::{ArgValue, Catalog, Locale};
use registrar::{
    ApplicantError, ChangePasswordError, CheckReport, DraftError, FieldProblem, LoginError,
    PluginInstallError, PreRegisterError, ResetRequestError, SessionError, SetPasswordError,
    StaffError, SubmitError,
};
use serde_json::{Value, json};

/// An error answer, not yet rendered.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    locale: Locale,
    /// The optional parts, boxed so that `Result<_, ApiError>` stays small.
    extra: Box<Extras>,
}

#[derive(Debug, Default)]
struct Extras {
    args: Vec<(&'static str, ArgValue)>,
    fields: Vec<FieldProblem>,
    findings: Option<Value>,
    /// Kept so that `in_locale` can render the findings in the request's language.
    report: Option<Box<CheckReport>>,
    detail: Option<String>,
    retry_after_s: Option<i64>,
}

/// Every code an [`ApiError`] can carry; each has an `error-<code>` message in every locale.
pub const ERROR_CODES: &[&str] = &[
    "invalid_request",
    "not_found",
    "method_not_allowed",
    "payload_too_large",
    "too_many_requests",
    "service_busy",
    "cross_origin_request",
    "internal",
    "body_invalid_json",
    "body_not_object",
    "link_invalid",
    "link_expired",
    "application_already_submitted",
    "document_not_object",
    "findings_block_submission",
    "idempotency_key_missing",
    "idempotency_key_invalid",
    "idempotency_key_reused",
    "revision_mismatch",
    "password_link_invalid",
    "invalid_credentials",
    "too_many_attempts",
    "unauthenticated",
    "current_password_wrong",
    "postal_code_invalid",
    "postal_code_unknown",
    "fte_input_invalid",
    "fte_standard_hours_out_of_range",
    "fte_pattern_hours_out_of_range",
    "fte_too_many_decimals",
    "fte_too_large",
    "plugin_refused",
    "admin_disabled",
    "admin_unauthorized",
    "forbidden",
    "staff_unauthenticated",
    "enrolment_link_invalid",
    "tenant_exists",
    "tenant_not_ministry",
    "business_type_owned",
    "staff_email_taken",
    "staff_cannot_disable_self",
    "line_not_in_review",
    "inquiry_not_possible",
    "review_not_complete",
    "inquiry_not_open",
    "application_changed",
    "change_already_pending",
    "application_not_registered",
];

impl ApiError {
    /// An error with a status and a code from [`ERROR_CODES`].
    pub fn new(status: StatusCode, code: &'static str) -> Self {
        ApiError {
            status,
            code,
            locale: Locale::Ja,
            extra: Box::default(),
        }
    }

    /// Adds a message argument.
    pub fn arg(mut self, name: &'static str, value: impl Into<ArgValue>) -> Self {
        self.extra.args.push((name, value.into()));
        self
    }

    /// Renders the message in this locale.
    pub fn in_locale(mut self, locale: Locale) -> Self {
        self.locale = locale;
        if let Some(report) = &self.extra.report {
            self.extra.findings = Some(report_json(report, locale));
        }
        self
    }

    /// 422 with problems in named request fields.
    pub fn fields(fields: Vec<FieldProblem>) -> Self {
        let mut error = ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid_request");
        error.extra.fields = fields;
        error
    }

    /// Asks the client to come back after so many seconds (`Retry-After`).
    pub fn retry_after(mut self, seconds: i64) -> Self {
        self.extra.retry_after_s = Some(seconds);
        self
    }

    /// 503 with `Retry-After: 1`: the server is saturated; nothing was done, so the same
    /// request (with the same `Idempotency-Key`) may simply be sent again.
    pub fn service_busy() -> Self {
        ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "service_busy").retry_after(1)
    }

    /// A store failure: 503 when the database was only too busy to take the work in time (the
    /// transaction was rolled back, so a retry is safe), 500 otherwise.
    pub fn store(context: &str, err: &store::StoreError) -> Self {
        if err.is_busy() {
            tracing::warn!(context, error = %err, "database busy");
            ApiError::service_busy()
        } else {
            ApiError::internal(context, err)
        }
    }

    /// 500; the cause is logged here and never shown.
    pub fn internal(context: &str, cause: &dyn std::fmt::Display) -> Self {
        tracing::error!(context, error = %cause, "internal error");
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal")
    }

    /// The stable code.
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The message in `locale`, with the error's arguments (pages show it in their own layout).
    pub fn message(&self, locale: Locale) -> String {
        Catalog::embedded().message(locale, &format!("error-{}", self.code), &self.extra.args)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let catalog = Catalog::embedded();
        let message = catalog.message(
            self.locale,
            &format!("error-{}", self.code),
            &self.extra.args,
        );
        let mut error = json!({ "code": self.code, "message": message });
        if !self.extra.fields.is_empty() {
            error["fields"] = self
                .extra
                .fields
                .iter()
                .map(|field| field_json(field, self.locale))
                .collect();
        }
        if let Some(findings) = self.extra.findings {
            error["findings"] = findings;
        }
        if let Some(detail) = self.extra.detail {
            error["detail"] = Value::String(detail);
        }
        let mut response = (self.status, axum::Json(json!({ "error": error }))).into_response();
        if let Some(seconds) = self.extra.retry_after_s
            && let Ok(value) = HeaderValue::from_str(&seconds.max(1).to_string())
        {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        response
    }
}

fn field_json(field: &FieldProblem, locale: Locale) -> Value {
    let args: Vec<(&str, ArgValue)> = field
        .args
        .iter()
        .map(|(name, value)| (*name, ArgValue::from(*value)))
        .collect();
    json!({
        "path": field.path,
        "code": field.code,
        "message": Catalog::embedded().message(locale, &format!("error-{}", field.code), &args),
    })
}

/// Findings as the API shows them: path, code, severity, message in `locale`, and arguments.
pub fn findings_json(findings: &[Finding], locale: Locale) -> Value {
    let catalog = Catalog::embedded();
    findings
        .iter()
        .map(|finding| {
            let args: Vec<(&str, ArgValue)> = finding
                .args
                .iter()
                .map(|(name, value)| (*name, arg_value(value)))
                .collect();
            json!({
                "path": finding.path,
                "code": finding.code,
                "severity": finding.severity,
                "message": catalog.message(locale, &format!("finding-{}", finding.code), &args),
                "args": finding.args,
                "source": "core",
            })
        })
        .collect()
}

/// Every finding of a check: the core rules' first, then each plugin's (with `source`
/// `plugin:<ministry>@<version>`); a plugin that could not judge adds one `info` note instead,
/// never an error (the applicant is not to blame).
pub fn report_json(report: &CheckReport, locale: Locale) -> Value {
    let mut all = match findings_json(&report.core, locale) {
        Value::Array(items) => items,
        _ => Vec::new(),
    };
    for review in &report.plugins {
        let plugin = &review.plugin;
        let source = format!("plugin:{}", plugin.label());
        match &review.outcome {
            Ok(findings) => {
                for finding in findings {
                    let args: Vec<(&str, ArgValue)> = finding
                        .args
                        .iter()
                        .map(|(name, value)| {
                            (
                                name.as_str(),
                                match value {
                                    plugin_host::ArgValue::Text(t) => ArgValue::Text(t.clone()),
                                    plugin_host::ArgValue::Number(n) => ArgValue::Number(*n),
                                },
                            )
                        })
                        .collect();
                    let args_json: serde_json::Map<String, Value> = finding
                        .args
                        .iter()
                        .map(|(name, value)| {
                            let value = match value {
                                plugin_host::ArgValue::Text(t) => Value::String(t.clone()),
                                plugin_host::ArgValue::Number(n) => json!(n),
                            };
                            (name.clone(), value)
                        })
                        .collect();
                    all.push(json!({
                        "path": finding.path,
                        "code": finding.message_id,
                        "severity": match finding.severity {
                            plugin_host::Severity::Error => "error",
                            plugin_host::Severity::Warning => "warning",
                            plugin_host::Severity::Info => "info",
                        },
                        "message": plugin.message(locale, &finding.message_id, &args),
                        "args": args_json,
                        "source": source,
                    }));
                }
            }
            Err(_) => {
                let ministry = plugin.message(
                    locale,
                    &format!("{}-ministry-name", plugin.ministry_id()),
                    &[],
                );
                all.push(json!({
                    "path": "",
                    "code": "plugin_unavailable",
                    "severity": "info",
                    "message": Catalog::embedded().message(locale, "notice-plugin_unavailable", &[("ministry", ArgValue::Text(ministry))]),
                    "args": { "ministry": plugin.ministry_id() },
                    "source": source,
                }));
            }
        }
    }
    Value::Array(all)
}

fn arg_value(value: &Value) -> ArgValue {
    match value {
        Value::Number(n) => n
            .as_f64()
            .map_or_else(|| ArgValue::Text(n.to_string()), ArgValue::Number),
        Value::String(s) => ArgValue::Text(s.clone()),
        other => ArgValue::Text(other.to_string()),
    }
}

impl From<DraftError> for ApiError {
    fn from(err: DraftError) -> Self {
        match err {
            DraftError::LinkInvalid => ApiError::new(StatusCode::NOT_FOUND, "link_invalid"),
            DraftError::LinkExpired => ApiError::new(StatusCode::GONE, "link_expired"),
            DraftError::AlreadySubmitted => {
                ApiError::new(StatusCode::CONFLICT, "application_already_submitted")
            }
            DraftError::NotAnObject => {
                ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "document_not_object")
            }
            DraftError::Store(err) => ApiError::store("draft", &err),
        }
    }
}

impl From<SubmitError> for ApiError {
    fn from(err: SubmitError) -> Self {
        match err {
            SubmitError::Draft(err) => err.into(),
            SubmitError::IdempotencyKeyMissing => {
                ApiError::new(StatusCode::BAD_REQUEST, "idempotency_key_missing")
            }
            SubmitError::IdempotencyKeyInvalid => {
                ApiError::new(StatusCode::BAD_REQUEST, "idempotency_key_invalid")
            }
            SubmitError::IdempotencyKeyReused => {
                ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "idempotency_key_reused")
            }
            SubmitError::RevisionMismatch { current } => {
                ApiError::new(StatusCode::CONFLICT, "revision_mismatch")
                    .arg("current", i64::from(current))
            }
            SubmitError::Invalid(fields) => ApiError::fields(fields),
        }
    }
}

impl ApiError {
    /// 422: the document has error findings (core or plugin); nothing was submitted.
    pub fn findings(report: &CheckReport, locale: Locale) -> Self {
        let mut error = ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "findings_block_submission",
        )
        .in_locale(locale);
        error.extra.findings = Some(report_json(report, locale));
        error
    }

    /// Adds a technical detail for administrators (never user data, never a secret).
    pub fn detail(mut self, detail: String) -> Self {
        self.extra.detail = Some(detail);
        self
    }
}

impl From<PreRegisterError> for ApiError {
    fn from(err: PreRegisterError) -> Self {
        match err {
            PreRegisterError::Invalid(fields) => ApiError::fields(fields),
            PreRegisterError::Store(err) => ApiError::store("pre-registration", &err),
        }
    }
}

impl From<SetPasswordError> for ApiError {
    fn from(err: SetPasswordError) -> Self {
        match err {
            SetPasswordError::LinkInvalid => {
                ApiError::new(StatusCode::BAD_REQUEST, "password_link_invalid")
            }
            SetPasswordError::Invalid(fields) => ApiError::fields(fields),
            SetPasswordError::Store(err) => ApiError::store("set password", &err),
        }
    }
}

impl From<LoginError> for ApiError {
    fn from(err: LoginError) -> Self {
        match err {
            LoginError::InvalidCredentials => {
                ApiError::new(StatusCode::UNAUTHORIZED, "invalid_credentials")
            }
            LoginError::Throttled { retry_after_s } => {
                let mut error = ApiError::new(StatusCode::TOO_MANY_REQUESTS, "too_many_attempts")
                    .arg("seconds", retry_after_s);
                error.extra.retry_after_s = Some(retry_after_s);
                error
            }
            LoginError::Invalid(fields) => ApiError::fields(fields),
            LoginError::Store(err) => ApiError::store("login", &err),
        }
    }
}

impl From<SessionError> for ApiError {
    fn from(err: SessionError) -> Self {
        match err {
            SessionError::Unauthenticated => {
                ApiError::new(StatusCode::UNAUTHORIZED, "unauthenticated")
            }
            SessionError::Store(err) => ApiError::store("session", &err),
        }
    }
}

impl From<ChangePasswordError> for ApiError {
    fn from(err: ChangePasswordError) -> Self {
        match err {
            ChangePasswordError::Session(err) => err.into(),
            ChangePasswordError::CurrentPasswordWrong => {
                ApiError::new(StatusCode::FORBIDDEN, "current_password_wrong")
            }
            ChangePasswordError::Invalid(fields) => ApiError::fields(fields),
        }
    }
}

impl From<PluginInstallError> for ApiError {
    fn from(err: PluginInstallError) -> Self {
        match err {
            PluginInstallError::Refused(reason) => {
                ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "plugin_refused").detail(reason)
            }
            PluginInstallError::UnknownVersion => {
                ApiError::new(StatusCode::NOT_FOUND, "plugin_version_not_found")
            }
            PluginInstallError::Store(err) => ApiError::store("plugin install", &err),
        }
    }
}

impl From<ResetRequestError> for ApiError {
    fn from(err: ResetRequestError) -> Self {
        match err {
            ResetRequestError::Invalid(fields) => ApiError::fields(fields),
            ResetRequestError::Store(err) => ApiError::store("password reset", &err),
        }
    }
}

impl From<StaffError> for ApiError {
    fn from(err: StaffError) -> Self {
        match err {
            StaffError::Unauthenticated => {
                ApiError::new(StatusCode::UNAUTHORIZED, "staff_unauthenticated")
            }
            StaffError::Forbidden => ApiError::new(StatusCode::FORBIDDEN, "forbidden"),
            StaffError::NotFound => ApiError::new(StatusCode::NOT_FOUND, "not_found"),
            StaffError::Invalid(fields) => ApiError::fields(fields),
            StaffError::Conflict(code) => ApiError::new(StatusCode::CONFLICT, code),
            StaffError::Store(err) => ApiError::store("staff", &err),
        }
    }
}

impl From<ApplicantError> for ApiError {
    fn from(err: ApplicantError) -> Self {
        match err {
            ApplicantError::Session(err) => err.into(),
            ApplicantError::NotFound => ApiError::new(StatusCode::NOT_FOUND, "not_found"),
            ApplicantError::Invalid(fields) => ApiError::fields(fields),
            ApplicantError::Findings(report) => {
                let mut error = ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "findings_block_submission",
                );
                error.extra.findings = Some(report_json(&report, Locale::Ja));
                error.extra.report = Some(report);
                error
            }
            ApplicantError::Conflict(code) => ApiError::new(StatusCode::CONFLICT, code),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_conflict_code_of_the_use_cases_is_listed() {
        for code in [
            "tenant_exists",
            "business_type_owned",
            "review_not_complete",
            "inquiry_not_open",
            "change_already_pending",
        ] {
            assert!(ERROR_CODES.contains(&code), "{code}");
        }
    }

    #[test]
    fn every_error_code_has_a_message_in_every_locale() {
        let catalog = Catalog::embedded();
        for locale in Locale::ALL {
            for code in ERROR_CODES {
                let id = format!("error-{code}");
                assert!(catalog.has(locale, &id), "{} lacks {id}", locale.tag());
            }
        }
    }
}
