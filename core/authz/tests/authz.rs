//! Validation, lookups, snapshots and swaps of [`authz::Authz`].

use std::collections::BTreeSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread;

use authz::{Action, Authz, AuthzError, Owner, Policy, PolicyData, Role, StaffGrant, TenantKind};

fn grant(staff_id: &str, tenant_id: &str, role: Role) -> StaffGrant {
    StaffGrant {
        staff_id: staff_id.to_owned(),
        tenant_id: tenant_id.to_owned(),
        role,
    }
}

/// central + maff + fsa; food-manufacturing and food-wholesale → maff, bank → fsa.
fn world() -> PolicyData {
    PolicyData {
        tenants: vec![
            ("central".to_owned(), TenantKind::Central),
            ("maff".to_owned(), TenantKind::Ministry),
            ("fsa".to_owned(), TenantKind::Ministry),
        ],
        staff: vec![
            grant("admin", "central", Role::CentralAdmin),
            grant("m-boss", "maff", Role::MinistryAdmin),
            grant("m-boss", "maff", Role::Reviewer),
            grant("m-rev", "maff", Role::Reviewer),
            grant("f-rev", "fsa", Role::Reviewer),
        ],
        ownership: vec![
            ("food-manufacturing".to_owned(), "maff".to_owned()),
            ("food-wholesale".to_owned(), "maff".to_owned()),
            ("bank".to_owned(), "fsa".to_owned()),
        ],
    }
}

fn business_type(id: &str) -> Owner {
    Owner::BusinessType(id.to_owned())
}

fn tenant(id: &str) -> Owner {
    Owner::Tenant(id.to_owned())
}

async fn refused(data: &PolicyData) -> AuthzError {
    Authz::new(data)
        .await
        .expect_err("invalid data must be refused")
}

#[tokio::test]
async fn valid_data_builds_and_decides() {
    let authz = Authz::new(&world()).await.expect("valid");
    let policy = authz.current();
    let fm = business_type("food-manufacturing");
    assert!(policy.allows("m-rev", "maff", Action::LineDecide, &fm));
    assert!(!policy.allows("f-rev", "fsa", Action::LineDecide, &fm));
    assert!(policy.allows("admin", "central", Action::LineRead, &fm));
    assert!(!policy.allows("admin", "central", Action::LineDecide, &fm));
    // A staff member with two roles gets both roles' permissions.
    assert!(policy.allows("m-boss", "maff", Action::StaffManage, &tenant("maff")));
    assert!(policy.allows("m-boss", "maff", Action::LineInquire, &fm));
    assert!(!policy.allows("m-rev", "maff", Action::StaffManage, &tenant("maff")));
}

#[tokio::test]
async fn whatever_the_request_names_an_unknown_party_is_denied() {
    let authz = Authz::new(&world()).await.expect("valid");
    let policy = authz.current();
    let fm = business_type("food-manufacturing");
    // Unknown staff, or known staff claiming another tenant.
    assert!(!policy.allows("nobody", "maff", Action::LineRead, &fm));
    assert!(!policy.allows("f-rev", "maff", Action::LineRead, &fm));
    assert!(!policy.allows("m-rev", "fsa", Action::LineRead, &business_type("bank")));
    assert!(!policy.allows("admin", "maff", Action::LineRead, &fm));
    // Unknown tenants, including names the role manager or the model use internally.
    for tenant_id in [
        "",
        "nowhere",
        "DEFAULT",
        "none",
        "tenant:maff",
        "type:food-manufacturing",
    ] {
        assert!(
            !policy.allows("m-rev", tenant_id, Action::LineRead, &fm),
            "{tenant_id:?}"
        );
        assert!(
            !policy.allows("m-rev", tenant_id, Action::LineRead, &Owner::Nobody),
            "{tenant_id:?}"
        );
    }
    // Odd staff ids and owners.
    for staff_id in ["", "staff:m-rev", "m-rev, maff", "reviewer", "maff"] {
        assert!(
            !policy.allows(staff_id, "maff", Action::LineRead, &fm),
            "{staff_id:?}"
        );
    }
    for owner in [
        business_type("unapproved"),
        business_type(""),
        tenant(""),
        tenant("tenant:maff"),
        business_type("maff"),
        tenant("food-manufacturing"),
        Owner::Nobody,
    ] {
        assert!(
            !policy.allows("m-rev", "maff", Action::LineRead, &owner),
            "{owner}"
        );
    }
}

#[tokio::test]
async fn lookups_come_from_the_same_rules() {
    let authz = Authz::new(&world()).await.expect("valid");
    let policy = authz.current();
    assert_eq!(
        policy.business_types_of("maff"),
        BTreeSet::from(["food-manufacturing".to_owned(), "food-wholesale".to_owned()])
    );
    assert_eq!(
        policy.business_types_of("fsa"),
        BTreeSet::from(["bank".to_owned()])
    );
    assert!(policy.business_types_of("central").is_empty());
    assert!(policy.business_types_of("nowhere").is_empty());
    assert_eq!(policy.owner_of("food-wholesale"), Some("maff"));
    assert_eq!(policy.owner_of("bank"), Some("fsa"));
    assert_eq!(policy.owner_of("care-home"), None);
    assert_eq!(policy.tenant_kind("central"), Some(TenantKind::Central));
    assert_eq!(policy.tenant_kind("maff"), Some(TenantKind::Ministry));
    assert_eq!(policy.tenant_kind("mhlw"), None);
    // The lookups agree with the decision.
    for business_type_id in ["food-manufacturing", "food-wholesale", "bank", "care-home"] {
        let owner = business_type(business_type_id);
        assert_eq!(
            policy.allows("m-rev", "maff", Action::LineRead, &owner),
            policy.owner_of(business_type_id) == Some("maff"),
            "{business_type_id}"
        );
    }
}

#[tokio::test]
async fn each_kind_of_invalid_data_is_refused() {
    let mut data = world();
    data.tenants.push(("Mhlw".to_owned(), TenantKind::Ministry));
    assert!(matches!(
        refused(&data).await,
        AuthzError::InvalidId { what: "tenant", .. }
    ));

    let mut data = world();
    data.tenants.push(("none".to_owned(), TenantKind::Ministry));
    assert!(matches!(
        refused(&data).await,
        AuthzError::InvalidId { what: "tenant", .. }
    ));

    let mut data = world();
    data.staff.push(grant("a:b", "maff", Role::Reviewer));
    assert!(matches!(
        refused(&data).await,
        AuthzError::InvalidId { what: "staff", .. }
    ));

    let mut data = world();
    data.ownership
        .push(("type:care-home".to_owned(), "maff".to_owned()));
    assert!(matches!(
        refused(&data).await,
        AuthzError::InvalidId {
            what: "business type",
            ..
        }
    ));

    let mut data = world();
    data.tenants.push(("maff".to_owned(), TenantKind::Ministry));
    assert!(
        matches!(refused(&data).await, AuthzError::DuplicateTenant { tenant } if tenant == "maff")
    );

    let mut data = world();
    data.tenants[0].1 = TenantKind::Ministry;
    assert!(matches!(
        refused(&data).await,
        AuthzError::TenantKindMismatch { tenant, kind: TenantKind::Ministry } if tenant == "central"
    ));

    let mut data = world();
    data.tenants.push(("hq".to_owned(), TenantKind::Central));
    assert!(matches!(
        refused(&data).await,
        AuthzError::TenantKindMismatch { tenant, kind: TenantKind::Central } if tenant == "hq"
    ));

    let mut data = world();
    data.staff.push(grant("x", "mhlw", Role::Reviewer));
    assert!(matches!(
        refused(&data).await,
        AuthzError::StaffUnknownTenant { staff_id, tenant } if staff_id == "x" && tenant == "mhlw"
    ));

    let mut data = world();
    data.staff.push(grant("x", "maff", Role::CentralAdmin));
    assert!(matches!(
        refused(&data).await,
        AuthzError::CentralAdminOutsideCentral { staff_id, tenant } if staff_id == "x" && tenant == "maff"
    ));

    for role in [Role::MinistryAdmin, Role::Reviewer] {
        let mut data = world();
        data.staff.push(grant("x", "central", role));
        assert!(matches!(
            refused(&data).await,
            AuthzError::MinistryRoleInCentral { staff_id, role: got } if staff_id == "x" && got == role
        ));
    }

    let mut data = world();
    data.staff.push(grant("m-rev", "fsa", Role::Reviewer));
    assert!(matches!(
        refused(&data).await,
        AuthzError::StaffInSeveralTenants { staff_id, first, second }
            if staff_id == "m-rev" && first == "maff" && second == "fsa"
    ));

    let mut data = world();
    data.ownership
        .push(("care-home".to_owned(), "mhlw".to_owned()));
    assert!(matches!(
        refused(&data).await,
        AuthzError::OwnershipUnknownTenant { business_type, tenant }
            if business_type == "care-home" && tenant == "mhlw"
    ));

    let mut data = world();
    data.ownership
        .push(("care-home".to_owned(), "central".to_owned()));
    assert!(matches!(
        refused(&data).await,
        AuthzError::OwnerNotMinistry { business_type, tenant }
            if business_type == "care-home" && tenant == "central"
    ));

    let mut data = world();
    data.ownership.push(("bank".to_owned(), "maff".to_owned()));
    let error = refused(&data).await;
    assert!(matches!(
        &error,
        AuthzError::BusinessTypeOwnedTwice { business_type, first, second }
            if business_type == "bank" && first == "fsa" && second == "maff"
    ));
    assert_eq!(
        error.to_string(),
        r#"business type "bank" is owned twice ("fsa" and "maff")"#
    );
}

#[tokio::test]
async fn repeated_facts_are_not_errors() {
    let mut data = world();
    data.ownership.push(("bank".to_owned(), "fsa".to_owned()));
    data.staff.push(grant("m-rev", "maff", Role::Reviewer));
    let authz = Authz::new(&data).await.expect("duplicates say nothing new");
    let policy = authz.current();
    assert!(policy.allows(
        "m-rev",
        "maff",
        Action::LineRead,
        &business_type("food-wholesale")
    ));
    assert_eq!(
        policy.business_types_of("fsa"),
        BTreeSet::from(["bank".to_owned()])
    );
}

#[tokio::test]
async fn an_empty_world_denies_everything() {
    let authz = Authz::new(&PolicyData::default()).await.expect("valid");
    let policy = authz.current();
    for action in Action::ALL {
        assert!(!policy.allows("admin", "central", action, &Owner::Nobody));
    }
}

/// food-manufacturing moves from maff to fsa, and fsa gets a ministry admin.
fn moved_world() -> PolicyData {
    let mut data = world();
    data.ownership[0].1 = "fsa".to_owned();
    data.staff.push(grant("f-boss", "fsa", Role::MinistryAdmin));
    data
}

#[tokio::test]
async fn rebuild_swaps_while_earlier_snapshots_answer_the_old_way() {
    let authz = Authz::new(&world()).await.expect("valid");
    let fm = business_type("food-manufacturing");
    let before = authz.current();

    authz.rebuild(&moved_world()).await.expect("valid");
    let after = authz.current();

    assert!(before.allows("m-rev", "maff", Action::LineDecide, &fm));
    assert!(!before.allows("f-rev", "fsa", Action::LineDecide, &fm));
    assert!(!before.allows("f-boss", "fsa", Action::StaffManage, &tenant("fsa")));
    assert_eq!(before.owner_of("food-manufacturing"), Some("maff"));

    assert!(!after.allows("m-rev", "maff", Action::LineDecide, &fm));
    assert!(after.allows("f-rev", "fsa", Action::LineDecide, &fm));
    assert!(after.allows("f-boss", "fsa", Action::StaffManage, &tenant("fsa")));
    assert_eq!(after.owner_of("food-manufacturing"), Some("fsa"));
    assert_eq!(
        after.business_types_of("fsa"),
        BTreeSet::from(["bank".to_owned(), "food-manufacturing".to_owned()])
    );
}

#[tokio::test]
async fn a_refused_rebuild_keeps_the_policy_in_force() {
    let authz = Authz::new(&world()).await.expect("valid");
    let before = authz.current();
    let mut data = moved_world();
    data.ownership.push(("bank".to_owned(), "maff".to_owned()));
    assert!(matches!(
        authz.rebuild(&data).await,
        Err(AuthzError::BusinessTypeOwnedTwice { .. })
    ));
    let now = authz.current();
    assert!(Arc::ptr_eq(&before, &now), "nothing was swapped in");
    assert!(now.allows(
        "m-rev",
        "maff",
        Action::LineDecide,
        &business_type("food-manufacturing")
    ));
}

/// One snapshot's answers agree with each other, whichever world it belongs to.
fn consistent(policy: &Policy) -> Result<bool, String> {
    let fm = business_type("food-manufacturing");
    let at_maff = policy.owner_of("food-manufacturing") == Some("maff");
    let checks = [
        policy.allows("m-rev", "maff", Action::LineDecide, &fm) == at_maff,
        policy.allows("f-rev", "fsa", Action::LineDecide, &fm) != at_maff,
        policy.allows("f-boss", "fsa", Action::StaffManage, &tenant("fsa")) != at_maff,
        policy
            .business_types_of("maff")
            .contains("food-manufacturing")
            == at_maff,
        policy.allows(
            "admin",
            "central",
            Action::ApplicationRegister,
            &Owner::Nobody,
        ),
    ];
    if checks.iter().all(|check| *check) {
        Ok(at_maff)
    } else {
        Err(format!("inconsistent snapshot: {checks:?}"))
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn decisions_from_several_threads_stay_consistent_while_rebuilds_swap() {
    let authz = Arc::new(Authz::new(&world()).await.expect("valid"));
    let stop = Arc::new(AtomicBool::new(false));
    let checks = Arc::new(AtomicUsize::new(0));
    let readers: Vec<_> = (0..4)
        .map(|_| {
            let (authz, stop, checks) =
                (Arc::clone(&authz), Arc::clone(&stop), Arc::clone(&checks));
            thread::spawn(move || -> Result<(usize, usize), String> {
                let (mut old, mut new) = (0, 0);
                while !stop.load(Ordering::Relaxed) {
                    if consistent(&authz.current())? {
                        old += 1;
                    } else {
                        new += 1;
                    }
                    checks.fetch_add(1, Ordering::Relaxed);
                }
                Ok((old, new))
            })
        })
        .collect();

    let (world, moved) = (world(), moved_world());
    for round in 0..40 {
        let data = if round % 2 == 0 { &moved } else { &world };
        authz.rebuild(data).await.expect("valid");
        tokio::task::yield_now().await;
    }
    // Let the readers see the final swap before stopping them.
    let seen = checks.load(Ordering::Relaxed);
    while checks.load(Ordering::Relaxed) < seen + 100 && !readers.iter().any(|r| r.is_finished()) {
        thread::yield_now();
    }
    stop.store(true, Ordering::Relaxed);

    let mut total = 0;
    for reader in readers {
        let (old, new) = reader.join().expect("no panic").expect("consistent");
        total += old + new;
    }
    assert!(total > 0);
    // 40 swaps, the last back to the original world.
    assert_eq!(consistent(&authz.current()), Ok(true));
}

#[tokio::test]
async fn the_futures_can_cross_threads() {
    fn send<T: Send>(_: &T) {}
    let data = world();
    let building = Authz::new(&data);
    send(&building);
    let authz = building.await.expect("valid");
    let rebuilding = authz.rebuild(&data);
    send(&rebuilding);
    rebuilding.await.expect("valid");
}

#[test]
fn names_round_trip() {
    for role in Role::ALL {
        assert_eq!(Role::parse(role.as_str()), Some(role));
        assert_eq!(
            serde_json::to_string(&role).expect("serialises"),
            format!("\"{}\"", role.as_str())
        );
    }
    assert_eq!(Role::parse("admin"), None);
    for kind in [TenantKind::Central, TenantKind::Ministry] {
        assert_eq!(TenantKind::parse(kind.as_str()), Some(kind));
    }
    for action in Action::ALL {
        assert_eq!(Action::parse(action.as_str()), Some(action));
        assert_eq!(
            Action::from_kind_act(action.kind(), action.act()),
            Some(action)
        );
        assert_eq!(
            action.as_str(),
            format!("{}_{}", action.kind(), action.act())
        );
    }
    assert_eq!(tenant("maff").to_string(), "tenant:maff");
    assert_eq!(business_type("bank").to_string(), "type:bank");
    assert_eq!(Owner::Nobody.to_string(), "none");
}
