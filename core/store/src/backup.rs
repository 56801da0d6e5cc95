//! What `toroku backup` and `toroku restore` need of the database itself: SQLite's online
//! snapshot (`VACUUM INTO`, consistent while the server runs), the integrity check of a
//! snapshot, and a digest of every table's content to compare two databases. PostgreSQL's
//! backups are `pg_dump`'s (run by the binary); the digest works on both.

use std::path::Path;

use sea_orm::{ConnectionTrait, DatabaseBackend, Statement};
use sha2::{Digest, Sha256};

use crate::{Backend, Store, StoreError};

/// One table's content, summarised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableDigest {
    /// The table's name.
    pub table: String,
    /// How many rows it has.
    pub rows: i64,
    /// A hash of all its rows, independent of their physical order.
    pub hash: String,
}

impl Store {
    /// SQLite: writes a consistent copy of the whole database to `path` (which must not
    /// exist), while other connections go on reading and writing.
    pub async fn sqlite_snapshot_into(&self, path: &Path) -> Result<(), StoreError> {
        if self.backend() != Backend::Sqlite {
            return Err(StoreError::UnsupportedUrl);
        }
        let target = path.to_str().ok_or(StoreError::UnsupportedUrl)?;
        self.connection()
            .execute_raw(Statement::from_sql_and_values(
                DatabaseBackend::Sqlite,
                "VACUUM INTO ?",
                [target.into()],
            ))
            .await?;
        Ok(())
    }

    /// SQLite: `PRAGMA integrity_check`; empty when the database is sound, else its
    /// complaints. PostgreSQL checks its own pages: always empty there.
    pub async fn integrity_problems(&self) -> Result<Vec<String>, StoreError> {
        if self.backend() != Backend::Sqlite {
            return Ok(Vec::new());
        }
        let rows = self
            .connection()
            .query_all_raw(Statement::from_string(
                DatabaseBackend::Sqlite,
                "PRAGMA integrity_check",
            ))
            .await?;
        let mut problems = Vec::new();
        for row in rows {
            let line: String = row.try_get_by_index(0)?;
            if line != "ok" {
                problems.push(line);
            }
        }
        Ok(problems)
    }

    /// Every table of the schema with its row count and a hash of its rows (each row as
    /// text, sorted): two databases of the same backend with equal digests hold the same
    /// data.
    pub async fn content_digest(&self) -> Result<Vec<TableDigest>, StoreError> {
        let db = self.connection();
        let (backend, list) = match self.backend() {
            Backend::Sqlite => (
                DatabaseBackend::Sqlite,
                "SELECT name FROM sqlite_master WHERE type = 'table' \
                 AND name NOT LIKE 'sqlite_%' ORDER BY name",
            ),
            Backend::Postgres => (
                DatabaseBackend::Postgres,
                "SELECT tablename::text AS name FROM pg_tables WHERE schemaname = 'public' \
                 ORDER BY tablename",
            ),
        };
        let tables: Vec<String> = db
            .query_all_raw(Statement::from_string(backend, list))
            .await?
            .iter()
            .map(|row| row.try_get_by_index::<String>(0))
            .collect::<Result<_, _>>()?;
        let mut digests = Vec::with_capacity(tables.len());
        for table in tables {
            let quoted = format!("\"{}\"", table.replace('"', "\"\""));
            let select = match self.backend() {
                Backend::Postgres => format!("SELECT t::text AS r FROM {quoted} AS t"),
                Backend::Sqlite => {
                    let columns: Vec<String> = db
                        .query_all_raw(Statement::from_sql_and_values(
                            backend,
                            "SELECT name FROM pragma_table_info(?) ORDER BY cid",
                            [table.clone().into()],
                        ))
                        .await?
                        .iter()
                        .map(|row| row.try_get_by_index::<String>(0))
                        .collect::<Result<_, _>>()?;
                    let row = columns
                        .iter()
                        .map(|c| format!("quote(\"{}\")", c.replace('"', "\"\"")))
                        .collect::<Vec<_>>()
                        .join(" || '|' || ");
                    format!("SELECT {row} AS r FROM {quoted}")
                }
            };
            let mut rows: Vec<String> = db
                .query_all_raw(Statement::from_string(backend, select))
                .await?
                .iter()
                .map(|row| row.try_get_by_index::<Option<String>>(0))
                .map(|r| r.map(Option::unwrap_or_default))
                .collect::<Result<_, _>>()?;
            rows.sort_unstable();
            let mut hash = Sha256::new();
            for row in &rows {
                hash.update(row.as_bytes());
                hash.update(b"\n");
            }
            digests.push(TableDigest {
                table,
                rows: rows.len() as i64,
                hash: hex::encode(hash.finalize()),
            });
        }
        Ok(digests)
    }
}

/// What `toroku check` (and the crash harness) finds wrong with the data; all empty when sound.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Consistency {
    /// Applications past `draft` (submitted or later).
    pub submitted: u64,
    /// SQLite's integrity check complaints.
    pub integrity: Vec<String>,
    /// Submitted applications without review lines (a submission half-written).
    pub without_lines: Vec<String>,
    /// Submitted applications without a review task.
    pub without_tasks: Vec<String>,
    /// Submitted applications without the stored answer of their submission.
    pub without_receipt: Vec<String>,
    /// Audit subjects whose hash chain does not verify (`type:id`).
    pub broken_chains: Vec<String>,
}

impl Consistency {
    /// Whether nothing is wrong.
    pub fn is_sound(&self) -> bool {
        self.integrity.is_empty()
            && self.without_lines.is_empty()
            && self.without_tasks.is_empty()
            && self.without_receipt.is_empty()
            && self.broken_chains.is_empty()
    }
}

impl Store {
    /// Checks what every committed write leaves behind: each submitted application has its
    /// review lines, a task and its submission's stored answer (or it came from a change of
    /// record, which has no answer of its own); every audit chain verifies.
    pub async fn consistency(&self) -> Result<Consistency, StoreError> {
        use sea_orm::{EntityTrait, QueryOrder};
        let backend = match self.backend() {
            Backend::Sqlite => DatabaseBackend::Sqlite,
            Backend::Postgres => DatabaseBackend::Postgres,
        };
        let db = self.connection();
        let ids = |sql: &'static str| async move {
            let rows = db
                .query_all_raw(Statement::from_string(backend, sql))
                .await?;
            rows.iter()
                .map(|row| row.try_get_by_index::<String>(0))
                .collect::<Result<Vec<String>, _>>()
                .map_err(StoreError::from)
        };
        let submitted = ids("SELECT id FROM application WHERE status <> 'draft'")
            .await?
            .len() as u64;
        let without_lines = ids("SELECT a.id FROM application a WHERE a.status <> 'draft' \
             AND NOT EXISTS (SELECT 1 FROM review_line l WHERE l.application_id = a.id) \
             ORDER BY a.id")
        .await?;
        let without_tasks = ids("SELECT a.id FROM application a WHERE a.status <> 'draft' \
             AND NOT EXISTS (SELECT 1 FROM review_task t WHERE t.application_id = a.id) \
             ORDER BY a.id")
        .await?;
        let without_receipt = ids("SELECT a.id FROM application a WHERE a.status <> 'draft' \
             AND NOT EXISTS (SELECT 1 FROM idempotency_record r \
               WHERE r.scope = 'submit:' || a.id) ORDER BY a.id")
        .await?;
        let trail = crate::entity::audit_event::Entity::find()
            .order_by_asc(crate::entity::audit_event::Column::SubjectType)
            .order_by_asc(crate::entity::audit_event::Column::SubjectId)
            .order_by_asc(crate::entity::audit_event::Column::Seq)
            .all(db)
            .await?;
        let mut broken_chains = Vec::new();
        for subject in
            trail.chunk_by(|a, b| a.subject_type == b.subject_type && a.subject_id == b.subject_id)
        {
            if crate::verify_audit_chain(subject).is_err() {
                broken_chains.push(format!(
                    "{}:{}",
                    subject[0].subject_type, subject[0].subject_id
                ));
            }
        }
        Ok(Consistency {
            submitted,
            integrity: self.integrity_problems().await?,
            without_lines,
            without_tasks,
            without_receipt,
            broken_chains,
        })
    }
}
