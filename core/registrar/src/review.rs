//! Review by the owning ministries: a submitted application is split into review lines (one
//! per establishment × business line) routed to the tenant owning each business type; each
//! tenant gets a task (its queue row). Reviewers see the applicant section and only their own
//! lines, decide each line, and send inquiries (疑義照会) anchored to fields.
//!
//! Tenant isolation: every function here takes the caller's [`StaffSession`], asks
//! [`Registrar::authorize`] before touching tenant-owned rows, and reads lines only through
//! the set of business types the policy gives the caller's tenant.

use std::collections::{BTreeMap, BTreeSet};

use authz::{Action, Owner};
use serde_json::{Value, json};
use store::{InquiryRow, NewAuditEvent, QueueFilter, ReviewLineRow, ReviewTaskRow, StoreError, Tx};

use crate::mail::{MailKind, japan_time};
use crate::{CheckReport, FieldProblem, Registrar, StaffError, StaffSession};

/// The application statuses during which ministries review.
pub(crate) const IN_REVIEW: [&str; 3] = ["submitted", "returned", "reviewed"];

/// Every business line of a document: (JSON Pointer, business type).
pub(crate) fn document_lines(document: &Value) -> Vec<(String, String)> {
    let mut lines = Vec::new();
    let establishments = document
        .get("establishments")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    for (i, establishment) in establishments.iter().enumerate() {
        let business_lines = establishment
            .get("business_lines")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default();
        for (j, line) in business_lines.iter().enumerate() {
            let business_type = line
                .get("business_type")
                .and_then(Value::as_str)
                .unwrap_or_default();
            lines.push((
                format!("/establishments/{i}/business_lines/{j}"),
                business_type.to_owned(),
            ));
        }
    }
    lines
}

/// The applicant's name as typed (for the queue).
pub(crate) fn applicant_name(document: &Value) -> String {
    document
        .pointer("/applicant/name")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

/// Whether `path` is inside what a tenant sees of the document (`visible` is the document as
/// [`plugin_host::visible_document`] shows it to that tenant: other ministries' lines and
/// establishments without own lines are `null`).
pub(crate) fn path_visible(visible: &Value, path: &str) -> bool {
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    if segments.first() != Some(&"establishments") || segments.len() < 2 {
        return true;
    }
    let establishment = format!("/establishments/{}", segments[1]);
    if visible.pointer(&establishment).is_none_or(Value::is_null) {
        return false;
    }
    if segments.len() >= 4 && segments[2] == "business_lines" {
        let line = format!("{establishment}/business_lines/{}", segments[3]);
        return visible.pointer(&line).is_some_and(|v| !v.is_null());
    }
    true
}

/// The owner the policy checks for a line.
pub(crate) fn line_owner(line: &ReviewLineRow) -> Owner {
    if line.business_type.is_empty() {
        Owner::Tenant(line.tenant_id.clone())
    } else {
        Owner::BusinessType(line.business_type.clone())
    }
}

/// A page of the queue request.
#[derive(Debug, Clone, Default)]
pub struct QueueQuery {
    /// Only tasks in this status (`open`, `inquiry`, `decided`).
    pub status: Option<String>,
    /// Applicant name contains.
    pub search: Option<String>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
    /// Newest first.
    pub descending: bool,
    /// Page size (1–200, default 50).
    pub limit: Option<u64>,
}

/// What a ministry's reviewer sees of one application.
#[derive(Debug, Clone)]
pub struct ReviewView {
    /// Everything but the findings, as JSON.
    pub body: Value,
    /// Findings on the visible part (core, and the tenant's own plugin).
    pub report: CheckReport,
}

/// What the tasks of a round are made from: its lines, the tenants with an open inquiry in
/// it, and the tasks as they stand (by tenant).
struct RoundState {
    lines: Vec<ReviewLineRow>,
    open_inquiries: BTreeSet<String>,
    existing: BTreeMap<String, ReviewTaskRow>,
}

impl Registrar {
    // ---- routing ----

    /// Stores the lines of a round, routed to the owning tenants (`""` when a type has no
    /// approved owner yet), and writes every tenant's task.
    pub(crate) async fn route_round(
        &self,
        tx: &Tx,
        application_id: &str,
        document: &Value,
        (round, kind): (i32, &str),
        lines: Vec<(String, String, Option<String>)>,
        now: i64,
    ) -> Result<(), StoreError> {
        let owners = owners(tx).await?;
        let rows = routed_lines(&owners, application_id, round, lines);
        tx.insert_review_lines(rows).await?;
        self.refresh_tasks(tx, application_id, document, (round, kind), Some(now), now)
            .await?;
        Ok(())
    }

    /// [`Self::route_round`] for an application's first round, at its submission: nothing of
    /// it is stored yet (no line, task or inquiry), so the tasks are made from the new lines
    /// without reading them back.
    /// `owners` ([`owners`]) is read before: the first round only writes, so that on SQLite
    /// its writes go in one call (`store::Tx::defer`).
    pub(crate) async fn route_first_round(
        &self,
        tx: &Tx,
        (application_id, document): (&str, &Value),
        owners: &BTreeMap<String, String>,
        lines: Vec<(String, String, Option<String>)>,
        now: i64,
    ) -> Result<(), StoreError> {
        let rows = routed_lines(owners, application_id, 0, lines);
        let state = RoundState {
            lines: rows.clone(),
            open_inquiries: BTreeSet::new(),
            existing: BTreeMap::new(),
        };
        tx.insert_review_lines(rows).await?;
        self.write_tasks(
            tx,
            application_id,
            document,
            (0, "application"),
            (Some(now), now),
            state,
        )
        .await?;
        Ok(())
    }
}

/// The owning tenant of every business type that has one.
pub(crate) async fn owners(tx: &Tx) -> Result<BTreeMap<String, String>, StoreError> {
    Ok(tx
        .ownership()
        .await?
        .into_iter()
        .map(|o| (o.business_type, o.tenant_id))
        .collect())
}

/// Review lines for `(path, business type, tenant if already known)`, each routed to the owner
/// of its type.
fn routed_lines(
    owners: &BTreeMap<String, String>,
    application_id: &str,
    round: i32,
    lines: Vec<(String, String, Option<String>)>,
) -> Vec<ReviewLineRow> {
    lines
        .into_iter()
        .map(|(path, business_type, tenant)| ReviewLineRow {
            id: 0,
            application_id: application_id.to_owned(),
            round,
            tenant_id: tenant
                .or_else(|| owners.get(&business_type).cloned())
                .unwrap_or_default(),
            path,
            business_type,
            status: "pending".to_owned(),
            reason: None,
            decided_by: None,
            decided_at: None,
        })
        .collect()
}

impl Registrar {
    /// Recomputes every tenant's task of an application's round from its lines and open
    /// inquiries; `changed_at` marks the task changed for its reviewers. Returns whether every
    /// line is routed and decided and no inquiry is open.
    pub(crate) async fn refresh_tasks(
        &self,
        tx: &Tx,
        application_id: &str,
        document: &Value,
        (round, kind): (i32, &str),
        changed_at: Option<i64>,
        now: i64,
    ) -> Result<bool, StoreError> {
        let state = RoundState {
            lines: tx.review_lines(application_id, round).await?,
            open_inquiries: tx
                .inquiries_of(application_id)
                .await?
                .into_iter()
                .filter(|i| i.status == "open" && i.round == round)
                .map(|i| i.tenant_id)
                .collect(),
            existing: tx
                .review_tasks_of(application_id)
                .await?
                .into_iter()
                .map(|t| (t.tenant_id.clone(), t))
                .collect(),
        };
        self.write_tasks(
            tx,
            application_id,
            document,
            (round, kind),
            (changed_at, now),
            state,
        )
        .await
    }

    /// Writes every tenant's task of a round from what [`Self::refresh_tasks`] reads.
    async fn write_tasks(
        &self,
        tx: &Tx,
        application_id: &str,
        document: &Value,
        (round, kind): (i32, &str),
        (changed_at, now): (Option<i64>, i64),
        state: RoundState,
    ) -> Result<bool, StoreError> {
        let RoundState {
            lines,
            open_inquiries,
            existing,
        } = state;
        let mut per_tenant: BTreeMap<&str, (i32, i32)> = BTreeMap::new();
        for line in lines.iter().filter(|l| !l.tenant_id.is_empty()) {
            let entry = per_tenant.entry(&line.tenant_id).or_default();
            entry.0 += 1;
            if line.status == "pending" {
                entry.1 += 1;
            }
        }
        let name = applicant_name(document);
        let mut all_decided =
            !lines.iter().any(|l| l.tenant_id.is_empty()) && open_inquiries.is_empty();
        for (tenant, (total, pending)) in &per_tenant {
            let previous = existing.get(*tenant).filter(|t| t.round == round);
            let status = if open_inquiries.contains(*tenant) {
                "inquiry"
            } else if *pending == 0 {
                "decided"
            } else {
                "open"
            };
            all_decided &= status == "decided";
            tx.save_review_task(ReviewTaskRow {
                application_id: application_id.to_owned(),
                tenant_id: (*tenant).to_owned(),
                round,
                kind: kind.to_owned(),
                status: status.to_owned(),
                applicant_name: name.clone(),
                submitted_at: previous.map_or(now, |t| t.submitted_at),
                changed_at: changed_at.or(previous.map(|t| t.changed_at)).unwrap_or(now),
                lines_total: *total,
                lines_pending: *pending,
                decided_at: (status == "decided")
                    .then(|| previous.and_then(|t| t.decided_at).unwrap_or(now)),
            })
            .await?;
        }
        for tenant in existing
            .keys()
            .filter(|t| !per_tenant.contains_key(t.as_str()))
        {
            if existing.get(tenant).is_some_and(|t| t.round == round) {
                tx.delete_review_task(application_id, tenant).await?;
            }
        }
        Ok(all_decided && !per_tenant.is_empty())
    }

    /// Routes lines that had no owner to a tenant that now owns their type.
    pub(crate) async fn route_unrouted(
        &self,
        tx: &Tx,
        tenant_id: &str,
        business_types: &[String],
        now: i64,
    ) -> Result<usize, StoreError> {
        let lines = tx.unrouted_lines(business_types).await?;
        let mut applications = BTreeMap::new();
        for line in &lines {
            tx.set_line_tenant(line.id, tenant_id).await?;
            applications.insert(line.application_id.clone(), line.round);
        }
        for (application_id, round) in applications {
            if let Some(application) = tx.application(&application_id).await? {
                let document = self.round_document(tx, &application, round).await?;
                let kind = if round == 0 { "application" } else { "change" };
                self.refresh_tasks(
                    tx,
                    &application_id,
                    &document,
                    (round, kind),
                    Some(now),
                    now,
                )
                .await?;
            }
        }
        Ok(lines.len())
    }

    /// The document a round reviews: the application's, or the change notification's.
    pub(crate) async fn round_document(
        &self,
        tx: &Tx,
        application: &store::ApplicationRow,
        round: i32,
    ) -> Result<Value, StoreError> {
        let text = if round == 0 {
            application.document.clone()
        } else {
            tx.changes_of(&application.id)
                .await?
                .into_iter()
                .find(|c| c.round == round)
                .map(|c| c.document)
                .unwrap_or_default()
        };
        Ok(serde_json::from_str(&text).unwrap_or(Value::Null))
    }

    // ---- the queue ----

    /// One page of the caller's tenant's review queue.
    pub async fn review_queue(
        &self,
        who: &StaffSession,
        query: QueueQuery,
    ) -> Result<Value, StaffError> {
        self.authorize(
            who,
            Action::QueueRead,
            &Owner::Tenant(who.tenant_id.clone()),
            StaffError::Forbidden,
        )
        .await?;
        let mut problems = Vec::new();
        let limit = query.limit.unwrap_or(50);
        if !(1..=200).contains(&limit) {
            problems.push(FieldProblem::new("/limit", "limit_out_of_range").with("max", 200));
        }
        if let Some(status) = &query.status
            && !["open", "inquiry", "decided"].contains(&status.as_str())
        {
            problems.push(FieldProblem::new("/status", "queue_status_invalid"));
        }
        let after = match query.cursor.as_deref() {
            None => None,
            Some(cursor) => {
                let parsed = cursor
                    .split_once('.')
                    .and_then(|(at, id)| Some((at.parse::<i64>().ok()?, id.to_owned())))
                    .filter(|(_, id)| !id.is_empty() && id.len() <= 64);
                if parsed.is_none() {
                    problems.push(FieldProblem::new("/cursor", "cursor_invalid"));
                }
                parsed
            }
        };
        if !problems.is_empty() {
            return Err(StaffError::Invalid(problems));
        }
        let search = query
            .search
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty());
        let tx = self.staff_tx(who, false).await?;
        let rows = tx
            .review_queue(&QueueFilter {
                tenant_id: who.tenant_id.clone(),
                staff_id: who.staff_id.clone(),
                status: query.status,
                search,
                after,
                descending: query.descending,
                limit: limit + 1,
            })
            .await?;
        let more = rows.len() as u64 > limit;
        let items: Vec<Value> = rows
            .iter()
            .take(limit as usize)
            .map(|row| {
                json!({
                    "application_id": row.application_id,
                    "kind": row.kind,
                    "round": row.round,
                    "status": row.status,
                    "applicant_name": row.applicant_name,
                    "submitted_at": iso(row.submitted_at),
                    "changed_at": iso(row.changed_at),
                    "lines_total": row.lines_total,
                    "lines_pending": row.lines_pending,
                    "new": row.seen_at.is_none(),
                    "changed_since_seen": row.seen_at.is_some_and(|seen| seen < row.changed_at),
                })
            })
            .collect();
        let next_cursor = more
            .then(|| rows.get(limit as usize - 1))
            .flatten()
            .map(|row| format!("{}.{}", row.submitted_at, row.application_id));
        Ok(json!({ "items": items, "next_cursor": next_cursor }))
    }

    // ---- one application ----

    /// The caller's tenant's view of an application: the applicant section, its own lines with
    /// decisions, its inquiries with answers and diffs, and the findings on its part. Every
    /// view is audited and marks the application seen.
    pub async fn review_application(
        &self,
        who: &StaffSession,
        application_id: &str,
    ) -> Result<ReviewView, StaffError> {
        let policy = self
            .authorize(
                who,
                Action::LineRead,
                &Owner::Tenant(who.tenant_id.clone()),
                StaffError::NotFound,
            )
            .await?;
        let types = policy.business_types_of(&who.tenant_id);
        let now = self.now();
        let (body, document) = {
            let tx = self.staff_tx(who, true).await?;
            let task = tx
                .review_task(application_id, &who.tenant_id)
                .await?
                .ok_or(StaffError::NotFound)?;
            let application = tx
                .application(application_id)
                .await?
                .ok_or(StaffError::NotFound)?;
            let document = self.round_document(&tx, &application, task.round).await?;
            let visible = plugin_host::visible_document(&document, |t| types.contains(t));
            let lines = tx
                .review_lines_visible(application_id, task.round, &who.tenant_id, &types)
                .await?;
            let inquiries: Vec<Value> = tx
                .inquiries_of(application_id)
                .await?
                .into_iter()
                .filter(|i| i.tenant_id == who.tenant_id)
                .map(inquiry_json)
                .collect();
            let changes = if task.round > 0 {
                tx.changes_of(application_id)
                    .await?
                    .into_iter()
                    .find(|c| c.round == task.round)
                    .and_then(|c| serde_json::from_str::<Value>(&c.changes).ok())
                    .and_then(|v| v.as_array().cloned())
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|c| {
                        c["path"]
                            .as_str()
                            .is_some_and(|p| path_visible(&visible, p))
                    })
                    .collect()
            } else {
                Vec::new()
            };
            tx.mark_seen(&who.staff_id, application_id, now).await?;
            tx.append_audit(NewAuditEvent {
                at: now,
                actor: &format!("staff:{}", who.staff_id),
                action: "application.viewed",
                subject_type: "application",
                subject_id: application_id,
                detail: json!({ "tenant": who.tenant_id, "round": task.round }).to_string(),
            })
            .await?;
            tx.commit().await?;
            let body = json!({
                "application_id": application_id,
                "status": application.status,
                "round": task.round,
                "kind": task.kind,
                "task": {
                    "status": task.status,
                    "lines_total": task.lines_total,
                    "lines_pending": task.lines_pending,
                    "submitted_at": iso(task.submitted_at),
                    "changed_at": iso(task.changed_at),
                },
                "document": visible,
                "lines": lines.iter().map(line_json).collect::<Vec<_>>(),
                "inquiries": inquiries,
                "changes": changes,
            });
            (body, document)
        };
        let (_, mut report) = self.check_value(document.clone()).await;
        let visible = plugin_host::visible_document(&document, |t| types.contains(t));
        report.core.retain(|f| path_visible(&visible, &f.path));
        report
            .plugins
            .retain(|r| r.plugin.ministry_id() == who.tenant_id);
        Ok(ReviewView { body, report })
    }

    /// Accepts or rejects (with a reason) one of the caller's lines. A decision can be changed
    /// until the application is registered. When every line of every ministry is decided the
    /// application is ready for registration (or, for a change notification, it is settled).
    pub async fn decide_line(
        &self,
        who: &StaffSession,
        application_id: &str,
        line_id: i64,
        decision: Option<&str>,
        reason: Option<&str>,
    ) -> Result<Value, StaffError> {
        let (status, reason) = match decision {
            Some("accept") => ("accepted", None),
            Some("reject") => {
                let reason = reason.map(str::trim).unwrap_or_default();
                if reason.is_empty() {
                    return Err(StaffError::Invalid(vec![FieldProblem::new(
                        "/reason",
                        "reason_required",
                    )]));
                }
                if reason.chars().count() > 2000 {
                    return Err(StaffError::Invalid(vec![
                        FieldProblem::new("/reason", "field_too_long").with("max", 2000),
                    ]));
                }
                ("rejected", Some(reason.to_owned()))
            }
            _ => {
                return Err(StaffError::Invalid(vec![FieldProblem::new(
                    "/decision",
                    "decision_invalid",
                )]));
            }
        };
        let now = self.now();
        let tx = self.staff_tx(who, true).await?;
        let line = tx
            .review_line(line_id)
            .await?
            .filter(|l| l.application_id == application_id)
            .ok_or(StaffError::NotFound)?;
        self.authorize(
            who,
            Action::LineDecide,
            &line_owner(&line),
            StaffError::NotFound,
        )
        .await?;
        let application = tx
            .application(application_id)
            .await?
            .ok_or(StaffError::NotFound)?;
        let current_round = tx
            .review_task(application_id, &line.tenant_id)
            .await?
            .map(|t| t.round);
        let in_review = if line.round == 0 {
            IN_REVIEW.contains(&application.status.as_str())
        } else {
            application.status == "change_pending"
        };
        if !in_review || current_round != Some(line.round) {
            return Err(StaffError::Conflict("line_not_in_review"));
        }
        tx.set_line_status(
            line.id,
            status,
            reason.clone(),
            Some(format!("staff:{}", who.staff_id)),
            Some(now),
        )
        .await?;
        let document = self.round_document(&tx, &application, line.round).await?;
        let kind = if line.round == 0 {
            "application"
        } else {
            "change"
        };
        // Whether every ministry has decided is the one cross-tenant question.
        tx.lift_wall().await?;
        let settled = self
            .refresh_tasks(
                &tx,
                application_id,
                &document,
                (line.round, kind),
                None,
                now,
            )
            .await?;
        tx.append_audit(NewAuditEvent {
            at: now,
            actor: &format!("staff:{}", who.staff_id),
            action: "line.decided",
            subject_type: "application",
            subject_id: application_id,
            detail: json!({ "line": line.id, "path": line.path, "business_type": line.business_type, "decision": status, "reason": reason }).to_string(),
        })
        .await?;
        if line.round == 0 {
            let next = if settled { "reviewed" } else { "submitted" };
            if application.status != next && application.status != "returned" {
                tx.set_application_status(application_id, &application.status, next, now)
                    .await?;
            }
        } else if settled {
            self.settle_change(&tx, &application, line.round, now)
                .await?;
        }
        tx.commit().await?;
        self.mail_ready.notify_one();
        let mut decided = line;
        decided.status = status.to_owned();
        decided.reason = reason;
        decided.decided_at = Some(now);
        Ok(line_json(&decided))
    }

    /// Sends an inquiry anchored to fields the caller's tenant sees; the application goes back
    /// to the applicant, who may change only those fields.
    pub async fn open_inquiry(
        &self,
        who: &StaffSession,
        application_id: &str,
        paths: Option<Vec<String>>,
        message: Option<&str>,
    ) -> Result<Value, StaffError> {
        let policy = self
            .authorize(
                who,
                Action::LineInquire,
                &Owner::Tenant(who.tenant_id.clone()),
                StaffError::NotFound,
            )
            .await?;
        let types = policy.business_types_of(&who.tenant_id);
        let now = self.now();
        let tx = self.staff_tx(who, true).await?;
        let task = tx
            .review_task(application_id, &who.tenant_id)
            .await?
            .ok_or(StaffError::NotFound)?;
        let application = tx
            .application(application_id)
            .await?
            .ok_or(StaffError::NotFound)?;
        if task.round != 0 || !IN_REVIEW.contains(&application.status.as_str()) {
            return Err(StaffError::Conflict("inquiry_not_possible"));
        }
        let document: Value = serde_json::from_str(&application.document).unwrap_or(Value::Null);
        let visible = plugin_host::visible_document(&document, |t| types.contains(t));
        let mut problems = Vec::new();
        let paths = paths.unwrap_or_default();
        if paths.is_empty() || paths.len() > 50 {
            problems.push(FieldProblem::new("/paths", "inquiry_paths_count").with("max", 50));
        }
        for (i, path) in paths.iter().enumerate() {
            let exists = path.starts_with('/') && document.pointer(path).is_some();
            if !exists || !path_visible(&visible, path) {
                problems.push(FieldProblem::new(
                    &format!("/paths/{i}"),
                    "inquiry_path_invalid",
                ));
            }
        }
        let message = message.map(str::trim).unwrap_or_default();
        if message.is_empty() {
            problems.push(FieldProblem::new("/message", "field_required"));
        } else if message.chars().count() > 4000 {
            problems.push(FieldProblem::new("/message", "field_too_long").with("max", 4000));
        }
        if !problems.is_empty() {
            return Err(StaffError::Invalid(problems));
        }
        let id = uuid::Uuid::now_v7().to_string();
        let row = InquiryRow {
            id: id.clone(),
            application_id: application_id.to_owned(),
            tenant_id: who.tenant_id.clone(),
            round: 0,
            paths: serde_json::to_string(&paths).unwrap_or_default(),
            message: message.to_owned(),
            opened_by: format!("staff:{}", who.staff_id),
            opened_at: now,
            status: "open".to_owned(),
            answer: None,
            changes: None,
            answered_at: None,
        };
        tx.insert_inquiry(row.clone()).await?;
        // The other ministries' tasks change too (the application went back to the applicant).
        tx.lift_wall().await?;
        if application.status != "returned" {
            tx.set_application_status(application_id, &application.status, "returned", now)
                .await?;
        }
        self.refresh_tasks(
            &tx,
            application_id,
            &document,
            (0, "application"),
            None,
            now,
        )
        .await?;
        let ministry = tx
            .tenant(&who.tenant_id)
            .await?
            .map(|t| t.name)
            .unwrap_or_default();
        let locale = i18n::Locale::from_tag(&application.locale).unwrap_or(i18n::Locale::Ja);
        let mail = self.compose_mail(
            MailKind::InquiryOpened,
            locale,
            &application.email,
            &[
                ("ministry", ministry.into()),
                ("message", message.to_owned().into()),
                (
                    "fields",
                    paths
                        .iter()
                        .map(|p| format!("- {p}"))
                        .collect::<Vec<_>>()
                        .join("\n")
                        .into(),
                ),
                ("login_link", self.link("/login").into()),
                ("opened", japan_time(now).into()),
            ],
        );
        tx.enqueue_mail(mail, now).await?;
        tx.append_audit(NewAuditEvent {
            at: now,
            actor: &format!("staff:{}", who.staff_id),
            action: "inquiry.opened",
            subject_type: "application",
            subject_id: application_id,
            detail: json!({ "inquiry": id, "tenant": who.tenant_id, "paths": paths }).to_string(),
        })
        .await?;
        tx.commit().await?;
        self.mail_ready.notify_one();
        Ok(inquiry_json(row))
    }
}

/// A Unix-ms time as RFC 3339 UTC.
pub(crate) fn iso(ms: i64) -> Option<String> {
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
}

pub(crate) fn line_json(line: &ReviewLineRow) -> Value {
    json!({
        "id": line.id,
        "path": line.path,
        "business_type": line.business_type,
        "tenant": line.tenant_id,
        "status": line.status,
        "reason": line.reason,
        "decided_at": line.decided_at.and_then(iso),
    })
}

pub(crate) fn inquiry_json(inquiry: InquiryRow) -> Value {
    json!({
        "id": inquiry.id,
        "tenant": inquiry.tenant_id,
        "status": inquiry.status,
        "paths": serde_json::from_str::<Value>(&inquiry.paths).unwrap_or(Value::Null),
        "message": inquiry.message,
        "opened_at": iso(inquiry.opened_at),
        "answer": inquiry.answer,
        "changes": inquiry.changes.and_then(|c| serde_json::from_str::<Value>(&c).ok()),
        "answered_at": inquiry.answered_at.and_then(iso),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_of_hidden_lines_and_establishments_are_not_visible() {
        let visible = json!({
            "applicant": {"name": "x"},
            "establishments": [
                {"name": "a", "business_lines": [{"business_type": "t"}, null]},
                null
            ]
        });
        assert!(path_visible(&visible, "/applicant/name"));
        assert!(path_visible(&visible, "/establishments/0/name"));
        assert!(path_visible(
            &visible,
            "/establishments/0/business_lines/0/registered_staff_own"
        ));
        assert!(!path_visible(
            &visible,
            "/establishments/0/business_lines/1/note"
        ));
        assert!(!path_visible(&visible, "/establishments/1/name"));
        assert!(!path_visible(&visible, "/establishments/7"));
    }

    #[test]
    fn lines_are_listed_with_their_paths() {
        let document = json!({"establishments": [
            {"business_lines": [{"business_type": "a"}, {"business_type": "b"}]},
            {"business_lines": [{"business_type": "c"}]}
        ]});
        assert_eq!(
            document_lines(&document),
            vec![
                (
                    "/establishments/0/business_lines/0".to_owned(),
                    "a".to_owned()
                ),
                (
                    "/establishments/0/business_lines/1".to_owned(),
                    "b".to_owned()
                ),
                (
                    "/establishments/1/business_lines/0".to_owned(),
                    "c".to_owned()
                ),
            ]
        );
    }
}
