//! Two instances of the product on one PostgreSQL, as two processes behind a load balancer
//! would be: each has its own connection pool, plugin registry and policy in memory. Proven
//! here: sessions and idempotency keys are shared through the database; the outbox workers
//! of both deliver every mail exactly once to a real SMTP server; a policy change and a plugin
//! install made on one instance reach the other within a second, by announcement (a third
//! instance that does not follow the announcements stays stale, so the test could fail); both
//! connect as a role that row-level security binds, and a reviewer's queue read on B goes
//! through the tenant wall (the wall itself: `review.rs`,
//! `postgres_walls_each_ministry_to_its_own_review_rows`).

use std::collections::BTreeSet;
use std::time::Duration;

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};
use store::ChangeKind;
use tests::smtp_sink::SmtpSink;
use tests::{Db, Mail, TestApp};

/// Waits for instance `reloads` to report a reload of `kind`, at most one second.
async fn reloaded_within_a_second(
    reloads: &mut tokio::sync::broadcast::Receiver<ChangeKind>,
    kind: ChangeKind,
) {
    let waited = tokio::time::timeout(Duration::from_secs(1), async {
        loop {
            match reloads.recv().await {
                Ok(got) if got == kind => return,
                Ok(_) => {}
                Err(err) => panic!("reloads channel: {err}"),
            }
        }
    })
    .await;
    assert!(waited.is_ok(), "no {kind:?} reload within a second");
}

fn catalogue_has(catalogue: &Value, ministry: &str) -> bool {
    catalogue["ministries"]
        .as_array()
        .is_some_and(|m| m.iter().any(|m| m["id"] == ministry))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_on_one_postgres_share_state_and_follow_each_other() {
    let Some(mut a) = TestApp::start(Db::Postgres).await else {
        return; // no PostgreSQL configured outside CI
    };
    let b = a.second_instance().await;
    let stale = a.second_instance().await;
    b.registrar
        .follow_changes()
        .await
        .expect("follow")
        .expect("PostgreSQL announces changes");
    let mut b_reloads = b.registrar.subscribe_reloads();
    for instance in [&a, &b] {
        assert!(
            instance
                .registrar
                .store()
                .row_security_binds()
                .await
                .expect("role"),
            "each instance connects as a role the tenant wall binds"
        );
    }
    // The stale instance builds its policy now and never hears of changes.
    stale.registrar.policy().await.expect("policy");

    // Sessions live in the database: a login on A works on B, a logout on B ends it on A.
    let document: Value = serde_json::from_str(tests::EXAMPLE).expect("example");
    let (id, applicant) = a.submitted_application(&document).await;
    let (status, _, mine) = b
        .call(
            Method::GET,
            "/api/v1/me/application",
            None,
            &[("cookie", &applicant)],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{mine}");
    assert_eq!(mine["application_id"], id.as_str());

    // Idempotency keys live in the database: the same submission retried on the other
    // instance gets the first answer, and nothing is stored twice.
    let email = "futatsu@example.jp";
    a.call(
        Method::POST,
        "/api/v1/pre-registrations",
        Some(&json!({ "email": email, "email_confirmation": email })),
        &[],
    )
    .await;
    let token = a
        .deliver_mail()
        .await
        .last()
        .and_then(|m| m.link_token("/apply/"))
        .expect("draft link");
    let mut second = document.clone();
    second["applicant"]["email"] = json!(email);
    let (status, _, _) = b
        .call(
            Method::PUT,
            &format!("/api/v1/drafts/{token}"),
            Some(&second),
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let submit = format!("/api/v1/drafts/{token}/submit");
    let key = [("idempotency-key", "twice-on-two-instances")];
    let (first_status, _, first) = a.call_raw(Method::POST, &submit, Vec::new(), &key).await;
    assert_eq!(first_status, StatusCode::CREATED, "{first}");
    let (again_status, _, again) = b.call_raw(Method::POST, &submit, Vec::new(), &key).await;
    assert!(again_status.is_success(), "{again}");
    assert_eq!(again["application_id"], first["application_id"]);
    assert_eq!(
        a.registrar
            .store()
            .read()
            .await
            .expect("read")
            .count_applications()
            .await
            .expect("count"),
        2
    );

    // A staff member created on A (a policy change) may work on B within a second.
    let reviewer = a
        .staff_cookie("maff", "new-reviewer@maff.test", authz::Role::Reviewer)
        .await;
    reloaded_within_a_second(&mut b_reloads, ChangeKind::Policy).await;
    let (status, _, queue) = b
        .call(
            Method::GET,
            "/api/v1/review/queue",
            None,
            &[("cookie", &reviewer)],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{queue}");
    let (status, _, _) = stale
        .call(
            Method::GET,
            "/api/v1/review/queue",
            None,
            &[("cookie", &reviewer)],
        )
        .await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "an instance that does not follow announcements keeps its old policy"
    );

    // A plugin installed on A is in force on B within a second, without a restart.
    a.registrar
        .install_plugin(tests::plugin_file("hostile-control"), "test")
        .await
        .expect("install");
    reloaded_within_a_second(&mut b_reloads, ChangeKind::Plugins).await;
    let (_, _, on_b) = b.call(Method::GET, "/api/v1/catalogue", None, &[]).await;
    assert!(catalogue_has(&on_b, "hostile"), "{on_b}");
    let (_, _, on_stale) = stale
        .call(Method::GET, "/api/v1/catalogue", None, &[])
        .await;
    assert!(!catalogue_has(&on_stale, "hostile"));

    // Logout on B ends the session everywhere.
    let (status, _, _) = b
        .call(
            Method::DELETE,
            "/api/v1/sessions/current",
            None,
            &[("cookie", &applicant)],
        )
        .await;
    assert!(status.is_success());
    let (status, _, _) = a
        .call(
            Method::GET,
            "/api/v1/me/application",
            None,
            &[("cookie", &applicant)],
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    // The outbox: 45 mails queued through both instances; both workers deliver at once to a
    // real SMTP server; every mail arrives exactly once.
    a.deliver_mail().await; // what earlier steps queued goes to files first
    for n in 0..45 {
        let app = if n % 2 == 0 { &a } else { &b };
        let email = format!("outbox{n}@example.jp");
        let (status, _, _) = app
            .call(
                Method::POST,
                "/api/v1/pre-registrations",
                Some(&json!({ "email": email, "email_confirmation": email })),
                &[],
            )
            .await;
        assert_eq!(status, StatusCode::ACCEPTED);
    }
    let sink = SmtpSink::start();
    let smtp =
        server::config::parse_smtp_url(&format!("smtp://127.0.0.1:{}", sink.port())).expect("url");
    let mailer_a = mailer::Mailer::new(Some(smtp.clone()), None).expect("mailer");
    let mailer_b = mailer::Mailer::new(Some(smtp), None).expect("mailer");
    let (on_a, on_b) = tokio::join!(
        a.registrar.deliver_due_mail(&mailer_a),
        b.registrar.deliver_due_mail(&mailer_b)
    );
    let (on_a, on_b) = (on_a.expect("pass on A"), on_b.expect("pass on B"));
    assert_eq!(on_a.sent + on_b.sent, 45, "A {on_a:?}, B {on_b:?}");
    let received = sink.wait_for(45);
    assert_eq!(received.len(), 45, "no mail twice");
    let recipients: BTreeSet<String> = received.iter().map(|m| Mail::parse(&m.data).to).collect();
    assert_eq!(recipients.len(), 45, "each recipient once");
    assert_eq!(
        a.registrar
            .store()
            .pending_outbox_count()
            .await
            .expect("count"),
        0
    );
}
