//! The `public_register_entry` table: one published row (公表): an establishment × business type of a registration.

use sea_orm::entity::prelude::*;

/// One row of `public_register_entry`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "public_register_entry")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub registration_number: String,
    pub application_id: String,
    pub applicant_name: String,
    pub business_type: String,
    pub establishment_name: String,
    pub prefecture: String,
    pub address: String,
    pub registered_on: String,
    pub search_key: String,
}

/// No relations are navigated through sea-orm; joins are explicit queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
