//! The store's one error type.

/// A database operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A unique key is already taken (e.g. an e-mail address that already has an application).
    #[error("a row with the same unique key already exists")]
    Conflict,
    /// The configured database URL is not one the store understands.
    #[error("unsupported database URL (expected sqlite:… or postgres://…)")]
    UnsupportedUrl,
    /// Anything else the database said.
    #[error("database error: {0}")]
    Database(#[from] sea_orm::DbErr),
}

impl StoreError {
    /// Maps unique-constraint violations to [`StoreError::Conflict`].
    pub(crate) fn from_insert(err: sea_orm::DbErr) -> Self {
        match err.sql_err() {
            Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => StoreError::Conflict,
            _ => StoreError::Database(err),
        }
    }
}
