//! A registered applicant's working copy of the registered record: edited with the same step
//! pages as the application, then previewed and filed as a change notification (変更の届出).
//! One copy per application; filing it removes it.

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
                    .table(ChangeCopy::Table)
                    .col(string(ChangeCopy::ApplicationId).primary_key())
                    .col(text(ChangeCopy::Document))
                    .col(integer(ChangeCopy::BaseRevision))
                    .col(integer(ChangeCopy::Revision))
                    .col(big_integer(ChangeCopy::UpdatedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ChangeCopy::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum ChangeCopy {
    Table,
    ApplicationId,
    Document,
    BaseRevision,
    Revision,
    UpdatedAt,
}
