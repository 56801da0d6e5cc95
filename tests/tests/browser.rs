//! The pages in a real browser: headless Chromium over WebDriver, against the real server on a
//! loopback port (SQLite). Each page kind is scanned with axe-core (no serious or critical
//! violation allowed) and photographed into `target/screenshots/`.
//!
//! Covered so far: home, the language picker, pre-registration (errors, then success), login
//! (error, then success), the applicant's page and the public register. The step-by-step
//! application form, the reviewer and administration pages are not built yet (issue 5).

use tests::browser::{Browser, serve};
use tests::{Db, TestApp};

async fn assert_accessible(browser: &Browser, page: &str) {
    let violations = browser
        .serious_accessibility_violations()
        .await
        .unwrap_or_else(|err| panic!("axe on {page}: {err:#}"));
    assert!(
        violations.is_empty(),
        "serious or critical accessibility violations on {page}: {violations:#?}"
    );
}

async fn shot(browser: &Browser, name: &str) {
    let path = browser
        .screenshot(name)
        .await
        .unwrap_or_else(|err| panic!("screenshot {name}: {err:#}"));
    eprintln!("screenshot: {}", path.display());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn applicant_pages_work_in_a_real_browser_and_pass_axe() {
    let Some(mut app) = TestApp::start(Db::Sqlite).await else {
        panic!("the SQLite test app always starts");
    };
    let document: serde_json::Value = serde_json::from_str(tests::EXAMPLE).expect("example");
    let email = document["applicant"]["email"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    app.submitted_application(&document).await;
    let base = serve(app.router.clone()).await.expect("server");
    let browser = Browser::start()
        .await
        .unwrap_or_else(|err| panic!("{err:#}"));

    // Home, in Japanese for a browser that prefers Japanese.
    browser.goto(&format!("{base}/")).await.expect("home");
    assert_eq!(
        browser
            .script("return document.documentElement.lang")
            .await
            .expect("lang"),
        "ja"
    );
    assert!(browser.text("h1").await.expect("h1").contains("特定接種"));
    assert_accessible(&browser, "home (ja)").await;
    shot(&browser, "home-ja").await;

    // The picker switches to English, and the choice holds on the next page.
    browser.select("#lang-picker", "en").await.expect("pick en");
    browser
        .click_and_load(".lang-picker button")
        .await
        .expect("change language");
    assert_eq!(
        browser
            .script("return document.documentElement.lang")
            .await
            .expect("lang"),
        "en"
    );
    browser
        .click_and_load("main a[href^='/pre-register']")
        .await
        .expect("start");
    assert_eq!(
        browser
            .script("return document.documentElement.lang")
            .await
            .expect("lang"),
        "en"
    );

    // Pre-registration: a mismatch is reported at the top, linked to the field, focused.
    browser
        .fill("#email", "hanako@example.jp")
        .await
        .expect("email");
    browser
        .fill("#email_confirmation", "hanako@example.com")
        .await
        .expect("confirmation");
    browser
        .click_and_load("main form button[type=submit]")
        .await
        .expect("submit");
    let focused = browser
        .script("return document.activeElement.className")
        .await
        .expect("focus");
    assert_eq!(
        focused, "error-summary",
        "the error summary takes the focus"
    );
    assert!(
        browser
            .text(".error-summary a[href='#email_confirmation']")
            .await
            .expect("linked error")
            .len()
            > 3
    );
    assert_accessible(&browser, "pre-registration with errors (en)").await;
    shot(&browser, "pre-register-errors-en").await;
    browser
        .fill("#email_confirmation", "hanako@example.jp")
        .await
        .expect("confirmation");
    browser
        .click_and_load("main form button[type=submit]")
        .await
        .expect("submit");
    assert_eq!(browser.text("h1").await.expect("h1"), "Check your e-mail");
    assert_accessible(&browser, "pre-registration sent (en)").await;
    shot(&browser, "pre-register-sent-en").await;
    let mails = app.deliver_mail().await;
    assert!(
        mails.iter().any(|m| m.to == "hanako@example.jp"),
        "the link was mailed"
    );

    // Login: a wrong password, then the right one, lands on the applicant's page.
    browser
        .goto(&format!("{base}/login?lang=ja"))
        .await
        .expect("login");
    assert_accessible(&browser, "login (ja)").await;
    shot(&browser, "login-ja").await;
    browser.fill("#login_id", &email).await.expect("id");
    browser
        .fill("#password", "not the password")
        .await
        .expect("pw");
    browser
        .click_and_load("main form button[type=submit]")
        .await
        .expect("login");
    assert!(browser.text(".error-summary").await.expect("error").len() > 3);
    assert_accessible(&browser, "login with an error (ja)").await;
    browser
        .fill("#password", tests::APPLICANT_PASSWORD)
        .await
        .expect("pw");
    browser
        .click_and_load("main form button[type=submit]")
        .await
        .expect("login");
    assert!(browser.url().await.expect("url").contains("/my"));
    assert!(
        browser
            .text("main")
            .await
            .expect("main")
            .contains("株式会社みなと食品")
    );
    assert_accessible(&browser, "my application (ja)").await;
    shot(&browser, "my-ja").await;

    // The public register.
    browser
        .goto(&format!("{base}/register?lang=en"))
        .await
        .expect("register");
    assert_accessible(&browser, "public register (en)").await;
    shot(&browser, "register-en").await;

    browser.quit().await.expect("quit");
}
