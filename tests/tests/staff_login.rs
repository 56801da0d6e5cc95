//! Staff log in with two factors (ASVS 6.3.3, 6.5.x): the password and a TOTP code, each
//! required; a code works once; failures are throttled like applicants'. SQLite and PostgreSQL.

use axum::http::{Method, StatusCode};
use registrar::Clock;
use serde_json::{Value, json};
use tests::{TestApp, on_both_databases};

on_both_databases!(
    both_factors_are_required_and_a_code_works_once,
    staff_login_failures_are_throttled,
);

const PASSWORD: &str = "a long reviewer passphrase";
const EMAIL: &str = "reviewer@maff.test";

/// Creates and enrols a reviewer; returns the TOTP secret.
async fn enrolled(app: &TestApp) -> String {
    let created = app
        .registrar
        .bootstrap_staff("maff", EMAIL, "審査 花子", authz::Role::Reviewer)
        .await
        .expect("reviewer");
    let token = created
        .enrolment_link
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_owned();
    let (status, _, body) = app
        .call(
            Method::POST,
            "/api/v1/staff/enrolment",
            Some(&json!({ "token": token, "password": PASSWORD })),
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body["totp_secret"].as_str().expect("secret").to_owned()
}

async fn login(app: &TestApp, password: &str, code: &str) -> (StatusCode, Value) {
    let (status, _, body) = app
        .call(
            Method::POST,
            "/api/v1/staff/sessions",
            Some(&json!({ "email": EMAIL, "password": password, "code": code })),
            &[],
        )
        .await;
    (status, body)
}

fn code(app: &TestApp, secret: &str) -> String {
    registrar::totp::code_at(secret, app.clock.now_ms()).expect("code")
}

/// A code that is not the current one (nor the one before or after it).
fn wrong_code(right: &str) -> String {
    let n: u32 = right.parse().expect("six digits");
    format!("{:06}", (n + 500_000) % 1_000_000)
}

async fn both_factors_are_required_and_a_code_works_once(app: TestApp) {
    let secret = enrolled(&app).await;
    let right = code(&app, &secret);
    // One factor is not enough, and the answer does not say which one was wrong.
    let (status, wrong_code_body) = login(&app, PASSWORD, &wrong_code(&right)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, wrong_password_body) = login(&app, "not the passphrase", &right).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(wrong_code_body, wrong_password_body);
    assert_eq!(wrong_code_body["error"]["code"], "invalid_credentials");
    // Both: in.
    let (status, body) = login(&app, PASSWORD, &right).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    // The same code again, still within its 30 s: refused (an observed code cannot be replayed).
    let (status, _) = login(&app, PASSWORD, &right).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    // The next step's code works.
    app.clock.advance_ms(30_000);
    let (status, body) = login(&app, PASSWORD, &code(&app, &secret)).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
}

async fn staff_login_failures_are_throttled(app: TestApp) {
    let secret = enrolled(&app).await;
    for attempt in 0..6 {
        let (status, _) = login(&app, "not the passphrase", &code(&app, &secret)).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "attempt {attempt}");
    }
    // Blocked now, even with both factors right; the answer says when to come back.
    let (status, body) = login(&app, PASSWORD, &code(&app, &secret)).await;
    assert_eq!(
        (status, body["error"]["code"].clone()),
        (StatusCode::TOO_MANY_REQUESTS, json!("too_many_attempts"))
    );
    // The block ends by itself (no permanent lockout): then both factors get in.
    app.clock.advance_ms(3_600_000);
    let (status, body) = login(&app, PASSWORD, &code(&app, &secret)).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
}
