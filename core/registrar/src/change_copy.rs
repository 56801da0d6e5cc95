//! A registered applicant's working copy of the registered record. The step pages edit it as
//! they edit a draft; the change notification is then previewed and filed from it. The
//! registered record itself never changes here.

use domain::document;
use serde_json::{Value, json};
use store::{ApplicationRow, ChangeCopyRow, NewAuditEvent, Tx};

use crate::draft::check_context;
use crate::{ApplicantError, CheckReport, DraftView, Registrar, Session};

impl Registrar {
    /// The working copy of the caller's registered record, made from the record on first use
    /// (and made afresh when the record changed since). Refused while a change notification is
    /// pending or before registration.
    pub async fn open_change_copy(&self, session: &Session) -> Result<DraftView, ApplicantError> {
        {
            let tx = self.store.read().await?;
            let application = self.changeable_application(&tx, session).await?;
            if let Some(copy) = tx.change_copy(&application.id).await?
                && copy.base_revision == application.revision
            {
                return Ok(copy_view(&application, copy));
            }
        }
        let now = self.now();
        let tx = self.store.write().await?;
        let application = self.changeable_application(&tx, session).await?;
        let copy = match tx.change_copy(&application.id).await? {
            Some(copy) if copy.base_revision == application.revision => copy,
            _ => {
                let registration = tx
                    .registration(&application.id)
                    .await?
                    .ok_or(ApplicantError::Conflict("application_not_registered"))?;
                let copy = ChangeCopyRow {
                    application_id: application.id.clone(),
                    document: registration.document,
                    base_revision: application.revision,
                    revision: 0,
                    updated_at: now,
                };
                tx.put_change_copy(copy.clone()).await?;
                tx.commit().await?;
                copy
            }
        };
        Ok(copy_view(&application, copy))
    }

    /// Saves the working copy as typed, after normalising what is unambiguous.
    pub async fn save_change_copy(
        &self,
        session: &Session,
        mut document: Value,
    ) -> Result<DraftView, ApplicantError> {
        if !document.is_object() {
            return Err(ApplicantError::Invalid(vec![crate::FieldProblem::new(
                "/document",
                "document_not_object",
            )]));
        }
        let current = self.open_change_copy(session).await?;
        {
            let catalogue = self.plugins();
            document::normalise(&mut document, &check_context(&*catalogue));
        }
        let now = self.now();
        let tx = self.store.write().await?;
        let application = self.changeable_application(&tx, session).await?;
        let copy = ChangeCopyRow {
            application_id: application.id.clone(),
            document: document.to_string(),
            base_revision: application.revision,
            revision: current.revision + 1,
            updated_at: now,
        };
        tx.put_change_copy(copy.clone()).await?;
        tx.commit().await?;
        Ok(copy_view(&application, copy))
    }

    /// Every finding on the working copy, core and plugins'.
    pub async fn check_change_copy(
        &self,
        session: &Session,
    ) -> Result<CheckReport, ApplicantError> {
        let copy = self.open_change_copy(session).await?;
        Ok(self.check_value(copy.document).await.1)
    }

    /// The registered record against the working copy: every change and whether it needs a
    /// change notification (see [`Registrar::preview_change`]).
    pub async fn preview_change_copy(&self, session: &Session) -> Result<Value, ApplicantError> {
        let copy = self.open_change_copy(session).await?;
        self.preview_change(session, Some(copy.document)).await
    }

    /// Files the working copy as a change (see [`Registrar::file_change`]); the copy is spent.
    pub async fn file_change_copy(&self, session: &Session) -> Result<Value, ApplicantError> {
        let copy = self.open_change_copy(session).await?;
        self.file_change(session, Some(copy.document)).await
    }

    /// Throws the working copy away; the next edit starts again from the registered record.
    pub async fn discard_change_copy(&self, session: &Session) -> Result<(), ApplicantError> {
        let now = self.now();
        let tx = self.store.write().await?;
        let application = self.my_application_row(&tx, session).await?;
        if tx.delete_change_copy(&application.id).await? {
            tx.take_draft_import(&application.id).await?;
            tx.append_audit(NewAuditEvent {
                at: now,
                actor: &format!("applicant:{}", application.id),
                action: "change.discarded",
                subject_type: "application",
                subject_id: &application.id,
                detail: json!({}).to_string(),
            })
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Keeps establishments read from a workbook until the applicant confirms that they
    /// replace the working copy's.
    pub async fn stage_change_import(
        &self,
        session: &Session,
        establishments: &[Value],
    ) -> Result<(), ApplicantError> {
        self.open_change_copy(session).await?;
        let now = self.now();
        let tx = self.store.write().await?;
        let application = self.changeable_application(&tx, session).await?;
        tx.put_draft_import(
            &application.id,
            Value::Array(establishments.to_vec()).to_string(),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Replaces the working copy's establishments with the staged import. `None` when nothing
    /// is staged.
    pub async fn apply_change_import(
        &self,
        session: &Session,
    ) -> Result<Option<usize>, ApplicantError> {
        let copy = self.open_change_copy(session).await?;
        let staged = {
            let tx = self.store.write().await?;
            let application = self.changeable_application(&tx, session).await?;
            let staged = tx.take_draft_import(&application.id).await?;
            // Taken and applied in one go below; on failure nothing was committed.
            let Some(staged) = staged else {
                return Ok(None);
            };
            let establishments: Value = serde_json::from_str(&staged).unwrap_or_else(|_| json!([]));
            let count = establishments.as_array().map_or(0, Vec::len);
            let mut document = copy.document;
            if !document.is_object() {
                document = json!({});
            }
            document["establishments"] = establishments;
            {
                let catalogue = self.plugins();
                document::normalise(&mut document, &check_context(&*catalogue));
            }
            tx.put_change_copy(ChangeCopyRow {
                application_id: application.id.clone(),
                document: document.to_string(),
                base_revision: application.revision,
                revision: copy.revision + 1,
                updated_at: self.now(),
            })
            .await?;
            tx.commit().await?;
            count
        };
        Ok(Some(staged))
    }

    /// The caller's application when its registered record may be changed now.
    async fn changeable_application(
        &self,
        tx: &Tx,
        session: &Session,
    ) -> Result<ApplicationRow, ApplicantError> {
        let application = self.my_application_row(tx, session).await?;
        match application.status.as_str() {
            "registered" => Ok(application),
            "change_pending" => Err(ApplicantError::Conflict("change_already_pending")),
            _ => Err(ApplicantError::Conflict("application_not_registered")),
        }
    }
}

fn copy_view(application: &ApplicationRow, copy: ChangeCopyRow) -> DraftView {
    DraftView {
        application_id: application.id.clone(),
        status: application.status.clone(),
        revision: copy.revision,
        document: serde_json::from_str(&copy.document).unwrap_or(Value::Null),
        link_expires_at: 0,
        updated_at: copy.updated_at,
    }
}
