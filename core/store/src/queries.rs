//! The queries the use cases run, all inside a [`Tx`].

use std::sync::PoisonError;

use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseTransaction, EntityTrait, IntoActiveModel,
    PaginatorTrait, QueryFilter, QueryOrder, QueryTrait, Set,
};

use crate::entity::{
    account, account_token, application, audit_event, draft_token, idempotency_record,
    login_throttle, outbox_message, plugin, session,
};
use crate::{
    AccountRow, AccountTokenRow, ApplicationRow, AuditEventRow, ChangeCopyRow, DraftTokenRow,
    IdempotencyRow, LoginThrottleRow, NewMail, PluginRow, SessionRow, StoreError,
};

/// One transaction. Dropping it without [`Tx::commit`] rolls everything back.
#[derive(Debug)]
pub struct Tx {
    /// Declared before `member`, so that it drops first: a dropped transaction queues its
    /// rollback on the connection before the writer's turn passes to the next writer.
    txn: DatabaseTransaction,
    /// On SQLite's writer: this transaction's place in a group commit (`group.rs`).
    member: Option<crate::group::Member>,
    /// On SQLite: writes whose outcome nobody waits for, held until the next statement whose
    /// answer is awaited or the commit, then sent in one call (see [`Tx::defer`]).
    deferred: std::sync::Mutex<Deferred>,
    /// Calls made on the connection so far, its `BEGIN` not counted (`GroupStats::round_trips`).
    round_trips: std::sync::atomic::AtomicU64,
}

/// Writes held back by [`Tx::defer`]: their SQL, one after the other, and their parameters in
/// the same order.
#[derive(Debug, Default)]
struct Deferred {
    sql: String,
    values: Vec<sea_orm::Value>,
}

/// Deferred parameters past which the writes are sent at once, so that a large write (a
/// franchise's tens of thousands of review lines) is not held in memory twice.
const DEFER_MAX_VALUES: usize = 4_000;

/// An audit entry to append; the id and nothing else is assigned by the database.
#[derive(Debug, Clone)]
pub struct NewAuditEvent<'a> {
    /// When it happened (Unix ms).
    pub at: i64,
    /// Who did it, e.g. `applicant:<application id>` or `system`.
    pub actor: &'a str,
    /// What was done, e.g. `draft.saved`.
    pub action: &'a str,
    /// The kind of thing it was done to, e.g. `application`.
    pub subject_type: &'a str,
    /// Its id.
    pub subject_id: &'a str,
    /// Details as JSON text (never secrets).
    pub detail: String,
}

type Result<T> = std::result::Result<T, StoreError>;

/// The hash of an audit entry: SHA-256 (hex) over the JSON array
/// `[previous hash or null, seq, at, actor, action, subject_type, subject_id, detail]`.
/// Changing, removing or reordering any entry breaks every later hash of the subject.
pub fn audit_hash(prev_hash: Option<&str>, seq: i64, event: &NewAuditEvent<'_>) -> String {
    use sha2::{Digest, Sha256};
    let canonical = serde_json::json!([
        prev_hash,
        seq,
        event.at,
        event.actor,
        event.action,
        event.subject_type,
        event.subject_id,
        event.detail,
    ]);
    hex::encode(Sha256::digest(canonical.to_string().as_bytes()))
}

/// Checks a subject's trail (oldest first): every entry's `prev_hash` is the hash of the one
/// before and its `hash` matches its content. `Err(seq)` names the first entry that does not.
pub fn verify_audit_chain(trail: &[AuditEventRow]) -> std::result::Result<(), i64> {
    let mut previous: Option<&str> = None;
    for (expected_seq, row) in (1..).zip(trail.iter().filter(|row| row.seq.is_some())) {
        let seq = row.seq.unwrap_or_default();
        let event = NewAuditEvent {
            at: row.at,
            actor: &row.actor,
            action: &row.action,
            subject_type: &row.subject_type,
            subject_id: &row.subject_id,
            detail: row.detail.clone(),
        };
        let hash = audit_hash(previous, seq, &event);
        if seq != expected_seq
            || row.prev_hash.as_deref() != previous
            || row.hash.as_deref() != Some(hash.as_str())
        {
            return Err(seq);
        }
        previous = row.hash.as_deref();
    }
    Ok(())
}

impl Tx {
    pub(crate) fn new(txn: DatabaseTransaction) -> Self {
        Tx {
            txn,
            member: None,
            deferred: std::sync::Mutex::default(),
            round_trips: std::sync::atomic::AtomicU64::new(0),
        }
    }

    pub(crate) fn grouped(txn: DatabaseTransaction, member: crate::group::Member) -> Self {
        Tx {
            txn,
            member: Some(member),
            deferred: std::sync::Mutex::default(),
            round_trips: std::sync::atomic::AtomicU64::new(0),
        }
    }

    /// The transaction, for a statement whose answer is awaited: the deferred writes are sent
    /// first, so every read sees them and every outcome comes in order.
    pub(crate) async fn db(&self) -> Result<&DatabaseTransaction> {
        self.flush().await?;
        self.count_round_trip();
        Ok(&self.txn)
    }

    pub(crate) fn backend(&self) -> sea_orm::DatabaseBackend {
        use sea_orm::ConnectionTrait;
        self.txn.get_database_backend()
    }

    /// Runs a write whose only outcome is success or failure (no rows to return, no count to
    /// check). On SQLite it is held and sent together with the next ones, in one call on the
    /// connection's thread before the next statement whose answer is awaited or before the
    /// commit: every statement is a hand-off to sqlx's worker thread and back, and on the one
    /// writer connection those hand-offs, not the statements, set how many submissions a
    /// second it takes (issue 6). A failure then surfaces at that later call, and the
    /// transaction ends there as it would have here. On PostgreSQL it runs at once.
    pub(crate) async fn defer(&self, statement: sea_orm::Statement) -> Result<()> {
        use sea_orm::ConnectionTrait;
        if self.backend() != sea_orm::DatabaseBackend::Sqlite {
            self.count_round_trip();
            self.txn
                .execute_raw(statement)
                .await
                .map_err(StoreError::from_insert)?;
            return Ok(());
        }
        let full = {
            let mut deferred = self.deferred.lock().unwrap_or_else(PoisonError::into_inner);
            deferred.sql.push_str(&statement.sql);
            deferred.sql.push_str(";\n");
            if let Some(values) = statement.values {
                deferred.values.extend(values.0);
            }
            deferred.values.len() >= DEFER_MAX_VALUES
        };
        if full {
            self.flush().await?;
        }
        Ok(())
    }

    fn count_round_trip(&self) {
        self.round_trips
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }

    /// Sends the deferred writes, if any, as one multi-statement call (sqlx binds each
    /// statement's parameters from the list in order).
    async fn flush(&self) -> Result<()> {
        use sea_orm::ConnectionTrait;
        let Deferred { sql, values } =
            std::mem::take(&mut *self.deferred.lock().unwrap_or_else(PoisonError::into_inner));
        if sql.is_empty() {
            return Ok(());
        }
        self.count_round_trip();
        self.txn
            .execute_raw(sea_orm::Statement::from_sql_and_values(
                sea_orm::DatabaseBackend::Sqlite,
                sql,
                values,
            ))
            .await
            .map_err(StoreError::from_insert)?;
        Ok(())
    }

    /// Walls the rest of this transaction to one tenant: on PostgreSQL, row-level security
    /// (migration 7) then shows and accepts only that tenant's rows of `review_line`,
    /// `review_task` and `inquiry`, whatever a query asks. A second wall behind the
    /// authorization gate and the queries' own tenant conditions; SQLite has none.
    pub async fn wall(&self, tenant_id: &str) -> Result<()> {
        self.set_wall(tenant_id).await
    }

    /// Lifts the wall for the rest of this transaction, for the one thing a ministry's action
    /// must see across tenants: whether every ministry has decided (`refresh_tasks`).
    pub async fn lift_wall(&self) -> Result<()> {
        self.set_wall("").await
    }

    async fn set_wall(&self, tenant_id: &str) -> Result<()> {
        use sea_orm::ConnectionTrait;
        if self.txn.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
            self.txn
                .execute_raw(sea_orm::Statement::from_sql_and_values(
                    sea_orm::DatabaseBackend::Postgres,
                    "SELECT set_config('toroku.tenant', $1, true)",
                    [tenant_id.into()],
                ))
                .await?;
        }
        Ok(())
    }

    /// Makes every change of this transaction durable; returns once they are (on SQLite's
    /// writer possibly with other writers' changes, in one `COMMIT`: `group.rs`).
    pub async fn commit(self) -> Result<()> {
        self.flush().await?;
        // Its BEGIN (or SAVEPOINT) and COMMIT (or RELEASE) too.
        let round_trips = self.round_trips.load(std::sync::atomic::Ordering::Relaxed) + 2;
        match self.member {
            Some(member) => member.commit(self.txn, round_trips).await?,
            None => self.txn.commit().await?,
        }
        Ok(())
    }

    // ---- applications ----

    /// The application with this id.
    pub async fn application(&self, id: &str) -> Result<Option<ApplicationRow>> {
        Ok(crate::first::first(
            application::Entity::find_by_id(id.to_owned()),
            self.db().await?,
        )
        .await?)
    }

    /// The application of this login e-mail (normalised key).
    pub async fn application_by_email_key(&self, key: &str) -> Result<Option<ApplicationRow>> {
        Ok(crate::first::first(
            application::Entity::find().filter(application::Column::EmailKey.eq(key)),
            self.db().await?,
        )
        .await?)
    }

    /// Stores a new application; [`StoreError::Conflict`] if the e-mail already has one.
    pub async fn insert_application(&self, row: ApplicationRow) -> Result<()> {
        application::Entity::insert(row.into_active_model().reset_all())
            .exec_without_returning(self.db().await?)
            .await
            .map_err(StoreError::from_insert)?;
        Ok(())
    }

    /// Keeps establishments read from a workbook until the applicant confirms them (replaces
    /// an earlier pending import of the same application).
    pub async fn put_draft_import(
        &self,
        application_id: &str,
        establishments: String,
        now: i64,
    ) -> Result<()> {
        use crate::entity::draft_import;
        draft_import::Entity::delete_by_id(application_id.to_owned())
            .exec(self.db().await?)
            .await?;
        draft_import::Entity::insert(draft_import::ActiveModel {
            application_id: sea_orm::Set(application_id.to_owned()),
            establishments: sea_orm::Set(establishments),
            created_at: sea_orm::Set(now),
        })
        .exec_without_returning(self.db().await?)
        .await?;
        Ok(())
    }

    /// Removes and returns the pending import of an application.
    pub async fn take_draft_import(&self, application_id: &str) -> Result<Option<String>> {
        use crate::entity::draft_import;
        let row = crate::first::first(
            draft_import::Entity::find_by_id(application_id.to_owned()),
            self.db().await?,
        )
        .await?;
        if row.is_some() {
            draft_import::Entity::delete_by_id(application_id.to_owned())
                .exec(self.db().await?)
                .await?;
        }
        Ok(row.map(|r| r.establishments))
    }

    /// The working copy of an application's registered record, if one was made.
    pub async fn change_copy(&self, application_id: &str) -> Result<Option<ChangeCopyRow>> {
        Ok(crate::first::first(
            crate::entity::change_copy::Entity::find_by_id(application_id.to_owned()),
            self.db().await?,
        )
        .await?)
    }

    /// Writes the working copy of an application's registered record (replacing any earlier).
    pub async fn put_change_copy(&self, row: ChangeCopyRow) -> Result<()> {
        use crate::entity::change_copy;
        change_copy::Entity::delete_by_id(row.application_id.clone())
            .exec(self.db().await?)
            .await?;
        change_copy::Entity::insert(row.into_active_model().reset_all())
            .exec_without_returning(self.db().await?)
            .await?;
        Ok(())
    }

    /// Removes the working copy of an application's registered record; true when there was one.
    pub async fn delete_change_copy(&self, application_id: &str) -> Result<bool> {
        let done = crate::entity::change_copy::Entity::delete_by_id(application_id.to_owned())
            .exec(self.db().await?)
            .await?;
        Ok(done.rows_affected > 0)
    }

    /// Replaces the document of an application and bumps its revision.
    pub async fn update_application_document(
        &self,
        id: &str,
        document: String,
        now: i64,
    ) -> Result<()> {
        application::Entity::update_many()
            .col_expr(application::Column::Document, Expr::value(document))
            .col_expr(application::Column::UpdatedAt, Expr::value(now))
            .col_expr(
                application::Column::Revision,
                Expr::col(application::Column::Revision).add(1),
            )
            .filter(application::Column::Id.eq(id))
            .exec(self.db().await?)
            .await?;
        Ok(())
    }

    /// Moves an application from one status to another; false if it was not in `from`.
    pub async fn set_application_status(
        &self,
        id: &str,
        from: &str,
        to: &str,
        now: i64,
    ) -> Result<bool> {
        let mut update = application::Entity::update_many()
            .col_expr(application::Column::Status, Expr::value(to))
            .col_expr(application::Column::UpdatedAt, Expr::value(now));
        if to == "submitted" {
            update = update.col_expr(application::Column::SubmittedAt, Expr::value(now));
        }
        let result = update
            .filter(application::Column::Id.eq(id))
            .filter(application::Column::Status.eq(from))
            .exec(self.db().await?)
            .await?;
        Ok(result.rows_affected == 1)
    }

    /// Submits a draft in one statement: status `submitted`, the submission time, the plugin
    /// versions that judged it and, when normalising changed it, the document (a new
    /// revision). `false` when the application is no longer a draft, or no longer at
    /// `revision` (saved again since it was read and judged).
    pub async fn submit_application(
        &self,
        id: &str,
        revision: i32,
        judged_by: String,
        document: Option<String>,
        now: i64,
    ) -> Result<bool> {
        let mut update = application::Entity::update_many()
            .col_expr(application::Column::Status, Expr::value("submitted"))
            .col_expr(application::Column::UpdatedAt, Expr::value(now))
            .col_expr(application::Column::SubmittedAt, Expr::value(now))
            .col_expr(application::Column::JudgedBy, Expr::value(judged_by));
        if let Some(document) = document {
            update = update
                .col_expr(application::Column::Document, Expr::value(document))
                .col_expr(
                    application::Column::Revision,
                    Expr::col(application::Column::Revision).add(1),
                );
        }
        let result = update
            .filter(application::Column::Id.eq(id))
            .filter(application::Column::Status.eq("draft"))
            .filter(application::Column::Revision.eq(revision))
            .exec(self.db().await?)
            .await?;
        Ok(result.rows_affected == 1)
    }

    /// Records the language later mail about this application is written in.
    pub async fn set_application_locale(&self, id: &str, locale: &str) -> Result<()> {
        application::Entity::update_many()
            .col_expr(application::Column::Locale, Expr::value(locale))
            .filter(application::Column::Id.eq(id))
            .exec(self.db().await?)
            .await?;
        Ok(())
    }

    // ---- draft links ----

    /// Stores the hash of a new draft link.
    pub async fn insert_draft_token(&self, row: DraftTokenRow) -> Result<()> {
        draft_token::Entity::insert(row.into_active_model().reset_all())
            .exec_without_returning(self.db().await?)
            .await
            .map_err(StoreError::from_insert)?;
        Ok(())
    }

    /// The draft link with this hash, whatever its state.
    pub async fn draft_token(&self, token_hash: &str) -> Result<Option<DraftTokenRow>> {
        Ok(crate::first::first(
            draft_token::Entity::find_by_id(token_hash.to_owned()),
            self.db().await?,
        )
        .await?)
    }

    /// Ends every draft link of an application (at submission).
    pub async fn revoke_draft_tokens(&self, application_id: &str, now: i64) -> Result<()> {
        self.defer(
            draft_token::Entity::update_many()
                .col_expr(draft_token::Column::RevokedAt, Expr::value(now))
                .filter(draft_token::Column::ApplicationId.eq(application_id))
                .filter(draft_token::Column::RevokedAt.is_null())
                .build(self.backend()),
        )
        .await
    }

    // ---- accounts ----

    /// The account of this login id (normalised e-mail key).
    pub async fn account_by_email_key(&self, key: &str) -> Result<Option<AccountRow>> {
        Ok(crate::first::first(
            account::Entity::find().filter(account::Column::EmailKey.eq(key)),
            self.db().await?,
        )
        .await?)
    }

    /// The account with this id.
    pub async fn account(&self, id: &str) -> Result<Option<AccountRow>> {
        Ok(
            crate::first::first(account::Entity::find_by_id(id.to_owned()), self.db().await?)
                .await?,
        )
    }

    /// Stores a new account; [`StoreError::Conflict`] if the login id is taken.
    pub async fn insert_account(&self, row: AccountRow) -> Result<()> {
        self.defer(
            account::Entity::insert(row.into_active_model().reset_all()).build(self.backend()),
        )
        .await
    }

    /// Sets a new password hash.
    pub async fn set_password_hash(&self, account_id: &str, hash: String, now: i64) -> Result<()> {
        let mut row = account::ActiveModel {
            id: Set(account_id.to_owned()),
            ..Default::default()
        };
        row.password_hash = Set(Some(hash));
        row.password_changed_at = Set(Some(now));
        row.update(self.db().await?).await?;
        Ok(())
    }

    /// Stores the hash of a new account link (set or reset a password).
    pub async fn insert_account_token(&self, row: AccountTokenRow) -> Result<()> {
        self.defer(
            account_token::Entity::insert(row.into_active_model().reset_all())
                .build(self.backend()),
        )
        .await
    }

    /// Uses up an account link if it is unused and unexpired; its row if that worked.
    pub async fn consume_account_token(
        &self,
        token_hash: &str,
        now: i64,
    ) -> Result<Option<AccountTokenRow>> {
        let result = account_token::Entity::update_many()
            .col_expr(account_token::Column::UsedAt, Expr::value(now))
            .filter(account_token::Column::TokenHash.eq(token_hash))
            .filter(account_token::Column::UsedAt.is_null())
            .filter(account_token::Column::ExpiresAt.gt(now))
            .exec(self.db().await?)
            .await?;
        if result.rows_affected != 1 {
            return Ok(None);
        }
        Ok(crate::first::first(
            account_token::Entity::find_by_id(token_hash.to_owned()),
            self.db().await?,
        )
        .await?)
    }

    /// Ends every unused link of an account for one purpose (a newer one replaces them).
    pub async fn expire_account_tokens(
        &self,
        account_id: &str,
        purpose: &str,
        now: i64,
    ) -> Result<()> {
        account_token::Entity::update_many()
            .col_expr(account_token::Column::UsedAt, Expr::value(now))
            .filter(account_token::Column::AccountId.eq(account_id))
            .filter(account_token::Column::Purpose.eq(purpose))
            .filter(account_token::Column::UsedAt.is_null())
            .exec(self.db().await?)
            .await?;
        Ok(())
    }

    // ---- sessions ----

    /// Stores a new session (by the hash of its id).
    pub async fn insert_session(&self, row: SessionRow) -> Result<()> {
        session::Entity::insert(row.into_active_model().reset_all())
            .exec_without_returning(self.db().await?)
            .await
            .map_err(StoreError::from_insert)?;
        Ok(())
    }

    /// The session with this id hash.
    pub async fn session(&self, id_hash: &str) -> Result<Option<SessionRow>> {
        Ok(crate::first::first(
            session::Entity::find_by_id(id_hash.to_owned()),
            self.db().await?,
        )
        .await?)
    }

    /// Records activity on a session (for the idle timeout).
    pub async fn touch_session(&self, id_hash: &str, now: i64) -> Result<()> {
        session::Entity::update_many()
            .col_expr(session::Column::LastSeenAt, Expr::value(now))
            .filter(session::Column::IdHash.eq(id_hash))
            .exec(self.db().await?)
            .await?;
        Ok(())
    }

    /// Ends one session.
    pub async fn delete_session(&self, id_hash: &str) -> Result<()> {
        session::Entity::delete_by_id(id_hash.to_owned())
            .exec(self.db().await?)
            .await?;
        Ok(())
    }

    /// Ends every session of an account except `keep` (e.g. after a password change).
    pub async fn delete_sessions_of(&self, account_id: &str, keep: Option<&str>) -> Result<()> {
        let mut delete =
            session::Entity::delete_many().filter(session::Column::AccountId.eq(account_id));
        if let Some(keep) = keep {
            delete = delete.filter(session::Column::IdHash.ne(keep));
        }
        delete.exec(self.db().await?).await?;
        Ok(())
    }

    // ---- login throttling ----

    /// Failed-login state of a login id (known or not).
    pub async fn login_throttle(&self, login_key: &str) -> Result<Option<LoginThrottleRow>> {
        Ok(crate::first::first(
            login_throttle::Entity::find_by_id(login_key.to_owned()),
            self.db().await?,
        )
        .await?)
    }

    /// Writes the failed-login state of a login id.
    pub async fn save_login_throttle(&self, row: LoginThrottleRow) -> Result<()> {
        login_throttle::Entity::insert(row.into_active_model().reset_all())
            .on_conflict(
                OnConflict::column(login_throttle::Column::LoginKey)
                    .update_columns([
                        login_throttle::Column::Failures,
                        login_throttle::Column::FirstFailureAt,
                        login_throttle::Column::BlockedUntil,
                    ])
                    .to_owned(),
            )
            .exec_without_returning(self.db().await?)
            .await?;
        Ok(())
    }

    /// Forgets failed logins of a login id (after a successful one).
    pub async fn clear_login_throttle(&self, login_key: &str) -> Result<()> {
        login_throttle::Entity::delete_by_id(login_key.to_owned())
            .exec(self.db().await?)
            .await?;
        Ok(())
    }

    // ---- idempotency ----

    /// The stored answer to an earlier request with this key in this scope.
    pub async fn idempotency_record(
        &self,
        scope: &str,
        key: &str,
    ) -> Result<Option<IdempotencyRow>> {
        Ok(crate::first::first(
            idempotency_record::Entity::find_by_id((scope.to_owned(), key.to_owned())),
            self.db().await?,
        )
        .await?)
    }

    /// Stores the answer to a request with an idempotency key.
    pub async fn insert_idempotency_record(&self, row: IdempotencyRow) -> Result<()> {
        self.defer(
            idempotency_record::Entity::insert(row.into_active_model().reset_all())
                .build(self.backend()),
        )
        .await
    }

    // ---- outbox and audit ----

    /// Queues a mail; it is sent only if this transaction commits.
    pub async fn enqueue_mail(&self, mail: NewMail, now: i64) -> Result<()> {
        let row = outbox_message::ActiveModel {
            recipient: Set(mail.recipient),
            subject: Set(mail.subject),
            body: Set(mail.body),
            created_at: Set(now),
            attempts: Set(0),
            next_attempt_at: Set(now),
            claimed_until: Set(None),
            sent_at: Set(None),
            failed_at: Set(None),
            last_error: Set(None),
            ..Default::default()
        };
        self.defer(outbox_message::Entity::insert(row).build(self.backend()))
            .await
    }

    /// Serialises the transactions that name the same `key` until they end: on PostgreSQL an
    /// advisory lock on its hash for the rest of this transaction; on SQLite nothing is needed
    /// (a write transaction already holds the database's one write lock).
    pub async fn lock_key(&self, key: &str) -> Result<()> {
        use sea_orm::ConnectionTrait;
        if self.txn.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
            self.txn
                .execute_raw(sea_orm::Statement::from_sql_and_values(
                    sea_orm::DatabaseBackend::Postgres,
                    "SELECT pg_advisory_xact_lock(hashtext($1))",
                    [key.into()],
                ))
                .await?;
        }
        Ok(())
    }

    /// Appends an audit entry to its subject's hash chain: the entry gets the next `seq` of
    /// the subject and `hash = SHA-256(previous hash, seq, fields)` (see [`audit_hash`]).
    /// Appends to one subject are serialised (SQLite: the write lock; PostgreSQL: an advisory
    /// lock on the subject for the rest of the transaction), and a unique index on
    /// `(subject_type, subject_id, seq)` makes a forked chain impossible.
    pub async fn append_audit(&self, event: NewAuditEvent<'_>) -> Result<()> {
        self.lock_key(&format!("{}:{}", event.subject_type, event.subject_id))
            .await?;
        let last = crate::first::first(
            audit_event::Entity::find()
                .filter(audit_event::Column::SubjectType.eq(event.subject_type))
                .filter(audit_event::Column::SubjectId.eq(event.subject_id))
                .filter(audit_event::Column::Seq.is_not_null())
                .order_by_desc(audit_event::Column::Seq),
            self.db().await?,
        )
        .await?;
        let (seq, prev_hash) = match last {
            Some(row) => (row.seq.unwrap_or(0) + 1, row.hash),
            None => (1, None),
        };
        let hash = audit_hash(prev_hash.as_deref(), seq, &event);
        let row = audit_event::ActiveModel {
            at: Set(event.at),
            actor: Set(event.actor.to_owned()),
            action: Set(event.action.to_owned()),
            subject_type: Set(event.subject_type.to_owned()),
            subject_id: Set(event.subject_id.to_owned()),
            detail: Set(event.detail),
            seq: Set(Some(seq)),
            prev_hash: Set(prev_hash),
            hash: Set(Some(hash)),
            ..Default::default()
        };
        self.defer(audit_event::Entity::insert(row).build(self.backend()))
            .await
    }

    /// The audit trail of one subject, oldest first.
    pub async fn audit_trail(
        &self,
        subject_type: &str,
        subject_id: &str,
    ) -> Result<Vec<AuditEventRow>> {
        Ok(audit_event::Entity::find()
            .filter(audit_event::Column::SubjectType.eq(subject_type))
            .filter(audit_event::Column::SubjectId.eq(subject_id))
            .order_by_asc(audit_event::Column::Id)
            .all(self.db().await?)
            .await?)
    }

    /// How many applications are in each status (the dashboard).
    pub async fn application_status_counts(&self) -> Result<Vec<(String, i64)>> {
        use sea_orm::QuerySelect;
        Ok(application::Entity::find()
            .select_only()
            .column(application::Column::Status)
            .column_as(application::Column::Id.count(), "n")
            .group_by(application::Column::Status)
            .order_by_asc(application::Column::Status)
            .into_tuple::<(String, i64)>()
            .all(self.db().await?)
            .await?)
    }

    /// When each submitted application was submitted (Unix ms; the dashboard's months).
    pub async fn submission_times(&self) -> Result<Vec<i64>> {
        use sea_orm::QuerySelect;
        Ok(application::Entity::find()
            .select_only()
            .column(application::Column::SubmittedAt)
            .filter(application::Column::SubmittedAt.is_not_null())
            .into_tuple::<Option<i64>>()
            .all(self.db().await?)
            .await?
            .into_iter()
            .flatten()
            .collect())
    }

    /// The registered records' documents (the accepted part of each registration).
    pub async fn registered_documents(&self) -> Result<Vec<String>> {
        use crate::entity::registration;
        use sea_orm::QuerySelect;
        Ok(registration::Entity::find()
            .select_only()
            .column(registration::Column::Document)
            .into_tuple::<String>()
            .all(self.db().await?)
            .await?)
    }

    /// How many rows a table has; for tests and the health page.
    pub async fn count_applications(&self) -> Result<u64> {
        Ok(application::Entity::find().count(self.db().await?).await?)
    }

    // ---- plugins ----

    /// Stores a plugin version as the active one of its ministry (the previous active version
    /// stays stored, inactive); [`StoreError::Conflict`] if this version is already installed.
    pub async fn install_plugin(&self, row: PluginRow) -> Result<i64> {
        plugin::Entity::update_many()
            .col_expr(plugin::Column::Active, Expr::value(false))
            .filter(plugin::Column::MinistryId.eq(row.ministry_id.clone()))
            .exec(self.db().await?)
            .await?;
        let mut active = row.into_active_model().reset_all();
        active.id = sea_orm::ActiveValue::NotSet;
        let result = plugin::Entity::insert(active)
            .exec(self.db().await?)
            .await
            .map_err(StoreError::from_insert)?;
        Ok(result.last_insert_id)
    }

    /// Every stored plugin version without its file: `(ministry, version, sha256, active,
    /// installed_at, installed_by)`, by ministry, newest first.
    pub async fn plugin_versions(
        &self,
    ) -> Result<Vec<(String, String, String, bool, i64, String)>> {
        use sea_orm::QuerySelect;
        Ok(plugin::Entity::find()
            .select_only()
            .column(plugin::Column::MinistryId)
            .column(plugin::Column::Version)
            .column(plugin::Column::Sha256)
            .column(plugin::Column::Active)
            .column(plugin::Column::InstalledAt)
            .column(plugin::Column::InstalledBy)
            .order_by_asc(plugin::Column::MinistryId)
            .order_by_desc(plugin::Column::Id)
            .into_tuple()
            .all(self.db().await?)
            .await?)
    }

    /// One stored plugin version with its file.
    pub async fn plugin_version(
        &self,
        ministry_id: &str,
        version: &str,
    ) -> Result<Option<PluginRow>> {
        Ok(crate::first::first(
            plugin::Entity::find()
                .filter(plugin::Column::MinistryId.eq(ministry_id))
                .filter(plugin::Column::Version.eq(version)),
            self.db().await?,
        )
        .await?)
    }

    /// Makes a stored version its ministry's active one (the others of the ministry inactive).
    pub async fn activate_plugin(&self, id: i64, ministry_id: &str) -> Result<()> {
        plugin::Entity::update_many()
            .col_expr(plugin::Column::Active, Expr::value(false))
            .filter(plugin::Column::MinistryId.eq(ministry_id))
            .exec(self.db().await?)
            .await?;
        plugin::Entity::update_many()
            .col_expr(plugin::Column::Active, Expr::value(true))
            .filter(plugin::Column::Id.eq(id))
            .exec(self.db().await?)
            .await?;
        Ok(())
    }

    /// The active plugin version of every ministry.
    pub async fn active_plugins(&self) -> Result<Vec<PluginRow>> {
        Ok(plugin::Entity::find()
            .filter(plugin::Column::Active.eq(true))
            .order_by_asc(plugin::Column::MinistryId)
            .all(self.db().await?)
            .await?)
    }

    /// `(ministry, version)` of every active plugin, without the files (cheap to poll).
    pub async fn active_plugin_versions(&self) -> Result<Vec<(String, String)>> {
        use sea_orm::QuerySelect;
        Ok(plugin::Entity::find()
            .select_only()
            .column(plugin::Column::MinistryId)
            .column(plugin::Column::Version)
            .filter(plugin::Column::Active.eq(true))
            .order_by_asc(plugin::Column::MinistryId)
            .into_tuple::<(String, String)>()
            .all(self.db().await?)
            .await?)
    }
}
