//! Overload: far past what it sustains, the server answers 503 (or 429 for one client over its
//! rate) with `Retry-After` and a clear body — never 500 — loses and duplicates nothing, and
//! works normally again once the burst is over. Served on a real loopback socket.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use serde_json::Value;
use server::guard::{ClientRate, Limits};
use tests::{Db, TestApp};

const EXAMPLE: &str = include_str!("fixtures/application.example.json");

/// One submission; the status, `Retry-After`, and the body.
async fn submit(
    client: &reqwest::Client,
    base: &str,
    token: &str,
    key: &str,
) -> (u16, Option<String>, Value) {
    let response = client
        .post(format!("{base}/api/v1/drafts/{token}/submit?lang=en"))
        .header("Idempotency-Key", key)
        .header("Content-Type", "application/json")
        .body("")
        .send()
        .await
        .expect("the server answers (it never drops a connection)");
    let status = response.status().as_u16();
    let retry_after = response
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let body = response.json().await.unwrap_or(Value::Null);
    (status, retry_after, body)
}

/// Submits every draft, at most `in_flight` at a time; the answers in the drafts' order.
async fn submit_all(
    client: &reqwest::Client,
    base: &str,
    drafts: &[(String, String)],
    in_flight: usize,
) -> Vec<(u16, Option<String>, Value)> {
    let limit = std::sync::Arc::new(tokio::sync::Semaphore::new(in_flight.max(1)));
    let mut handles = Vec::new();
    for (token, key) in drafts {
        let (client, base, token, key) =
            (client.clone(), base.to_owned(), token.clone(), key.clone());
        let limit = limit.clone();
        handles.push(tokio::spawn(async move {
            let _permit = limit.acquire_owned().await.expect("semaphore");
            submit(&client, &base, &token, &key).await
        }));
    }
    let mut answers = Vec::new();
    for handle in handles {
        answers.push(handle.await.expect("request task"));
    }
    answers
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_times_the_sustainable_rate_is_shed_with_retry_after_and_nothing_is_lost() {
    let app = TestApp::start(Db::Sqlite).await.expect("app");
    let document: Value = serde_json::from_str(EXAMPLE).expect("example");
    let limits = Limits {
        max_in_flight: 4,
        queue_wait: Duration::from_millis(100),
        client_rate: None,
    };
    let base = app.serve_tcp(limits.clone()).await;
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(1_024)
        .build()
        .expect("client");
    let with_keys = |tokens: Vec<String>| -> Vec<(String, String)> {
        tokens
            .into_iter()
            .map(|t| (t, uuid::Uuid::new_v4().to_string()))
            .collect()
    };

    // What the server sustains: as many at a time as it works on.
    let calibration = with_keys(app.insert_drafts(&document, 40).await);
    let started = Instant::now();
    let answers = submit_all(&client, &base, &calibration, limits.max_in_flight).await;
    let sustainable = calibration.len() as f64 / started.elapsed().as_secs_f64();
    assert!(
        answers.iter().all(|(status, _, _)| *status == 201),
        "within its limits every submission is taken"
    );

    // Ten times what it sustains in a second, all arriving at once.
    let burst_size = ((10.0 * sustainable).ceil() as usize).max(200);
    let burst = with_keys(app.insert_drafts(&document, burst_size).await);
    // At most 256 connections at once (each is two descriptors in this process, which also
    // serves them): still far past the 4 the server works on.
    let answers = submit_all(&client, &base, &burst, 256).await;
    let mut statuses = BTreeMap::new();
    for (status, retry_after, body) in &answers {
        *statuses.entry(*status).or_insert(0) += 1;
        if *status == 503 {
            let seconds: u64 = retry_after
                .as_deref()
                .and_then(|v| v.parse().ok())
                .expect("a 503 says when to come back");
            assert!(seconds >= 1);
            assert_eq!(body["error"]["code"], "service_busy");
            assert_eq!(
                body["error"]["message"],
                "The service is busy. Please try again shortly."
            );
        }
    }
    assert!(
        statuses.keys().all(|s| *s == 201 || *s == 503),
        "only taken or shed, never a failure: {statuses:?} (sustainable {sustainable:.0}/s, \
         burst {burst_size})"
    );
    assert!(
        statuses.get(&503).copied().unwrap_or(0) > 0,
        "the burst was shed in part: {statuses:?}"
    );

    // Recovery: once the burst is over, every shed submission sent again with its key is
    // taken, and nothing was stored twice or lost.
    let shed: Vec<(String, String)> = burst
        .iter()
        .zip(&answers)
        .filter(|(_, (status, _, _))| *status == 503)
        .map(|(draft, _)| draft.clone())
        .collect();
    let retried = submit_all(&client, &base, &shed, limits.max_in_flight).await;
    assert!(
        retried.iter().all(|(status, _, _)| *status == 201),
        "after the burst the server takes work again"
    );
    let _ = std::io::Write::write_all(
        &mut std::io::stdout(),
        format!(
            "overload: sustainable {sustainable:.0} submissions/s with {} at a time; a burst of \
             {burst_size} at once answered {statuses:?}; the {} shed sent again: all 201\n",
            limits.max_in_flight,
            shed.len()
        )
        .as_bytes(),
    );
    let stored = app
        .registrar
        .store()
        .read()
        .await
        .expect("read")
        .submitted_count()
        .await
        .expect("count");
    assert_eq!(
        stored as usize,
        calibration.len() + burst.len(),
        "one application per draft: none lost, none twice"
    );
    // The ones taken during the burst answer their stored receipt on a retry.
    let taken: Vec<(String, String)> = burst
        .iter()
        .zip(&answers)
        .filter(|(_, (status, _, _))| *status == 201)
        .map(|(draft, _)| draft.clone())
        .take(10)
        .collect();
    for ((token, key), (status, _, body)) in taken
        .iter()
        .zip(submit_all(&client, &base, &taken, 1).await.into_iter())
    {
        assert_eq!(status, 201, "{token}/{key}: the stored receipt");
        assert!(body["application_id"].is_string());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_client_over_its_rate_gets_429_and_others_are_not_held_back() {
    let app = TestApp::start(Db::Sqlite).await.expect("app");
    let base = app
        .serve_tcp(Limits {
            client_rate: Some(ClientRate {
                per_second: 1.0,
                burst: 5.0,
            }),
            ..Limits::default()
        })
        .await;
    let client = reqwest::Client::new();
    let mut statuses = Vec::new();
    let mut refused = None;
    for _ in 0..8 {
        let response = client
            .get(format!("{base}/api/v1/catalogue?lang=en"))
            .send()
            .await
            .expect("answer");
        statuses.push(response.status().as_u16());
        if response.status() == 429 {
            let retry_after = response
                .headers()
                .get("retry-after")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.parse::<u64>().ok());
            refused = Some((retry_after, response.json::<Value>().await.expect("body")));
        }
    }
    assert_eq!(
        &statuses[..5],
        &[200; 5],
        "the burst is allowed: {statuses:?}"
    );
    assert!(statuses[5..].contains(&429), "then refused: {statuses:?}");
    let (retry_after, body) = refused.expect("a 429");
    assert_eq!(retry_after, Some(1), "one token a second");
    assert_eq!(body["error"]["code"], "too_many_requests");
    assert_eq!(
        body["error"]["message"],
        "Too many requests from this connection. Please wait 1 s and try again."
    );
    // Health probes are never limited.
    let health = client
        .get(format!("{base}/healthz"))
        .send()
        .await
        .expect("answer");
    assert_ne!(health.status().as_u16(), 429);
    // Another address has its own allowance (loopback has all of 127/8).
    let other = reqwest::Client::builder()
        .local_address(std::net::IpAddr::from([127, 0, 0, 2]))
        .build()
        .expect("client");
    let response = other
        .get(format!("{base}/api/v1/catalogue"))
        .send()
        .await
        .expect("answer");
    assert_eq!(response.status().as_u16(), 200);
}
