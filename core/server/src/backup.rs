//! `toroku backup` and `toroku restore`.
//!
//! - **SQLite**: the backup is SQLite's online snapshot (`VACUUM INTO`): consistent, taken while
//!   the server runs, checked with `PRAGMA integrity_check` before it is given its name. A restore
//!   checks the file the same way, keeps the database it replaces beside it
//!   (`toroku.sqlite.replaced-<unix seconds>`), puts the copy in place with one rename and
//!   brings its schema up to date.
//! - **PostgreSQL**: `pg_dump --format=custom`, checked by `pg_restore --list`; a restore is one
//!   `pg_restore --single-transaction` (all or nothing) into an empty database, or over the
//!   existing one with `--force`. The password never appears on a command line (`PGPASSWORD`).
//!
//! Either way a backup file appears under its name only when complete, and a restore changes
//! nothing when it fails.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{Context, bail};

use crate::config::ServerConfig;

/// What a backup or restore did.
#[derive(Debug)]
pub struct Report {
    /// The file written or read.
    pub file: PathBuf,
    /// Its size.
    pub bytes: u64,
    /// Tables and rows in the database (restore: after it).
    pub tables: usize,
    /// Rows in all tables.
    pub rows: i64,
    /// How long it took.
    pub seconds: f64,
}

/// Writes a backup of the configured database to `out`, which must not exist.
pub async fn backup(config: &ServerConfig, out: &Path) -> anyhow::Result<Report> {
    let began = Instant::now();
    if out.exists() {
        bail!("{} already exists; choose a new file name", out.display());
    }
    let partial = partial_name(out);
    let _ = std::fs::remove_file(&partial);
    let (tables, rows) = match &config.database_url {
        None => {
            let store = open_existing_sqlite(&sqlite_file(config)).await?;
            let digest = store.content_digest().await?;
            store
                .sqlite_snapshot_into(&partial)
                .await
                .context("taking the snapshot")?;
            drop(store);
            let copy = open_existing_sqlite(&partial).await?;
            let problems = copy.integrity_problems().await?;
            drop(copy);
            if !problems.is_empty() {
                let _ = std::fs::remove_file(&partial);
                bail!(
                    "the snapshot failed its integrity check: {}",
                    problems.join("; ")
                );
            }
            (digest.len(), digest.iter().map(|t| t.rows).sum())
        }
        Some(url) => {
            let store = store::Store::connect(&config.store_config())
                .await
                .context("opening the database")?;
            let digest = store.content_digest().await?;
            run_pg_tool(
                "pg_dump",
                url,
                &[
                    "--format=custom".into(),
                    // Dump under the row-level security policies (which let an unwalled
                    // session see every row) instead of failing for not bypassing them.
                    "--enable-row-security".into(),
                    "--no-owner".into(),
                    "--no-privileges".into(),
                    format!("--file={}", partial.display()),
                ],
            )?;
            let listed = Command::new("pg_restore")
                .arg("--list")
                .arg(&partial)
                .output()
                .context("running pg_restore --list")?;
            if !listed.status.success() {
                let _ = std::fs::remove_file(&partial);
                bail!("the dump cannot be read back by pg_restore");
            }
            (digest.len(), digest.iter().map(|t| t.rows).sum())
        }
    };
    sync_file(&partial)?;
    std::fs::rename(&partial, out)
        .with_context(|| format!("naming the backup {}", out.display()))?;
    sync_parent(out);
    Ok(Report {
        file: out.to_owned(),
        bytes: std::fs::metadata(out).map(|m| m.len()).unwrap_or(0),
        tables,
        rows,
        seconds: began.elapsed().as_secs_f64(),
    })
}

/// Restores the backup `from` into the configured database. An existing database with data is
/// replaced only with `force` (stop the server first).
pub async fn restore(config: &ServerConfig, from: &Path, force: bool) -> anyhow::Result<Report> {
    let began = Instant::now();
    if !from.is_file() {
        bail!("{}: no such backup file", from.display());
    }
    match &config.database_url {
        None => {
            let source = open_existing_sqlite(from)
                .await
                .with_context(|| format!("{} is not an SQLite database", from.display()))?;
            let problems = source.integrity_problems().await?;
            let tables = source.content_digest().await?;
            drop(source);
            if !problems.is_empty() {
                bail!(
                    "the backup failed its integrity check: {}",
                    problems.join("; ")
                );
            }
            if !tables.iter().any(|t| t.table == "seaql_migrations") {
                bail!("{} is not a Tōroku database", from.display());
            }
            let target = sqlite_file(config);
            std::fs::create_dir_all(&config.data_dir)?;
            let incoming = partial_name(&target);
            std::fs::copy(from, &incoming)
                .with_context(|| format!("copying the backup to {}", incoming.display()))?;
            sync_file(&incoming)?;
            if target.exists() {
                if !force {
                    let _ = std::fs::remove_file(&incoming);
                    bail!(
                        "a database already exists at {}; stop the server and pass --force to \
                         replace it (it is kept beside the restored one)",
                        target.display()
                    );
                }
                let stamp = chrono::Utc::now().timestamp();
                let kept = target.with_file_name(format!("toroku.sqlite.replaced-{stamp}"));
                std::fs::rename(&target, &kept)
                    .with_context(|| format!("keeping the old database as {}", kept.display()))?;
                for suffix in ["-wal", "-shm"] {
                    let side = PathBuf::from(format!("{}{suffix}", target.display()));
                    if side.exists() {
                        let _ = std::fs::rename(&side, format!("{}{suffix}", kept.display()));
                    }
                }
                tracing::info!(kept = %kept.display(), "the replaced database is kept");
            }
            std::fs::rename(&incoming, &target).with_context(|| {
                format!("putting the database in place at {}", target.display())
            })?;
            sync_parent(&target);
        }
        Some(url) => {
            let store = store::Store::connect(&config.store_config())
                .await
                .context("opening the database")?;
            let existing = store.content_digest().await?;
            drop(store);
            if !existing.is_empty() && !force {
                bail!(
                    "the database already has {} tables; stop the servers and pass --force to \
                     replace its content",
                    existing.len()
                );
            }
            let mut args = vec![
                "--single-transaction".to_owned(),
                "--exit-on-error".to_owned(),
                "--enable-row-security".to_owned(),
                "--no-owner".to_owned(),
                "--no-privileges".to_owned(),
            ];
            if force {
                args.extend(["--clean".to_owned(), "--if-exists".to_owned()]);
            }
            args.push(from.display().to_string());
            run_pg_tool("pg_restore", url, &args)?;
        }
    }
    let store = store::Store::connect(&config.store_config())
        .await
        .context("opening the restored database")?;
    store
        .migrate()
        .await
        .context("bringing the restored schema up to date")?;
    let digest = store.content_digest().await?;
    Ok(Report {
        file: from.to_owned(),
        bytes: std::fs::metadata(from).map(|m| m.len()).unwrap_or(0),
        tables: digest.len(),
        rows: digest.iter().map(|t| t.rows).sum(),
        seconds: began.elapsed().as_secs_f64(),
    })
}

fn sqlite_file(config: &ServerConfig) -> PathBuf {
    config.data_dir.join("toroku.sqlite")
}

/// `<name>.partial` beside `path`: where a file is written before it gets its name.
fn partial_name(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".partial");
    path.with_file_name(name)
}

/// Opens an SQLite file that must exist (never creates one).
async fn open_existing_sqlite(path: &Path) -> anyhow::Result<store::Store> {
    if !path.is_file() {
        bail!("no database at {}", path.display());
    }
    let config = store::StoreConfig {
        url: format!("sqlite://{}?mode=rw", path.display()),
        max_connections: 2,
    };
    store::Store::connect(&config)
        .await
        .with_context(|| format!("opening {}", path.display()))
}

/// Runs `pg_dump` or `pg_restore` on `url`; the password goes in `PGPASSWORD`, never on the
/// command line; a failure reports the tool's own message (which never holds the password).
fn run_pg_tool(tool: &str, url: &str, args: &[String]) -> anyhow::Result<()> {
    let (url, password) = without_password(url);
    let mut command = Command::new(tool);
    command.arg(format!("--dbname={url}")).args(args);
    if let Some(password) = password {
        command.env("PGPASSWORD", password);
    }
    let output = command
        .output()
        .with_context(|| format!("running {tool} (is the PostgreSQL client installed?)"))?;
    if !output.status.success() {
        bail!(
            "{tool} failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    Ok(())
}

/// `postgres://user:s%40cret@host/db` → (`postgres://user@host/db`, `s@cret`): the password
/// percent-decoded, as libpq would read it from the URL.
pub fn without_password(url: &str) -> (String, Option<String>) {
    let Some((scheme, rest)) = url.split_once("://") else {
        return (url.to_owned(), None);
    };
    let (authority, path) = rest.split_once('/').map_or((rest, ""), |(a, p)| (a, p));
    let Some((credentials, host)) = authority.rsplit_once('@') else {
        return (url.to_owned(), None);
    };
    let Some((user, password)) = credentials.split_once(':') else {
        return (url.to_owned(), None);
    };
    let slash = if rest.contains('/') { "/" } else { "" };
    (
        format!("{scheme}://{user}@{host}{slash}{path}"),
        Some(percent_decode(password)),
    )
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied(),
            bytes.get(i + 2).copied(),
        ) {
            (b'%', Some(h), Some(l)) if hex(h).is_some() && hex(l).is_some() => {
                out.push((hex(h).unwrap_or(0) * 16 + hex(l).unwrap_or(0)) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn sync_file(path: &Path) -> anyhow::Result<()> {
    std::fs::File::open(path)
        .and_then(|f| f.sync_all())
        .with_context(|| format!("flushing {}", path.display()))
}

/// Makes a rename durable (best effort: not every file system allows opening a directory).
fn sync_parent(path: &Path) {
    if let Some(dir) = path.parent()
        && let Ok(dir) = std::fs::File::open(dir)
    {
        let _ = dir.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_password_leaves_the_url() {
        assert_eq!(
            without_password("postgres://toroku:s3cr%40t@db.example:5432/toroku?sslmode=require"),
            (
                "postgres://toroku@db.example:5432/toroku?sslmode=require".to_owned(),
                Some("s3cr@t".to_owned())
            )
        );
        assert_eq!(
            without_password("postgres://postgres@127.0.0.1:5432/postgres"),
            (
                "postgres://postgres@127.0.0.1:5432/postgres".to_owned(),
                None
            )
        );
    }

    #[test]
    fn partial_files_sit_beside_their_target() {
        assert_eq!(
            partial_name(Path::new("/backups/toroku-2026.db")),
            PathBuf::from("/backups/toroku-2026.db.partial")
        );
    }
}
