//! Configuration, read once at start-up from flags and environment variables.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use mailer::{SmtpConfig, SmtpSecurity};

/// Where and how the server runs.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// Listening address.
    pub addr: SocketAddr,
    /// Data directory: the SQLite file and, without SMTP, the `mail/` folder of `.eml` files.
    pub data_dir: PathBuf,
    /// `DATABASE_URL` when set (PostgreSQL); otherwise SQLite under `data_dir`.
    pub database_url: Option<String>,
    /// Public base URL for links in mail.
    pub base_url: String,
    /// SMTP relay, when configured (`TOROKU_SMTP_URL`).
    pub smtp: Option<SmtpConfig>,
    /// `From:` of outgoing mail.
    pub mail_from: String,
}

/// A configuration value that cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("{name}: {problem}")]
pub struct ConfigError {
    /// The variable or flag.
    pub name: &'static str,
    /// What is wrong (never the value of a secret).
    pub problem: String,
}

impl ServerConfig {
    /// The directory `.eml` files go to: only when no SMTP relay is configured.
    pub fn eml_dir(&self) -> Option<PathBuf> {
        self.smtp.is_none().then(|| self.data_dir.join("mail"))
    }

    /// The store configuration this server uses.
    pub fn store_config(&self) -> store::StoreConfig {
        match &self.database_url {
            Some(url) => store::StoreConfig {
                url: url.clone(),
                max_connections: 16,
            },
            None => store::StoreConfig::sqlite_in(&self.data_dir),
        }
    }
}

/// Parses `smtp://[user:pass@]host[:port]` (plaintext: loopback or trusted relays only),
/// `smtp+starttls://…` (STARTTLS required) or
/// `smtps://…` (implicit TLS).
pub fn parse_smtp_url(url: &str) -> Result<SmtpConfig, ConfigError> {
    let bad = |problem: &str| ConfigError {
        name: "TOROKU_SMTP_URL",
        problem: problem.to_owned(),
    };
    let (scheme, rest) = url
        .split_once("://")
        .ok_or_else(|| bad("expected smtp://host:port"))?;
    let (security, default_port) = match scheme {
        "smtp" => (SmtpSecurity::None, 25),
        "smtp+starttls" => (SmtpSecurity::StartTls, 587),
        "smtps" => (SmtpSecurity::Tls, 465),
        _ => return Err(bad("scheme must be smtp, smtp+starttls or smtps")),
    };
    let rest = rest.trim_end_matches('/');
    let (credentials, host_port) = match rest.rsplit_once('@') {
        Some((credentials, host_port)) => (Some(credentials), host_port),
        None => (None, rest),
    };
    let (host, port) = match host_port.rsplit_once(':') {
        Some((host, port)) => (
            host,
            port.parse::<u16>()
                .map_err(|_| bad("port must be a number"))?,
        ),
        None => (host_port, default_port),
    };
    if host.is_empty() {
        return Err(bad("host missing"));
    }
    let (username, password) = match credentials.map(|c| c.split_once(':')) {
        Some(Some((user, pass))) => (Some(user.to_owned()), Some(pass.to_owned())),
        Some(None) => (credentials.map(str::to_owned), None),
        None => (None, None),
    };
    Ok(SmtpConfig {
        host: host.to_owned(),
        port,
        security,
        username,
        password,
        timeout: Duration::from_secs(30),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smtp_urls_give_host_port_security_and_credentials() {
        let plain = parse_smtp_url("smtp://127.0.0.1:2525").expect("plain");
        assert_eq!((plain.host.as_str(), plain.port), ("127.0.0.1", 2525));
        assert_eq!(plain.security, SmtpSecurity::None);
        let tls = parse_smtp_url("smtps://user:p%40ss@mail.example.jp").expect("tls");
        assert_eq!((tls.port, tls.security), (465, SmtpSecurity::Tls));
        assert_eq!(tls.username.as_deref(), Some("user"));
        for bad in ["mail.example.jp", "http://x", "smtp://:25", "smtp://h:port"] {
            let err = parse_smtp_url(bad).expect_err(bad);
            assert!(!err.to_string().contains("p%40ss"));
        }
    }
}
