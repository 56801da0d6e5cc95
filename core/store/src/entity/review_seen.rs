//! The `review_seen` table: when a staff member last looked at an application.

use sea_orm::entity::prelude::*;

/// One row of `review_seen`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "review_seen")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub staff_id: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub application_id: String,
    pub seen_at: i64,
}

/// No relations are navigated through sea-orm; joins are explicit queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
