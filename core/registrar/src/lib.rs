//! The use cases of the applicant's path — pre-register, open and save a draft, check, submit,
//! set a password, log in, reset a password — and the mail outbox worker. No HTTP here: the
//! server translates requests into these calls and [`errors`] into responses.
//!
//! Invariant: every state change runs in one store transaction together with its audit entry
//! and the mail it causes; a use case either commits all of it or nothing.

mod account;
mod change_copy;
mod changes;
mod clock;
mod correction;
mod draft;
pub mod errors;
mod judgement;
mod mail;
mod outbox;
mod password;
mod plugins;
mod pre_registration;
mod registry;
mod review;
mod staff;
mod token;
pub mod totp;

use std::sync::Arc;

pub use account::{Session, SessionToken};
pub use clock::{Clock, SystemClock};
pub use draft::{CheckReport, DraftView, SavedDraft, SubmitOutcome, SubmitReceipt};
pub use errors::*;
pub use mail::MailLinks;
pub use outbox::DeliveryReport;
pub use password::PasswordPolicy;
pub use plugins::{
    InstallReport, InstalledPlugin, InstalledSet, PluginInstallError, PluginRegistry, PluginReview,
    PluginVersion,
};
pub use registry::{REGISTER_EXPORT_PAGE, RegisterEntry, RegisterQuery};
pub use review::{QueueQuery, ReviewView};
pub use staff::{Enrolment, NewStaff, StaffSession, StaffSummary, TenantSummary};

use i18n::Catalog;
use store::Store;

/// Durations and addresses the use cases need.
#[derive(Debug, Clone)]
pub struct RegistrarConfig {
    /// Public base URL of the site, without a trailing slash (links in mail start with it).
    pub base_url: String,
    /// `From:` address of outgoing mail.
    pub mail_from: String,
    /// How long a mailed draft link stays valid.
    pub draft_link_ttl_ms: i64,
    /// How long a set-password link (sent at submission) stays valid.
    pub password_link_ttl_ms: i64,
    /// How long a password-reset link stays valid.
    pub reset_link_ttl_ms: i64,
    /// A session ends after this long without a request.
    pub session_idle_ms: i64,
    /// A session ends this long after login, whatever happens.
    pub session_absolute_ms: i64,
}

const HOUR_MS: i64 = 60 * 60 * 1000;

impl Default for RegistrarConfig {
    fn default() -> Self {
        RegistrarConfig {
            base_url: "http://127.0.0.1:8080".to_owned(),
            mail_from: "toroku@localhost".to_owned(),
            draft_link_ttl_ms: 48 * HOUR_MS,
            password_link_ttl_ms: 48 * HOUR_MS,
            reset_link_ttl_ms: HOUR_MS,
            session_idle_ms: HOUR_MS / 2,
            session_absolute_ms: 12 * HOUR_MS,
        }
    }
}

/// The application layer: holds the store, the clock and the configuration.
#[derive(Clone)]
pub struct Registrar {
    store: Store,
    config: Arc<RegistrarConfig>,
    clock: Arc<dyn Clock>,
    catalog: &'static Catalog,
    passwords: Arc<PasswordPolicy>,
    mail_ready: Arc<tokio::sync::Notify>,
    plugins: Arc<PluginRegistry>,
    authz: Arc<tokio::sync::OnceCell<authz::Authz>>,
    /// Every reload made because another instance announced a change (see `changes.rs`).
    reloads: tokio::sync::broadcast::Sender<store::ChangeKind>,
    /// Recent judgements of stored texts (`judgement.rs`).
    judgements: Arc<judgement::JudgementCache>,
}

impl std::fmt::Debug for Registrar {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Registrar")
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

impl Registrar {
    /// A registrar over `store` with the system clock and a plugin registry (empty until
    /// [`Registrar::load_plugins`] or [`Registrar::install_plugin`]).
    pub fn new(store: Store, config: RegistrarConfig, plugins: Arc<PluginRegistry>) -> Self {
        Registrar::with_clock(store, config, plugins, Arc::new(SystemClock))
    }

    /// A registrar with a chosen clock (tests move time forward to check expiry).
    pub fn with_clock(
        store: Store,
        config: RegistrarConfig,
        plugins: Arc<PluginRegistry>,
        clock: Arc<dyn Clock>,
    ) -> Self {
        Registrar {
            plugins,
            store,
            config: Arc::new(config),
            clock,
            catalog: Catalog::embedded(),
            passwords: Arc::new(PasswordPolicy::embedded()),
            mail_ready: Arc::new(tokio::sync::Notify::new()),
            authz: Arc::new(tokio::sync::OnceCell::new()),
            reloads: tokio::sync::broadcast::channel(16).0,
            judgements: Arc::default(),
        }
    }

    /// The store behind this registrar.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The configuration in force.
    pub fn config(&self) -> &RegistrarConfig {
        &self.config
    }

    /// Woken whenever a committed change has queued mail (the outbox worker waits on it).
    pub fn mail_ready(&self) -> Arc<tokio::sync::Notify> {
        Arc::clone(&self.mail_ready)
    }

    fn now(&self) -> i64 {
        self.clock.now_ms()
    }
}
