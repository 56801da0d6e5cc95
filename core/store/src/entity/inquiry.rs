//! The `inquiry` table: an inquiry (疑義照会) anchored to fields.

use sea_orm::entity::prelude::*;

/// One row of `inquiry`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "inquiry")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub application_id: String,
    pub tenant_id: String,
    pub round: i32,
    pub paths: String,
    pub message: String,
    pub opened_by: String,
    pub opened_at: i64,
    pub status: String,
    pub answer: Option<String>,
    pub changes: Option<String>,
    pub answered_at: Option<i64>,
}

/// No relations are navigated through sea-orm; joins are explicit queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
