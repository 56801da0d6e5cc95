//! What the benches that run the real `toroku` binary share: starting it on a fresh data
//! directory (SQLite, or PostgreSQL when given a URL) and stopping it.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running server.
#[derive(Debug)]
pub struct Started {
    /// The process.
    pub child: Child,
    /// `127.0.0.1:<port>`.
    pub addr: String,
    /// From spawn to its "toroku is serving" line.
    pub ready: Duration,
    /// Its "stopped" log line, when it stops.
    stopped: std::sync::mpsc::Receiver<String>,
}

/// Where the ministry plugins are (`TOROKU_PLUGIN_DIR`, default `target/plugins`).
pub fn plugin_dir() -> PathBuf {
    let dir = std::env::var_os("TOROKU_PLUGIN_DIR").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/plugins"),
        PathBuf::from,
    );
    assert!(
        dir.join("maff.wasm").exists(),
        "{}: build the plugins first with `cargo xtask build-plugins`",
        dir.display()
    );
    dir
}

/// A port free now (the server binds it a moment later).
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or_else(|err| panic!("no free port: {err}"))
}

/// Spawns `toroku serve --demo` and waits for its "serving" line (reading its log as it
/// comes). `database_url` = `None` is the embedded SQLite file in `data_dir`.
pub fn start(data_dir: &Path, plugin_dir: &Path, database_url: Option<&str>) -> Started {
    start_with(data_dir, plugin_dir, database_url, &[])
}

/// [`start`] with more arguments for `serve` (e.g. `--smtp-url`).
pub fn start_with(
    data_dir: &Path,
    plugin_dir: &Path,
    database_url: Option<&str>,
    extra: &[&str],
) -> Started {
    let addr = format!("127.0.0.1:{}", free_port());
    let began = Instant::now();
    let mut command = Command::new(env!("CARGO_BIN_EXE_toroku"));
    command
        .args(["serve", "--demo", "--addr", &addr])
        .arg("--data-dir")
        .arg(data_dir)
        .arg("--plugin-dir")
        .arg(plugin_dir)
        .args(extra)
        .env("RUST_LOG", "info")
        // The one load generator stands for many clients: no per-address rate.
        .env("TOROKU_CLIENT_RATE", "off")
        .env_remove("DATABASE_URL")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    if let Some(url) = database_url {
        command.env("DATABASE_URL", url);
    }
    let mut child = command
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
    let (stopped_tx, stopped) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in lines.map_while(Result::ok) {
            if line.contains("stopped") {
                let _ = stopped_tx.send(line);
            }
        }
    });
    Started {
        child,
        addr,
        ready,
        stopped,
    }
}

/// Resident memory of a process (MB), from `/proc/<pid>/status`.
pub fn rss_mb(pid: u32) -> f64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find_map(|line| {
            line.strip_prefix("VmRSS:")
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

/// Kills the server (SIGKILL) and reaps it.
pub fn stop(mut child: Child) {
    let _ = child.kill();
    let _ = child.wait();
}

/// Stops the server as a service manager would (SIGTERM); kills it if it has not stopped
/// within 10 s. Returns what its "stopped" line says of SQLite's group commit (how many
/// acknowledged writes shared each `COMMIT`, and their calls on the writer connection), when it
/// says anything.
pub fn stop_gracefully(server: Started) -> Option<String> {
    let Started { child, stopped, .. } = server;
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let line = stopped.recv_timeout(Duration::from_secs(10)).ok();
    stop(child);
    let line = line?;
    let committed = logged_number(&line, "writes_committed")?;
    let commits = logged_number(&line, "commits").filter(|n| *n > 0)?;
    let calls = logged_number(&line, "writer_calls").unwrap_or(0);
    Some(format!(
        "{committed} write transactions in {commits} COMMITs ({:.2} a COMMIT), {calls} calls on \
         the writer connection ({:.1} a transaction)",
        committed as f64 / commits as f64,
        calls as f64 / committed.max(1) as f64
    ))
}

/// A `key=value` number from a log line (`commits=12`), colours or not.
fn logged_number(line: &str, key: &str) -> Option<u64> {
    let mut plain = String::with_capacity(line.len());
    let mut in_escape = false;
    for c in line.chars() {
        match (in_escape, c) {
            (false, '\u{1b}') => in_escape = true,
            (false, c) => plain.push(c),
            (true, 'm') => in_escape = false,
            (true, _) => {}
        }
    }
    plain
        .split_whitespace()
        .find_map(|field| field.strip_prefix(key)?.strip_prefix('='))
        .and_then(|value| value.trim_matches('"').parse().ok())
}

/// One line for the harness's summary table, in the format of `bench::report::summary` (this
/// package cannot depend on `bench`, which depends on it).
pub fn summary(
    out: &mut impl std::io::Write,
    bench: &str,
    what: &str,
    (figure, limit): (&str, &str),
    verdict: &str,
) {
    let _ = writeln!(
        out,
        "summary: {bench} | {what} | {figure} | {limit} | {verdict}"
    );
}

/// `ok`, `OVER`, or `smoke` in a smoke run.
pub fn verdict(full: bool, ok: bool) -> &'static str {
    match (full, ok) {
        (false, _) => "smoke",
        (true, true) => "ok",
        (true, false) => "OVER",
    }
}
