//! The applicant's account after submission: login id = the pre-registration e-mail; a
//! password set through a single-use mailed link; sessions; password change and reset.

use serde_json::{Value, json};
use store::{AccountTokenRow, LoginThrottleRow, NewAuditEvent, SessionRow, Tx};

use crate::mail::{MailKind, MailLinks, japan_time};
use crate::pre_registration::email_key;
use crate::token::{looks_like_token, new_token, token_hash};
use crate::{
    ChangePasswordError, FieldProblem, LoginError, Registrar, ResetRequestError, SessionError,
    SetPasswordError,
};

/// Failures allowed per login id within [`THROTTLE_WINDOW_MS`] before attempts are spaced out.
const FREE_FAILURES: i32 = 5;
const THROTTLE_WINDOW_MS: i64 = 15 * 60 * 1000;
/// The longest a login id is ever made to wait: throttling slows guessing but can never lock
/// the owner out for longer than this (and a password reset clears it).
const MAX_DELAY_MS: i64 = 5 * 60 * 1000;

/// A session id handed to the browser in a cookie (never stored in clear).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionToken(pub String);

/// A valid session.
#[derive(Debug, Clone)]
pub struct Session {
    /// The account logged in.
    pub account_id: String,
    /// Its login id.
    pub login_id: String,
    id_hash: String,
}

impl Registrar {
    /// Sets the password from a mailed link (after submission or a reset request). Ends every
    /// session of the account.
    pub async fn set_password(
        &self,
        token: Option<&str>,
        password: Option<&str>,
    ) -> Result<(), SetPasswordError> {
        let password = password.unwrap_or_default();
        let problems = self.passwords.problems(password, "/password");
        if !problems.is_empty() {
            return Err(SetPasswordError::Invalid(problems));
        }
        let token = token.unwrap_or_default();
        if !looks_like_token(token) {
            return Err(SetPasswordError::LinkInvalid);
        }
        let hash = self.hash_password(password)?;
        let now = self.now();
        let tx = self.store.write().await?;
        let link = tx
            .consume_account_token(&token_hash(token), now)
            .await?
            .ok_or(SetPasswordError::LinkInvalid)?;
        if link.purpose != "set_password" && link.purpose != "reset_password" {
            return Err(SetPasswordError::LinkInvalid);
        }
        let account = tx
            .account(&link.account_id)
            .await?
            .ok_or(SetPasswordError::LinkInvalid)?;
        tx.set_password_hash(&account.id, hash, now).await?;
        tx.delete_sessions_of(&account.id, None).await?;
        tx.clear_login_throttle(&account.email_key).await?;
        tx.append_audit(NewAuditEvent {
            at: now,
            actor: &format!("account:{}", account.id),
            action: "account.password_set",
            subject_type: "account",
            subject_id: &account.id,
            detail: json!({ "via": link.purpose }).to_string(),
        })
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Logs in with login id and password; the same answer for an unknown id and a wrong
    /// password, spending the same time on both.
    pub async fn login(
        &self,
        login_id: Option<&str>,
        password: Option<&str>,
    ) -> Result<SessionToken, LoginError> {
        let mut problems = Vec::new();
        let login_id = login_id.map(str::trim).unwrap_or_default();
        let password = password.unwrap_or_default();
        if login_id.is_empty() {
            problems.push(FieldProblem::new("/login_id", "login_id_required"));
        }
        if password.is_empty() {
            problems.push(FieldProblem::new("/password", "password_required"));
        }
        if !problems.is_empty() {
            return Err(LoginError::Invalid(problems));
        }
        let key = email_key(login_id);
        let now = self.now();
        self.count_login_attempt(&key, now).await?;
        let account = self.store.read().await?.account_by_email_key(&key).await?;
        let hash = account.as_ref().and_then(|a| a.password_hash.clone());
        if !self.verify_password(password, hash).await {
            return Err(LoginError::InvalidCredentials);
        }
        let Some(account) = account else {
            return Err(LoginError::InvalidCredentials);
        };
        let tx = self.store.write().await?;
        let token = new_token();
        tx.insert_session(SessionRow {
            id_hash: token_hash(&token),
            account_id: account.id.clone(),
            created_at: now,
            last_seen_at: now,
            expires_at: now + self.config.session_absolute_ms,
        })
        .await?;
        tx.clear_login_throttle(&key).await?;
        tx.append_audit(NewAuditEvent {
            at: now,
            actor: &format!("account:{}", account.id),
            action: "account.logged_in",
            subject_type: "account",
            subject_id: &account.id,
            detail: "{}".to_owned(),
        })
        .await?;
        tx.commit().await?;
        Ok(SessionToken(token))
    }

    /// Counts one login attempt of `key` against its throttle *before* the password is
    /// checked, under a lock on the key (PostgreSQL: an advisory lock; SQLite: the write
    /// lock), so that guesses sent in parallel are each counted; a successful login clears
    /// the count. Refuses at once while the key is blocked.
    pub(crate) async fn count_login_attempt(&self, key: &str, now: i64) -> Result<(), LoginError> {
        let tx = self.store.write().await?;
        tx.lock_key(&format!("login:{key}")).await?;
        let throttle = tx.login_throttle(key).await?;
        if let Some(throttle) = &throttle
            && throttle.blocked_until > now
        {
            return Err(LoginError::Throttled {
                retry_after_s: (throttle.blocked_until - now + 999) / 1000,
            });
        }
        tx.save_login_throttle(next_throttle(key, throttle, now))
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Argon2id verification (tens of milliseconds of CPU) on the blocking pool, outside any
    /// transaction: it neither stalls the async workers nor holds SQLite's one writer. Unknown
    /// accounts (`hash` = `None`) are verified against a decoy hash, so timing does not tell.
    pub(crate) async fn verify_password(&self, password: &str, hash: Option<String>) -> bool {
        let passwords = std::sync::Arc::clone(&self.passwords);
        let password = password.to_owned();
        tokio::task::spawn_blocking(move || passwords.verify(&password, hash.as_deref()))
            .await
            .unwrap_or(false)
    }

    /// The session a cookie names, if it is valid; records the activity.
    pub async fn session(&self, token: Option<&str>) -> Result<Session, SessionError> {
        let token = token.ok_or(SessionError::Unauthenticated)?;
        if !looks_like_token(token) {
            return Err(SessionError::Unauthenticated);
        }
        let id_hash = token_hash(token);
        let now = self.now();
        let tx = self.store.write().await?;
        let row = tx
            .session(&id_hash)
            .await?
            .ok_or(SessionError::Unauthenticated)?;
        if row.expires_at <= now || row.last_seen_at + self.config.session_idle_ms <= now {
            tx.delete_session(&id_hash).await?;
            tx.commit().await?;
            return Err(SessionError::Unauthenticated);
        }
        let account = tx
            .account(&row.account_id)
            .await?
            .ok_or(SessionError::Unauthenticated)?;
        tx.touch_session(&id_hash, now).await?;
        tx.commit().await?;
        Ok(Session {
            account_id: account.id,
            login_id: account.email,
            id_hash,
        })
    }

    /// Ends the session a cookie names (no error when there is none).
    pub async fn logout(&self, token: Option<&str>) -> Result<(), SessionError> {
        let Some(token) = token.filter(|t| looks_like_token(t)) else {
            return Ok(());
        };
        let tx = self.store.write().await?;
        tx.delete_session(&token_hash(token)).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The logged-in applicant's application: id, status, submission time and document.
    pub async fn my_application(&self, session: &Session) -> Result<Value, SessionError> {
        let tx = self.store.read().await?;
        let account = tx
            .account(&session.account_id)
            .await?
            .ok_or(SessionError::Unauthenticated)?;
        let Some(application) = tx.application_by_email_key(&account.email_key).await? else {
            return Ok(Value::Null);
        };
        let document: Value = serde_json::from_str(&application.document).unwrap_or(Value::Null);
        let review = self.review_state_json(&tx, &application).await?;
        Ok(json!({
            "review": review,
            "application_id": application.id,
            "status": application.status,
            "submitted_at": application.submitted_at
                .and_then(chrono::DateTime::from_timestamp_millis)
                .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)),
            "revision": application.revision,
            "document": document,
        }))
    }

    /// Changes the password of the logged-in account; ends its other sessions.
    pub async fn change_password(
        &self,
        session: &Session,
        current: Option<&str>,
        new: Option<&str>,
    ) -> Result<(), ChangePasswordError> {
        let current = current.unwrap_or_default();
        let new = new.unwrap_or_default();
        let mut problems = Vec::new();
        if current.is_empty() {
            problems.push(FieldProblem::new("/current_password", "password_required"));
        }
        problems.extend(self.passwords.problems(new, "/new_password"));
        if !problems.is_empty() {
            return Err(ChangePasswordError::Invalid(problems));
        }
        let tx = self.store.read().await?;
        let account = tx
            .account(&session.account_id)
            .await?
            .ok_or(SessionError::Unauthenticated)?;
        drop(tx);
        if !self
            .passwords
            .verify(current, account.password_hash.as_deref())
        {
            return Err(ChangePasswordError::CurrentPasswordWrong);
        }
        let hash = self
            .passwords
            .hash(new)
            .ok_or(ChangePasswordError::Invalid(vec![FieldProblem::new(
                "/new_password",
                "password_too_long",
            )]))?;
        let now = self.now();
        let tx = self.store.write().await?;
        tx.set_password_hash(&account.id, hash, now).await?;
        tx.delete_sessions_of(&account.id, Some(&session.id_hash))
            .await?;
        let locale = i18n::Locale::from_tag(&account.locale).unwrap_or(i18n::Locale::Ja);
        let mail = self.compose_mail(MailKind::PasswordChanged, locale, &account.email, &[]);
        tx.enqueue_mail(mail, now).await?;
        tx.append_audit(NewAuditEvent {
            at: now,
            actor: &format!("account:{}", account.id),
            action: "account.password_changed",
            subject_type: "account",
            subject_id: &account.id,
            detail: "{}".to_owned(),
        })
        .await?;
        tx.commit().await?;
        self.mail_ready.notify_one();
        Ok(())
    }

    /// Mails a reset link when e-mail and phone match a submitted application; answers the
    /// same way when they do not.
    pub async fn request_password_reset(
        &self,
        email: Option<&str>,
        phone: Option<&str>,
        locale: i18n::Locale,
    ) -> Result<(), ResetRequestError> {
        let email = email.map(str::trim).unwrap_or_default();
        let phone = phone.map(str::trim).unwrap_or_default();
        let mut problems = Vec::new();
        crate::pre_registration::check_email_field(email, "/email", &mut problems);
        if phone.is_empty() {
            problems.push(FieldProblem::new("/phone", "phone_required"));
        }
        if !problems.is_empty() {
            return Err(ResetRequestError::Invalid(problems));
        }
        let now = self.now();
        let tx = self.store.write().await?;
        if let Some(account_id) = self.reset_target(&tx, email, phone).await? {
            let token = new_token();
            let expires_at = now + self.config.reset_link_ttl_ms;
            tx.expire_account_tokens(&account_id, "reset_password", now)
                .await?;
            tx.insert_account_token(AccountTokenRow {
                token_hash: token_hash(&token),
                account_id: account_id.clone(),
                purpose: "reset_password".to_owned(),
                created_at: now,
                expires_at,
                used_at: None,
            })
            .await?;
            let account_email = tx
                .account(&account_id)
                .await?
                .map(|a| a.email)
                .unwrap_or_default();
            let mail = self.compose_mail(
                MailKind::PasswordReset,
                locale,
                &account_email,
                &[
                    (
                        "link",
                        MailLinks::password(&self.config.base_url, &token).into(),
                    ),
                    ("expires", japan_time(expires_at).into()),
                ],
            );
            tx.enqueue_mail(mail, now).await?;
            tx.append_audit(NewAuditEvent {
                at: now,
                actor: "anonymous",
                action: "account.password_reset_requested",
                subject_type: "account",
                subject_id: &account_id,
                detail: "{}".to_owned(),
            })
            .await?;
            tx.commit().await?;
            self.mail_ready.notify_one();
        }
        Ok(())
    }

    /// The account to reset: its login id is `email` and the submitted application's
    /// applicant phone equals `phone` (digits compared after normalisation).
    async fn reset_target(
        &self,
        tx: &Tx,
        email: &str,
        phone: &str,
    ) -> Result<Option<String>, store::StoreError> {
        let key = email_key(email);
        let Some(account) = tx.account_by_email_key(&key).await? else {
            return Ok(None);
        };
        let Some(application) = tx.application_by_email_key(&key).await? else {
            return Ok(None);
        };
        let document: Value = serde_json::from_str(&application.document).unwrap_or(Value::Null);
        let on_file = document
            .pointer("/applicant/phone")
            .and_then(Value::as_str)
            .map(phone_digits);
        Ok((on_file.is_some() && on_file == Some(phone_digits(phone))).then_some(account.id))
    }

    pub(crate) fn hash_password(&self, password: &str) -> Result<String, SetPasswordError> {
        self.passwords.hash(password).ok_or_else(|| {
            SetPasswordError::Invalid(vec![FieldProblem::new("/password", "password_too_long")])
        })
    }
}

/// The digits of a phone number as typed, full-width digits included.
fn phone_digits(phone: &str) -> String {
    match domain::text::normalise_phone(phone) {
        Ok(normalised) => normalised.value,
        Err(_) => phone.chars().filter(char::is_ascii_digit).collect(),
    }
}

/// The throttle state after one more failure.
pub(crate) fn next_throttle(
    key: &str,
    previous: Option<LoginThrottleRow>,
    now: i64,
) -> LoginThrottleRow {
    let (failures, first_failure_at) = match previous {
        Some(row) if now - row.first_failure_at < THROTTLE_WINDOW_MS => {
            (row.failures + 1, row.first_failure_at)
        }
        _ => (1, now),
    };
    let blocked_until = if failures > FREE_FAILURES {
        let exponent = u32::try_from(failures - FREE_FAILURES)
            .unwrap_or(u32::MAX)
            .min(20);
        now + (1000_i64 << exponent).min(MAX_DELAY_MS)
    } else {
        0
    };
    LoginThrottleRow {
        login_key: key.to_owned(),
        failures,
        first_failure_at,
        blocked_until,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn throttling_spaces_out_attempts_after_five_failures_and_never_beyond_five_minutes() {
        let mut state = None;
        let mut delays = Vec::new();
        for _ in 0..20 {
            let next = next_throttle("k", state.take(), 1_000_000);
            delays.push(next.blocked_until.saturating_sub(1_000_000).max(0));
            state = Some(next);
        }
        assert_eq!(&delays[..5], &[0, 0, 0, 0, 0]);
        assert_eq!(delays[5], 2_000);
        assert!(delays.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(*delays.last().unwrap_or(&0), MAX_DELAY_MS);
    }

    #[test]
    fn failures_outside_the_window_start_a_new_count() {
        let old = LoginThrottleRow {
            login_key: "k".to_owned(),
            failures: 9,
            first_failure_at: 0,
            blocked_until: 0,
        };
        let next = next_throttle("k", Some(old), THROTTLE_WINDOW_MS + 1);
        assert_eq!(next.failures, 1);
        assert_eq!(next.blocked_until, 0);
    }
}
