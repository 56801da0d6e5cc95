//! Keeping several instances on one PostgreSQL in step: a change to plugins or to the policy
//! is announced after it commits, and every instance following the announcements reloads
//! that part from the database. Nothing else is cached in a process: sessions, the outbox,
//! idempotency keys and drafts live in the database.

use store::ChangeKind;

use crate::Registrar;

impl Registrar {
    /// Rebuilds this instance's policy after a tenant, ownership or staff change, and tells
    /// the other instances to do the same.
    pub(crate) async fn policy_changed(&self) -> Result<(), store::StoreError> {
        self.reload_policy().await?;
        self.announce(ChangeKind::Policy).await;
        Ok(())
    }

    /// Tells the other instances that `kind` changed. The change is committed already: a
    /// failure here is logged, and the periodic refresh still brings the others in step.
    pub(crate) async fn announce(&self, kind: ChangeKind) {
        if let Err(err) = self.store.announce(kind).await {
            tracing::error!(error = %err, ?kind, "announcing a change to other instances failed");
        }
    }

    /// Follows the announcements of every instance on the same PostgreSQL and reloads what
    /// changed. Listening has begun when this returns; the loop runs on a task of its own.
    /// `None` on SQLite.
    pub async fn follow_changes(
        &self,
    ) -> Result<Option<tokio::task::JoinHandle<()>>, store::StoreError> {
        let Some(mut follower) = self.store.follow_changes().await? else {
            return Ok(None);
        };
        let registrar = self.clone();
        Ok(Some(tokio::spawn(async move {
            loop {
                let kind = match follower.next().await {
                    Ok(kind) => kind,
                    Err(err) => {
                        // The pool is closing or the server is gone; the next call reconnects.
                        tracing::warn!(error = %err, "following change announcements failed");
                        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                        ChangeKind::Resync
                    }
                };
                registrar.reload(kind).await;
            }
        })))
    }

    /// Reloads what `kind` names, then reports it to [`Registrar::subscribe_reloads`].
    async fn reload(&self, kind: ChangeKind) {
        if matches!(kind, ChangeKind::Plugins | ChangeKind::Resync)
            && let Err(err) = self.refresh_plugins().await
        {
            tracing::error!(error = %err, "reloading plugins failed");
            return;
        }
        if matches!(kind, ChangeKind::Policy | ChangeKind::Resync)
            && let Err(err) = self.reload_policy().await
        {
            tracing::error!(error = %err, "reloading the policy failed");
            return;
        }
        tracing::debug!(?kind, "reloaded after an announcement");
        // Nobody listening is fine.
        let _ = self.reloads.send(kind);
    }

    /// The reloads this instance makes on announcements, as they happen.
    pub fn subscribe_reloads(&self) -> tokio::sync::broadcast::Receiver<ChangeKind> {
        self.reloads.subscribe()
    }
}
