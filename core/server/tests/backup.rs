//! `toroku backup` and `toroku restore`, run as an operator would, on SQLite and PostgreSQL:
//! the restored database holds exactly what was backed up (every table's rows compared), bad
//! input is refused and changes nothing, and a database with data is replaced only on request.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use store::{Store, StoreConfig, TableDigest};

fn plugin_file() -> PathBuf {
    let dir = std::env::var_os("TOROKU_PLUGIN_DIR").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/plugins"),
        PathBuf::from,
    );
    let file = dir.join("maff.wasm");
    assert!(
        file.exists(),
        "{}: build the plugins first with `cargo xtask build-plugins`",
        file.display()
    );
    file
}

/// Runs `toroku <args>` on a data directory (SQLite) or a database URL.
fn toroku(args: &[&str], data_dir: &Path, database_url: Option<&str>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_toroku"));
    command
        .args(args)
        .arg("--data-dir")
        .arg(data_dir)
        .env("RUST_LOG", "warn")
        .env_remove("DATABASE_URL");
    if let Some(url) = database_url {
        command.env("DATABASE_URL", url);
    }
    command
        .output()
        .unwrap_or_else(|err| panic!("running toroku {args:?}: {err}"))
}

fn ok(output: &Output, what: &str) -> String {
    assert!(
        output.status.success(),
        "{what}: {}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Refused, with `expected` in what it says.
fn refused(output: &Output, expected: &str) {
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "should have been refused");
    assert!(said.contains(expected), "{expected:?} in {said}");
}

/// A database with real content: the schema, an installed plugin (a blob), tenants, staff,
/// their audit trail and queued mail.
fn populate(data_dir: &Path, url: Option<&str>, staff: &str) {
    let plugin = plugin_file();
    ok(&toroku(&["migrate"], data_dir, url), "migrate");
    let install = ["plugin", "install", plugin.to_str().expect("plugin path")];
    ok(&toroku(&install, data_dir, url), "plugin install");
    ok(
        &toroku(
            &[
                "tenant",
                "add",
                "central",
                "--central",
                "--name",
                "厚生労働省",
            ],
            data_dir,
            url,
        ),
        "tenant add",
    );
    add_staff(data_dir, url, staff);
}

fn add_staff(data_dir: &Path, url: Option<&str>, email: &str) {
    ok(
        &toroku(
            &[
                "staff",
                "add",
                "--tenant",
                "central",
                "--email",
                email,
                "--name",
                "登録 花子",
                "--role",
                "central_admin",
            ],
            data_dir,
            url,
        ),
        "staff add",
    );
}

async fn digest(config: &StoreConfig) -> Vec<TableDigest> {
    let store = Store::connect(config)
        .await
        .unwrap_or_else(|err| panic!("connect: {err}"));
    store
        .content_digest()
        .await
        .unwrap_or_else(|err| panic!("digest: {err}"))
}

fn rows_of(digest: &[TableDigest], table: &str) -> i64 {
    digest
        .iter()
        .find(|t| t.table == table)
        .map_or(0, |t| t.rows)
}

#[tokio::test]
async fn an_sqlite_backup_restores_to_the_same_content() {
    let work = tempfile::tempdir().expect("temp dir");
    let (a, b) = (work.path().join("a"), work.path().join("b"));
    populate(&a, None, "hanako@mhlw.example.jp");
    let original = digest(&StoreConfig::sqlite_in(&a)).await;
    assert_eq!(rows_of(&original, "plugin"), 1);
    assert!(rows_of(&original, "audit_event") >= 3);

    let backup = work.path().join("toroku-backup.sqlite");
    let said = ok(
        &toroku(
            &["backup", "--out", backup.to_str().expect("path")],
            &a,
            None,
        ),
        "backup",
    );
    assert!(said.contains("backup written"), "{said}");
    assert!(backup.is_file());
    assert!(!work.path().join("toroku-backup.sqlite.partial").exists());
    refused(
        &toroku(
            &["backup", "--out", backup.to_str().expect("path")],
            &a,
            None,
        ),
        "already exists",
    );

    // Into an empty data directory: the same content, table by table.
    let from = ["restore", "--from", backup.to_str().expect("path")];
    ok(&toroku(&from, &b, None), "restore");
    assert_eq!(digest(&StoreConfig::sqlite_in(&b)).await, original);

    // Over a database with data: refused without --force, and nothing changes.
    add_staff(&a, None, "jiro@mhlw.example.jp");
    let changed = digest(&StoreConfig::sqlite_in(&a)).await;
    assert_ne!(changed, original);
    refused(&toroku(&from, &a, None), "--force");
    assert_eq!(digest(&StoreConfig::sqlite_in(&a)).await, changed);
    // With --force: the backup's content, and the replaced database kept beside it.
    ok(
        &toroku(&[&from[..], &["--force"]].concat(), &a, None),
        "restore --force",
    );
    assert_eq!(digest(&StoreConfig::sqlite_in(&a)).await, original);
    let kept: Vec<PathBuf> = std::fs::read_dir(&a)
        .expect("data dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                n.starts_with("toroku.sqlite.replaced-")
                    && !n.ends_with("-wal")
                    && !n.ends_with("-shm")
            })
        })
        .collect();
    assert_eq!(kept.len(), 1, "the replaced database is kept: {kept:?}");

    // A file that is not a backup is refused and changes nothing.
    let junk = work.path().join("junk.sqlite");
    std::fs::write(&junk, b"not a database at all").expect("write");
    refused(
        &toroku(
            &["restore", "--from", junk.to_str().expect("path"), "--force"],
            &b,
            None,
        ),
        "not an SQLite database",
    );
    refused(
        &toroku(
            &["restore", "--from", "/nonexistent/backup.sqlite"],
            &b,
            None,
        ),
        "no such backup file",
    );
    assert_eq!(digest(&StoreConfig::sqlite_in(&b)).await, original);
}

#[tokio::test]
async fn a_postgres_backup_restores_to_the_same_content() {
    let Some(admin) = std::env::var("TOROKU_TEST_DATABASE_URL")
        .or_else(|_| std::env::var("DATABASE_URL"))
        .ok()
    else {
        assert!(
            std::env::var("CI").is_err(),
            "CI=true but no TOROKU_TEST_DATABASE_URL: the PostgreSQL half must run in CI"
        );
        return;
    };
    let work = tempfile::tempdir().expect("temp dir");
    let source = store::create_scratch_database(&admin, "toroku_backup")
        .await
        .unwrap_or_else(|err| panic!("PostgreSQL at {admin}: {err}"));
    let target = store::create_scratch_database(&admin, "toroku_restore")
        .await
        .unwrap_or_else(|err| panic!("PostgreSQL at {admin}: {err}"));
    let config = |url: &str| StoreConfig {
        url: url.to_owned(),
        max_connections: 2,
    };
    populate(work.path(), Some(&source), "hanako@mhlw.example.jp");
    let original = digest(&config(&source)).await;
    assert_eq!(rows_of(&original, "plugin"), 1);

    let backup = work.path().join("toroku.pgdump");
    ok(
        &toroku(
            &["backup", "--out", backup.to_str().expect("path")],
            work.path(),
            Some(&source),
        ),
        "backup",
    );
    let from = ["restore", "--from", backup.to_str().expect("path")];
    ok(&toroku(&from, work.path(), Some(&target)), "restore");
    assert_eq!(digest(&config(&target)).await, original);

    // Over a database with data: refused without --force, and nothing changes.
    add_staff(work.path(), Some(&target), "jiro@mhlw.example.jp");
    let changed = digest(&config(&target)).await;
    refused(&toroku(&from, work.path(), Some(&target)), "--force");
    assert_eq!(digest(&config(&target)).await, changed);
    ok(
        &toroku(
            &[&from[..], &["--force"]].concat(),
            work.path(),
            Some(&target),
        ),
        "restore --force",
    );
    assert_eq!(digest(&config(&target)).await, original);

    for url in [&source, &target] {
        let name = url.rsplit('/').next().unwrap_or_default();
        store::fixtures::drop_database(&admin, name)
            .await
            .unwrap_or_else(|err| panic!("dropping {name}: {err}"));
    }
}
