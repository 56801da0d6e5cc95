//! Opening the database: SQLite with WAL, `synchronous=FULL` and a pool of several connections,
//! or PostgreSQL when the URL says so; running the migrations.

use std::time::Duration;

use migrations::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{
    ConnectOptions, Database, DatabaseConnection, SqliteTransactionMode, TransactionOptions,
    TransactionTrait,
};

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

/// A pool of connections to the product's database.
#[derive(Debug, Clone)]
pub struct Store {
    db: DatabaseConnection,
    backend: Backend,
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
        let mut options = ConnectOptions::new(config.url.clone());
        options
            .max_connections(config.max_connections.max(2))
            .min_connections(1)
            .acquire_timeout(Duration::from_secs(10))
            .sqlx_logging(false)
            .map_sqlx_sqlite_opts(|opts| {
                opts.journal_mode(SqliteJournalMode::Wal)
                    .synchronous(SqliteSynchronous::Full)
                    .foreign_keys(true)
                    .busy_timeout(Duration::from_secs(5))
            });
        let db = Database::connect(options).await?;
        Ok(Store { db, backend })
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

    /// Starts a transaction that will write (SQLite: `BEGIN IMMEDIATE`).
    pub async fn write(&self) -> Result<Tx, StoreError> {
        let options = TransactionOptions {
            sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
            ..TransactionOptions::default()
        };
        let txn = match self.backend {
            Backend::Sqlite => self.db.begin_with_options(options).await?,
            Backend::Postgres => self.db.begin().await?,
        };
        Ok(Tx::new(txn))
    }

    /// Starts a transaction that only reads (a consistent snapshot).
    pub async fn read(&self) -> Result<Tx, StoreError> {
        Ok(Tx::new(self.db.begin().await?))
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

/// Creates an empty PostgreSQL database named `<prefix>_<random>` through `admin_url` and
/// returns its URL; each test gets its own, so tests run in parallel without sharing state.
pub async fn create_scratch_database(admin_url: &str, prefix: &str) -> Result<String, StoreError> {
    use sea_orm::ConnectionTrait;
    let name = format!("{prefix}_{}", uuid::Uuid::new_v4().simple());
    let mut options = ConnectOptions::new(admin_url.to_owned());
    options
        .max_connections(1)
        .acquire_timeout(Duration::from_secs(5))
        .sqlx_logging(false);
    let admin = Database::connect(options).await?;
    admin
        .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
        .await?;
    admin.close().await?;
    let base = admin_url
        .rsplit_once('/')
        .map_or(admin_url, |(base, _)| base);
    Ok(format!("{base}/{name}"))
}
