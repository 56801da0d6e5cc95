//! Database migrations, the same for SQLite and PostgreSQL. Never edit a landed migration:
//! add a new one (expand, migrate, contract — see `migrations/README.md`).

pub use sea_orm_migration::prelude::*;

mod m20261121_000001_foundation;
mod m20261121_000002_plugins;
mod m20261121_000003_review;
mod m20261121_000004_queue_search;
mod m20261121_000005_draft_import;
mod m20261121_000006_change_copy;
mod m20261121_000007_tenant_wall;

/// Every migration of the product, in order.
#[derive(Debug)]
pub struct Migrator;

#[sea_orm_migration::async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261121_000001_foundation::Migration),
            Box::new(m20261121_000002_plugins::Migration),
            Box::new(m20261121_000003_review::Migration),
            Box::new(m20261121_000004_queue_search::Migration),
            Box::new(m20261121_000005_draft_import::Migration),
            Box::new(m20261121_000006_change_copy::Migration),
            Box::new(m20261121_000007_tenant_wall::Migration),
        ]
    }
}
