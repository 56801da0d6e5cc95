//! P4 — the reviewer queue of one ministry with 1,000,000 stored applications (issue 4 and 6).
//!
//! `cargo bench -p bench --bench queue` generates the data set once per backend (SQLite file in
//! `target/bench-data/`, PostgreSQL database `toroku_bench_queue_<rows>`; reused while complete),
//! then times whole page requests as the HTTP handler makes them — the staff session check and
//! one page of `Registrar::review_queue` — and prints p50/p99/max next to the 20 ms p99 limit.
//! `TOROKU_BENCH_QUEUE_ROWS` changes the size; `TOROKU_BENCH_DATABASE_URL` the PostgreSQL server.
//!
//! Under `cargo test` (no `--bench` argument) it runs as a smoke test on 2,000 rows in scratch
//! databases and checks the pages it gets, so the harness cannot rot unnoticed.

use std::io::Write;
use std::sync::Arc;
use std::time::Duration;

use bench::queue::{QueueData, TENANT};
use bench::report::{Row, print_table, sample};
use rand::{Rng, SeedableRng, rngs::StdRng};
use registrar::{QueueQuery, Registrar, RegistrarConfig, StaffSession};
use serde_json::Value;
use store::{Store, StoreConfig};

const LIMIT: Duration = Duration::from_millis(20);
const SMOKE_ROWS: usize = 2_000;

struct Mode {
    full: bool,
    rows: usize,
    iterations: usize,
    budget: Duration,
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let rows = if full {
        std::env::var("TOROKU_BENCH_QUEUE_ROWS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(1_000_000)
    } else {
        SMOKE_ROWS
    };
    let mode = Mode {
        full,
        rows,
        iterations: if full { 1_000 } else { 30 },
        budget: Duration::from_secs(if full { 20 } else { 5 }),
    };
    let data = QueueData::new(mode.rows);
    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "P4 reviewer queue: {} applications, page of 50 (session check + query)",
        mode.rows
    );
    let mut table = Vec::new();

    let scratch = tempfile_dir();
    let sqlite_path = if full {
        bench::data_dir().join(format!("queue-{rows}.sqlite"))
    } else {
        scratch.join("queue.sqlite")
    };
    let sqlite = open_sqlite(&sqlite_path, &data, &mut out).await;
    table.extend(run("SQLite", sqlite, &data, &mode).await);

    let postgres = open_postgres(&data, full, &mut out).await;
    table.extend(run("PostgreSQL", postgres, &data, &mode).await);

    let _ = writeln!(out);
    let _ = print_table(&mut out, &table);
    if mode.full {
        bench::report::summarise_rows(&mut out, "P4 reviewer queue", &table);
    }
    let _ = std::fs::remove_dir_all(&scratch);
}

fn tempfile_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("toroku-bench-{}", uuid::Uuid::new_v4().simple()));
    if let Err(err) = std::fs::create_dir_all(&dir) {
        panic!("{}: {err}", dir.display());
    }
    dir
}

async fn connect(url: String) -> Store {
    let store = Store::connect(&StoreConfig {
        url,
        max_connections: 8,
    })
    .await
    .unwrap_or_else(|err| panic!("connect: {err}"));
    store
        .migrate()
        .await
        .unwrap_or_else(|err| panic!("migrate: {err}"));
    store
}

async fn open_sqlite(path: &std::path::Path, data: &QueueData, out: &mut impl Write) -> Store {
    if path.exists() {
        let store = connect(format!("sqlite://{}?mode=rwc", path.display())).await;
        if data.is_seeded(&store).await.unwrap_or(false) {
            let _ = writeln!(out, "SQLite: reusing {}", path.display());
            return store;
        }
        drop(store);
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
    }
    let store = connect(format!("sqlite://{}?mode=rwc", path.display())).await;
    seed(&store, data, "SQLite", out).await;
    store
}

async fn open_postgres(data: &QueueData, full: bool, out: &mut impl Write) -> Store {
    let admin = bench::postgres_admin_url();
    if !full {
        let url = store::create_scratch_database(&admin, "toroku_test_bench")
            .await
            .unwrap_or_else(|err| panic!("PostgreSQL at {admin}: {err}"));
        let store = connect(url).await;
        seed(&store, data, "PostgreSQL", out).await;
        return store;
    }
    let name = format!("toroku_bench_queue_{}", data.rows());
    let url = store::fixtures::database_url(&admin, &name);
    if let Ok(store) = Store::connect(&StoreConfig {
        url: url.clone(),
        max_connections: 8,
    })
    .await
        && store.migrate().await.is_ok()
        && data.is_seeded(&store).await.unwrap_or(false)
    {
        let _ = writeln!(out, "PostgreSQL: reusing database {name}");
        return store;
    }
    let url = store::fixtures::recreate_database(&admin, &name)
        .await
        .unwrap_or_else(|err| panic!("PostgreSQL at {admin}: {err}"));
    let store = connect(url).await;
    seed(&store, data, "PostgreSQL", out).await;
    store
}

fn registrar(store: Store) -> Registrar {
    let host = plugin_host::PluginHost::new(plugin_host::HostConfig::default())
        .unwrap_or_else(|err| panic!("engine: {err}"));
    Registrar::new(
        store,
        RegistrarConfig::default(),
        Arc::new(registrar::PluginRegistry::new(Arc::new(host))),
    )
}

async fn seed(store: &Store, data: &QueueData, backend: &str, out: &mut impl Write) {
    let started = std::time::Instant::now();
    let registrar = registrar(store.clone());
    for tenant in std::iter::once(TENANT).chain(bench::queue::OTHER_TENANTS) {
        registrar
            .bootstrap_tenant(tenant, authz::TenantKind::Ministry, tenant)
            .await
            .unwrap_or_else(|err| panic!("tenant {tenant}: {err:?}"));
    }
    let _ = writeln!(out, "{backend}: generating {} applications", data.rows());
    data.seed(store, out)
        .await
        .unwrap_or_else(|err| panic!("seed: {err}"));
    let _ = writeln!(
        out,
        "{backend}: generated in {:.1} s",
        started.elapsed().as_secs_f64()
    );
}

/// A reviewer of [`TENANT`] enrolled and logged in through the product's own use cases, with
/// the data set's "already seen" rows.
async fn reviewer(registrar: &Registrar, store: &Store, data: &QueueData) -> String {
    let unique = uuid::Uuid::new_v4().simple().to_string();
    let email = format!("r-{}@bench.example.jp", &unique[..12]);
    let created = registrar
        .bootstrap_staff(TENANT, &email, "ベンチ 審査員", authz::Role::Reviewer)
        .await
        .unwrap_or_else(|err| panic!("staff: {err:?}"));
    let link = created
        .enrolment_link
        .rsplit('/')
        .next()
        .unwrap_or_default();
    let password = "a long benchmark passphrase";
    let enrolment = registrar
        .enrol_staff(Some(link), Some(password))
        .await
        .unwrap_or_else(|err| panic!("enrol: {err:?}"));
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX));
    let code = registrar::totp::code_at(&enrolment.totp_secret, now).unwrap_or_default();
    let token = registrar
        .staff_login(Some(&email), Some(password), Some(&code))
        .await
        .unwrap_or_else(|err| panic!("login: {err:?}"))
        .0;
    let tx = store.write().await.unwrap_or_else(|err| panic!("{err}"));
    tx.insert_seen_fixtures(&created.staff_id, &data.seen())
        .await
        .unwrap_or_else(|err| panic!("seen: {err}"));
    tx.commit().await.unwrap_or_else(|err| panic!("{err}"));
    token
}

async fn page(registrar: &Registrar, token: &str, query: QueueQuery) -> Value {
    let who: StaffSession = registrar
        .staff_session(Some(token))
        .await
        .unwrap_or_else(|err| panic!("session: {err:?}"));
    registrar
        .review_queue(&who, query)
        .await
        .unwrap_or_else(|err| panic!("queue: {err:?}"))
}

type Scenario = (&'static str, Box<dyn Fn(&mut StdRng) -> QueueQuery>);

fn scenarios(data: &QueueData) -> Vec<Scenario> {
    let rows = data.rows();
    let open_from = rows / 10 * 7;
    vec![
        (
            "first page, oldest first",
            Box::new(|_: &mut StdRng| QueueQuery::default()),
        ),
        (
            "first page, newest first",
            Box::new(|_: &mut StdRng| QueueQuery {
                descending: true,
                ..QueueQuery::default()
            }),
        ),
        (
            "random deep page (cursor)",
            Box::new(move |rng: &mut StdRng| QueueQuery {
                cursor: Some(QueueData::cursor_after(rng.gen_range(0..rows))),
                ..QueueQuery::default()
            }),
        ),
        (
            "status=open, first page",
            Box::new(|_: &mut StdRng| QueueQuery {
                status: Some("open".to_owned()),
                ..QueueQuery::default()
            }),
        ),
        (
            "status=open, random deep page",
            Box::new(move |rng: &mut StdRng| QueueQuery {
                status: Some("open".to_owned()),
                cursor: Some(QueueData::cursor_after(rng.gen_range(open_from..rows))),
                ..QueueQuery::default()
            }),
        ),
        (
            "status=inquiry, newest first",
            Box::new(|_: &mut StdRng| QueueQuery {
                status: Some("inquiry".to_owned()),
                descending: true,
                ..QueueQuery::default()
            }),
        ),
        (
            "search q=物流 (a tenth match)",
            Box::new(|_: &mut StdRng| QueueQuery {
                search: Some("物流".to_owned()),
                ..QueueQuery::default()
            }),
        ),
        (
            "search one applicant by full name",
            Box::new(move |rng: &mut StdRng| QueueQuery {
                search: Some(QueueData::name(rng.gen_range(0..rows))),
                ..QueueQuery::default()
            }),
        ),
        (
            "page of 200",
            Box::new(|_: &mut StdRng| QueueQuery {
                limit: Some(200),
                ..QueueQuery::default()
            }),
        ),
    ]
}

async fn run(backend: &'static str, store: Store, data: &QueueData, mode: &Mode) -> Vec<Row> {
    store::fixtures::analyze(&store)
        .await
        .unwrap_or_else(|err| panic!("analyze: {err}"));
    let registrar = registrar(store.clone());
    let token = reviewer(&registrar, &store, data).await;
    if !mode.full {
        check_pages(&registrar, &token, data).await;
    }
    let mut rows = Vec::new();
    for (name, query) in scenarios(data) {
        let mut rng = StdRng::seed_from_u64(4);
        let queries: Vec<QueueQuery> = (0..mode.iterations + 20).map(|_| query(&mut rng)).collect();
        let latencies = sample(20, mode.iterations, mode.budget, |i| {
            let query = queries[i % queries.len()].clone();
            let registrar = &registrar;
            let token = &token;
            async move {
                let page = page(registrar, token, query).await;
                assert!(page["items"].is_array(), "{page}");
            }
        })
        .await;
        rows.push(Row {
            backend,
            scenario: name.to_owned(),
            latencies,
            limit: Some(LIMIT),
        });
    }
    rows
}

/// The smoke run's checks: the pages are the ones the data set implies.
async fn check_pages(registrar: &Registrar, token: &str, data: &QueueData) {
    let first = page(registrar, token, QueueQuery::default()).await;
    let items = first["items"].as_array().cloned().unwrap_or_default();
    assert_eq!(items.len(), 50, "{first}");
    assert_eq!(items[0]["application_id"], QueueData::id(0));
    assert_eq!(items[3]["new"], false, "row 3 was seen");
    assert_eq!(items[3]["changed_since_seen"], true, "row 3 changed since");
    assert_eq!(items[13]["changed_since_seen"], false, "row 13 did not");
    let cursor = first["next_cursor"].as_str().unwrap_or_default().to_owned();
    assert_eq!(cursor, QueueData::cursor_after(49));
    let second = page(
        registrar,
        token,
        QueueQuery {
            cursor: Some(cursor),
            ..QueueQuery::default()
        },
    )
    .await;
    assert_eq!(second["items"][0]["application_id"], QueueData::id(50));
    let open = page(
        registrar,
        token,
        QueueQuery {
            status: Some("open".to_owned()),
            ..QueueQuery::default()
        },
    )
    .await;
    assert!(
        open["items"]
            .as_array()
            .is_some_and(|items| items.iter().all(|i| i["status"] == "open")),
        "{open}"
    );
    let name = QueueData::name(1_234.min(data.rows() - 1));
    let found = page(
        registrar,
        token,
        QueueQuery {
            search: Some(name.clone()),
            ..QueueQuery::default()
        },
    )
    .await;
    assert_eq!(
        found["items"][0]["applicant_name"],
        name.as_str(),
        "{found}"
    );
}
