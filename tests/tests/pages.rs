//! The server-rendered pages over HTTP (the browser tests drive the same pages in Chromium):
//! language choice, forms that answer with an error summary and keep what was typed, and the
//! applicant's login path. On SQLite and PostgreSQL.

use axum::http::{Method, StatusCode};
use tests::{TestApp, on_both_databases};

on_both_databases!(
    pages_speak_the_chosen_language_and_remember_it,
    pre_registration_form_shows_errors_linked_to_fields_and_keeps_input,
    applicant_sets_a_password_logs_in_sees_the_application_and_logs_out,
    static_files_and_the_register_page_are_served,
    applicant_fills_the_form_step_by_step_and_submits,
    excel_upload_is_a_dry_run_until_confirmed,
    every_page_kind_renders_in_every_locale_without_a_missing_string,
    password_reset_change_and_staff_enrolment_pages,
    ministry_admin_invites_and_disables_staff_through_the_pages,
    central_installs_plugin_versions_through_the_page,
    registered_applicant_edits_a_copy_and_files_a_change_notification,
);

fn lang_of(html: &str) -> &str {
    html.split("<html lang=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_default()
}

async fn pages_speak_the_chosen_language_and_remember_it(app: TestApp) {
    let (status, _, html) = app.page(Method::GET, "/", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(lang_of(&html), "ja", "Japanese without any preference");
    assert!(html.contains("特定接種"));
    assert!(html.contains("href=\"#main\""), "a skip link");

    let (_, _, html) = app
        .page(
            Method::GET,
            "/",
            &[("accept-language", "fr;q=1, en;q=0.8, ja;q=0.5")],
        )
        .await;
    assert_eq!(lang_of(&html), "en", "the best supported Accept-Language");

    let (_, headers, html) = app
        .page(Method::GET, "/login?lang=en", &[("accept-language", "ja")])
        .await;
    assert_eq!(
        lang_of(&html),
        "en",
        "an explicit choice beats Accept-Language"
    );
    let remembered = headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("toroku_lang="))
        .expect("the choice is remembered in a cookie")
        .split(';')
        .next()
        .unwrap_or_default()
        .to_owned();
    assert_eq!(remembered, "toroku_lang=en");
    let (_, _, html) = app
        .page(
            Method::GET,
            "/pre-register",
            &[("cookie", &remembered), ("accept-language", "ja")],
        )
        .await;
    assert_eq!(
        lang_of(&html),
        "en",
        "the remembered choice holds on the next page"
    );
    // Every language is offered in the picker, each named in itself.
    for name in ["日本語", "English"] {
        assert!(html.contains(name), "{name} in the picker");
    }
}

async fn pre_registration_form_shows_errors_linked_to_fields_and_keeps_input(mut app: TestApp) {
    let (status, _, html) = app
        .post_form(
            "/pre-register?lang=ja",
            &[
                ("email", "taro@example.jp"),
                ("email_confirmation", "jiro@example.jp"),
            ],
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("class=\"error-summary\""), "{html}");
    assert!(
        html.contains("href=\"#email_confirmation\""),
        "the summary links to the field"
    );
    assert!(html.contains("aria-invalid=\"true\""));
    assert!(
        html.contains("value=\"taro@example.jp\""),
        "what was typed is kept"
    );
    assert!(html.starts_with("<!doctype html>"));
    assert!(
        html.contains("<title>エラー："),
        "the title says there is an error"
    );
    assert!(app.deliver_mail().await.is_empty(), "nothing was sent");

    let (status, _, html) = app
        .post_form(
            "/pre-register?lang=en",
            &[
                ("email", "taro@example.jp"),
                ("email_confirmation", "taro@example.jp"),
            ],
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Check your e-mail"), "{html}");
    let mails = app.deliver_mail().await;
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].to, "taro@example.jp");
}

async fn applicant_sets_a_password_logs_in_sees_the_application_and_logs_out(mut app: TestApp) {
    let document: serde_json::Value = serde_json::from_str(tests::EXAMPLE).expect("example");
    let email = document["applicant"]["email"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let password = tests::APPLICANT_PASSWORD.to_owned();
    app.submitted_application(&document).await;

    let (status, _, html) = app
        .post_form(
            "/login?lang=ja",
            &[
                ("login_id", email.as_str()),
                ("password", "wrong password 123"),
            ],
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(html.contains("class=\"error-summary\""));
    assert!(
        !html.contains("wrong password 123"),
        "a password is never echoed"
    );

    let (status, headers, _) = app
        .post_form(
            "/login?lang=ja",
            &[
                ("login_id", email.as_str()),
                ("password", password.as_str()),
            ],
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(headers["location"], "/my?lang=ja");
    let cookie = headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("toroku_session="))
        .expect("a session cookie")
        .split(';')
        .next()
        .unwrap_or_default()
        .to_owned();

    let (status, _, html) = app
        .page(Method::GET, "/my?lang=ja", &[("cookie", &cookie)])
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("株式会社みなと食品"), "{html}");
    assert!(html.contains("審査中"), "the status in words");

    let (status, headers, _) = app.post_form("/logout", &[], &[("cookie", &cookie)]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(
        headers["location"]
            .to_str()
            .unwrap_or_default()
            .starts_with("/?lang=")
    );
    let (status, headers, _) = app.page(Method::GET, "/my", &[("cookie", &cookie)]).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "the session ended");
    assert!(
        headers["location"]
            .to_str()
            .unwrap_or_default()
            .starts_with("/login")
    );
}

async fn static_files_and_the_register_page_are_served(app: TestApp) {
    let (status, headers, css) = app.page(Method::GET, "/static/site.css", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers["content-type"]
            .to_str()
            .unwrap_or_default()
            .starts_with("text/css")
    );
    assert!(css.contains(":focus-visible"));
    let (status, _, _) = app.page(Method::GET, "/static/nope.js", &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // A mistyped address: a page for a browser, JSON for a program, 404 both.
    let browser = [("accept", "text/html,application/xhtml+xml;q=0.9")];
    let (status, _, html) = app
        .page(Method::GET, "/no-such-page?lang=en", &browser)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(
        html.contains("<html lang=\"en\"") && html.contains("<main"),
        "{html}"
    );
    let (status, _, json) = app.page(Method::GET, "/api/v1/nothing", &browser).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(json.contains("\"not_found\""), "{json}");
    let (status, _, html) = app.page(Method::GET, "/register?lang=en", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(lang_of(&html), "en");
    assert!(html.contains("role=\"search\""));
}

fn location(headers: &axum::http::HeaderMap) -> String {
    headers
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// The example application's applicant and first establishment, as form fields.
fn example_fields(
    prefix: &str,
    object: &serde_json::Value,
    keys: &[&str],
) -> Vec<(String, String)> {
    keys.iter()
        .map(|k| {
            let value = match &object[*k] {
                serde_json::Value::Bool(true) => "yes".to_owned(),
                serde_json::Value::Bool(false) => "no".to_owned(),
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Number(n) => n.to_string(),
                _ => String::new(),
            };
            (format!("{prefix}/{k}"), value)
        })
        .collect()
}

async fn post(
    app: &TestApp,
    path: &str,
    fields: &[(String, String)],
) -> (StatusCode, axum::http::HeaderMap, String) {
    let fields: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    app.post_form(path, &fields, &[]).await
}

async fn applicant_fills_the_form_step_by_step_and_submits(mut app: TestApp) {
    let example: serde_json::Value = serde_json::from_str(tests::EXAMPLE).expect("example");
    let (status, _, _) = app
        .call(
            Method::POST,
            "/api/v1/pre-registrations",
            Some(&serde_json::json!({ "email": "step@example.jp", "email_confirmation": "step@example.jp" })),
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
    let base = format!("/apply/{token}");

    let (status, _, html) = app.page(Method::GET, &base, &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("未入力"), "nothing entered yet: {html}");

    // Kind of applicant.
    let (status, headers, _) = post(
        &app,
        &format!("{base}/kind"),
        &[("/founder".into(), "private".into())],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location(&headers), format!("{base}/applicant?lang=ja"));

    // Applicant: a missing name is reported, everything typed is kept and saved.
    let applicant = &example["applicant"];
    let keys = [
        "name",
        "name_kana",
        "representative",
        "representative_kana",
        "postal_code",
        "prefecture",
        "city",
        "street",
        "phone",
        "fax",
        "email",
        "industrial_physician",
        "business_continuity_plan",
        "note1",
        "note2",
    ];
    let mut fields = example_fields("/applicant", applicant, &keys);
    fields[0].1 = String::new();
    let (status, _, html) = post(&app, &format!("{base}/applicant"), &fields).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
    assert!(
        html.contains("href=\"#applicant-name\""),
        "the summary links to the name: {html}"
    );
    assert!(
        html.contains("value=\"港川太郎\""),
        "the representative typed is kept"
    );
    let (_, _, stored) = app
        .call(Method::GET, &format!("/api/v1/drafts/{token}"), None, &[])
        .await;
    assert_eq!(
        stored["document"]["applicant"]["representative"], "港川太郎",
        "saved although incomplete"
    );
    let fields = example_fields("/applicant", applicant, &keys);
    let (status, headers, html) = post(&app, &format!("{base}/applicant"), &fields).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{html}");
    assert_eq!(location(&headers), format!("{base}/establishments?lang=ja"));

    // Establishments: add one, fill its three steps.
    let (status, headers, _) = post(
        &app,
        &format!("{base}/establishments"),
        &[("action".into(), "add".into())],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        location(&headers),
        format!("{base}/establishments/0/details?lang=ja")
    );
    let establishment = &example["establishments"][0];
    let fields = example_fields(
        "/establishments/0",
        establishment,
        &[
            "name",
            "postal_code",
            "prefecture",
            "city",
            "street",
            "phone",
            "fax",
            "email",
            "total_staff",
        ],
    );
    let (status, headers, html) =
        post(&app, &format!("{base}/establishments/0/details"), &fields).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{html}");
    assert_eq!(
        location(&headers),
        format!("{base}/establishments/0/lines?lang=ja")
    );
    let (status, _, html) = app
        .page(Method::GET, &format!("{base}/establishments/0/lines"), &[])
        .await;
    assert_eq!(status, StatusCode::OK);
    // (minijinja escapes `/` in attributes as `&#x2f;`, which the browser reads back as `/`.)
    assert!(
        html.contains("value=\"food-manufacturing&#x2f;bread-and-confectionery\""),
        "the catalogue is offered"
    );
    let line = "/establishments/0/business_lines/0";
    let (status, headers, html) = post(
        &app,
        &format!("{base}/establishments/0/lines"),
        &[
            (
                format!("{line}/business_type"),
                "food-manufacturing/bread-and-confectionery".into(),
            ),
            (format!("{line}/registered_staff_own"), "40".into()),
            (format!("{line}/registered_staff_external"), "4".into()),
            (
                format!("{line}/note"),
                "製造 32人、資材調達 6人、出荷 6人".into(),
            ),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{html}");
    assert_eq!(
        location(&headers),
        format!("{base}/establishments/0/site?lang=ja")
    );
    let site = &establishment["vaccination_site"];
    let fields = example_fields(
        "/establishments/0/vaccination_site",
        site,
        &[
            "status",
            "name",
            "name_kana",
            "postal_code",
            "prefecture",
            "city",
            "street",
            "phone",
        ],
    );
    let (status, headers, html) =
        post(&app, &format!("{base}/establishments/0/site"), &fields).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{html}");
    assert_eq!(location(&headers), format!("{base}/establishments?lang=ja"));

    // Copy and delete in the table.
    let (status, _, _) = post(
        &app,
        &format!("{base}/establishments"),
        &[("action".into(), "copy:0".into())],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, _, html) = app
        .page(Method::GET, &format!("{base}/establishments"), &[])
        .await;
    assert!(html.contains("本社工場 （コピー）"), "{html}");
    let (status, _, _) = post(
        &app,
        &format!("{base}/establishments"),
        &[("action".into(), "delete:1".into())],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, _, _) = post(
        &app,
        &format!("{base}/establishments"),
        &[("action".into(), "delete:7".into())],
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "no such row");

    // Confirmation: the declaration is required; then submit, twice with the same key.
    let (status, _, html) = app.page(Method::GET, &format!("{base}/confirm"), &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("株式会社みなと食品"));
    assert!(
        !html.contains("送信する前に直してください"),
        "no blocking finding: {html}"
    );
    let (status, _, html) = post(
        &app,
        &format!("{base}/submit"),
        &[("key".into(), "k-1".into())],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("href=\"#declaration\""));
    let submit = [
        ("key".to_owned(), "k-2".to_owned()),
        ("declaration".to_owned(), "yes".to_owned()),
    ];
    let (status, _, html) = post(&app, &format!("{base}/submit"), &submit).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(html.contains("申請を送信しました"));
    let (status, _, html) = post(&app, &format!("{base}/submit"), &submit).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "a second click gets the same receipt: {html}"
    );
    assert!(html.contains("申請を送信しました"));
    let (_, _, stored) = app
        .call(Method::GET, &format!("/api/v1/drafts/{token}"), None, &[])
        .await;
    assert_eq!(stored["error"]["code"], "application_already_submitted");
}

fn establishment_row<'a>(name: &'a str, staff: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("establishment_name", name),
        ("postal_code", "1008916"),
        ("prefecture", "東京都"),
        ("city", "千代田区"),
        ("street", "霞が関１丁目２番２号"),
        ("phone", "0335953426"),
        ("total_staff", "120"),
        ("business_type", "food-manufacturing"),
        ("sub_type_1", "bread-and-confectionery"),
        ("registered_staff_own", staff),
        ("registered_staff_external", "0"),
        ("vaccination_site_status", "not_yet_secured"),
        ("vaccination_site_plan_note", "近隣の病院で検討中"),
    ]
}

async fn excel_upload_is_a_dry_run_until_confirmed(mut app: TestApp) {
    let (status, _, _) = app
        .call(
            Method::POST,
            "/api/v1/pre-registrations",
            Some(&serde_json::json!({ "email": "xlsx@example.jp", "email_confirmation": "xlsx@example.jp" })),
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
    let upload = format!("/apply/{token}/establishments/upload");
    let send = |bytes: Vec<u8>| {
        let (kind, body) = tests::multipart_file("file", "establishments.xlsx", &bytes);
        let app = &app;
        let upload = upload.clone();
        async move {
            let (status, _, html) = app
                .call_raw(
                    Method::POST,
                    &upload,
                    body,
                    &[("content-type", kind.as_str())],
                )
                .await;
            (
                status,
                html["_text"].as_str().unwrap_or_default().to_owned(),
            )
        }
    };

    // Not a workbook at all.
    let (status, html) = send(b"plain text, not a spreadsheet".to_vec()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        html.contains("href=\"#file\""),
        "the summary links to the file field: {html}"
    );

    // A workbook with mistakes: every one reported by row and column; nothing replaced.
    let mut bad = establishment_row("本社工場", "十二");
    bad.retain(|(k, _)| *k != "prefecture");
    bad.push(("prefecture", "東京県"));
    let (status, html) = send(tests::establishments_workbook(&[
        bad,
        establishment_row("", "4"),
    ]))
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
    assert!(html.contains("<td>3</td>"), "row 3 is named: {html}");
    assert!(html.contains("<td>4</td>"), "row 4 is named");
    assert!(html.contains("0以上の整数"), "the count problem");
    assert!(html.contains("都道府県名"), "the prefecture problem");
    assert!(html.contains("入力が必要です"), "the missing name");
    let (_, _, draft) = app
        .call(Method::GET, &format!("/api/v1/drafts/{token}"), None, &[])
        .await;
    assert!(
        draft["document"]["establishments"]
            .as_array()
            .is_none_or(Vec::is_empty),
        "{draft}"
    );

    // A good workbook: a preview first, the draft unchanged until confirmed.
    let rows = vec![
        establishment_row("本社工場", "40"),
        establishment_row("大阪工場", "12"),
    ];
    let (status, html) = send(tests::establishments_workbook(&rows)).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(html.contains("大阪工場"), "{html}");
    let (_, _, draft) = app
        .call(Method::GET, &format!("/api/v1/drafts/{token}"), None, &[])
        .await;
    assert!(
        draft["document"]["establishments"]
            .as_array()
            .is_none_or(Vec::is_empty),
        "still unchanged"
    );
    let (status, headers, _) = app
        .post_form(&format!("/apply/{token}/establishments/import"), &[], &[])
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(location(&headers).starts_with(&format!("/apply/{token}/establishments")));
    let (_, _, draft) = app
        .call(Method::GET, &format!("/api/v1/drafts/{token}"), None, &[])
        .await;
    let establishments = draft["document"]["establishments"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(establishments.len(), 2, "{draft}");
    assert_eq!(establishments[1]["name"], "大阪工場");
    assert_eq!(
        establishments[1]["business_lines"][0]["registered_staff_own"],
        12
    );
    // Confirming again does nothing more (the staged import was used).
    let (status, _, _) = app
        .post_form(&format!("/apply/{token}/establishments/import"), &[], &[])
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
}

/// A message id shown instead of its text (the catalogue's fallback for a missing message).
fn raw_message_id(html: &str) -> Option<String> {
    html.split('>').skip(1).find_map(|chunk| {
        let text = chunk.split('<').next().unwrap_or_default().trim();
        let looks_like_id = [
            "page-",
            "apply-",
            "staff-",
            "register-",
            "workbook-",
            "error-",
            "change-",
        ]
        .iter()
        .any(|p| text.starts_with(p))
            && text
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
        looks_like_id.then(|| text.to_owned())
    })
}

async fn every_page_kind_renders_in_every_locale_without_a_missing_string(mut app: TestApp) {
    assert_eq!(
        raw_message_id("<p>apply-step-kind</p>").as_deref(),
        Some("apply-step-kind")
    );
    assert_eq!(raw_message_id("<p>申請</p><a id=\"apply-x\">x</a>"), None);
    let (status, _, _) = app
        .call(
            Method::POST,
            "/api/v1/pre-registrations",
            Some(&serde_json::json!({ "email": "locales@example.jp", "email_confirmation": "locales@example.jp" })),
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
    let (status, _, _) = post(
        &app,
        &format!("/apply/{token}/establishments"),
        &[("action".into(), "add".into())],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let pages = [
        "/".to_owned(),
        "/pre-register".to_owned(),
        "/login".to_owned(),
        "/register".to_owned(),
        "/staff/login".to_owned(),
        "/account/password-reset".to_owned(),
        "/staff/enrol/an-enrolment-link-token".to_owned(),
        format!("/apply/{token}"),
        format!("/apply/{token}/kind"),
        format!("/apply/{token}/applicant"),
        format!("/apply/{token}/establishments"),
        format!("/apply/{token}/establishments/0/details"),
        format!("/apply/{token}/establishments/0/lines"),
        format!("/apply/{token}/establishments/0/site"),
        format!("/apply/{token}/confirm"),
    ];
    for locale in i18n::Locale::ALL {
        for page in &pages {
            let separator = if page.contains('?') { '&' } else { '?' };
            let path = format!("{page}{separator}lang={}", locale.tag());
            let (status, _, html) = app.page(Method::GET, &path, &[]).await;
            assert_eq!(status, StatusCode::OK, "{path}");
            assert_eq!(lang_of(&html), locale.tag(), "{path}");
            assert_eq!(
                raw_message_id(&html),
                None,
                "{path} shows a message id instead of text"
            );
        }
    }
}

fn cookie_named(headers: &axum::http::HeaderMap, name: &str) -> String {
    headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with(&format!("{name}=")))
        .and_then(|c| c.split(';').next())
        .unwrap_or_default()
        .to_owned()
}

async fn password_reset_change_and_staff_enrolment_pages(mut app: TestApp) {
    // The reset request answers the same for a pair that does not match; bad input is refused.
    let (status, _, html) = app
        .post_form(
            "/account/password-reset?lang=ja",
            &[("email", "nobody@example.jp"), ("phone", "0300000000")],
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(html.contains("notice--ok"));
    let (status, _, html) = app
        .post_form(
            "/account/password-reset?lang=ja",
            &[("email", ""), ("phone", "")],
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("href=\"#email\""), "{html}");

    // Password change: the current one must be right; afterwards the new one logs in.
    let document: serde_json::Value = serde_json::from_str(tests::EXAMPLE).expect("example");
    let email = document["applicant"]["email"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let (_, cookie) = app.submitted_application(&document).await;
    let (status, _, _) = app
        .page(Method::GET, "/my/password", &[("cookie", &cookie)])
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _, html) = app
        .post_form(
            "/my/password?lang=ja",
            &[
                ("current_password", "not the password"),
                ("new_password", "a brand new passphrase 2026"),
            ],
            &[("cookie", &cookie)],
        )
        .await;
    assert!(status.is_client_error(), "{status}");
    assert!(html.contains("href=\"#current_password\""), "{html}");
    let (status, _, html) = app
        .post_form(
            "/my/password?lang=ja",
            &[
                ("current_password", tests::APPLICANT_PASSWORD),
                ("new_password", "a brand new passphrase 2026"),
            ],
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{html}");
    let (status, headers, _) = app
        .post_form(
            "/login?lang=ja",
            &[
                ("login_id", email.as_str()),
                ("password", "a brand new passphrase 2026"),
            ],
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(!cookie_named(&headers, "toroku_session").is_empty());

    // Staff enrolment from the mailed link: the secret is shown once; the link is then used up.
    let created = app
        .registrar
        .bootstrap_staff(
            "maff",
            "enrol@maff.test",
            "登録 太郎",
            authz::Role::Reviewer,
        )
        .await
        .expect("staff");
    let path = format!(
        "/staff/enrol/{}",
        created
            .enrolment_link
            .rsplit('/')
            .next()
            .unwrap_or_default()
    );
    let (status, _, _) = app.page(Method::GET, &path, &[]).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _, html) = app.post_form(&path, &[("password", "short")], &[]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
    let (status, _, html) = app
        .post_form(&path, &[("password", "a long staff passphrase")], &[])
        .await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(
        html.contains("otpauth:&#x2f;&#x2f;totp"),
        "the URI is shown: {html}"
    );
    let (status, _, _) = app
        .post_form(&path, &[("password", "a long staff passphrase")], &[])
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "a link works once");
}

async fn ministry_admin_invites_and_disables_staff_through_the_pages(mut app: TestApp) {
    let admin = app
        .staff_cookie("maff", "admin@maff.test", authz::Role::MinistryAdmin)
        .await;
    let reviewer = app
        .staff_cookie("maff", "rev@maff.test", authz::Role::Reviewer)
        .await;
    let central = app
        .staff_cookie("central", "c@mhlw.test", authz::Role::CentralAdmin)
        .await;
    app.deliver_mail().await;

    // A bad invitation is refused field by field; a good one mails the enrolment link.
    let (status, _, html) = app
        .post_form(
            "/staff/admin/staff?lang=ja",
            &[
                ("email", "not-an-address"),
                ("name", ""),
                ("role", "reviewer"),
            ],
            &[("cookie", &admin)],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
    assert!(html.contains("href=\"#email\""), "{html}");
    let (status, headers, _) = app
        .post_form(
            "/staff/admin/staff?lang=ja",
            &[
                ("email", "new@maff.test"),
                ("name", "新人 花子"),
                ("role", "reviewer"),
            ],
            &[("cookie", &admin)],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(location(&headers).starts_with("/staff/admin/staff"));
    let mails = app.deliver_mail().await;
    assert!(
        mails
            .iter()
            .any(|m| m.to == "new@maff.test" && m.body.contains("/staff/enrol/")),
        "the enrolment link"
    );
    let (status, _, html) = app
        .page(
            Method::GET,
            "/staff/admin/staff?lang=ja",
            &[("cookie", &admin)],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("新人 花子") && html.contains("招待中"),
        "{html}"
    );

    // Disabling ends access; a reviewer cannot manage staff; another ministry's staff are out of reach.
    let staff = app
        .registrar
        .store()
        .read()
        .await
        .expect("read")
        .staff_by_email_key("rev@maff.test")
        .await
        .expect("query")
        .expect("reviewer");
    let (status, _, _) = app
        .post_form(
            "/staff/admin/staff?lang=ja",
            &[
                ("tenant", "maff"),
                ("action", &format!("disable:{}", staff.id)),
            ],
            &[("cookie", &admin)],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, headers, _) = app
        .page(Method::GET, "/staff", &[("cookie", &reviewer)])
        .await;
    assert_eq!(
        status,
        StatusCode::SEE_OTHER,
        "the disabled reviewer is logged out"
    );
    assert!(location(&headers).starts_with("/staff/login"));
    let (status, _, _) = app
        .page(
            Method::GET,
            "/staff/admin/staff?tenant=meti",
            &[("cookie", &admin)],
        )
        .await;
    assert!(
        status == StatusCode::FORBIDDEN || status == StatusCode::NOT_FOUND,
        "{status}"
    );
    let (status, _, html) = app
        .page(
            Method::GET,
            "/staff/admin/tenants?lang=ja",
            &[("cookie", &central)],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("<code>maff</code>") && html.contains("食料品製造業"),
        "{html}"
    );
    // Ownership: a type another ministry owns is refused and nothing changes; otherwise saved.
    let (status, _, html) = app
        .post_form(
            "/staff/admin/tenants/maff/business-types?lang=ja",
            &[("type", "food-manufacturing"), ("type", "electricity")],
            &[("cookie", &central)],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
    assert!(html.contains("href=\"#types-maff\""), "{html}");
    let (status, _, _) = app
        .post_form(
            "/staff/admin/tenants/maff/business-types?lang=ja",
            &[("type", "food-manufacturing"), ("type", "food-wholesale")],
            &[("cookie", &central)],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let tenants = app
        .registrar
        .list_tenants(
            &app.registrar
                .staff_session(Some(central.split('=').nth(1).unwrap_or_default()))
                .await
                .expect("central session"),
        )
        .await
        .expect("tenants");
    let maff = tenants.iter().find(|t| t.id == "maff").expect("maff");
    let mut owned = maff.business_types.clone();
    owned.sort();
    assert_eq!(
        owned,
        vec!["food-manufacturing".to_owned(), "food-wholesale".to_owned()]
    );
    // A new ministry; the same id twice is refused.
    let (status, _, _) = app
        .post_form(
            "/staff/admin/tenants?lang=ja",
            &[("id", "digital"), ("name", "デジタル庁")],
            &[("cookie", &central)],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, _, html) = app
        .post_form(
            "/staff/admin/tenants?lang=ja",
            &[("id", "digital"), ("name", "デジタル庁")],
            &[("cookie", &central)],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
    assert!(html.contains("href=\"#id\""), "{html}");
    let (status, _, _) = app
        .page(Method::GET, "/staff/admin/tenants", &[("cookie", &admin)])
        .await;
    assert!(
        status.is_client_error(),
        "only the central administration lists tenants: {status}"
    );
}

async fn central_installs_plugin_versions_through_the_page(app: TestApp) {
    let central = app
        .staff_cookie("central", "c@mhlw.test", authz::Role::CentralAdmin)
        .await;
    let reviewer = app
        .staff_cookie("maff", "r@maff.test", authz::Role::Reviewer)
        .await;
    let (status, _, html) = app
        .page(
            Method::GET,
            "/staff/admin/plugins?lang=ja",
            &[("cookie", &central)],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<code>maff</code>"), "{html}");
    let (status, _, _) = app
        .page(
            Method::GET,
            "/staff/admin/plugins",
            &[("cookie", &reviewer)],
        )
        .await;
    assert!(
        status.is_client_error(),
        "only the central administration: {status}"
    );

    let upload = |file: Vec<u8>| {
        let (kind, body) = tests::multipart_file("file", "plugin.wasm", &file);
        let app = &app;
        let central = central.clone();
        async move {
            let (status, _, html) = app
                .call_raw(
                    Method::POST,
                    "/staff/admin/plugins?lang=ja",
                    body,
                    &[
                        ("content-type", kind.as_str()),
                        ("cookie", central.as_str()),
                    ],
                )
                .await;
            (
                status,
                html["_text"].as_str().unwrap_or_default().to_owned(),
            )
        }
    };
    // A component that imports WASI is refused, beside the field; the same version twice too.
    let (status, html) = upload(tests::plugin_file("hostile-wasi")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
    assert!(html.contains("href=\"#file\""), "{html}");
    let (status, html) = upload(tests::plugin_file("maff")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
    // A valid new plugin is installed and listed.
    let (status, html) = upload(tests::plugin_file("hostile-control")).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(html.contains("notice--ok"), "{html}");
    let (status, html) = upload(tests::plugin_file("hostile-v2")).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    // The earlier version is listed with a roll-back button; the catalogue in force is shown.
    let activation = "/staff/admin/plugins/hostile/versions/1.0.0/activation";
    assert!(html.contains(&activation.replace('/', "&#x2f;")), "{html}");
    assert!(html.contains("使用中"), "{html}");
    let (status, _, _) = app
        .post_form(activation, &[], &[("cookie", reviewer.as_str())])
        .await;
    assert!(
        status.is_client_error(),
        "a reviewer cannot roll back: {status}"
    );
    assert_eq!(
        app.plugin_version_in_force("hostile").as_deref(),
        Some("1.1.0")
    );
    let (status, _, html) = app
        .post_form(
            &format!("{activation}?lang=ja"),
            &[],
            &[("cookie", central.as_str())],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(html.contains("バージョン 1.0.0 に戻しました"), "{html}");
    assert_eq!(
        app.plugin_version_in_force("hostile").as_deref(),
        Some("1.0.0")
    );
    // Again: already in force, explained on the page; nothing changes.
    let (status, _, html) = app
        .post_form(
            &format!("{activation}?lang=ja"),
            &[],
            &[("cookie", central.as_str())],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
    assert!(html.contains("href=\"#versions\""), "{html}");
}

/// The record the applicant sees as registered (from the API).
async fn registered_record(app: &TestApp, cookie: &str) -> serde_json::Value {
    let (status, _, mine) = app
        .call(
            Method::GET,
            "/api/v1/me/application",
            None,
            &[("cookie", cookie)],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{mine}");
    mine
}

/// The first establishment's first business line as the lines step posts it.
fn line_form(own: &str, note: &str) -> Vec<(&'static str, String)> {
    let line = "/establishments/0/business_lines/0";
    vec![
        (
            "business_type",
            "food-manufacturing/bread-and-confectionery".to_owned(),
        ),
        ("registered_staff_own", own.to_owned()),
        ("registered_staff_external", "4".to_owned()),
        ("note", note.to_owned()),
    ]
    .into_iter()
    .map(|(k, v)| {
        let name: &'static str = Box::leak(format!("{line}/{k}").into_boxed_str());
        (name, v)
    })
    .collect()
}

async fn registered_applicant_edits_a_copy_and_files_a_change_notification(mut app: TestApp) {
    let mut document: serde_json::Value = serde_json::from_str(tests::EXAMPLE).expect("example");
    document["applicant"]["email"] = serde_json::json!("henkou@minato-foods.example.jp");
    let (id, applicant) = app.registered_application(&document, &["maff"]).await;
    let with_cookie = [("cookie", applicant.as_str())];

    // Without a session the copy is out of reach.
    let (status, headers, _) = app.page(Method::GET, "/my/change", &[]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(location(&headers).starts_with("/login"));

    // The account page offers the change; the copy starts as the registered record.
    let (status, _, html) = app.page(Method::GET, "/my?lang=ja", &with_cookie).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("href=\"&#x2f;my&#x2f;change?lang=ja\"")
            || html.contains("href=\"/my/change?lang=ja\""),
        "{html}"
    );
    let (status, _, html) = app
        .page(Method::GET, "/my/change/confirm?lang=ja", &with_cookie)
        .await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(html.contains("まだ変更点はありません"), "{html}");

    // Every page of the copy speaks every language.
    for locale in i18n::Locale::ALL {
        for page in [
            "/my/change",
            "/my/change/establishments",
            "/my/change/establishments/0/lines",
            "/my/change/confirm",
            "/my",
        ] {
            let path = format!("{page}?lang={}", locale.tag());
            let (status, _, html) = app.page(Method::GET, &path, &with_cookie).await;
            assert_eq!(status, StatusCode::OK, "{path}");
            assert_eq!(raw_message_id(&html), None, "{path} shows a message id");
        }
    }

    // Staff 40 → 50 on the copy: saved, the registered record untouched.
    let fields = line_form("50", "製造 42人、資材調達 6人、出荷 6人");
    let form: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, headers, html) = app
        .post_form(
            "/my/change/establishments/0/lines?lang=ja",
            &form,
            &with_cookie,
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{html}");
    assert_eq!(
        location(&headers),
        "/my/change/establishments/0/site?lang=ja"
    );
    let mine = registered_record(&app, &applicant).await;
    assert_eq!(
        mine["review"]["registration"]["document"]["establishments"][0]["business_lines"][0]["registered_staff_own"],
        40
    );

    // The confirmation shows the change and why it needs a notification.
    let (status, _, html) = app
        .page(Method::GET, "/my/change/confirm?lang=ja", &with_cookie)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("<del>40</del>") && html.contains("<ins>50</ins>"),
        "{html}"
    );
    assert!(html.contains("登録者数の5%以上の増減"), "{html}");
    assert!(html.contains("変更を届け出る"), "{html}");

    // Filing needs the declaration; then it goes to the ministry.
    let (status, _, html) = app
        .post_form("/my/change/submit?lang=ja", &[("key", "k1")], &with_cookie)
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
    assert!(html.contains("href=\"#declaration\""), "{html}");
    let (status, _, html) = app
        .post_form(
            "/my/change/submit?lang=ja",
            &[("key", "k1"), ("declaration", "yes")],
            &with_cookie,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(html.contains("変更の届出を受け付けました"), "{html}");
    let mine = registered_record(&app, &applicant).await;
    assert_eq!(mine["status"], "change_pending");
    let (_, _, html) = app.page(Method::GET, "/my?lang=ja", &with_cookie).await;
    assert!(
        html.contains("変更の届出を審査中です") && html.contains("審査中"),
        "{html}"
    );
    // While it is under review, no second copy.
    let (status, _, html) = app
        .page(Method::GET, "/my/change?lang=ja", &with_cookie)
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{html}");

    // The reviewer sees the change as a diff, in canonical Japanese, and accepts it.
    let maff = app
        .staff_cookie("maff", "change-reviewer@maff.test", authz::Role::Reviewer)
        .await;
    let (status, _, html) = app
        .page(
            Method::GET,
            &format!("/staff/applications/{id}?lang=en"),
            &[("cookie", &maff)],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(
        html.contains("<ins>50</ins>") && html.contains("事業所 1"),
        "{html}"
    );
    let path = format!("/api/v1/review/applications/{id}");
    let (_, _, view) = app
        .call(Method::GET, &path, None, &[("cookie", &maff)])
        .await;
    for line in view["lines"].as_array().expect("lines") {
        let (status, _, body) = app
            .call(
                Method::POST,
                &format!("{path}/lines/{}/decision", line["id"]),
                Some(&serde_json::json!({ "decision": "accept" })),
                &[("cookie", &maff)],
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    let mine = registered_record(&app, &applicant).await;
    assert_eq!(mine["status"], "registered", "{mine}");
    assert_eq!(
        mine["review"]["registration"]["document"]["establishments"][0]["business_lines"][0]["registered_staff_own"],
        50
    );

    // A note needs no notification: filed, it changes the record at once.
    let fields = line_form("50", "製造 42人、資材調達 6人、出荷 2人");
    let form: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, _, _) = app
        .post_form(
            "/my/change/establishments/0/lines?lang=ja",
            &form,
            &with_cookie,
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, _, html) = app
        .page(Method::GET, "/my/change/confirm?lang=ja", &with_cookie)
        .await;
    assert!(html.contains("どの変更も届出は不要です"), "{html}");
    let (status, _, html) = app
        .post_form(
            "/my/change/submit?lang=ja",
            &[("key", "k2"), ("declaration", "yes")],
            &with_cookie,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(html.contains("登録内容を更新しました"), "{html}");
    let mine = registered_record(&app, &applicant).await;
    assert_eq!(
        mine["review"]["registration"]["document"]["establishments"][0]["business_lines"][0]["note"],
        "製造 42人、資材調達 6人、出荷 2人"
    );

    // An edit thrown away leaves nothing behind.
    let fields = line_form("10", "x");
    let form: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    app.post_form(
        "/my/change/establishments/0/lines?lang=ja",
        &form,
        &with_cookie,
    )
    .await;
    let (status, headers, _) = app
        .post_form("/my/change/discard?lang=ja", &[], &with_cookie)
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location(&headers), "/my?lang=ja");
    let (_, _, html) = app
        .page(Method::GET, "/my/change/confirm?lang=ja", &with_cookie)
        .await;
    assert!(html.contains("まだ変更点はありません"), "{html}");
}
