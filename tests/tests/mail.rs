//! Mail leaves through a real SMTP server on loopback, Japanese intact.

use axum::http::{Method, StatusCode};
use serde_json::json;
use tests::smtp_sink::SmtpSink;
use tests::{Db, Mail, TestApp};

#[tokio::test]
async fn pre_registration_mail_reaches_a_real_smtp_server_in_japanese() {
    let sink = SmtpSink::start();
    let app = TestApp::start(Db::Sqlite).await.expect("app");
    let (status, _, _) = app
        .call(
            Method::POST,
            "/api/v1/pre-registrations",
            Some(&json!({ "email": "taro@example.jp", "email_confirmation": "taro@example.jp" })),
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::ACCEPTED);
    let smtp =
        server::config::parse_smtp_url(&format!("smtp://127.0.0.1:{}", sink.port())).expect("url");
    let mailer = mailer::Mailer::new(Some(smtp), None).expect("mailer");
    let report = app.registrar.deliver_due_mail(&mailer).await.expect("pass");
    assert_eq!(report.sent, 1);
    let received = sink.wait_for(1);
    let mail = Mail::parse(&received[0].data);
    assert_eq!(mail.to, "taro@example.jp");
    assert_eq!(mail.subject, "【特定接種】登録申請フォームのご案内");
    assert!(
        mail.body.contains("申請フォームを開いてください"),
        "{}",
        mail.body
    );
    let token = mail.link_token("/apply/").expect("the draft link");
    assert_eq!(token.len(), 43);
    // Once delivered, the outbox keeps who, what and when, but not the body with the live
    // link: the token is stored nowhere but as its hash.
    let rows = store::fixtures::outbox_rows(app.registrar.store())
        .await
        .expect("outbox");
    assert_eq!(rows.len(), 1);
    assert!(rows[0].sent_at.is_some());
    assert_eq!(rows[0].recipient, "taro@example.jp");
    assert!(rows[0].body.is_empty(), "{}", rows[0].body);
    assert!(!rows[0].subject.contains(&token));
    // Delivered once: a second pass finds nothing to send.
    let report = app.registrar.deliver_due_mail(&mailer).await.expect("pass");
    assert_eq!(report.sent, 0);
}

#[tokio::test]
async fn unreachable_smtp_server_leaves_mail_queued_for_retry() {
    let app = TestApp::start(Db::Sqlite).await.expect("app");
    app.call(
        Method::POST,
        "/api/v1/pre-registrations",
        Some(&json!({ "email": "jiro@example.jp", "email_confirmation": "jiro@example.jp" })),
        &[],
    )
    .await;
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port();
    let smtp = server::config::parse_smtp_url(&format!("smtp://127.0.0.1:{port}")).expect("url");
    let mailer = mailer::Mailer::new(Some(smtp), None).expect("mailer");
    let report = app.registrar.deliver_due_mail(&mailer).await.expect("pass");
    assert_eq!((report.sent, report.retrying), (0, 1));
    assert_eq!(
        app.registrar
            .store()
            .pending_outbox_count()
            .await
            .expect("count"),
        1
    );
}
