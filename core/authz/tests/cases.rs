//! Runs every row of `policies/cases.csv` against the real model and permissions.
//!
//! The fixture world: tenants `central` (central), `maff`, `fsa`, `mhlw` (ministries);
//! ownership food-manufacturing → maff, food-wholesale → maff, bank → fsa, care-home → mhlw;
//! one staff member per valid (role, tenant), with id `<role>-<tenant>`.

use std::collections::BTreeSet;

use authz::{Action, Authz, Owner, PolicyData, Role, StaffGrant, TenantKind};

const CASES: &str = include_str!("../../../policies/cases.csv");
const HEADER: &str = "role,tenant,action,owner,expected";

const TENANTS: [(&str, TenantKind); 4] = [
    ("central", TenantKind::Central),
    ("maff", TenantKind::Ministry),
    ("fsa", TenantKind::Ministry),
    ("mhlw", TenantKind::Ministry),
];
const OWNERSHIP: [(&str, &str); 4] = [
    ("food-manufacturing", "maff"),
    ("food-wholesale", "maff"),
    ("bank", "fsa"),
    ("care-home", "mhlw"),
];

fn staff_id(role: Role, tenant: &str) -> String {
    format!("{role}-{tenant}")
}

fn world() -> PolicyData {
    let mut staff = Vec::new();
    for role in Role::ALL {
        for (tenant, kind) in TENANTS {
            if role.valid_in(kind) {
                staff.push(StaffGrant {
                    staff_id: staff_id(role, tenant),
                    tenant_id: tenant.to_owned(),
                    role,
                });
            }
        }
    }
    PolicyData {
        tenants: TENANTS
            .iter()
            .map(|(tenant, kind)| ((*tenant).to_owned(), *kind))
            .collect(),
        staff,
        ownership: OWNERSHIP
            .iter()
            .map(|(business_type, tenant)| ((*business_type).to_owned(), (*tenant).to_owned()))
            .collect(),
    }
}

/// One row of the file.
#[derive(Debug)]
struct Case {
    line: usize,
    role: Role,
    tenant: String,
    action: Action,
    owner: Owner,
    allow: bool,
}

fn parse_owner(text: &str) -> Option<Owner> {
    if text == "none" {
        return Some(Owner::Nobody);
    }
    if let Some(tenant) = text.strip_prefix("tenant:") {
        return Some(Owner::Tenant(tenant.to_owned()));
    }
    text.strip_prefix("type:")
        .map(|business_type| Owner::BusinessType(business_type.to_owned()))
}

/// Every case, or the first malformed line.
fn cases() -> Result<Vec<Case>, String> {
    let mut lines = CASES
        .lines()
        .enumerate()
        .map(|(index, line)| (index + 1, line.trim()))
        .filter(|(_, line)| !line.is_empty() && !line.starts_with('#'));
    match lines.next() {
        Some((_, HEADER)) => {}
        other => return Err(format!("expected the header {HEADER:?}, got {other:?}")),
    }
    let mut cases = Vec::new();
    for (line, text) in lines {
        let fields: Vec<&str> = text.split(',').collect();
        let [role, tenant, action, owner, expected] = fields.as_slice() else {
            return Err(format!("line {line}: expected 5 fields: {text}"));
        };
        let bad = |what: &str| format!("line {line}: bad {what}: {text}");
        cases.push(Case {
            line,
            role: Role::parse(role).ok_or_else(|| bad("role"))?,
            tenant: (*tenant).to_owned(),
            action: Action::parse(action).ok_or_else(|| bad("action"))?,
            owner: parse_owner(owner).ok_or_else(|| bad("owner"))?,
            allow: match *expected {
                "allow" => true,
                "deny" => false,
                _ => return Err(bad("expected (allow or deny)")),
            },
        });
    }
    Ok(cases)
}

#[tokio::test]
async fn every_case_in_policies_cases_csv_holds() {
    let cases = cases().expect("policies/cases.csv");
    let authz = Authz::new(&world())
        .await
        .expect("the fixture world is valid");
    let policy = authz.current();
    let failures: Vec<String> = cases
        .iter()
        .filter(|case| {
            let staff = staff_id(case.role, &case.tenant);
            policy.allows(&staff, &case.tenant, case.action, &case.owner) != case.allow
        })
        .map(|case| {
            format!(
                "policies/cases.csv line {}: {} of {} {} on {} should be {}",
                case.line,
                case.role,
                case.tenant,
                case.action,
                case.owner,
                if case.allow { "allowed" } else { "denied" },
            )
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// Where an owner stands relative to the acting staff member's tenant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Relation {
    Own,
    Foreign,
    Nobody,
}

fn relation(tenant: &str, owner: &Owner) -> Option<Relation> {
    let owning_tenant = match owner {
        Owner::Nobody => return Some(Relation::Nobody),
        Owner::Tenant(owner) => owner.as_str(),
        Owner::BusinessType(business_type) => OWNERSHIP
            .iter()
            .find(|(known, _)| known == business_type)
            .map(|(_, owner)| *owner)?,
    };
    Some(if owning_tenant == tenant {
        Relation::Own
    } else {
        Relation::Foreign
    })
}

#[test]
fn the_cases_cover_every_role_and_action_on_own_foreign_and_no_owner() {
    let cases = cases().expect("policies/cases.csv");
    let covered: BTreeSet<(&str, &str, Relation)> = cases
        .iter()
        .filter_map(|case| {
            relation(&case.tenant, &case.owner)
                .map(|relation| (case.role.as_str(), case.action.as_str(), relation))
        })
        .collect();
    let mut missing = Vec::new();
    for role in Role::ALL {
        for action in Action::ALL {
            for relation in [Relation::Own, Relation::Foreign, Relation::Nobody] {
                if !covered.contains(&(role.as_str(), action.as_str(), relation)) {
                    missing.push(format!("{role} {action} {relation:?}"));
                }
            }
        }
    }
    assert!(missing.is_empty(), "not covered:\n{}", missing.join("\n"));
}

#[test]
fn the_cases_act_only_as_staff_of_the_fixture_world() {
    for case in cases().expect("policies/cases.csv") {
        let kind = TENANTS
            .iter()
            .find(|(tenant, _)| *tenant == case.tenant)
            .map(|(_, kind)| *kind);
        assert!(
            kind.is_some_and(|kind| case.role.valid_in(kind)),
            "line {}: no {} in tenant {}",
            case.line,
            case.role,
            case.tenant
        );
    }
}
