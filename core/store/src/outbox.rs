//! The transactional mail outbox: rows are written in the same transaction as the change that
//! causes them; workers (possibly on several instances) claim due rows with a lease, deliver,
//! and mark them sent or reschedule them.

use sea_orm::{DatabaseBackend, EntityTrait, FromQueryResult, Statement};

use crate::entity::outbox_message;
use crate::{Backend, OutboxRow, Store, StoreError, Tx};

/// A mail to queue, already rendered in the recipient's language.
#[derive(Debug, Clone)]
pub struct NewMail {
    /// The address to deliver to.
    pub recipient: String,
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub body: String,
}

impl Store {
    /// Claims up to `limit` due, unsent rows for `lease_ms`; another worker skips them meanwhile.
    pub async fn claim_outbox(
        &self,
        now: i64,
        lease_ms: i64,
        limit: u32,
    ) -> Result<Vec<OutboxRow>, StoreError> {
        let (sql, backend) = match self.backend() {
            // On SQLite the IMMEDIATE transaction already serialises claimers.
            Backend::Sqlite => (
                "UPDATE outbox_message SET claimed_until = $1 \
                 WHERE id IN (SELECT id FROM outbox_message \
                   WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $2 \
                   AND (claimed_until IS NULL OR claimed_until <= $3) ORDER BY id LIMIT $4) \
                 RETURNING *",
                DatabaseBackend::Sqlite,
            ),
            Backend::Postgres => (
                "UPDATE outbox_message SET claimed_until = $1 \
                 WHERE id IN (SELECT id FROM outbox_message \
                   WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $2 \
                   AND (claimed_until IS NULL OR claimed_until <= $3) ORDER BY id LIMIT $4 \
                   FOR UPDATE SKIP LOCKED) \
                 RETURNING *",
                DatabaseBackend::Postgres,
            ),
        };
        let tx = self.write().await?;
        let statement = Statement::from_sql_and_values(
            backend,
            sql,
            [
                (now + lease_ms).into(),
                now.into(),
                now.into(),
                i64::from(limit).into(),
            ],
        );
        let mut rows = outbox_message::Model::find_by_statement(statement)
            .all(tx.db().await?)
            .await?;
        tx.commit().await?;
        rows.sort_by_key(|row| row.id);
        Ok(rows)
    }

    /// Marks claimed rows delivered, in one statement, and drops their bodies: a delivered
    /// mail may hold a live link (draft, password, enrolment), whose token is otherwise only
    /// ever stored as a hash. The recipient, subject and times stay as the record of what was
    /// sent. The outbox worker marks a batch at a time: one write transaction on SQLite's one
    /// writer per batch, not per mail (issue 6, P1).
    pub async fn mark_outbox_sent(&self, ids: &[i64], now: i64) -> Result<(), StoreError> {
        use sea_orm::sea_query::Expr;
        use sea_orm::{ColumnTrait, QueryFilter};
        if ids.is_empty() {
            return Ok(());
        }
        let tx = self.write().await?;
        outbox_message::Entity::update_many()
            .col_expr(outbox_message::Column::SentAt, Expr::value(Some(now)))
            .col_expr(
                outbox_message::Column::ClaimedUntil,
                Expr::value(Option::<i64>::None),
            )
            .col_expr(outbox_message::Column::Body, Expr::value(String::new()))
            .filter(outbox_message::Column::Id.is_in(ids.iter().copied()))
            .exec(tx.db().await?)
            .await?;
        tx.commit().await
    }

    /// Records a failed attempt: retry at `next_attempt_at`, or give up when `give_up`.
    pub async fn mark_outbox_attempt_failed(
        &self,
        row: &OutboxRow,
        error: &str,
        next_attempt_at: i64,
        give_up: bool,
        now: i64,
    ) -> Result<(), StoreError> {
        let attempts = row.attempts + 1;
        let error = error.chars().take(500).collect::<String>();
        self.update_outbox(row.id, |active| {
            active.attempts = sea_orm::Set(attempts);
            active.last_error = sea_orm::Set(Some(error.clone()));
            active.claimed_until = sea_orm::Set(None);
            active.next_attempt_at = sea_orm::Set(next_attempt_at);
            if give_up {
                active.failed_at = sea_orm::Set(Some(now));
            }
        })
        .await
    }

    /// Frees every claim on undelivered rows, so that they are delivered at once rather than
    /// when their lease runs out. Only for the start-up of the one server of an SQLite file:
    /// there every claim is a predecessor's that stopped (or was killed) mid-delivery. (On
    /// PostgreSQL other instances may hold live claims; theirs run out after the lease.)
    pub async fn release_outbox_claims(&self) -> Result<u64, StoreError> {
        use sea_orm::{ColumnTrait, QueryFilter};
        let tx = self.write().await?;
        let released = outbox_message::Entity::update_many()
            .col_expr(
                outbox_message::Column::ClaimedUntil,
                sea_orm::sea_query::Expr::value(Option::<i64>::None),
            )
            .filter(outbox_message::Column::SentAt.is_null())
            .filter(outbox_message::Column::ClaimedUntil.is_not_null())
            .exec(tx.db().await?)
            .await?
            .rows_affected;
        tx.commit().await?;
        Ok(released)
    }

    /// Rows not yet delivered nor given up on; for tests and the health page.
    pub async fn pending_outbox_count(&self) -> Result<u64, StoreError> {
        use sea_orm::{ColumnTrait, PaginatorTrait, QueryFilter};
        Ok(outbox_message::Entity::find()
            .filter(outbox_message::Column::SentAt.is_null())
            .filter(outbox_message::Column::FailedAt.is_null())
            .count(self.connection())
            .await?)
    }

    async fn update_outbox(
        &self,
        id: i64,
        change: impl FnOnce(&mut outbox_message::ActiveModel),
    ) -> Result<(), StoreError> {
        use sea_orm::ActiveModelTrait;
        let tx: Tx = self.write().await?;
        let mut row = outbox_message::ActiveModel {
            id: sea_orm::Set(id),
            ..Default::default()
        };
        change(&mut row);
        row.update(tx.db().await?).await?;
        tx.commit().await
    }
}
