//! Checks an [`OutgoingMail`] and turns it into an RFC 5322 message; nothing unsafe reaches a header.

use std::str::FromStr;
use std::time::SystemTime;

use chrono::Datelike;
use lettre::Message;
use lettre::message::{Mailbox, SinglePart};

use crate::{DeliverError, OutgoingMail};

/// Builds the message, or says why it can never be sent.
pub(crate) fn compose(mail: &OutgoingMail) -> Result<Message, DeliverError> {
    check_message_id(&mail.message_id)?;
    check_one_line("subject", &mail.subject)?;
    let from = mailbox("sender", &mail.from)?;
    let to = mailbox("recipient", &mail.to)?;
    // httpdate (inside lettre) panics outside these years.
    if !(1970..=9999).contains(&mail.date.year()) {
        return Err(permanent(format!(
            "the date {} is outside the years 1970-9999",
            mail.date
        )));
    }
    Message::builder()
        .message_id(Some(format!("<{}>", mail.message_id)))
        .date(SystemTime::from(mail.date))
        .from(from)
        .to(to)
        .subject(mail.subject.as_str())
        .singlepart(SinglePart::plain(mail.body_text.clone()))
        .map_err(|error| permanent(format!("cannot build the message: {error}")))
}

/// Accepts `local@domain` made of RFC 5322 atext and dots, so it is safe both in the
/// `Message-ID` header and (sanitised) in a file name.
fn check_message_id(id: &str) -> Result<(), DeliverError> {
    let is_atext = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c);
    let valid = match id.split_once('@') {
        Some((left, right)) => {
            !left.is_empty()
                && !right.is_empty()
                && id.len() <= 200
                && left.chars().all(is_atext)
                && right.chars().all(is_atext)
        }
        None => false,
    };
    if valid {
        Ok(())
    } else {
        Err(permanent(format!(
            "the message id {id:?} is not of the form local@domain in printable ASCII"
        )))
    }
}

/// Refuses control characters (CR and LF above all): they would let text start a new header.
fn check_one_line(what: &str, text: &str) -> Result<(), DeliverError> {
    if text.chars().any(char::is_control) {
        return Err(permanent(format!(
            "the {what} contains a line break or another control character"
        )));
    }
    Ok(())
}

/// Parses an address; the error names the role, not the address, to keep it out of logs.
fn mailbox(role: &str, text: &str) -> Result<Mailbox, DeliverError> {
    check_one_line(&format!("{role} address"), text)?;
    Mailbox::from_str(text)
        .map_err(|error| permanent(format!("the {role} address is invalid: {error}")))
}

fn permanent(reason: String) -> DeliverError {
    DeliverError::Permanent(reason)
}

#[cfg(test)]
mod tests {
    use super::check_message_id;

    #[test]
    fn message_ids_must_be_local_at_domain_in_printable_ascii() {
        let cases = [
            ("outbox-42@toroku.local", true),
            ("a.b+c@d", true),
            ("no-at-sign", false),
            ("@toroku.local", false),
            ("outbox-42@", false),
            ("two@at@signs", false),
            ("with space@toroku.local", false),
            ("<outbox-42@toroku.local>", false),
            ("outbox-42@toroku.local\r\nBcc: x@y", false),
            ("日本@toroku.local", false),
        ];
        for (id, valid) in cases {
            assert_eq!(check_message_id(id).is_ok(), valid, "{id:?}");
        }
    }
}
