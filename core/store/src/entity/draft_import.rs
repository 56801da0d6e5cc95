//! The `draft_import` table: establishments read from an uploaded workbook, waiting for the
//! applicant to confirm that they replace the draft's (one pending import per application).

use sea_orm::entity::prelude::*;

/// One row of `draft_import`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "draft_import")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub application_id: String,
    pub establishments: String,
    pub created_at: i64,
}

/// No relations are navigated through sea-orm; joins are explicit queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
