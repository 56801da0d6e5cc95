//! The form's helpers: postal codes and the FTE calculator, and the API description.

use axum::http::{Method, StatusCode};
use serde_json::json;
use tests::{Db, TestApp};

async fn app() -> TestApp {
    TestApp::start(Db::Sqlite).await.expect("app")
}

#[tokio::test]
async fn postal_codes_give_prefecture_and_city_candidates() {
    let app = app().await;
    let (status, _, body) = app
        .call(Method::GET, "/api/v1/postal-codes/5300001", None, &[])
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        body["candidates"],
        json!([{ "prefecture": "大阪府", "city": "大阪市北区" }])
    );
    let (status, _, body) = app
        .call(
            Method::GET,
            "/api/v1/postal-codes/%EF%BC%91%EF%BC%90%EF%BC%90-8916",
            None,
            &[],
        )
        .await;
    assert_eq!(
        (status, body["postal_code"].clone()),
        (StatusCode::OK, json!("1008916")),
        "full-width digits and hyphen are accepted"
    );
    let (status, _, body) = app
        .call(Method::GET, "/api/v1/postal-codes/530001", None, &[])
        .await;
    assert_eq!(
        (status, body["error"]["code"].clone()),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            json!("postal_code_invalid")
        )
    );
    let (status, _, body) = app
        .call(Method::GET, "/api/v1/postal-codes/0000000", None, &[])
        .await;
    assert_eq!(
        (status, body["error"]["code"].clone()),
        (StatusCode::NOT_FOUND, json!("postal_code_unknown"))
    );
}

#[tokio::test]
async fn fte_calculator_rounds_up_the_guides_example() {
    let app = app().await;
    let cases = [
        (
            json!({ "standard_weekly_hours": 40, "full_time": 0, "patterns": [{ "people": 5, "hours_per_week": 9 }, { "people": 10, "hours_per_week": 10 }] }),
            json!({ "fte_exact": 3.625, "fte": 4 }),
        ),
        (
            json!({ "standard_weekly_hours": 40, "full_time": 2, "patterns": [{ "people": 1, "hours_per_week": 12 }] }),
            json!({ "fte_exact": 2.3, "fte": 3 }),
        ),
        (
            json!({ "standard_weekly_hours": 37.5, "full_time": 3 }),
            json!({ "fte_exact": 3.0, "fte": 3 }),
        ),
    ];
    for (input, expected) in cases {
        let (status, _, body) = app
            .call(Method::POST, "/api/v1/fte", Some(&input), &[])
            .await;
        assert_eq!((status, &body), (StatusCode::OK, &expected), "{input}");
    }
    let bad = [
        (
            json!({ "standard_weekly_hours": 0, "full_time": 1 }),
            "/standard_weekly_hours",
            "fte_standard_hours_out_of_range",
        ),
        (
            json!({ "standard_weekly_hours": 40, "full_time": 0, "patterns": [{ "people": 1, "hours_per_week": 41 }] }),
            "/patterns/0/hours_per_week",
            "fte_pattern_hours_out_of_range",
        ),
        (
            json!({ "standard_weekly_hours": "forty", "full_time": 0 }),
            "/",
            "fte_input_invalid",
        ),
    ];
    for (input, path, code) in bad {
        let (status, _, body) = app
            .call(
                Method::POST,
                "/api/v1/fte",
                Some(&input),
                &[("accept-language", "en")],
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{input}");
        assert_eq!(
            (
                body["error"]["fields"][0]["path"].as_str(),
                body["error"]["fields"][0]["code"].as_str()
            ),
            (Some(path), Some(code)),
            "{body}"
        );
    }
}

#[tokio::test]
async fn every_documented_operation_is_served() {
    let app = app().await;
    let (status, _, document) = app.call(Method::GET, "/api/openapi.json", None, &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(document["openapi"], "3.1.0");
    let paths = document["paths"].as_object().expect("paths");
    assert_eq!(paths.len(), 36);
    for (path, item) in paths {
        let concrete = path
            .replace("{token}", &"A".repeat(43))
            .replace("{code}", "1008916");
        for method in item
            .as_object()
            .expect("item")
            .keys()
            .filter(|k| *k != "parameters")
        {
            let method: Method = method.to_uppercase().parse().expect("method");
            let (status, _, body) = app
                .call_raw(method.clone(), &concrete, Vec::new(), &[])
                .await;
            assert_ne!(body["error"]["code"], "not_found", "{method} {path}");
            assert_ne!(status, StatusCode::METHOD_NOT_ALLOWED, "{method} {path}");
            assert!(
                status != StatusCode::INTERNAL_SERVER_ERROR,
                "{method} {path}"
            );
        }
    }
}

#[tokio::test]
async fn responses_carry_protective_headers() {
    let app = app().await;
    let (_, headers, _) = app.call(Method::GET, "/healthz", None, &[]).await;
    assert_eq!(
        headers.get("referrer-policy").map(|v| v.as_bytes()),
        Some(&b"no-referrer"[..])
    );
    assert_eq!(
        headers.get("x-content-type-options").map(|v| v.as_bytes()),
        Some(&b"nosniff"[..])
    );
    assert_eq!(
        headers.get("cache-control").map(|v| v.as_bytes()),
        Some(&b"no-store"[..])
    );
    // Pages too: a policy without inline script, and no framing by other sites.
    let (status, headers, _) = app.call_bytes(Method::GET, "/").await;
    assert_eq!(status, StatusCode::OK);
    let policy = headers
        .get("content-security-policy")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    assert!(policy.contains("script-src 'self';"), "{policy}");
    assert!(policy.contains("frame-ancestors 'none'"), "{policy}");
    assert!(!policy.contains("unsafe-inline"), "{policy}");
    assert!(!policy.contains("unsafe-eval"), "{policy}");
    assert_eq!(
        headers.get("x-frame-options").map(|v| v.as_bytes()),
        Some(&b"DENY"[..])
    );
    // Over plain http (development) there is no HSTS; an https site sends it on every answer.
    assert!(headers.get("strict-transport-security").is_none());
    let mut state = server::AppState::new(app.registrar.clone());
    state.secure_cookies = true;
    let secure = server::router(state);
    for (method, path) in [(Method::GET, "/"), (Method::GET, "/no/such/page")] {
        let response = tower::ServiceExt::oneshot(
            secure.clone(),
            axum::http::Request::builder()
                .method(method)
                .uri(path)
                .body(axum::body::Body::empty())
                .expect("request"),
        )
        .await
        .expect("answer");
        assert_eq!(
            response
                .headers()
                .get("strict-transport-security")
                .map(|v| v.as_bytes()),
            Some(server::STRICT_TRANSPORT_SECURITY.as_bytes()),
            "{path}"
        );
    }
}

#[tokio::test]
async fn the_establishment_template_opens_as_a_workbook_labelled_in_the_requested_language() {
    use calamine::{Reader, Xlsx};
    let app = app().await;
    for (lang, first_label) in [("ja", "事業所名"), ("en", "Establishment name")] {
        let (status, headers, bytes) = app
            .call_bytes(
                Method::GET,
                &format!("/templates/establishments.xlsx?lang={lang}"),
            )
            .await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            headers["content-type"]
                .to_str()
                .is_ok_and(|t| t.contains("spreadsheetml"))
        );
        let mut workbook: Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("a real xlsx");
        let sheet = workbook
            .worksheet_range("establishments")
            .expect("establishments sheet");
        assert_eq!(
            sheet.get_value((0, 0)).map(ToString::to_string).as_deref(),
            Some(first_label)
        );
        assert_eq!(
            sheet.get_value((1, 0)).map(ToString::to_string).as_deref(),
            Some("establishment_name")
        );
        let keys: Vec<String> = (0..workbook::COLUMNS.len())
            .map(|c| {
                sheet
                    .get_value((1, u32::try_from(c).expect("small")))
                    .map(ToString::to_string)
                    .unwrap_or_default()
            })
            .collect();
        let expected: Vec<&str> = workbook::COLUMNS.iter().map(|(key, _)| *key).collect();
        assert_eq!(keys, expected);
        let lists = workbook.worksheet_range("lists").expect("lists sheet");
        assert_eq!(
            lists.get_value((12, 0)).map(ToString::to_string).as_deref(),
            Some("東京都")
        );
    }
}

/// CSRF: a state-changing request that the browser says came from another site is refused
/// before any handler runs, and changes nothing; the same form from this site works.
#[tokio::test]
async fn cross_origin_form_posts_are_refused() {
    let mut app = app().await;
    let fields = [
        ("email", "taro@example.jp"),
        ("email_confirmation", "taro@example.jp"),
    ];
    for headers in [
        &[("sec-fetch-site", "cross-site")][..],
        &[("sec-fetch-site", "same-site")][..],
        &[
            ("origin", "https://evil.example"),
            ("host", "127.0.0.1:8080"),
        ][..],
        &[("origin", "null")][..],
    ] {
        let (status, _, body) = app
            .post_form("/pre-register?lang=en", &fields, headers)
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{headers:?}");
        assert!(body.contains("\"cross_origin_request\""), "{body}");
        assert!(
            body.contains("another site"),
            "a message in English: {body}"
        );
        // The JSON API is guarded the same way.
        let mut json_headers = headers.to_vec();
        json_headers.push(("content-type", "application/json"));
        let (status, _, body) = app
            .call(
                Method::POST,
                "/api/v1/pre-registrations",
                Some(
                    &json!({ "email": "taro@example.jp", "email_confirmation": "taro@example.jp" }),
                ),
                &json_headers,
            )
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{headers:?}");
        assert_eq!(body["error"]["code"], "cross_origin_request");
    }
    assert!(app.deliver_mail().await.is_empty(), "nothing was done");
    // Reading is never refused, wherever the link was.
    let (status, _, _) = app
        .page(
            Method::GET,
            "/pre-register",
            &[("sec-fetch-site", "cross-site")],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    // This site's own form, as a browser sends it.
    let (status, _, _) = app
        .post_form(
            "/pre-register?lang=en",
            &fields,
            &[
                ("sec-fetch-site", "same-origin"),
                ("origin", "http://127.0.0.1:8080"),
            ],
        )
        .await;
    assert_ne!(status, StatusCode::FORBIDDEN);
    assert_eq!(app.deliver_mail().await.len(), 1, "the link was mailed");
}
