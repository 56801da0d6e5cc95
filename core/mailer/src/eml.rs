//! Writes a message as `<dir>/<date>-<sanitised message id>.eml`, atomically and idempotently.

use std::io::Write as _;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::{DeliverError, OutgoingMail};

/// Writes `bytes` to the message's file via a temporary file and a rename, replacing an older copy.
pub(crate) async fn write(
    dir: &Path,
    mail: &OutgoingMail,
    bytes: &[u8],
) -> Result<(), DeliverError> {
    let name = file_name(mail);
    let target = dir.join(&name);
    // Unique per process and call, so two concurrent attempts never write into the same
    // temporary file; the leading dot keeps it out of `*.eml` globs.
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let temporary = dir.join(format!(
        ".{name}.{}-{}.tmp",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let (bytes, destination) = (bytes.to_vec(), target.clone());
    // One blocking task for the whole create-write-sync-rename sequence.
    let outcome = tokio::task::spawn_blocking(move || {
        let outcome = write_then_rename(&temporary, &destination, &bytes);
        if outcome.is_err() {
            // Best effort: the file may not exist, and the first error is what matters.
            let _ = std::fs::remove_file(&temporary);
        }
        outcome
    })
    .await;
    match outcome {
        Ok(Ok(())) => Ok(()),
        Ok(Err(error)) => Err(DeliverError::Transient(format!(
            "cannot write {}: {error}",
            target.display()
        ))),
        Err(error) => Err(DeliverError::Transient(format!(
            "writing {} did not finish: {error}",
            target.display()
        ))),
    }
}

fn write_then_rename(temporary: &Path, target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = std::fs::File::create(temporary)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    drop(file);
    std::fs::rename(temporary, target)
}

/// `20261121T093000Z-outbox-42@toroku.local.eml`: sorts by date, and is a function of the
/// date and message id only, so a retry finds the same name.
fn file_name(mail: &OutgoingMail) -> String {
    format!(
        "{}-{}.eml",
        mail.date.format("%Y%m%dT%H%M%SZ"),
        sanitise(&mail.message_id)
    )
}

/// Keeps characters that are safe in file names on every common file system; others become `_`.
/// Two ids differing only in replaced characters would share a file; ids made by the outbox
/// (`outbox-<n>@<host>`) contain none.
fn sanitise(message_id: &str) -> String {
    message_id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "@.+-_".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::sanitise;

    #[test]
    fn sanitising_keeps_outbox_ids_and_replaces_path_characters() {
        let cases = [
            ("outbox-42@toroku.local", "outbox-42@toroku.local"),
            ("a+b_c@d.e", "a+b_c@d.e"),
            ("../../etc/passwd@x", ".._.._etc_passwd@x"),
            ("a\\b:c*d?e|f@x", "a_b_c_d_e_f@x"),
            ("{id}$%&'=^`~!#@x", "_id___________@x"),
        ];
        for (id, expected) in cases {
            assert_eq!(sanitise(id), expected, "{id:?}");
        }
    }
}
