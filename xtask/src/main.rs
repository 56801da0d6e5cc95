//! Project automation, run as `cargo xtask <command>`:
//! - `ci`: everything CI checks — set-up, fmt, clippy, the tidy checks, all tests on SQLite and
//!   PostgreSQL. Fails when anything fails.
//! - `run`: set up and run the product on its embedded defaults with demo data.
//! - `import-postal-codes`: regenerate the embedded Japan Post data.

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
        Some("import-postal-codes") => step(
            "import postal codes",
            Command::new("python3").arg("tools/postal/import.py"),
        ),
        _ => {
            eprintln!("usage: cargo xtask <ci | run [serve flags…] | import-postal-codes>");
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
