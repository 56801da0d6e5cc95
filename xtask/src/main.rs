//! Project automation, run as `cargo xtask <command>`:
//! - `ci`: everything CI checks — set-up, fmt, clippy, the tidy checks, all tests on SQLite and
//!   PostgreSQL, then the short fuzz run. Fails when anything fails.
//! - `run`: set up and run the product on its embedded defaults with demo data.
//! - `bench`: the performance harness (release build, minutes; `docs/performance.md`): every
//!   bench in turn, each printing its figures next to their limits.
//! - `fuzz [--seconds N] [--target NAME]…`: builds the cargo-fuzz targets of `fuzz/` (stable
//!   toolchain, no sanitizer) and runs each for N seconds (default 10), as many at a time as
//!   there are cores; prints each one's executions and fails if any finds a crash
//!   (`fuzz/README.md`).
//! - `crash [--cycles N]`: the crash harness with N SIGKILL cycles (default 200; the tests run
//!   20); `docs/reliability.md`.
//! - `import-postal-codes`: regenerate the embedded Japan Post data.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{Context, bail};

fn main() -> anyhow::Result<()> {
    let root = project_root();
    std::env::set_current_dir(&root)?;
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("ci") => ci(),
        Some("run") => run(&args[1..]),
        Some("build-plugins") => build_plugins(),
        Some("bench") => bench(),
        Some("fuzz") => fuzz(&args[1..]),
        Some("crash") => crash(&args[1..]),
        Some("import-postal-codes") => step(
            "import postal codes",
            Command::new("python3").arg("tools/postal/import.py"),
        ),
        _ => {
            eprintln!(
                "usage: cargo xtask <ci | run [serve flags…] | bench | fuzz [--seconds N] [--target NAME]… | crash [--cycles N] | build-plugins | import-postal-codes>"
            );
            bail!("unknown command")
        }
    }
}

fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

fn step(name: &str, command: &mut Command) -> anyhow::Result<()> {
    eprintln!("xtask: {name}");
    let status = command
        .status()
        .with_context(|| format!("starting {name}"))?;
    if !status.success() {
        bail!("{name} failed ({status})");
    }
    Ok(())
}

/// The performance harness: each bench of `docs/performance.md` in turn (release build). The
/// large data sets are generated on the first run and reused (`target/bench-data/`, databases
/// `toroku_bench_*`).
fn bench() -> anyhow::Result<()> {
    step(
        "set-up",
        Command::new("bash").args(["scripts/setup.sh", "test"]),
    )?;
    build_plugins()?;
    let database_url = std::env::var("TOROKU_TEST_DATABASE_URL")
        .ok()
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| DEFAULT_TEST_DATABASE_URL.to_owned());
    let mut summary = Vec::new();
    for (name, bench) in [
        ("P1 submissions over HTTP", "submit"),
        ("P2 one application of 20,000 establishments", "large"),
        ("P3 plugins vs native", "review"),
        ("P4 reviewer queue", "queue"),
        ("P5 register export", "register"),
        ("P6 start-up", "startup"),
    ] {
        summary.extend(bench_step(
            name,
            // `--workspace`, not `-p <package>`: features are then unified the same way for
            // every bench, so the release build is made once, not once per package.
            cargo()
                .args(["bench", "--workspace", "--bench", bench])
                .env("TOROKU_TEST_DATABASE_URL", &database_url),
        )?);
        if bench == "review" {
            summary.extend(plugin_summary()?);
        }
    }
    let mut table = String::from(
        "## Summary (cargo xtask bench)\n\n| bench | figure | measured | limit | verdict |\n|---|---|---|---|---|\n",
    );
    for line in &summary {
        table.push_str(&format!("| {line} |\n"));
    }
    let mut out = std::io::stdout().lock();
    writeln!(out)?;
    write!(out, "{table}")?;
    std::fs::write("target/bench-summary.md", &table)?;
    let over = summary.iter().filter(|l| l.ends_with("| OVER")).count();
    eprintln!(
        "xtask: bench done: {} figures, {over} over their limits (table in target/bench-summary.md)",
        summary.len()
    );
    Ok(())
}

/// Runs one bench, echoing its output, and returns its `summary: ` lines (without the prefix).
fn bench_step(name: &str, command: &mut Command) -> anyhow::Result<Vec<String>> {
    use std::io::BufRead;
    eprintln!("xtask: {name}");
    let mut child = command
        .stdout(std::process::Stdio::piped())
        .spawn()
        .with_context(|| format!("starting {name}"))?;
    let stdout = child.stdout.take().context("bench output")?;
    let mut lines = Vec::new();
    for line in std::io::BufReader::new(stdout).lines() {
        let line = line?;
        writeln!(std::io::stdout(), "{line}")?;
        if let Some(rest) = line.strip_prefix("summary: ") {
            lines.push(rest.to_owned());
        }
    }
    let status = child.wait()?;
    if !status.success() {
        bail!("{name} failed ({status})");
    }
    Ok(lines)
}

/// P3's summary from criterion's estimates (`target/criterion/review/…/new/estimates.json`):
/// the per-call overhead, and the wasm review at 1, 100 and 10,000 establishments against the
/// same rules run natively, on the in-memory document and with the JSON hand-off the wasm path
/// pays.
fn plugin_summary() -> anyhow::Result<Vec<String>> {
    let mean_us = |id: &str| -> anyhow::Result<f64> {
        let path = format!("target/criterion/review/{id}/new/estimates.json");
        let text = std::fs::read_to_string(&path).with_context(|| format!("reading {path}"))?;
        let value: serde_json::Value = serde_json::from_str(&text)?;
        value["mean"]["point_estimate"]
            .as_f64()
            .map(|ns| ns / 1e3)
            .with_context(|| format!("{path}: no mean"))
    };
    let verdict = |ok: bool| if ok { "ok" } else { "OVER" };
    let overhead = mean_us("wasm/0")?;
    let mut lines = vec![format!(
        "P3 plugins | per-call overhead (MAFF plugin, empty application) | {overhead:.1} µs | ≤ 50 µs | {}",
        verdict(overhead <= 50.0)
    )];
    for n in [1, 100, 10_000] {
        let wasm = mean_us(&format!("wasm/{n}"))?;
        let native = mean_us(&format!("native/{n}"))?;
        let json = mean_us(&format!("native-json/{n}"))?;
        lines.push(format!(
            "P3 plugins | review of {n} establishments: wasm ÷ native with the same JSON hand-off ({wasm:.0} ÷ {json:.0} µs) | {:.2}× | ≤ 1.5× | {}",
            wasm / json,
            verdict(wasm / json <= 1.5)
        ));
        lines.push(format!(
            "P3 plugins | review of {n} establishments: wasm ÷ native on the in-memory document ({wasm:.0} ÷ {native:.1} µs) | {:.1}× | ≤ 1.5× | {}",
            wasm / native,
            verdict(wasm / native <= 1.5)
        ));
    }
    Ok(lines)
}

fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned()))
}

const DEFAULT_TEST_DATABASE_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";

fn ci() -> anyhow::Result<()> {
    step(
        "set-up",
        Command::new("bash").args(["scripts/setup.sh", "test"]),
    )?;
    step("fmt", cargo().args(["fmt", "--all", "--", "--check"]))?;
    step(
        "catalogues",
        Command::new("python3").arg("tools/catalogue/check.py"),
    )?;
    build_plugins()?;
    step(
        "clippy",
        cargo().args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]),
    )?;
    let database_url = std::env::var("TOROKU_TEST_DATABASE_URL")
        .ok()
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| DEFAULT_TEST_DATABASE_URL.to_owned());
    // Tests create one scratch database each; drop what earlier runs left behind.
    drop_scratch_databases(&database_url)?;
    step(
        "tests (SQLite and PostgreSQL)",
        cargo()
            .args(["test", "--workspace", "--all-targets"])
            .env("TOROKU_TEST_DATABASE_URL", &database_url)
            .env(
                "CI",
                std::env::var("CI").unwrap_or_else(|_| "true".to_owned()),
            ),
    )?;
    run_fuzz(&fuzz_targets()?, CI_FUZZ_SECONDS)?;
    step(
        "schemathesis against /api/openapi.json (short)",
        Command::new("bash").args(["scripts/schemathesis.sh", "short"]),
    )?;
    eprintln!("xtask: ci passed");
    Ok(())
}

/// How the fuzz targets are built: no sanitizer (the stable toolchain cannot build one), 16
/// codegen units.
const FUZZ_BUILD: [&str; 6] = [
    "fuzz",
    "build",
    "--sanitizer",
    "none",
    "--codegen-units",
    "16",
];

/// `cargo xtask crash [--cycles N]`: the crash harness (`core/server/tests/crash.rs`) with N
/// SIGKILL cycles (default 200; `ci` runs it with 20 as part of the tests).
fn crash(args: &[String]) -> anyhow::Result<()> {
    let cycles = match args {
        [] => 200,
        [flag, n] if flag == "--cycles" => n
            .parse::<u64>()
            .ok()
            .filter(|n| *n > 0)
            .context("--cycles takes a whole number above 0")?,
        _ => bail!("usage: cargo xtask crash [--cycles N]"),
    };
    step(
        "set-up",
        Command::new("bash").args(["scripts/setup.sh", "test"]),
    )?;
    build_plugins()?;
    step(
        &format!("crash harness ({cycles} SIGKILL cycles)"),
        cargo()
            .args([
                "test",
                "-p",
                "server",
                "--test",
                "crash",
                "--",
                "--nocapture",
            ])
            .env("TOROKU_CRASH_CYCLES", cycles.to_string()),
    )
}

/// Seconds each fuzz target runs in `ci` (the short run; `fuzz/README.md` has the long one).
const CI_FUZZ_SECONDS: u64 = 10;

/// `cargo xtask fuzz [--seconds N] [--target NAME]…`.
fn fuzz(args: &[String]) -> anyhow::Result<()> {
    let mut seconds = CI_FUZZ_SECONDS;
    let mut chosen = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--seconds" => {
                seconds = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|n| *n > 0)
                    .context("--seconds takes a whole number of seconds above 0")?;
            }
            "--target" => chosen.push(args.next().context("--target takes a target name")?),
            other => bail!("unknown argument {other:?} (fuzz [--seconds N] [--target NAME]…)"),
        }
    }
    let all = fuzz_targets()?;
    let targets = if chosen.is_empty() {
        all
    } else {
        for name in &chosen {
            if !all.contains(name) {
                bail!("no fuzz target {name:?} (targets: {})", all.join(", "));
            }
        }
        chosen.into_iter().cloned().collect()
    };
    run_fuzz(&targets, seconds)
}

/// The targets of `fuzz/`, as cargo-fuzz lists them.
fn fuzz_targets() -> anyhow::Result<Vec<String>> {
    let version = cargo().args(["fuzz", "--version"]).output();
    if !version.is_ok_and(|o| o.status.success()) {
        bail!(
            "cargo-fuzz is not installed: run scripts/setup.sh test (it installs the pinned version)"
        );
    }
    let list = capture(cargo().args(["fuzz", "list"]))?;
    Ok(list
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect())
}

/// What one libFuzzer run printed at its end (`-print_final_stats=1`).
#[derive(Debug, Default)]
struct FuzzStats {
    executions: u64,
    per_second: u64,
    coverage: Option<u64>,
    corpus: Option<u64>,
}

impl FuzzStats {
    fn parse(log: &str) -> FuzzStats {
        let stat = |name: &str| {
            log.lines()
                .find_map(|l| l.strip_prefix(name))
                .and_then(|v| v.trim().parse().ok())
        };
        // `#1234\tDONE   cov: 1858 ft: 4824 corp: 1339/318Kb …`
        let done = log.lines().rev().find(|l| l.contains("DONE "));
        let field = |name: &str| {
            done.and_then(|l| l.split_whitespace().skip_while(|w| *w != name).nth(1))
                .and_then(|v| v.split('/').next())
                .and_then(|v| v.parse().ok())
        };
        FuzzStats {
            executions: stat("stat::number_of_executed_units:").unwrap_or(0),
            per_second: stat("stat::average_exec_per_sec:").unwrap_or(0),
            coverage: field("cov:"),
            corpus: field("corp:"),
        }
    }
}

/// Builds every fuzz target once ([`FUZZ_BUILD`]: `--sanitizer none` needs no `-Z` flag, so
/// the stable toolchain builds it), then runs the chosen ones for `seconds` each, as many at a
/// time as there are cores. Each run starts from the committed seeds
/// (`fuzz/corpus-seed/<target>/`) and the corpus that earlier runs grew (`fuzz/corpus/<target>/`,
/// not committed); a crash is written to `fuzz/artifacts/<target>/` and fails the command.
fn run_fuzz(targets: &[String], seconds: u64) -> anyhow::Result<()> {
    let started = Instant::now();
    // 16 codegen units instead of cargo-fuzz's 1: a cold build uses both cores, for 3–17 %
    // fewer executions per second (fuzz/README.md).
    step("build fuzz targets", cargo().args(FUZZ_BUILD))?;
    let built = started.elapsed();
    let host = capture(Command::new("rustc").arg("-vV"))?
        .lines()
        .find_map(|l| l.strip_prefix("host: ").map(str::to_owned))
        .context("rustc -vV names no host")?;
    let bin_dir = project_root()
        .join("fuzz/target")
        .join(&host)
        .join("release");
    let logs = project_root().join("fuzz/target/logs");
    std::fs::create_dir_all(&logs)?;
    let parallel = std::thread::available_parallelism().map_or(1, usize::from);
    let mut failed = Vec::new();
    let mut table = Vec::new();
    for batch in targets.chunks(parallel) {
        let mut running = Vec::new();
        for target in batch {
            let corpus = project_root().join("fuzz/corpus").join(target);
            let seeds = project_root().join("fuzz/corpus-seed").join(target);
            let artifacts = project_root().join("fuzz/artifacts").join(target);
            std::fs::create_dir_all(&corpus)?;
            std::fs::create_dir_all(&artifacts)?;
            let log_path = logs.join(format!("{target}.log"));
            let log = std::fs::File::create(&log_path)?;
            eprintln!("xtask: fuzz {target} for {seconds} s");
            let mut command = Command::new(bin_dir.join(target));
            command
                .arg(&corpus)
                .args(seeds.is_dir().then_some(&seeds))
                .arg(format!("-max_total_time={seconds}"))
                .arg("-print_final_stats=1")
                // One input taking this long is a finding too (a denial of service).
                .arg("-timeout=20")
                .arg("-rss_limit_mb=2048")
                .arg(format!("-artifact_prefix={}/", artifacts.display()))
                .stdout(log.try_clone()?)
                .stderr(log);
            let child = command
                .spawn()
                .with_context(|| format!("starting fuzz target {target}"))?;
            running.push((target, child, log_path));
        }
        for (target, mut child, log_path) in running {
            let status = child.wait()?;
            let log = std::fs::read_to_string(&log_path).unwrap_or_default();
            let stats = FuzzStats::parse(&log);
            let verdict = if status.success() { "ok" } else { "CRASH" };
            if !status.success() {
                eprintln!(
                    "xtask: fuzz {target} failed ({status}); from {}:",
                    log_path.display()
                );
                // The panic (message on the next line), then libFuzzer's summary: the input
                // written and the final stats. A stack overflow kills the process by signal
                // before libFuzzer can write the input (no sanitizer runtime to catch it).
                let lines: Vec<&str> = log.lines().collect();
                if let Some(at) = lines.iter().position(|l| l.contains("panicked at")) {
                    for line in &lines[at..(at + 2).min(lines.len())] {
                        eprintln!("  {line}");
                    }
                }
                for line in &lines[lines.len().saturating_sub(12)..] {
                    eprintln!("  {line}");
                }
                failed.push(target.clone());
            }
            table.push(format!(
                "{target:<22} {:>12} {:>9} {:>7} {:>7}  {verdict}",
                stats.executions,
                stats.per_second,
                stats
                    .coverage
                    .map_or_else(|| "-".to_owned(), |c| c.to_string()),
                stats
                    .corpus
                    .map_or_else(|| "-".to_owned(), |c| c.to_string()),
            ));
        }
    }
    eprintln!(
        "xtask: fuzz results ({seconds} s each; build {:.0} s, all {:.0} s)",
        built.as_secs_f64(),
        started.elapsed().as_secs_f64()
    );
    eprintln!(
        "  {:<22} {:>12} {:>9} {:>7} {:>7}",
        "target", "executions", "per s", "cov", "corpus"
    );
    for line in &table {
        eprintln!("  {line}");
    }
    if !failed.is_empty() {
        bail!(
            "fuzzing found a crash in {} (inputs in fuzz/artifacts/<target>/; reproduce with `cargo fuzz run -s none <target> <input>`)",
            failed.join(", ")
        );
    }
    Ok(())
}

fn run(extra: &[String]) -> anyhow::Result<()> {
    step(
        "set-up",
        Command::new("bash").args(["scripts/setup.sh", "run"]),
    )?;
    let mut command = cargo();
    command.args([
        "run",
        "--release",
        "--package",
        "server",
        "--bin",
        "toroku",
        "--",
        "serve",
        "--demo",
    ]);
    command.args(extra);
    step("toroku serve --demo", &mut command)
}

/// Drops the `toroku_test_*` databases earlier test runs created.
fn drop_scratch_databases(database_url: &str) -> anyhow::Result<()> {
    let output = Command::new("psql")
        .args([
            database_url,
            "-qAt",
            "-c",
            "SELECT datname FROM pg_database WHERE datname LIKE 'toroku\\_test\\_%'",
        ])
        .output()
        .context("running psql (is PostgreSQL reachable at TOROKU_TEST_DATABASE_URL?)")?;
    if !output.status.success() {
        bail!(
            "listing scratch databases failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let names = String::from_utf8_lossy(&output.stdout);
    let names: Vec<&str> = names
        .lines()
        .filter(|n| n.starts_with("toroku_test_"))
        .collect();
    for name in &names {
        step(
            "drop a scratch database",
            Command::new("psql").args([
                database_url,
                "-q",
                "-c",
                &format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"),
            ]),
        )?;
    }
    eprintln!("xtask: dropped {} old scratch databases", names.len());
    Ok(())
}

/// The ministry plugins, shipped with the product.
const MINISTRY_PLUGINS: &[&str] = &["env", "fsa", "maff", "meti", "mhlw", "mic", "mlit", "mof"];
/// Misbehaviours of the hostile fixture (features of `tests/plugins/hostile`).
const HOSTILE: &[&str] = &[
    "infinite-loop",
    "memory-hog",
    "deep-recursion",
    "panic",
    "forged-message",
    "hidden-path",
    "finding-flood",
    "v2",
    "steal-type",
];

/// Builds every plugin as a WebAssembly component into `target/plugins/`: the ministry plugins
/// and the hostile fixtures for `wasm32-unknown-unknown`, linked by the `wasm-component-ld`
/// that ships with the toolchain (so they import nothing), and one fixture for `wasm32-wasip2`
/// (so it imports WASI, which the host must refuse).
fn build_plugins() -> anyhow::Result<()> {
    let sysroot = capture(Command::new("rustc").args(["--print", "sysroot"]))?;
    let host = capture(Command::new("rustc").arg("-vV"))?
        .lines()
        .find_map(|l| l.strip_prefix("host: ").map(str::to_owned))
        .context("rustc -vV names no host")?;
    let linker =
        PathBuf::from(sysroot.trim()).join(format!("lib/rustlib/{host}/bin/wasm-component-ld"));
    if !linker.exists() {
        bail!(
            "{} is missing: run scripts/setup.sh (it adds the wasm32-wasip2 target, which ships it)",
            linker.display()
        );
    }
    let out = target_dir().join("plugins");
    std::fs::create_dir_all(&out)?;
    let wasm_dir = target_dir().join("wasm32-unknown-unknown/plugin");
    let build = |packages: &[&str], features: Option<&str>, target: &str| -> anyhow::Result<()> {
        let mut command = cargo();
        command
            .args([
                "build",
                "--quiet",
                "--profile",
                "plugin",
                "--target",
                target,
            ])
            .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER", &linker);
        for package in packages {
            command.args(["--package", package]);
        }
        if let Some(features) = features {
            command.args(["--features", features]);
        }
        step(
            &format!(
                "build {} ({target}{})",
                packages.join(", "),
                features.map(|f| format!(", {f}")).unwrap_or_default()
            ),
            &mut command,
        )
    };
    build(MINISTRY_PLUGINS, None, "wasm32-unknown-unknown")?;
    for name in MINISTRY_PLUGINS {
        std::fs::copy(
            wasm_dir.join(format!("{name}.wasm")),
            out.join(format!("{name}.wasm")),
        )?;
    }
    build(&["hostile"], None, "wasm32-unknown-unknown")?;
    std::fs::copy(
        wasm_dir.join("hostile.wasm"),
        out.join("hostile-control.wasm"),
    )?;
    for feature in HOSTILE {
        build(&["hostile"], Some(feature), "wasm32-unknown-unknown")?;
        std::fs::copy(
            wasm_dir.join("hostile.wasm"),
            out.join(format!("hostile-{feature}.wasm")),
        )?;
    }
    build(&["hostile"], Some("wasi"), "wasm32-wasip2")?;
    std::fs::copy(
        target_dir().join("wasm32-wasip2/plugin/hostile.wasm"),
        out.join("hostile-wasi.wasm"),
    )?;
    eprintln!("xtask: plugins in {}", out.display());
    Ok(())
}

/// Cargo's target directory: `CARGO_TARGET_DIR` when set (a helper's own build), else `target/`.
/// Plugins land in `<it>/plugins`; point `TOROKU_PLUGIN_DIR` there when it is not `target/`.
fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| project_root().join("target"), PathBuf::from)
}

fn capture(command: &mut Command) -> anyhow::Result<String> {
    let output = command.output().context("running a toolchain command")?;
    if !output.status.success() {
        bail!("{command:?} failed");
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}
