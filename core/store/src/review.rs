//! Tenancy, review, inquiries, the registry, the public register and change notifications.
//! Queries over tenant-owned rows take the tenant (or the business types the policy allows)
//! as a parameter: the registrar builds those from its authorization check and nothing else.

use std::collections::BTreeSet;

use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, FromQueryResult,
    IntoActiveModel, QueryFilter, QueryOrder, QuerySelect, QueryTrait, Statement, Value,
};

use crate::entity::{
    business_type_owner, change_notification, counter, inquiry, public_register_entry,
    registration, review_line, review_seen, review_task, staff, staff_session, staff_token, tenant,
};
use crate::{
    ChangeRow, InquiryRow, OwnershipRow, RegisterEntryRow, RegistrationRow, ReviewLineRow,
    ReviewTaskRow, StaffRow, StaffSessionRow, StaffTokenRow, StoreError, TenantRow, Tx,
};

/// Rows per multi-row statement: keeps every statement under the engines' parameter limits
/// (SQLite 32,766; PostgreSQL 65,535) whatever the size of an application.
const ROWS_PER_STATEMENT: usize = 1_000;

type Result<T> = std::result::Result<T, StoreError>;

/// One page of a ministry's review queue: which rows, in which order, after which row.
#[derive(Debug, Clone)]
pub struct QueueFilter {
    /// The tenant whose tasks are listed (from the authorization check).
    pub tenant_id: String,
    /// The staff member looking (for the new / changed-since-last-look markers).
    pub staff_id: String,
    /// Only tasks in this status (`open`, `inquiry`, `decided`).
    pub status: Option<String>,
    /// Only applicants whose name contains this text.
    pub search: Option<String>,
    /// Keyset: rows strictly after (or before, when descending) this `(submitted_at, id)`.
    pub after: Option<(i64, String)>,
    /// Newest first instead of oldest first.
    pub descending: bool,
    /// Page size.
    pub limit: u64,
}

/// A row of the review queue.
#[derive(Debug, Clone, FromQueryResult)]
pub struct QueueRow {
    /// The application.
    pub application_id: String,
    /// `application` or `change`.
    pub kind: String,
    /// Review round (0 = the application, then one per change notification).
    pub round: i32,
    /// `open`, `inquiry` or `decided`.
    pub status: String,
    /// The applicant's name as typed.
    pub applicant_name: String,
    /// When the round was submitted (Unix ms).
    pub submitted_at: i64,
    /// Last change by the applicant in this round (Unix ms).
    pub changed_at: i64,
    /// Lines of this tenant in the round.
    pub lines_total: i32,
    /// Of which still undecided.
    pub lines_pending: i32,
    /// When the staff member last looked (Unix ms), if ever.
    pub seen_at: Option<i64>,
}

/// A page of the public register.
#[derive(Debug, Clone, Default)]
pub struct RegisterFilter {
    /// Text contained in the applicant's or the establishment's name or the address.
    pub search: Option<String>,
    /// Only this business type.
    pub business_type: Option<String>,
    /// Only this prefecture.
    pub prefecture: Option<String>,
    /// Keyset: rows with a larger id.
    pub after_id: Option<i64>,
    /// Page size.
    pub limit: u64,
}

/// One row of a public register page: only the published columns (not the search key, which
/// is as long again and only filters).
#[derive(Debug, Clone, FromQueryResult)]
pub struct RegisterPageRow {
    /// Row id (the keyset cursor).
    pub id: i64,
    /// Registration number.
    pub registration_number: String,
    /// Registration date (YYYY-MM-DD).
    pub registered_on: String,
    /// The applicant's name.
    pub applicant_name: String,
    /// Business type id.
    pub business_type: String,
    /// Establishment name.
    pub establishment_name: String,
    /// Establishment address.
    pub address: String,
}

/// `%text%` for LIKE, with the pattern characters of `text` escaped (`\` is the escape).
fn like_pattern(text: &str) -> String {
    let mut pattern = String::with_capacity(text.len() + 2);
    pattern.push('%');
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

impl Tx {
    // ---- tenants ----

    /// Stores a new tenant; [`StoreError::Conflict`] if the id is taken.
    pub async fn insert_tenant(&self, row: TenantRow) -> Result<()> {
        tenant::Entity::insert(row.into_active_model().reset_all())
            .exec_without_returning(self.db().await?)
            .await
            .map_err(StoreError::from_insert)?;
        Ok(())
    }

    /// Every tenant, by id.
    pub async fn tenants(&self) -> Result<Vec<TenantRow>> {
        Ok(tenant::Entity::find()
            .order_by_asc(tenant::Column::Id)
            .all(self.db().await?)
            .await?)
    }

    /// One tenant.
    pub async fn tenant(&self, id: &str) -> Result<Option<TenantRow>> {
        Ok(
            crate::first::first(tenant::Entity::find_by_id(id.to_owned()), self.db().await?)
                .await?,
        )
    }

    /// Every approved business-type ownership.
    pub async fn ownership(&self) -> Result<Vec<OwnershipRow>> {
        Ok(business_type_owner::Entity::find()
            .order_by_asc(business_type_owner::Column::BusinessType)
            .all(self.db().await?)
            .await?)
    }

    /// Replaces the business types a tenant owns; [`StoreError::Conflict`] when another
    /// tenant owns one of them.
    pub async fn replace_ownership(
        &self,
        tenant_id: &str,
        types: &[String],
        now: i64,
    ) -> Result<()> {
        business_type_owner::Entity::delete_many()
            .filter(business_type_owner::Column::TenantId.eq(tenant_id))
            .exec(self.db().await?)
            .await?;
        if types.is_empty() {
            return Ok(());
        }
        let rows = types
            .iter()
            .map(|business_type| business_type_owner::ActiveModel {
                business_type: sea_orm::Set(business_type.clone()),
                tenant_id: sea_orm::Set(tenant_id.to_owned()),
                assigned_at: sea_orm::Set(now),
            });
        business_type_owner::Entity::insert_many(rows)
            .exec_without_returning(self.db().await?)
            .await
            .map_err(StoreError::from_insert)?;
        Ok(())
    }

    // ---- staff ----

    /// Stores a new staff member; [`StoreError::Conflict`] if the e-mail is taken.
    pub async fn insert_staff(&self, row: StaffRow) -> Result<()> {
        staff::Entity::insert(row.into_active_model().reset_all())
            .exec_without_returning(self.db().await?)
            .await
            .map_err(StoreError::from_insert)?;
        Ok(())
    }

    /// One staff member.
    pub async fn staff(&self, id: &str) -> Result<Option<StaffRow>> {
        Ok(crate::first::first(staff::Entity::find_by_id(id.to_owned()), self.db().await?).await?)
    }

    /// The staff member with this login e-mail key.
    pub async fn staff_by_email_key(&self, key: &str) -> Result<Option<StaffRow>> {
        Ok(crate::first::first(
            staff::Entity::find().filter(staff::Column::EmailKey.eq(key)),
            self.db().await?,
        )
        .await?)
    }

    /// The staff of one tenant, by e-mail.
    pub async fn staff_of_tenant(&self, tenant_id: &str) -> Result<Vec<StaffRow>> {
        Ok(staff::Entity::find()
            .filter(staff::Column::TenantId.eq(tenant_id))
            .order_by_asc(staff::Column::EmailKey)
            .all(self.db().await?)
            .await?)
    }

    /// Every staff member not disabled (the role grants of the policy).
    pub async fn active_staff(&self) -> Result<Vec<StaffRow>> {
        Ok(staff::Entity::find()
            .filter(staff::Column::DisabledAt.is_null())
            .all(self.db().await?)
            .await?)
    }

    /// Sets the password and the TOTP secret at enrolment.
    pub async fn enrol_staff(
        &self,
        id: &str,
        password_hash: String,
        totp_secret: String,
    ) -> Result<()> {
        staff::Entity::update_many()
            .col_expr(staff::Column::PasswordHash, Expr::value(password_hash))
            .col_expr(staff::Column::TotpSecret, Expr::value(totp_secret))
            .col_expr(
                staff::Column::TotpLastStep,
                Expr::value(Option::<i64>::None),
            )
            .filter(staff::Column::Id.eq(id))
            .exec(self.db().await?)
            .await?;
        Ok(())
    }

    /// Records the last TOTP time step used, if it is newer (a code is never accepted twice).
    pub async fn use_totp_step(&self, id: &str, step: i64) -> Result<bool> {
        let result = staff::Entity::update_many()
            .col_expr(staff::Column::TotpLastStep, Expr::value(step))
            .filter(staff::Column::Id.eq(id))
            .filter(
                staff::Column::TotpLastStep
                    .is_null()
                    .or(staff::Column::TotpLastStep.lt(step)),
            )
            .exec(self.db().await?)
            .await?;
        Ok(result.rows_affected == 1)
    }

    /// Disables a staff member and ends their sessions.
    pub async fn disable_staff(&self, id: &str, now: i64) -> Result<bool> {
        let result = staff::Entity::update_many()
            .col_expr(staff::Column::DisabledAt, Expr::value(now))
            .filter(staff::Column::Id.eq(id))
            .filter(staff::Column::DisabledAt.is_null())
            .exec(self.db().await?)
            .await?;
        staff_session::Entity::delete_many()
            .filter(staff_session::Column::StaffId.eq(id))
            .exec(self.db().await?)
            .await?;
        Ok(result.rows_affected == 1)
    }

    /// Stores the hash of an enrolment link, ending the staff member's earlier ones.
    pub async fn insert_staff_token(&self, row: StaffTokenRow) -> Result<()> {
        staff_token::Entity::update_many()
            .col_expr(staff_token::Column::UsedAt, Expr::value(row.created_at))
            .filter(staff_token::Column::StaffId.eq(row.staff_id.clone()))
            .filter(staff_token::Column::UsedAt.is_null())
            .exec(self.db().await?)
            .await?;
        staff_token::Entity::insert(row.into_active_model().reset_all())
            .exec_without_returning(self.db().await?)
            .await
            .map_err(StoreError::from_insert)?;
        Ok(())
    }

    /// Uses up an enrolment link if unused and unexpired.
    pub async fn consume_staff_token(
        &self,
        token_hash: &str,
        now: i64,
    ) -> Result<Option<StaffTokenRow>> {
        let result = staff_token::Entity::update_many()
            .col_expr(staff_token::Column::UsedAt, Expr::value(now))
            .filter(staff_token::Column::TokenHash.eq(token_hash))
            .filter(staff_token::Column::UsedAt.is_null())
            .filter(staff_token::Column::ExpiresAt.gt(now))
            .exec(self.db().await?)
            .await?;
        if result.rows_affected != 1 {
            return Ok(None);
        }
        Ok(crate::first::first(
            staff_token::Entity::find_by_id(token_hash.to_owned()),
            self.db().await?,
        )
        .await?)
    }

    /// Stores a staff session.
    pub async fn insert_staff_session(&self, row: StaffSessionRow) -> Result<()> {
        staff_session::Entity::insert(row.into_active_model().reset_all())
            .exec_without_returning(self.db().await?)
            .await
            .map_err(StoreError::from_insert)?;
        Ok(())
    }

    /// A staff session by the hash of its id.
    pub async fn staff_session(&self, id_hash: &str) -> Result<Option<StaffSessionRow>> {
        Ok(crate::first::first(
            staff_session::Entity::find_by_id(id_hash.to_owned()),
            self.db().await?,
        )
        .await?)
    }

    /// Records activity on a staff session.
    pub async fn touch_staff_session(&self, id_hash: &str, now: i64) -> Result<()> {
        staff_session::Entity::update_many()
            .col_expr(staff_session::Column::LastSeenAt, Expr::value(now))
            .filter(staff_session::Column::IdHash.eq(id_hash))
            .exec(self.db().await?)
            .await?;
        Ok(())
    }

    /// Ends one staff session.
    pub async fn delete_staff_session(&self, id_hash: &str) -> Result<()> {
        staff_session::Entity::delete_by_id(id_hash.to_owned())
            .exec(self.db().await?)
            .await?;
        Ok(())
    }

    // ---- review ----

    /// Stores the lines of a review round.
    pub async fn insert_review_lines(&self, rows: Vec<ReviewLineRow>) -> Result<()> {
        if rows.is_empty() {
            return Ok(());
        }
        // In statements of a bounded size: an application may have tens of thousands of lines,
        // and every engine limits the parameters of one statement (SQLite: 32,766).
        for chunk in rows.chunks(ROWS_PER_STATEMENT) {
            let rows = chunk.iter().cloned().map(|row| {
                let mut active = row.into_active_model().reset_all();
                active.id = sea_orm::ActiveValue::NotSet;
                active
            });
            self.defer(review_line::Entity::insert_many(rows).build(self.backend()))
                .await?;
        }
        Ok(())
    }

    /// Writes a tenant's task of an application (insert or replace).
    pub async fn save_review_task(&self, row: ReviewTaskRow) -> Result<()> {
        let statement = review_task::Entity::insert(row.into_active_model().reset_all())
            .on_conflict(
                OnConflict::columns([
                    review_task::Column::ApplicationId,
                    review_task::Column::TenantId,
                ])
                .update_columns([
                    review_task::Column::Round,
                    review_task::Column::Kind,
                    review_task::Column::Status,
                    review_task::Column::ApplicantName,
                    review_task::Column::SubmittedAt,
                    review_task::Column::ChangedAt,
                    review_task::Column::LinesTotal,
                    review_task::Column::LinesPending,
                    review_task::Column::DecidedAt,
                ])
                .to_owned(),
            )
            .build(self.backend());
        self.defer(statement).await
    }

    /// A tenant's task of an application.
    pub async fn review_task(
        &self,
        application_id: &str,
        tenant_id: &str,
    ) -> Result<Option<ReviewTaskRow>> {
        Ok(crate::first::first(
            review_task::Entity::find_by_id((application_id.to_owned(), tenant_id.to_owned())),
            self.db().await?,
        )
        .await?)
    }

    /// Every tenant's task of an application.
    pub async fn review_tasks_of(&self, application_id: &str) -> Result<Vec<ReviewTaskRow>> {
        Ok(review_task::Entity::find()
            .filter(review_task::Column::ApplicationId.eq(application_id))
            .order_by_asc(review_task::Column::TenantId)
            .all(self.db().await?)
            .await?)
    }

    /// Every line of a round, whoever owns it (for the central administration and routing).
    pub async fn review_lines(
        &self,
        application_id: &str,
        round: i32,
    ) -> Result<Vec<ReviewLineRow>> {
        Ok(review_line::Entity::find()
            .filter(review_line::Column::ApplicationId.eq(application_id))
            .filter(review_line::Column::Round.eq(round))
            .order_by_asc(review_line::Column::Id)
            .all(self.db().await?)
            .await?)
    }

    /// The lines of a round a tenant may see: those whose business type is in `business_types`
    /// (the set the policy allows it) and its own whole-record lines (business type `""`,
    /// used by change notifications for changes outside any business line).
    pub async fn review_lines_visible(
        &self,
        application_id: &str,
        round: i32,
        tenant_id: &str,
        business_types: &BTreeSet<String>,
    ) -> Result<Vec<ReviewLineRow>> {
        use sea_orm::Condition;
        let mut visible = Condition::any().add(
            Condition::all()
                .add(review_line::Column::BusinessType.eq(""))
                .add(review_line::Column::TenantId.eq(tenant_id)),
        );
        if !business_types.is_empty() {
            visible = visible
                .add(review_line::Column::BusinessType.is_in(business_types.iter().cloned()));
        }
        Ok(review_line::Entity::find()
            .filter(review_line::Column::ApplicationId.eq(application_id))
            .filter(review_line::Column::Round.eq(round))
            .filter(visible)
            .order_by_asc(review_line::Column::Id)
            .all(self.db().await?)
            .await?)
    }

    /// Removes lines of a round (a correction took them out of the document).
    pub async fn delete_review_lines(&self, ids: &[i64]) -> Result<()> {
        if ids.is_empty() {
            return Ok(());
        }
        for chunk in ids.chunks(ROWS_PER_STATEMENT) {
            review_line::Entity::delete_many()
                .filter(review_line::Column::Id.is_in(chunk.iter().copied()))
                .exec(self.db().await?)
                .await?;
        }
        Ok(())
    }

    /// Removes a tenant's task (it has no line left).
    pub async fn delete_review_task(&self, application_id: &str, tenant_id: &str) -> Result<()> {
        review_task::Entity::delete_by_id((application_id.to_owned(), tenant_id.to_owned()))
            .exec(self.db().await?)
            .await?;
        Ok(())
    }

    /// One review line.
    pub async fn review_line(&self, id: i64) -> Result<Option<ReviewLineRow>> {
        Ok(crate::first::first(review_line::Entity::find_by_id(id), self.db().await?).await?)
    }

    /// Records a decision (`accepted` / `rejected`) or clears one (`pending`).
    pub async fn set_line_status(
        &self,
        id: i64,
        status: &str,
        reason: Option<String>,
        decided_by: Option<String>,
        decided_at: Option<i64>,
    ) -> Result<()> {
        review_line::Entity::update_many()
            .col_expr(review_line::Column::Status, Expr::value(status))
            .col_expr(review_line::Column::Reason, Expr::value(reason))
            .col_expr(review_line::Column::DecidedBy, Expr::value(decided_by))
            .col_expr(review_line::Column::DecidedAt, Expr::value(decided_at))
            .filter(review_line::Column::Id.eq(id))
            .exec(self.db().await?)
            .await?;
        Ok(())
    }

    /// Unrouted lines (no approved owner when submitted) of these business types.
    pub async fn unrouted_lines(&self, business_types: &[String]) -> Result<Vec<ReviewLineRow>> {
        if business_types.is_empty() {
            return Ok(Vec::new());
        }
        Ok(review_line::Entity::find()
            .filter(review_line::Column::TenantId.eq(""))
            .filter(review_line::Column::BusinessType.is_in(business_types.iter().cloned()))
            .all(self.db().await?)
            .await?)
    }

    /// Routes a line to a tenant.
    pub async fn set_line_tenant(&self, id: i64, tenant_id: &str) -> Result<()> {
        review_line::Entity::update_many()
            .col_expr(review_line::Column::TenantId, Expr::value(tenant_id))
            .filter(review_line::Column::Id.eq(id))
            .exec(self.db().await?)
            .await?;
        Ok(())
    }

    /// One page of a tenant's review queue, with the caller's last-look time per row.
    pub async fn review_queue(&self, filter: &QueueFilter) -> Result<Vec<QueueRow>> {
        let backend = self.db().await?.get_database_backend();
        let mut values: Vec<Value> = vec![
            filter.staff_id.clone().into(),
            filter.tenant_id.clone().into(),
        ];
        // The page is chosen first (an index range scan that stops at LIMIT); only its rows
        // then get the caller's last look.
        let mut sql = String::from(
            "SELECT t.application_id, t.kind, t.round, t.status, t.applicant_name, \
             t.submitted_at, t.changed_at, t.lines_total, t.lines_pending \
             FROM review_task t WHERE t.tenant_id = $2",
        );
        if let Some(status) = &filter.status {
            values.push(status.clone().into());
            sql.push_str(&format!(" AND t.status = ${}", values.len()));
        }
        if let Some(search) = &filter.search {
            // Three characters or more: the trigram index (migration 4) answers; shorter text
            // has no trigram, and LIKE walks the queue in index order until the page is full.
            let trigram = search.chars().count() >= 3;
            match backend {
                DbBackend::Sqlite if trigram => {
                    values.push(format!("\"{}\"", search.replace('"', "\"\"")).into());
                    sql.push_str(&format!(
                        " AND t.rowid IN (SELECT rowid FROM review_task_search WHERE review_task_search MATCH ${})",
                        values.len()
                    ));
                }
                DbBackend::Postgres => {
                    // Backslash is PostgreSQL's default LIKE escape; an explicit ESCAPE
                    // clause would hide the pattern from the trigram index.
                    values.push(like_pattern(search).into());
                    sql.push_str(&format!(" AND t.applicant_name LIKE ${}", values.len()));
                }
                _ => {
                    values.push(like_pattern(search).into());
                    sql.push_str(&format!(
                        " AND t.applicant_name LIKE ${} ESCAPE '\\'",
                        values.len()
                    ));
                }
            }
        }
        let (cmp, order) = if filter.descending {
            ("<", "DESC")
        } else {
            (">", "ASC")
        };
        if let Some((at, id)) = &filter.after {
            values.push((*at).into());
            let at_param = values.len();
            values.push(id.clone().into());
            let id_param = values.len();
            // A row-value comparison: both engines turn it into one range scan of the
            // (tenant, submitted_at, application_id) index; the OR form made PostgreSQL scan.
            sql.push_str(&format!(
                " AND (t.submitted_at, t.application_id) {cmp} (${at_param}, ${id_param})"
            ));
        }
        values.push(i64::try_from(filter.limit).unwrap_or(i64::MAX).into());
        sql.push_str(&format!(
            " ORDER BY t.submitted_at {order}, t.application_id {order} LIMIT ${}",
            values.len()
        ));
        // The last look per row is a correlated lookup by the whole primary key: one index probe
        // per row of the page whatever the planner believes about the caller's looks (a join
        // let PostgreSQL, with stale statistics for a new reviewer, scan all their looks per row).
        let sql = format!(
            "SELECT p.application_id, p.kind, p.round, p.status, p.applicant_name, \
             p.submitted_at, p.changed_at, p.lines_total, p.lines_pending, \
             (SELECT s.seen_at FROM review_seen s \
              WHERE s.staff_id = $1 AND s.application_id = p.application_id) AS seen_at \
             FROM ({sql}) p ORDER BY p.submitted_at {order}, p.application_id {order}"
        );
        let statement = Statement::from_sql_and_values(backend, sql, values);
        Ok(QueueRow::find_by_statement(statement)
            .all(self.db().await?)
            .await?)
    }

    /// Records that a staff member looked at an application now.
    pub async fn mark_seen(&self, staff_id: &str, application_id: &str, now: i64) -> Result<()> {
        review_seen::Entity::insert(review_seen::ActiveModel {
            staff_id: sea_orm::Set(staff_id.to_owned()),
            application_id: sea_orm::Set(application_id.to_owned()),
            seen_at: sea_orm::Set(now),
        })
        .on_conflict(
            OnConflict::columns([
                review_seen::Column::StaffId,
                review_seen::Column::ApplicationId,
            ])
            .update_column(review_seen::Column::SeenAt)
            .to_owned(),
        )
        .exec_without_returning(self.db().await?)
        .await?;
        Ok(())
    }

    // ---- inquiries ----

    /// Stores a new inquiry.
    pub async fn insert_inquiry(&self, row: InquiryRow) -> Result<()> {
        inquiry::Entity::insert(row.into_active_model().reset_all())
            .exec_without_returning(self.db().await?)
            .await?;
        Ok(())
    }

    /// Every inquiry of an application, oldest first.
    pub async fn inquiries_of(&self, application_id: &str) -> Result<Vec<InquiryRow>> {
        Ok(inquiry::Entity::find()
            .filter(inquiry::Column::ApplicationId.eq(application_id))
            .order_by_asc(inquiry::Column::OpenedAt)
            .order_by_asc(inquiry::Column::Id)
            .all(self.db().await?)
            .await?)
    }

    /// Records the applicant's answer; false if the inquiry was not open.
    pub async fn answer_inquiry(
        &self,
        id: &str,
        answer: String,
        changes: String,
        now: i64,
    ) -> Result<bool> {
        let result = inquiry::Entity::update_many()
            .col_expr(inquiry::Column::Status, Expr::value("answered"))
            .col_expr(inquiry::Column::Answer, Expr::value(answer))
            .col_expr(inquiry::Column::Changes, Expr::value(changes))
            .col_expr(inquiry::Column::AnsweredAt, Expr::value(now))
            .filter(inquiry::Column::Id.eq(id))
            .filter(inquiry::Column::Status.eq("open"))
            .exec(self.db().await?)
            .await?;
        Ok(result.rows_affected == 1)
    }

    // ---- registry and public register ----

    /// The next value of a named counter (1 for the first), in this transaction.
    pub async fn next_counter(&self, name: &str) -> Result<i64> {
        counter::Entity::insert(counter::ActiveModel {
            name: sea_orm::Set(name.to_owned()),
            value: sea_orm::Set(1),
        })
        .on_conflict(
            OnConflict::column(counter::Column::Name)
                .value(
                    counter::Column::Value,
                    Expr::col((counter::Entity, counter::Column::Value)).add(1),
                )
                .to_owned(),
        )
        .exec_without_returning(self.db().await?)
        .await?;
        let row = crate::first::first(
            counter::Entity::find_by_id(name.to_owned()),
            self.db().await?,
        )
        .await?;
        Ok(row.map_or(1, |row| row.value))
    }

    /// Stores a registration; [`StoreError::Conflict`] if the application or number is taken.
    pub async fn insert_registration(&self, row: RegistrationRow) -> Result<()> {
        registration::Entity::insert(row.into_active_model().reset_all())
            .exec_without_returning(self.db().await?)
            .await
            .map_err(StoreError::from_insert)?;
        Ok(())
    }

    /// The registration of an application.
    pub async fn registration(&self, application_id: &str) -> Result<Option<RegistrationRow>> {
        Ok(crate::first::first(
            registration::Entity::find_by_id(application_id.to_owned()),
            self.db().await?,
        )
        .await?)
    }

    /// Replaces the registered document (after an accepted change notification).
    pub async fn update_registration(
        &self,
        application_id: &str,
        document: String,
        now: i64,
    ) -> Result<()> {
        registration::Entity::update_many()
            .col_expr(registration::Column::Document, Expr::value(document))
            .col_expr(registration::Column::UpdatedAt, Expr::value(now))
            .col_expr(
                registration::Column::Version,
                Expr::col(registration::Column::Version).add(1),
            )
            .filter(registration::Column::ApplicationId.eq(application_id))
            .exec(self.db().await?)
            .await?;
        Ok(())
    }

    /// Replaces the published rows of an application.
    pub async fn replace_register_entries(
        &self,
        application_id: &str,
        rows: Vec<RegisterEntryRow>,
    ) -> Result<()> {
        public_register_entry::Entity::delete_many()
            .filter(public_register_entry::Column::ApplicationId.eq(application_id))
            .exec(self.db().await?)
            .await?;
        if rows.is_empty() {
            return Ok(());
        }
        for chunk in rows.chunks(ROWS_PER_STATEMENT) {
            let rows = chunk.iter().cloned().map(|row| {
                let mut active = row.into_active_model().reset_all();
                active.id = sea_orm::ActiveValue::NotSet;
                active
            });
            public_register_entry::Entity::insert_many(rows)
                .exec_without_returning(self.db().await?)
                .await?;
        }
        Ok(())
    }

    /// One page of the public register, by id (only the published columns).
    pub async fn register_page(&self, filter: &RegisterFilter) -> Result<Vec<RegisterPageRow>> {
        use public_register_entry::Column;
        let mut query = public_register_entry::Entity::find()
            .select_only()
            .columns([
                Column::Id,
                Column::RegistrationNumber,
                Column::RegisteredOn,
                Column::ApplicantName,
                Column::BusinessType,
                Column::EstablishmentName,
                Column::Address,
            ]);
        if let Some(search) = &filter.search {
            query =
                query
                    .filter(public_register_entry::Column::SearchKey.like(
                        sea_orm::sea_query::LikeExpr::new(like_pattern(search)).escape('\\'),
                    ));
        }
        if let Some(business_type) = &filter.business_type {
            query =
                query.filter(public_register_entry::Column::BusinessType.eq(business_type.clone()));
        }
        if let Some(prefecture) = &filter.prefecture {
            query = query.filter(public_register_entry::Column::Prefecture.eq(prefecture.clone()));
        }
        if let Some(after) = filter.after_id {
            query = query.filter(public_register_entry::Column::Id.gt(after));
        }
        Ok(query
            .order_by_asc(public_register_entry::Column::Id)
            .limit(filter.limit)
            .into_model::<RegisterPageRow>()
            .all(self.db().await?)
            .await?)
    }

    // ---- change notifications ----

    /// Stores a change notification.
    pub async fn insert_change(&self, row: ChangeRow) -> Result<()> {
        change_notification::Entity::insert(row.into_active_model().reset_all())
            .exec_without_returning(self.db().await?)
            .await?;
        Ok(())
    }

    /// The change notifications of an application, oldest first.
    pub async fn changes_of(&self, application_id: &str) -> Result<Vec<ChangeRow>> {
        Ok(change_notification::Entity::find()
            .filter(change_notification::Column::ApplicationId.eq(application_id))
            .order_by_asc(change_notification::Column::Round)
            .all(self.db().await?)
            .await?)
    }

    /// Sets the outcome of a change notification.
    pub async fn set_change_status(&self, id: &str, status: &str, now: i64) -> Result<()> {
        change_notification::Entity::update_many()
            .col_expr(change_notification::Column::Status, Expr::value(status))
            .col_expr(change_notification::Column::DecidedAt, Expr::value(now))
            .filter(change_notification::Column::Id.eq(id))
            .exec(self.db().await?)
            .await?;
        Ok(())
    }

    /// Applications in a status, oldest submission first (the central administration's list).
    pub async fn applications_in_status(
        &self,
        status: &str,
        limit: u64,
    ) -> Result<Vec<crate::ApplicationRow>> {
        use crate::entity::application;
        Ok(application::Entity::find()
            .filter(application::Column::Status.eq(status))
            .order_by_asc(application::Column::SubmittedAt)
            .order_by_asc(application::Column::Id)
            .limit(limit)
            .all(self.db().await?)
            .await?)
    }
}

#[cfg(test)]
mod tests {
    use super::like_pattern;

    #[test]
    fn like_patterns_escape_wildcards() {
        assert_eq!(like_pattern("みなと"), "%みなと%");
        assert_eq!(like_pattern("100%_\\"), "%100\\%\\_\\\\%");
    }
}
