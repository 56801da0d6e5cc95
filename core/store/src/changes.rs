//! Announcements between instances on one PostgreSQL: a change of plugins or of the
//! authorization policy (tenants, ownership, staff) made by one instance is announced with
//! `pg_notify`, and every instance that follows the channel reloads within moments — no
//! restart, no poll to wait for. On SQLite one process serves one file; the periodic refresh
//! covers the command-line tools there.

use sea_orm::sqlx::postgres::PgListener;
use sea_orm::{ConnectionTrait, DatabaseBackend, Statement};

use crate::{Backend, Store, StoreError};

/// The PostgreSQL channel of the announcements.
pub const CHANNEL: &str = "toroku_changes";

/// What another instance should reload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    /// A plugin version was installed or put back in force.
    Plugins,
    /// Tenants, business-type ownership or staff changed.
    Policy,
    /// The connection to the channel was lost and is being re-established: announcements may
    /// have been missed, so reload everything.
    Resync,
}

impl ChangeKind {
    fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Plugins => "plugins",
            ChangeKind::Policy => "policy",
            ChangeKind::Resync => "resync",
        }
    }

    fn parse(text: &str) -> ChangeKind {
        match text {
            "plugins" => ChangeKind::Plugins,
            "policy" => ChangeKind::Policy,
            _ => ChangeKind::Resync,
        }
    }
}

/// Follows the announcements of every instance (this one's too).
#[derive(Debug)]
pub struct ChangeFollower {
    listener: PgListener,
}

impl ChangeFollower {
    /// The next announcement. [`ChangeKind::Resync`] when the connection was lost (it is
    /// re-established on the next call).
    pub async fn next(&mut self) -> Result<ChangeKind, StoreError> {
        match self.listener.try_recv().await {
            Ok(Some(notification)) => Ok(ChangeKind::parse(notification.payload())),
            Ok(None) => Ok(ChangeKind::Resync),
            Err(err) => Err(StoreError::Database(sea_orm::DbErr::Conn(
                sea_orm::RuntimeErr::SqlxError(err.into()),
            ))),
        }
    }
}

impl Store {
    /// Tells every instance on the same database that `kind` changed (after the change has been
    /// committed). A no-op on SQLite.
    pub async fn announce(&self, kind: ChangeKind) -> Result<(), StoreError> {
        if self.backend() != Backend::Postgres {
            return Ok(());
        }
        self.connection()
            .execute_raw(Statement::from_sql_and_values(
                DatabaseBackend::Postgres,
                "SELECT pg_notify($1, $2)",
                [CHANNEL.into(), kind.as_str().into()],
            ))
            .await?;
        Ok(())
    }

    /// Starts following the announcements: `None` on SQLite, where there are none.
    pub async fn follow_changes(&self) -> Result<Option<ChangeFollower>, StoreError> {
        if self.backend() != Backend::Postgres {
            return Ok(None);
        }
        let to_error = |err: sea_orm::sqlx::Error| {
            StoreError::Database(sea_orm::DbErr::Conn(sea_orm::RuntimeErr::SqlxError(
                err.into(),
            )))
        };
        let pool = self.connection().get_postgres_connection_pool();
        let mut listener = PgListener::connect_with(pool).await.map_err(to_error)?;
        listener.listen(CHANNEL).await.map_err(to_error)?;
        Ok(Some(ChangeFollower { listener }))
    }
}
