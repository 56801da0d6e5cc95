//! The central administration's side: registration of the accepted part (登録: number, date,
//! five years' validity), the public register (公表), settling change notifications, the
//! central views of applications and the tamper-evident audit export.

use authz::{Action, Owner};
use chrono::{Datelike, FixedOffset, NaiveDate, TimeZone};
use serde_json::{Value, json};
use store::{
    ApplicationRow, NewAuditEvent, RegisterEntryRow, RegisterFilter, RegistrationRow, StoreError,
    Tx,
};

use crate::mail::MailKind;
use crate::review::{document_lines, inquiry_json, iso, line_json};
use crate::{FieldProblem, Registrar, StaffError, StaffSession};

/// Years a registration is valid.
const VALID_YEARS: i32 = 5;

/// The Japanese calendar date of a Unix-ms time.
fn japan_date(ms: i64) -> NaiveDate {
    let jst = FixedOffset::east_opt(9 * 3600)
        .unwrap_or_else(|| FixedOffset::east_opt(0).unwrap_or_else(|| unreachable!()));
    jst.timestamp_millis_opt(ms)
        .single()
        .map_or_else(NaiveDate::default, |t| t.date_naive())
}

/// The last valid day: the day before the same date `VALID_YEARS` later.
fn valid_until(registered_on: NaiveDate) -> NaiveDate {
    registered_on
        .with_year(registered_on.year() + VALID_YEARS)
        .or_else(|| {
            (registered_on + chrono::Days::new(1)).with_year(registered_on.year() + VALID_YEARS)
        })
        .and_then(|d| d.pred_opt())
        .unwrap_or(registered_on)
}

/// The registered record: the document with only accepted lines, and without establishments
/// left with none.
fn accepted_part(document: &Value, accepted: &[String]) -> Value {
    let mut registered = document.clone();
    if let Some(establishments) = registered
        .get_mut("establishments")
        .and_then(Value::as_array_mut)
    {
        let mut kept = Vec::new();
        for (i, establishment) in establishments.iter().enumerate() {
            let mut establishment = establishment.clone();
            if let Some(lines) = establishment
                .get_mut("business_lines")
                .and_then(Value::as_array_mut)
            {
                let filtered: Vec<Value> = lines
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| {
                        accepted.contains(&format!("/establishments/{i}/business_lines/{j}"))
                    })
                    .map(|(_, line)| line.clone())
                    .collect();
                *lines = filtered;
                if !lines.is_empty() {
                    kept.push(establishment);
                }
            }
        }
        *establishments = kept;
    }
    registered
}

fn text(value: &Value, pointer: &str) -> String {
    value
        .pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

/// The published rows of a registered record: one per establishment × business type.
fn register_entries(
    application_id: &str,
    registration: &RegistrationRow,
    document: &Value,
) -> Vec<RegisterEntryRow> {
    let applicant = text(document, "/applicant/name");
    let mut rows = Vec::new();
    for (path, business_type) in document_lines(document) {
        let establishment = path.split("/business_lines").next().unwrap_or_default();
        let name = text(document, &format!("{establishment}/name"));
        let prefecture = text(document, &format!("{establishment}/prefecture"));
        let address = format!(
            "{prefecture}{}{}",
            text(document, &format!("{establishment}/city")),
            text(document, &format!("{establishment}/street"))
        );
        rows.push(RegisterEntryRow {
            id: 0,
            registration_number: registration.registration_number.clone(),
            application_id: application_id.to_owned(),
            search_key: format!("{applicant}\n{name}\n{address}").to_lowercase(),
            applicant_name: applicant.clone(),
            business_type,
            establishment_name: name,
            prefecture,
            address,
            registered_on: registration.registered_on.clone(),
        });
    }
    rows
}

/// One line of a registration or rejection mail.
fn mail_line(document: &Value, path: &str, label: &str, detail: &str) -> String {
    let establishment = path.split("/business_lines").next().unwrap_or_default();
    format!(
        "- {} / {label}: {detail}",
        text(document, &format!("{establishment}/name"))
    )
}

fn headcount(document: &Value, path: &str) -> i64 {
    ["registered_staff_own", "registered_staff_external"]
        .iter()
        .filter_map(|f| {
            document
                .pointer(&format!("{path}/{f}"))
                .and_then(Value::as_i64)
        })
        .sum()
}

/// A page of the public register.
#[derive(Debug, Clone, Default)]
pub struct RegisterQuery {
    /// Text in the applicant's or establishment's name or the address.
    pub search: Option<String>,
    /// Only this business type.
    pub business_type: Option<String>,
    /// Only this prefecture.
    pub prefecture: Option<String>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
    /// Page size (1–1000, default 50).
    pub limit: Option<u64>,
}

/// Rows per page of the register export ([`Registrar::public_register_export`]).
pub const REGISTER_EXPORT_PAGE: u64 = 5_000;

/// One published row.
#[derive(Debug, Clone, serde::Serialize)]
pub struct RegisterEntry {
    /// Registration number.
    pub registration_number: String,
    /// Registration date (YYYY-MM-DD).
    pub registered_on: String,
    /// The applicant's name.
    pub applicant_name: String,
    /// Business type id.
    pub business_type: String,
    /// Its label in the requested language.
    pub business_type_label: String,
    /// Establishment name.
    pub establishment_name: String,
    /// Establishment address.
    pub address: String,
}

impl Registrar {
    /// A business type's label in `locale`, from the plugin that declares it (the id if none).
    pub fn business_type_label(&self, business_type: &str, locale: i18n::Locale) -> String {
        let plugins = self.plugins();
        plugins
            .owner(business_type)
            .and_then(|plugin| {
                let declared = plugin
                    .catalogue()
                    .business_types
                    .iter()
                    .find(|t| t.id == business_type)?;
                Some(plugin.message(locale, &declared.label, &[]))
            })
            .unwrap_or_else(|| business_type.to_owned())
    }

    /// Registers the accepted part of a fully reviewed application (central administration):
    /// a registration number and date, valid five years; mails the result. With no accepted
    /// line the application is rejected instead, and the mail gives the reasons.
    pub async fn register_application(
        &self,
        who: &StaffSession,
        application_id: &str,
    ) -> Result<Value, StaffError> {
        self.authorize(
            who,
            Action::ApplicationRegister,
            &Owner::Nobody,
            StaffError::Forbidden,
        )
        .await?;
        let now = self.now();
        let tx = self.store.write().await?;
        let application = tx
            .application(application_id)
            .await?
            .ok_or(StaffError::NotFound)?;
        if application.status != "reviewed" {
            return Err(StaffError::Conflict("review_not_complete"));
        }
        let document: Value = serde_json::from_str(&application.document).unwrap_or(Value::Null);
        let lines = tx.review_lines(application_id, 0).await?;
        if lines
            .iter()
            .any(|l| l.status == "pending" || l.tenant_id.is_empty())
        {
            return Err(StaffError::Conflict("review_not_complete"));
        }
        let locale = i18n::Locale::from_tag(&application.locale).unwrap_or(i18n::Locale::Ja);
        let accepted: Vec<String> = lines
            .iter()
            .filter(|l| l.status == "accepted")
            .map(|l| l.path.clone())
            .collect();
        let rejected_text: Vec<String> = lines
            .iter()
            .filter(|l| l.status == "rejected")
            .map(|l| {
                mail_line(
                    &document,
                    &l.path,
                    &self.business_type_label(&l.business_type, locale),
                    l.reason.as_deref().unwrap_or_default(),
                )
            })
            .collect();
        let actor = format!("staff:{}", who.staff_id);
        let body = if accepted.is_empty() {
            tx.set_application_status(application_id, "reviewed", "rejected", now)
                .await?;
            let mail = self.compose_mail(
                MailKind::RegistrationRejected,
                locale,
                &application.email,
                &[
                    ("application_id", application.id.clone().into()),
                    ("reasons", rejected_text.join("\n").into()),
                ],
            );
            tx.enqueue_mail(mail, now).await?;
            tx.append_audit(NewAuditEvent {
                at: now,
                actor: &actor,
                action: "application.rejected",
                subject_type: "application",
                subject_id: application_id,
                detail: json!({ "rejected_lines": lines.len() }).to_string(),
            })
            .await?;
            json!({ "application_id": application_id, "status": "rejected" })
        } else {
            let registered = accepted_part(&document, &accepted);
            let on = japan_date(now);
            let number = format!(
                "TS-{}-{:06}",
                on.year(),
                tx.next_counter("registration_number").await?
            );
            let registration = RegistrationRow {
                application_id: application_id.to_owned(),
                registration_number: number.clone(),
                registered_on: on.to_string(),
                valid_until: valid_until(on).to_string(),
                registered_at: now,
                registered_by: actor.clone(),
                document: registered.to_string(),
                version: 1,
                updated_at: now,
            };
            tx.insert_registration(registration.clone()).await?;
            tx.replace_register_entries(
                application_id,
                register_entries(application_id, &registration, &registered),
            )
            .await?;
            tx.set_application_status(application_id, "reviewed", "registered", now)
                .await?;
            let registered_text: Vec<String> = document_lines(&registered)
                .iter()
                .map(|(path, business_type)| {
                    mail_line(
                        &registered,
                        path,
                        &self.business_type_label(business_type, locale),
                        &headcount(&registered, path).to_string(),
                    )
                })
                .collect();
            let mail = self.compose_mail(
                MailKind::Registered,
                locale,
                &application.email,
                &[
                    ("registration_number", number.clone().into()),
                    ("registered_on", registration.registered_on.clone().into()),
                    ("valid_until", registration.valid_until.clone().into()),
                    ("lines", registered_text.join("\n").into()),
                    (
                        "rejected",
                        if rejected_text.is_empty() {
                            "-".to_owned()
                        } else {
                            rejected_text.join("\n")
                        }
                        .into(),
                    ),
                ],
            );
            tx.enqueue_mail(mail, now).await?;
            tx.append_audit(NewAuditEvent {
                at: now,
                actor: &actor,
                action: "application.registered",
                subject_type: "application",
                subject_id: application_id,
                detail: json!({ "registration_number": number, "accepted_lines": accepted.len(), "rejected_lines": rejected_text.len() }).to_string(),
            })
            .await?;
            json!({
                "application_id": application_id,
                "status": "registered",
                "registration_number": number,
                "registered_on": registration.registered_on,
                "valid_until": registration.valid_until,
            })
        };
        tx.commit().await?;
        self.mail_ready.notify_one();
        Ok(body)
    }

    /// Makes `document` the registered record and republishes it.
    pub(crate) async fn apply_registered_document(
        &self,
        tx: &Tx,
        application: &ApplicationRow,
        document: &Value,
        now: i64,
    ) -> Result<(), StoreError> {
        tx.update_registration(&application.id, document.to_string(), now)
            .await?;
        if let Some(registration) = tx.registration(&application.id).await? {
            tx.replace_register_entries(
                &application.id,
                register_entries(&application.id, &registration, document),
            )
            .await?;
        }
        Ok(())
    }

    /// Every line of a change notification is decided: all accepted → the registry and the
    /// public register take the new record; otherwise the notification is rejected with the
    /// reasons. Either way the applicant is mailed and may file again.
    pub(crate) async fn settle_change(
        &self,
        tx: &Tx,
        application: &ApplicationRow,
        round: i32,
        now: i64,
    ) -> Result<(), StoreError> {
        let Some(change) = tx
            .changes_of(&application.id)
            .await?
            .into_iter()
            .find(|c| c.round == round)
        else {
            return Ok(());
        };
        let lines = tx.review_lines(&application.id, round).await?;
        let locale = i18n::Locale::from_tag(&application.locale).unwrap_or(i18n::Locale::Ja);
        let document: Value = serde_json::from_str(&change.document).unwrap_or(Value::Null);
        let rejected: Vec<String> = lines
            .iter()
            .filter(|l| l.status == "rejected")
            .map(|l| {
                let label = if l.business_type.is_empty() {
                    "-".to_owned()
                } else {
                    self.business_type_label(&l.business_type, locale)
                };
                mail_line(
                    &document,
                    &l.path,
                    &label,
                    l.reason.as_deref().unwrap_or_default(),
                )
            })
            .collect();
        let (status, kind) = if rejected.is_empty() {
            self.apply_registered_document(tx, application, &document, now)
                .await?;
            ("accepted", MailKind::ChangeAccepted)
        } else {
            ("rejected", MailKind::ChangeRejected)
        };
        tx.set_change_status(&change.id, status, now).await?;
        tx.set_application_status(&application.id, "change_pending", "registered", now)
            .await?;
        let number = tx
            .registration(&application.id)
            .await?
            .map(|r| r.registration_number)
            .unwrap_or_default();
        let mail = self.compose_mail(
            kind,
            locale,
            &application.email,
            &[
                ("registration_number", number.into()),
                ("reasons", rejected.join("\n").into()),
            ],
        );
        tx.enqueue_mail(mail, now).await?;
        tx.append_audit(NewAuditEvent {
            at: now,
            actor: "system",
            action: if rejected.is_empty() {
                "change.accepted"
            } else {
                "change.rejected"
            },
            subject_type: "application",
            subject_id: &application.id,
            detail: json!({ "change": change.id, "round": round }).to_string(),
        })
        .await?;
        Ok(())
    }

    /// One page of the public register: only the published items (at most 1,000).
    pub async fn public_register(
        &self,
        query: RegisterQuery,
        locale: i18n::Locale,
    ) -> Result<(Vec<RegisterEntry>, Option<String>), StaffError> {
        self.register_page(query, locale, 1_000).await
    }

    /// One page of the register's export (CSV): as [`Self::public_register`], in pages of up
    /// to [`REGISTER_EXPORT_PAGE`] rows (fewer round trips for the whole register).
    pub async fn public_register_export(
        &self,
        query: RegisterQuery,
        locale: i18n::Locale,
    ) -> Result<(Vec<RegisterEntry>, Option<String>), StaffError> {
        self.register_page(query, locale, REGISTER_EXPORT_PAGE)
            .await
    }

    async fn register_page(
        &self,
        query: RegisterQuery,
        locale: i18n::Locale,
        max: u64,
    ) -> Result<(Vec<RegisterEntry>, Option<String>), StaffError> {
        let limit = query.limit.unwrap_or(50);
        let mut problems = Vec::new();
        if !(1..=max).contains(&limit) {
            problems
                .push(FieldProblem::new("/limit", "limit_out_of_range").with("max", max as i64));
        }
        let after_id = match query.cursor.as_deref() {
            None => None,
            Some(cursor) => {
                let parsed = cursor.parse::<i64>().ok().filter(|c| *c >= 0);
                if parsed.is_none() {
                    problems.push(FieldProblem::new("/cursor", "cursor_invalid"));
                }
                parsed
            }
        };
        if !problems.is_empty() {
            return Err(StaffError::Invalid(problems));
        }
        let clean = |s: Option<String>| {
            s.map(|s| s.trim().to_lowercase())
                .filter(|s| !s.is_empty() && s.chars().count() <= 200)
        };
        let tx = self.store.read().await?;
        let rows = tx
            .register_page(&RegisterFilter {
                search: clean(query.search),
                business_type: clean(query.business_type),
                prefecture: query
                    .prefecture
                    .map(|p| p.trim().to_owned())
                    .filter(|p| !p.is_empty()),
                after_id,
                limit: limit + 1,
            })
            .await?;
        let next = (rows.len() as u64 > limit)
            .then(|| rows.get(limit as usize - 1).map(|r| r.id.to_string()))
            .flatten();
        // A page holds few business types: look each label up once (a Fluent format each).
        let mut labels: std::collections::HashMap<String, String> =
            std::collections::HashMap::new();
        let entries = rows
            .into_iter()
            .take(limit as usize)
            .map(|row| RegisterEntry {
                business_type_label: labels
                    .entry(row.business_type.clone())
                    .or_insert_with(|| self.business_type_label(&row.business_type, locale))
                    .clone(),
                registration_number: row.registration_number,
                registered_on: row.registered_on,
                applicant_name: row.applicant_name,
                business_type: row.business_type,
                establishment_name: row.establishment_name,
                address: row.address,
            })
            .collect();
        Ok((entries, next))
    }

    /// Applications in a status (default: `reviewed`, ready to register), for the central
    /// administration.
    pub async fn central_applications(
        &self,
        who: &StaffSession,
        status: Option<&str>,
    ) -> Result<Value, StaffError> {
        self.authorize(
            who,
            Action::ApplicationReadAll,
            &Owner::Nobody,
            StaffError::Forbidden,
        )
        .await?;
        let status = status.unwrap_or("reviewed");
        if ![
            "submitted",
            "returned",
            "reviewed",
            "registered",
            "rejected",
            "change_pending",
        ]
        .contains(&status)
        {
            return Err(StaffError::Invalid(vec![FieldProblem::new(
                "/status",
                "queue_status_invalid",
            )]));
        }
        let tx = self.store.read().await?;
        let items: Vec<Value> = tx
            .applications_in_status(status, 200)
            .await?
            .into_iter()
            .map(|a| {
                let document: Value = serde_json::from_str(&a.document).unwrap_or(Value::Null);
                json!({
                    "application_id": a.id,
                    "status": a.status,
                    "applicant_name": text(&document, "/applicant/name"),
                    "submitted_at": a.submitted_at.and_then(iso),
                })
            })
            .collect();
        Ok(json!({ "items": items }))
    }

    /// The central dashboard's figures: registered staff by business type and by prefecture
    /// (from the registered records), applications by status now, submissions per month
    /// (Japan time). Central administration only.
    pub async fn dashboard(&self, who: &StaffSession) -> Result<Value, StaffError> {
        self.authorize(
            who,
            Action::ApplicationReadAll,
            &Owner::Nobody,
            StaffError::Forbidden,
        )
        .await?;
        let tx = self.store.read().await?;
        let statuses = tx.application_status_counts().await?;
        let times = tx.submission_times().await?;
        let documents = tx.registered_documents().await?;
        tx.commit().await?;
        let mut by_type: std::collections::BTreeMap<String, i64> = Default::default();
        let mut by_prefecture: std::collections::BTreeMap<String, i64> = Default::default();
        for text in &documents {
            let document: Value = serde_json::from_str(text).unwrap_or(Value::Null);
            for establishment in document["establishments"].as_array().into_iter().flatten() {
                let prefecture = establishment["prefecture"].as_str().unwrap_or_default();
                for line in establishment["business_lines"]
                    .as_array()
                    .into_iter()
                    .flatten()
                {
                    let staff = line["registered_staff_own"].as_i64().unwrap_or(0)
                        + line["registered_staff_external"].as_i64().unwrap_or(0);
                    let business_type = line["business_type"].as_str().unwrap_or_default();
                    *by_type
                        .entry(self.business_type_label(business_type, i18n::Locale::Ja))
                        .or_default() += staff;
                    *by_prefecture.entry(prefecture.to_owned()).or_default() += staff;
                }
            }
        }
        let mut by_month: std::collections::BTreeMap<String, i64> = Default::default();
        let jst = chrono::FixedOffset::east_opt(9 * 3600);
        for at in times {
            if let (Some(t), Some(jst)) = (chrono::DateTime::from_timestamp_millis(at), jst) {
                *by_month
                    .entry(t.with_timezone(&jst).format("%Y-%m").to_string())
                    .or_default() += 1;
            }
        }
        let pairs = |map: std::collections::BTreeMap<String, i64>| -> Vec<Value> {
            map.into_iter().map(|(k, v)| json!([k, v])).collect()
        };
        Ok(json!({
            "registered_staff_by_business_type": pairs(by_type),
            "registered_staff_by_prefecture": pairs(by_prefecture),
            "applications_by_status": statuses.into_iter().map(|(k, v)| json!([k, v])).collect::<Vec<_>>(),
            "submissions_by_month": pairs(by_month),
        }))
    }

    /// The whole application with every ministry's lines, inquiries, registration and change
    /// notifications (central administration; audited).
    pub async fn central_application(
        &self,
        who: &StaffSession,
        application_id: &str,
    ) -> Result<Value, StaffError> {
        self.authorize(
            who,
            Action::ApplicationReadAll,
            &Owner::Nobody,
            StaffError::NotFound,
        )
        .await?;
        let now = self.now();
        let tx = self.store.write().await?;
        let application = tx
            .application(application_id)
            .await?
            .filter(|a| a.status != "draft")
            .ok_or(StaffError::NotFound)?;
        let tasks: Vec<Value> = tx
            .review_tasks_of(application_id)
            .await?
            .into_iter()
            .map(|t| json!({ "tenant": t.tenant_id, "round": t.round, "kind": t.kind, "status": t.status, "lines_total": t.lines_total, "lines_pending": t.lines_pending }))
            .collect();
        let mut state = self.review_state_json(&tx, &application).await?;
        let round = tx
            .changes_of(application_id)
            .await?
            .iter()
            .map(|c| c.round)
            .max()
            .unwrap_or(0);
        if round > 0 {
            state["current_round_lines"] = tx
                .review_lines(application_id, round)
                .await?
                .iter()
                .map(line_json)
                .collect();
        }
        tx.append_audit(NewAuditEvent {
            at: now,
            actor: &format!("staff:{}", who.staff_id),
            action: "application.viewed",
            subject_type: "application",
            subject_id: application_id,
            detail: json!({ "tenant": who.tenant_id }).to_string(),
        })
        .await?;
        tx.commit().await?;
        state["application_id"] = json!(application.id);
        state["status"] = json!(application.status);
        state["submitted_at"] = json!(application.submitted_at.and_then(iso));
        state["document"] = serde_json::from_str(&application.document).unwrap_or(Value::Null);
        state["tasks"] = Value::Array(tasks);
        Ok(state)
    }

    /// The audit trail of an application with its hash chain checked (central administration;
    /// the export itself is the trail's newest entry).
    pub async fn audit_export(
        &self,
        who: &StaffSession,
        application_id: &str,
    ) -> Result<Value, StaffError> {
        self.authorize(
            who,
            Action::ApplicationAudit,
            &Owner::Nobody,
            StaffError::NotFound,
        )
        .await?;
        let now = self.now();
        let tx = self.store.write().await?;
        if tx.application(application_id).await?.is_none() {
            return Err(StaffError::NotFound);
        }
        tx.append_audit(NewAuditEvent {
            at: now,
            actor: &format!("staff:{}", who.staff_id),
            action: "audit.exported",
            subject_type: "application",
            subject_id: application_id,
            detail: "{}".to_owned(),
        })
        .await?;
        let trail = tx.audit_trail("application", application_id).await?;
        tx.commit().await?;
        let verdict = store::verify_audit_chain(&trail);
        let entries: Vec<Value> = trail
            .iter()
            .map(|e| {
                json!({
                    "seq": e.seq,
                    "at": iso(e.at),
                    "actor": e.actor,
                    "action": e.action,
                    "detail": serde_json::from_str::<Value>(&e.detail).unwrap_or(Value::Null),
                    "prev_hash": e.prev_hash,
                    "hash": e.hash,
                })
            })
            .collect();
        Ok(json!({
            "application_id": application_id,
            "entries": entries,
            "chain": { "valid": verdict.is_ok(), "broken_at_seq": verdict.err() },
        }))
    }

    /// Inquiries of the logged-in applicant (with their state).
    pub async fn my_inquiries(
        &self,
        session: &crate::Session,
    ) -> Result<Value, crate::ApplicantError> {
        let tx = self.store.read().await?;
        let account = tx
            .account(&session.account_id)
            .await?
            .ok_or(crate::SessionError::Unauthenticated)?;
        let Some(application) = tx.application_by_email_key(&account.email_key).await? else {
            return Ok(json!({ "items": [] }));
        };
        let tenants = tx.tenants().await?;
        let items: Vec<Value> = tx
            .inquiries_of(&application.id)
            .await?
            .into_iter()
            .map(|i| {
                let ministry = tenants
                    .iter()
                    .find(|t| t.id == i.tenant_id)
                    .map(|t| t.name.clone());
                let mut item = inquiry_json(i);
                item["ministry_name"] = json!(ministry);
                item
            })
            .collect();
        Ok(json!({ "items": items }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registrations_are_valid_five_years_to_the_day_before() {
        let on = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap_or_default();
        assert_eq!(valid_until(on).to_string(), "2031-11-20");
        let leap = NaiveDate::from_ymd_opt(2028, 2, 29).unwrap_or_default();
        assert_eq!(valid_until(leap).to_string(), "2033-02-28");
        assert_eq!(japan_date(1_795_219_200_000).to_string(), "2026-11-21");
    }

    #[test]
    fn the_registered_record_keeps_only_accepted_lines() {
        let document = json!({"establishments": [
            {"name": "a", "business_lines": [{"business_type": "x"}, {"business_type": "y"}]},
            {"name": "b", "business_lines": [{"business_type": "y"}]}
        ]});
        let kept = accepted_part(
            &document,
            &["/establishments/0/business_lines/0".to_owned()],
        );
        assert_eq!(
            kept,
            json!({"establishments": [{"name": "a", "business_lines": [{"business_type": "x"}]}]})
        );
    }
}
