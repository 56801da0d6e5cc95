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

/// An operation: summary, optional JSON request body, and the answers it gives.
fn op(summary: &str, body: Option<Value>, success: (&str, &str), errors: &[(&str, &str)]) -> Value {
    let mut responses = serde_json::Map::new();
    responses.insert(success.0.to_owned(), json!({ "description": success.1 }));
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
    json!({
        "/api/v1/staff/enrolment": { "post": op("Enrol with the mailed link: set the password, receive the TOTP secret (once).",
            Some(object(&["token", "password"], json!({ "token": { "type": "string" }, "password": { "type": "string", "minLength": 8, "maxLength": 128 } }))),
            ("200", "`totp_secret` and `otpauth_uri`."), &[("400", "Unknown, used or expired link."), FIELDS]) },
        "/api/v1/staff/sessions": { "post": op("Staff login with e-mail, password and TOTP code; sets the staff cookie.",
            Some(object(&["email", "password", "code"], json!({ "email": { "type": "string" }, "password": { "type": "string" }, "code": { "type": "string", "pattern": "^[0-9]{6}$" } }))),
            ("201", "Logged in."), &[("401", "Wrong e-mail, password or code (one answer)."), ("429", "Too many failures; Retry-After."), FIELDS]) },
        "/api/v1/staff/sessions/current": { "delete": op("Log out (staff).", None, ("204", "Logged out."), &[STAFF]) },
        "/api/v1/staff/me": { "get": op("The logged-in staff member: tenant and role.", None, ("200", "The staff member."), &[STAFF]) },
        "/api/v1/admin/tenants": {
            "get": op("Tenants with their business types (central administration).", None, ("200", "`items`."), &[STAFF, DENIED]),
            "post": op("Create a ministry tenant (central administration).",
                Some(object(&["id", "name"], json!({ "id": { "type": "string", "pattern": "^[a-z0-9-]{2,32}$" }, "name": { "type": "string", "maxLength": 100 } }))),
                ("201", "Created."), &[STAFF, DENIED, STATE, FIELDS]) },
        "/api/v1/admin/tenants/{tenant}/business-types": { "put": op("Approve the business types a ministry owns (replaces its set; routes waiting lines).",
            Some(object(&["business_types"], json!({ "business_types": { "type": "array", "items": { "type": "string" } } }))),
            ("200", "The tenant."), &[STAFF, DENIED, HIDDEN, STATE, FIELDS]) },
        "/api/v1/tenants/{tenant}/staff": {
            "get": op("Staff of a tenant (its administrators, the central administration).", None, ("200", "`items`."), &[STAFF, HIDDEN]),
            "post": op("Create a staff member; the enrolment link is mailed.",
                Some(object(&["email", "name", "role"], json!({ "email": { "type": "string" }, "name": { "type": "string" }, "role": { "enum": ["central_admin", "ministry_admin", "reviewer"] } }))),
                ("201", "`id`."), &[STAFF, HIDDEN, STATE, FIELDS]) },
        "/api/v1/tenants/{tenant}/staff/{staff_id}": { "delete": op("Disable a staff member (ends their sessions).", None, ("204", "Disabled."), &[STAFF, HIDDEN, STATE]) },
        "/api/v1/review/queue": { "get": op("The caller's ministry's review queue: `status`, `q` (applicant name), `sort` (`submitted_at` / `-submitted_at`), `cursor`, `limit` (≤ 200); `new` and `changed_since_seen` markers.",
            None, ("200", "`items` and `next_cursor`."), &[STAFF, DENIED, FIELDS]) },
        "/api/v1/review/applications/{id}": { "get": op("The applicant section, the caller's own lines with decisions, its inquiries with answers and diffs, the current round's changes, and the findings on its part (audited).",
            None, ("200", "The view."), &[STAFF, HIDDEN]) },
        "/api/v1/review/applications/{id}/lines/{line}/decision": { "post": op("Accept a line, or reject it with a reason.",
            Some(object(&["decision"], json!({ "decision": { "enum": ["accept", "reject"] }, "reason": { "type": "string", "maxLength": 2000 } }))),
            ("200", "The line."), &[STAFF, HIDDEN, STATE, FIELDS]) },
        "/api/v1/review/applications/{id}/inquiries": { "post": op("Send an inquiry (疑義照会) anchored to fields the caller sees; the applicant is mailed.",
            Some(object(&["paths", "message"], json!({ "paths": { "type": "array", "items": { "type": "string" }, "minItems": 1, "maxItems": 50 }, "message": { "type": "string", "maxLength": 4000 } }))),
            ("201", "The inquiry."), &[STAFF, HIDDEN, STATE, FIELDS]) },
        "/api/v1/central/applications": { "get": op("Applications in a status (default `reviewed`: ready to register).", None, ("200", "`items`."), &[STAFF, DENIED, FIELDS]) },
        "/api/v1/central/applications/{id}": { "get": op("The whole application with every ministry's lines (audited).", None, ("200", "The application."), &[STAFF, HIDDEN]) },
        "/api/v1/central/applications/{id}/registration": { "post": op("Register the accepted part (number, date, five years), or reject when nothing was accepted; mails the applicant.",
            None, ("201", "`status`, `registration_number`, `registered_on`, `valid_until`."), &[STAFF, DENIED, HIDDEN, STATE]) },
        "/api/v1/central/applications/{id}/audit": { "get": op("The application's audit trail with its hash chain checked.", None, ("200", "`entries` and `chain.valid`."), &[STAFF, HIDDEN]) },
        "/api/v1/register": { "get": op("The public register: published items only; `q`, `business_type`, `prefecture`, `cursor`, `limit` (≤ 1000); `format=csv` streams the whole filtered list as CSV.",
            None, ("200", "`items` and `next_cursor`, or CSV."), &[FIELDS]) },
        "/api/v1/me/inquiries": { "get": op("Inquiries about the applicant's application.", None, ("200", "`items`."), &[APPLICANT]) },
        "/api/v1/me/inquiries/{id}/answer": { "post": op("Answer an inquiry with a message and the corrected document; only the flagged fields may differ.",
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

/// The whole document.
pub fn document() -> Value {
    let mut document = base_document();
    if let (Some(paths), Value::Object(more)) = (document["paths"].as_object_mut(), review_paths())
    {
        paths.extend(more);
    }
    document
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
                    "properties": { "email": { "type": "string", "maxLength": 50 },
                                    "email_confirmation": { "type": "string", "maxLength": 50 } } })),
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
                      "schema": { "type": "string", "minLength": 1, "maxLength": 255 } }],
                "requestBody": { "required": false, "content": { "application/json": { "schema": {
                    "type": "object", "properties": { "revision": { "type": "integer",
                    "description": "The revision the applicant confirmed; 409 if the draft changed since." } } } } } },
                "responses": { "201": ok("Submitted (or the stored answer to the same key and body, with Idempotent-Replayed: true).",
                        json!({ "type": "object", "properties": { "application_id": { "type": "string" },
                                "status": { "type": "string" }, "submitted_at": { "type": "string", "format": "date-time" } } })),
                               "400": error_response("Idempotency-Key missing or malformed."),
                               "404": error_response("Unknown link."), "409": error_response("Already submitted, or revision mismatch."),
                               "410": error_response("Link expired."),
                               "422": error_response("Error findings block submission (in `findings`); or the key was reused with another body.") } } },
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
                    "properties": { "login_id": { "type": "string" }, "password": { "type": "string" } } })),
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
                    "properties": { "email": { "type": "string" }, "phone": { "type": "string" } } })),
                "responses": { "202": ok("Accepted (the same answer whether or not they match).", json!({ "$ref": "#/components/schemas/Notice" })),
                               "400": error_response("Body is not JSON."), "422": error_response("Missing fields.") } } },
            "/api/v1/postal-codes/{code}": { "get": {
                "summary": "Prefecture and city candidates of a postal code.",
                "parameters": [{ "name": "code", "in": "path", "required": true, "schema": { "type": "string" } }, lang_param()],
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
                "requestBody": { "required": true, "content": { "application/wasm": { "schema": { "type": "string", "format": "binary" } } } },
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
                "requestBody": json_body(json!({ "type": "object", "required": ["standard_weekly_hours", "full_time"],
                    "properties": { "standard_weekly_hours": { "type": "number", "exclusiveMinimum": 0, "maximum": 168 },
                        "full_time": { "type": "integer", "minimum": 0 },
                        "patterns": { "type": "array", "items": { "type": "object", "required": ["people", "hours_per_week"],
                            "properties": { "people": { "type": "integer", "minimum": 0 }, "hours_per_week": { "type": "number", "minimum": 0 } } } } } })),
                "responses": { "200": ok("FTE.", json!({ "type": "object", "properties": {
                        "fte_exact": { "type": "number" }, "fte": { "type": "integer" } } })),
                               "400": error_response("Body is not JSON."), "422": error_response("Input out of range.") } } }
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
