//! Group commit on SQLite: the write transactions that queue for the one writer connection
//! while another runs share its `COMMIT` (one WAL commit and one fsync for all of them), and
//! none is acknowledged before that `COMMIT`.
//!
//! How it goes:
//! - Writers take the writer in turn, first come first served ([`tokio::sync::Mutex`] is
//!   fair). The first writer of a group (the *lead*) opens the outer transaction
//!   (`BEGIN IMMEDIATE`) and runs in it; every later writer of the group runs in a savepoint of
//!   it.
//! - A writer that commits while no other writer is waiting commits the group (a lead alone:
//!   its own transaction, exactly as without grouping). If writers are waiting, it joins the
//!   group, lets the writer go and waits for the group's `COMMIT`: the next writer runs in the
//!   same transaction, and a *flush* task, queued behind the writers waiting at that moment,
//!   commits the group if nobody has by then. So a group is at most the writers queued when
//!   its first member finished, and an open group never waits for a writer that has not come.
//! - A savepoint writer that does not commit (an error, a refusal, a cancelled request) is
//!   rolled back to its savepoint, in order on the connection, and the group is closed
//!   (committed for the members before it) before anyone else starts: if SQLite rolled back
//!   the whole transaction on that error (`SQLITE_FULL`, `SQLITE_IOERR`, `SQLITE_NOMEM`), the
//!   `COMMIT` fails and every member is told so, and no later writer runs in what SQLite
//!   would treat as autocommit mode.
//! - A `COMMIT` that fails fails every member: none of them was acknowledged.
//! - Commits and flushes run in spawned tasks, so a cancelled request cannot leave a group half
//!   committed or its members without an answer.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::Duration;

use sea_orm::{
    ConnAcquireErr, DatabaseConnection, DatabaseTransaction, DbErr, SqliteTransactionMode,
    TransactionOptions, TransactionTrait,
};
use tokio::sync::{Mutex, OwnedMutexGuard, oneshot};

/// The writer connection of an SQLite store and the group in progress on it.
#[derive(Clone)]
pub(crate) struct Writer {
    conn: DatabaseConnection,
    shared: Arc<Shared>,
}

impl std::fmt::Debug for Writer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Writer")
            .field("stats", &self.stats())
            .finish_non_exhaustive()
    }
}

struct Shared {
    group: Arc<Mutex<Group>>,
    /// Writers waiting for their turn (flush tasks are not counted).
    waiting: AtomicUsize,
    /// How long a writer waits for its turn before it gives up as busy.
    timeout: Duration,
    committed: AtomicU64,
    commits: AtomicU64,
    round_trips: AtomicU64,
}

/// What the writer's lock guards.
#[derive(Default)]
struct Group {
    /// The outer transaction while its group is open: members have released their work into
    /// it and wait for its `COMMIT`. `None` between groups and while a lead runs (the lead
    /// holds it).
    outer: Option<DatabaseTransaction>,
    /// Counts outer transactions, so a flush commits only the group it was queued for.
    epoch: u64,
    /// The members waiting for the `COMMIT` of the open group.
    members: Vec<oneshot::Sender<Result<(), DbErr>>>,
    /// A member did not commit: close the group before anyone else runs in it.
    close_first: bool,
    /// A flush task is queued for this group.
    flush_queued: bool,
}

/// How many write transactions were acknowledged and how many `COMMIT`s that took.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct GroupStats {
    /// Write transactions acknowledged as committed.
    pub committed: u64,
    /// `COMMIT` statements that acknowledged them.
    pub commits: u64,
    /// Calls the acknowledged write transactions made on the writer connection, each one's
    /// `BEGIN` (or `SAVEPOINT`) and `COMMIT` (or `RELEASE`) included: every call is a hand-off
    /// to sqlx's worker thread and back while the writer is held, so calls per transaction
    /// bound how many transactions a second the writer takes (`Tx::defer`).
    pub round_trips: u64,
}

/// A writer's turn: held by its [`crate::Tx`] until it commits or is dropped.
pub(crate) struct Member {
    guard: Option<OwnedMutexGuard<Group>>,
    lead: bool,
    shared: Arc<Shared>,
}

impl std::fmt::Debug for Member {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Member")
            .field("lead", &self.lead)
            .finish_non_exhaustive()
    }
}

/// Counts a waiting writer for as long as it waits, cancelled or not.
struct Waiting<'a>(&'a AtomicUsize);

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

impl Writer {
    pub(crate) fn new(conn: DatabaseConnection, timeout: Duration) -> Self {
        Writer {
            conn,
            shared: Arc::new(Shared {
                group: Arc::new(Mutex::new(Group::default())),
                waiting: AtomicUsize::new(0),
                timeout,
                committed: AtomicU64::new(0),
                commits: AtomicU64::new(0),
                round_trips: AtomicU64::new(0),
            }),
        }
    }

    pub(crate) fn stats(&self) -> GroupStats {
        GroupStats {
            committed: self.shared.committed.load(Ordering::Relaxed),
            commits: self.shared.commits.load(Ordering::Relaxed),
            round_trips: self.shared.round_trips.load(Ordering::Relaxed),
        }
    }

    /// Writers waiting for their turn now.
    pub(crate) fn waiting(&self) -> usize {
        self.shared.waiting.load(Ordering::Acquire)
    }

    /// Waits for the writer's turn and starts a transaction in the open group, or a new group.
    pub(crate) async fn begin(&self) -> Result<(DatabaseTransaction, Member), DbErr> {
        let guard = {
            self.shared.waiting.fetch_add(1, Ordering::AcqRel);
            let _waiting = Waiting(&self.shared.waiting);
            tokio::time::timeout(
                self.shared.timeout,
                Arc::clone(&self.shared.group).lock_owned(),
            )
            .await
            .map_err(|_| DbErr::ConnectionAcquire(ConnAcquireErr::Timeout))?
        };
        let mut guard = if guard.close_first {
            spawn_close(guard, Arc::clone(&self.shared))
                .await
                .map_err(|e| DbErr::Custom(format!("closing a group of writes failed: {e}")))?
        } else {
            guard
        };
        let savepoint = match &guard.outer {
            Some(outer) => Some(outer.begin().await),
            None => None,
        };
        let (txn, lead) = match savepoint {
            Some(Ok(txn)) => (txn, false),
            Some(Err(err)) => {
                // Whatever broke the savepoint may have ended the transaction: nobody else
                // runs in this group.
                guard.close_first = true;
                return Err(err);
            }
            None => {
                let options = TransactionOptions {
                    sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
                    ..TransactionOptions::default()
                };
                let txn = self.conn.begin_with_options(options).await?;
                guard.epoch += 1;
                guard.flush_queued = false;
                (txn, true)
            }
        };
        Ok((
            txn,
            Member {
                guard: Some(guard),
                lead,
                shared: Arc::clone(&self.shared),
            },
        ))
    }
}

impl Member {
    /// Commits `txn` (this member's transaction, which made `round_trips` calls) and returns
    /// once it is durable.
    pub(crate) async fn commit(
        mut self,
        txn: DatabaseTransaction,
        round_trips: u64,
    ) -> Result<(), DbErr> {
        let shared = Arc::clone(&self.shared);
        let outcome = self.commit_in_group(txn).await;
        if outcome.is_ok() {
            shared.round_trips.fetch_add(round_trips, Ordering::Relaxed);
        }
        outcome
    }

    async fn commit_in_group(&mut self, txn: DatabaseTransaction) -> Result<(), DbErr> {
        let shared = Arc::clone(&self.shared);
        if self.lead && shared.waiting.load(Ordering::Acquire) == 0 {
            // Alone: an ordinary transaction.
            txn.commit().await?;
            self.guard = None;
            shared.committed.fetch_add(1, Ordering::Relaxed);
            shared.commits.fetch_add(1, Ordering::Relaxed);
            return Ok(());
        }
        let mut guard = if self.lead {
            let mut guard = self.guard.take().expect("a member holds the writer");
            guard.outer = Some(txn);
            guard
        } else {
            // RELEASE: on failure the member is dropped unfinished, which closes the group.
            txn.commit().await?;
            self.guard.take().expect("a member holds the writer")
        };
        let (sender, outcome) = oneshot::channel();
        guard.members.push(sender);
        if shared.waiting.load(Ordering::Acquire) == 0 {
            // Nobody else will join: commit the group now.
            drop(spawn_close(guard, Arc::clone(&shared)));
        } else {
            if !guard.flush_queued {
                guard.flush_queued = true;
                tokio::spawn(flush(Arc::clone(&shared), guard.epoch));
            }
            // The next writer runs in this group now.
            drop(guard);
        }
        outcome.await.unwrap_or_else(|_| {
            Err(DbErr::Custom(
                "the group's COMMIT did not finish; its outcome is unknown".to_owned(),
            ))
        })
    }
}

impl Drop for Member {
    /// A member dropped without committing: its transaction (dropped just before, see
    /// [`crate::Tx`]) has queued its rollback on the connection. A lead's rollback ends its
    /// group; a savepoint's leaves the group open, so it is closed before anyone else runs.
    fn drop(&mut self) {
        let Some(mut guard) = self.guard.take() else {
            return;
        };
        if self.lead || guard.outer.is_none() {
            return;
        }
        guard.close_first = true;
        if !guard.flush_queued
            && let Ok(runtime) = tokio::runtime::Handle::try_current()
        {
            guard.flush_queued = true;
            let epoch = guard.epoch;
            drop(guard);
            runtime.spawn(flush(Arc::clone(&self.shared), epoch));
        }
    }
}

/// Commits the group the flush was queued for, if nobody has yet.
async fn flush(shared: Arc<Shared>, epoch: u64) {
    let mut guard = Arc::clone(&shared.group).lock_owned().await;
    if guard.epoch == epoch && guard.outer.is_some() {
        close(&mut guard, &shared).await;
    }
}

/// Commits the open group in a task of its own (a cancelled caller cannot interrupt it); the
/// task gives the writer back when done.
fn spawn_close(
    mut guard: OwnedMutexGuard<Group>,
    shared: Arc<Shared>,
) -> tokio::task::JoinHandle<OwnedMutexGuard<Group>> {
    tokio::spawn(async move {
        close(&mut guard, &shared).await;
        guard
    })
}

async fn close(group: &mut Group, shared: &Shared) {
    group.close_first = false;
    group.flush_queued = false;
    let members = std::mem::take(&mut group.members);
    let result = match group.outer.take() {
        Some(outer) => {
            let result = outer.commit().await;
            shared.commits.fetch_add(1, Ordering::Relaxed);
            result
        }
        None => Ok(()),
    };
    if result.is_ok() {
        shared
            .committed
            .fetch_add(members.len() as u64, Ordering::Relaxed);
    }
    for member in members {
        let _ = member.send(result.clone());
    }
}
