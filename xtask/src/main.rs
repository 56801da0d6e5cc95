//! Project automation, run as `cargo xtask <command>`:
//! - `ci`: everything CI checks — set-up, fmt, clippy, the tidy checks, all tests on SQLite and
//!   PostgreSQL. Fails when anything fails.
//! - `run`: set up and run the product on its embedded defaults with demo data.
//! - `bench`: the performance harness (release build, minutes; `docs/performance.md`): every
//!   bench in turn, each printing its figures next to their limits.
//! - `import-postal-codes`: regenerate the embedded Japan Post data.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

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
        Some("import-postal-codes") => step(
            "import postal codes",
            Command::new("python3").arg("tools/postal/import.py"),
        ),
        _ => {
            eprintln!(
                "usage: cargo xtask <ci | run [serve flags…] | bench | build-plugins | import-postal-codes>"
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
    eprintln!("xtask: ci passed");
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
