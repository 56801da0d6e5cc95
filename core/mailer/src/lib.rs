//! Delivers one already-composed mail over SMTP and/or as an `.eml` file; the only crate that names lettre.
//!
//! The transactional outbox lives elsewhere: its worker calls [`Mailer::deliver`] once per
//! attempt and asks [`DeliverError::is_transient`] whether to retry later or give up.
//! Delivery is idempotent where it can be: the `.eml` file of a message id is overwritten, not
//! duplicated, and it is written before the (non-idempotent) SMTP send.
//!
//! Tests run against a real SMTP server on loopback, `scripts/smtp-sink.py`, through the
//! copyable harness `tests/support/smtp_sink.rs`.

mod eml;
mod message;
mod smtp;

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

/// A message ready to send; the text is already rendered in the recipient's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutgoingMail {
    /// RFC 5322 msg-id without angle brackets, e.g. `outbox-42@toroku.local`; stable across retries.
    pub message_id: String,
    /// Sender, `addr@example.jp` or `Display Name <addr@example.jp>`.
    pub from: String,
    /// Recipient, `addr@example.jp` or `Display Name <addr@example.jp>`.
    pub to: String,
    /// Subject line, one line of any script; encoded per RFC 2047 on the wire.
    pub subject: String,
    /// Plain-text body in UTF-8.
    pub body_text: String,
    /// The `Date` header (whole seconds); also the first part of the `.eml` file name.
    pub date: chrono::DateTime<chrono::Utc>,
}

/// How the SMTP connection is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmtpSecurity {
    /// Plaintext; only for a relay on loopback or a trusted local network (and tests).
    None,
    /// Plaintext first, then STARTTLS, which is required: a server without it is an error.
    StartTls,
    /// TLS from the first byte ("implicit TLS", usually port 465).
    Tls,
}

/// Where and how to reach the SMTP server.
#[derive(Clone, PartialEq, Eq)]
pub struct SmtpConfig {
    /// Host name (checked against the certificate with TLS) or IP address.
    pub host: String,
    /// TCP port, e.g. 25, 587 (StartTls) or 465 (Tls).
    pub port: u16,
    /// Connection protection.
    pub security: SmtpSecurity,
    /// SMTP AUTH user; set together with `password`.
    pub username: Option<String>,
    /// SMTP AUTH password; never printed by `Debug`, in errors or in logs.
    pub password: Option<String>,
    /// Limit for one whole SMTP attempt: connecting, TLS, authentication and sending.
    pub timeout: Duration,
}

impl fmt::Debug for SmtpConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SmtpConfig")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("security", &self.security)
            .field("username", &self.username)
            .field("password", &self.password.as_ref().map(|_| "[redacted]"))
            .field("timeout", &self.timeout)
            .finish()
    }
}

/// Why a [`Mailer`] cannot be built from the given settings.
#[derive(Debug, thiserror::Error)]
pub enum MailerConfigError {
    /// Neither SMTP nor an `.eml` directory was given, so mail would vanish.
    #[error("neither an SMTP server nor an .eml directory is configured")]
    NoDestination,
    /// The SMTP host is neither an IP address nor an ASCII DNS name.
    #[error("the SMTP host {host:?} is neither an IP address nor a DNS name")]
    InvalidHost {
        /// The configured host.
        host: String,
    },
    /// Port 0 cannot be connected to.
    #[error("the SMTP port is 0")]
    ZeroPort,
    /// A zero timeout would fail every delivery.
    #[error("the SMTP timeout is zero")]
    ZeroTimeout,
    /// Only one of username and password was given.
    #[error("the SMTP username and password must be given together")]
    IncompleteCredentials,
    /// The TLS settings could not be built (for instance the host is not a valid server name).
    #[error("invalid TLS settings for SMTP host {host:?}: {reason}")]
    Tls {
        /// The configured host.
        host: String,
        /// What the TLS library said.
        reason: String,
    },
    /// The `.eml` directory could not be created.
    #[error("cannot create the .eml directory {}", path.display())]
    EmlDir {
        /// The configured directory.
        path: PathBuf,
        /// The file-system error.
        #[source]
        source: std::io::Error,
    },
}

/// Why one delivery attempt failed, split by what the outbox should do next.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DeliverError {
    /// Trying again later may succeed: SMTP 4xx, connection, TLS or timeout problems, refused
    /// authentication (a configuration fault, not the message's), or a failed `.eml` write.
    #[error("transient delivery failure: {0}")]
    Transient(String),
    /// This message can never be delivered as it is: SMTP 5xx, an invalid address, or a
    /// header that would need a line break.
    #[error("permanent delivery failure: {0}")]
    Permanent(String),
}

impl DeliverError {
    /// True when the outbox should retry this message later; false when it should give up.
    pub fn is_transient(&self) -> bool {
        matches!(self, Self::Transient(_))
    }
}

/// Delivers [`OutgoingMail`] to the configured SMTP server and/or `.eml` directory.
///
/// Build it once at start-up and share it; SMTP connections are pooled. The pool is created on
/// the first delivery, so [`Mailer::new`] needs no Tokio runtime.
pub struct Mailer {
    smtp: Option<smtp::SmtpSender>,
    eml_dir: Option<PathBuf>,
}

impl fmt::Debug for Mailer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Mailer")
            .field("smtp", &self.smtp)
            .field("eml_dir", &self.eml_dir)
            .finish()
    }
}

impl Mailer {
    /// Checks the settings and creates the `.eml` directory if needed; at least one destination must be set.
    pub fn new(
        smtp: Option<SmtpConfig>,
        eml_dir: Option<PathBuf>,
    ) -> Result<Self, MailerConfigError> {
        if smtp.is_none() && eml_dir.is_none() {
            return Err(MailerConfigError::NoDestination);
        }
        let smtp = smtp.map(smtp::SmtpSender::new).transpose()?;
        if let Some(path) = &eml_dir {
            std::fs::create_dir_all(path).map_err(|source| MailerConfigError::EmlDir {
                path: path.clone(),
                source,
            })?;
        }
        Ok(Self { smtp, eml_dir })
    }

    /// Sends over SMTP when configured and writes `<eml_dir>/<date>-<sanitised message id>.eml`
    /// when configured (atomically: temp file + rename; same message id => same file name, so a
    /// retry overwrites rather than duplicates).
    ///
    /// The message is checked and encoded before anything is sent, so an invalid message fails
    /// with [`DeliverError::Permanent`] and leaves no trace. The file is written before the SMTP
    /// send: if the send then fails, the retry rewrites the same file.
    #[tracing::instrument(name = "deliver_mail", skip_all, fields(message_id = %mail.message_id))]
    pub async fn deliver(&self, mail: &OutgoingMail) -> Result<(), DeliverError> {
        let result = self.deliver_unlogged(mail).await;
        match &result {
            Ok(()) => tracing::debug!("mail delivered"),
            Err(error) => tracing::debug!(%error, "mail not delivered"),
        }
        result
    }

    async fn deliver_unlogged(&self, mail: &OutgoingMail) -> Result<(), DeliverError> {
        let message = message::compose(mail)?;
        // One rendering, so the file and the SMTP DATA are the same bytes.
        let bytes = message.formatted();
        if let Some(dir) = &self.eml_dir {
            eml::write(dir, mail, &bytes).await?;
        }
        if let Some(smtp) = &self.smtp {
            smtp.send(message.envelope(), &bytes).await?;
        }
        Ok(())
    }
}
