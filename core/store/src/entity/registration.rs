//! The `registration` table: the registry (管理台帳) entry of an application.

use sea_orm::entity::prelude::*;

/// One row of `registration`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "registration")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub application_id: String,
    pub registration_number: String,
    pub registered_on: String,
    pub valid_until: String,
    pub registered_at: i64,
    pub registered_by: String,
    pub document: String,
    pub version: i32,
    pub updated_at: i64,
}

/// No relations are navigated through sea-orm; joins are explicit queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
