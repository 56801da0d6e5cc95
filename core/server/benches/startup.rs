//! P6 — start-up with every ministry plugin, and the idle footprint (issue 6).
//!
//! `cargo bench -p server --bench startup` starts the real `toroku serve --demo` binary on a
//! fresh data directory twice and times each start from spawn to its "toroku is serving" line:
//! - cold: an empty database (migrations, demo tenants and staff) and an empty plugin cache
//!   (all eight plugins compiled by Cranelift);
//! - warm: the same directory again — the usual restart, plugins loaded from the precompiled
//!   cache (`<data-dir>/plugin-cache`).
//!
//! It then asks `/healthz` once and reads the process's resident memory. The warm start is
//! printed next to the 1 s limit and the idle RSS next to 100 MB. `TOROKU_PLUGIN_DIR` says where
//! the plugins are (default `target/plugins`, built by `cargo xtask build-plugins`).
//!
//! Under `cargo test` the same runs as a smoke test of the debug binary (no limits applied:
//! debug figures say nothing), checking that both starts serve.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use common::{Started, start, stop_gracefully};

const WARM_START_LIMIT: Duration = Duration::from_secs(1);
const IDLE_RSS_LIMIT_MB: f64 = 100.0;

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let plugin_dir = common::plugin_dir();
    let data_dir =
        std::env::temp_dir().join(format!("toroku-startup-{}", uuid::Uuid::new_v4().simple()));
    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "P6 start-up: toroku serve --demo, eight ministry plugins ({})",
        if full { "release" } else { "debug smoke run" }
    );
    let mut rows = Vec::new();
    for (label, limit) in [
        ("cold (empty database and plugin cache)", None),
        (
            "warm (restart; precompiled plugins)",
            Some(WARM_START_LIMIT),
        ),
    ] {
        let started = start(&data_dir, &plugin_dir, None);
        let rss = idle_rss_mb(&started);
        let _ = writeln!(
            out,
            "{label}: ready in {:.3} s, idle RSS {rss:.1} MB",
            started.ready.as_secs_f64()
        );
        rows.push((label, started.ready, limit, rss));
        stop_gracefully(started);
    }
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "| start | ready after | limit | idle RSS | limit | verdict |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|---|");
    for (label, ready, limit, rss) in &rows {
        let ok = limit.is_none_or(|l| *ready <= l) && *rss <= IDLE_RSS_LIMIT_MB;
        let _ = writeln!(
            out,
            "| {label} | {:.3} s | {} | {rss:.1} MB | {IDLE_RSS_LIMIT_MB:.0} MB | {} |",
            ready.as_secs_f64(),
            limit.map_or_else(|| "—".to_owned(), |l| format!("{:.3} s", l.as_secs_f64())),
            common::verdict(full, ok),
        );
    }
    for (label, ready, limit, rss) in &rows {
        if let Some(limit) = limit {
            common::summary(
                &mut out,
                "P6 start-up",
                &format!("{label}: ready"),
                (
                    &format!("{:.3} s", ready.as_secs_f64()),
                    &format!("≤ {:.0} s", limit.as_secs_f64()),
                ),
                common::verdict(full, *ready <= *limit),
            );
        }
        common::summary(
            &mut out,
            "P6 start-up",
            &format!("{label}: idle RSS"),
            (
                &format!("{rss:.1} MB"),
                &format!("≤ {IDLE_RSS_LIMIT_MB:.0} MB"),
            ),
            common::verdict(full, *rss <= IDLE_RSS_LIMIT_MB),
        );
    }
    let _ = std::fs::remove_dir_all(&data_dir);
}

/// Resident memory after one health check (MB).
fn idle_rss_mb(started: &Started) -> f64 {
    let mut stream =
        TcpStream::connect(&started.addr).unwrap_or_else(|err| panic!("connect: {err}"));
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let _ = stream.write_all(b"GET /healthz HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n");
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    assert!(answer.starts_with("HTTP/1.1 200"), "health check: {answer}");
    common::rss_mb(started.child.id())
}
