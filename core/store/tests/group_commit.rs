//! Group commit on SQLite's writer (`group.rs`): writers that queue share one `COMMIT`, each
//! is acknowledged only once its work is durable, and a writer that does not commit, fails or
//! is cancelled leaves nothing behind and does not take the others down with it. And the
//! writes a transaction defers to send them in one call (`Tx::defer`): seen by its own reads,
//! each with its own parameters, and all or nothing.

use store::{GroupStats, IdempotencyRow, Store, StoreConfig};

async fn store(dir: &tempfile::TempDir) -> Store {
    let store = Store::connect(&StoreConfig::sqlite_in(dir.path()))
        .await
        .expect("connect");
    store.migrate().await.expect("migrate");
    store
}

fn row(key: &str) -> IdempotencyRow {
    IdempotencyRow {
        scope: "group-commit".to_owned(),
        key: key.to_owned(),
        request_hash: "h".to_owned(),
        status: 201,
        body: "{}".to_owned(),
        created_at: 0,
    }
}

/// Whether `key` is there, read through a second store on the same file (another pool, as
/// another process would): only committed work is visible to it.
async fn committed(other: &Store, key: &str) -> bool {
    let tx = other.read().await.expect("read");
    tx.idempotency_record("group-commit", key)
        .await
        .expect("select")
        .is_some()
}

/// One write transaction inserting `key`, committed.
async fn write(store: &Store, key: &str) -> Result<(), store::StoreError> {
    let tx = store.write().await?;
    tx.insert_idempotency_record(row(key)).await?;
    tx.commit().await
}

/// A store, a second store on the same file (another pool, as another process would use), and
/// a write transaction of the first that has inserted `a` and not committed yet.
async fn first_writer() -> (tempfile::TempDir, Store, Store, store::Tx) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = store(&dir).await;
    let other = self::store(&dir).await;
    let first = inserting(&store, "a").await;
    (dir, store, other, first)
}

/// A write transaction that has inserted `key` and not committed yet.
async fn inserting(store: &Store, key: &str) -> store::Tx {
    let tx = store.write().await.expect("write");
    tx.insert_idempotency_record(row(key))
        .await
        .expect("insert");
    tx
}

#[tokio::test]
async fn a_writer_that_queued_shares_the_commit_and_both_return_after_it() {
    let (_dir, store, other, first) = first_writer().await;
    let second = tokio::spawn({
        let store = store.clone();
        let other = other.clone();
        async move {
            write(&store, "b").await.expect("commit b");
            // Acknowledged means committed: another connection sees it.
            assert!(
                committed(&other, "b").await,
                "b acknowledged but not committed"
            );
        }
    });
    // This test's runtime has one thread: the spawned writer runs now and queues.
    tokio::task::yield_now().await;
    assert_eq!(
        store.writers_waiting(),
        1,
        "the second writer should be queued"
    );

    first.commit().await.expect("commit a");
    assert!(
        committed(&other, "a").await,
        "a acknowledged but not committed"
    );
    second.await.expect("second writer");
    assert_eq!(
        store.group_stats(),
        GroupStats {
            committed: 2,
            commits: 1,
            // Each: SAVEPOINT or BEGIN, its deferred insert, RELEASE or COMMIT.
            round_trips: 6,
        },
        "two transactions, one COMMIT"
    );
}

#[tokio::test]
async fn a_writer_that_rolls_back_inside_a_group_leaves_nothing_and_the_others_commit() {
    let (_dir, store, other, first) = first_writer().await;
    let dropped = tokio::spawn({
        let store = store.clone();
        async move {
            let tx = inserting(&store, "b").await;
            // Dropped without commit: rolled back.
            drop(tx);
        }
    });
    let third = tokio::spawn({
        let store = store.clone();
        async move { write(&store, "c").await.expect("commit c") }
    });
    tokio::task::yield_now().await;
    assert_eq!(store.writers_waiting(), 2);

    first.commit().await.expect("commit a");
    dropped.await.expect("dropped writer");
    third.await.expect("third writer");
    assert!(committed(&other, "a").await);
    assert!(
        !committed(&other, "b").await,
        "a rolled-back writer left its row"
    );
    assert!(committed(&other, "c").await);
    // The writer after the rolled-back one did not join the group: a's group was closed first.
    assert_eq!(
        store.group_stats(),
        GroupStats {
            committed: 2,
            commits: 2,
            round_trips: 6,
        }
    );
}

#[tokio::test]
async fn a_cancelled_writer_inside_a_group_leaves_nothing_and_the_group_still_commits() {
    let (_dir, store, other, first) = first_writer().await;
    let (inserted_tx, inserted) = tokio::sync::oneshot::channel();
    let stuck = tokio::spawn({
        let store = store.clone();
        async move {
            let tx = inserting(&store, "b").await;
            inserted_tx.send(()).expect("signal");
            // A request that never finishes, cancelled below while it holds the writer.
            std::future::pending::<()>().await;
            drop(tx);
        }
    });
    tokio::task::yield_now().await;
    assert_eq!(store.writers_waiting(), 1);

    let commit_a = tokio::spawn(first.commit());
    inserted.await.expect("b inserted");
    stuck.abort();
    assert!(stuck.await.expect_err("aborted").is_cancelled());
    commit_a.await.expect("task").expect("commit a");

    assert!(committed(&other, "a").await);
    assert!(
        !committed(&other, "b").await,
        "a cancelled writer left its row"
    );
    // The writer is free again, and its next transaction is an ordinary one.
    write(&store, "c").await.expect("commit c");
    assert!(committed(&other, "c").await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_writers_at_once_each_get_exactly_their_own_outcome() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = store(&dir).await;
    let other = self::store(&dir).await;
    let writers = 200;
    let mut tasks = Vec::new();
    for i in 0..writers {
        let store = store.clone();
        tasks.push(tokio::spawn(async move {
            let key = format!("k{i}");
            let tx = store.write().await.expect("write");
            tx.insert_idempotency_record(row(&key))
                .await
                .expect("insert");
            if i % 5 == 0 {
                // Every fifth gives up: rolled back.
                return false;
            }
            if i % 7 == 0 {
                // Every seventh (not fifth) inserts a duplicate: its own failure, rolled back.
                // The insert is deferred (`Tx::defer`), so the failure comes at the commit.
                tx.insert_idempotency_record(row(&key))
                    .await
                    .expect("deferred");
                let err = tx.commit().await.expect_err("a duplicate key");
                assert!(matches!(err, store::StoreError::Conflict), "{err}");
                return false;
            }
            tx.commit().await.expect("commit");
            true
        }));
    }
    let mut expected = Vec::new();
    for (i, task) in tasks.into_iter().enumerate() {
        expected.push((i, task.await.expect("task")));
    }
    for (i, kept) in expected {
        assert_eq!(committed(&other, &format!("k{i}")).await, kept, "k{i}");
    }
    let stats = store.group_stats();
    let kept = (0..writers).filter(|i| i % 5 != 0 && i % 7 != 0).count() as u64;
    assert_eq!(stats.committed, kept);
    assert!(stats.commits <= kept, "{stats:?}");
}

#[tokio::test]
async fn deferred_writes_are_seen_by_the_next_read_of_their_transaction() {
    let (_dir, _store, other, first) = first_writer().await;
    // `a` is deferred, not sent: the read sends it first.
    let seen = first
        .idempotency_record("group-commit", "a")
        .await
        .expect("select");
    assert_eq!(seen.map(|r| r.key).as_deref(), Some("a"));
    assert!(!committed(&other, "a").await, "not before the commit");
    first.commit().await.expect("commit");
    assert!(committed(&other, "a").await);
}

#[tokio::test]
async fn deferred_writes_sent_together_each_keep_their_own_parameters() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = store(&dir).await;
    let tx = store.write().await.expect("write");
    for (i, key) in ["x", "y", "z"].into_iter().enumerate() {
        let status = 200 + i32::try_from(i).expect("small");
        tx.insert_idempotency_record(IdempotencyRow {
            request_hash: format!("hash-{key}"),
            status,
            body: format!("{{\"n\":{i}}}"),
            created_at: i64::from(status),
            ..row(key)
        })
        .await
        .expect("deferred");
    }
    tx.commit().await.expect("commit");
    let tx = store.read().await.expect("read");
    for (i, key) in ["x", "y", "z"].into_iter().enumerate() {
        let stored = tx
            .idempotency_record("group-commit", key)
            .await
            .expect("select")
            .expect("stored");
        let status = 200 + i32::try_from(i).expect("small");
        assert_eq!(stored.request_hash, format!("hash-{key}"));
        assert_eq!(stored.status, status);
        assert_eq!(stored.body, format!("{{\"n\":{i}}}"));
        assert_eq!(stored.created_at, i64::from(status));
    }
}

#[tokio::test]
async fn a_deferred_write_that_fails_at_the_commit_leaves_nothing() {
    let (_dir, store, other, first) = first_writer().await;
    first
        .insert_idempotency_record(row("b"))
        .await
        .expect("deferred");
    first
        .insert_idempotency_record(row("a"))
        .await
        .expect("deferred");
    let err = first.commit().await.expect_err("`a` twice");
    assert!(matches!(err, store::StoreError::Conflict), "{err}");
    assert!(!committed(&other, "a").await);
    assert!(
        !committed(&other, "b").await,
        "the writes before it went too"
    );
    // The writer is free again.
    write(&store, "c").await.expect("commit c");
    assert!(committed(&other, "c").await);
}
