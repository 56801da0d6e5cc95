//! One immutable policy: the casbin enforcer over the embedded model and permissions plus the
//! `g` / `g2` rules of one [`PolicyData`], and the lookups derived from the same rules.

use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;

use casbin::{Adapter, CoreApi, DefaultModel, Enforcer, MemoryAdapter};

use crate::{Action, AuthzError, CENTRAL_TENANT, Owner, PolicyData, Role, TenantKind};

/// The casbin model: reviewed security code.
const MODEL: &str = include_str!("../../../policies/model.conf");
/// Each role's permissions (`p` rules), written once: reviewed security code.
const PERMISSIONS: &str = include_str!("../../../policies/permissions.csv");

/// The longest tenant or business-type id accepted.
const MAX_SLUG_LEN: usize = 64;
/// The longest staff id accepted.
const MAX_STAFF_ID_LEN: usize = 128;

/// The policy in force at one moment: decides with casbin, answers lookups from maps built
/// with it. Immutable; shared between threads as `Arc<Policy>`.
pub struct Policy {
    enforcer: Enforcer,
    tenant_kinds: HashMap<String, TenantKind>,
    owner_by_type: HashMap<String, String>,
    types_by_tenant: HashMap<String, BTreeSet<String>>,
}

// A request's snapshot crosses threads: the enforcer must stay shareable.
const _: () = {
    const fn send_and_sync<T: Send + Sync>() {}
    send_and_sync::<Policy>();
};

impl fmt::Debug for Policy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Policy")
            .field("tenants", &self.tenant_kinds.len())
            .field("owned_business_types", &self.owner_by_type.len())
            .finish_non_exhaustive()
    }
}

impl Policy {
    /// Validates `data` and builds the enforcer and the lookups.
    pub(crate) async fn build(data: &PolicyData) -> Result<Policy, AuthzError> {
        let facts = Facts::validate(data)?;
        let permissions = permission_rules(PERMISSIONS)?;

        let mut adapter = MemoryAdapter::default();
        load(&mut adapter, "p", "p", permissions).await?;
        load(&mut adapter, "g", "g", facts.g_rules()).await?;
        load(&mut adapter, "g", "g2", facts.g2_rules()).await?;
        let model = DefaultModel::from_str(MODEL).await.map_err(casbin_error)?;
        // `Enforcer::new` loads every rule from the adapter and builds the role links once.
        let enforcer = Enforcer::new(model, adapter).await.map_err(casbin_error)?;

        let mut types_by_tenant: HashMap<String, BTreeSet<String>> = HashMap::new();
        for (business_type, tenant) in &facts.owner_by_type {
            types_by_tenant
                .entry(tenant.clone())
                .or_default()
                .insert(business_type.clone());
        }
        Ok(Policy {
            enforcer,
            tenant_kinds: facts.tenant_kinds.into_iter().collect(),
            owner_by_type: facts.owner_by_type.into_iter().collect(),
            types_by_tenant,
        })
    }

    /// The one decision: may staff `staff_id` of tenant `tenant_id` do `action` on something
    /// owned by `owner`? Never panics: a casbin error is a denial (logged).
    pub fn allows(&self, staff_id: &str, tenant_id: &str, action: Action, owner: &Owner) -> bool {
        // Cheap refusal of what casbin would refuse anyway: a tenant the policy does not know.
        if !self.tenant_kinds.contains_key(tenant_id) {
            return false;
        }
        let subject = format!("staff:{staff_id}");
        let owner = owner.to_string();
        let request = (
            subject.as_str(),
            tenant_id,
            action.kind(),
            owner.as_str(),
            action.act(),
        );
        match self.enforcer.enforce(request) {
            Ok(allowed) => allowed,
            Err(error) => {
                tracing::warn!(
                    %error,
                    staff_id,
                    tenant_id,
                    action = action.as_str(),
                    owner,
                    "authorization check failed; denying"
                );
                false
            }
        }
    }

    /// The business types the policy gives this tenant (derived from the g2 rules), for SQL
    /// `WHERE` filters. Empty for an unknown tenant or one that owns none.
    pub fn business_types_of(&self, tenant_id: &str) -> BTreeSet<String> {
        self.types_by_tenant
            .get(tenant_id)
            .cloned()
            .unwrap_or_default()
    }

    /// The tenant owning a business type, if approved.
    pub fn owner_of(&self, business_type: &str) -> Option<&str> {
        self.owner_by_type.get(business_type).map(String::as_str)
    }

    /// The kind of a tenant, if the policy knows it.
    pub fn tenant_kind(&self, tenant_id: &str) -> Option<TenantKind> {
        self.tenant_kinds.get(tenant_id).copied()
    }
}

/// Validated, deduplicated facts of one [`PolicyData`].
struct Facts {
    tenant_kinds: BTreeMap<String, TenantKind>,
    /// `(staff id, role name, tenant)`.
    grants: BTreeSet<(String, &'static str, String)>,
    owner_by_type: BTreeMap<String, String>,
}

impl Facts {
    fn validate(data: &PolicyData) -> Result<Facts, AuthzError> {
        let mut tenant_kinds = BTreeMap::new();
        for (tenant, kind) in &data.tenants {
            check_slug("tenant", tenant)?;
            // `none` is what `Owner::Nobody` renders as: a tenant of that name would own it.
            if tenant == "none" {
                return Err(invalid_id("tenant", tenant));
            }
            if (tenant == CENTRAL_TENANT) != (*kind == TenantKind::Central) {
                return Err(AuthzError::TenantKindMismatch {
                    tenant: tenant.clone(),
                    kind: *kind,
                });
            }
            if tenant_kinds.insert(tenant.clone(), *kind).is_some() {
                return Err(AuthzError::DuplicateTenant {
                    tenant: tenant.clone(),
                });
            }
        }

        let mut grants = BTreeSet::new();
        let mut tenant_of_staff: BTreeMap<&str, &str> = BTreeMap::new();
        for grant in &data.staff {
            check_staff_id(&grant.staff_id)?;
            let Some(kind) = tenant_kinds.get(&grant.tenant_id) else {
                return Err(AuthzError::StaffUnknownTenant {
                    staff_id: grant.staff_id.clone(),
                    tenant: grant.tenant_id.clone(),
                });
            };
            if !grant.role.valid_in(*kind) {
                return Err(match grant.role {
                    Role::CentralAdmin => AuthzError::CentralAdminOutsideCentral {
                        staff_id: grant.staff_id.clone(),
                        tenant: grant.tenant_id.clone(),
                    },
                    Role::MinistryAdmin | Role::Reviewer => AuthzError::MinistryRoleInCentral {
                        staff_id: grant.staff_id.clone(),
                        role: grant.role,
                    },
                });
            }
            let first = *tenant_of_staff
                .entry(&grant.staff_id)
                .or_insert(&grant.tenant_id);
            if first != grant.tenant_id {
                return Err(AuthzError::StaffInSeveralTenants {
                    staff_id: grant.staff_id.clone(),
                    first: first.to_owned(),
                    second: grant.tenant_id.clone(),
                });
            }
            grants.insert((
                grant.staff_id.clone(),
                grant.role.as_str(),
                grant.tenant_id.clone(),
            ));
        }

        let mut owner_by_type = BTreeMap::new();
        for (business_type, tenant) in &data.ownership {
            check_slug("business type", business_type)?;
            match tenant_kinds.get(tenant) {
                None => {
                    return Err(AuthzError::OwnershipUnknownTenant {
                        business_type: business_type.clone(),
                        tenant: tenant.clone(),
                    });
                }
                Some(TenantKind::Central) => {
                    return Err(AuthzError::OwnerNotMinistry {
                        business_type: business_type.clone(),
                        tenant: tenant.clone(),
                    });
                }
                Some(TenantKind::Ministry) => {}
            }
            match owner_by_type.entry(business_type.clone()) {
                Entry::Vacant(entry) => {
                    entry.insert(tenant.clone());
                }
                // The same approval listed twice says nothing new.
                Entry::Occupied(entry) if entry.get() == tenant => {}
                Entry::Occupied(entry) => {
                    return Err(AuthzError::BusinessTypeOwnedTwice {
                        business_type: business_type.clone(),
                        first: entry.get().clone(),
                        second: tenant.clone(),
                    });
                }
            }
        }

        Ok(Facts {
            tenant_kinds,
            grants,
            owner_by_type,
        })
    }

    /// `g, staff:<id>, <role>, <tenant>`.
    fn g_rules(&self) -> Vec<Vec<String>> {
        self.grants
            .iter()
            .map(|(staff_id, role, tenant)| {
                vec![
                    format!("staff:{staff_id}"),
                    (*role).to_owned(),
                    tenant.clone(),
                ]
            })
            .collect()
    }

    /// `g2, tenant:<t>, <t>` for every tenant and `g2, type:<bt>, <t>` for every ownership.
    fn g2_rules(&self) -> Vec<Vec<String>> {
        let tenants = self
            .tenant_kinds
            .keys()
            .map(|tenant| vec![Owner::Tenant(tenant.clone()).to_string(), tenant.clone()]);
        let types = self.owner_by_type.iter().map(|(business_type, tenant)| {
            vec![
                Owner::BusinessType(business_type.clone()).to_string(),
                tenant.clone(),
            ]
        });
        tenants.chain(types).collect()
    }
}

/// The `p` rules of a permissions file (`p, role, kind, act, scope` lines; `#` comments), each
/// checked.
fn permission_rules(text: &str) -> Result<Vec<Vec<String>>, AuthzError> {
    let mut rules = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let invalid = |reason: &str| AuthzError::InvalidPermissions {
            line: index + 1,
            reason: reason.to_owned(),
        };
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split(',').map(str::trim).collect();
        let ["p", role, kind, act, scope] = fields.as_slice() else {
            return Err(invalid("expected `p, role, kind, act, scope`"));
        };
        if Role::parse(role).is_none() {
            return Err(invalid("unknown role"));
        }
        if Action::from_kind_act(kind, act).is_none() {
            return Err(invalid("kind and act name no action of the crate"));
        }
        if !matches!(*scope, "own" | "all") {
            return Err(invalid("scope must be `own` or `all`"));
        }
        let rule = [*role, *kind, *act, *scope].map(str::to_owned).to_vec();
        if rules.contains(&rule) {
            return Err(invalid("duplicate permission"));
        }
        rules.push(rule);
    }
    Ok(rules)
}

/// Puts one section's rules into the adapter the enforcer loads from.
async fn load(
    adapter: &mut MemoryAdapter,
    section: &str,
    ptype: &str,
    rules: Vec<Vec<String>>,
) -> Result<(), AuthzError> {
    if rules.is_empty() {
        return Ok(());
    }
    // `false` = a rule was already there and nothing was added; the rules are deduplicated
    // before, so this would be a bug here.
    let added = adapter
        .add_policies(section, ptype, rules)
        .await
        .map_err(casbin_error)?;
    if added {
        Ok(())
    } else {
        Err(AuthzError::Casbin(format!(
            "duplicate {ptype} rule refused by the adapter"
        )))
    }
}

fn casbin_error(error: casbin::Error) -> AuthzError {
    AuthzError::Casbin(error.to_string())
}

fn invalid_id(what: &'static str, value: &str) -> AuthzError {
    AuthzError::InvalidId {
        what,
        value: value.to_owned(),
    }
}

/// Tenant and business-type ids: lowercase ASCII letters, digits, `-` and `_`, starting with
/// a letter or digit. No `:` (the owner prefixes), `,` (the policy format) or upper case (the
/// role manager's `DEFAULT` domain holds the g2 links).
fn check_slug(what: &'static str, value: &str) -> Result<(), AuthzError> {
    let valid = !value.is_empty()
        && value.len() <= MAX_SLUG_LEN
        && value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        && value
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
    if valid {
        Ok(())
    } else {
        Err(invalid_id(what, value))
    }
}

/// Staff ids: ASCII letters, digits, `-`, `_` and `.` (a UUID or a number fits).
fn check_staff_id(value: &str) -> Result<(), AuthzError> {
    let valid = !value.is_empty()
        && value.len() <= MAX_STAFF_ID_LEN
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    if valid {
        Ok(())
    } else {
        Err(invalid_id("staff", value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_permissions_file_is_valid_and_names_every_action() {
        let rules = permission_rules(PERMISSIONS).expect("policies/permissions.csv");
        for action in Action::ALL {
            assert!(
                rules
                    .iter()
                    .any(|rule| rule[1] == action.kind() && rule[2] == action.act()),
                "{action} is granted to no role"
            );
        }
    }

    #[test]
    fn ministry_roles_never_reach_beyond_their_own_tenant() {
        let rules = permission_rules(PERMISSIONS).expect("policies/permissions.csv");
        for rule in &rules {
            let role = Role::parse(&rule[0]).expect("role");
            if role != Role::CentralAdmin {
                assert_eq!(rule[3], "own", "{rule:?}: a ministry role with scope all");
            }
        }
    }

    #[test]
    fn a_bad_permission_line_is_refused_with_its_line_number() {
        for (text, reason) in [
            ("p, reviewer, line, read", "expected"),
            ("g, reviewer, line, read, own", "expected"),
            ("p, auditor, line, read, own", "unknown role"),
            ("p, reviewer, line, erase, own", "no action"),
            ("p, reviewer, line, read, mine", "scope"),
            (
                "p, reviewer, line, read, own\np, reviewer, line, read, own",
                "duplicate",
            ),
        ] {
            let text = format!("# header\n\n{text}");
            match permission_rules(&text) {
                Err(AuthzError::InvalidPermissions { line, reason: got }) => {
                    assert!(line >= 3, "{text}: line {line}");
                    assert!(got.contains(reason), "{text}: {got}");
                }
                other => panic!("{text}: {other:?}"),
            }
        }
    }

    #[test]
    fn ids_are_checked() {
        for good in ["maff", "food-manufacturing", "a_1", "0"] {
            assert!(check_slug("tenant", good).is_ok(), "{good}");
        }
        let too_long = "a".repeat(MAX_SLUG_LEN + 1);
        for bad in [
            "",
            "Maff",
            "DEFAULT",
            "type:bank",
            "a,b",
            "a b",
            "-a",
            "食品",
            too_long.as_str(),
        ] {
            assert!(check_slug("tenant", bad).is_err(), "{bad:?}");
        }
        for good in ["0196f1c2-7d1e-7c3a-9d3e-2f6b1a0c9e11", "42", "A.b_c-d"] {
            assert!(check_staff_id(good).is_ok(), "{good}");
        }
        for bad in ["", "a:b", "a,b", "a b", "staff\n"] {
            assert!(check_staff_id(bad).is_err(), "{bad:?}");
        }
    }
}
