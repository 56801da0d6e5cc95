//! One row of a query, with `LIMIT 1` written into the SQL text.
//!
//! sea-orm's `one()` binds its limit as a parameter (`LIMIT ?`). SQLite plans with the value of
//! a bound LIMIT, so it marks such a statement to be compiled again every time that parameter
//! is bound: every lookup by key was parsed and planned anew instead of taken from the
//! statement cache (issue 6: a tenth of the server's CPU in the submission bench). A literal
//! `LIMIT 1` keeps the prepared statement.

use sea_orm::{ConnectionTrait, DbErr, EntityTrait, QueryTrait, Select};

/// The first row `select` finds (it must not set a limit of its own).
pub(crate) async fn first<E, C>(select: Select<E>, db: &C) -> Result<Option<E::Model>, DbErr>
where
    E: EntityTrait,
    C: ConnectionTrait,
{
    let mut statement = select.build(db.get_database_backend());
    statement.sql.push_str(" LIMIT 1");
    E::find().from_raw_sql(statement).one(db).await
}
