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
    let (status, _, html) = app.page(Method::GET, "/register?lang=en", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(lang_of(&html), "en");
    assert!(html.contains("role=\"search\""));
}
