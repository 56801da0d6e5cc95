//! Review across two ministries over the API, on SQLite and PostgreSQL: a mixed application →
//! an inquiry from one ministry → a correction restricted to the flagged field → accept by one,
//! reject by the other → registration of the accepted part → the public register → a change
//! notification → accepted → the register updated. Plus the tenant-isolation matrix.

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};
use tests::{TestApp, on_both_databases};

const EXAMPLE: &str = include_str!("fixtures/application.example.json");

on_both_databases!(
    mixed_application_goes_through_review_registration_and_change,
    every_endpoint_allows_exactly_the_roles_the_policy_names,
);

/// The example application with establishment 1 turned into an electricity line (経済産業省).
fn mixed_document(email: &str, name: &str) -> Value {
    let mut document: Value = serde_json::from_str(EXAMPLE).expect("example");
    document["applicant"]["email"] = json!(email);
    document["applicant"]["name"] = json!(name);
    document["establishments"][1]["business_lines"][0]["business_type"] = json!("electricity");
    document["establishments"][1]["business_lines"][0]["sub_type_1"] = json!("electricity");
    document
}

async fn as_cookie(
    app: &TestApp,
    method: Method,
    path: &str,
    body: Option<&Value>,
    cookie: &str,
) -> (StatusCode, Value) {
    let (status, _, body) = app.call(method, path, body, &[("cookie", cookie)]).await;
    (status, body)
}

async fn mixed_application_goes_through_review_registration_and_change(mut app: TestApp) {
    let document = mixed_document("soumu@minato-foods.example.jp", "株式会社みなと食品");
    let (id, applicant) = app.submitted_application(&document).await;
    let central = app
        .staff_cookie("central", "admin@mhlw.test", authz::Role::CentralAdmin)
        .await;
    let maff = app
        .staff_cookie("maff", "reviewer@maff.test", authz::Role::Reviewer)
        .await;
    let meti = app
        .staff_cookie("meti", "reviewer@meti.test", authz::Role::Reviewer)
        .await;

    // Each ministry finds the application in its queue, marked new.
    for cookie in [&maff, &meti] {
        let (status, queue) =
            as_cookie(&app, Method::GET, "/api/v1/review/queue", None, cookie).await;
        assert_eq!(status, StatusCode::OK, "{queue}");
        assert_eq!(queue["items"].as_array().map(Vec::len), Some(1), "{queue}");
        assert_eq!(queue["items"][0]["application_id"], id.as_str());
        assert_eq!(queue["items"][0]["new"], true);
        assert_eq!(queue["items"][0]["lines_pending"], 1);
    }

    // The agriculture ministry sees the applicant section and only its own line.
    let path = format!("/api/v1/review/applications/{id}");
    let (status, view) = as_cookie(&app, Method::GET, &path, None, &maff).await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert_eq!(view["document"]["applicant"]["name"], "株式会社みなと食品");
    assert_eq!(view["document"]["establishments"][0]["name"], "本社工場");
    assert!(
        view["document"]["establishments"][1].is_null(),
        "the electricity establishment is hidden: {view}"
    );
    let maff_lines = view["lines"].as_array().expect("lines");
    assert_eq!(maff_lines.len(), 1);
    assert_eq!(maff_lines[0]["business_type"], "food-manufacturing");
    let maff_line = maff_lines[0]["id"].as_i64().expect("line id");
    assert!(
        view["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .all(|f| !f["path"]
                .as_str()
                .unwrap_or_default()
                .starts_with("/establishments/1")),
        "no finding about another ministry's line: {view}"
    );
    let (_, meti_view) = as_cookie(&app, Method::GET, &path, None, &meti).await;
    assert!(meti_view["document"]["establishments"][0].is_null());
    let meti_line = meti_view["lines"][0]["id"].as_i64().expect("meti line");

    // An inquiry anchored to one field; a field the ministry cannot see is refused.
    let flagged = "/establishments/0/business_lines/0/registered_staff_own";
    let (status, body) = as_cookie(
        &app,
        Method::POST,
        &format!("{path}/inquiries"),
        Some(&json!({ "paths": ["/establishments/1/name"], "message": "?" })),
        &maff,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["error"]["fields"][0]["code"], "inquiry_path_invalid");
    let (status, inquiry) = as_cookie(
        &app,
        Method::POST,
        &format!("{path}/inquiries"),
        Some(
            &json!({ "paths": [flagged], "message": "製造の従業者数の根拠を確認させてください。" }),
        ),
        &maff,
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{inquiry}");
    let inquiry_id = inquiry["id"].as_str().expect("inquiry id").to_owned();
    let mails = app.deliver_mail().await;
    assert!(
        mails
            .iter()
            .any(|m| m.body.contains("製造の従業者数の根拠") && m.body.contains(flagged)),
        "inquiry mailed"
    );

    // The applicant sees it; an edit outside the flagged field is refused and changes nothing.
    let (status, inquiries) =
        as_cookie(&app, Method::GET, "/api/v1/me/inquiries", None, &applicant).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(inquiries["items"][0]["status"], "open");
    let (_, mine) = as_cookie(
        &app,
        Method::GET,
        "/api/v1/me/application",
        None,
        &applicant,
    )
    .await;
    assert_eq!(mine["status"], "returned");
    let mut corrected = mine["document"].clone();
    corrected["establishments"][0]["business_lines"][0]["registered_staff_own"] = json!(38);
    let mut overreaching = corrected.clone();
    overreaching["applicant"]["representative"] = json!("別人");
    app.clock.advance_ms(10 * 60_000);
    let answer_path = format!("/api/v1/me/inquiries/{inquiry_id}/answer");
    let (status, body) = as_cookie(
        &app,
        Method::POST,
        &answer_path,
        Some(&json!({ "message": "38人に訂正します。", "document": overreaching })),
        &applicant,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(
        body["error"]["fields"][0]["path"],
        "/document/applicant/representative"
    );
    assert_eq!(
        body["error"]["fields"][0]["code"],
        "inquiry_change_not_flagged"
    );
    let (status, answer) = as_cookie(
        &app,
        Method::POST,
        &answer_path,
        Some(&json!({ "message": "38人に訂正します。", "document": corrected })),
        &applicant,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    let changes = answer["changes"].as_array().expect("changes");
    assert!(
        changes.contains(&json!({ "path": flagged, "before": 40, "after": 38 })),
        "{answer}"
    );
    assert!(
        changes.iter().all(|c| {
            c["path"].as_str().is_some_and(|p| {
                p.starts_with("/establishments/0/business_lines/0/registered_staff_")
            })
        }),
        "{answer}"
    );

    // The reviewer sees the answer and the diff; the queue marks the change.
    let (_, queue) = as_cookie(&app, Method::GET, "/api/v1/review/queue", None, &maff).await;
    assert_eq!(queue["items"][0]["changed_since_seen"], true, "{queue}");
    let (_, view) = as_cookie(&app, Method::GET, &path, None, &maff).await;
    assert_eq!(view["inquiries"][0]["status"], "answered");
    assert_eq!(view["inquiries"][0]["changes"][0]["after"], 38);

    // Registration needs every decision.
    let registration = format!("/api/v1/central/applications/{id}/registration");
    let (status, body) = as_cookie(&app, Method::POST, &registration, None, &central).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["error"]["code"], "review_not_complete");
    let (status, body) = as_cookie(
        &app,
        Method::POST,
        &format!("{path}/lines/{maff_line}/decision"),
        Some(&json!({ "decision": "accept" })),
        &maff,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = as_cookie(
        &app,
        Method::POST,
        &format!("{path}/lines/{meti_line}/decision"),
        Some(&json!({ "decision": "reject" })),
        &meti,
    )
    .await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a rejection needs a reason: {body}"
    );
    let (status, body) = as_cookie(
        &app,
        Method::POST,
        &format!("{path}/lines/{meti_line}/decision"),
        Some(&json!({ "decision": "reject", "reason": "配送センターは電気事業の対象業務に当たりません。" })),
        &meti,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");

    // The central administration registers the accepted part.
    let (_, ready) = as_cookie(
        &app,
        Method::GET,
        "/api/v1/central/applications?status=reviewed",
        None,
        &central,
    )
    .await;
    assert_eq!(ready["items"][0]["application_id"], id.as_str(), "{ready}");
    let (status, registered) = as_cookie(&app, Method::POST, &registration, None, &central).await;
    assert_eq!(status, StatusCode::CREATED, "{registered}");
    let number = registered["registration_number"]
        .as_str()
        .expect("number")
        .to_owned();
    assert_eq!(number, "TS-2026-000001");
    assert_eq!(registered["registered_on"], "2026-11-21");
    assert_eq!(registered["valid_until"], "2031-11-20");
    let mails = app.deliver_mail().await;
    let mail = mails
        .iter()
        .find(|m| m.body.contains(&number))
        .expect("registration mail");
    assert!(
        mail.body.contains("42"),
        "registered headcount 38 + 4: {}",
        mail.body
    );
    assert!(
        mail.body
            .contains("配送センターは電気事業の対象業務に当たりません。"),
        "{}",
        mail.body
    );

    // The public register shows the accepted establishment only, and only published items.
    let (status, _, page) = app
        .call(Method::GET, "/api/v1/register?q=みなと", None, &[])
        .await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let items = page["items"].as_array().expect("items");
    assert_eq!(items.len(), 1, "{page}");
    assert_eq!(items[0]["registration_number"], number.as_str());
    assert_eq!(items[0]["establishment_name"], "本社工場");
    let mut keys: Vec<&str> = items[0]
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "address",
            "applicant_name",
            "business_type",
            "business_type_label",
            "establishment_name",
            "registered_on",
            "registration_number"
        ]
    );
    let (status, _, csv) = app
        .call_bytes(Method::GET, "/api/v1/register?format=csv")
        .await;
    assert_eq!(status, StatusCode::OK);
    let csv = String::from_utf8(csv).expect("utf-8");
    assert!(
        csv.contains(&number) && csv.contains("本社工場") && !csv.contains("大阪配送センター"),
        "{csv}"
    );
    let (status, _, html) = app
        .call_bytes(Method::GET, "/register?q=%E3%81%BF%E3%81%AA%E3%81%A8")
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(String::from_utf8_lossy(&html).contains(&number));

    // A change notification: the establishment is renamed (a published item).
    let (_, mine) = as_cookie(
        &app,
        Method::GET,
        "/api/v1/me/application",
        None,
        &applicant,
    )
    .await;
    assert_eq!(mine["status"], "registered");
    let mut record = mine["review"]["registration"]["document"].clone();
    assert_eq!(
        record["establishments"].as_array().map(Vec::len),
        Some(1),
        "only the accepted part is registered"
    );
    record["establishments"][0]["name"] = json!("本社第一工場");
    record["applicant"]["fax"] = json!("0335953427");
    let (status, preview) = as_cookie(
        &app,
        Method::POST,
        "/api/v1/me/change-notifications/preview",
        Some(&json!({ "document": record })),
        &applicant,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{preview}");
    assert_eq!(preview["notification_required"], true);
    let reasons: Vec<(&str, &str)> = preview["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .map(|c| {
            (
                c["path"].as_str().unwrap_or_default(),
                c["notification"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert!(
        reasons.contains(&("/establishments/0/name", "required")),
        "{preview}"
    );
    assert!(
        reasons.contains(&("/applicant/fax", "not_required")),
        "{preview}"
    );
    let (status, filed) = as_cookie(
        &app,
        Method::POST,
        "/api/v1/me/change-notifications",
        Some(&json!({ "document": record })),
        &applicant,
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{filed}");
    assert_eq!(filed["status"], "pending");

    // It reaches the agriculture ministry as a review of the changed line only.
    let (_, queue) = as_cookie(&app, Method::GET, "/api/v1/review/queue", None, &maff).await;
    assert_eq!(queue["items"][0]["kind"], "change", "{queue}");
    let (_, view) = as_cookie(&app, Method::GET, &path, None, &maff).await;
    assert_eq!(view["kind"], "change");
    let change_lines = view["lines"].as_array().expect("lines");
    assert_eq!(change_lines.len(), 1, "{view}");
    assert!(
        view["changes"]
            .as_array()
            .expect("changes")
            .iter()
            .any(|c| c["path"] == "/establishments/0/name")
    );
    let (_, meti_queue) = as_cookie(&app, Method::GET, "/api/v1/review/queue", None, &meti).await;
    assert_eq!(
        meti_queue["items"][0]["kind"], "application",
        "the other ministry has nothing new: {meti_queue}"
    );
    let change_line = change_lines[0]["id"].as_i64().expect("id");
    let (status, body) = as_cookie(
        &app,
        Method::POST,
        &format!("{path}/lines/{change_line}/decision"),
        Some(&json!({ "decision": "accept" })),
        &maff,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");

    // Accepted: the registry and the public register have the new name.
    let (_, mine) = as_cookie(
        &app,
        Method::GET,
        "/api/v1/me/application",
        None,
        &applicant,
    )
    .await;
    assert_eq!(mine["status"], "registered");
    assert_eq!(mine["review"]["registration"]["version"], 2);
    assert_eq!(
        mine["review"]["change_notifications"][0]["status"],
        "accepted"
    );
    let (_, _, page) = app
        .call(Method::GET, "/api/v1/register?q=みなと", None, &[])
        .await;
    assert_eq!(
        page["items"][0]["establishment_name"], "本社第一工場",
        "{page}"
    );
    assert!(
        app.deliver_mail()
            .await
            .iter()
            .any(|m| m.body.contains(&number)),
        "change result mailed"
    );

    // The audit trail: every staff access and decision, hash-chained, verified.
    let (status, trail) = as_cookie(
        &app,
        Method::GET,
        &format!("/api/v1/central/applications/{id}/audit"),
        None,
        &central,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{trail}");
    assert_eq!(trail["chain"]["valid"], true, "{trail}");
    let actions: Vec<&str> = trail["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .filter_map(|e| e["action"].as_str())
        .collect();
    for expected in [
        "application.submitted",
        "application.viewed",
        "inquiry.opened",
        "inquiry.answered",
        "line.decided",
        "application.registered",
        "change.filed",
        "change.accepted",
        "audit.exported",
    ] {
        assert!(actions.contains(&expected), "{expected} in {actions:?}");
    }
    // Tampering with any stored entry breaks the chain from there on.
    let tx = app.registrar.store().read().await.expect("read");
    let mut rows = tx.audit_trail("application", &id).await.expect("trail");
    assert_eq!(store::verify_audit_chain(&rows), Ok(()));
    rows[2].detail = r#"{"edited":true}"#.to_owned();
    assert_eq!(
        store::verify_audit_chain(&rows),
        Err(rows[2].seq.unwrap_or_default())
    );
    rows.remove(2);
    assert!(
        store::verify_audit_chain(&rows).is_err(),
        "a removed entry is noticed"
    );
    drop(tx);

    // The central dashboard counts the registered (accepted) part; ministries cannot see it.
    let (status, _, html) = app
        .page(
            Method::GET,
            "/staff/dashboard?lang=ja",
            &[("cookie", &central)],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<svg"), "{html}");
    assert!(
        html.contains("食料品製造業") && html.contains("東京都"),
        "{html}"
    );
    assert!(!html.contains("電気業"), "the rejected line is not counted");
    let (status, _, _) = app
        .page(Method::GET, "/staff/dashboard", &[("cookie", &maff)])
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // The audit trail as a page: every entry, and the chain's verdict.
    let (status, _, html) = app
        .page(
            Method::GET,
            &format!("/staff/applications/{id}/audit?lang=ja"),
            &[("cookie", &central)],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("改ざんされていません"), "{html}");
    assert!(
        html.contains("application.registered") || html.contains("registration"),
        "{html}"
    );
    let (status, _, _) = app
        .page(
            Method::GET,
            &format!("/staff/applications/{id}/audit"),
            &[("cookie", &maff)],
        )
        .await;
    assert!(
        status.is_client_error(),
        "ministries do not export the trail: {status}"
    );
}

/// Who calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Anonymous,
    Applicant,
    Central,
    MaffAdmin,
    MaffReviewer,
    MetiAdmin,
    MetiReviewer,
}

/// (label, method, path, body, the exact set of callers allowed).
type Case = (String, Method, String, Option<Value>, Vec<Who>);

const EVERYONE: [Who; 7] = [
    Who::Anonymous,
    Who::Applicant,
    Who::Central,
    Who::MaffAdmin,
    Who::MaffReviewer,
    Who::MetiAdmin,
    Who::MetiReviewer,
];

async fn every_endpoint_allows_exactly_the_roles_the_policy_names(mut app: TestApp) {
    use Who::*;
    // Data of each tenant: an application with only agriculture lines, one with only
    // electricity lines (the applicant of the first one is the applicant role).
    let mut maff_doc = mixed_document("maff-only@example.jp", "農水だけ株式会社");
    maff_doc["establishments"][1]["business_lines"][0]["business_type"] = json!("food-wholesale");
    maff_doc["establishments"][1]["business_lines"][0]["sub_type_1"] =
        json!("food-and-beverage-wholesale");
    let mut meti_doc = mixed_document("meti-only@example.jp", "経産だけ株式会社");
    meti_doc["establishments"][0]["business_lines"][0]["business_type"] = json!("electricity");
    meti_doc["establishments"][0]["business_lines"][0]["sub_type_1"] = json!("electricity");
    meti_doc["establishments"][0]["business_lines"][0]["extra"] = json!({});
    let (maff_app, applicant) = app.submitted_application(&maff_doc).await;
    let (meti_app, _) = app.submitted_application(&meti_doc).await;
    let cookies = [
        (Anonymous, String::new()),
        (Applicant, applicant),
        (
            Central,
            app.staff_cookie("central", "c@mhlw.test", authz::Role::CentralAdmin)
                .await,
        ),
        (
            MaffAdmin,
            app.staff_cookie("maff", "a@maff.test", authz::Role::MinistryAdmin)
                .await,
        ),
        (
            MaffReviewer,
            app.staff_cookie("maff", "r@maff.test", authz::Role::Reviewer)
                .await,
        ),
        (
            MetiAdmin,
            app.staff_cookie("meti", "a@meti.test", authz::Role::MinistryAdmin)
                .await,
        ),
        (
            MetiReviewer,
            app.staff_cookie("meti", "r@meti.test", authz::Role::Reviewer)
                .await,
        ),
    ];
    let line_of = |app_id: &str| {
        let app_id = app_id.to_owned();
        let registrar = app.registrar.clone();
        async move {
            let tx = registrar.store().read().await.expect("read");
            tx.review_lines(&app_id, 0).await.expect("lines")[0].id
        }
    };
    let maff_line = line_of(&maff_app).await;
    let meti_line = line_of(&meti_app).await;
    let victim = |tenant: &'static str| {
        let registrar = app.registrar.clone();
        async move {
            registrar
                .bootstrap_staff(
                    tenant,
                    &format!("victim@{tenant}.test"),
                    "対象",
                    authz::Role::Reviewer,
                )
                .await
                .expect("victim")
                .staff_id
        }
    };
    // An open inquiry on each application (answering is the applicant's, only for its own).
    let inquiry_on = |app_id: String, cookie: String| {
        let app = &app;
        async move {
            let (status, inquiry) = as_cookie(
                app,
                Method::POST,
                &format!("/api/v1/review/applications/{app_id}/inquiries"),
                Some(&json!({"paths": ["/applicant/name"], "message": "確認"})),
                &cookie,
            )
            .await;
            assert_eq!(status, StatusCode::CREATED, "{inquiry}");
            inquiry["id"].as_str().expect("inquiry id").to_owned()
        }
    };
    let maff_inquiry = inquiry_on(maff_app.clone(), cookies[4].1.clone()).await;
    let meti_inquiry = inquiry_on(meti_app.clone(), cookies[6].1.clone()).await;
    let maff_victim = victim("maff").await;
    let meti_victim = victim("meti").await;
    let plugin = tests::plugin_file("maff");

    let staff = [Central, MaffAdmin, MaffReviewer, MetiAdmin, MetiReviewer];
    // (label, method, path, body, the exact set allowed)
    let cases: Vec<Case> = vec![
        (
            "GET staff/me".into(),
            Method::GET,
            "/api/v1/staff/me".into(),
            None,
            staff.to_vec(),
        ),
        (
            "GET review/queue".into(),
            Method::GET,
            "/api/v1/review/queue".into(),
            None,
            staff.to_vec(),
        ),
        (
            "GET review/applications/{maff app}".into(),
            Method::GET,
            format!("/api/v1/review/applications/{maff_app}"),
            None,
            vec![MaffAdmin, MaffReviewer],
        ),
        (
            "GET review/applications/{meti app}".into(),
            Method::GET,
            format!("/api/v1/review/applications/{meti_app}"),
            None,
            vec![MetiAdmin, MetiReviewer],
        ),
        (
            "POST inquiries on {maff app}".into(),
            Method::POST,
            format!("/api/v1/review/applications/{maff_app}/inquiries"),
            Some(json!({"paths": ["/applicant/name"], "message": "確認"})),
            vec![MaffAdmin, MaffReviewer],
        ),
        (
            "POST inquiries on {meti app}".into(),
            Method::POST,
            format!("/api/v1/review/applications/{meti_app}/inquiries"),
            Some(json!({"paths": ["/applicant/name"], "message": "確認"})),
            vec![MetiAdmin, MetiReviewer],
        ),
        (
            "POST decision on a maff line".into(),
            Method::POST,
            format!("/api/v1/review/applications/{maff_app}/lines/{maff_line}/decision"),
            Some(json!({"decision": "accept"})),
            vec![MaffAdmin, MaffReviewer],
        ),
        (
            "POST decision on a meti line".into(),
            Method::POST,
            format!("/api/v1/review/applications/{meti_app}/lines/{meti_line}/decision"),
            Some(json!({"decision": "accept"})),
            vec![MetiAdmin, MetiReviewer],
        ),
        (
            "POST decision: maff line via meti app".into(),
            Method::POST,
            format!("/api/v1/review/applications/{meti_app}/lines/{maff_line}/decision"),
            Some(json!({"decision": "accept"})),
            vec![],
        ),
        (
            "GET central/applications".into(),
            Method::GET,
            "/api/v1/central/applications".into(),
            None,
            vec![Central],
        ),
        (
            "GET central/applications/{maff app}".into(),
            Method::GET,
            format!("/api/v1/central/applications/{maff_app}"),
            None,
            vec![Central],
        ),
        (
            "GET central/applications/{meti app}/audit".into(),
            Method::GET,
            format!("/api/v1/central/applications/{meti_app}/audit"),
            None,
            vec![Central],
        ),
        (
            "POST central/applications/{maff app}/registration".into(),
            Method::POST,
            format!("/api/v1/central/applications/{maff_app}/registration"),
            None,
            vec![Central],
        ),
        (
            "GET admin/tenants".into(),
            Method::GET,
            "/api/v1/admin/tenants".into(),
            None,
            vec![Central],
        ),
        (
            "POST admin/tenants".into(),
            Method::POST,
            "/api/v1/admin/tenants".into(),
            Some(json!({"id": "@unique", "name": "新しい省"})),
            vec![Central],
        ),
        (
            "PUT admin/tenants/maff/business-types".into(),
            Method::PUT,
            "/api/v1/admin/tenants/maff/business-types".into(),
            Some(json!({"business_types": ["food-manufacturing", "food-wholesale"]})),
            vec![Central],
        ),
        (
            "POST admin/plugins".into(),
            Method::POST,
            "/api/v1/admin/plugins".into(),
            None,
            vec![Central],
        ),
        (
            "GET tenants/maff/staff".into(),
            Method::GET,
            "/api/v1/tenants/maff/staff".into(),
            None,
            vec![Central, MaffAdmin],
        ),
        (
            "GET tenants/meti/staff".into(),
            Method::GET,
            "/api/v1/tenants/meti/staff".into(),
            None,
            vec![Central, MetiAdmin],
        ),
        (
            "POST tenants/maff/staff".into(),
            Method::POST,
            "/api/v1/tenants/maff/staff".into(),
            Some(json!({"email": "@unique", "name": "新人", "role": "reviewer"})),
            vec![Central, MaffAdmin],
        ),
        (
            "POST tenants/meti/staff".into(),
            Method::POST,
            "/api/v1/tenants/meti/staff".into(),
            Some(json!({"email": "@unique", "name": "新人", "role": "reviewer"})),
            vec![Central, MetiAdmin],
        ),
        (
            "DELETE tenants/maff/staff/{maff staff}".into(),
            Method::DELETE,
            format!("/api/v1/tenants/maff/staff/{maff_victim}"),
            None,
            vec![Central, MaffAdmin],
        ),
        (
            "DELETE tenants/meti/staff/{meti staff}".into(),
            Method::DELETE,
            format!("/api/v1/tenants/meti/staff/{meti_victim}"),
            None,
            vec![Central, MetiAdmin],
        ),
        (
            "DELETE tenants/maff/staff/{meti staff}".into(),
            Method::DELETE,
            format!("/api/v1/tenants/maff/staff/{meti_victim}"),
            None,
            vec![],
        ),
        (
            "GET me/application".into(),
            Method::GET,
            "/api/v1/me/application".into(),
            None,
            vec![Applicant],
        ),
        (
            "GET me/inquiries".into(),
            Method::GET,
            "/api/v1/me/inquiries".into(),
            None,
            vec![Applicant],
        ),
        (
            "POST me/inquiries/{maff inquiry}/answer".into(),
            Method::POST,
            format!("/api/v1/me/inquiries/{maff_inquiry}/answer"),
            Some(json!({"message": "回答"})),
            vec![Applicant],
        ),
        (
            "POST me/inquiries/{meti inquiry}/answer (another applicant's)".into(),
            Method::POST,
            format!("/api/v1/me/inquiries/{meti_inquiry}/answer"),
            Some(json!({"message": "回答"})),
            vec![],
        ),
        (
            "POST me/change-notifications/preview".into(),
            Method::POST,
            "/api/v1/me/change-notifications/preview".into(),
            Some(json!({"document": {}})),
            vec![Applicant],
        ),
        (
            "POST me/change-notifications".into(),
            Method::POST,
            "/api/v1/me/change-notifications".into(),
            Some(json!({"document": {}})),
            vec![Applicant],
        ),
        (
            "POST me/password (invalid body)".into(),
            Method::POST,
            "/api/v1/me/password".into(),
            Some(json!({})),
            vec![Applicant],
        ),
        (
            "POST staff/enrolment (public; the link is the credential)".into(),
            Method::POST,
            "/api/v1/staff/enrolment".into(),
            Some(json!({"token": "not-a-real-enrolment-token", "password": "x"})),
            EVERYONE.to_vec(),
        ),
        (
            "POST staff/sessions (wrong password and code)".into(),
            Method::POST,
            "/api/v1/staff/sessions".into(),
            // A fresh login id per caller, so the per-id throttle does not answer instead.
            Some(json!({"email": "@unique", "password": "wrong passphrase", "code": "000000"})),
            vec![],
        ),
        (
            "GET register".into(),
            Method::GET,
            "/api/v1/register".into(),
            None,
            EVERYONE.to_vec(),
        ),
        // The pages use the same gate.
        (
            "page GET /staff (queue or central list)".into(),
            Method::GET,
            "/staff".into(),
            None,
            staff.to_vec(),
        ),
        (
            "page GET /staff/applications/{maff app}".into(),
            Method::GET,
            format!("/staff/applications/{maff_app}"),
            None,
            vec![MaffAdmin, MaffReviewer],
        ),
        (
            "page GET /staff/applications/{meti app}".into(),
            Method::GET,
            format!("/staff/applications/{meti_app}"),
            None,
            vec![MetiAdmin, MetiReviewer],
        ),
        (
            "page GET /my".into(),
            Method::GET,
            "/my".into(),
            None,
            vec![Applicant],
        ),
        (
            "page GET /my/inquiries/{meti inquiry} (another applicant's)".into(),
            Method::GET,
            format!("/my/inquiries/{meti_inquiry}"),
            None,
            vec![],
        ),
        (
            "page GET /my/change (a copy of the registered record)".into(),
            Method::GET,
            "/my/change".into(),
            None,
            vec![Applicant],
        ),
        (
            "GET admin/plugins (stored versions)".into(),
            Method::GET,
            "/api/v1/admin/plugins".into(),
            None,
            vec![Central],
        ),
        (
            "POST admin/plugins/maff/versions/1.0.0/activation (in force: 422)".into(),
            Method::POST,
            "/api/v1/admin/plugins/maff/versions/1.0.0/activation".into(),
            None,
            vec![Central],
        ),
        (
            "page POST /staff/admin/plugins/maff/versions/1.0.0/activation".into(),
            Method::POST,
            "/staff/admin/plugins/maff/versions/1.0.0/activation".into(),
            None,
            vec![Central],
        ),
        // Last: these end the callers' sessions.
        (
            "DELETE staff/sessions/current".into(),
            Method::DELETE,
            "/api/v1/staff/sessions/current".into(),
            None,
            staff.to_vec(),
        ),
        (
            "DELETE sessions/current (applicant; without a session a no-op)".into(),
            Method::DELETE,
            "/api/v1/sessions/current".into(),
            None,
            EVERYONE.to_vec(),
        ),
    ];
    let mut unique = 0;
    let mut table = String::from("| endpoint | allowed |\n|---|---|\n");
    let mut wrong = Vec::new();
    for (label, method, path, body, allowed) in &cases {
        for (who, cookie) in &cookies {
            unique += 1;
            let body = body.clone().map(|mut b| {
                for field in ["id", "email"] {
                    if b.get(field) == Some(&json!("@unique")) {
                        b[field] = json!(if field == "id" {
                            format!("new-{unique}")
                        } else {
                            format!("new{unique}@example.jp")
                        });
                    }
                }
                b
            });
            let headers: Vec<(&str, &str)> = if cookie.is_empty() {
                vec![]
            } else {
                vec![("cookie", cookie.as_str())]
            };
            let (status, answer_headers, answer) = if label == "POST admin/plugins" {
                app.call_raw(method.clone(), path, plugin.clone(), &headers)
                    .await
            } else {
                app.call(method.clone(), path, body.as_ref(), &headers)
                    .await
            };
            // Pages send someone without a session to a login page instead of answering 401.
            let to_login = status == StatusCode::SEE_OTHER
                && answer_headers
                    .get("location")
                    .and_then(|v| v.to_str().ok())
                    .is_some_and(|l| l.starts_with("/login") || l.starts_with("/staff/login"));
            let passed = !to_login
                && !matches!(
                    status,
                    StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN | StatusCode::NOT_FOUND
                );
            assert_ne!(
                status,
                StatusCode::INTERNAL_SERVER_ERROR,
                "{label} as {who:?}: {answer}"
            );
            if passed != allowed.contains(who) {
                wrong.push(format!("{label} as {who:?}: {status} {answer}"));
            }
        }
        table.push_str(&format!("| {label} | {allowed:?} |\n"));
    }
    eprintln!("{table}");
    assert!(
        wrong.is_empty(),
        "unexpected answers:\n{}",
        wrong.join("\n")
    );
}

/// PostgreSQL's row-level security is the second wall: a transaction walled to one ministry
/// sees and writes only that ministry's review rows even when a query names no tenant, and the
/// application's role is one the wall binds.
#[tokio::test]
async fn postgres_walls_each_ministry_to_its_own_review_rows() {
    let Some(mut app) = TestApp::start(tests::Db::Postgres).await else {
        return;
    };
    let store = app.registrar.store().clone();
    assert!(
        store.row_security_binds().await.expect("role"),
        "the tests connect as a plain role, as the product must"
    );
    let document = mixed_document("soumu@minato-foods.example.jp", "株式会社みなと食品");
    let (id, _) = app.submitted_application(&document).await;

    let tenants = |lines: &[store::ReviewLineRow]| {
        lines
            .iter()
            .map(|l| l.tenant_id.clone())
            .collect::<std::collections::BTreeSet<_>>()
    };
    // Unwalled (applicants, the central administration): every ministry's rows.
    let tx = store.read().await.expect("read");
    let all = tx.review_lines(&id, 0).await.expect("lines");
    assert_eq!(
        tenants(&all).into_iter().collect::<Vec<_>>(),
        ["maff", "meti"]
    );
    assert_eq!(tx.review_tasks_of(&id).await.expect("tasks").len(), 2);
    drop(tx);

    // Walled to 農林水産省: the same unfiltered queries answer only its rows.
    let tx = store.read().await.expect("read");
    tx.wall("maff").await.expect("wall");
    let walled = tx.review_lines(&id, 0).await.expect("lines");
    assert_eq!(tenants(&walled).into_iter().collect::<Vec<_>>(), ["maff"]);
    let tasks = tx.review_tasks_of(&id).await.expect("tasks");
    assert_eq!(
        tasks
            .iter()
            .map(|t| t.tenant_id.as_str())
            .collect::<Vec<_>>(),
        ["maff"]
    );
    // Lifting the wall (the cross-ministry roll-up) shows everything again.
    tx.lift_wall().await.expect("lift");
    assert_eq!(
        tx.review_lines(&id, 0).await.expect("lines").len(),
        all.len()
    );
    drop(tx);

    // A walled transaction cannot write another ministry's row either.
    let tx = store.write().await.expect("write");
    tx.wall("maff").await.expect("wall");
    let mut meti_task = task_of(&store, &id, "meti").await;
    meti_task.status = "decided".to_owned();
    assert!(
        tx.save_review_task(meti_task).await.is_err(),
        "row-level security refuses another ministry's row"
    );
    drop(tx);
    assert_eq!(
        task_of(&store, &id, "meti").await.status,
        "open",
        "nothing changed"
    );
}

/// A tenant's review task of an application, read unwalled.
async fn task_of(store: &store::Store, id: &str, tenant: &str) -> store::ReviewTaskRow {
    store
        .read()
        .await
        .expect("read")
        .review_tasks_of(id)
        .await
        .expect("tasks")
        .into_iter()
        .find(|t| t.tenant_id == tenant)
        .expect("the tenant's task")
}
