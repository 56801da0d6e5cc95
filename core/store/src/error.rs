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

impl StoreError {
    /// Whether the database was only too busy to take the work in time: no connection free
    /// within the pool's timeout, SQLite's lock held past the busy timeout, or PostgreSQL
    /// giving up on a lock, a deadlock or a serialization conflict. The transaction was rolled
    /// back, so the same work may be tried again.
    pub fn is_busy(&self) -> bool {
        use sea_orm::{ConnAcquireErr, DbErr, RuntimeErr};
        let runtime = match self {
            StoreError::Database(DbErr::ConnectionAcquire(ConnAcquireErr::Timeout)) => {
                return true;
            }
            StoreError::Database(DbErr::Conn(e) | DbErr::Exec(e) | DbErr::Query(e)) => e,
            _ => return false,
        };
        let RuntimeErr::SqlxError(err) = runtime else {
            return false;
        };
        match err.as_ref() {
            sea_orm::SqlxError::PoolTimedOut => true,
            sea_orm::SqlxError::Database(db) => db.code().is_some_and(|code| {
                // SQLite (numeric codes of up to four digits): BUSY and its extended codes
                // (… & 0xff == 5), LOCKED (6).
                // PostgreSQL: serialization_failure, deadlock_detected, lock_not_available,
                // too_many_connections.
                matches!(code.as_ref(), "40001" | "40P01" | "55P03" | "53300")
                    || (code.len() < 5
                        && code.parse::<i64>().is_ok_and(|n| matches!(n & 0xff, 5 | 6)))
            }),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pool_timeout_is_busy_a_conflict_is_not() {
        assert!(
            StoreError::Database(sea_orm::DbErr::ConnectionAcquire(
                sea_orm::ConnAcquireErr::Timeout
            ))
            .is_busy()
        );
        assert!(!StoreError::Conflict.is_busy());
        assert!(!StoreError::Database(sea_orm::DbErr::Custom("x".into())).is_busy());
    }
}
