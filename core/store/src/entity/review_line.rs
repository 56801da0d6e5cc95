//! The `review_line` table: one business line of one review round, routed to its owning tenant.

use sea_orm::entity::prelude::*;

/// One row of `review_line`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "review_line")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub application_id: String,
    pub round: i32,
    pub path: String,
    pub business_type: String,
    pub tenant_id: String,
    pub status: String,
    pub reason: Option<String>,
    pub decided_by: Option<String>,
    pub decided_at: Option<i64>,
}

/// No relations are navigated through sea-orm; joins are explicit queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
