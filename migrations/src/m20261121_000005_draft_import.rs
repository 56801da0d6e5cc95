//! Establishments read from an uploaded workbook wait here until the applicant confirms that
//! they replace the draft's (the dry run shows them first; nothing is replaced before).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[sea_orm_migration::async_trait::async_trait]
#[expect(
    elided_lifetimes_in_paths,
    reason = "the trait in sea-orm-migration is declared without the lifetime"
)]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(DraftImport::Table)
                    .col(string(DraftImport::ApplicationId).primary_key())
                    .col(text(DraftImport::Establishments))
                    .col(big_integer(DraftImport::CreatedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(DraftImport::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum DraftImport {
    Table,
    ApplicationId,
    Establishments,
    CreatedAt,
}
