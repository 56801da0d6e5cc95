//! Pre-registration (初めての方へ): an e-mail address typed twice gets a mail with a link to the
//! application form. The answer is the same whether or not the address is known.

use i18n::Locale;
use serde_json::{Value, json};
use store::{ApplicationRow, DraftTokenRow, NewAuditEvent};

use crate::mail::{MailKind, MailLinks, japan_time};
use crate::token::{new_token, token_hash};
use crate::{FieldProblem, PreRegisterError, Registrar};

/// Longest e-mail address pre-registration accepts (the seed system's limit).
pub const EMAIL_MAX_CHARS: usize = 50;

impl Registrar {
    /// Sends the applicant a link to its draft (creating the draft on first use), or, when the
    /// address already submitted an application, a mail that says how to log in instead.
    pub async fn pre_register(
        &self,
        email: Option<&str>,
        email_confirmation: Option<&str>,
        locale: Locale,
    ) -> Result<(), PreRegisterError> {
        let email = validate_pre_registration(email, email_confirmation)
            .map_err(PreRegisterError::Invalid)?;
        let key = email_key(&email);
        let now = self.now();
        let tx = self.store.write().await?;
        let existing = tx.application_by_email_key(&key).await?;
        let (application_id, mail) = match existing {
            Some(application) if application.status != "draft" => {
                let mail = self.compose_mail(
                    MailKind::PreRegistrationExisting,
                    locale,
                    &email,
                    &[
                        ("login_link", self.link("/login").into()),
                        ("reset_link", self.link("/account/password-reset").into()),
                    ],
                );
                (application.id, mail)
            }
            existing => {
                let application_id = match existing {
                    Some(application) => application.id,
                    None => {
                        let id = uuid::Uuid::now_v7().to_string();
                        tx.insert_application(ApplicationRow {
                            id: id.clone(),
                            email: email.clone(),
                            email_key: key.clone(),
                            locale: locale.tag().to_owned(),
                            status: "draft".to_owned(),
                            document: initial_document(&email).to_string(),
                            revision: 0,
                            created_at: now,
                            updated_at: now,
                            submitted_at: None,
                            judged_by: None,
                        })
                        .await?;
                        id
                    }
                };
                let token = new_token();
                let expires_at = now + self.config.draft_link_ttl_ms;
                tx.insert_draft_token(DraftTokenRow {
                    token_hash: token_hash(&token),
                    application_id: application_id.clone(),
                    created_at: now,
                    expires_at,
                    revoked_at: None,
                })
                .await?;
                let mail = self.compose_mail(
                    MailKind::PreRegistration,
                    locale,
                    &email,
                    &[
                        (
                            "link",
                            MailLinks::draft(&self.config.base_url, &token).into(),
                        ),
                        (
                            "template_link",
                            self.link(&format!(
                                "/templates/establishments.xlsx?lang={}",
                                locale.tag()
                            ))
                            .into(),
                        ),
                        ("expires", japan_time(expires_at).into()),
                    ],
                );
                (application_id, mail)
            }
        };
        tx.enqueue_mail(mail, now).await?;
        tx.append_audit(NewAuditEvent {
            at: now,
            actor: "anonymous",
            action: "pre_registration.requested",
            subject_type: "application",
            subject_id: &application_id,
            detail: json!({ "locale": locale.tag() }).to_string(),
        })
        .await?;
        tx.commit().await?;
        self.mail_ready.notify_one();
        Ok(())
    }
}

/// The login id key of an address: trimmed and lower-cased, so that `Taro@Example.jp` and
/// `taro@example.jp` are one applicant.
pub(crate) fn email_key(email: &str) -> String {
    email.trim().to_lowercase()
}

fn validate_pre_registration(
    email: Option<&str>,
    confirmation: Option<&str>,
) -> Result<String, Vec<FieldProblem>> {
    let mut problems = Vec::new();
    let email = email.map(str::trim).unwrap_or_default();
    let confirmation = confirmation.map(str::trim).unwrap_or_default();
    check_email_field(email, "/email", &mut problems);
    if confirmation.is_empty() {
        problems.push(FieldProblem::new("/email_confirmation", "email_required"));
    } else if problems.is_empty() && confirmation != email {
        problems.push(FieldProblem::new("/email_confirmation", "email_mismatch"));
    }
    if problems.is_empty() {
        Ok(email.to_owned())
    } else {
        Err(problems)
    }
}

pub(crate) fn check_email_field(email: &str, path: &'static str, problems: &mut Vec<FieldProblem>) {
    if email.is_empty() {
        problems.push(FieldProblem::new(path, "email_required"));
    } else if email.chars().count() > EMAIL_MAX_CHARS {
        problems
            .push(FieldProblem::new(path, "email_too_long").with("max", EMAIL_MAX_CHARS as i64));
    } else if !is_plausible_email(email) {
        problems.push(FieldProblem::new(path, "email_invalid"));
    }
}

/// One `@`, a non-empty local part, a dotted domain, visible ASCII only.
fn is_plausible_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    let visible = |s: &str| s.bytes().all(|b| b.is_ascii_graphic() && b != b'@');
    !local.is_empty()
        && visible(local)
        && visible(domain)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
}

/// The document a new draft starts from: every field present, the e-mail filled in.
pub(crate) fn initial_document(email: &str) -> Value {
    json!({
        "program": "tokutei",
        "founder": null,
        "public_body_class": null,
        "declaration_truthful": false,
        "applicant": {
            "name": null, "name_kana": null,
            "representative": null, "representative_kana": null,
            "postal_code": null, "prefecture": null, "city": null, "street": null,
            "phone": null, "fax": null, "email": email,
            "industrial_physician": null, "business_continuity_plan": null,
            "note1": null, "note2": null,
        },
        "proxy": null,
        "establishments": [],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(email: Option<&str>, confirmation: Option<&str>) -> Vec<(String, &'static str)> {
        match validate_pre_registration(email, confirmation) {
            Ok(_) => Vec::new(),
            Err(problems) => problems.iter().map(|p| (p.path.clone(), p.code)).collect(),
        }
    }

    #[test]
    fn pre_registration_input_is_checked_field_by_field() {
        let long = format!("{}@example.jp", "a".repeat(40));
        type Case<'a> = (Option<&'a str>, Option<&'a str>, &'a [(&'a str, &'a str)]);
        let cases: &[Case<'_>] = &[
            (Some("taro@example.jp"), Some("taro@example.jp"), &[]),
            (Some(" taro@example.jp "), Some("taro@example.jp"), &[]),
            (
                None,
                None,
                &[
                    ("/email", "email_required"),
                    ("/email_confirmation", "email_required"),
                ],
            ),
            (
                Some("taro@example.jp"),
                Some("jiro@example.jp"),
                &[("/email_confirmation", "email_mismatch")],
            ),
            (Some(&long), Some(&long), &[("/email", "email_too_long")]),
            (
                Some("taro.example.jp"),
                Some("taro.example.jp"),
                &[("/email", "email_invalid")],
            ),
            (
                Some("taro@localhost"),
                Some("taro@localhost"),
                &[("/email", "email_invalid")],
            ),
            (
                Some("太郎@example.jp"),
                Some("太郎@example.jp"),
                &[("/email", "email_invalid")],
            ),
            (
                Some("a b@example.jp"),
                Some("a b@example.jp"),
                &[("/email", "email_invalid")],
            ),
        ];
        for (email, confirmation, expected) in cases {
            let expected: Vec<(String, &str)> = expected
                .iter()
                .map(|(p, c)| ((*p).to_owned(), *c))
                .collect();
            assert_eq!(
                codes(*email, *confirmation),
                expected,
                "{email:?} {confirmation:?}"
            );
        }
    }

    #[test]
    fn login_id_key_ignores_case_and_surrounding_space() {
        assert_eq!(email_key(" Taro@Example.JP"), "taro@example.jp");
    }
}
