//! The OpenAPI 3.1 document of the JSON API, served at `/api/openapi.json`. Written out by
//! hand in one place; the tests check that it names exactly the `/api/v1` routes the router
//! serves.

use serde_json::{Value, json};

fn error_response(description: &str) -> Value {
    json!({
        "description": description,
        "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } }
    })
}

fn json_body(schema: Value) -> Value {
    json!({ "required": true, "content": { "application/json": { "schema": schema } } })
}

fn ok(description: &str, schema: Value) -> Value {
    json!({ "description": description, "content": { "application/json": { "schema": schema } } })
}

fn token_param() -> Value {
    json!({ "name": "token", "in": "path", "required": true,
            "description": "The secret token from the mailed link.",
            "schema": { "type": "string", "pattern": "^[A-Za-z0-9_-]{43}$" } })
}

fn lang_param() -> Value {
    json!({ "name": "lang", "in": "query", "required": false,
            "description": "Language of messages (ja, en); otherwise Accept-Language, otherwise ja.",
            "schema": { "type": "string" } })
}

/// A path parameter (an identifier in the URL).
fn path_param(name: &str, description: &str) -> Value {
    json!({ "name": name, "in": "path", "required": true, "description": description,
            "schema": { "type": "string" } })
}

/// An optional query parameter.
fn query_param(name: &str, description: &str, schema: Value) -> Value {
    json!({ "name": name, "in": "query", "required": false, "description": description,
            "schema": schema })
}

/// The operation with these parameters added after its own.
fn with_params(mut operation: Value, params: &[Value]) -> Value {
    if let Some(list) = operation["parameters"].as_array_mut() {
        list.extend(params.iter().cloned());
    }
    operation
}

/// An e-mail address as the server accepts it: one `@`, a non-empty local part, a dotted
/// domain, visible ASCII only (`registrar::pre_registration::is_plausible_email`), at most 50
/// characters.
fn email_schema() -> Value {
    json!({ "type": "string", "maxLength": 50,
            "pattern": "^[!-?A-~]+@[!-\\-/-?A-~]+(\\.[!-\\-/-?A-~]+)+$" })
}

/// Text that must not be blank (the server trims it) and has at most `max` characters.
fn text_schema(max: u32) -> Value {
    json!({ "type": "string", "pattern": "\\S", "maxLength": max })
}

/// An operation: summary, optional JSON request body, and the answers it gives.
fn op(summary: &str, body: Option<Value>, success: (&str, &str), errors: &[(&str, &str)]) -> Value {
    let mut responses = serde_json::Map::new();
    let answer = if success.0 == "204" {
        json!({ "description": success.1 })
    } else {
        ok(success.1, json!({ "type": "object" }))
    };
    responses.insert(success.0.to_owned(), answer);
    for (status, description) in errors {
        responses.insert((*status).to_owned(), error_response(description));
    }
    let mut operation =
        json!({ "summary": summary, "parameters": [lang_param()], "responses": responses });
    if let Some(schema) = body {
        operation["requestBody"] = json_body(schema);
    }
    operation
}

fn object(required: &[&str], properties: Value) -> Value {
    json!({ "type": "object", "required": required, "properties": properties })
}

const STAFF: (&str, &str) = (
    "401",
    "No valid staff session (e-mail, password and TOTP code).",
);
const DENIED: (&str, &str) = ("403", "The role does not allow this.");
const HIDDEN: (&str, &str) = (
    "404",
    "No such thing, or not one the caller's tenant may see.",
);
const FIELDS: (&str, &str) = ("422", "Field problems.");
const STATE: (&str, &str) = (
    "409",
    "Not possible in the current state (`code` says why).",
);
const APPLICANT: (&str, &str) = ("401", "Not logged in.");

/// Tenancy, review, registration, the public register and change notifications.
fn review_paths() -> Value {
    let document = json!({ "$ref": "#/components/schemas/ApplicationDocument" });
    let id = path_param("id", "The application's id.");
    let tenant = path_param("tenant", "The tenant's id (a ministry's id, or `central`).");
    let staff_id = path_param("staff_id", "The staff member's id.");
    let line = path_param(
        "line",
        "The review line's number within the application (from the review view).",
    );
    let inquiry = path_param("id", "The inquiry's id.");
    let status = |description: &str, values: &[&str]| {
        query_param("status", description, json!({ "enum": values }))
    };
    json!({
        "/api/v1/staff/enrolment": { "post": op("Enrol with the mailed link: set the password, receive the TOTP secret (once).",
            Some(object(&["token", "password"], json!({ "token": { "type": "string" }, "password": { "type": "string", "minLength": 8, "maxLength": 128 } }))),
            ("200", "`totp_secret` and `otpauth_uri`."), &[("400", "Unknown, used or expired link; or body not JSON."), ("422", "Password refused.")]) },
        "/api/v1/staff/sessions": { "post": op("Staff login with e-mail, password and TOTP code; sets the staff cookie.",
            Some(object(&["email", "password", "code"], json!({ "email": { "type": "string", "pattern": "\\S" }, "password": { "type": "string", "minLength": 1 }, "code": { "type": "string", "pattern": "^[0-9]{6}$" } }))),
            ("201", "Logged in."), &[("401", "Wrong e-mail, password or code (one answer)."), ("429", "Too many failures; Retry-After."), FIELDS]) },
        "/api/v1/staff/sessions/current": { "delete": op("Log out (staff).", None, ("204", "Logged out."), &[STAFF]) },
        "/api/v1/staff/me": { "get": op("The logged-in staff member: tenant and role.", None, ("200", "The staff member."), &[STAFF]) },
        "/api/v1/admin/tenants": {
            "get": op("Tenants with their business types (central administration).", None, ("200", "`items`."), &[STAFF, DENIED]),
            "post": op("Create a ministry tenant (central administration).",
                Some(object(&["id", "name"], json!({ "id": { "type": "string", "pattern": "^[a-z0-9][a-z0-9-]{1,31}$", "description": "Not `none`." }, "name": text_schema(100) }))),
                ("201", "Created."), &[STAFF, DENIED, STATE, FIELDS]) },
        "/api/v1/admin/tenants/{tenant}/business-types": { "parameters": [tenant.clone()],
            "put": op("Approve the business types a ministry owns (replaces its set; routes waiting lines).",
            Some(object(&["business_types"], json!({ "business_types": { "type": "array", "items": { "type": "string" } } }))),
            ("200", "The tenant."), &[STAFF, DENIED, HIDDEN, STATE, FIELDS]) },
        "/api/v1/tenants/{tenant}/staff": { "parameters": [tenant.clone()],
            "get": op("Staff of a tenant (its administrators, the central administration).", None, ("200", "`items`."), &[STAFF, HIDDEN]),
            "post": op("Create a staff member; the enrolment link is mailed.",
                Some(object(&["email", "name", "role"], json!({ "email": email_schema(), "name": text_schema(100), "role": { "enum": ["central_admin", "ministry_admin", "reviewer"] } }))),
                ("201", "`id`."), &[STAFF, HIDDEN, STATE, FIELDS]) },
        "/api/v1/tenants/{tenant}/staff/{staff_id}": { "parameters": [tenant, staff_id],
            "delete": op("Disable a staff member (ends their sessions).", None, ("204", "Disabled."), &[STAFF, HIDDEN, STATE]) },
        "/api/v1/review/queue": { "get": with_params(op("The caller's ministry's review queue, with `new` and `changed_since_seen` markers.",
            None, ("200", "`items` and `next_cursor`."), &[STAFF, DENIED, FIELDS]), &[
                status("Only applications whose task is in this status.", &["open", "inquiry", "decided"]),
                query_param("q", "Applicant name (three characters or more use the trigram index).", json!({ "type": "string" })),
                query_param("sort", "`submitted_at` (oldest first, the default) or `-submitted_at`.", json!({ "enum": ["submitted_at", "-submitted_at"] })),
                query_param("cursor", "`next_cursor` of the previous page.", json!({ "type": "string", "pattern": "^-?[0-9]{1,18}\\.[!-~]{1,64}$" })),
                query_param("limit", "Items per page (default 50).", json!({ "type": "integer", "minimum": 1, "maximum": 200 })),
            ]) },
        "/api/v1/review/applications/{id}": { "parameters": [id.clone()],
            "get": op("The applicant section, the caller's own lines with decisions, its inquiries with answers and diffs, the current round's changes, and the findings on its part (audited).",
            None, ("200", "The view."), &[STAFF, HIDDEN]) },
        "/api/v1/review/applications/{id}/lines/{line}/decision": { "parameters": [id.clone(), line],
            "post": op("Accept a line, or reject it with a reason.",
            Some(json!({ "type": "object", "required": ["decision"],
                "properties": { "decision": { "enum": ["accept", "reject"] }, "reason": { "type": "string", "maxLength": 2000 } },
                "if": { "properties": { "decision": { "const": "reject" } } },
                "then": { "required": ["reason"], "properties": { "reason": { "pattern": "\\S" } } } })),
            ("200", "The line."), &[STAFF, HIDDEN, STATE, FIELDS]) },
        "/api/v1/review/applications/{id}/inquiries": { "parameters": [id.clone()],
            "post": op("Send an inquiry (疑義照会) anchored to fields the caller sees; the applicant is mailed.",
            Some(object(&["paths", "message"], json!({ "paths": { "type": "array", "items": { "type": "string" }, "minItems": 1, "maxItems": 50 }, "message": { "type": "string", "maxLength": 4000 } }))),
            ("201", "The inquiry."), &[STAFF, HIDDEN, STATE, FIELDS]) },
        "/api/v1/central/applications": { "get": with_params(op("Applications in a status (default `reviewed`: ready to register).", None, ("200", "`items`."), &[STAFF, DENIED, FIELDS]),
            &[status("The applications' status (default `reviewed`).",
                &["submitted", "returned", "reviewed", "registered", "rejected", "change_pending"])]) },
        "/api/v1/central/applications/{id}": { "parameters": [id.clone()],
            "get": op("The whole application with every ministry's lines (audited).", None, ("200", "The application."), &[STAFF, HIDDEN]) },
        "/api/v1/central/applications/{id}/registration": { "parameters": [id.clone()],
            "post": op("Register the accepted part (number, date, five years), or reject when nothing was accepted; mails the applicant.",
            None, ("201", "`status`, `registration_number`, `registered_on`, `valid_until`."), &[STAFF, DENIED, HIDDEN, STATE]) },
        "/api/v1/central/applications/{id}/audit": { "parameters": [id],
            "get": op("The application's audit trail with its hash chain checked.", None, ("200", "`entries` and `chain.valid`."), &[STAFF, HIDDEN]) },
        "/api/v1/register": { "get": {
            "summary": "The public register: published items only; `format=csv` streams the whole filtered list as CSV.",
            "parameters": [lang_param(),
                query_param("q", "Applicant or establishment name.", json!({ "type": "string" })),
                query_param("business_type", "A business type's id.", json!({ "type": "string" })),
                query_param("prefecture", "A prefecture's name.", json!({ "type": "string" })),
                query_param("cursor", "`next_cursor` of the previous page.", json!({ "type": "string", "pattern": "^[0-9]{1,18}$" })),
                query_param("limit", "Items per page (default 50).", json!({ "type": "integer", "minimum": 1, "maximum": 1000 })),
                query_param("format", "`csv`: the whole filtered list as CSV (UTF-8 with BOM); anything else: a JSON page.", json!({ "type": "string" }))],
            "responses": {
                "200": { "description": "`items` and `next_cursor`, or CSV.", "content": {
                    "application/json": { "schema": { "type": "object", "properties": {
                        "items": { "type": "array", "items": { "type": "object" } },
                        "next_cursor": { "type": ["string", "null"] } } } },
                    "text/csv": { "schema": { "type": "string" } } } },
                "422": error_response("Field problems.") } } },
        "/api/v1/me/inquiries": { "get": op("Inquiries about the applicant's application.", None, ("200", "`items`."), &[APPLICANT]) },
        "/api/v1/me/inquiries/{id}/answer": { "parameters": [inquiry],
            "post": op("Answer an inquiry with a message and the corrected document; only the flagged fields may differ.",
            Some(object(&["message", "document"], json!({ "message": { "type": "string", "maxLength": 4000 }, "document": document }))),
            ("200", "`changes` (the diff)."), &[APPLICANT, ("404", "No such inquiry."), STATE, ("422", "Edits outside the flagged fields, or findings.")]) },
        "/api/v1/me/change-notifications/preview": { "post": op("Every change against the registered record and whether it needs a change notification (stores nothing).",
            Some(object(&["document"], json!({ "document": document }))),
            ("200", "`changes`, `notification_required`."), &[APPLICANT, STATE, ("422", "No change, or findings.")]) },
        "/api/v1/me/change-notifications": { "post": op("File the change: reviewed by the owning ministries when a notification is needed, applied at once otherwise.",
            Some(object(&["document"], json!({ "document": document }))),
            ("201", "`id`, `status` (`pending` / `applied`), `changes`."), &[APPLICANT, STATE, ("422", "No change, or findings.")]) },
    })
}

/// What `domain::text::normalise_postal_code` accepts: spaces around, an optional 〒, seven
/// half- or full-width digits with hyphen-like characters and spaces between.
const POSTAL_CODE_PATTERN: &str = "^[ \u{3000}\t\u{a0}]*\u{3012}?(?:[ \u{3000}\t\u{a0}\\-\u{30fc}\u{2212}\u{2010}-\u{2015}\u{fe63}\u{ff0d}\u{ff70}]*[0-9\u{ff10}-\u{ff19}]){7}[ \u{3000}\t\u{a0}\\-\u{30fc}\u{2212}\u{2010}-\u{2015}\u{fe63}\u{ff0d}\u{ff70}]*$";

/// The whole document.
pub fn document() -> Value {
    let mut document = base_document();
    if let (Some(paths), Value::Object(more)) = (document["paths"].as_object_mut(), review_paths())
    {
        paths.extend(more);
    }
    describe_guard_answers(&mut document);
    document
}

/// Adds the answers that any operation can give before or beside its handler (`guard.rs`,
/// `lib.rs`): 429 past the per-client rate, 503 when every slot is busy (both with
/// `Retry-After`), 403 to a state-changing request that a browser says came from another site,
/// and, for a JSON body, 400 when it is not JSON and 413 when it is over the size limit.
fn describe_guard_answers(document: &mut Value) {
    let Some(paths) = document["paths"].as_object_mut() else {
        return;
    };
    for (path, item) in paths.iter_mut() {
        // The calculator answers every unreadable body with 422 and `fields`.
        let reads_json_itself = path == "/api/v1/fte";
        let Some(item) = item.as_object_mut() else {
            continue;
        };
        for (method, operation) in item.iter_mut() {
            if !matches!(method.as_str(), "get" | "put" | "post" | "delete" | "patch") {
                continue; // path-level `parameters`
            }
            let has_body = operation.get("requestBody").is_some();
            let json_body = operation["requestBody"]["content"]
                .get("application/json")
                .is_some();
            let Some(responses) = operation["responses"].as_object_mut() else {
                continue;
            };
            let needs_400 = json_body && !reads_json_itself && !responses.contains_key("400");
            let needs_413 = has_body && !responses.contains_key("413");
            let mut add = |status: &str, description: &str, retry_after: bool| {
                add_answer(responses, status, description, retry_after);
            };
            add(
                "429",
                "Too many requests from this client (`too_many_requests`); see Retry-After.",
                true,
            );
            add(
                "503",
                "The server is saturated (`service_busy`): nothing was done; try again after Retry-After.",
                true,
            );
            if matches!(method.as_str(), "post" | "put" | "delete" | "patch") {
                add(
                    "403",
                    "A browser's request from another site (`cross_origin_request`).",
                    false,
                );
            }
            if needs_400 {
                add("400", "The body is not JSON (`body_invalid_json`).", false);
            }
            if needs_413 {
                add(
                    "413",
                    "The body is over the size limit (`payload_too_large`).",
                    false,
                );
            }
        }
    }
}

/// Adds `description` to the answer `status` of an operation (a new error answer, or "Or: …"
/// after the description it has).
fn add_answer(
    responses: &mut serde_json::Map<String, Value>,
    status: &str,
    description: &str,
    retry_after: bool,
) {
    let entry = responses
        .entry(status.to_owned())
        .or_insert_with(|| error_response(""));
    let text = entry["description"].as_str().unwrap_or_default();
    entry["description"] = Value::String(if text.is_empty() {
        description.to_owned()
    } else {
        format!("{text} Or: {description}")
    });
    if retry_after {
        entry["headers"] = json!({ "Retry-After": {
            "description": "Seconds to wait before trying again.",
            "schema": { "type": "integer", "minimum": 1 } } });
    }
}

/// The calculator's input (`domain::fte::FteInput`).
fn fte_input_schema() -> Value {
    let pattern = json!({ "type": "object", "required": ["people", "hours_per_week"],
        "properties": { "people": { "type": "integer", "minimum": 0, "maximum": u32::MAX },
            "hours_per_week": { "type": "number", "minimum": 0, "maximum": 168 } } });
    json!({ "type": "object", "required": ["standard_weekly_hours", "full_time"],
        "description": "Hours have at most two decimals; a pattern's hours may not exceed the standard week.",
        "properties": { "standard_weekly_hours": { "type": "number", "exclusiveMinimum": 0, "maximum": 168 },
            "full_time": { "type": "integer", "minimum": 0, "maximum": u32::MAX },
            "patterns": { "type": "array", "items": pattern } } })
}

fn base_document() -> Value {
    let draft_ref = json!({ "$ref": "#/components/schemas/Draft" });
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Tōroku API",
            "version": "1.0.0",
            "description": "Registration for 特定接種 (priority vaccination): the applicant's path. \
                Errors are `{\"error\": {\"code\", \"message\", \"fields\"?, \"findings\"?}}` with \
                the message in the request's language."
        },
        "paths": {
            "/api/v1/pre-registrations": { "post": {
                "summary": "Pre-register an e-mail address; a mail with the form link follows.",
                "parameters": [lang_param()],
                "requestBody": json_body(json!({ "type": "object", "required": ["email", "email_confirmation"],
                    "properties": { "email": email_schema(), "email_confirmation": email_schema() } })),
                "responses": { "202": ok("Accepted (the same answer for known and unknown addresses).", json!({ "$ref": "#/components/schemas/Notice" })),
                               "400": error_response("Body is not JSON."),
                               "422": error_response("Field problems.") } } },
            "/api/v1/drafts/{token}": {
                "parameters": [token_param(), lang_param()],
                "get": { "summary": "Load the draft.",
                    "responses": { "200": ok("The draft.", draft_ref.clone()),
                                   "404": error_response("Unknown link."), "409": error_response("Already submitted."),
                                   "410": error_response("Link expired.") } },
                "put": { "summary": "Save the whole document as typed; it comes back normalised.",
                    "requestBody": json_body(json!({ "$ref": "#/components/schemas/ApplicationDocument" })),
                    "responses": { "200": ok("Saved; `changes` lists what normalisation rewrote.", draft_ref),
                                   "400": error_response("Body is not JSON."), "404": error_response("Unknown link."),
                                   "409": error_response("Already submitted."), "410": error_response("Link expired."),
                                   "413": error_response("Too large."), "422": error_response("Not a JSON object.") } } },
            "/api/v1/drafts/{token}/check": { "post": {
                "summary": "Every finding on the stored draft, without submitting.",
                "parameters": [token_param(), lang_param()],
                "responses": { "200": ok("Findings.", json!({ "type": "object", "properties": {
                        "submittable": { "type": "boolean" },
                        "counts": { "type": "object" },
                        "findings": { "type": "array", "items": { "$ref": "#/components/schemas/Finding" } } } })),
                               "404": error_response("Unknown link."), "409": error_response("Already submitted."),
                               "410": error_response("Link expired.") } } },
            "/api/v1/drafts/{token}/submit": { "post": {
                "summary": "Submit the draft (idempotent per Idempotency-Key).",
                "parameters": [token_param(), lang_param(),
                    { "name": "Idempotency-Key", "in": "header", "required": true,
                      "description": "Visible ASCII, at most 255 characters; the same key with the same body gets the stored answer.",
                      "schema": { "type": "string", "pattern": "^[!-~]{1,255}$" } }],
                "requestBody": { "required": false, "content": { "application/json": { "schema": {
                    "type": "object", "additionalProperties": false, "properties": { "revision": {
                    "type": "integer", "minimum": i32::MIN, "maximum": i32::MAX,
                    "description": "The revision the applicant confirmed; 409 if the draft changed since." } } } } } },
                "responses": { "201": ok("Submitted (or the stored answer to the same key and body, with Idempotent-Replayed: true).",
                        json!({ "type": "object", "properties": { "application_id": { "type": "string" },
                                "status": { "type": "string" }, "submitted_at": { "type": "string", "format": "date-time" } } })),
                               "400": error_response("Idempotency-Key missing or malformed."),
                               "422": error_response("Error findings block submission (in `findings`); the key was reused with another body; or the body is not `{\"revision\"}`."),
                               "404": error_response("Unknown link."), "409": error_response("Already submitted, or revision mismatch."),
                               "410": error_response("Link expired.") } } },
            "/api/v1/account/password": { "post": {
                "summary": "Set the password from a mailed single-use link.",
                "parameters": [lang_param()],
                "requestBody": json_body(json!({ "type": "object", "required": ["token", "password"],
                    "properties": { "token": { "type": "string" }, "password": { "type": "string", "minLength": 8, "maxLength": 128 } } })),
                "responses": { "200": ok("Password set.", json!({ "$ref": "#/components/schemas/Notice" })),
                               "400": error_response("Link invalid, used or expired; or body not JSON."),
                               "422": error_response("Password refused.") } } },
            "/api/v1/sessions": { "post": {
                "summary": "Log in; sets the session cookie.",
                "parameters": [lang_param()],
                "requestBody": json_body(json!({ "type": "object", "required": ["login_id", "password"],
                    "properties": { "login_id": { "type": "string", "pattern": "\\S" }, "password": { "type": "string", "minLength": 1 } } })),
                "responses": { "201": ok("Logged in.", json!({ "type": "object" })),
                               "400": error_response("Body is not JSON."),
                               "401": error_response("Wrong login id or password (one answer for both)."),
                               "422": error_response("Missing fields."),
                               "429": error_response("Too many failures; see Retry-After.") } } },
            "/api/v1/sessions/current": { "delete": {
                "summary": "Log out.",
                "responses": { "204": { "description": "Logged out." } } } },
            "/api/v1/me/application": { "get": {
                "summary": "The logged-in applicant's application and its status.",
                "parameters": [lang_param()],
                "responses": { "200": ok("The application.", json!({ "type": "object" })),
                               "401": error_response("Not logged in."), "404": error_response("No application.") } } },
            "/api/v1/me/password": { "post": {
                "summary": "Change the password (needs the current one); ends other sessions.",
                "parameters": [lang_param()],
                "requestBody": json_body(json!({ "type": "object", "required": ["current_password", "new_password"],
                    "properties": { "current_password": { "type": "string" }, "new_password": { "type": "string" } } })),
                "responses": { "200": ok("Changed.", json!({ "$ref": "#/components/schemas/Notice" })),
                               "400": error_response("Body is not JSON."), "401": error_response("Not logged in."),
                               "403": error_response("Current password wrong."), "422": error_response("New password refused.") } } },
            "/api/v1/password-resets": { "post": {
                "summary": "Ask for a reset link by login e-mail and the applicant phone on file.",
                "parameters": [lang_param()],
                "requestBody": json_body(json!({ "type": "object", "required": ["email", "phone"],
                    "properties": { "email": email_schema(), "phone": { "type": "string", "pattern": "\\S" } } })),
                "responses": { "202": ok("Accepted (the same answer whether or not they match).", json!({ "$ref": "#/components/schemas/Notice" })),
                               "400": error_response("Body is not JSON."), "422": error_response("Missing fields.") } } },
            "/api/v1/postal-codes/{code}": { "get": {
                "summary": "Prefecture and city candidates of a postal code.",
                "parameters": [{ "name": "code", "in": "path", "required": true,
                    "description": "Seven digits as people type them: full-width digits, hyphens, spaces and a leading 〒 are accepted.",
                    "schema": { "type": "string", "pattern": POSTAL_CODE_PATTERN } }, lang_param()],
                "responses": { "200": ok("Candidates.", json!({ "type": "object", "properties": {
                        "postal_code": { "type": "string" },
                        "candidates": { "type": "array", "items": { "type": "object", "properties": {
                            "prefecture": { "type": "string" }, "city": { "type": "string" } } } } } })),
                               "404": error_response("Unknown code."), "422": error_response("Not 7 digits.") } } },
            "/api/v1/catalogue": { "get": {
                "summary": "Installed ministries with their business types, sub-types, target work and extra fields.",
                "parameters": [lang_param()],
                "responses": { "200": ok("The catalogue, labelled in the request's language.", json!({ "type": "object", "properties": {
                    "ministries": { "type": "array", "items": { "type": "object" } } } })) } } },
            "/api/v1/admin/plugins": { "get": {
                "summary": "Every stored plugin version, by ministry, newest first (central administration or admin token).",
                "parameters": [lang_param()],
                "responses": { "200": ok("Versions.", json!({ "type": "object", "properties": {
                        "items": { "type": "array", "items": { "type": "object", "properties": {
                            "ministry_id": { "type": "string" }, "version": { "type": "string" }, "sha256": { "type": "string" },
                            "active": { "type": "boolean" }, "installed_at": { "type": "string" }, "installed_by": { "type": "string" } } } } } })),
                               "401": error_response("Not logged in / wrong token."), "403": error_response("Not the central administration.") } },
              "post": {
                "summary": "Install a plugin version (the .wasm component as the body); it takes effect at once.",
                "description": "A central administrator's staff session, or `Authorization: Bearer <TOROKU_ADMIN_TOKEN>` for automation (disabled when the token is not configured).",
                "parameters": [lang_param()],
                "requestBody": { "required": true, "content": {
                    "application/wasm": { "schema": { "type": "string", "format": "binary" } },
                    "application/octet-stream": { "schema": { "type": "string", "format": "binary" } } } },
                "responses": { "201": ok("Installed.", json!({ "type": "object", "properties": {
                        "ministry_id": { "type": "string" }, "version": { "type": "string" },
                        "replaced": { "type": ["string", "null"] }, "business_types": { "type": "integer" } } })),
                               "401": error_response("Wrong token."), "403": error_response("Admin API disabled."),
                               "413": error_response("File too large."),
                               "422": error_response("Refused: `detail` says why (nothing changed).") } } },
            "/api/v1/admin/plugins/{ministry}/versions/{version}/activation": { "post": {
                "summary": "Put a stored plugin version back in force (roll back, or forward again); validated as on install.",
                "parameters": [{ "name": "ministry", "in": "path", "required": true, "schema": { "type": "string" } },
                               { "name": "version", "in": "path", "required": true, "schema": { "type": "string" } }, lang_param()],
                "responses": { "200": ok("In force now.", json!({ "type": "object", "properties": {
                        "ministry_id": { "type": "string" }, "version": { "type": "string" },
                        "replaced": { "type": ["string", "null"] }, "business_types": { "type": "integer" } } })),
                               "401": error_response("Not logged in / wrong token."), "403": error_response("Not the central administration."),
                               "404": error_response("No such stored version."),
                               "422": error_response("Already in force, or no longer loads: `detail` says why (nothing changed).") } } },
            "/api/v1/fte": { "post": {
                "summary": "Full-time equivalent of work patterns, rounded up once.",
                "parameters": [lang_param()],
                "requestBody": json_body(fte_input_schema()),
                "responses": { "200": ok("FTE.", json!({ "type": "object", "properties": {
                        "fte_exact": { "type": "number" }, "fte": { "type": "integer" } } })),
                               "422": error_response("Not JSON, not of this shape, or out of range (`fields` says where).") } } }
        },
        "components": { "schemas": {
            "Error": { "type": "object", "required": ["error"], "properties": { "error": { "type": "object",
                "required": ["code", "message"], "properties": {
                    "code": { "type": "string" }, "message": { "type": "string" },
                    "fields": { "type": "array", "items": { "type": "object", "properties": {
                        "path": { "type": "string" }, "code": { "type": "string" }, "message": { "type": "string" } } } },
                    "findings": { "type": "array", "items": { "$ref": "#/components/schemas/Finding" } } } } } },
            "Notice": { "type": "object", "properties": { "message": { "type": "string" } } },
            "Finding": { "type": "object", "required": ["path", "code", "severity", "message"], "properties": {
                "path": { "type": "string", "description": "JSON Pointer into the application document." },
                "code": { "type": "string" }, "severity": { "enum": ["error", "warning", "info"] },
                "message": { "type": "string" }, "args": { "type": "object" }, "source": { "type": "string" } } },
            "ApplicationDocument": { "type": "object",
                "description": "The application as typed; see application.example.json. Unknown fields are kept." },
            "Draft": { "type": "object", "properties": {
                "application_id": { "type": "string" }, "status": { "type": "string" },
                "revision": { "type": "integer" }, "link_expires_at": { "type": "string", "format": "date-time" },
                "updated_at": { "type": "string", "format": "date-time" },
                "document": { "$ref": "#/components/schemas/ApplicationDocument" },
                "changes": { "type": "array", "items": { "$ref": "#/components/schemas/Finding" } } } }
        } }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const METHODS: [&str; 5] = ["get", "put", "post", "delete", "patch"];

    #[test]
    fn every_path_parameter_is_declared() {
        let document = document();
        for (path, item) in document["paths"].as_object().into_iter().flatten() {
            let names: Vec<&str> = path
                .split('/')
                .filter_map(|s| s.strip_prefix('{')?.strip_suffix('}'))
                .collect();
            for method in METHODS {
                let Some(operation) = item.get(method) else {
                    continue;
                };
                let declared: Vec<&str> = item["parameters"]
                    .as_array()
                    .into_iter()
                    .chain(operation["parameters"].as_array())
                    .flatten()
                    .filter(|p| p["in"] == "path")
                    .filter_map(|p| p["name"].as_str())
                    .collect();
                for name in &names {
                    assert!(
                        declared.contains(name),
                        "{method} {path}: path parameter {name} is not declared"
                    );
                }
            }
        }
    }

    #[test]
    fn every_operation_describes_the_guards_answers() {
        let document = document();
        for (path, item) in document["paths"].as_object().into_iter().flatten() {
            for method in METHODS {
                let Some(operation) = item.get(method) else {
                    continue;
                };
                let responses = &operation["responses"];
                for status in ["429", "503"] {
                    assert!(
                        responses[status]["headers"]["Retry-After"].is_object(),
                        "{method} {path}: {status} with Retry-After"
                    );
                }
                if method != "get" {
                    assert!(responses["403"].is_object(), "{method} {path}: 403");
                }
                if operation["requestBody"].is_object() {
                    assert!(responses["413"].is_object(), "{method} {path}: 413");
                }
            }
        }
    }
}
