//! Bulk data for benchmarks (feature `fixtures`; never compiled into the product).
//!
//! Rows are written with multi-row `INSERT`s of [`BATCH`] rows inside the caller's transaction,
//! so a generated data set is either complete or absent. The figures they produce are in
//! `docs/performance.md`.

use sea_orm::{EntityTrait, Set};

use crate::entity::{
    application, counter, draft_token, public_register_entry, review_seen, review_task,
};
use crate::{StoreError, Tx};

type Result<T> = std::result::Result<T, StoreError>;

/// Rows per `INSERT` statement (10 columns × 1,000 stays under every backend's parameter limit).
pub const BATCH: usize = 1_000;

/// One submitted application and its review tasks, as the generator writes them.
#[derive(Debug, Clone)]
pub struct QueueFixture {
    /// The application id.
    pub id: String,
    /// The applicant's name (also copied to each task).
    pub applicant_name: String,
    /// The application document (JSON text).
    pub document: String,
    /// When it was submitted (Unix ms).
    pub submitted_at: i64,
    /// One `(tenant id, task status, lines)` per involved ministry.
    pub tasks: Vec<(String, &'static str, i32)>,
}

/// One draft ready to be submitted, as the P1 generator writes it: the application row
/// (status `draft`, revision 1) and its draft link.
#[derive(Debug, Clone)]
pub struct DraftFixture {
    /// The application id.
    pub id: String,
    /// The applicant's login e-mail (unique per draft).
    pub email: String,
    /// The application document (JSON text).
    pub document: String,
    /// SHA-256 (hex) of the draft link's token.
    pub token_hash: String,
    /// When the draft was made (Unix ms).
    pub created_at: i64,
    /// When its link expires (Unix ms).
    pub expires_at: i64,
}

impl Tx {
    /// Stores a batch of submitted applications with their review tasks (multi-row inserts).
    pub async fn insert_queue_fixtures(&self, rows: &[QueueFixture]) -> Result<()> {
        for chunk in rows.chunks(BATCH) {
            let applications = chunk.iter().map(|row| application::ActiveModel {
                id: Set(row.id.clone()),
                email: Set(format!("{}@bench.example.jp", row.id)),
                email_key: Set(format!("{}@bench.example.jp", row.id)),
                locale: Set("ja".to_owned()),
                status: Set("submitted".to_owned()),
                document: Set(row.document.clone()),
                revision: Set(1),
                created_at: Set(row.submitted_at),
                updated_at: Set(row.submitted_at),
                submitted_at: Set(Some(row.submitted_at)),
                judged_by: Set(Some("[\"mhlw@1.0.0\"]".to_owned())),
            });
            application::Entity::insert_many(applications)
                .exec_without_returning(self.db().await?)
                .await?;
            let tasks: Vec<review_task::ActiveModel> = chunk
                .iter()
                .flat_map(|row| {
                    row.tasks.iter().map(|(tenant, status, lines)| {
                        let pending = if *status == "decided" { 0 } else { *lines };
                        review_task::ActiveModel {
                            application_id: Set(row.id.clone()),
                            tenant_id: Set(tenant.clone()),
                            round: Set(0),
                            kind: Set("application".to_owned()),
                            status: Set((*status).to_owned()),
                            applicant_name: Set(row.applicant_name.clone()),
                            submitted_at: Set(row.submitted_at),
                            changed_at: Set(row.submitted_at),
                            lines_total: Set(*lines),
                            lines_pending: Set(pending),
                            decided_at: Set((*status == "decided").then_some(row.submitted_at)),
                        }
                    })
                })
                .collect();
            for tasks in tasks.chunks(BATCH) {
                review_task::Entity::insert_many(tasks.iter().cloned())
                    .exec_without_returning(self.db().await?)
                    .await?;
            }
        }
        Ok(())
    }

    /// Stores drafts with their links (multi-row inserts).
    pub async fn insert_draft_fixtures(&self, rows: &[DraftFixture]) -> Result<()> {
        for chunk in rows.chunks(BATCH) {
            application::Entity::insert_many(chunk.iter().map(|row| application::ActiveModel {
                id: Set(row.id.clone()),
                email: Set(row.email.clone()),
                email_key: Set(row.email.to_lowercase()),
                locale: Set("ja".to_owned()),
                status: Set("draft".to_owned()),
                document: Set(row.document.clone()),
                revision: Set(1),
                created_at: Set(row.created_at),
                updated_at: Set(row.created_at),
                submitted_at: Set(None),
                judged_by: Set(None),
            }))
            .exec_without_returning(self.db().await?)
            .await?;
            draft_token::Entity::insert_many(chunk.iter().map(|row| draft_token::ActiveModel {
                token_hash: Set(row.token_hash.clone()),
                application_id: Set(row.id.clone()),
                created_at: Set(row.created_at),
                expires_at: Set(row.expires_at),
                revoked_at: Set(None),
            }))
            .exec_without_returning(self.db().await?)
            .await?;
        }
        Ok(())
    }

    /// How many applications have left the draft status.
    pub async fn submitted_count(&self) -> Result<u64> {
        use sea_orm::{ColumnTrait, PaginatorTrait, QueryFilter};
        Ok(application::Entity::find()
            .filter(application::Column::Status.ne("draft"))
            .count(self.db().await?)
            .await?)
    }

    /// Marks applications as seen by a staff member at the given times (multi-row inserts).
    pub async fn insert_seen_fixtures(&self, staff_id: &str, seen: &[(String, i64)]) -> Result<()> {
        for chunk in seen.chunks(BATCH) {
            review_seen::Entity::insert_many(chunk.iter().map(|(application_id, at)| {
                review_seen::ActiveModel {
                    staff_id: Set(staff_id.to_owned()),
                    application_id: Set(application_id.clone()),
                    seen_at: Set(*at),
                }
            }))
            .exec_without_returning(self.db().await?)
            .await?;
        }
        Ok(())
    }

    /// Stores published register rows (multi-row inserts; the database assigns the ids).
    pub async fn insert_register_fixtures(&self, rows: &[crate::RegisterEntryRow]) -> Result<()> {
        for chunk in rows.chunks(BATCH) {
            public_register_entry::Entity::insert_many(chunk.iter().map(|row| {
                public_register_entry::ActiveModel {
                    id: sea_orm::ActiveValue::NotSet,
                    registration_number: Set(row.registration_number.clone()),
                    application_id: Set(row.application_id.clone()),
                    applicant_name: Set(row.applicant_name.clone()),
                    business_type: Set(row.business_type.clone()),
                    establishment_name: Set(row.establishment_name.clone()),
                    prefecture: Set(row.prefecture.clone()),
                    address: Set(row.address.clone()),
                    registered_on: Set(row.registered_on.clone()),
                    search_key: Set(row.search_key.clone()),
                }
            }))
            .exec_without_returning(self.db().await?)
            .await?;
        }
        Ok(())
    }

    /// Sets a named counter (the generators mark a complete data set with one).
    pub async fn set_counter(&self, name: &str, value: i64) -> Result<()> {
        counter::Entity::insert(counter::ActiveModel {
            name: Set(name.to_owned()),
            value: Set(value),
        })
        .on_conflict(
            sea_orm::sea_query::OnConflict::column(counter::Column::Name)
                .update_column(counter::Column::Value)
                .to_owned(),
        )
        .exec_without_returning(self.db().await?)
        .await?;
        Ok(())
    }

    /// The value of a named counter, if set.
    pub async fn counter(&self, name: &str) -> Result<Option<i64>> {
        Ok(counter::Entity::find_by_id(name.to_owned())
            .one(self.db().await?)
            .await?
            .map(|row| row.value))
    }
}

/// The URL of database `name` on the server of `admin_url`.
pub fn database_url(admin_url: &str, name: &str) -> String {
    let base = admin_url
        .rsplit_once('/')
        .map_or(admin_url, |(base, _)| base);
    format!("{base}/{name}")
}

/// Drops (if present) and creates PostgreSQL database `name` (ASCII letters, digits and `_`),
/// returning its URL.
pub async fn recreate_database(admin_url: &str, name: &str) -> Result<String> {
    use sea_orm::{ConnectOptions, ConnectionTrait, Database};
    drop_database(admin_url, name).await?;
    let mut options = ConnectOptions::new(admin_url.to_owned());
    options.max_connections(1).sqlx_logging(false);
    let admin = Database::connect(options).await?;
    admin
        .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
        .await?;
    admin.close().await?;
    Ok(database_url(admin_url, name))
}

/// Brings a bulk-loaded database to the state one in service is in: fresh planner statistics
/// (`ANALYZE`; without them PostgreSQL plans the first queries on guesses) and, on PostgreSQL,
/// vacuumed (`VACUUM`, as autovacuum would: it also merges the trigram index's pending list,
/// which otherwise every name search scans — 17 ms instead of 6 ms at 1,000,000 rows).
pub async fn analyze(store: &crate::Store) -> Result<()> {
    use sea_orm::ConnectionTrait;
    let statement = match store.backend() {
        crate::Backend::Sqlite => "ANALYZE",
        crate::Backend::Postgres => "VACUUM (ANALYZE)",
    };
    store.connection().execute_unprepared(statement).await?;
    Ok(())
}

/// The table of the raw durable-commit measurement (P1): one text column beside its key, and
/// nothing else: no index, trigger or foreign key.
pub async fn create_raw_commit_table(store: &crate::Store) -> Result<()> {
    use sea_orm::ConnectionTrait;
    store
        .connection()
        .execute_unprepared(
            "CREATE TABLE IF NOT EXISTS bench_raw_commit (id TEXT PRIMARY KEY, body TEXT NOT NULL)",
        )
        .await?;
    Ok(())
}

/// One transaction of the raw durable-commit measurement: begins as the product's writes do
/// ([`crate::Store::write`]), inserts one row, commits.
pub async fn raw_commit(store: &crate::Store, id: &str, body: &str) -> Result<()> {
    use sea_orm::{ConnectionTrait, Statement};
    let tx = store.write().await?;
    let backend = tx.backend();
    let sql = match store.backend() {
        crate::Backend::Sqlite => "INSERT INTO bench_raw_commit (id, body) VALUES (?, ?)",
        crate::Backend::Postgres => "INSERT INTO bench_raw_commit (id, body) VALUES ($1, $2)",
    };
    tx.db()
        .await?
        .execute_raw(Statement::from_sql_and_values(
            backend,
            sql,
            [id.into(), body.into()],
        ))
        .await?;
    tx.commit().await
}

/// Drops PostgreSQL database `name` (if present) through `admin_url`.
pub async fn drop_database(admin_url: &str, name: &str) -> Result<()> {
    use sea_orm::{ConnectOptions, ConnectionTrait, Database};
    assert!(
        name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'),
        "database name {name:?}"
    );
    let mut options = ConnectOptions::new(admin_url.to_owned());
    options.max_connections(1).sqlx_logging(false);
    let admin = Database::connect(options).await?;
    admin
        .execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
        .await?;
    admin.close().await?;
    Ok(())
}

/// Every outbox row, oldest first (for the crash harness and the tests).
pub async fn outbox_rows(store: &crate::Store) -> Result<Vec<crate::OutboxRow>> {
    use crate::entity::outbox_message;
    use sea_orm::QueryOrder;
    Ok(outbox_message::Entity::find()
        .order_by_asc(outbox_message::Column::Id)
        .all(store.connection())
        .await?)
}
