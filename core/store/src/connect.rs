//! Opening the database: SQLite with WAL, `synchronous=FULL` and a pool of several connections,
//! or PostgreSQL when the URL says so; running the migrations.

use std::time::Duration;

use migrations::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{
    ConnectOptions, Database, DatabaseConnection, SqliteTransactionMode, TransactionOptions,
    TransactionTrait,
};

use crate::group::{GroupStats, Writer};
use crate::{StoreError, Tx};

/// Which database engine is behind a [`Store`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// An SQLite file (the embedded default).
    Sqlite,
    /// A PostgreSQL server.
    Postgres,
}

/// How to reach the database.
#[derive(Debug, Clone)]
pub struct StoreConfig {
    /// `sqlite:///abs/path/toroku.sqlite?mode=rwc` or `postgres://user@host/db`.
    pub url: String,
    /// Pool size; SQLite gets several connections too (readers run beside the one writer).
    pub max_connections: u32,
}

impl StoreConfig {
    /// The SQLite file `toroku.sqlite` inside `data_dir` (created if missing).
    pub fn sqlite_in(data_dir: &std::path::Path) -> Self {
        StoreConfig {
            url: format!(
                "sqlite://{}?mode=rwc",
                data_dir.join("toroku.sqlite").display()
            ),
            max_connections: 8,
        }
    }
}

/// How long a writer waits for its turn (for the writer connection, then in SQLite's busy
/// handler).
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// A pool of connections to the product's database.
#[derive(Debug, Clone)]
pub struct Store {
    db: DatabaseConnection,
    backend: Backend,
    /// SQLite takes one writer at a time: its writes go through a connection of their own,
    /// where this process's writers queue in order (first come, first served), instead of
    /// meeting in SQLite's busy handler, which sleeps and retries (1 ms, 2 ms, 5 ms … up to
    /// 100 ms a time) and so turns a short queue into a long tail of latency, and instead of
    /// holding reader connections while they wait. Writers that queue share one `COMMIT`
    /// (group commit, `group.rs`). Other processes (the CLI) still meet the busy timeout.
    /// `None` on PostgreSQL, whose writers run side by side.
    writer: Option<Writer>,
}

impl Store {
    /// Connects (SQLite: WAL, `synchronous=FULL`, foreign keys on, 5 s busy timeout).
    pub async fn connect(config: &StoreConfig) -> Result<Store, StoreError> {
        let backend = if config.url.starts_with("sqlite:") {
            Backend::Sqlite
        } else if config.url.starts_with("postgres://") || config.url.starts_with("postgresql://") {
            Backend::Postgres
        } else {
            return Err(StoreError::UnsupportedUrl);
        };
        let options = |connections: u32, acquire_timeout: Duration| {
            let mut options = ConnectOptions::new(config.url.clone());
            options
                .max_connections(connections)
                .min_connections(1)
                .acquire_timeout(acquire_timeout)
                .sqlx_logging(false)
                .map_sqlx_sqlite_opts(|opts| {
                    opts.journal_mode(SqliteJournalMode::Wal)
                        .synchronous(SqliteSynchronous::Full)
                        .foreign_keys(true)
                        .busy_timeout(BUSY_TIMEOUT)
                        // The product runs a few hundred distinct statements; keep them prepared.
                        .statement_cache_capacity(1_000)
                });
            options
        };
        let db = Database::connect(options(
            config.max_connections.max(2),
            Duration::from_secs(10),
        ))
        .await?;
        // An in-memory database exists once per connection: it cannot have a second pool.
        let in_memory = config.url.contains(":memory:") || config.url.contains("mode=memory");
        let writer = match backend {
            // Waiting for the writer connection is waiting for the write lock: as long as
            // SQLite's own busy timeout, so a writer never waits for ever.
            Backend::Sqlite if !in_memory => Some(Writer::new(
                Database::connect(options(1, BUSY_TIMEOUT)).await?,
                BUSY_TIMEOUT,
            )),
            Backend::Sqlite | Backend::Postgres => None,
        };
        Ok(Store {
            db,
            backend,
            writer,
        })
    }

    /// Brings the schema up to date.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        Migrator::up(&self.db, None).await?;
        Ok(())
    }

    /// The engine behind this store.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Starts a transaction that will write (SQLite: on the writer connection, in turn, with
    /// `BEGIN IMMEDIATE`, or in a savepoint of the group being committed).
    pub async fn write(&self) -> Result<Tx, StoreError> {
        let options = TransactionOptions {
            sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
            ..TransactionOptions::default()
        };
        Ok(match (&self.writer, self.backend) {
            (Some(writer), _) => {
                let (txn, member) = writer.begin().await?;
                Tx::grouped(txn, member)
            }
            (None, Backend::Sqlite) => Tx::new(self.db.begin_with_options(options).await?),
            (None, Backend::Postgres) => Tx::new(self.db.begin().await?),
        })
    }

    /// How many write transactions SQLite's writer acknowledged and in how many `COMMIT`s;
    /// zero on PostgreSQL and in-memory SQLite, which do not group.
    pub fn group_stats(&self) -> GroupStats {
        self.writer
            .as_ref()
            .map_or_else(GroupStats::default, Writer::stats)
    }

    /// Writers waiting for SQLite's writer now (0 on PostgreSQL).
    pub fn writers_waiting(&self) -> usize {
        self.writer.as_ref().map_or(0, Writer::waiting)
    }

    /// Starts a transaction that only reads (a consistent snapshot).
    pub async fn read(&self) -> Result<Tx, StoreError> {
        Ok(Tx::new(self.db.begin().await?))
    }

    /// Whether row-level security binds this connection's role: always `true` on SQLite
    /// (nothing to bypass); on PostgreSQL `false` for a superuser or a role with `BYPASSRLS`,
    /// for which the tenant wall of migration 7 does not hold.
    pub async fn row_security_binds(&self) -> Result<bool, StoreError> {
        use sea_orm::{ConnectionTrait, Statement};
        if self.backend == Backend::Sqlite {
            return Ok(true);
        }
        let row = self
            .db
            .query_one_raw(Statement::from_string(
                sea_orm::DatabaseBackend::Postgres,
                "SELECT rolsuper OR rolbypassrls AS bypasses FROM pg_roles WHERE rolname = current_user",
            ))
            .await?;
        let bypasses = match row {
            Some(row) => row.try_get::<bool>("", "bypasses")?,
            None => true,
        };
        Ok(!bypasses)
    }

    /// Checks that the database answers.
    pub async fn ping(&self) -> Result<(), StoreError> {
        self.db.ping().await?;
        Ok(())
    }

    pub(crate) fn connection(&self) -> &DatabaseConnection {
        &self.db
    }
}

/// The plain role the scratch databases belong to and are used through: not a superuser and
/// without `BYPASSRLS`, as the application's role in service must be, so that row-level
/// security (migration 7) binds it.
pub const APP_ROLE: &str = "toroku_app";

/// Creates an empty PostgreSQL database named `<prefix>_<random>` through `admin_url`, owned
/// by [`APP_ROLE`] (created if missing), and returns a URL that connects as that role; each
/// test gets its own database, so tests run in parallel without sharing state.
pub async fn create_scratch_database(admin_url: &str, prefix: &str) -> Result<String, StoreError> {
    use sea_orm::ConnectionTrait;
    let name = format!("{prefix}_{}", uuid::Uuid::new_v4().simple());
    let mut options = ConnectOptions::new(admin_url.to_owned());
    options
        .max_connections(1)
        .acquire_timeout(Duration::from_secs(5))
        .sqlx_logging(false);
    let admin = Database::connect(options).await?;
    // Tests start in parallel: two may create the role at once.
    admin
        .execute_unprepared(&format!(
            "DO $$ BEGIN CREATE ROLE {APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS; \
             EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$"
        ))
        .await?;
    admin
        .execute_unprepared(&format!("CREATE DATABASE \"{name}\" OWNER {APP_ROLE}"))
        .await?;
    admin.close().await?;
    Ok(url_as(admin_url, APP_ROLE, &name))
}

/// `admin_url` with its user replaced by `role` (no password: these servers trust local
/// connections) and its database by `database`; query parameters are kept.
fn url_as(admin_url: &str, role: &str, database: &str) -> String {
    let (scheme, rest) = admin_url
        .split_once("://")
        .unwrap_or(("postgres", admin_url));
    let rest = rest.rsplit_once('@').map_or(rest, |(_, rest)| rest);
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let query = path
        .split_once('?')
        .map_or(String::new(), |(_, q)| format!("?{q}"));
    format!("{scheme}://{role}@{host}/{database}{query}")
}

#[cfg(test)]
mod tests {
    use super::url_as;

    #[test]
    fn the_scratch_url_names_the_role_and_the_database() {
        assert_eq!(
            url_as(
                "postgres://postgres@127.0.0.1:5432/postgres",
                "toroku_app",
                "t_1"
            ),
            "postgres://toroku_app@127.0.0.1:5432/t_1"
        );
        assert_eq!(
            url_as(
                "postgresql://u:secret@db.example:5433/x?sslmode=disable",
                "r",
                "d"
            ),
            "postgresql://r@db.example:5433/d?sslmode=disable"
        );
        assert_eq!(
            url_as("postgres://localhost/x", "r", "d"),
            "postgres://r@localhost/d"
        );
    }
}
