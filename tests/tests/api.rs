//! The applicant's path over the JSON API, end to end, on SQLite and PostgreSQL.

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};
use tests::{Db, Mail, TestApp, on_both_databases};

const EXAMPLE: &str = include_str!("fixtures/application.example.json");
const HOUR_MS: i64 = 3_600_000;

on_both_databases!(
    applicant_completes_the_whole_path,
    pre_registration_answers_the_same_for_known_and_unknown_addresses,
    bad_pre_registration_input_is_refused_field_by_field_and_sends_nothing,
    draft_link_expires_after_48_hours_and_a_new_one_reopens_the_same_draft,
    unusable_draft_requests_get_specific_errors_and_change_nothing,
    login_failures_are_throttled_alike_for_known_and_unknown_ids,
    parallel_login_guesses_are_each_counted,
    sessions_end_after_30_idle_minutes_and_after_12_hours_whatever_the_activity,
    password_reset_needs_the_phone_on_file,
    state_changes_are_audited_in_the_same_transaction,
    racing_submissions_of_one_draft_store_it_once,
);

fn example() -> Value {
    serde_json::from_str(EXAMPLE).expect("example parses")
}

async fn pre_register(app: &mut TestApp, email: &str) -> String {
    let (status, _, body) = app
        .call(
            Method::POST,
            "/api/v1/pre-registrations",
            Some(&json!({ "email": email, "email_confirmation": email })),
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    let mails = app.deliver_mail().await;
    let mail = mails.last().expect("a mail");
    assert_eq!(mail.to, email);
    assert!(
        mail.body.contains("/templates/establishments.xlsx"),
        "the mail links the Excel template: {}",
        mail.body
    );
    mail.link_token("/apply/").expect("a draft link")
}

fn codes_at(findings: &Value, path: &str) -> Vec<String> {
    findings
        .as_array()
        .expect("findings array")
        .iter()
        .filter(|f| f["path"] == path)
        .map(|f| f["code"].as_str().unwrap_or_default().to_owned())
        .collect()
}

async fn submit(
    app: &TestApp,
    token: &str,
    key: &str,
    body: &str,
) -> (StatusCode, axum::http::HeaderMap, Value) {
    app.call_raw(
        Method::POST,
        &format!("/api/v1/drafts/{token}/submit"),
        body.as_bytes().to_vec(),
        &[("idempotency-key", key)],
    )
    .await
}

/// A submission reads its draft before it takes the writer and lets a checked `UPDATE` decide:
/// eight requests racing with one key store one application, and each gets its answer (seven
/// replays); a request with another key afterwards is told the draft is already submitted, and a
/// stale revision is refused; nothing is written twice.
async fn racing_submissions_of_one_draft_store_it_once(app: TestApp) {
    let token = app.insert_drafts(&example(), 1).await.remove(0);
    let (a, b, c, d, e, f, g, h) = tokio::join!(
        submit(&app, &token, "race-key", ""),
        submit(&app, &token, "race-key", ""),
        submit(&app, &token, "race-key", ""),
        submit(&app, &token, "race-key", ""),
        submit(&app, &token, "race-key", ""),
        submit(&app, &token, "race-key", ""),
        submit(&app, &token, "race-key", ""),
        submit(&app, &token, "race-key", ""),
    );
    let answers = [a, b, c, d, e, f, g, h];
    let mut fresh = 0;
    for (status, headers, body) in &answers {
        assert_eq!(*status, StatusCode::CREATED, "{body}");
        assert_eq!(
            body, &answers[0].2,
            "every racer gets the one stored answer"
        );
        if headers.get("idempotent-replayed").is_none() {
            fresh += 1;
        }
    }
    assert_eq!(
        fresh, 1,
        "one request submitted, the others were told its answer"
    );
    let id = answers[0].2["application_id"]
        .as_str()
        .expect("id")
        .to_owned();
    let (status, _, body) = submit(&app, &token, "another-key", "").await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(
        body["error"]["code"], "application_already_submitted",
        "{body}"
    );
    let store = app.registrar.store();
    let tx = store.read().await.expect("read");
    let application = tx.application(&id).await.expect("row").expect("stored");
    assert_eq!(application.status, "submitted");
    drop(tx);
    // A checked update names the revision it judged: an older one changes nothing.
    let tx = store.write().await.expect("write");
    assert!(
        !tx.submit_application(&id, application.revision - 1, "[]".into(), None, 0)
            .await
            .expect("update"),
        "a stale revision is refused"
    );
    drop(tx);
    let trail = store.read().await.expect("read");
    let submitted = trail
        .audit_trail("application", &id)
        .await
        .expect("trail")
        .into_iter()
        .filter(|row| row.action == "application.submitted")
        .count();
    assert_eq!(submitted, 1, "one audit entry for one submission");
}

/// On SQLite's one writer connection every call is a hand-off to sqlx's worker thread and back
/// while every other writer waits, so calls per submission bound submissions per second
/// (issue 6). A submission reads its draft, its idempotency record and the link on a reader
/// first; on the writer it reads the owners and the account, makes its one checked update and
/// its audit entry's read, then sends the rest of its writes in one call (`store::Tx::defer`):
/// 17 calls, then 10, before that.
#[tokio::test]
async fn a_submission_makes_few_calls_on_the_sqlite_writer() {
    let app = TestApp::start(Db::Sqlite).await.expect("app");
    let token = app.insert_drafts(&example(), 1).await.remove(0);
    let before = app.registrar.store().group_stats();
    let (status, _, receipt) = submit(&app, &token, "key-1", "").await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    let after = app.registrar.store().group_stats();
    assert_eq!(
        after.committed - before.committed,
        1,
        "one write transaction"
    );
    let calls = after.round_trips - before.round_trips;
    assert!(calls <= 7, "{calls} calls on the writer for one submission");
}

async fn applicant_completes_the_whole_path(mut app: TestApp) {
    let email = "soumu@minato-foods.example.jp";
    let token = pre_register(&mut app, email).await;
    let draft_path = format!("/api/v1/drafts/{token}");

    // The link opens a fresh draft with the e-mail filled in.
    let (status, _, draft) = app.call(Method::GET, &draft_path, None, &[]).await;
    assert_eq!(status, StatusCode::OK, "{draft}");
    assert_eq!(draft["status"], "draft");
    assert_eq!(draft["document"]["applicant"]["email"], email);

    // Save with mistakes: some are normalised, one is really wrong.
    let mut document = example();
    document["applicant"]["postal_code"] = json!("１００－８９１６");
    document["applicant"]["phone"] = json!("03-3595-3426");
    document["applicant"]["name_kana"] = json!("カブシキガイシャ ミナトショクヒン");
    document["establishments"][1]["postal_code"] = json!("530001");
    let (status, _, saved) = app
        .call(Method::PUT, &draft_path, Some(&document), &[])
        .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    assert_eq!(saved["document"]["applicant"]["postal_code"], "1008916");
    assert_eq!(saved["document"]["applicant"]["phone"], "0335953426");
    assert_eq!(
        saved["document"]["applicant"]["name_kana"],
        "かぶしきがいしゃみなとしょくひん"
    );
    assert!(
        !codes_at(&saved["changes"], "/applicant/postal_code").is_empty(),
        "{}",
        saved["changes"]
    );
    // What was typed wrong is kept as typed, not lost.
    assert_eq!(
        saved["document"]["establishments"][1]["postal_code"],
        "530001"
    );
    let revision = saved["revision"].as_i64().expect("revision");

    // Check reports the mistake with its path and a message in the request's language.
    let (status, _, check) = app
        .call(
            Method::POST,
            &format!("{draft_path}/check"),
            None,
            &[("accept-language", "en")],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(check["submittable"], false);
    let at = codes_at(&check["findings"], "/establishments/1/postal_code");
    assert!(
        at.contains(&"postal_code_invalid".to_owned()),
        "{}",
        check["findings"]
    );
    let finding = check["findings"]
        .as_array()
        .and_then(|f| {
            f.iter()
                .find(|f| f["path"] == "/establishments/1/postal_code")
        })
        .expect("finding");
    assert_eq!(finding["severity"], "error");
    assert!(
        finding["message"]
            .as_str()
            .is_some_and(|m| m.is_ascii() && !m.is_empty()),
        "{finding}"
    );

    // Submitting now is refused with the findings, and nothing changes.
    let (status, _, refused) = submit(&app, &token, "key-1", "").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    assert_eq!(refused["error"]["code"], "findings_block_submission");
    assert!(
        !codes_at(
            &refused["error"]["findings"],
            "/establishments/1/postal_code"
        )
        .is_empty()
    );
    let (status, _, still) = app.call(Method::GET, &draft_path, None, &[]).await;
    assert_eq!(
        (status, still["status"].clone(), still["revision"].as_i64()),
        (StatusCode::OK, json!("draft"), Some(revision))
    );
    assert!(app.deliver_mail().await.is_empty());

    // Fix it, confirm the revision, submit.
    document["establishments"][1]["postal_code"] = json!("5300001");
    let (status, _, saved) = app
        .call(Method::PUT, &draft_path, Some(&document), &[])
        .await;
    assert_eq!(status, StatusCode::OK);
    let revision = saved["revision"].as_i64().expect("revision");
    let (_, _, check) = app
        .call(Method::POST, &format!("{draft_path}/check"), None, &[])
        .await;
    assert_eq!(check["submittable"], true, "{}", check["findings"]);

    let stale = format!("{{\"revision\": {}}}", revision - 1);
    let (status, _, conflict) = submit(&app, &token, "key-2", &stale).await;
    assert_eq!(
        (status, conflict["error"]["code"].clone()),
        (StatusCode::CONFLICT, json!("revision_mismatch"))
    );

    let body = format!("{{\"revision\": {revision}}}");
    let (status, headers, receipt) = submit(&app, &token, "key-3", &body).await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    assert_eq!(receipt["status"], "submitted");
    assert!(headers.get("idempotent-replayed").is_none());

    // The same key and body get the same answer; another body under that key is refused.
    let (status, headers, again) = submit(&app, &token, "key-3", &body).await;
    assert_eq!((status, &again), (StatusCode::CREATED, &receipt));
    assert_eq!(
        headers.get("idempotent-replayed").map(|v| v.as_bytes()),
        Some(&b"true"[..])
    );
    let (status, _, reused) = submit(&app, &token, "key-3", "{}").await;
    assert_eq!(
        (status, reused["error"]["code"].clone()),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            json!("idempotency_key_reused")
        )
    );
    // A new key cannot submit twice, and the draft can no longer be edited.
    let (status, _, twice) = submit(&app, &token, "key-4", "").await;
    assert_eq!(
        (status, twice["error"]["code"].clone()),
        (StatusCode::CONFLICT, json!("application_already_submitted"))
    );
    let (status, _, _) = app
        .call(Method::PUT, &draft_path, Some(&document), &[])
        .await;
    assert_eq!(status, StatusCode::CONFLICT);

    // The confirmation mail carries the set-password link (and no password).
    let mails = app.deliver_mail().await;
    let confirmation = mails
        .iter()
        .find(|m| m.to == email)
        .expect("confirmation mail");
    assert!(
        confirmation.subject.contains("受け付けました"),
        "{}",
        confirmation.subject
    );
    let password_token = confirmation
        .link_token("/account/password/")
        .expect("password link");

    let (status, _, weak) = app
        .call(
            Method::POST,
            "/api/v1/account/password",
            Some(&json!({ "token": password_token, "password": "password123" })),
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(weak["error"]["fields"][0]["code"], "password_common");
    let password = "みなと食品の合言葉 2026";
    let (status, _, _) = app
        .call(
            Method::POST,
            "/api/v1/account/password",
            Some(&json!({ "token": password_token, "password": password })),
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _, used) = app
        .call(
            Method::POST,
            "/api/v1/account/password",
            Some(&json!({ "token": password_token, "password": "another long phrase" })),
            &[],
        )
        .await;
    assert_eq!(
        (status, used["error"]["code"].clone()),
        (StatusCode::BAD_REQUEST, json!("password_link_invalid"))
    );

    // Log in with the pre-registration e-mail and see the application as submitted.
    let (status, _, wrong) = app
        .call(
            Method::POST,
            "/api/v1/sessions",
            Some(&json!({ "login_id": email, "password": "wrong password" })),
            &[],
        )
        .await;
    assert_eq!(
        (status, wrong["error"]["code"].clone()),
        (StatusCode::UNAUTHORIZED, json!("invalid_credentials"))
    );
    let cookie = login(&app, &email.to_uppercase(), password).await;
    let (status, _, mine) = app
        .call(
            Method::GET,
            "/api/v1/me/application",
            None,
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{mine}");
    assert_eq!(mine["status"], "submitted");
    assert_eq!(mine["application_id"], receipt["application_id"]);
    assert_eq!(
        mine["document"]["establishments"][1]["postal_code"],
        "5300001"
    );

    // Changing the password needs the current one and ends other sessions.
    let other = login(&app, email, password).await;
    let (status, _, _) = app
        .call(
            Method::POST,
            "/api/v1/me/password",
            Some(&json!({ "current_password": "nope nope", "new_password": "a brand new phrase" })),
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _, _) = app
        .call(
            Method::POST,
            "/api/v1/me/password",
            Some(&json!({ "current_password": password, "new_password": "a brand new phrase" })),
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        app.status_with_cookie(Method::GET, "/api/v1/me/application", &other)
            .await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.status_with_cookie(Method::GET, "/api/v1/me/application", &cookie)
            .await,
        StatusCode::OK
    );

    // Logout ends the session.
    assert_eq!(
        app.status_with_cookie(Method::DELETE, "/api/v1/sessions/current", &cookie)
            .await,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        app.status_with_cookie(Method::GET, "/api/v1/me/application", &cookie)
            .await,
        StatusCode::UNAUTHORIZED
    );
}

async fn login(app: &TestApp, login_id: &str, password: &str) -> String {
    let (status, headers, body) = app
        .call(
            Method::POST,
            "/api/v1/sessions",
            Some(&json!({ "login_id": login_id, "password": password })),
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let set_cookie = headers
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .expect("session cookie");
    assert!(
        set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Lax"),
        "{set_cookie}"
    );
    set_cookie.split(';').next().expect("name=value").to_owned()
}

async fn pre_registration_answers_the_same_for_known_and_unknown_addresses(mut app: TestApp) {
    let first = app
        .call(
            Method::POST,
            "/api/v1/pre-registrations",
            Some(&json!({ "email": "a@example.jp", "email_confirmation": "a@example.jp" })),
            &[],
        )
        .await;
    let again = app
        .call(
            Method::POST,
            "/api/v1/pre-registrations",
            Some(&json!({ "email": "A@Example.jp", "email_confirmation": "A@Example.jp" })),
            &[],
        )
        .await;
    assert_eq!((first.0, &first.2), (again.0, &again.2));
    assert_eq!(first.0, StatusCode::ACCEPTED);
    // Both mails lead to the same draft: the second link sees what the first saved.
    let mails = app.deliver_mail().await;
    assert_eq!(mails.len(), 2);
    let tokens: Vec<String> = mails
        .iter()
        .filter_map(|m| m.link_token("/apply/"))
        .collect();
    assert_eq!(tokens.len(), 2);
    let mut document = example();
    document["applicant"]["name"] = json!("株式会社テスト");
    let (status, _, _) = app
        .call(
            Method::PUT,
            &format!("/api/v1/drafts/{}", tokens[0]),
            Some(&document),
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, _, other) = app
        .call(
            Method::GET,
            &format!("/api/v1/drafts/{}", tokens[1]),
            None,
            &[],
        )
        .await;
    assert_eq!(other["document"]["applicant"]["name"], "株式会社テスト");
}

async fn bad_pre_registration_input_is_refused_field_by_field_and_sends_nothing(mut app: TestApp) {
    let long = format!("{}@example.jp", "x".repeat(45));
    let cases = [
        (
            json!({}),
            vec![
                ("/email", "email_required"),
                ("/email_confirmation", "email_required"),
            ],
        ),
        (
            json!({ "email": "a@example.jp", "email_confirmation": "b@example.jp" }),
            vec![("/email_confirmation", "email_mismatch")],
        ),
        (
            json!({ "email": long, "email_confirmation": long }),
            vec![("/email", "email_too_long")],
        ),
        (
            json!({ "email": "not-an-address", "email_confirmation": "not-an-address" }),
            vec![("/email", "email_invalid")],
        ),
    ];
    for (body, expected) in cases {
        let (status, _, answer) = app
            .call(
                Method::POST,
                "/api/v1/pre-registrations",
                Some(&body),
                &[("accept-language", "ja")],
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        let got: Vec<(String, String)> = answer["error"]["fields"]
            .as_array()
            .expect("fields")
            .iter()
            .map(|f| {
                (
                    f["path"].as_str().unwrap_or_default().to_owned(),
                    f["code"].as_str().unwrap_or_default().to_owned(),
                )
            })
            .collect();
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(p, c)| ((*p).to_owned(), (*c).to_owned()))
            .collect();
        assert_eq!(got, expected, "{body}");
        assert!(
            answer["error"]["fields"][0]["message"]
                .as_str()
                .is_some_and(|m| !m.is_ascii()),
            "Japanese message: {answer}"
        );
    }
    let (status, _, answer) = app
        .call_raw(
            Method::POST,
            "/api/v1/pre-registrations",
            b"{not json".to_vec(),
            &[],
        )
        .await;
    assert_eq!(
        (status, answer["error"]["code"].clone()),
        (StatusCode::BAD_REQUEST, json!("body_invalid_json"))
    );
    assert!(
        app.deliver_mail().await.is_empty(),
        "no mail for refused input"
    );
}

async fn draft_link_expires_after_48_hours_and_a_new_one_reopens_the_same_draft(mut app: TestApp) {
    let token = pre_register(&mut app, "late@example.jp").await;
    let mut document = example();
    document["applicant"]["name"] = json!("株式会社おそい");
    let (status, _, _) = app
        .call(
            Method::PUT,
            &format!("/api/v1/drafts/{token}"),
            Some(&document),
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    app.clock.advance_ms(47 * HOUR_MS);
    let (status, _, _) = app
        .call(Method::GET, &format!("/api/v1/drafts/{token}"), None, &[])
        .await;
    assert_eq!(status, StatusCode::OK);
    app.clock.advance_ms(HOUR_MS);
    let (status, _, expired) = app
        .call(
            Method::GET,
            &format!("/api/v1/drafts/{token}?lang=en"),
            None,
            &[],
        )
        .await;
    assert_eq!(
        (status, expired["error"]["code"].clone()),
        (StatusCode::GONE, json!("link_expired"))
    );
    assert!(
        expired["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("expired")),
        "{expired}"
    );
    let (status, _, _) = app
        .call(
            Method::PUT,
            &format!("/api/v1/drafts/{token}"),
            Some(&example()),
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::GONE);
    let fresh = pre_register(&mut app, "late@example.jp").await;
    let (status, _, draft) = app
        .call(Method::GET, &format!("/api/v1/drafts/{fresh}"), None, &[])
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        draft["document"]["applicant"]["name"], "株式会社おそい",
        "nothing typed is lost"
    );
}

async fn unusable_draft_requests_get_specific_errors_and_change_nothing(mut app: TestApp) {
    let token = pre_register(&mut app, "edge@example.jp").await;
    let path = format!("/api/v1/drafts/{token}");
    let unknown = "A".repeat(43);
    let cases: Vec<(Method, String, Vec<u8>, StatusCode, &str)> = vec![
        (
            Method::GET,
            format!("/api/v1/drafts/{unknown}"),
            vec![],
            StatusCode::NOT_FOUND,
            "link_invalid",
        ),
        (
            Method::GET,
            "/api/v1/drafts/short".to_owned(),
            vec![],
            StatusCode::NOT_FOUND,
            "link_invalid",
        ),
        (
            Method::PUT,
            path.clone(),
            b"{\"applicant\": ".to_vec(),
            StatusCode::BAD_REQUEST,
            "body_invalid_json",
        ),
        (
            Method::PUT,
            path.clone(),
            b"[1, 2]".to_vec(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "document_not_object",
        ),
        (
            Method::POST,
            format!("{path}/submit"),
            vec![],
            StatusCode::BAD_REQUEST,
            "idempotency_key_missing",
        ),
        (
            Method::PATCH,
            path.clone(),
            vec![],
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
        ),
        (
            Method::GET,
            "/api/v1/nothing-here".to_owned(),
            vec![],
            StatusCode::NOT_FOUND,
            "not_found",
        ),
        (
            Method::PUT,
            path.clone(),
            oversized_document(),
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
        ),
    ];
    for (method, uri, body, expected_status, expected_code) in cases {
        let (status, _, answer) = app.call_raw(method.clone(), &uri, body, &[]).await;
        assert_eq!(
            (status, answer["error"]["code"].as_str()),
            (expected_status, Some(expected_code)),
            "{method} {uri}: {answer}"
        );
        assert!(
            answer["error"]["message"]
                .as_str()
                .is_some_and(|m| !m.is_empty())
        );
    }
    let (status, _, draft) = app.call(Method::GET, &path, None, &[]).await;
    assert_eq!(
        (status, draft["revision"].as_i64()),
        (StatusCode::OK, Some(0)),
        "nothing changed"
    );
    // A document of any shape is saved as typed and checked without a 500.
    for odd in [
        json!({}),
        json!({ "establishments": {} }),
        json!({ "applicant": [1], "founder": 7 }),
    ] {
        let (status, _, saved) = app.call(Method::PUT, &path, Some(&odd), &[]).await;
        assert_eq!(status, StatusCode::OK, "{odd}: {saved}");
        let (status, _, check) = app
            .call(Method::POST, &format!("{path}/check"), None, &[])
            .await;
        assert_eq!(
            (status, check["submittable"].clone()),
            (StatusCode::OK, json!(false)),
            "{odd}"
        );
    }
}

/// A JSON document just over the request body limit.
fn oversized_document() -> Vec<u8> {
    let filler = "あ".repeat(server::BODY_LIMIT_BYTES / 3 + 1);
    json!({ "applicant": { "note2": filler } })
        .to_string()
        .into_bytes()
}

async fn login_failures_are_throttled_alike_for_known_and_unknown_ids(app: TestApp) {
    for login_id in ["nobody@example.jp", "someone@example.jp"] {
        for attempt in 0..5 {
            let (status, _, _) = app
                .call(
                    Method::POST,
                    "/api/v1/sessions",
                    Some(&json!({ "login_id": login_id, "password": "wrong guess" })),
                    &[],
                )
                .await;
            assert_eq!(status, StatusCode::UNAUTHORIZED, "attempt {attempt}");
        }
        let (status, _, _) = app
            .call(
                Method::POST,
                "/api/v1/sessions",
                Some(&json!({ "login_id": login_id, "password": "wrong guess" })),
                &[],
            )
            .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        let (status, headers, answer) = app
            .call(
                Method::POST,
                "/api/v1/sessions",
                Some(&json!({ "login_id": login_id, "password": "wrong guess" })),
                &[],
            )
            .await;
        assert_eq!(
            (status, answer["error"]["code"].clone()),
            (StatusCode::TOO_MANY_REQUESTS, json!("too_many_attempts"))
        );
        assert!(headers.get("retry-after").is_some());
    }
    app.clock.advance_ms(HOUR_MS);
    let (status, _, _) = app
        .call(
            Method::POST,
            "/api/v1/sessions",
            Some(&json!({ "login_id": "nobody@example.jp", "password": "wrong guess" })),
            &[],
        )
        .await;
    assert_eq!(
        status,
        StatusCode::UNAUTHORIZED,
        "throttling ends by itself"
    );
}

/// Guesses sent all at once are counted one by one (each attempt is counted under a lock on the
/// login id before its password is checked): only the free ones and the one that starts the
/// block reach the password check; the rest are refused at once.
async fn parallel_login_guesses_are_each_counted(app: TestApp) {
    use tower::ServiceExt;
    let mut guesses = tokio::task::JoinSet::new();
    for _ in 0..20 {
        let router = app.router.clone();
        guesses.spawn(async move {
            let request = axum::http::Request::post("/api/v1/sessions")
                .header("content-type", "application/json")
                .body(axum::body::Body::from(
                    json!({ "login_id": "target@example.jp", "password": "wrong guess" })
                        .to_string(),
                ))
                .expect("request");
            router.oneshot(request).await.expect("answer").status()
        });
    }
    let mut statuses = Vec::new();
    while let Some(status) = guesses.join_next().await {
        statuses.push(status.expect("task"));
    }
    let checked = statuses
        .iter()
        .filter(|s| **s == StatusCode::UNAUTHORIZED)
        .count();
    let refused = statuses
        .iter()
        .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert_eq!(
        (checked, refused),
        (6, 14),
        "5 free failures, the 6th starts the block: {statuses:?}"
    );
}

/// Session lifetimes (ASVS 7.3.1, 7.3.2): 30 minutes without a request ends a session; activity
/// keeps it alive, but never past 12 hours from the login.
async fn sessions_end_after_30_idle_minutes_and_after_12_hours_whatever_the_activity(
    mut app: TestApp,
) {
    const MINUTE_MS: i64 = 60_000;
    let (_, cookie) = app.submitted_application(&example()).await;
    async fn me(app: &TestApp, cookie: &str) -> StatusCode {
        app.status_with_cookie(Method::GET, "/api/v1/me/application", cookie)
            .await
    }
    // Active every 25 minutes: still in after 11 h 40 min...
    for _ in 0..28 {
        app.clock.advance_ms(25 * MINUTE_MS);
        assert_eq!(me(&app, &cookie).await, StatusCode::OK);
    }
    // ...and out once 12 hours have passed since the login, active or not.
    app.clock.advance_ms(25 * MINUTE_MS);
    assert_eq!(me(&app, &cookie).await, StatusCode::UNAUTHORIZED);

    // A new login; 31 quiet minutes end it.
    let (status, headers, _) = app
        .call(
            Method::POST,
            "/api/v1/sessions",
            Some(&json!({
                "login_id": "soumu@minato-foods.example.jp",
                "password": tests::APPLICANT_PASSWORD
            })),
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let fresh = headers
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .expect("a session cookie")
        .to_owned();
    assert_ne!(fresh, cookie, "a new session id at each login");
    app.clock.advance_ms(29 * MINUTE_MS);
    assert_eq!(me(&app, &fresh).await, StatusCode::OK);
    app.clock.advance_ms(31 * MINUTE_MS);
    assert_eq!(me(&app, &fresh).await, StatusCode::UNAUTHORIZED);
}

async fn submit_example(app: &mut TestApp, email: &str) -> String {
    let token = pre_register(app, email).await;
    let (status, _, saved) = app
        .call(
            Method::PUT,
            &format!("/api/v1/drafts/{token}"),
            Some(&example()),
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    let (status, _, receipt) = submit(app, &token, "k", "").await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    receipt["application_id"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

async fn password_reset_needs_the_phone_on_file(mut app: TestApp) {
    let email = "reset@example.jp";
    submit_example(&mut app, email).await;
    app.deliver_mail().await;
    let reset = |phone: &'static str| json!({ "email": email, "phone": phone });
    let (status, _, wrong) = app
        .call(
            Method::POST,
            "/api/v1/password-resets",
            Some(&reset("0312345678")),
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::ACCEPTED);
    assert!(
        app.deliver_mail().await.is_empty(),
        "no mail when the phone does not match"
    );
    // Typed with hyphens and full-width digits, it still matches.
    let (status, _, right) = app
        .call(
            Method::POST,
            "/api/v1/password-resets",
            Some(&reset("０３-３５９５-３４２６")),
            &[],
        )
        .await;
    assert_eq!(
        (status, &right),
        (StatusCode::ACCEPTED, &wrong),
        "the same answer either way"
    );
    let mails: Vec<Mail> = app.deliver_mail().await;
    let token = mails
        .first()
        .and_then(|m| m.link_token("/account/password/"))
        .expect("reset link");
    let (status, _, _) = app
        .call(
            Method::POST,
            "/api/v1/account/password",
            Some(&json!({ "token": token, "password": "reset phrase for minato" })),
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    login(&app, email, "reset phrase for minato").await;
}

async fn state_changes_are_audited_in_the_same_transaction(mut app: TestApp) {
    let id = submit_example(&mut app, "audit@example.jp").await;
    let tx = app.registrar.store().read().await.expect("read");
    let trail = tx.audit_trail("application", &id).await.expect("trail");
    let actions: Vec<&str> = trail.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        [
            "pre_registration.requested",
            "draft.saved",
            "application.submitted"
        ]
    );
}
