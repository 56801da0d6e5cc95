//! The pages in a real browser: headless Chromium over WebDriver, against the real server on a
//! loopback port (SQLite). Each page kind is scanned with axe-core (no serious or critical
//! violation allowed) and photographed into `target/screenshots/`.
//!
//! Covered: home, the language picker, pre-registration (errors, then success), the whole
//! step-by-step application in Japanese and in English (postal-code autofill, the FTE
//! calculator, an error and its correction, confirmation, submission), login (error, then
//! success), the applicant's page, the public register, the Excel upload, the reviewer's queue
//! and review with an inquiry answered by the applicant, a ministry administrator's staff page,
//! the central administration's pages, and a registered applicant's change notification.

use registrar::Clock as _;
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
    eprintln!("axe: {page}: no serious or critical violation");
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
    let (application_id, _) = app.submitted_application(&document).await;
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
    let token = mails
        .iter()
        .filter(|m| m.to == "hanako@example.jp")
        .find_map(|m| m.link_token("/apply/"))
        .expect("the link was mailed");

    // The whole application in English (the chosen language), then another one in Japanese.
    complete_application(&browser, &base, &token, "en").await;
    let (status, _, _) = app
        .call(
            axum::http::Method::POST,
            "/api/v1/pre-registrations",
            Some(&serde_json::json!({ "email": "jiro@example.jp", "email_confirmation": "jiro@example.jp" })),
            &[],
        )
        .await;
    assert_eq!(status, axum::http::StatusCode::ACCEPTED);
    let token = app
        .deliver_mail()
        .await
        .iter()
        .find_map(|m| m.link_token("/apply/"))
        .expect("second link");
    complete_application(&browser, &base, &token, "ja").await;

    // Excel: a workbook with mistakes is reported cell by cell and changes nothing; a good one
    // is previewed, then replaces the establishments.
    let (status, _, _) = app
        .call(
            axum::http::Method::POST,
            "/api/v1/pre-registrations",
            Some(&serde_json::json!({ "email": "excel@example.jp", "email_confirmation": "excel@example.jp" })),
            &[],
        )
        .await;
    assert_eq!(status, axum::http::StatusCode::ACCEPTED);
    let token = app
        .deliver_mail()
        .await
        .iter()
        .find_map(|m| m.link_token("/apply/"))
        .expect("third link");
    excel_upload(&browser, &base, &token).await;

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

    // A reviewer of the agriculture ministry logs in with the TOTP code, sends an inquiry on a
    // staff count of its line and accepts nothing yet.
    let created = app
        .registrar
        .bootstrap_staff(
            "maff",
            "reviewer@maff.test",
            "審査 花子",
            authz::Role::Reviewer,
        )
        .await
        .expect("reviewer");
    let link = created
        .enrolment_link
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_owned();
    let staff_password = "a long reviewer passphrase";
    let enrolment = app
        .registrar
        .enrol_staff(Some(&link), Some(staff_password))
        .await
        .expect("enrolment");
    let code = registrar::totp::code_at(&enrolment.totp_secret, app.clock.now_ms()).expect("code");
    browser
        .goto(&format!("{base}/staff/login?lang=ja"))
        .await
        .expect("staff login");
    assert_accessible(&browser, "staff login (ja)").await;
    shot(&browser, "staff-login-ja").await;
    browser
        .fill("#email", "reviewer@maff.test")
        .await
        .expect("email");
    browser
        .fill("#password", staff_password)
        .await
        .expect("password");
    browser.fill("#code", &code).await.expect("code");
    browser
        .click_and_load("main form button[type=submit]")
        .await
        .expect("log in");
    assert!(browser.url().await.expect("url").contains("/staff"));
    assert_accessible(&browser, "review queue (ja)").await;
    shot(&browser, "staff-queue-ja").await;
    browser
        .click_and_load(&format!("a[href^='/staff/applications/{application_id}']"))
        .await
        .expect("open application");
    assert_accessible(&browser, "review of an application (ja)").await;
    shot(&browser, "staff-review-ja").await;
    let flagged = "/establishments/0/business_lines/0/registered_staff_own";
    browser
        .click(&format!("input[value='{flagged}']"))
        .await
        .expect("anchor");
    browser
        .fill("#inquiry-message", "製造の従業者数の根拠を教えてください。")
        .await
        .expect("message");
    browser
        .click_and_load("form[action*='/inquiries'] button[type=submit]")
        .await
        .expect("send inquiry");
    assert!(browser.text(".notice--ok").await.expect("sent").len() > 3);
    let mails = app.deliver_mail().await;
    assert!(
        mails.iter().any(|m| m.to == email),
        "the applicant was told of the inquiry"
    );

    // The applicant answers: only the flagged field is editable.
    browser
        .goto(&format!("{base}/my?lang=ja"))
        .await
        .expect("my");
    browser
        .click_and_load("main a.button[href*='/my/inquiries/']")
        .await
        .expect("answer");
    assert_eq!(
        browser
            .script("return document.querySelectorAll('main form input[type=text]').length")
            .await
            .expect("n"),
        1,
        "one editable field: the flagged one"
    );
    assert_accessible(&browser, "inquiry answer (ja)").await;
    shot(&browser, "inquiry-answer-ja").await;
    browser
        .fill(
            "#establishments-0-business_lines-0-registered_staff_own",
            "38",
        )
        .await
        .expect("correct");
    browser
        .fill("#answer-message", "38人に訂正します。")
        .await
        .expect("answer");
    browser
        .click_and_load("main form button[type=submit]")
        .await
        .expect("send answer");
    assert!(browser.text(".notice--ok").await.expect("answered").len() > 3);

    // The reviewer sees the answer and the correction as a diff.
    browser
        .goto(&format!(
            "{base}/staff/applications/{application_id}?lang=ja"
        ))
        .await
        .expect("review again");
    assert_eq!(browser.text("ins").await.expect("diff"), "38");
    shot(&browser, "staff-review-diff-ja").await;

    // A ministry administrator's staff page and the central administration's pages.
    for (tenant, email, role, pages) in [
        (
            "maff",
            "admin@maff.test",
            authz::Role::MinistryAdmin,
            vec![("staff-admin", "/staff/admin/staff")],
        ),
        (
            "central",
            "central@mhlw.test",
            authz::Role::CentralAdmin,
            vec![
                ("central-list", "/staff"),
                ("tenants", "/staff/admin/tenants"),
                ("dashboard", "/staff/dashboard"),
                ("plugins", "/staff/admin/plugins"),
                ("audit", "AUDIT"),
            ],
        ),
    ] {
        browser
            .click_and_load("form[action^='/staff/logout'] button")
            .await
            .expect("log out");
        staff_login(&browser, &base, &app, tenant, email, role).await;
        for (name, path) in pages {
            let path = if path == "AUDIT" {
                format!("/staff/applications/{application_id}/audit")
            } else {
                path.to_owned()
            };
            browser
                .goto(&format!("{base}{path}?lang=ja"))
                .await
                .expect("page");
            assert_accessible(&browser, &format!("{name} (ja)")).await;
            shot(&browser, &format!("{name}-ja")).await;
        }
    }

    // A registered applicant changes its registered details: edits a copy with the step pages,
    // sees the change and why it needs a notification, and files it.
    let mut registered: serde_json::Value = serde_json::from_str(tests::EXAMPLE).expect("example");
    registered["applicant"]["email"] = serde_json::json!("henkou@minato-foods.example.jp");
    registered["applicant"]["name"] = serde_json::json!("株式会社みなと物流");
    app.registered_application(&registered, &["maff"]).await;
    browser
        .click_and_load("form[action^='/staff/logout'] button")
        .await
        .expect("log out");
    browser
        .goto(&format!("{base}/login?lang=ja"))
        .await
        .expect("login");
    browser
        .fill("#login_id", "henkou@minato-foods.example.jp")
        .await
        .expect("id");
    browser
        .fill("#password", tests::APPLICANT_PASSWORD)
        .await
        .expect("pw");
    browser
        .click_and_load("main form button[type=submit]")
        .await
        .expect("login");
    browser
        .click_and_load("a[href^='/my/change']")
        .await
        .expect("change");
    assert_accessible(&browser, "change overview (ja)").await;
    shot(&browser, "change-overview-ja").await;
    browser
        .goto(&format!("{base}/my/change/establishments/0/lines?lang=ja"))
        .await
        .expect("lines");
    browser
        .fill(
            "#establishments-0-business_lines-0-registered_staff_own",
            "50",
        )
        .await
        .expect("staff");
    browser
        .click_and_load("main form button[type=submit]")
        .await
        .expect("save");
    browser
        .goto(&format!("{base}/my/change/confirm?lang=ja"))
        .await
        .expect("confirm");
    assert_eq!(browser.text("main ins").await.expect("diff"), "50");
    assert_accessible(&browser, "change confirmation (ja)").await;
    shot(&browser, "change-confirm-ja").await;
    browser.click("#declaration").await.expect("declare");
    browser
        .click_and_load("main form button[type=submit]")
        .await
        .expect("file");
    assert!(
        browser
            .text("main")
            .await
            .expect("main")
            .contains("変更の届出を受け付けました")
    );
    shot(&browser, "change-filed-ja").await;

    // The remaining page kinds: the other steps (here on the registered applicant's copy), the
    // password pages, a staff enrolment link, a link that no longer works, and a missing page.
    let enrolment = app
        .registrar
        .bootstrap_staff(
            "maff",
            "enrol@maff.test",
            "登録 花子",
            authz::Role::Reviewer,
        )
        .await
        .expect("staff")
        .enrolment_link;
    let enrolment_path = enrolment
        .split_once("/staff/enrol/")
        .map(|(_, token)| format!("/staff/enrol/{token}"))
        .expect("enrolment path");
    for (name, path) in [
        ("step-kind", "/my/change/kind".to_owned()),
        ("step-applicant", "/my/change/applicant".to_owned()),
        (
            "step-details",
            "/my/change/establishments/0/details".to_owned(),
        ),
        ("step-site", "/my/change/establishments/0/site".to_owned()),
        ("password-change", "/my/password".to_owned()),
        ("password-reset", "/account/password-reset".to_owned()),
        (
            "set-password-expired",
            format!("/account/password/{}", "A".repeat(43)),
        ),
        ("staff-enrol", enrolment_path),
        ("not-found", "/no-such-page".to_owned()),
    ] {
        browser
            .goto(&format!("{base}{path}?lang=ja"))
            .await
            .expect("page");
        assert_accessible(&browser, &format!("{name} (ja)")).await;
        shot(&browser, &format!("{name}-ja")).await;
    }

    browser.quit().await.expect("quit");
}

/// Fills the whole application through the pages as a user would, in `lang`.
async fn complete_application(browser: &Browser, base: &str, token: &str, lang: &str) {
    let step = |name: &str| format!("{name}-{lang}");
    browser
        .goto(&format!("{base}/apply/{token}?lang={lang}"))
        .await
        .expect("overview");
    assert_eq!(
        browser
            .script("return document.documentElement.lang")
            .await
            .expect("lang"),
        lang
    );
    assert_accessible(browser, &step("application overview")).await;
    shot(browser, &step("apply-overview")).await;
    browser
        .click_and_load("main a.button")
        .await
        .expect("start");

    // Kind of applicant.
    browser.click("#founder").await.expect("private");
    browser
        .click_and_load("main form button[type=submit]")
        .await
        .expect("save kind");

    // Applicant: the postal code fills the prefecture and city as it is typed.
    browser
        .fill("#applicant-name", "株式会社みなと食品")
        .await
        .expect("name");
    browser
        .fill("#applicant-name_kana", "かぶしきがいしゃみなとしょくひん")
        .await
        .expect("kana");
    browser
        .fill("#applicant-representative", "港川太郎")
        .await
        .expect("rep");
    browser
        .fill("#applicant-representative_kana", "みなとがわたろう")
        .await
        .expect("rep kana");
    browser
        .fill("#applicant-postal_code", "100-8916")
        .await
        .expect("postal");
    browser
        .wait_until("document.getElementById('applicant-city').value === '千代田区'")
        .await
        .expect("postal autofill");
    assert_eq!(
        browser.value("#applicant-prefecture").await.expect("pref"),
        "東京都"
    );
    browser
        .fill("#applicant-street", "霞が関１丁目２番２号")
        .await
        .expect("street");
    browser
        .fill("#applicant-phone", "03-3595-3426")
        .await
        .expect("phone");
    browser
        .fill("#applicant-email", "soumu@minato-foods.example.jp")
        .await
        .expect("email");
    browser
        .click("#applicant-industrial_physician")
        .await
        .expect("physician");
    browser
        .click("#applicant-business_continuity_plan")
        .await
        .expect("bcp");
    browser
        .fill("#applicant-note1", "3120001000001")
        .await
        .expect("corporate number");
    // A malformed e-mail address is refused, with the error beside the field.
    browser
        .fill("#applicant-email", "soumu-at-minato-foods")
        .await
        .expect("email");
    browser
        .click_and_load("main form button[type=submit]")
        .await
        .expect("save applicant");
    assert!(browser.text(".error-summary").await.expect("summary").len() > 3);
    assert_accessible(browser, &step("applicant with an error")).await;
    shot(browser, &step("apply-applicant-error")).await;
    assert_eq!(
        browser
            .script(
                "return document.getElementById('applicant-email').getAttribute('aria-invalid')"
            )
            .await
            .expect("invalid"),
        "true"
    );
    browser
        .fill("#applicant-email", "soumu@minato-foods.example.jp")
        .await
        .expect("email");
    browser
        .click_and_load("main form button[type=submit]")
        .await
        .expect("save applicant");

    // Establishments: add one; details; business line with the FTE calculator; site.
    assert_accessible(browser, &step("establishments (empty)")).await;
    browser
        .click_and_load("main button[value=add]")
        .await
        .expect("add establishment");
    browser
        .fill("#establishments-0-name", "本社工場")
        .await
        .expect("name");
    browser
        .fill("#establishments-0-postal_code", "1008916")
        .await
        .expect("postal");
    browser
        .wait_until("document.getElementById('establishments-0-city').value === '千代田区'")
        .await
        .expect("postal autofill");
    browser
        .fill("#establishments-0-street", "霞が関１丁目２番２号")
        .await
        .expect("street");
    browser
        .fill("#establishments-0-phone", "0335953426")
        .await
        .expect("phone");
    browser
        .fill("#establishments-0-total_staff", "120")
        .await
        .expect("staff");
    browser
        .click_and_load("main form button[type=submit]")
        .await
        .expect("save details");

    browser
        .select(
            "#establishments-0-business_lines-0-business_type",
            "food-manufacturing/bread-and-confectionery",
        )
        .await
        .expect("type");
    browser
        .click("details[data-fte] summary")
        .await
        .expect("open calculator");
    browser
        .fill("[data-fte-full]", "30")
        .await
        .expect("full-time");
    browser.fill("[data-fte-hours]", "20").await.expect("hours");
    browser
        .fill("[data-fte-people]", "5")
        .await
        .expect("people");
    browser
        .click("[data-fte-calculate]")
        .await
        .expect("calculate");
    browser
        .wait_until("!document.querySelector('[data-fte-use]').hidden")
        .await
        .expect("a result");
    assert_accessible(browser, &step("business lines with the calculator")).await;
    shot(browser, &step("apply-lines-fte")).await;
    browser.click("[data-fte-use]").await.expect("use figure");
    // 30 + 20/40 × 5 = 32.5 → 33.
    assert_eq!(
        browser
            .value("#establishments-0-business_lines-0-registered_staff_own")
            .await
            .expect("own"),
        "33"
    );
    browser
        .fill(
            "#establishments-0-business_lines-0-registered_staff_external",
            "0",
        )
        .await
        .expect("external");
    browser
        .click_and_load("main form button[type=submit]")
        .await
        .expect("save lines");

    browser
        .click("#establishments-0-vaccination_site-status-not_yet_secured")
        .await
        .expect("not yet");
    browser
        .fill(
            "#establishments-0-vaccination_site-plan_note",
            "近隣の病院で実施を検討中",
        )
        .await
        .expect("plan");
    browser
        .click_and_load("main form button[type=submit]")
        .await
        .expect("save site");
    assert_accessible(browser, &step("establishments table")).await;
    shot(browser, &step("apply-establishments")).await;

    // Confirmation and submission.
    browser
        .click_and_load("main a[href*='/confirm']")
        .await
        .expect("to confirm");
    assert!(
        browser
            .script("return document.querySelectorAll('.notice--error').length")
            .await
            .expect("n")
            == 0
    );
    assert_accessible(browser, &step("confirmation")).await;
    shot(browser, &step("apply-confirm")).await;
    browser.click("#declaration").await.expect("declare");
    browser
        .click_and_load("main form button[type=submit]")
        .await
        .expect("submit");
    assert!(browser.text(".notice--ok").await.expect("receipt").len() > 10);
    assert_accessible(browser, &step("submitted")).await;
    shot(browser, &step("apply-submitted")).await;
}

fn workbook_row<'a>(name: &'a str, staff: &'a str, prefecture: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("establishment_name", name),
        ("postal_code", "1008916"),
        ("prefecture", prefecture),
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

async fn excel_upload(browser: &Browser, base: &str, token: &str) {
    let dir = tests::browser::screenshot_dir().join("../uploads");
    std::fs::create_dir_all(&dir).expect("upload dir");
    let bad = dir.join("establishments-with-mistakes.xlsx");
    std::fs::write(
        &bad,
        tests::establishments_workbook(&[workbook_row("本社工場", "十二", "東京県")]),
    )
    .expect("bad workbook");
    let good = dir.join("establishments.xlsx");
    std::fs::write(
        &good,
        tests::establishments_workbook(&[
            workbook_row("本社工場", "40", "東京都"),
            workbook_row("大阪工場", "12", "大阪府"),
        ]),
    )
    .expect("good workbook");
    let bad = std::fs::canonicalize(bad).expect("path");
    let good = std::fs::canonicalize(good).expect("path");

    browser
        .goto(&format!("{base}/apply/{token}/establishments?lang=ja"))
        .await
        .expect("establishments");
    browser
        .choose_file("#file", &bad)
        .await
        .expect("choose bad");
    browser
        .click_and_load("form[action*='/upload'] button[type=submit]")
        .await
        .expect("check bad");
    let problems = browser
        .script("return document.querySelectorAll('#import-problems tbody tr').length")
        .await
        .expect("rows");
    assert_eq!(problems, 2, "the count and the prefecture, both on row 3");
    assert_accessible(browser, "Excel dry run with problems (ja)").await;
    shot(browser, "excel-problems-ja").await;

    browser
        .goto(&format!("{base}/apply/{token}/establishments?lang=ja"))
        .await
        .expect("establishments");
    browser
        .choose_file("#file", &good)
        .await
        .expect("choose good");
    browser
        .click_and_load("form[action*='/upload'] button[type=submit]")
        .await
        .expect("check good");
    assert!(
        browser
            .text("main")
            .await
            .expect("preview")
            .contains("大阪工場")
    );
    assert_accessible(browser, "Excel preview (ja)").await;
    shot(browser, "excel-preview-ja").await;
    browser
        .click_and_load("form[action*='/import'] button[type=submit]")
        .await
        .expect("replace");
    let rows = browser
        .script("return document.querySelectorAll('main table tbody tr').length")
        .await
        .expect("rows");
    assert_eq!(rows, 2, "the two establishments of the workbook");
}

/// Creates, enrols and logs in a staff member through the staff login page.
async fn staff_login(
    browser: &Browser,
    base: &str,
    app: &TestApp,
    tenant: &str,
    email: &str,
    role: authz::Role,
) {
    let created = app
        .registrar
        .bootstrap_staff(tenant, email, "管理 太郎", role)
        .await
        .expect("staff");
    let link = created
        .enrolment_link
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_owned();
    let password = "a long administrator passphrase";
    let enrolment = app
        .registrar
        .enrol_staff(Some(&link), Some(password))
        .await
        .expect("enrolment");
    let code = registrar::totp::code_at(&enrolment.totp_secret, app.clock.now_ms()).expect("code");
    browser
        .goto(&format!("{base}/staff/login?lang=ja"))
        .await
        .expect("login page");
    browser.fill("#email", email).await.expect("email");
    browser.fill("#password", password).await.expect("password");
    browser.fill("#code", &code).await.expect("code");
    browser
        .click_and_load("main form button[type=submit]")
        .await
        .expect("log in");
    assert!(
        browser.url().await.expect("url").contains("/staff"),
        "logged in as {email}"
    );
}
