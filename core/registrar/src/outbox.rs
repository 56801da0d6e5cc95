//! The outbox worker: claims due mail, delivers it through the [`mailer::Mailer`], and marks it
//! sent or schedules a retry with exponential back-off (giving up on permanent errors or after
//! [`MAX_ATTEMPTS`]). Several workers (on several instances) may run: claims are leases.

use mailer::{Mailer, OutgoingMail};

use crate::Registrar;

/// Attempts before a message is given up on.
pub const MAX_ATTEMPTS: i32 = 10;
const LEASE_MS: i64 = 60_000;
const BATCH: u32 = 20;
/// How long a worker delivers from one claim before it marks what it has delivered.
const MARK_BEFORE: std::time::Duration = std::time::Duration::from_millis(LEASE_MS as u64 / 2);
const FIRST_RETRY_MS: i64 = 30_000;
const MAX_RETRY_MS: i64 = 60 * 60 * 1000;

/// What one pass over the outbox did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DeliveryReport {
    /// Messages delivered.
    pub sent: usize,
    /// Messages that failed and will be retried.
    pub retrying: usize,
    /// Messages given up on.
    pub failed: usize,
}

impl Registrar {
    /// Delivers every due message once; returns what happened. Store errors end the pass.
    pub async fn deliver_due_mail(
        &self,
        mailer: &Mailer,
    ) -> Result<DeliveryReport, store::StoreError> {
        let mut report = DeliveryReport::default();
        loop {
            let now = self.now();
            let batch = self.store.claim_outbox(now, LEASE_MS, BATCH).await?;
            if batch.is_empty() {
                return Ok(report);
            }
            // Delivered rows are marked sent together, once the batch is through: one write
            // transaction per batch instead of one per mail (on SQLite every write queues for
            // its one writer, beside the submissions). A crash before the mark means these
            // are delivered again after their lease, under the same Message-ID, as a crash
            // between one delivery and its mark always could.
            let claimed_at = std::time::Instant::now();
            let mut sent = Vec::with_capacity(batch.len());
            for row in batch {
                // Half the lease gone (a slow SMTP server): record what went out before
                // going on, so that another worker claiming after the lease cannot send
                // those again.
                if claimed_at.elapsed() > MARK_BEFORE && !sent.is_empty() {
                    self.store.mark_outbox_sent(&sent, self.now()).await?;
                    sent.clear();
                }
                let mail = OutgoingMail {
                    message_id: format!("outbox-{}@toroku", row.id),
                    from: self.config.mail_from.clone(),
                    to: row.recipient.clone(),
                    subject: row.subject.clone(),
                    body_text: row.body.clone(),
                    date: chrono::DateTime::from_timestamp_millis(row.created_at)
                        .unwrap_or_else(chrono::Utc::now),
                };
                match mailer.deliver(&mail).await {
                    Ok(()) => {
                        sent.push(row.id);
                        report.sent += 1;
                    }
                    Err(err) => {
                        let attempts = row.attempts + 1;
                        let give_up = !err.is_transient() || attempts >= MAX_ATTEMPTS;
                        let now = self.now();
                        tracing::warn!(outbox_id = row.id, attempts, give_up, error = %err, "mail delivery failed");
                        self.store
                            .mark_outbox_attempt_failed(
                                &row,
                                &err.to_string(),
                                now + retry_delay(attempts),
                                give_up,
                                now,
                            )
                            .await?;
                        if give_up {
                            report.failed += 1;
                        } else {
                            report.retrying += 1;
                        }
                    }
                }
            }
            self.store.mark_outbox_sent(&sent, self.now()).await?;
        }
    }

    /// Runs [`Registrar::deliver_due_mail`] whenever mail is queued, and every `idle` otherwise
    /// (for retries and for mail queued by other instances). Never returns.
    pub async fn run_outbox_worker(&self, mailer: Mailer, idle: std::time::Duration) {
        let ready = self.mail_ready();
        loop {
            match self.deliver_due_mail(&mailer).await {
                Ok(report) if report != DeliveryReport::default() => {
                    tracing::info!(?report, "outbox pass");
                }
                Ok(_) => {}
                Err(err) => tracing::error!(error = %err, "outbox pass failed"),
            }
            let _ = tokio::time::timeout(idle, ready.notified()).await;
        }
    }
}

/// Back-off before attempt `attempts + 1`: 30 s, 1 min, 2 min, … capped at an hour.
fn retry_delay(attempts: i32) -> i64 {
    let exponent = u32::try_from(attempts.saturating_sub(1))
        .unwrap_or(0)
        .min(20);
    (FIRST_RETRY_MS << exponent).min(MAX_RETRY_MS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_back_off_exponentially_up_to_an_hour() {
        assert_eq!(retry_delay(1), 30_000);
        assert_eq!(retry_delay(2), 60_000);
        assert_eq!(retry_delay(3), 120_000);
        assert_eq!(retry_delay(30), MAX_RETRY_MS);
    }
}
