//! The `plugin` table: installed plugin versions.

use sea_orm::entity::prelude::*;

/// One installed plugin version.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "plugin")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub ministry_id: String,
    pub version: String,
    pub sha256: String,
    pub wasm: Vec<u8>,
    pub catalogue: String,
    pub active: bool,
    pub installed_at: i64,
    pub installed_by: String,
}

/// No relations are navigated through sea-orm; joins are explicit queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
