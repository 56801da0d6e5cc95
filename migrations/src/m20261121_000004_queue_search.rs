//! Substring search of applicant names in the review queue without scanning the queue:
//! a trigram index on each engine.
//!
//! - PostgreSQL: `pg_trgm` and a GIN index on `review_task.applicant_name` (used by `LIKE
//!   '%…%'` for patterns of three characters or more). Creating the extension needs the
//!   `CREATE` privilege on the database (pg_trgm is a trusted extension); without it the
//!   migration leaves the index out and search stays a scan — correct, only slower.
//! - SQLite: an FTS5 table with the `trigram` tokenizer over the same column (external content:
//!   it stores only the index), kept in step by triggers; queries of three characters or more
//!   use it with a quoted phrase (`MATCH '"…"'`, a substring match).

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DatabaseBackend};

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

const SQLITE_UP: &[&str] = &[
    "CREATE VIRTUAL TABLE review_task_search USING fts5(applicant_name, content='review_task', content_rowid='rowid', tokenize='trigram')",
    "INSERT INTO review_task_search(rowid, applicant_name) SELECT rowid, applicant_name FROM review_task",
    "CREATE TRIGGER review_task_search_insert AFTER INSERT ON review_task BEGIN \
       INSERT INTO review_task_search(rowid, applicant_name) VALUES (new.rowid, new.applicant_name); END",
    "CREATE TRIGGER review_task_search_delete AFTER DELETE ON review_task BEGIN \
       INSERT INTO review_task_search(review_task_search, rowid, applicant_name) VALUES ('delete', old.rowid, old.applicant_name); END",
    "CREATE TRIGGER review_task_search_update AFTER UPDATE OF applicant_name ON review_task BEGIN \
       INSERT INTO review_task_search(review_task_search, rowid, applicant_name) VALUES ('delete', old.rowid, old.applicant_name); \
       INSERT INTO review_task_search(rowid, applicant_name) VALUES (new.rowid, new.applicant_name); END",
];

const SQLITE_DOWN: &[&str] = &[
    "DROP TRIGGER IF EXISTS review_task_search_update",
    "DROP TRIGGER IF EXISTS review_task_search_delete",
    "DROP TRIGGER IF EXISTS review_task_search_insert",
    "DROP TABLE IF EXISTS review_task_search",
];

const POSTGRES_UP: &[&str] = &[
    "DO $$ BEGIN CREATE EXTENSION IF NOT EXISTS pg_trgm; \
     EXCEPTION WHEN insufficient_privilege THEN RAISE NOTICE 'pg_trgm unavailable: queue search will scan'; END $$",
    "DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN \
     CREATE INDEX IF NOT EXISTS review_task_name_trgm ON review_task USING gin (applicant_name gin_trgm_ops); \
     END IF; END $$",
];

const POSTGRES_DOWN: &[&str] = &["DROP INDEX IF EXISTS review_task_name_trgm"];

#[sea_orm_migration::async_trait::async_trait]
#[expect(
    elided_lifetimes_in_paths,
    reason = "the trait in sea-orm-migration is declared without the lifetime"
)]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        run(manager, SQLITE_UP, POSTGRES_UP).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        run(manager, SQLITE_DOWN, POSTGRES_DOWN).await
    }
}

async fn run(manager: &SchemaManager<'_>, sqlite: &[&str], postgres: &[&str]) -> Result<(), DbErr> {
    let db = manager.get_connection();
    let statements = match db.get_database_backend() {
        DatabaseBackend::Sqlite => sqlite,
        DatabaseBackend::Postgres => postgres,
        other => {
            return Err(DbErr::Migration(format!("unsupported backend {other:?}")));
        }
    };
    for statement in statements {
        db.execute_unprepared(statement).await?;
    }
    Ok(())
}
