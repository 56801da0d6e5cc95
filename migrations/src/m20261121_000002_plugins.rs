//! Installed plugin versions (the wasm file itself, its hash and its declaration), and which
//! plugin versions judged each application.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[sea_orm_migration::async_trait::async_trait]
#[expect(
    elided_lifetimes_in_paths,
    reason = "the trait in sea-orm-migration is declared without the lifetime"
)]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Plugin::Table)
                    .col(big_pk_auto(Plugin::Id))
                    .col(string(Plugin::MinistryId))
                    .col(string(Plugin::Version))
                    .col(string(Plugin::Sha256))
                    .col(blob(Plugin::Wasm))
                    .col(text(Plugin::Catalogue))
                    .col(boolean(Plugin::Active))
                    .col(big_integer(Plugin::InstalledAt))
                    .col(string(Plugin::InstalledBy))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("plugin_ministry_version")
                    .table(Plugin::Table)
                    .col(Plugin::MinistryId)
                    .col(Plugin::Version)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Application::Table)
                    .add_column(text_null(Application::JudgedBy))
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Application::Table)
                    .drop_column(Application::JudgedBy)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(Plugin::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Plugin {
    Table,
    Id,
    MinistryId,
    Version,
    Sha256,
    Wasm,
    Catalogue,
    Active,
    InstalledAt,
    InstalledBy,
}

#[derive(DeriveIden)]
enum Application {
    Table,
    JudgedBy,
}
