//! The `business_type_owner` table: which tenant owns a business type (approved by the central administration).

use sea_orm::entity::prelude::*;

/// One row of `business_type_owner`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "business_type_owner")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub business_type: String,
    pub tenant_id: String,
    pub assigned_at: i64,
}

/// No relations are navigated through sea-orm; joins are explicit queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
