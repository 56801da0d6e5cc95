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

/// The whole document.
pub fn document() -> Value {
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
            "/api/v1/admin/plugins": { "post": {
                "summary": "Install a plugin version (the .wasm component as the body); it takes effect at once.",
                "description": "Guarded by `Authorization: Bearer <TOROKU_ADMIN_TOKEN>` until staff accounts exist; disabled when the token is not configured.",
                "parameters": [lang_param()],
                "requestBody": { "required": true, "content": { "application/wasm": { "schema": { "type": "string", "format": "binary" } } } },
                "responses": { "201": ok("Installed.", json!({ "type": "object", "properties": {
                        "ministry_id": { "type": "string" }, "version": { "type": "string" },
                        "replaced": { "type": ["string", "null"] }, "business_types": { "type": "integer" } } })),
                               "401": error_response("Wrong token."), "403": error_response("Admin API disabled."),
                               "413": error_response("File too large."),
                               "422": error_response("Refused: `detail` says why (nothing changed).") } } },
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
