//! The applicant's side after submission: answering an inquiry with a correction restricted to
//! the flagged fields, and change notifications (変更の届出) against the registered record.

use std::collections::BTreeSet;

use domain::diff::{Change, changes, is_within};
use domain::document;
use serde_json::{Value, json};
use store::{ApplicationRow, ChangeRow, NewAuditEvent, Tx};

use crate::review::{document_lines, inquiry_json, iso, line_json};
use crate::{ApplicantError, CheckReport, FieldProblem, Registrar, Session, SessionError};

/// Why a change needs a change notification.
pub(crate) fn notification_reason(
    change: &Change,
    registered: &Value,
    proposed: &Value,
) -> Option<&'static str> {
    let segments: Vec<&str> = change.path.split('/').skip(1).collect();
    match segments.as_slice() {
        ["applicant", "name"] => Some("published_item"),
        ["applicant", "phone" | "email"] => Some("contact"),
        ["establishments", _] => Some("published_item"),
        [
            "establishments",
            _,
            "name" | "postal_code" | "prefecture" | "city" | "street",
        ] => Some("published_item"),
        ["establishments", _, "business_lines"] | ["establishments", _, "business_lines", _] => {
            Some("published_item")
        }
        ["establishments", _, "business_lines", _, "business_type"] => Some("published_item"),
        [
            "establishments",
            i,
            "business_lines",
            j,
            "registered_staff_own" | "registered_staff_external",
        ] => {
            let line = format!("/establishments/{i}/business_lines/{j}");
            let total = |doc: &Value| -> f64 {
                ["registered_staff_own", "registered_staff_external"]
                    .iter()
                    .filter_map(|field| {
                        doc.pointer(&format!("{line}/{field}"))
                            .and_then(Value::as_f64)
                    })
                    .sum()
            };
            let (before, after) = (total(registered), total(proposed));
            let moved = if before == 0.0 {
                after != 0.0
            } else {
                ((after - before) / before).abs() >= 0.05
            };
            moved.then_some("headcount_5_percent")
        }
        ["establishments", _, "vaccination_site"] => Some("vaccination_site"),
        ["establishments", _, "vaccination_site", field]
            if [
                "status",
                "name",
                "postal_code",
                "prefecture",
                "city",
                "street",
                "phone",
            ]
            .contains(field) =>
        {
            Some("vaccination_site")
        }
        _ => None,
    }
}

fn changes_json(list: &[Change], registered: &Value, proposed: &Value) -> Vec<Value> {
    list.iter()
        .map(|change| {
            let reason = notification_reason(change, registered, proposed);
            json!({
                "path": change.path,
                "before": change.before,
                "after": change.after,
                "notification": if reason.is_some() { "required" } else { "not_required" },
                "reason": reason,
                "deadline_days": (reason == Some("vaccination_site")).then_some(30),
            })
        })
        .collect()
}

/// Keeps only the findings at or under one of `paths` (what the applicant may change now).
fn restrict_report(report: &mut CheckReport, paths: &[String]) {
    let inside = |path: &str| paths.iter().any(|p| is_within(path, p));
    report.core.retain(|f| inside(&f.path));
    for review in &mut report.plugins {
        if let Ok(findings) = &mut review.outcome {
            findings.retain(|f| inside(&f.path));
        }
    }
}

impl Registrar {
    pub(crate) async fn my_application_row(
        &self,
        tx: &Tx,
        session: &Session,
    ) -> Result<ApplicationRow, ApplicantError> {
        let account = tx
            .account(&session.account_id)
            .await?
            .ok_or(SessionError::Unauthenticated)?;
        tx.application_by_email_key(&account.email_key)
            .await?
            .ok_or(ApplicantError::NotFound)
    }

    /// What the applicant sees of its review: every line's decision, the inquiries, the
    /// registration and the change notifications.
    pub(crate) async fn review_state_json(
        &self,
        tx: &Tx,
        application: &ApplicationRow,
    ) -> Result<Value, store::StoreError> {
        let lines: Vec<Value> = tx
            .review_lines(&application.id, 0)
            .await?
            .iter()
            .map(line_json)
            .collect();
        let inquiries: Vec<Value> = tx
            .inquiries_of(&application.id)
            .await?
            .into_iter()
            .map(inquiry_json)
            .collect();
        let registration = tx.registration(&application.id).await?.map(|r| {
            json!({
                "registration_number": r.registration_number,
                "registered_on": r.registered_on,
                "valid_until": r.valid_until,
                "version": r.version,
                "document": serde_json::from_str::<Value>(&r.document).unwrap_or(Value::Null),
            })
        });
        let notifications: Vec<Value> = tx
            .changes_of(&application.id)
            .await?
            .into_iter()
            .map(|c| {
                json!({
                    "id": c.id,
                    "status": c.status,
                    "filed_at": iso(c.filed_at),
                    "decided_at": c.decided_at.and_then(iso),
                    "changes": serde_json::from_str::<Value>(&c.changes).unwrap_or(Value::Null),
                })
            })
            .collect();
        Ok(json!({
            "lines": lines,
            "inquiries": inquiries,
            "registration": registration,
            "change_notifications": notifications,
        }))
    }

    /// Answers an open inquiry: a message and the corrected document, in which only the fields
    /// the inquiry flagged may differ (any other edit is refused and nothing changes). Lines
    /// touched by the correction go back to their reviewers undecided.
    pub async fn answer_inquiry(
        &self,
        session: &Session,
        inquiry_id: &str,
        message: Option<&str>,
        document: Option<Value>,
    ) -> Result<Value, ApplicantError> {
        // Ownership first: another applicant's inquiry is "not found" whatever the body says.
        let (application, inquiry) = {
            let tx = self.store.read().await?;
            let application = self.my_application_row(&tx, session).await?;
            let inquiry = tx
                .inquiries_of(&application.id)
                .await?
                .into_iter()
                .find(|i| i.id == inquiry_id)
                .ok_or(ApplicantError::NotFound)?;
            (application, inquiry)
        };
        let mut problems = Vec::new();
        let message = message.map(str::trim).unwrap_or_default().to_owned();
        if message.is_empty() {
            problems.push(FieldProblem::new("/message", "field_required"));
        } else if message.chars().count() > 4000 {
            problems.push(FieldProblem::new("/message", "field_too_long").with("max", 4000));
        }
        let Some(mut proposed) = document.filter(Value::is_object) else {
            problems.push(FieldProblem::new("/document", "document_not_object"));
            return Err(ApplicantError::Invalid(problems));
        };
        if inquiry.status != "open" {
            return Err(ApplicantError::Conflict("inquiry_not_open"));
        }
        let flagged: Vec<String> = serde_json::from_str(&inquiry.paths).unwrap_or_default();
        {
            let catalogue = self.plugins();
            let context = crate::draft::check_context(&*catalogue);
            document::normalise(&mut proposed, &context);
        }
        let stored: Value = serde_json::from_str(&application.document).unwrap_or(Value::Null);
        let diff = changes(&stored, &proposed);
        for change in &diff {
            // Computed fields (the registered total) follow the fields they are computed from.
            let derived = change.path.ends_with("/registered_staff_total");
            if !derived && !flagged.iter().any(|f| is_within(&change.path, f)) {
                problems.push(FieldProblem::new(
                    &format!("/document{}", change.path),
                    "inquiry_change_not_flagged",
                ));
            }
        }
        if !problems.is_empty() {
            return Err(ApplicantError::Invalid(problems));
        }
        let (proposed, mut report) = self.check_value(proposed).await;
        restrict_report(&mut report, &flagged);
        if report.has_errors() {
            return Err(ApplicantError::Findings(Box::new(report)));
        }
        let now = self.now();
        let tx = self.store.write().await?;
        let current = self.my_application_row(&tx, session).await?;
        if current.revision != application.revision || current.status != "returned" {
            return Err(ApplicantError::Conflict("application_changed"));
        }
        let changes_text = serde_json::to_string(&diff).unwrap_or_default();
        if !tx
            .answer_inquiry(inquiry_id, message.clone(), changes_text, now)
            .await?
        {
            return Err(ApplicantError::Conflict("inquiry_not_open"));
        }
        if !diff.is_empty() {
            tx.update_application_document(&application.id, proposed.to_string(), now)
                .await?;
        }
        self.reconcile_lines(&tx, &application.id, &proposed, &diff, now)
            .await?;
        let settled = self
            .refresh_tasks(
                &tx,
                &application.id,
                &proposed,
                (0, "application"),
                Some(now),
                now,
            )
            .await?;
        let still_open = tx
            .inquiries_of(&application.id)
            .await?
            .iter()
            .any(|i| i.status == "open");
        if !still_open {
            let next = if settled { "reviewed" } else { "submitted" };
            tx.set_application_status(&application.id, "returned", next, now)
                .await?;
        }
        tx.append_audit(NewAuditEvent {
            at: now,
            actor: &format!("applicant:{}", application.id),
            action: "inquiry.answered",
            subject_type: "application",
            subject_id: &application.id,
            detail: json!({ "inquiry": inquiry_id, "changes": diff.len() }).to_string(),
        })
        .await?;
        tx.commit().await?;
        Ok(json!({
            "inquiry_id": inquiry_id,
            "status": "answered",
            "changes": diff,
        }))
    }

    /// After a correction: lines whose path or business type went away are removed, new ones
    /// are routed, and lines the correction touched (or whose establishment it touched) go
    /// back to pending.
    async fn reconcile_lines(
        &self,
        tx: &Tx,
        application_id: &str,
        document: &Value,
        diff: &[Change],
        now: i64,
    ) -> Result<(), store::StoreError> {
        let existing = tx.review_lines(application_id, 0).await?;
        let wanted = document_lines(document);
        let touched = |line_path: &str| {
            let establishment: String = line_path
                .split("/business_lines")
                .next()
                .unwrap_or_default()
                .to_owned();
            diff.iter().any(|c| {
                is_within(&c.path, line_path)
                    || is_within(line_path, &c.path)
                    || (is_within(&c.path, &establishment)
                        && !is_within(&c.path, &format!("{establishment}/business_lines")))
            })
        };
        let mut gone = Vec::new();
        for line in &existing {
            if wanted
                .iter()
                .any(|(p, t)| *p == line.path && *t == line.business_type)
            {
                if touched(&line.path) && line.status != "pending" {
                    tx.set_line_status(line.id, "pending", None, None, None)
                        .await?;
                }
            } else {
                gone.push(line.id);
            }
        }
        tx.delete_review_lines(&gone).await?;
        let new: Vec<(String, String, Option<String>)> = wanted
            .into_iter()
            .filter(|(p, t)| {
                !existing
                    .iter()
                    .any(|l| l.path == *p && l.business_type == *t)
            })
            .map(|(p, t)| (p, t, None))
            .collect();
        if !new.is_empty() {
            self.route_round(tx, application_id, document, (0, "application"), new, now)
                .await?;
        }
        Ok(())
    }

    /// The registered record against a proposed one: every change, whether it needs a change
    /// notification and why. Nothing is stored.
    pub async fn preview_change(
        &self,
        session: &Session,
        document: Option<Value>,
    ) -> Result<Value, ApplicantError> {
        let (_, registered, proposed, diff) = self.proposed_change(session, document).await?;
        let items = changes_json(&diff, &registered, &proposed);
        let required = items.iter().any(|c| c["notification"] == "required");
        Ok(json!({ "changes": items, "notification_required": required }))
    }

    async fn proposed_change(
        &self,
        session: &Session,
        document: Option<Value>,
    ) -> Result<(ApplicationRow, Value, Value, Vec<Change>), ApplicantError> {
        let Some(proposed) = document.filter(Value::is_object) else {
            return Err(ApplicantError::Invalid(vec![FieldProblem::new(
                "/document",
                "document_not_object",
            )]));
        };
        let (application, registration) = {
            let tx = self.store.read().await?;
            let application = self.my_application_row(&tx, session).await?;
            let registration = tx.registration(&application.id).await?;
            (application, registration)
        };
        if application.status == "change_pending" {
            return Err(ApplicantError::Conflict("change_already_pending"));
        }
        let Some(registration) = registration.filter(|_| application.status == "registered") else {
            return Err(ApplicantError::Conflict("application_not_registered"));
        };
        let (proposed, report) = self.check_value(proposed).await;
        if report.has_errors() {
            return Err(ApplicantError::Findings(Box::new(report)));
        }
        let registered: Value = serde_json::from_str(&registration.document).unwrap_or(Value::Null);
        let diff = changes(&registered, &proposed);
        if diff.is_empty() {
            return Err(ApplicantError::Invalid(vec![FieldProblem::new(
                "/document",
                "change_empty",
            )]));
        }
        Ok((application, registered, proposed, diff))
    }

    /// Files a change: changes that need no notification update the record at once; otherwise
    /// a change notification goes to the owning ministries as a review of the changed lines
    /// only (changes outside any line go to every ministry of the registration).
    pub async fn file_change(
        &self,
        session: &Session,
        document: Option<Value>,
    ) -> Result<Value, ApplicantError> {
        let (application, registered, proposed, diff) =
            self.proposed_change(session, document).await?;
        let items = changes_json(&diff, &registered, &proposed);
        let required = items.iter().any(|c| c["notification"] == "required");
        let now = self.now();
        let tx = self.store.write().await?;
        let current = self.my_application_row(&tx, session).await?;
        if current.status != "registered" || current.revision != application.revision {
            return Err(ApplicantError::Conflict("application_changed"));
        }
        let previous = tx.changes_of(&application.id).await?;
        let round = previous.iter().map(|c| c.round).max().unwrap_or(0) + 1;
        let id = uuid::Uuid::now_v7().to_string();
        // The working copy the change was edited in, if any, is spent.
        tx.delete_change_copy(&application.id).await?;
        tx.insert_change(ChangeRow {
            id: id.clone(),
            application_id: application.id.clone(),
            round,
            document: proposed.to_string(),
            changes: Value::Array(items.clone()).to_string(),
            status: if required { "pending" } else { "applied" }.to_owned(),
            filed_at: now,
            decided_at: (!required).then_some(now),
        })
        .await?;
        if required {
            let lines = change_lines(&diff, &registered, &proposed, &tx).await?;
            tx.set_application_status(&application.id, "registered", "change_pending", now)
                .await?;
            self.route_round(
                &tx,
                &application.id,
                &proposed,
                (round, "change"),
                lines,
                now,
            )
            .await?;
        } else {
            self.apply_registered_document(&tx, &application, &proposed, now)
                .await?;
        }
        tx.append_audit(NewAuditEvent {
            at: now,
            actor: &format!("applicant:{}", application.id),
            action: if required {
                "change.filed"
            } else {
                "change.applied"
            },
            subject_type: "application",
            subject_id: &application.id,
            detail: json!({ "change": id, "round": round, "changes": diff.len() }).to_string(),
        })
        .await?;
        tx.commit().await?;
        Ok(json!({
            "id": id,
            "status": if required { "pending" } else { "applied" },
            "changes": items,
        }))
    }
}

/// The review lines of a change notification (changes that need one only): each changed
/// business line, every line of an
/// establishment whose own fields changed, and a whole-record line for every ministry of the
/// registration when something outside the lines changed (or a line went away).
async fn change_lines(
    diff: &[Change],
    registered: &Value,
    proposed: &Value,
    tx: &Tx,
) -> Result<Vec<(String, String, Option<String>)>, store::StoreError> {
    let lines = document_lines(proposed);
    let mut out: Vec<(String, String, Option<String>)> = Vec::new();
    let mut whole_record = false;
    // Only changes that need a notification are reviewed; the others ride along.
    for change in diff
        .iter()
        .filter(|c| notification_reason(c, registered, proposed).is_some())
    {
        let mut matched = false;
        for (path, business_type) in &lines {
            let establishment = path.split("/business_lines").next().unwrap_or_default();
            let hit = is_within(&change.path, path)
                || (is_within(&change.path, establishment)
                    && !is_within(&change.path, &format!("{establishment}/business_lines")))
                || (is_within(path, &change.path) && change.path.starts_with("/establishments/"));
            if hit {
                matched = true;
                if !out.iter().any(|(p, _, _)| p == path) {
                    out.push((path.clone(), business_type.clone(), None));
                }
            }
        }
        whole_record |= !matched;
    }
    if whole_record {
        let owners: std::collections::BTreeMap<String, String> = tx
            .ownership()
            .await?
            .into_iter()
            .map(|o| (o.business_type, o.tenant_id))
            .collect();
        let tenants: BTreeSet<String> = document_lines(registered)
            .into_iter()
            .filter_map(|(_, t)| owners.get(&t).cloned())
            .collect();
        for tenant in tenants {
            out.push((String::new(), String::new(), Some(tenant)));
        }
    }
    Ok(out)
}
