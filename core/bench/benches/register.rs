//! P5 — the public register exported as CSV: 1,000,000 rows streamed (issue 6).
//!
//! `cargo bench -p bench --bench register` generates the register once per backend (SQLite file
//! in `target/bench-data/`, PostgreSQL database `toroku_bench_register_<rows>`; reused while
//! complete), then downloads `GET /api/v1/register?format=csv` through the real router, chunk by
//! chunk as a client would, and prints rows per second next to the 200,000 rows/s floor and the
//! growth of the process's resident memory during the download next to its ceiling (flat:
//! the export must not hold the register in memory). `TOROKU_BENCH_REGISTER_ROWS` changes the
//! size; `TOROKU_BENCH_DATABASE_URL` the PostgreSQL server.
//!
//! Under `cargo test` it runs as a smoke test on 20,000 rows in scratch databases and checks
//! the file it gets (every row once, header first, quoting).

use std::io::Write;
use std::sync::Arc;
use std::time::Instant;

use axum::body::Body;
use axum::http::Request;
use bench::register::RegisterData;
use http_body_util::BodyExt;
use registrar::{Registrar, RegistrarConfig};
use store::{Store, StoreConfig};
use tower::ServiceExt;

const SMOKE_ROWS: usize = 20_000;
/// Rows per second the export must reach.
const FLOOR_ROWS_PER_SECOND: f64 = 200_000.0;
/// How much resident memory may grow while the export runs.
const RSS_GROWTH_CEILING_MB: f64 = 64.0;

/// One backend's result.
struct Figure {
    backend: &'static str,
    rows: usize,
    seconds: f64,
    bytes: usize,
    rss_growth_mb: f64,
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let rows = if full {
        std::env::var("TOROKU_BENCH_REGISTER_ROWS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(1_000_000)
    } else {
        SMOKE_ROWS
    };
    let data = RegisterData::new(rows);
    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "P5 public register export: {rows} rows as CSV, streamed"
    );
    let mut figures = Vec::new();

    let scratch =
        std::env::temp_dir().join(format!("toroku-bench-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&scratch).unwrap_or_else(|err| panic!("{}: {err}", scratch.display()));
    let sqlite_path = if full {
        bench::data_dir().join(format!("register-{rows}.sqlite"))
    } else {
        scratch.join("register.sqlite")
    };
    let sqlite = open(
        format!("sqlite://{}?mode=rwc", sqlite_path.display()),
        &data,
        "SQLite",
        &mut out,
    )
    .await;
    figures.push(export("SQLite", sqlite, &data, full).await);

    let admin = bench::postgres_admin_url();
    let url = if full {
        let url = store::fixtures::database_url(&admin, &format!("toroku_bench_register_{rows}"));
        match Store::connect(&StoreConfig {
            url: url.clone(),
            max_connections: 2,
        })
        .await
        {
            Ok(_) => url,
            Err(_) => {
                store::fixtures::recreate_database(&admin, &format!("toroku_bench_register_{rows}"))
                    .await
                    .unwrap_or_else(|err| panic!("PostgreSQL at {admin}: {err}"))
            }
        }
    } else {
        store::create_scratch_database(&admin, "toroku_test_bench")
            .await
            .unwrap_or_else(|err| panic!("PostgreSQL at {admin}: {err}"))
    };
    let postgres = open(url, &data, "PostgreSQL", &mut out).await;
    figures.push(export("PostgreSQL", postgres, &data, full).await);

    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "| backend | rows | time | rows/s | floor | RSS growth | ceiling | verdict |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|---|---|---|");
    for f in &figures {
        let rate = f.rows as f64 / f.seconds;
        let ok = rate >= FLOOR_ROWS_PER_SECOND && f.rss_growth_mb <= RSS_GROWTH_CEILING_MB;
        let _ = writeln!(
            out,
            "| {} | {} | {:.2} s ({:.0} MB) | {:.0} | {:.0} | {:.1} MB | {:.0} MB | {} |",
            f.backend,
            f.rows,
            f.seconds,
            f.bytes as f64 / 1e6,
            rate,
            FLOOR_ROWS_PER_SECOND,
            f.rss_growth_mb,
            RSS_GROWTH_CEILING_MB,
            if ok { "ok" } else { "OVER" },
        );
    }
    for f in &figures {
        let rate = f.rows as f64 / f.seconds;
        let what = format!("{}: {} rows as CSV", f.backend, f.rows);
        bench::report::summary(
            &mut out,
            "P5 register export",
            &format!("{what}: rows/s"),
            (
                &format!("{rate:.0}"),
                &format!("≥ {FLOOR_ROWS_PER_SECOND:.0}"),
            ),
            bench::report::verdict(full, rate >= FLOOR_ROWS_PER_SECOND),
        );
        bench::report::summary(
            &mut out,
            "P5 register export",
            &format!("{what}: RSS growth"),
            (
                &format!("{:.1} MB", f.rss_growth_mb),
                &format!("≤ {RSS_GROWTH_CEILING_MB:.0} MB"),
            ),
            bench::report::verdict(full, f.rss_growth_mb <= RSS_GROWTH_CEILING_MB),
        );
    }
    let _ = std::fs::remove_dir_all(&scratch);
}

async fn open(url: String, data: &RegisterData, backend: &str, out: &mut impl Write) -> Store {
    let store = Store::connect(&StoreConfig {
        url,
        max_connections: 4,
    })
    .await
    .unwrap_or_else(|err| panic!("{backend}: connect: {err}"));
    store
        .migrate()
        .await
        .unwrap_or_else(|err| panic!("{backend}: migrate: {err}"));
    if data.is_seeded(&store).await.unwrap_or(false) {
        let _ = writeln!(out, "{backend}: reusing the generated register");
        return store;
    }
    let started = Instant::now();
    let _ = writeln!(out, "{backend}: generating {} rows", data.rows);
    data.seed(&store, |n| {
        if n.is_multiple_of(200_000) {
            let _ = writeln!(out, "  {n} / {}", data.rows);
        }
    })
    .await
    .unwrap_or_else(|err| panic!("{backend}: seeding: {err}"));
    if store.backend() == store::Backend::Postgres {
        store::fixtures::analyze(&store)
            .await
            .unwrap_or_else(|err| panic!("analyze: {err}"));
    }
    let _ = writeln!(
        out,
        "{backend}: generated in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    store
}

/// Where the ministry plugins are (`TOROKU_PLUGIN_DIR`, else `target/plugins`).
fn plugin_dir() -> std::path::PathBuf {
    std::env::var_os("TOROKU_PLUGIN_DIR").map_or_else(
        || std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/plugins"),
        std::path::PathBuf::from,
    )
}

/// Resident memory of this process now (kB, from `/proc/self/status`).
fn rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status.lines().find_map(|line| {
                line.strip_prefix("VmRSS:")
                    .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            })
        })
        .unwrap_or(0)
}

async fn export(backend: &'static str, store: Store, data: &RegisterData, full: bool) -> Figure {
    let engine = plugin_host::PluginHost::new(plugin_host::HostConfig::default())
        .unwrap_or_else(|err| panic!("engine: {err}"));
    let registrar = Registrar::new(
        store,
        RegistrarConfig::default(),
        Arc::new(registrar::PluginRegistry::new(Arc::new(engine))),
    );
    // The ministry plugins label the business types, as in service (a Fluent format each).
    if registrar.load_plugins().await.unwrap_or(0) == 0 {
        for ministry in ["env", "fsa", "maff", "meti", "mhlw", "mic", "mlit", "mof"] {
            let path = plugin_dir().join(format!("{ministry}.wasm"));
            let wasm = std::fs::read(&path).unwrap_or_else(|err| {
                panic!(
                    "{}: {err}; build the plugins first with `cargo xtask build-plugins`",
                    path.display()
                )
            });
            registrar
                .install_plugin(wasm, "bench")
                .await
                .unwrap_or_else(|err| panic!("{ministry}: {err}"));
        }
    }
    let router = server::router(server::AppState::new(registrar));
    let before = rss_kb();
    let mut peak = before;
    let started = Instant::now();
    let response = router
        .oneshot(
            Request::get("/api/v1/register?format=csv&lang=ja")
                .body(Body::empty())
                .unwrap_or_else(|err| panic!("request: {err}")),
        )
        .await
        .unwrap_or_else(|err| match err {});
    assert!(
        response.status().is_success(),
        "{backend}: {}",
        response.status()
    );
    let mut body = response.into_body();
    let (mut lines, mut bytes, mut since_sample) = (0usize, 0usize, 0usize);
    let mut head: Vec<u8> = Vec::new();
    while let Some(frame) = body.frame().await {
        let frame = frame.unwrap_or_else(|err| panic!("{backend}: body: {err}"));
        if let Ok(chunk) = frame.into_data() {
            lines += chunk.iter().filter(|b| **b == b'\n').count();
            bytes += chunk.len();
            since_sample += chunk.len();
            if head.len() < 4096 {
                head.extend_from_slice(&chunk[..chunk.len().min(4096)]);
            }
            if since_sample >= 1 << 20 {
                peak = peak.max(rss_kb());
                since_sample = 0;
            }
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    peak = peak.max(rss_kb());
    // Every row once, after the header; quoting as a spreadsheet expects.
    assert_eq!(lines, data.rows + 1, "{backend}: rows in the file");
    let text = String::from_utf8_lossy(&head);
    assert!(text.starts_with('\u{feff}'), "{backend}: BOM first");
    if !full {
        assert!(
            text.contains("\"株式会社\"\"ベンチ\"\",0\""),
            "{backend}: a quote and a comma are escaped: {text}"
        );
        assert!(
            text.contains("\"食料品製造業\""),
            "{backend}: business types carry their plugin's label: {text}"
        );
    }
    Figure {
        backend,
        rows: data.rows,
        seconds,
        bytes,
        rss_growth_mb: (peak.saturating_sub(before)) as f64 / 1024.0,
    }
}
