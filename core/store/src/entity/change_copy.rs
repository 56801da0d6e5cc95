//! The `change_copy` table: a registered applicant's working copy of the registered record,
//! edited with the step pages before it is filed as a change notification.

use sea_orm::entity::prelude::*;

/// One row of `change_copy`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "change_copy")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub application_id: String,
    pub document: String,
    /// The application's revision when the copy was made from the registered record.
    pub base_revision: i32,
    /// Increases with every save of the copy.
    pub revision: i32,
    pub updated_at: i64,
}

/// No relations are navigated through sea-orm; joins are explicit queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
