//! Sends over SMTP with lettre's pooled transport and sorts its errors into transient and permanent.

use std::fmt;
use std::sync::OnceLock;
use std::time::Duration;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use lettre::address::Envelope;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::transport::smtp::response::{Category, Code};
use lettre::transport::smtp::{AsyncSmtpTransportBuilder, Error as SmtpError};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

use crate::{DeliverError, MailerConfigError, SmtpConfig, SmtpSecurity};

/// One SMTP destination; its connection pool is created on first use.
pub(crate) struct SmtpSender {
    builder: AsyncSmtpTransportBuilder,
    /// lettre's pool spawns a Tokio task when built and when dropped, hence lazily inside
    /// `send` (always within a runtime) and the guard in `Drop`.
    transport: OnceLock<AsyncSmtpTransport<Tokio1Executor>>,
    endpoint: String,
    security: SmtpSecurity,
    /// Bounds a whole attempt: lettre's own timeout covers only the TCP connect, so a server
    /// that stops answering would otherwise hold the outbox worker forever.
    timeout: Duration,
    /// The password in every form a client sends it, scrubbed from error texts.
    secrets: Vec<String>,
}

impl SmtpSender {
    /// Checks the configuration; opens no connection.
    pub(crate) fn new(config: SmtpConfig) -> Result<Self, MailerConfigError> {
        let SmtpConfig {
            host,
            port,
            security,
            username,
            password,
            timeout,
        } = config;
        if !is_host_name_or_ip(&host) {
            return Err(MailerConfigError::InvalidHost { host });
        }
        if port == 0 {
            return Err(MailerConfigError::ZeroPort);
        }
        if timeout.is_zero() {
            return Err(MailerConfigError::ZeroTimeout);
        }
        let tls = match security {
            SmtpSecurity::None => Tls::None,
            SmtpSecurity::StartTls => Tls::Required(tls_parameters(&host)?),
            SmtpSecurity::Tls => Tls::Wrapper(tls_parameters(&host)?),
        };
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host.as_str())
            .port(port)
            .tls(tls)
            .timeout(Some(timeout));
        let mut secrets = Vec::new();
        match (username, password) {
            (Some(username), Some(password)) => {
                if security == SmtpSecurity::None && !is_loopback(&host) {
                    tracing::warn!(%host, "SMTP credentials will cross the network unencrypted");
                }
                secrets = secret_forms(&username, &password);
                builder = builder.credentials(Credentials::new(username, password));
            }
            (None, None) => {}
            _ => return Err(MailerConfigError::IncompleteCredentials),
        }
        Ok(Self {
            builder,
            transport: OnceLock::new(),
            endpoint: format!("{host}:{port}"),
            security,
            timeout,
            secrets,
        })
    }

    /// Sends `bytes` (a formatted message) to the envelope's recipients.
    pub(crate) async fn send(&self, envelope: &Envelope, bytes: &[u8]) -> Result<(), DeliverError> {
        let transport = self.transport.get_or_init(|| self.builder.clone().build());
        match tokio::time::timeout(self.timeout, transport.send_raw(envelope, bytes)).await {
            Ok(Ok(_)) => Ok(()),
            Ok(Err(error)) => Err(self.classify(&error)),
            Err(_elapsed) => Err(DeliverError::Transient(format!(
                "SMTP via {} did not finish within {:?}",
                self.endpoint, self.timeout
            ))),
        }
    }

    fn classify(&self, error: &SmtpError) -> DeliverError {
        let text = self.redact(format!("SMTP via {} failed: {error}", self.endpoint));
        if !error.is_permanent() {
            // 4xx, connection, TLS, timeouts, protocol confusion: the server may recover.
            return DeliverError::Transient(text);
        }
        match error.status() {
            Some(code) if is_authentication_code(code) => DeliverError::Transient(format!(
                "{text} (authentication refused: check the SMTP credentials)"
            )),
            _ => DeliverError::Permanent(text),
        }
    }

    fn redact(&self, mut text: String) -> String {
        for secret in &self.secrets {
            if !secret.is_empty() {
                text = text.replace(secret.as_str(), "[redacted]");
            }
        }
        text
    }
}

impl fmt::Debug for SmtpSender {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SmtpSender")
            .field("endpoint", &self.endpoint)
            .field("security", &self.security)
            .field("authenticates", &!self.secrets.is_empty())
            .finish_non_exhaustive()
    }
}

impl Drop for SmtpSender {
    fn drop(&mut self) {
        // Dropping lettre's pool spawns a task, which panics without a runtime (for instance
        // when the runtime was shut down first). Leaking the idle connections is harmless then:
        // the process is ending or the runtime that owned their sockets is gone.
        if tokio::runtime::Handle::try_current().is_err()
            && let Some(transport) = self.transport.take()
        {
            std::mem::forget(transport);
        }
    }
}

fn tls_parameters(host: &str) -> Result<TlsParameters, MailerConfigError> {
    TlsParameters::new(host.to_owned()).map_err(|error| MailerConfigError::Tls {
        host: host.to_owned(),
        reason: error.to_string(),
    })
}

/// 530, 534, 535, 538 (RFC 4954): the server refused *us*, not this message.
fn is_authentication_code(code: Code) -> bool {
    code.category == Category::Unspecified3
}

/// The password as typed, as AUTH LOGIN sends it, and as AUTH PLAIN sends it with the user.
fn secret_forms(username: &str, password: &str) -> Vec<String> {
    vec![
        password.to_owned(),
        BASE64.encode(password),
        BASE64.encode(format!("\0{username}\0{password}")),
    ]
}

/// An IP address or an ASCII DNS name (IDN hosts must be configured in their `xn--` form).
fn is_host_name_or_ip(host: &str) -> bool {
    host.parse::<std::net::IpAddr>().is_ok()
        || (host.len() <= 253
            && host.split('.').all(|label| {
                (1..=63).contains(&label.len())
                    && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            }))
}

fn is_loopback(host: &str) -> bool {
    host == "localhost"
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}
