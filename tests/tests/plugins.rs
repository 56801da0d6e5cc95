//! Ministry plugins in the application path: the catalogue, plugin findings in check and
//! submit, the records of who judged, and installing versions while the server runs.

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};
use tests::{Db, TestApp, on_both_databases, plugin_file};

const EXAMPLE: &str = include_str!("fixtures/application.example.json");

on_both_databases!(
    plugin_findings_come_with_their_source_and_block_submission_when_errors,
    submission_records_the_plugin_versions_that_judged_it,
);

fn example() -> Value {
    serde_json::from_str(EXAMPLE).expect("example")
}

async fn draft_with(app: &mut TestApp, email: &str, document: &Value) -> String {
    let (status, _, _) = app
        .call(
            Method::POST,
            "/api/v1/pre-registrations",
            Some(&json!({ "email": email, "email_confirmation": email })),
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::ACCEPTED);
    let token = app
        .deliver_mail()
        .await
        .last()
        .and_then(|m| m.link_token("/apply/"))
        .expect("link");
    let (status, _, saved) = app
        .call(
            Method::PUT,
            &format!("/api/v1/drafts/{token}"),
            Some(document),
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    token
}

fn by_code<'a>(findings: &'a Value, code: &str) -> Option<&'a Value> {
    findings
        .as_array()
        .and_then(|all| all.iter().find(|f| f["code"] == code))
}

async fn plugin_findings_come_with_their_source_and_block_submission_when_errors(mut app: TestApp) {
    let mut document = example();
    document["establishments"][0]["business_lines"][0]["sub_type_1"] = json!("no-such-sub-type");
    document["establishments"][1]["business_lines"][0]["business_type"] = json!("no-such-type");
    let token = draft_with(&mut app, "plugins@example.jp", &document).await;
    let (status, _, check) = app
        .call(
            Method::POST,
            &format!("/api/v1/drafts/{token}/check?lang=en"),
            None,
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(check["submittable"], false);
    assert_eq!(check["judged_by"], json!(["maff@1.0.0"]));
    let plugin = by_code(&check["findings"], "maff-sub-type-unknown").expect("plugin finding");
    assert_eq!(plugin["source"], "plugin:maff@1.0.0");
    assert_eq!(
        plugin["path"],
        "/establishments/0/business_lines/0/sub_type_1"
    );
    assert_eq!(plugin["severity"], "error");
    assert!(
        plugin["message"]
            .as_str()
            .is_some_and(|m| m.contains("no-such-sub-type") && m.is_ascii()),
        "{plugin}"
    );
    let core = by_code(&check["findings"], "business_type_unknown").expect("core finding");
    assert_eq!(
        (core["path"].as_str(), core["source"].as_str()),
        (
            Some("/establishments/1/business_lines/0/business_type"),
            Some("core")
        )
    );
    let (status, _, refused) = app
        .call_raw(
            Method::POST,
            &format!("/api/v1/drafts/{token}/submit"),
            Vec::new(),
            &[("idempotency-key", "p1")],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        by_code(&refused["error"]["findings"], "maff-sub-type-unknown").is_some(),
        "{refused}"
    );
}

async fn submission_records_the_plugin_versions_that_judged_it(mut app: TestApp) {
    let token = draft_with(&mut app, "judged@example.jp", &example()).await;
    let (status, _, receipt) = app
        .call_raw(
            Method::POST,
            &format!("/api/v1/drafts/{token}/submit"),
            Vec::new(),
            &[("idempotency-key", "j1")],
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    let id = receipt["application_id"].as_str().expect("id");
    let tx = app.registrar.store().read().await.expect("read");
    let row = tx.application(id).await.expect("query").expect("row");
    assert_eq!(row.judged_by.as_deref(), Some(r#"["maff@1.0.0"]"#));
}

async fn app() -> TestApp {
    TestApp::start(Db::Sqlite).await.expect("app")
}

#[tokio::test]
async fn the_catalogue_lists_every_ministry_in_the_requested_language() {
    let app = app().await;
    let (status, _, en) = app
        .call(Method::GET, "/api/v1/catalogue?lang=en", None, &[])
        .await;
    assert_eq!(status, StatusCode::OK);
    let ministries = en["ministries"].as_array().expect("ministries");
    let ids: Vec<&str> = ministries.iter().filter_map(|m| m["id"].as_str()).collect();
    assert_eq!(
        ids,
        ["env", "fsa", "maff", "meti", "mhlw", "mic", "mlit", "mof"]
    );
    let maff = &ministries[2];
    assert_eq!(
        maff["name"],
        "Ministry of Agriculture, Forestry and Fisheries"
    );
    let food = maff["business_types"]
        .as_array()
        .and_then(|t| t.iter().find(|t| t["id"] == "food-manufacturing"))
        .expect("food");
    assert_eq!(food["label"], "Food manufacturing");
    let (_, _, ja) = app
        .call(Method::GET, "/api/v1/catalogue?lang=ja", None, &[])
        .await;
    assert_eq!(ja["ministries"][2]["name"], "農林水産省");
    let care = ja["ministries"][4]["business_types"]
        .as_array()
        .and_then(|t| t.iter().find(|t| t["industrial_physician_exempt"] == true))
        .expect("care");
    assert_eq!(care["label"], "社会保険・社会福祉・介護事業");
    let water = ja["ministries"][6]["business_types"]
        .as_array()
        .and_then(|t| t.iter().find(|t| t["id"] == "water-transport"))
        .expect("water transport");
    assert!(
        water["sub_types"][0]["integrated_external"]["allowed_kinds"]
            .as_array()
            .is_some_and(|k| k.iter().any(|k| k == "水先業者")),
        "{water}"
    );
}

#[tokio::test]
async fn the_care_exemption_from_the_catalogue_spares_the_industrial_physician() {
    let mut app = app().await;
    let care_line = json!({ "business_type": "social-insurance-welfare-and-nursing-care", "sub_type_1": null, "sub_type_2": null,
        "registered_staff_own": 10, "registered_staff_external": 0, "note": null, "extra": {} });
    let (_, _, catalogue) = app.call(Method::GET, "/api/v1/catalogue", None, &[]).await;
    let care = catalogue["ministries"][4]["business_types"]
        .as_array()
        .and_then(|t| t.iter().find(|t| t["industrial_physician_exempt"] == true))
        .expect("care");
    let mut line = care_line.clone();
    line["sub_type_1"] = care["sub_types"][0]["id"].clone();
    line["sub_type_2"] = care["sub_types"][0]["sub_types_2"][0]["id"].clone();
    let mut document = example();
    document["applicant"]["industrial_physician"] = json!(false);
    document["establishments"] = json!([document["establishments"][1].clone()]);
    document["establishments"][0]["business_lines"] = json!([line]);
    let token = draft_with(&mut app, "care@example.jp", &document).await;
    let (_, _, check) = app
        .call(
            Method::POST,
            &format!("/api/v1/drafts/{token}/check"),
            None,
            &[],
        )
        .await;
    assert!(
        by_code(&check["findings"], "industrial_physician_required").is_none(),
        "{}",
        check["findings"]
    );
    assert_eq!(check["submittable"], true, "{}", check["findings"]);
    // A food line beside it brings the physician rule back.
    document["establishments"][0]["business_lines"] = json!([
        line,
        example()["establishments"][1]["business_lines"][0].clone()
    ]);
    let (status, _, _) = app
        .call(
            Method::PUT,
            &format!("/api/v1/drafts/{token}"),
            Some(&document),
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, _, check) = app
        .call(
            Method::POST,
            &format!("/api/v1/drafts/{token}/check"),
            None,
            &[],
        )
        .await;
    assert!(
        by_code(&check["findings"], "industrial_physician_required").is_some(),
        "{}",
        check["findings"]
    );
}

#[tokio::test]
async fn a_plugin_that_fails_is_noted_for_the_ministry_and_never_blamed_on_the_applicant() {
    let mut app = app().await;
    app.registrar
        .install_plugin(plugin_file("hostile-panic"), "test")
        .await
        .expect("installs");
    let mut document = example();
    document["establishments"][1]["business_lines"][0] = json!({ "business_type": "fixture-type", "sub_type_1": "fixture-sub",
        "sub_type_2": null, "registered_staff_own": 3, "registered_staff_external": 0, "note": null, "extra": {} });
    let token = draft_with(&mut app, "failing@example.jp", &document).await;
    let (status, _, check) = app
        .call(
            Method::POST,
            &format!("/api/v1/drafts/{token}/check?lang=en"),
            None,
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let note = by_code(&check["findings"], "plugin_unavailable").expect("note");
    assert_eq!(
        (note["severity"].as_str(), note["source"].as_str()),
        (Some("info"), Some("plugin:hostile@1.0.0"))
    );
    assert_eq!(check["submittable"], true, "{}", check["findings"]);
}

fn admin(token: &str) -> Vec<(&'static str, String)> {
    vec![("authorization", format!("Bearer {token}"))]
}

#[tokio::test]
async fn installing_a_new_version_changes_the_catalogue_without_a_restart() {
    let mut app = app().await;
    app.set_admin_token("a-long-enough-admin-token");
    let install = |file: &'static str| async move { plugin_file(file) };
    let headers = admin("a-long-enough-admin-token");
    let headers: Vec<(&str, &str)> = headers.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, _, first) = app
        .call_raw(
            Method::POST,
            "/api/v1/admin/plugins",
            install("hostile-control").await,
            &headers,
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{first}");
    assert_eq!(
        first,
        json!({ "ministry_id": "hostile", "version": "1.0.0", "replaced": null, "business_types": 1 })
    );
    let (_, _, catalogue) = app.call(Method::GET, "/api/v1/catalogue", None, &[]).await;
    let hostile = catalogue["ministries"]
        .as_array()
        .and_then(|m| m.iter().find(|m| m["id"] == "hostile"))
        .expect("listed")
        .clone();
    assert_eq!(hostile["business_types"].as_array().map(Vec::len), Some(1));
    let (status, _, second) = app
        .call_raw(
            Method::POST,
            "/api/v1/admin/plugins",
            install("hostile-v2").await,
            &headers,
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{second}");
    assert_eq!(
        (second["version"].as_str(), second["replaced"].as_str()),
        (Some("1.1.0"), Some("1.0.0"))
    );
    let (_, _, catalogue) = app.call(Method::GET, "/api/v1/catalogue", None, &[]).await;
    let hostile = catalogue["ministries"]
        .as_array()
        .and_then(|m| m.iter().find(|m| m["id"] == "hostile"))
        .expect("listed")
        .clone();
    assert_eq!(
        (
            hostile["plugin_version"].as_str(),
            hostile["business_types"].as_array().map(Vec::len)
        ),
        (Some("1.1.0"), Some(2))
    );
    // The same version again, a type another ministry owns, a broken file: refused, nothing changes.
    let mut truncated = plugin_file("maff");
    truncated.truncate(1000);
    for (file, needle) in [
        (plugin_file("hostile-v2"), "already installed"),
        (plugin_file("hostile-steal-type"), "owned by maff@1.0.0"),
        (truncated, "component"),
        (plugin_file("hostile-wasi"), "wasi:"),
    ] {
        let (status, _, refused) = app
            .call_raw(Method::POST, "/api/v1/admin/plugins", file, &headers)
            .await;
        assert_eq!(
            (status, refused["error"]["code"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some("plugin_refused")),
            "{refused}"
        );
        assert!(
            refused["error"]["detail"]
                .as_str()
                .is_some_and(|d| d.contains(needle)),
            "{needle}: {refused}"
        );
    }
    let (_, _, after) = app.call(Method::GET, "/api/v1/catalogue", None, &[]).await;
    assert_eq!(after, catalogue, "refused installs changed nothing");

    // Roll back: the earlier version, still stored, is put back in force at once.
    let (status, _, versions) = app
        .call_raw(Method::GET, "/api/v1/admin/plugins", Vec::new(), &headers)
        .await;
    assert_eq!(status, StatusCode::OK, "{versions}");
    let hostile_versions: Vec<(String, bool)> = versions["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|v| v["ministry_id"] == "hostile")
        .map(|v| {
            (
                v["version"].as_str().unwrap_or_default().to_owned(),
                v["active"] == true,
            )
        })
        .collect();
    assert_eq!(
        hostile_versions,
        vec![("1.1.0".to_owned(), true), ("1.0.0".to_owned(), false)]
    );
    let activation = "/api/v1/admin/plugins/hostile/versions/1.0.0/activation";
    let (status, _, rolled) = app
        .call_raw(Method::POST, activation, Vec::new(), &headers)
        .await;
    assert_eq!(status, StatusCode::OK, "{rolled}");
    assert_eq!(
        (rolled["version"].as_str(), rolled["replaced"].as_str()),
        (Some("1.0.0"), Some("1.1.0"))
    );
    let (_, _, catalogue) = app.call(Method::GET, "/api/v1/catalogue", None, &[]).await;
    let hostile = catalogue["ministries"]
        .as_array()
        .and_then(|m| m.iter().find(|m| m["id"] == "hostile"))
        .expect("listed");
    assert_eq!(
        (
            hostile["plugin_version"].as_str(),
            hostile["business_types"].as_array().map(Vec::len)
        ),
        (Some("1.0.0"), Some(1))
    );
    // Again: already in force (nothing changes); an unknown version: 404.
    let (status, _, again) = app
        .call_raw(Method::POST, activation, Vec::new(), &headers)
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{again}");
    let (status, _, unknown) = app
        .call_raw(
            Method::POST,
            "/api/v1/admin/plugins/hostile/versions/9.9.9/activation",
            Vec::new(),
            &headers,
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{unknown}");
    assert_eq!(unknown["error"]["code"], "plugin_version_not_found");
    // A restart loads the version in force, not the newest installed.
    let reloaded = app.registrar.load_plugins().await.expect("reload");
    assert!(reloaded > 0);
    assert_eq!(
        app.plugin_version_in_force("hostile").as_deref(),
        Some("1.0.0")
    );
}

#[tokio::test]
async fn the_admin_api_is_closed_without_the_right_token() {
    let mut app = app().await;
    let (status, _, closed) = app
        .call_raw(
            Method::POST,
            "/api/v1/admin/plugins",
            plugin_file("hostile-control"),
            &[],
        )
        .await;
    // Without a staff session (a central administrator's) nothing is installed…
    assert_eq!(
        (status, closed["error"]["code"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("staff_unauthenticated"))
    );
    // …and a bearer token is refused while none is configured.
    let (status, _, answer) = app
        .call_raw(
            Method::POST,
            "/api/v1/admin/plugins",
            plugin_file("hostile-control"),
            &[("authorization", "Bearer a-long-enough-admin-token")],
        )
        .await;
    assert_eq!(
        (status, answer["error"]["code"].as_str()),
        (StatusCode::FORBIDDEN, Some("admin_disabled"))
    );
    app.set_admin_token("a-long-enough-admin-token");
    for (header, code) in [
        ("Bearer wrong-token-of-some-length", "admin_unauthorized"),
        ("a-long-enough-admin-token", "staff_unauthenticated"),
        ("", "staff_unauthenticated"),
    ] {
        let (status, _, answer) = app
            .call_raw(
                Method::POST,
                "/api/v1/admin/plugins",
                plugin_file("hostile-control"),
                &[("authorization", header)],
            )
            .await;
        assert_eq!(
            (status, answer["error"]["code"].as_str()),
            (StatusCode::UNAUTHORIZED, Some(code)),
            "{header}"
        );
    }
    let (_, _, catalogue) = app.call(Method::GET, "/api/v1/catalogue", None, &[]).await;
    assert!(
        catalogue["ministries"]
            .as_array()
            .is_some_and(|m| m.iter().all(|m| m["id"] != "hostile"))
    );
}

#[tokio::test]
async fn extra_fields_declared_by_a_plugin_are_checked_in_the_draft() {
    let mut app = app().await;
    let (_, _, catalogue) = app.call(Method::GET, "/api/v1/catalogue", None, &[]).await;
    let fsa = catalogue["ministries"]
        .as_array()
        .and_then(|m| m.iter().find(|m| m["id"] == "fsa"))
        .expect("fsa")
        .clone();
    let duties = fsa["fields"]
        .as_array()
        .and_then(|f| f.iter().find(|f| f["id"] == "bank_duties"))
        .expect("declared");
    assert_eq!(
        (duties["kind"].as_str(), duties["scope"].as_str()),
        (Some("choice"), Some("business_line"))
    );
    let banking = fsa["business_types"]
        .as_array()
        .and_then(|t| t.iter().find(|t| t["id"] == "banking"))
        .expect("banking");
    let sub = &banking["sub_types"][0];
    let line = |duty: &str| {
        json!({ "business_type": "banking", "sub_type_1": sub["id"], "sub_type_2": sub["sub_types_2"][0]["id"],
        "registered_staff_own": 5, "registered_staff_external": 0, "note": null, "extra": { "bank_duties": duty } })
    };
    let mut document = example();
    document["establishments"][1]["business_lines"][0] = line("gambling");
    let token = draft_with(&mut app, "bank@example.jp", &document).await;
    let (_, _, check) = app
        .call(
            Method::POST,
            &format!("/api/v1/drafts/{token}/check"),
            None,
            &[],
        )
        .await;
    let finding = by_code(&check["findings"], "extra_field_not_a_choice").expect("checked");
    assert_eq!(
        finding["path"],
        "/establishments/1/business_lines/0/extra/bank_duties"
    );
    document["establishments"][1]["business_lines"][0] = line("deposits");
    app.call(
        Method::PUT,
        &format!("/api/v1/drafts/{token}"),
        Some(&document),
        &[],
    )
    .await;
    let (_, _, check) = app
        .call(
            Method::POST,
            &format!("/api/v1/drafts/{token}/check"),
            None,
            &[],
        )
        .await;
    assert_eq!(check["submittable"], true, "{}", check["findings"]);
}
