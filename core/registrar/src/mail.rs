//! Composing outgoing mail from Fluent messages (`mail-<kind>-subject` / `mail-<kind>-body`)
//! in the recipient's language, with times shown in Japan time.

use chrono::{FixedOffset, TimeZone};
use i18n::{ArgValue, Locale};
use store::NewMail;

use crate::Registrar;

/// The kinds of mail the applicant's path sends.
#[derive(Debug, Clone, Copy)]
pub(crate) enum MailKind {
    /// A link to the application form (and the Excel template).
    PreRegistration,
    /// Pre-registration for an address that already submitted: log in instead.
    PreRegistrationExisting,
    /// Submission confirmed, with a link to set the password.
    Submitted,
    /// A link to choose a new password.
    PasswordReset,
    /// Notice that the password was changed.
    PasswordChanged,
    /// A staff member's enrolment link.
    StaffEnrolment,
    /// A ministry sent an inquiry (疑義照会) about the application.
    InquiryOpened,
    /// The application was registered (number, date, registered headcounts).
    Registered,
    /// No part of the application could be registered (reasons).
    RegistrationRejected,
    /// A change notification was accepted; the registry is updated.
    ChangeAccepted,
    /// A change notification was rejected (reasons).
    ChangeRejected,
}

impl MailKind {
    fn id(self) -> &'static str {
        match self {
            MailKind::PreRegistration => "pre-registration",
            MailKind::PreRegistrationExisting => "pre-registration-existing",
            MailKind::Submitted => "submitted",
            MailKind::PasswordReset => "password-reset",
            MailKind::PasswordChanged => "password-changed",
            MailKind::StaffEnrolment => "staff-enrolment",
            MailKind::InquiryOpened => "inquiry-opened",
            MailKind::Registered => "registered",
            MailKind::RegistrationRejected => "registration-rejected",
            MailKind::ChangeAccepted => "change-accepted",
            MailKind::ChangeRejected => "change-rejected",
        }
    }
}

/// Links that go into mail, built from the configured base URL.
#[derive(Debug, Clone, Copy)]
pub struct MailLinks;

impl MailLinks {
    /// The link that opens a draft.
    pub fn draft(base_url: &str, token: &str) -> String {
        format!("{base_url}/apply/{token}")
    }

    /// The link that sets or resets a password.
    pub fn password(base_url: &str, token: &str) -> String {
        format!("{base_url}/account/password/{token}")
    }
}

impl Registrar {
    pub(crate) fn compose_mail(
        &self,
        kind: MailKind,
        locale: Locale,
        recipient: &str,
        args: &[(&str, ArgValue)],
    ) -> NewMail {
        let id = kind.id();
        NewMail {
            recipient: recipient.to_owned(),
            subject: self
                .catalog
                .message(locale, &format!("mail-{id}-subject"), args),
            body: self
                .catalog
                .message(locale, &format!("mail-{id}-body"), args),
        }
    }

    pub(crate) fn link(&self, path: &str) -> String {
        format!("{}{path}", self.config.base_url)
    }
}

/// A Unix-ms time as `2026-11-23 18:30 JST`.
pub(crate) fn japan_time(ms: i64) -> String {
    const JST: FixedOffset = match FixedOffset::east_opt(9 * 3600) {
        Some(offset) => offset,
        None => panic!("+09:00 is a valid offset"),
    };
    match JST.timestamp_millis_opt(ms).single() {
        Some(time) => time.format("%Y-%m-%d %H:%M JST").to_string(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_in_mail_are_japan_time() {
        // 2026-11-21 00:00 UTC is 09:00 in Japan.
        assert_eq!(japan_time(1_795_219_200_000), "2026-11-21 09:00 JST");
    }
}
