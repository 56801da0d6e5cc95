//! The `review_task` table: one ministry's part of one application's current review round (the queue row).

use sea_orm::entity::prelude::*;

/// One row of `review_task`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "review_task")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub application_id: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: String,
    pub round: i32,
    pub kind: String,
    pub status: String,
    pub applicant_name: String,
    pub submitted_at: i64,
    pub changed_at: i64,
    pub lines_total: i32,
    pub lines_pending: i32,
    pub decided_at: Option<i64>,
}

/// No relations are navigated through sea-orm; joins are explicit queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
