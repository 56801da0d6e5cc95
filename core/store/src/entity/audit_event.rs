//! The `audit_event` table.

use sea_orm::entity::prelude::*;

/// One row of `audit_event`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_event")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub at: i64,
    pub actor: String,
    pub action: String,
    pub subject_type: String,
    pub subject_id: String,
    pub detail: String,
    /// Place in the subject's hash chain (1, 2, …); `None` for entries written before the chain.
    pub seq: Option<i64>,
    /// Hash of the previous entry of the subject (`None` for the first).
    pub prev_hash: Option<String>,
    /// SHA-256 over the previous hash and this entry's fields (hex).
    pub hash: Option<String>,
}

/// No relations are navigated through sea-orm; joins are explicit queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
