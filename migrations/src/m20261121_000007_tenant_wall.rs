//! PostgreSQL row-level security as a second wall around the tenant-owned tables
//! (`review_line`, `review_task`, `inquiry`).
//!
//! The first wall is `Registrar::authorize` and queries that name the caller's tenant. This
//! one holds when a query forgets to: a transaction that a ministry's staff member works in is
//! walled to their tenant (`SELECT set_config('toroku.tenant', <tenant>, true)`, transaction-
//! local, `Tx::wall`), and then PostgreSQL shows and accepts only that tenant's rows. A
//! transaction that is not walled (applicants, the central administration, the system) sees
//! every row, as before.
//!
//! `FORCE` makes the policy bind the tables' owner too, which the application's role usually
//! is. Superusers and roles with `BYPASSRLS` are never bound: the application must not connect
//! as one (README, "PostgreSQL"; the tests connect as a plain role, `toroku_app`). SQLite has
//! no row-level security; there the first wall is the only one.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DatabaseBackend};

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

/// The tables with a `tenant_id` column whose rows belong to one ministry.
const TABLES: &[&str] = &["review_line", "review_task", "inquiry"];

/// Unwalled (`''` or never set) sees everything; walled sees its own tenant's rows.
const CONDITION: &str = "coalesce(current_setting('toroku.tenant', true), '') IN ('', tenant_id)";

#[sea_orm_migration::async_trait::async_trait]
#[expect(
    elided_lifetimes_in_paths,
    reason = "the trait in sea-orm-migration is declared without the lifetime"
)]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        if db.get_database_backend() != DatabaseBackend::Postgres {
            return Ok(());
        }
        for table in TABLES {
            for statement in [
                format!("ALTER TABLE {table} ENABLE ROW LEVEL SECURITY"),
                format!("ALTER TABLE {table} FORCE ROW LEVEL SECURITY"),
                format!(
                    "CREATE POLICY tenant_wall ON {table} USING ({CONDITION}) WITH CHECK ({CONDITION})"
                ),
            ] {
                db.execute_unprepared(&statement).await?;
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        if db.get_database_backend() != DatabaseBackend::Postgres {
            return Ok(());
        }
        for table in TABLES {
            for statement in [
                format!("DROP POLICY IF EXISTS tenant_wall ON {table}"),
                format!("ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY"),
                format!("ALTER TABLE {table} DISABLE ROW LEVEL SECURITY"),
            ] {
                db.execute_unprepared(&statement).await?;
            }
        }
        Ok(())
    }
}
