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

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const WARM_START_LIMIT: Duration = Duration::from_secs(1);
const IDLE_RSS_LIMIT_MB: f64 = 100.0;

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let plugin_dir = std::env::var_os("TOROKU_PLUGIN_DIR").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/plugins"),
        PathBuf::from,
    );
    assert!(
        plugin_dir.join("maff.wasm").exists(),
        "{}: build the plugins first with `cargo xtask build-plugins`",
        plugin_dir.display()
    );
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
        let started = start(&data_dir, &plugin_dir);
        let rss = idle_rss_mb(&started);
        let _ = writeln!(
            out,
            "{label}: ready in {:.3} s, idle RSS {rss:.1} MB",
            started.ready.as_secs_f64()
        );
        rows.push((label, started.ready, limit, rss));
        stop(started.child);
    }
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "| start | ready after | limit | idle RSS | limit | verdict |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|---|");
    for (label, ready, limit, rss) in &rows {
        let ok = !full || (limit.is_none_or(|l| *ready <= l) && *rss <= IDLE_RSS_LIMIT_MB);
        let _ = writeln!(
            out,
            "| {label} | {:.3} s | {} | {rss:.1} MB | {IDLE_RSS_LIMIT_MB:.0} MB | {} |",
            ready.as_secs_f64(),
            limit.map_or_else(|| "—".to_owned(), |l| format!("{:.3} s", l.as_secs_f64())),
            if !full {
                "smoke"
            } else if ok {
                "ok"
            } else {
                "OVER"
            },
        );
    }
    let _ = std::fs::remove_dir_all(&data_dir);
}

struct Started {
    child: Child,
    addr: String,
    ready: Duration,
}

/// A port free now (the server binds it a moment later).
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or_else(|err| panic!("no free port: {err}"))
}

/// Spawns the binary and waits for its "serving" line (reading its log as it comes).
fn start(data_dir: &Path, plugin_dir: &Path) -> Started {
    let addr = format!("127.0.0.1:{}", free_port());
    let began = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_toroku"))
        .args(["serve", "--demo", "--addr", &addr])
        .arg("--data-dir")
        .arg(data_dir)
        .arg("--plugin-dir")
        .arg(plugin_dir)
        .env("RUST_LOG", "info")
        .env_remove("DATABASE_URL")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap_or_else(|err| panic!("spawn toroku: {err}"));
    let stdout = child.stdout.take().unwrap_or_else(|| panic!("no stdout"));
    let mut lines = BufReader::new(stdout).lines();
    let ready = loop {
        match lines.next() {
            Some(Ok(line)) if line.contains("toroku is serving") => break began.elapsed(),
            Some(Ok(_)) => {}
            Some(Err(err)) => panic!("reading the server's log: {err}"),
            None => panic!("toroku exited before serving: {:?}", child.wait()),
        }
    };
    // Keep draining the log so the server never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    Started { child, addr, ready }
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
    let status =
        std::fs::read_to_string(format!("/proc/{}/status", started.child.id())).unwrap_or_default();
    status
        .lines()
        .find_map(|line| {
            line.strip_prefix("VmRSS:")
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn stop(mut child: Child) {
    let _ = child.kill();
    let _ = child.wait();
}
