//! The draft behind a mailed link: open, save (never losing what was typed), check, submit.

use std::sync::Arc;

use domain::document::{self, Catalogue, CheckContext, PostalDirectory};
use domain::finding::Finding;
use serde_json::{Value, json};
use store::{AccountRow, AccountTokenRow, ApplicationRow, IdempotencyRow, NewAuditEvent, Tx};

use crate::mail::{MailKind, MailLinks, japan_time};
use crate::token::{fingerprint, looks_like_token, new_token, token_hash};
use crate::{DraftError, FieldProblem, Registrar, SubmitError};

/// A draft as the applicant sees it.
#[derive(Debug, Clone)]
pub struct DraftView {
    /// The application's id.
    pub application_id: String,
    /// `draft` while it can be edited.
    pub status: String,
    /// Increases with every save; submit may name the revision the applicant confirmed.
    pub revision: i32,
    /// The application document, normalised.
    pub document: Value,
    /// When the link used expires (Unix ms).
    pub link_expires_at: i64,
    /// Last save (Unix ms).
    pub updated_at: i64,
}

/// The result of a save: the stored draft and what normalisation changed.
#[derive(Debug, Clone)]
pub struct SavedDraft {
    /// The draft after the save.
    pub draft: DraftView,
    /// One `info` finding per value that normalisation rewrote.
    pub changes: Vec<Finding>,
}

/// What a submission came to.
#[derive(Debug, Clone)]
pub enum SubmitOutcome {
    /// Submitted now, or earlier under the same idempotency key and body.
    Submitted(SubmitReceipt),
    /// Not submitted: the document has error findings. Nothing changed.
    Rejected(CheckReport),
}

/// The stored answer to a successful submission.
#[derive(Debug, Clone)]
pub struct SubmitReceipt {
    /// `{"application_id", "status", "submitted_at"}`.
    pub body: Value,
    /// True when this is the stored answer to an earlier identical request.
    pub replayed: bool,
}

/// Japan Post data as the domain rules want it.
struct PostalData;

impl PostalDirectory for PostalData {
    fn candidates(&self, postal_code: &str) -> Vec<(String, String)> {
        postal::lookup(postal_code)
            .iter()
            .map(|l| (l.prefecture.to_owned(), l.city.to_owned()))
            .collect()
    }
}

pub(crate) fn check_context(catalogue: &dyn Catalogue) -> CheckContext<'_> {
    CheckContext {
        postal: &PostalData,
        catalogue,
    }
}

/// Every finding on a document: the core rules', and each owning plugin's review.
#[derive(Debug, Clone)]
pub struct CheckReport {
    /// Findings of the core rules (normalisation notes first).
    pub core: Vec<Finding>,
    /// One review per plugin that owns a line of the document.
    pub plugins: Vec<crate::PluginReview>,
}

impl CheckReport {
    /// Whether anything blocks submission.
    pub fn has_errors(&self) -> bool {
        domain::finding::has_errors(&self.core)
            || self.plugins.iter().any(crate::PluginReview::has_errors)
    }
}

/// What [`Registrar::submittable`] found.
enum Submittable {
    /// A draft to submit (its document is the stored text).
    Draft(ApplicationRow),
    /// The stored answer to the same request made before.
    Replay(SubmitReceipt),
}

/// The longest idempotency key accepted.
const IDEMPOTENCY_KEY_MAX: usize = 255;

impl Registrar {
    /// The draft a link opens.
    pub async fn open_draft(&self, token: &str) -> Result<DraftView, DraftError> {
        let tx = self.store.read().await?;
        let (application, expires_at) = self.usable_draft(&tx, token).await?;
        Ok(view(application, expires_at))
    }

    /// Saves the whole document as typed, after normalising what is unambiguous.
    pub async fn save_draft(
        &self,
        token: &str,
        mut document: Value,
        locale: i18n::Locale,
    ) -> Result<SavedDraft, DraftError> {
        if !document.is_object() {
            return Err(DraftError::NotAnObject);
        }
        let now = self.now();
        let tx = self.store.write().await?;
        let (mut application, expires_at) = self.usable_draft(&tx, token).await?;
        let catalogue = self.plugins();
        let changes = document::normalise(&mut document, &check_context(&*catalogue));
        let text = document.to_string();
        tx.update_application_document(&application.id, text.clone(), now)
            .await?;
        if application.locale != locale.tag() {
            tx.set_application_locale(&application.id, locale.tag())
                .await?;
        }
        application.revision += 1;
        application.document = text;
        application.updated_at = now;
        tx.append_audit(NewAuditEvent {
            at: now,
            actor: &format!("applicant:{}", application.id),
            action: "draft.saved",
            subject_type: "application",
            subject_id: &application.id,
            detail: json!({ "revision": application.revision, "normalised": changes.len() })
                .to_string(),
        })
        .await?;
        tx.commit().await?;
        Ok(SavedDraft {
            draft: view(application, expires_at),
            changes,
        })
    }

    /// Keeps the establishments read from an uploaded workbook until the applicant confirms
    /// them; the draft itself does not change.
    pub async fn stage_import(
        &self,
        token: &str,
        establishments: &[Value],
    ) -> Result<(), DraftError> {
        let now = self.now();
        let tx = self.store.write().await?;
        let (application, _) = self.usable_draft(&tx, token).await?;
        // Serialised from the borrowed rows: no second copy of 20,000 establishments.
        tx.put_draft_import(
            &application.id,
            serde_json::to_string(establishments).unwrap_or_else(|_| "[]".to_owned()),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Replaces the draft's establishments with the staged import, in one transaction with its
    /// audit entry. `None` when nothing is staged (already applied, or never uploaded).
    pub async fn apply_import(&self, token: &str) -> Result<Option<usize>, DraftError> {
        let now = self.now();
        let tx = self.store.write().await?;
        let (application, _) = self.usable_draft(&tx, token).await?;
        let Some(staged) = tx.take_draft_import(&application.id).await? else {
            return Ok(None);
        };
        let establishments: Value = serde_json::from_str(&staged).unwrap_or_else(|_| json!([]));
        drop(staged);
        let count = establishments.as_array().map_or(0, Vec::len);
        let mut document: Value =
            serde_json::from_str(&application.document).unwrap_or_else(|_| json!({}));
        if !document.is_object() {
            document = json!({});
        }
        document["establishments"] = establishments;
        {
            let catalogue = self.plugins();
            document::normalise(&mut document, &check_context(&*catalogue));
        }
        tx.update_application_document(&application.id, document.to_string(), now)
            .await?;
        tx.append_audit(NewAuditEvent {
            at: now,
            actor: &format!("applicant:{}", application.id),
            action: "draft.imported",
            subject_type: "application",
            subject_id: &application.id,
            detail: json!({ "establishments": count }).to_string(),
        })
        .await?;
        tx.commit().await?;
        Ok(Some(count))
    }

    /// Every finding on the stored draft, core and plugins', without submitting.
    pub async fn check_draft(&self, token: &str) -> Result<CheckReport, DraftError> {
        let stored = {
            let tx = self.store.read().await?;
            self.usable_draft(&tx, token).await?.0.document
        };
        Ok(self.check_document(stored).await.1.clone())
    }

    /// The stored document normalised once more, and everything the core rules and the
    /// owning plugins find in it; the same text under the same plugins is judged once
    /// (`judgement.rs`).
    async fn check_document(&self, stored: String) -> crate::judgement::Judged {
        self.check_stored(stored).await.1
    }

    /// [`Registrar::check_document`], with the key (hash) of the stored text it judged.
    async fn check_stored(&self, stored: String) -> ([u8; 32], crate::judgement::Judged) {
        let key = crate::judgement::key_of(&stored);
        let plugins = self.plugins();
        if let Some(judged) = self.judgements.get(&key, &plugins) {
            return (key, judged);
        }
        let length = stored.len();
        let document = serde_json::from_str(&stored).unwrap_or(Value::Null);
        // The text is not needed while the plugins run (a large application's is megabytes).
        drop(stored);
        let judged = Arc::new(self.check_value(document).await);
        self.judgements.put(key, plugins, length, judged.clone());
        (key, judged)
    }

    /// A document normalised once more, and everything the core rules and the owning plugins
    /// find in it.
    pub(crate) async fn check_value(&self, mut document: Value) -> (Value, CheckReport) {
        let core = {
            // The context borrows trait objects: keep it out of the await below.
            let catalogue = self.plugins();
            let context = check_context(&*catalogue);
            let mut core = document::normalise(&mut document, &context);
            core.extend(document::check(&document, &context));
            core
        };
        // Shared with the plugin tasks rather than copied; theirs are gone once they answered.
        let document = Arc::new(document);
        let plugins = self.review_with_plugins(&document).await;
        let document = Arc::try_unwrap(document).unwrap_or_else(|shared| (*shared).clone());
        (document, CheckReport { core, plugins })
    }

    /// Submits the draft when it has no error finding. `body` is the raw request body: empty,
    /// `{}` or `{"revision": n}`; with the idempotency key it identifies the request.
    pub async fn submit_draft(
        &self,
        token: &str,
        idempotency_key: Option<&str>,
        body: &[u8],
    ) -> Result<SubmitOutcome, SubmitError> {
        let key = validate_idempotency_key(idempotency_key)?;
        let confirmed_revision = parse_submit_body(body)?;
        if !looks_like_token(token) {
            return Err(DraftError::LinkInvalid.into());
        }
        let request_hash = fingerprint(body);
        // Everything a submission reads about its draft is read before it takes the writer
        // (on SQLite one connection, for which every write queues: issue 6, P1), and judged
        // outside any transaction (plugins may take a while). The checked `UPDATE` below makes
        // sure that what was read and judged is still what gets submitted; when it is not,
        // `refused_submission` reads again to say why.
        let mut application = match self.submittable(token, key, &request_hash).await? {
            Submittable::Draft(application) => application,
            Submittable::Replay(receipt) => return Ok(SubmitOutcome::Submitted(receipt)),
        };
        if let Some(revision) = confirmed_revision
            && revision != application.revision
        {
            return Err(SubmitError::RevisionMismatch {
                current: application.revision,
            });
        }
        let stored_length = application.document.len();
        let (stored_key, judged) = self
            .check_stored(std::mem::take(&mut application.document))
            .await;
        let (document, report) = &*judged;
        if report.has_errors() {
            // Nothing was written: a refused submission changes nothing.
            return Ok(SubmitOutcome::Rejected(report.clone()));
        }
        let findings = &report.core;
        let normalised = document.to_string();
        // Compared by hash: the stored text of a large application is megabytes, and is not
        // kept while the plugins run and the review lines are written (P2's peak memory).
        let normalised = (normalised.len() != stored_length
            || crate::judgement::key_of(&normalised) != stored_key)
            .then_some(normalised);
        let now = self.now();
        let scope = format!("submit:{}", application.id);
        let judged_by: Vec<String> = report.plugins.iter().map(|r| r.plugin.label()).collect();
        let tx = self.store.write().await?;
        // The reads that must see the latest commit first, then the writes: on SQLite all but
        // the first of them, and the audit entry's, go to the writer connection in one call
        // (`store::Tx::defer`).
        let owners = crate::review::owners(&tx).await?;
        let account = tx.account_by_email_key(&application.email_key).await?;
        if !tx
            .submit_application(
                &application.id,
                application.revision,
                serde_json::to_string(&judged_by).unwrap_or_default(),
                normalised,
                now,
            )
            .await?
        {
            drop(tx);
            return self
                .refused_submission(token, key, &request_hash, application.revision)
                .await;
        }
        tx.append_audit(NewAuditEvent {
            at: now,
            actor: &format!("applicant:{}", application.id),
            action: "application.submitted",
            subject_type: "application",
            subject_id: &application.id,
            detail: json!({
                "revision": application.revision,
                "warnings": findings.iter().filter(|f| f.severity == domain::finding::Severity::Warning).count(),
            })
            .to_string(),
        })
        .await?;
        tx.revoke_draft_tokens(&application.id, now).await?;
        let lines = crate::review::document_lines(document)
            .into_iter()
            .map(|(path, business_type)| (path, business_type, None))
            .collect();
        self.route_first_round(&tx, (&application.id, document), &owners, lines, now)
            .await?;
        let locale = i18n::Locale::from_tag(&application.locale).unwrap_or(i18n::Locale::Ja);
        let account_id = match account {
            Some(account) => account.id,
            None => new_account(&tx, &application, now).await?,
        };
        let password_token = new_token();
        let password_expires = now + self.config.password_link_ttl_ms;
        tx.insert_account_token(AccountTokenRow {
            token_hash: token_hash(&password_token),
            account_id: account_id.clone(),
            purpose: "set_password".to_owned(),
            created_at: now,
            expires_at: password_expires,
            used_at: None,
        })
        .await?;
        let mail = self.compose_mail(
            MailKind::Submitted,
            locale,
            &application.email,
            &[
                ("application_id", application.id.clone().into()),
                ("login_id", application.email.clone().into()),
                (
                    "password_link",
                    MailLinks::password(&self.config.base_url, &password_token).into(),
                ),
                ("expires", japan_time(password_expires).into()),
            ],
        );
        tx.enqueue_mail(mail, now).await?;
        let body = json!({
            "application_id": application.id,
            "status": "submitted",
            "submitted_at": chrono::DateTime::from_timestamp_millis(now)
                .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)),
        });
        tx.insert_idempotency_record(IdempotencyRow {
            scope,
            key: key.to_owned(),
            request_hash,
            status: 201,
            body: body.to_string(),
            created_at: now,
        })
        .await?;
        tx.commit().await?;
        self.mail_ready.notify_one();
        Ok(SubmitOutcome::Submitted(SubmitReceipt {
            body,
            replayed: false,
        }))
    }

    /// What a submission with this link, key and body finds, read on a reader: the draft to
    /// submit, or the stored answer to the same request made before.
    async fn submittable(
        &self,
        token: &str,
        key: &str,
        request_hash: &str,
    ) -> Result<Submittable, SubmitError> {
        let tx = self.store.read().await?;
        self.submittable_in(&tx, token, key, request_hash).await
    }

    /// [`Registrar::submittable`] within a transaction.
    async fn submittable_in(
        &self,
        tx: &Tx,
        token: &str,
        key: &str,
        request_hash: &str,
    ) -> Result<Submittable, SubmitError> {
        let Some(link) = tx.draft_token(&token_hash(token)).await? else {
            return Err(DraftError::LinkInvalid.into());
        };
        let scope = format!("submit:{}", link.application_id);
        if let Some(record) = tx.idempotency_record(&scope, key).await? {
            if record.request_hash != request_hash {
                return Err(SubmitError::IdempotencyKeyReused);
            }
            let body = serde_json::from_str(&record.body).unwrap_or(Value::Null);
            return Ok(Submittable::Replay(SubmitReceipt {
                body,
                replayed: true,
            }));
        }
        let (application, _) = self.draft_of_link(tx, &link).await?;
        Ok(Submittable::Draft(application))
    }

    /// Why the checked `UPDATE` of a submission found its draft changed since it was read:
    /// another request submitted it (the same one, with this key: its stored answer), or
    /// saved it again.
    async fn refused_submission(
        &self,
        token: &str,
        key: &str,
        request_hash: &str,
        read_revision: i32,
    ) -> Result<SubmitOutcome, SubmitError> {
        // Read on the writer, and answered only once that read is committed: on SQLite the
        // request that submitted the draft may share a group commit with this one, and a
        // reader would not see its writes before the group's COMMIT (`store::group`).
        let tx = self.store.write().await?;
        let found = self.submittable_in(&tx, token, key, request_hash).await;
        tx.commit().await?;
        match found? {
            Submittable::Replay(receipt) => Ok(SubmitOutcome::Submitted(receipt)),
            Submittable::Draft(application) if application.revision != read_revision => {
                Err(SubmitError::RevisionMismatch {
                    current: application.revision,
                })
            }
            Submittable::Draft(_) => Err(DraftError::AlreadySubmitted.into()),
        }
    }

    /// The application a link opens, if the link is known, unexpired, unrevoked and the
    /// application is still a draft; with the link's expiry.
    async fn usable_draft(
        &self,
        tx: &Tx,
        token: &str,
    ) -> Result<(ApplicationRow, i64), DraftError> {
        if !looks_like_token(token) {
            return Err(DraftError::LinkInvalid);
        }
        let link = tx
            .draft_token(&token_hash(token))
            .await?
            .ok_or(DraftError::LinkInvalid)?;
        self.draft_of_link(tx, &link).await
    }

    /// The draft a link found leads to, if the link is still usable and the draft still one.
    async fn draft_of_link(
        &self,
        tx: &Tx,
        link: &store::DraftTokenRow,
    ) -> Result<(ApplicationRow, i64), DraftError> {
        if link.revoked_at.is_some() {
            return Err(DraftError::AlreadySubmitted);
        }
        if link.expires_at <= self.now() {
            return Err(DraftError::LinkExpired);
        }
        let application = tx
            .application(&link.application_id)
            .await?
            .ok_or(DraftError::LinkInvalid)?;
        if application.status != "draft" {
            return Err(DraftError::AlreadySubmitted);
        }
        Ok((application, link.expires_at))
    }
}

/// A new account, without a password, for the application's login e-mail (which has none);
/// its id.
async fn new_account(
    tx: &Tx,
    application: &ApplicationRow,
    now: i64,
) -> Result<String, store::StoreError> {
    let id = uuid::Uuid::now_v7().to_string();
    tx.insert_account(AccountRow {
        id: id.clone(),
        email: application.email.clone(),
        email_key: application.email_key.clone(),
        locale: application.locale.clone(),
        password_hash: None,
        created_at: now,
        password_changed_at: None,
    })
    .await?;
    Ok(id)
}

fn view(application: ApplicationRow, link_expires_at: i64) -> DraftView {
    DraftView {
        document: serde_json::from_str(&application.document).unwrap_or(Value::Null),
        application_id: application.id,
        status: application.status,
        revision: application.revision,
        link_expires_at,
        updated_at: application.updated_at,
    }
}

fn validate_idempotency_key(key: Option<&str>) -> Result<&str, SubmitError> {
    let key = key.ok_or(SubmitError::IdempotencyKeyMissing)?;
    if key.is_empty()
        || key.len() > IDEMPOTENCY_KEY_MAX
        || !key.bytes().all(|b| b.is_ascii_graphic())
    {
        return Err(SubmitError::IdempotencyKeyInvalid);
    }
    Ok(key)
}

fn parse_submit_body(body: &[u8]) -> Result<Option<i32>, SubmitError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    let invalid = |code| SubmitError::Invalid(vec![FieldProblem::new("", code)]);
    let value: Value = serde_json::from_slice(body).map_err(|_| invalid("body_invalid_json"))?;
    let Some(object) = value.as_object() else {
        return Err(invalid("body_not_object"));
    };
    if let Some(field) = object.keys().find(|k| k.as_str() != "revision") {
        tracing::debug!(field, "unknown field in submit body");
        return Err(SubmitError::Invalid(vec![FieldProblem::new(
            "/revision",
            "submit_body_unknown_field",
        )]));
    }
    match object.get("revision") {
        None | Some(Value::Null) => Ok(None),
        Some(revision) => revision
            .as_i64()
            .and_then(|r| i32::try_from(r).ok())
            .map(Some)
            .ok_or_else(|| {
                SubmitError::Invalid(vec![FieldProblem::new("/revision", "revision_invalid")])
            }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idempotency_keys_must_be_visible_ascii_of_sane_length() {
        assert!(matches!(
            validate_idempotency_key(None),
            Err(SubmitError::IdempotencyKeyMissing)
        ));
        for bad in ["", "with space", "日本", &"k".repeat(256)] {
            assert!(
                matches!(
                    validate_idempotency_key(Some(bad)),
                    Err(SubmitError::IdempotencyKeyInvalid)
                ),
                "{bad:?}"
            );
        }
        assert!(validate_idempotency_key(Some("0b6f6c1e-8d1b-4b7e-9d55-3a0c8a4a8f11")).is_ok());
    }

    #[test]
    fn submit_body_is_empty_or_names_a_revision() {
        assert_eq!(parse_submit_body(b"").ok(), Some(None));
        assert_eq!(parse_submit_body(b"{}").ok(), Some(None));
        assert_eq!(parse_submit_body(br#"{"revision": 3}"#).ok(), Some(Some(3)));
        for bad in [
            &b"[]"[..],
            b"{",
            br#"{"revision": "3"}"#,
            br#"{"other": 1}"#,
        ] {
            assert!(
                matches!(parse_submit_body(bad), Err(SubmitError::Invalid(_))),
                "{bad:?}"
            );
        }
    }
}
