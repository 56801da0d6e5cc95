//! P1 — submissions over HTTP at a fixed arrival rate, against the raw durable-commit rate
//! (issue 6).
//!
//! `cargo bench -p server --bench submit` runs, for SQLite and then PostgreSQL:
//! 1. the real `toroku serve --demo` binary on a fresh database (eight ministry plugins);
//! 2. the generator: `n` drafts of a typical application (3 establishments × 2 business lines
//!    of two ministries, about 3 KB), each with its draft link, written straight into the
//!    database in one transaction;
//! 3. the **raw durable-commit rate** of the same database on the same disk: one transaction
//!    per row (the document's text under a key, nothing else), begun as the product begins its
//!    writes, from as many tasks as the server has connections;
//! 4. a warm-up, then the load: `POST /api/v1/drafts/{token}/submit` with its own
//!    `Idempotency-Key`, sent at a **fixed arrival rate** whatever the answers do (an open
//!    loop: a slow answer does not slow the next send, so queueing shows in the latency, which
//!    is measured from the moment each request was due);
//! 5. the checks: every answer was 201; a retry of a sample with the same key gets the same
//!    application back (and a different body under the same key 422); the database holds
//!    exactly one submitted application per acknowledged request.
//!
//! The load generator is this program rather than `oha` or `wrk`: every request needs its own
//! draft link and its own key, which neither tool can vary per request, and `wrk` has no fixed
//! arrival rate. It runs beside the server on the same two cores, as such a tool would.
//!
//! Environment: `TOROKU_P1_RATES` (arrival rates in order, default `400,2000`: a rate to show
//! what is sustained, then the target; the sustained rate goes first because a server that has
//! just been run past its capacity is still working off that run, e.g. its queued mail), `TOROKU_P1_SECONDS` (per rate, default 10),
//! `TOROKU_BENCH_DATABASE_URL` (PostgreSQL server; default the test server),
//! `TOROKU_P1_BACKENDS` (`sqlite`, `postgresql` or both, the default; for profiling one).
//! Under `cargo test` a smoke run (debug binary, 150 submissions at 100/s, no limits applied)
//! checks the same things.

mod common;
#[path = "common/drafts.rs"]
mod drafts;

use std::io::Write;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use store::{Store, StoreConfig};

const RATE_TARGET: f64 = 2_000.0;
const P99_LIMIT: Duration = Duration::from_millis(50);
const RAW_RATIO_FLOOR: f64 = 0.5;
/// Requests in flight at most; beyond it the sender waits (and the wait counts as latency).
const MAX_IN_FLIGHT: usize = 1_024;
const WARMUP: usize = 200;
/// Every this-many-th acknowledged submission is retried with its key afterwards.
const REPLAY_EVERY: usize = 100;

struct Plan {
    full: bool,
    /// The arrival rates, each for `seconds`: the target first, then a lower one, to show
    /// what the server sustains within the latency limit.
    rates: Vec<f64>,
    seconds: f64,
}

impl Plan {
    fn count(&self, rate: f64) -> usize {
        (rate * self.seconds).round() as usize
    }
}

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let plan = if full {
        let rates = std::env::var("TOROKU_P1_RATES")
            .ok()
            .map(|v| {
                v.split(',')
                    .filter_map(|r| r.trim().parse::<f64>().ok())
                    .collect::<Vec<_>>()
            })
            .filter(|r| !r.is_empty())
            .unwrap_or_else(|| vec![400.0, RATE_TARGET]);
        let seconds = std::env::var("TOROKU_P1_SECONDS")
            .ok()
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(10.0);
        Plan {
            full,
            rates,
            seconds,
        }
    } else {
        Plan {
            full,
            rates: vec![100.0],
            seconds: 1.5,
        }
    };
    let plugin_dir = common::plugin_dir();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap_or_else(|err| panic!("runtime: {err}"));
    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "P1 submissions over HTTP: {:?}/s for {} s each, 3 establishments × 2 business lines ({})",
        plan.rates,
        plan.seconds,
        if full { "release" } else { "debug smoke run" }
    );
    let mut rows = Vec::new();
    let only = std::env::var("TOROKU_P1_BACKENDS").unwrap_or_default();
    let chosen = |backend: &str| {
        only.is_empty()
            || only
                .split(',')
                .any(|b| b.trim().eq_ignore_ascii_case(backend))
    };
    for backend in ["SQLite", "PostgreSQL"].into_iter().filter(|b| chosen(b)) {
        for figures in runtime.block_on(run(backend, &plan, &plugin_dir)) {
            let _ = writeln!(
                out,
                "{backend}: raw {:.0} commits/s; {} submissions at {:.0}/s in {:.2} s = {:.0}/s; p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
                figures.raw_rate,
                figures.submitted,
                figures.rate,
                figures.elapsed.as_secs_f64(),
                figures.throughput(),
                ms(figures.p50),
                ms(figures.p99),
                ms(figures.max),
            );
            rows.push((backend, figures));
        }
    }
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "| backend | submissions | arrival rate | throughput | floor | p50 | p99 | p99 limit | raw durable commits/s | throughput ÷ raw | floor | verdict |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (backend, f) in &rows {
        // The 2,000/s floor is SQLite's (the embedded default) at the target rate; the
        // latency limit applies at every rate; the ratio to the raw rate to both backends at
        // the target rate (below it, the arrival rate sets the pace, not the server).
        let at_target = f.rate >= RATE_TARGET;
        let floor = (*backend == "SQLite" && at_target).then_some(RATE_TARGET);
        let ratio = at_target.then(|| f.throughput() / f.raw_rate);
        let ok = floor.is_none_or(|floor| f.throughput() >= floor * 0.98)
            && f.p99 <= P99_LIMIT
            && ratio.is_none_or(|ratio| ratio >= RAW_RATIO_FLOOR);
        let _ = writeln!(
            out,
            "| {backend} | {} | {:.0}/s | {:.0}/s | {} | {:.1} ms | {:.1} ms | {:.0} ms | {:.0} | {} | {RAW_RATIO_FLOOR} | {} |",
            f.submitted,
            f.rate,
            f.throughput(),
            floor.map_or_else(|| "—".to_owned(), |floor| format!("{floor:.0}/s")),
            ms(f.p50),
            ms(f.p99),
            ms(P99_LIMIT),
            f.raw_rate,
            ratio.map_or_else(|| "—".to_owned(), |r| format!("{r:.2}")),
            common::verdict(full, ok),
        );
    }
    for (backend, f) in &rows {
        let what = format!("{backend}: {} submissions at {:.0}/s", f.submitted, f.rate);
        let throughput = format!("{:.0}/s", f.throughput());
        if *backend == "SQLite" && f.rate >= RATE_TARGET {
            common::summary(
                &mut out,
                "P1 submissions",
                &format!("{what}: throughput"),
                (&throughput, &format!("≥ {RATE_TARGET:.0}/s")),
                common::verdict(full, f.throughput() >= RATE_TARGET * 0.98),
            );
        }
        common::summary(
            &mut out,
            "P1 submissions",
            &format!("{what}: p99 (p50 {:.1} ms)", ms(f.p50)),
            (
                &format!("{:.1} ms", ms(f.p99)),
                &format!("≤ {:.0} ms", ms(P99_LIMIT)),
            ),
            common::verdict(full, f.p99 <= P99_LIMIT),
        );
        // The ratio says something only where the server, not the arrival rate, sets the pace.
        if f.rate >= RATE_TARGET {
            let ratio = f.throughput() / f.raw_rate;
            common::summary(
                &mut out,
                "P1 submissions",
                &format!(
                    "{what}: throughput ÷ raw durable commits ({throughput} ÷ {:.0}/s)",
                    f.raw_rate
                ),
                (&format!("{ratio:.2}"), &format!("≥ {RAW_RATIO_FLOOR}")),
                common::verdict(full, ratio >= RAW_RATIO_FLOOR),
            );
        }
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

struct Figures {
    rate: f64,
    raw_rate: f64,
    submitted: usize,
    elapsed: Duration,
    p50: Duration,
    p99: Duration,
    max: Duration,
}

impl Figures {
    fn throughput(&self) -> f64 {
        self.submitted as f64 / self.elapsed.as_secs_f64()
    }
}

/// One backend: server, drafts, raw rate, then the load at each rate, with the checks.
async fn run(backend: &str, plan: &Plan, plugin_dir: &Path) -> Vec<Figures> {
    let data_dir =
        std::env::temp_dir().join(format!("toroku-p1-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&data_dir).unwrap_or_else(|err| panic!("data dir: {err}"));
    let admin = std::env::var("TOROKU_BENCH_DATABASE_URL")
        .or_else(|_| std::env::var("TOROKU_TEST_DATABASE_URL"))
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned());
    let (database_url, store_config) = if backend == "SQLite" {
        (None, StoreConfig::sqlite_in(&data_dir))
    } else {
        // A database of the plain role, as in service (row-level security binds it).
        let url = store::create_scratch_database(&admin, "toroku_bench_submit")
            .await
            .unwrap_or_else(|err| panic!("PostgreSQL at {admin}: {err}"));
        // The server's own pool size on PostgreSQL (config.rs).
        let config = StoreConfig {
            url: url.clone(),
            max_connections: 16,
        };
        (Some(url), config)
    };
    let server = common::start(&data_dir, plugin_dir, database_url.as_deref());
    let _ = writeln!(
        std::io::stdout(),
        "{backend}: server (pid {}) ready in {:.2} s",
        server.child.id(),
        server.ready.as_secs_f64()
    );
    let store = Store::connect(&store_config)
        .await
        .unwrap_or_else(|err| panic!("connect: {err}"));
    let document = typical_document();
    let total = WARMUP + plan.rates.iter().map(|r| plan.count(*r)).sum::<usize>();
    let mut drafts = drafts::generate(&store, &document, total).await;
    let raw_rate = raw_commit_rate(
        &store,
        &document,
        store_config.max_connections as usize,
        if plan.full { 5_000 } else { 200 },
    )
    .await;

    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(MAX_IN_FLIGHT)
        .timeout(Duration::from_secs(60))
        .build()
        .unwrap_or_else(|err| panic!("client: {err}"));
    let base = Arc::new(format!("http://{}", server.addr));
    // Warm-up: opens connections and pages the database in; not counted.
    let first_rate = plan.rates.first().copied().unwrap_or(RATE_TARGET);
    let warm: Vec<drafts::Draft> = drafts.drain(..WARMUP).collect();
    let warm_answers = load(&client, &base, warm, first_rate.min(500.0)).await;
    assert!(
        warm_answers.iter().all(|a| a.status == 201),
        "{backend}: warm-up answers {:?}",
        statuses(&warm_answers)
    );
    let mut acknowledged = warm_answers.len();
    let mut figures = Vec::new();
    for &rate in &plan.rates {
        let measured: Vec<drafts::Draft> = drafts.drain(..plan.count(rate)).collect();
        let started = Instant::now();
        let answers = load(&client, &base, measured, rate).await;
        let elapsed = answers
            .iter()
            .map(|a| a.done)
            .max()
            .map_or(Duration::ZERO, |done| done.duration_since(started));
        assert!(
            answers.iter().all(|a| a.status == 201),
            "{backend} at {rate}/s: answers {:?}",
            statuses(&answers)
        );
        acknowledged += answers.len();
        let shed: u32 = answers.iter().map(|a| a.shed).sum();
        if shed > 0 {
            let _ = writeln!(
                std::io::stdout(),
                "{backend} at {rate}/s: {shed} answers were 503 (load shed), each sent again \
                 after its Retry-After"
            );
        }
        check_replays(&client, &base, &answers).await;
        let mut latencies: Vec<Duration> = answers.iter().map(|a| a.latency).collect();
        latencies.sort_unstable();
        let percentile = |p: f64| {
            let rank = (p * latencies.len() as f64).ceil() as usize;
            latencies[rank.clamp(1, latencies.len()) - 1]
        };
        figures.push(Figures {
            rate,
            raw_rate,
            submitted: answers.len(),
            elapsed,
            p50: percentile(0.50),
            p99: percentile(0.99),
            max: latencies.last().copied().unwrap_or_default(),
        });
    }
    let stored = store
        .read()
        .await
        .unwrap_or_else(|err| panic!("read: {err}"))
        .submitted_count()
        .await
        .unwrap_or_else(|err| panic!("count: {err}"));
    assert_eq!(
        stored as usize, acknowledged,
        "{backend}: one submitted application per acknowledged request"
    );
    let _ = writeln!(
        std::io::stdout(),
        "{backend}: server RSS after the load {:.0} MB",
        common::rss_mb(server.child.id())
    );
    if let Some(writes) = common::stop_gracefully(server) {
        let _ = writeln!(std::io::stdout(), "{backend}: {writes}");
    }
    drop(store);
    let _ = std::fs::remove_dir_all(&data_dir);
    if let Some(name) = database_url
        .as_deref()
        .and_then(|url| url.rsplit('/').next())
        .map(|name| name.split('?').next().unwrap_or(name))
    {
        store::fixtures::drop_database(&admin, name)
            .await
            .unwrap_or_else(|err| panic!("dropping {name}: {err}"));
    }
    figures
}

/// The typical application: the repository's example with three establishments of two
/// business lines each, one of 農林水産省 and one of 経済産業省.
fn typical_document() -> serde_json::Value {
    let mut document: serde_json::Value = serde_json::from_str(include_str!(
        "../../../tests/tests/fixtures/application.example.json"
    ))
    .unwrap_or_else(|err| panic!("example: {err}"));
    let first = document["establishments"][0].clone();
    let mut establishments = Vec::new();
    for (i, name) in ["本社工場", "第二工場", "物流センター"]
        .into_iter()
        .enumerate()
    {
        let mut establishment = first.clone();
        establishment["name"] = name.into();
        establishment["total_staff"] = (100 + i * 10).into();
        let mut food = first["business_lines"][0].clone();
        food["registered_staff_own"] = (30 + i).into();
        let mut power = food.clone();
        power["business_type"] = "electricity".into();
        power["sub_type_1"] = "electricity".into();
        power["registered_staff_own"] = (10 + i).into();
        power["registered_staff_external"] = 0.into();
        power["note"] = "自家発電設備の運転 10人".into();
        establishment["business_lines"] = serde_json::json!([food, power]);
        establishments.push(establishment);
    }
    document["establishments"] = establishments.into();
    document
}

/// Transactions per second of one insert each, from `tasks` concurrent tasks.
async fn raw_commit_rate(
    store: &Store,
    document: &serde_json::Value,
    tasks: usize,
    count: usize,
) -> f64 {
    store::fixtures::create_raw_commit_table(store)
        .await
        .unwrap_or_else(|err| panic!("raw table: {err}"));
    let body = Arc::new(document.to_string());
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let started = Instant::now();
    let mut handles = Vec::new();
    for _ in 0..tasks {
        let (store, body, next) = (store.clone(), body.clone(), next.clone());
        handles.push(tokio::spawn(async move {
            loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if i >= count {
                    break;
                }
                store::fixtures::raw_commit(&store, &format!("raw-{i}"), &body)
                    .await
                    .unwrap_or_else(|err| panic!("raw commit: {err}"));
            }
        }));
    }
    for handle in handles {
        handle.await.unwrap_or_else(|err| panic!("raw task: {err}"));
    }
    count as f64 / started.elapsed().as_secs_f64()
}

/// One answered request.
#[derive(Debug, Clone)]
struct Answer {
    token: String,
    key: String,
    status: u16,
    application_id: String,
    /// How many times the server shed it (503) before taking it.
    shed: u32,
    latency: Duration,
    done: Instant,
}

fn statuses(answers: &[Answer]) -> std::collections::BTreeMap<u16, usize> {
    let mut counts = std::collections::BTreeMap::new();
    for answer in answers {
        *counts.entry(answer.status).or_default() += 1;
    }
    counts
}

/// Sends one submission per draft at `rate` per second (open loop) and collects the answers.
async fn load(
    client: &reqwest::Client,
    base: &Arc<String>,
    drafts: Vec<drafts::Draft>,
    rate: f64,
) -> Vec<Answer> {
    let interval = Duration::from_secs_f64(1.0 / rate);
    let limit = Arc::new(tokio::sync::Semaphore::new(MAX_IN_FLIGHT));
    let started = tokio::time::Instant::now();
    let mut handles = Vec::with_capacity(drafts.len());
    for (i, draft) in drafts.into_iter().enumerate() {
        let due = started + interval.mul_f64(i as f64);
        tokio::time::sleep_until(due).await;
        let permit = limit
            .clone()
            .acquire_owned()
            .await
            .unwrap_or_else(|err| panic!("semaphore: {err}"));
        let (client, base) = (client.clone(), base.clone());
        handles.push(tokio::spawn(async move {
            let key = uuid::Uuid::new_v4().to_string();
            // A shed request (503 + Retry-After) is sent again with the same key after the
            // time asked, as a real client does; its latency counts from the first due time.
            let mut shed = 0;
            let (status, application_id) = loop {
                let (status, id) = drafts::submit(&client, &base, &draft.token, &key, "")
                    .await
                    .unwrap_or_else(|err| panic!("submit: {err}"));
                if status != 503 {
                    break (status, id);
                }
                shed += 1;
                tokio::time::sleep(Duration::from_secs(1)).await;
            };
            let done = Instant::now();
            drop(permit);
            Answer {
                token: draft.token,
                key,
                status,
                application_id,
                shed,
                latency: done.duration_since(due.into_std()),
                done,
            }
        }));
    }
    let mut answers = Vec::with_capacity(handles.len());
    for handle in handles {
        answers.push(handle.await.unwrap_or_else(|err| panic!("request: {err}")));
    }
    answers
}

/// A retry with the same key gets the same application; another body under the key is 422.
async fn check_replays(client: &reqwest::Client, base: &str, answers: &[Answer]) {
    for answer in answers.iter().step_by(REPLAY_EVERY) {
        let (status, id) = drafts::submit(client, base, &answer.token, &answer.key, "")
            .await
            .unwrap_or_else(|err| panic!("submit: {err}"));
        assert_eq!(
            (status, id.as_str()),
            (201, answer.application_id.as_str()),
            "a retry with the same key answers the stored receipt"
        );
        let (status, _) = drafts::submit(
            client,
            base,
            &answer.token,
            &answer.key,
            r#"{"revision": 1}"#,
        )
        .await
        .unwrap_or_else(|err| panic!("submit: {err}"));
        assert_eq!(status, 422, "another body under the same key is refused");
    }
}
