//! Crash safety: the real `toroku` binary (SQLite, mail to a real SMTP server on loopback)
//! takes submissions and pre-registrations from eight concurrent clients and is killed with
//! SIGKILL at a random moment of each cycle — after a random number of acknowledged requests,
//! with others in flight — then restarted on the same data. Clients behave as real ones: an
//! answerless or shed submission is sent again with the same `Idempotency-Key`.
//!
//! At the end:
//! - every submission the client saw acknowledged is stored, once, under the application id
//!   it was told, and a retry with its key still answers that id;
//! - nothing is half-written: SQLite's integrity check passes; each submitted application has
//!   its review lines, tasks and stored answer; every audit chain verifies (`Store::consistency`);
//! - every acknowledged pre-registration left its draft;
//! - every queued mail was delivered to the SMTP server: each outbox row's Message-ID arrived,
//!   and nothing arrived that was not queued. A mail whose delivery a kill interrupted after
//!   the server's 250 but before the row was marked sent is sent again with the same
//!   Message-ID (at-least-once on the wire; receivers drop the repeat by its Message-ID); the
//!   harness counts those repeats and prints them.
//!
//! Cycles: `TOROKU_CRASH_CYCLES` (20 under `cargo test`; `cargo xtask crash` runs 200). The
//! random moments come from `TOROKU_CRASH_SEED` (printed, so a failing run can be repeated).

#[path = "../benches/common/mod.rs"]
#[expect(
    dead_code,
    reason = "shared with the benches; the harness uses part of it"
)]
mod common;
#[path = "../benches/common/drafts.rs"]
mod drafts;
#[path = "../../mailer/tests/support/smtp_sink.rs"]
#[expect(
    dead_code,
    reason = "shared with the mailer's tests; the harness uses part of it"
)]
mod smtp_sink;

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::io::Write;
use std::time::{Duration, Instant};

use store::{Store, StoreConfig};
use tokio::task::JoinSet;

/// Requests in flight at once.
const CLIENTS: usize = 8;
/// Acknowledged requests before the kill, drawn from this range each cycle.
const ACKS_BEFORE_KILL: (u64, u64) = (1, 24);
/// How long mail delivery may make no progress after the last restart.
const MAIL_STALL: Duration = Duration::from_secs(30);

/// xorshift64*: enough for choosing moments, and repeatable from its seed.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn between(&mut self, (low, high): (u64, u64)) -> u64 {
        low + self.next() % (high - low + 1)
    }
}

/// A submission as the client tracks it.
#[derive(Debug, Clone)]
struct Submission {
    token: String,
    key: String,
}

/// What one request came to.
enum Outcome {
    Submitted(Submission, String),
    /// No answer (the server died under it) or shed: to be sent again with the same key.
    Unknown(Submission),
    PreRegistered(String),
    /// A pre-registration without an answer: it may or may not have been stored.
    PreRegistrationUnknown,
}

async fn submit(client: reqwest::Client, base: String, submission: Submission) -> Outcome {
    match drafts::submit(&client, &base, &submission.token, &submission.key, "").await {
        Ok((201, id)) => Outcome::Submitted(submission, id),
        Ok((503, _)) | Err(_) => Outcome::Unknown(submission),
        Ok((status, _)) => panic!(
            "submission {} answered {status}: a retry with its key must answer its receipt",
            submission.token
        ),
    }
}

async fn pre_register(client: reqwest::Client, base: String, email: String) -> Outcome {
    let body = serde_json::json!({ "email": email, "email_confirmation": email });
    match client
        .post(format!("{base}/api/v1/pre-registrations"))
        .json(&body)
        .send()
        .await
    {
        Ok(response) if response.status().as_u16() == 202 => Outcome::PreRegistered(email),
        Ok(response) if response.status().as_u16() == 503 => Outcome::PreRegistrationUnknown,
        Ok(response) => panic!("pre-registration answered {}", response.status()),
        Err(_) => Outcome::PreRegistrationUnknown,
    }
}

#[derive(Default)]
struct Ledger {
    /// Acknowledged submissions: draft token → (key, application id).
    acknowledged: HashMap<String, (String, String)>,
    /// Submissions sent without an answer yet: draft token → the submission.
    unanswered: HashMap<String, Submission>,
    pre_registered: Vec<String>,
    pre_registrations_unknown: usize,
    answerless: usize,
}

impl Ledger {
    fn record(&mut self, outcome: Outcome, pending: &mut VecDeque<Submission>) -> bool {
        match outcome {
            Outcome::Submitted(submission, id) => {
                self.unanswered.remove(&submission.token);
                if let Some((_, earlier)) = self
                    .acknowledged
                    .insert(submission.token.clone(), (submission.key, id.clone()))
                {
                    assert_eq!(earlier, id, "acknowledged twice under different ids");
                }
                true
            }
            Outcome::Unknown(submission) => {
                self.answerless += 1;
                self.unanswered
                    .insert(submission.token.clone(), submission.clone());
                pending.push_front(submission);
                false
            }
            Outcome::PreRegistered(email) => {
                self.pre_registered.push(email);
                true
            }
            Outcome::PreRegistrationUnknown => {
                self.pre_registrations_unknown += 1;
                false
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killed_at_random_moments_the_server_loses_and_duplicates_nothing() {
    let cycles: u64 = std::env::var("TOROKU_CRASH_CYCLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    let seed: u64 = std::env::var("TOROKU_CRASH_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
                | 1
        });
    let mut out = std::io::stdout();
    let _ = writeln!(
        out,
        "crash harness: {cycles} cycles, TOROKU_CRASH_SEED={seed}"
    );
    let mut random = Random(seed);
    let began = Instant::now();

    let sink = smtp_sink::SmtpSink::start();
    let smtp_url = format!("smtp://127.0.0.1:{}", sink.port());
    let data = tempfile::tempdir().expect("data dir");
    let plugin_dir = common::plugin_dir();
    let serve = || {
        common::start_with(
            data.path(),
            &plugin_dir,
            None,
            &["--smtp-url", &smtp_url, "--client-rate", "off"],
        )
    };
    let mut server = serve();

    // Drafts for every cycle, written once the server has made the schema.
    let document: serde_json::Value = serde_json::from_str(include_str!(
        "../../../tests/tests/fixtures/application.example.json"
    ))
    .expect("example");
    let store_config = StoreConfig::sqlite_in(data.path());
    let store = Store::connect(&store_config).await.expect("connect");
    let drafts = drafts::generate(&store, &document, (cycles as usize) * 20 + 40).await;
    drop(store);
    let mut pending: VecDeque<Submission> = drafts
        .into_iter()
        .map(|d| Submission {
            token: d.token,
            key: uuid::Uuid::new_v4().to_string(),
        })
        .collect();

    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .build()
        .expect("client");
    let mut ledger = Ledger::default();
    let mut emails = 0usize;
    for cycle in 0..cycles {
        let base = format!("http://{}", server.addr);
        let kill_after = random.between(ACKS_BEFORE_KILL);
        let mut acknowledged = 0;
        let mut in_flight = JoinSet::new();
        while acknowledged < kill_after {
            while in_flight.len() < CLIENTS {
                if random.next().is_multiple_of(3) || pending.is_empty() {
                    emails += 1;
                    let email = format!("crash-{cycle}-{emails}@applicants.example.jp");
                    in_flight.spawn(pre_register(client.clone(), base.clone(), email));
                } else if let Some(submission) = pending.pop_front() {
                    in_flight.spawn(submit(client.clone(), base.clone(), submission));
                }
            }
            let Some(done) = in_flight.join_next().await else {
                break;
            };
            if ledger.record(done.expect("request task"), &mut pending) {
                acknowledged += 1;
            }
        }
        // SIGKILL, with the other requests still in flight.
        common::stop(server.child);
        while let Some(done) = in_flight.join_next().await {
            ledger.record(done.expect("request task"), &mut pending);
        }
        server = serve();
    }

    // After the last restart: what never got an answer is sent again with its key.
    let base = format!("http://{}", server.addr);
    let unanswered: Vec<Submission> = ledger.unanswered.values().cloned().collect();
    for submission in unanswered {
        let outcome = submit(client.clone(), base.clone(), submission).await;
        let mut ignored = VecDeque::new();
        ledger.record(outcome, &mut ignored);
        assert!(ignored.is_empty(), "the server, now left alone, answers");
    }
    // Every acknowledged submission answers the same id again under its key.
    for (token, (key, id)) in &ledger.acknowledged {
        let (status, again) = drafts::submit(&client, &base, token, key, "")
            .await
            .expect("answer");
        assert_eq!((status, again.as_str()), (201, id.as_str()), "{token}");
    }

    // The mail: everything queued is delivered once the restarted server has had its turn.
    let store = Store::connect(&store_config).await.expect("connect");
    // The backlog may be long after many kills: wait while it shrinks, and fail only when
    // delivery stops making progress.
    let mut last_progress = (Instant::now(), usize::MAX);
    let outbox = loop {
        let outbox: Vec<(i64, bool)> = store::fixtures::outbox_rows(&store)
            .await
            .expect("outbox")
            .iter()
            .map(|row| (row.id, row.sent_at.is_some()))
            .collect();
        let unsent = outbox.iter().filter(|(_, sent)| !sent).count();
        if unsent < last_progress.1 {
            last_progress = (Instant::now(), unsent);
        }
        if unsent == 0 || last_progress.0.elapsed() > MAIL_STALL {
            break outbox;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let unsent: Vec<i64> = outbox
        .iter()
        .filter(|(_, s)| !s)
        .map(|(id, _)| *id)
        .collect();
    assert!(
        unsent.is_empty(),
        "mail delivery stalled for {MAIL_STALL:?} with {} undelivered (first {:?})",
        unsent.len(),
        unsent.first()
    );
    let received = sink.wait_for(outbox.len());
    let mut arrivals: BTreeMap<String, usize> = BTreeMap::new();
    for mail in &received {
        let text = String::from_utf8_lossy(&mail.data);
        let id = text
            .lines()
            .find_map(|line| line.strip_prefix("Message-ID: "))
            .map(|v| v.trim().to_owned())
            .expect("every mail has a Message-ID");
        *arrivals.entry(id).or_default() += 1;
    }
    for (id, _) in &outbox {
        assert!(
            arrivals.contains_key(&format!("<outbox-{id}@toroku>")),
            "outbox row {id} was marked sent but never arrived"
        );
    }
    assert_eq!(
        arrivals.len(),
        outbox.len(),
        "nothing arrived that was not queued"
    );
    let repeats: usize = arrivals.values().map(|n| n - 1).sum();

    // Nothing half-written, nothing lost.
    let found = store.consistency().await.expect("consistency");
    assert!(found.is_sound(), "{found:#?}");
    assert_eq!(
        found.submitted as usize,
        ledger.acknowledged.len(),
        "one stored application per acknowledged draft (every draft sent was retried to an answer)"
    );
    let tx = store.read().await.expect("read");
    for email in &ledger.pre_registered {
        assert!(
            tx.application_by_email_key(email)
                .await
                .expect("lookup")
                .is_some(),
            "the acknowledged pre-registration of {email} left its draft"
        );
    }
    drop(tx);
    common::stop(server.child);
    let _ = writeln!(
        out,
        "crash harness: {cycles} SIGKILLs in {:.1} s; {} submissions and {} pre-registrations \
         acknowledged ({} requests went unanswered and were retried, {} pre-registrations \
         unanswered); {} mails queued, {} delivered, 0 lost, {} repeated on the wire after an \
         interrupted delivery (same Message-ID); 0 submissions lost or duplicated",
        began.elapsed().as_secs_f64(),
        ledger.acknowledged.len(),
        ledger.pre_registered.len(),
        ledger.answerless,
        ledger.pre_registrations_unknown,
        outbox.len(),
        arrivals.len(),
        repeats,
    );
}
