//! The `change_notification` table: a change notification (変更の届出) of a registered applicant.

use sea_orm::entity::prelude::*;

/// One row of `change_notification`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "change_notification")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub application_id: String,
    pub round: i32,
    pub document: String,
    pub changes: String,
    pub status: String,
    pub filed_at: i64,
    pub decided_at: Option<i64>,
}

/// No relations are navigated through sea-orm; joins are explicit queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
