//! Tenants and their staff: the central administration creates tenants and approves which
//! business types each ministry owns; staff are created by an administrator, enrol through a
//! single-use mailed link (password + TOTP secret) and log in with e-mail, password and a
//! TOTP code. Every decision about what a staff member may do goes through [`Registrar::authorize`],
//! which asks the casbin policy (`core/authz`); nothing else decides.

use std::collections::BTreeSet;
use std::sync::Arc;

use authz::{Action, Owner, PolicyData, Role, StaffGrant, TenantKind};
use serde_json::json;
use store::{NewAuditEvent, StaffRow, StaffSessionRow, StaffTokenRow, StoreError, TenantRow, Tx};

use crate::mail::{MailKind, japan_time};
use crate::pre_registration::{check_email_field, email_key};
use crate::token::{looks_like_token, new_token, token_hash};
use crate::{
    FieldProblem, LoginError, Registrar, SessionToken, SetPasswordError, StaffError, totp,
};

/// How long an enrolment link stays valid.
const ENROLMENT_TTL_MS: i64 = 72 * 60 * 60 * 1000;

/// A logged-in staff member.
#[derive(Debug, Clone)]
pub struct StaffSession {
    /// The staff member.
    pub staff_id: String,
    /// Their tenant.
    pub tenant_id: String,
    /// Their role in it.
    pub role: Role,
    /// Their login e-mail.
    pub email: String,
    /// Their name.
    pub name: String,
    /// Their language (mail and messages).
    pub locale: String,
    pub(crate) id_hash: String,
}

/// What an enrolment hands the staff member, once.
#[derive(Debug, Clone)]
pub struct Enrolment {
    /// The TOTP secret (base32) to put into an authenticator app.
    pub totp_secret: String,
    /// The same as an `otpauth://` URI (for a QR code).
    pub otpauth_uri: String,
}

/// A new staff member and the link that enrols them (also mailed).
#[derive(Debug, Clone)]
pub struct NewStaff {
    /// The staff id.
    pub staff_id: String,
    /// The enrolment link (mailed; shown by the CLI only).
    pub enrolment_link: String,
}

/// What a staff list shows (never hashes or secrets).
#[derive(Debug, Clone, serde::Serialize)]
pub struct StaffSummary {
    /// Staff id.
    pub id: String,
    /// Tenant.
    pub tenant_id: String,
    /// Login e-mail.
    pub email: String,
    /// Name.
    pub name: String,
    /// `central_admin`, `ministry_admin` or `reviewer`.
    pub role: String,
    /// Whether enrolment is done (password and TOTP set).
    pub enrolled: bool,
    /// Whether the account is disabled.
    pub disabled: bool,
}

impl From<StaffRow> for StaffSummary {
    fn from(row: StaffRow) -> Self {
        StaffSummary {
            enrolled: row.password_hash.is_some() && row.totp_secret.is_some(),
            disabled: row.disabled_at.is_some(),
            id: row.id,
            tenant_id: row.tenant_id,
            email: row.email,
            name: row.name,
            role: row.role,
        }
    }
}

/// A tenant with the business types it owns.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TenantSummary {
    /// Tenant id (a ministry's id equals its plugin's ministry id).
    pub id: String,
    /// `central` or `ministry`.
    pub kind: String,
    /// Display name.
    pub name: String,
    /// Approved business types.
    pub business_types: Vec<String>,
}

/// 2–32 of `a-z`, `0-9` and `-`, starting with a letter or digit, and not `none` (the
/// authorization policy's word for "no tenant"): an id the policy would refuse must never be
/// stored, or every later rebuild of the policy fails.
fn valid_tenant_id(id: &str) -> bool {
    (2..=32).contains(&id.len())
        && id != "none"
        && id
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn text_field(
    value: Option<&str>,
    path: &'static str,
    max: usize,
    problems: &mut Vec<FieldProblem>,
) -> String {
    let value = value.map(str::trim).unwrap_or_default();
    if value.is_empty() {
        problems.push(FieldProblem::new(path, "field_required"));
    } else if value.chars().count() > max {
        problems.push(FieldProblem::new(path, "field_too_long").with("max", max as i64));
    }
    value.to_owned()
}

impl Registrar {
    // ---- the policy ----

    /// The authorization policy in force, loaded from the database on first use.
    pub async fn policy(&self) -> Result<Arc<authz::Policy>, StoreError> {
        let authz = self
            .authz
            .get_or_try_init(|| async {
                let data = self.policy_data().await?;
                authz::Authz::new(&data).await.map_err(|err| {
                    tracing::error!(error = %err, "stored policy data refused");
                    StoreError::Conflict
                })
            })
            .await?;
        Ok(authz.current())
    }

    /// Rebuilds the policy from the database and swaps it in (after any tenant, ownership or
    /// staff change, and on the periodic refresh).
    pub async fn reload_policy(&self) -> Result<(), StoreError> {
        let data = self.policy_data().await?;
        match self.authz.get() {
            Some(authz) => authz.rebuild(&data).await.map_err(|err| {
                tracing::error!(error = %err, "stored policy data refused");
                StoreError::Conflict
            }),
            None => self.policy().await.map(|_| ()),
        }
    }

    async fn policy_data(&self) -> Result<PolicyData, StoreError> {
        let tx = self.store.read().await?;
        let tenants = tx
            .tenants()
            .await?
            .into_iter()
            .filter_map(|t| TenantKind::parse(&t.kind).map(|kind| (t.id, kind)))
            .collect();
        let staff = tx
            .active_staff()
            .await?
            .into_iter()
            .filter_map(|s| {
                Role::parse(&s.role).map(|role| StaffGrant {
                    staff_id: s.id,
                    tenant_id: s.tenant_id,
                    role,
                })
            })
            .collect();
        let ownership = tx
            .ownership()
            .await?
            .into_iter()
            .map(|o| (o.business_type, o.tenant_id))
            .collect();
        Ok(PolicyData {
            tenants,
            staff,
            ownership,
        })
    }

    /// The one authorization gate: the policy decides whether `who` may do `action` on
    /// something owned by `owner`. Denied → `denied` (Forbidden for actions on collections,
    /// NotFound for objects whose existence must not leak).
    pub(crate) async fn authorize(
        &self,
        who: &StaffSession,
        action: Action,
        owner: &Owner,
        denied: StaffError,
    ) -> Result<Arc<authz::Policy>, StaffError> {
        let policy = self.policy().await?;
        if policy.allows(&who.staff_id, &who.tenant_id, action, owner) {
            Ok(policy)
        } else {
            tracing::info!(staff = %who.staff_id, tenant = %who.tenant_id, ?action, ?owner, "denied");
            Err(denied)
        }
    }

    /// A transaction for a staff member's work. A ministry's staff member's transaction is
    /// walled to their tenant ([`Tx::wall`]: row-level security on PostgreSQL, the second wall
    /// behind [`Self::authorize`]); the central administration's is not: it works across the
    /// ministries by design.
    pub(crate) async fn staff_tx(&self, who: &StaffSession, write: bool) -> Result<Tx, StoreError> {
        let tx = if write {
            self.store.write().await?
        } else {
            self.store.read().await?
        };
        if who.tenant_id != authz::CENTRAL_TENANT {
            tx.wall(&who.tenant_id).await?;
        }
        Ok(tx)
    }

    /// Whether a staff member may install plugin versions (central administration).
    pub async fn may_install_plugins(&self, who: &StaffSession) -> Result<(), StaffError> {
        self.authorize(
            who,
            Action::PluginInstall,
            &Owner::Nobody,
            StaffError::Forbidden,
        )
        .await
        .map(|_| ())
    }

    /// Creates the central administration and, for every installed plugin whose ministry has
    /// no tenant yet, that ministry's tenant owning the business types its plugin declares
    /// (the demo and first installs; afterwards the central administration manages this).
    pub async fn provision_plugin_tenants(&self) -> Result<Vec<String>, StaffError> {
        let existing: BTreeSet<String> = {
            let tx = self.store.read().await?;
            tx.tenants().await?.into_iter().map(|t| t.id).collect()
        };
        let mut created = Vec::new();
        if !existing.contains(authz::CENTRAL_TENANT) {
            self.bootstrap_tenant(
                authz::CENTRAL_TENANT,
                TenantKind::Central,
                "厚生労働省 健康局",
            )
            .await?;
            created.push(authz::CENTRAL_TENANT.to_owned());
        }
        let plugins = self.plugins();
        for plugin in plugins.plugins() {
            let id = plugin.ministry_id().to_owned();
            if existing.contains(&id) {
                continue;
            }
            let name = plugin.message(i18n::Locale::Ja, &format!("{id}-ministry-name"), &[]);
            self.bootstrap_tenant(&id, TenantKind::Ministry, &name)
                .await?;
            let types: Vec<String> = plugin
                .catalogue()
                .business_types
                .iter()
                .map(|t| t.id.clone())
                .collect();
            self.assign_business_types(None, &id, &types).await?;
            created.push(id);
        }
        Ok(created)
    }

    // ---- tenants ----

    /// Creates a tenant from the command line (no session; the actor is `cli`).
    pub async fn bootstrap_tenant(
        &self,
        id: &str,
        kind: TenantKind,
        name: &str,
    ) -> Result<(), StaffError> {
        self.insert_tenant("cli", id, kind, name).await
    }

    /// Creates a ministry tenant (central administration only).
    pub async fn create_tenant(
        &self,
        who: &StaffSession,
        id: Option<&str>,
        name: Option<&str>,
    ) -> Result<TenantSummary, StaffError> {
        self.authorize(
            who,
            Action::TenantManage,
            &Owner::Nobody,
            StaffError::Forbidden,
        )
        .await?;
        let mut problems = Vec::new();
        let id = id.map(str::trim).unwrap_or_default();
        if !valid_tenant_id(id) {
            problems.push(FieldProblem::new("/id", "tenant_id_invalid"));
        }
        let name = text_field(name, "/name", 100, &mut problems);
        if !problems.is_empty() {
            return Err(StaffError::Invalid(problems));
        }
        self.insert_tenant(
            &format!("staff:{}", who.staff_id),
            id,
            TenantKind::Ministry,
            &name,
        )
        .await?;
        Ok(TenantSummary {
            id: id.to_owned(),
            kind: "ministry".to_owned(),
            name,
            business_types: Vec::new(),
        })
    }

    async fn insert_tenant(
        &self,
        actor: &str,
        id: &str,
        kind: TenantKind,
        name: &str,
    ) -> Result<(), StaffError> {
        if !valid_tenant_id(id) {
            return Err(StaffError::Invalid(vec![FieldProblem::new(
                "/id",
                "tenant_id_invalid",
            )]));
        }
        let now = self.now();
        let tx = self.store.write().await?;
        tx.insert_tenant(TenantRow {
            id: id.to_owned(),
            kind: kind.as_str().to_owned(),
            name: name.to_owned(),
            created_at: now,
        })
        .await
        .map_err(|err| match err {
            StoreError::Conflict => StaffError::Conflict("tenant_exists"),
            other => other.into(),
        })?;
        tx.append_audit(NewAuditEvent {
            at: now,
            actor,
            action: "tenant.created",
            subject_type: "tenant",
            subject_id: id,
            detail: json!({ "kind": kind.as_str(), "name": name }).to_string(),
        })
        .await?;
        tx.commit().await?;
        self.policy_changed().await?;
        Ok(())
    }

    /// Every tenant with its business types (central administration only).
    pub async fn list_tenants(&self, who: &StaffSession) -> Result<Vec<TenantSummary>, StaffError> {
        self.authorize(
            who,
            Action::TenantManage,
            &Owner::Nobody,
            StaffError::Forbidden,
        )
        .await?;
        self.tenant_summaries().await
    }

    async fn tenant_summaries(&self) -> Result<Vec<TenantSummary>, StaffError> {
        let tx = self.store.read().await?;
        let ownership = tx.ownership().await?;
        Ok(tx
            .tenants()
            .await?
            .into_iter()
            .map(|t| TenantSummary {
                business_types: ownership
                    .iter()
                    .filter(|o| o.tenant_id == t.id)
                    .map(|o| o.business_type.clone())
                    .collect(),
                id: t.id,
                kind: t.kind,
                name: t.name,
            })
            .collect())
    }

    /// Approves the business types a ministry owns (replacing its earlier set). Each type must
    /// be declared by an installed plugin and not owned by another tenant. Lines submitted while
    /// a type had no owner are routed now.
    pub async fn assign_business_types(
        &self,
        who: Option<&StaffSession>,
        tenant_id: &str,
        business_types: &[String],
    ) -> Result<TenantSummary, StaffError> {
        if let Some(who) = who {
            self.authorize(
                who,
                Action::TenantManage,
                &Owner::Nobody,
                StaffError::Forbidden,
            )
            .await?;
        }
        let catalogue = self.plugins();
        let problems: Vec<FieldProblem> = business_types
            .iter()
            .enumerate()
            .filter(|(_, t)| catalogue.owner(t).is_none())
            .map(|(i, _)| {
                FieldProblem::new(&format!("/business_types/{i}"), "business_type_unknown")
            })
            .collect();
        if !problems.is_empty() {
            return Err(StaffError::Invalid(problems));
        }
        let types: Vec<String> = business_types
            .iter()
            .cloned()
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let now = self.now();
        let tx = self.store.write().await?;
        let tenant = tx.tenant(tenant_id).await?.ok_or(StaffError::NotFound)?;
        if tenant.kind != TenantKind::Ministry.as_str() {
            return Err(StaffError::Conflict("tenant_not_ministry"));
        }
        tx.replace_ownership(tenant_id, &types, now)
            .await
            .map_err(|err| match err {
                StoreError::Conflict => StaffError::Conflict("business_type_owned"),
                other => other.into(),
            })?;
        let routed = self.route_unrouted(&tx, tenant_id, &types, now).await?;
        tx.append_audit(NewAuditEvent {
            at: now,
            actor: &who.map_or_else(|| "cli".to_owned(), |w| format!("staff:{}", w.staff_id)),
            action: "tenant.business_types_assigned",
            subject_type: "tenant",
            subject_id: tenant_id,
            detail: json!({ "business_types": types, "routed_lines": routed }).to_string(),
        })
        .await?;
        tx.commit().await?;
        self.policy_changed().await?;
        Ok(TenantSummary {
            id: tenant.id,
            kind: tenant.kind,
            name: tenant.name,
            business_types: types,
        })
    }

    // ---- staff ----

    /// Creates a staff member from the command line (the first central administrator).
    pub async fn bootstrap_staff(
        &self,
        tenant_id: &str,
        email: &str,
        name: &str,
        role: Role,
    ) -> Result<NewStaff, StaffError> {
        self.insert_staff("cli", tenant_id, Some(email), Some(name), role)
            .await
    }

    /// Creates a staff member of `tenant_id` (an administrator of that tenant, or the central
    /// administration) and mails the enrolment link.
    pub async fn create_staff(
        &self,
        who: &StaffSession,
        tenant_id: &str,
        email: Option<&str>,
        name: Option<&str>,
        role: Option<&str>,
    ) -> Result<NewStaff, StaffError> {
        self.authorize(
            who,
            Action::StaffManage,
            &Owner::Tenant(tenant_id.to_owned()),
            StaffError::NotFound,
        )
        .await?;
        let role = role.and_then(Role::parse).ok_or_else(|| {
            StaffError::Invalid(vec![FieldProblem::new("/role", "staff_role_invalid")])
        })?;
        self.insert_staff(
            &format!("staff:{}", who.staff_id),
            tenant_id,
            email,
            name,
            role,
        )
        .await
    }

    async fn insert_staff(
        &self,
        actor: &str,
        tenant_id: &str,
        email: Option<&str>,
        name: Option<&str>,
        role: Role,
    ) -> Result<NewStaff, StaffError> {
        let mut problems = Vec::new();
        let email = email.map(str::trim).unwrap_or_default().to_owned();
        check_email_field(&email, "/email", &mut problems);
        let name = text_field(name, "/name", 100, &mut problems);
        if !problems.is_empty() {
            return Err(StaffError::Invalid(problems));
        }
        let now = self.now();
        let tx = self.store.write().await?;
        let tenant = tx.tenant(tenant_id).await?.ok_or(StaffError::NotFound)?;
        let fits = match TenantKind::parse(&tenant.kind) {
            Some(TenantKind::Central) => role == Role::CentralAdmin,
            Some(TenantKind::Ministry) => role != Role::CentralAdmin,
            None => false,
        };
        if !fits {
            return Err(StaffError::Invalid(vec![FieldProblem::new(
                "/role",
                "staff_role_invalid",
            )]));
        }
        let id = uuid::Uuid::now_v7().to_string();
        tx.insert_staff(StaffRow {
            id: id.clone(),
            tenant_id: tenant_id.to_owned(),
            email: email.clone(),
            email_key: email_key(&email),
            name: name.clone(),
            role: role.as_str().to_owned(),
            locale: "ja".to_owned(),
            password_hash: None,
            totp_secret: None,
            totp_last_step: None,
            created_at: now,
            disabled_at: None,
        })
        .await
        .map_err(|err| match err {
            StoreError::Conflict => StaffError::Conflict("staff_email_taken"),
            other => other.into(),
        })?;
        let link = self.issue_enrolment(&tx, &id, &email, now).await?;
        tx.append_audit(NewAuditEvent {
            at: now,
            actor,
            action: "staff.created",
            subject_type: "staff",
            subject_id: &id,
            detail: json!({ "tenant": tenant_id, "role": role.as_str() }).to_string(),
        })
        .await?;
        tx.commit().await?;
        self.mail_ready.notify_one();
        self.policy_changed().await?;
        Ok(NewStaff {
            staff_id: id,
            enrolment_link: link,
        })
    }

    async fn issue_enrolment(
        &self,
        tx: &Tx,
        staff_id: &str,
        email: &str,
        now: i64,
    ) -> Result<String, StoreError> {
        let token = new_token();
        let expires = now + ENROLMENT_TTL_MS;
        tx.insert_staff_token(StaffTokenRow {
            token_hash: token_hash(&token),
            staff_id: staff_id.to_owned(),
            created_at: now,
            expires_at: expires,
            used_at: None,
        })
        .await?;
        let link = self.link(&format!("/staff/enrol/{token}"));
        let mail = self.compose_mail(
            MailKind::StaffEnrolment,
            i18n::Locale::Ja,
            email,
            &[
                ("link", link.clone().into()),
                ("expires", japan_time(expires).into()),
            ],
        );
        tx.enqueue_mail(mail, now).await?;
        Ok(link)
    }

    /// The staff of a tenant (its administrators, or the central administration).
    pub async fn list_staff(
        &self,
        who: &StaffSession,
        tenant_id: &str,
    ) -> Result<Vec<StaffSummary>, StaffError> {
        self.authorize(
            who,
            Action::StaffManage,
            &Owner::Tenant(tenant_id.to_owned()),
            StaffError::NotFound,
        )
        .await?;
        let tx = self.store.read().await?;
        if tx.tenant(tenant_id).await?.is_none() {
            return Err(StaffError::NotFound);
        }
        Ok(tx
            .staff_of_tenant(tenant_id)
            .await?
            .into_iter()
            .map(StaffSummary::from)
            .collect())
    }

    /// Disables a staff member of a tenant and ends their sessions (not oneself).
    pub async fn disable_staff(
        &self,
        who: &StaffSession,
        tenant_id: &str,
        staff_id: &str,
    ) -> Result<(), StaffError> {
        self.authorize(
            who,
            Action::StaffManage,
            &Owner::Tenant(tenant_id.to_owned()),
            StaffError::NotFound,
        )
        .await?;
        if staff_id == who.staff_id {
            return Err(StaffError::Conflict("staff_cannot_disable_self"));
        }
        let now = self.now();
        let tx = self.store.write().await?;
        let target = tx
            .staff(staff_id)
            .await?
            .filter(|s| s.tenant_id == tenant_id);
        let Some(target) = target else {
            return Err(StaffError::NotFound);
        };
        tx.disable_staff(&target.id, now).await?;
        tx.append_audit(NewAuditEvent {
            at: now,
            actor: &format!("staff:{}", who.staff_id),
            action: "staff.disabled",
            subject_type: "staff",
            subject_id: &target.id,
            detail: "{}".to_owned(),
        })
        .await?;
        tx.commit().await?;
        self.policy_changed().await?;
        Ok(())
    }

    /// Enrols with a mailed link: sets the password and returns a new TOTP secret (shown once).
    pub async fn enrol_staff(
        &self,
        token: Option<&str>,
        password: Option<&str>,
    ) -> Result<Enrolment, SetPasswordError> {
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
        let secret = totp::new_secret();
        let now = self.now();
        let tx = self.store.write().await?;
        let link = tx
            .consume_staff_token(&token_hash(token), now)
            .await?
            .ok_or(SetPasswordError::LinkInvalid)?;
        let staff = tx
            .staff(&link.staff_id)
            .await?
            .filter(|s| s.disabled_at.is_none())
            .ok_or(SetPasswordError::LinkInvalid)?;
        tx.enrol_staff(&staff.id, hash, secret.clone()).await?;
        tx.append_audit(NewAuditEvent {
            at: now,
            actor: &format!("staff:{}", staff.id),
            action: "staff.enrolled",
            subject_type: "staff",
            subject_id: &staff.id,
            detail: "{}".to_owned(),
        })
        .await?;
        tx.commit().await?;
        Ok(Enrolment {
            otpauth_uri: totp::otpauth_uri(&secret, &staff.email),
            totp_secret: secret,
        })
    }

    /// Staff login: e-mail, password and a TOTP code, all three right (one answer otherwise;
    /// a code is never accepted twice). Throttled per login id like applicants' logins.
    pub async fn staff_login(
        &self,
        email: Option<&str>,
        password: Option<&str>,
        code: Option<&str>,
    ) -> Result<SessionToken, LoginError> {
        let mut problems = Vec::new();
        let email = email.map(str::trim).unwrap_or_default();
        let password = password.unwrap_or_default();
        let code = code.map(str::trim).unwrap_or_default();
        if email.is_empty() {
            problems.push(FieldProblem::new("/email", "login_id_required"));
        }
        if password.is_empty() {
            problems.push(FieldProblem::new("/password", "password_required"));
        }
        if code.is_empty() {
            problems.push(FieldProblem::new("/code", "totp_code_required"));
        }
        if !problems.is_empty() {
            return Err(LoginError::Invalid(problems));
        }
        let key = format!("staff:{}", email_key(email));
        let now = self.now();
        self.count_login_attempt(&key, now).await?;
        let staff = self
            .store
            .read()
            .await?
            .staff_by_email_key(&email_key(email))
            .await?
            .filter(|s| s.disabled_at.is_none());
        let hash = staff.as_ref().and_then(|s| s.password_hash.clone());
        let password_ok = self.verify_password(password, hash).await;
        let step = staff
            .as_ref()
            .and_then(|s| s.totp_secret.as_deref())
            .and_then(|secret| totp::matching_step(secret, code, now));
        let tx = self.store.write().await?;
        let fresh = match (&staff, step, password_ok) {
            // A step is used once: the second use of a code is refused here.
            (Some(s), Some(step), true) => tx.use_totp_step(&s.id, step).await?,
            _ => false,
        };
        let Some(staff) = staff.filter(|_| fresh) else {
            return Err(LoginError::InvalidCredentials);
        };
        let token = new_token();
        tx.insert_staff_session(StaffSessionRow {
            id_hash: token_hash(&token),
            staff_id: staff.id.clone(),
            created_at: now,
            last_seen_at: now,
            expires_at: now + self.config.session_absolute_ms,
        })
        .await?;
        tx.clear_login_throttle(&key).await?;
        tx.append_audit(NewAuditEvent {
            at: now,
            actor: &format!("staff:{}", staff.id),
            action: "staff.logged_in",
            subject_type: "staff",
            subject_id: &staff.id,
            detail: "{}".to_owned(),
        })
        .await?;
        tx.commit().await?;
        Ok(SessionToken(token))
    }

    /// The staff session a cookie names, if valid (records the activity).
    pub async fn staff_session(&self, token: Option<&str>) -> Result<StaffSession, StaffError> {
        let token = token
            .filter(|t| looks_like_token(t))
            .ok_or(StaffError::Unauthenticated)?;
        let id_hash = token_hash(token);
        let now = self.now();
        let tx = self.store.write().await?;
        let row = tx
            .staff_session(&id_hash)
            .await?
            .ok_or(StaffError::Unauthenticated)?;
        if row.expires_at <= now || row.last_seen_at + self.config.session_idle_ms <= now {
            tx.delete_staff_session(&id_hash).await?;
            tx.commit().await?;
            return Err(StaffError::Unauthenticated);
        }
        let staff = tx
            .staff(&row.staff_id)
            .await?
            .filter(|s| s.disabled_at.is_none())
            .ok_or(StaffError::Unauthenticated)?;
        let role = Role::parse(&staff.role).ok_or(StaffError::Unauthenticated)?;
        tx.touch_staff_session(&id_hash, now).await?;
        tx.commit().await?;
        Ok(StaffSession {
            staff_id: staff.id,
            tenant_id: staff.tenant_id,
            role,
            email: staff.email,
            name: staff.name,
            locale: staff.locale,
            id_hash,
        })
    }

    /// Ends a staff session.
    pub async fn staff_logout(&self, session: &StaffSession) -> Result<(), StaffError> {
        let tx = self.store.write().await?;
        tx.delete_staff_session(&session.id_hash).await?;
        tx.commit().await?;
        Ok(())
    }
}

#[cfg(test)]
mod tenant_id_tests {
    #[test]
    fn tenant_ids_are_what_the_policy_accepts() {
        for good in ["maff", "central", "new-ministry", "m2"] {
            assert!(super::valid_tenant_id(good), "{good}");
        }
        for bad in ["-8", "none", "m", "MAFF", "a_b", "-maff", ""] {
            assert!(!super::valid_tenant_id(bad), "{bad}");
        }
    }
}
