//! The typed model: built from a document that passed check, refused otherwise.

use domain::{
    Application, ApplicationKind, BusinessLine, Founder, ModelError, Proxy, PublicBodyClass,
    VaccinationSite,
};
use serde_json::{Map, Value, json};

use crate::support::{ctx, example, patched};

#[test]
fn example_document_becomes_a_private_registration() {
    let application = Application::from_document(&example()).expect("the example fits");
    assert_eq!(application.founder, Founder::Private);
    assert_eq!(application.kind(), ApplicationKind::Registration);
    assert_eq!(application.public_body_class, None);
    assert_eq!(application.proxy, None);
    assert_eq!(application.applicant.name, "株式会社みなと食品");
    assert_eq!(application.applicant.address.prefecture, "東京都");
    assert_eq!(application.applicant.fax, None);
    assert_eq!(
        application.applicant.note1.as_deref(),
        Some("3120001000001")
    );
    let totals: Vec<u32> = application
        .establishments
        .iter()
        .flat_map(|e| &e.business_lines)
        .map(BusinessLine::registered_staff_total)
        .collect();
    assert_eq!(totals, [44, 12]);
    assert!(matches!(
        &application.establishments[0].vaccination_site,
        VaccinationSite::Secured { name, address, .. }
            if name == "霞が関クリニック" && address.postal_code == "1008916"
    ));
    assert_eq!(
        application.establishments[1].vaccination_site,
        VaccinationSite::NotYetSecured {
            plan_note: "近隣の病院で実施を検討中".to_owned()
        }
    );
}

#[test]
fn public_body_document_becomes_a_report() {
    let doc = patched(&[
        ("/founder", json!("public")),
        ("/public_body_class", json!("municipality")),
        ("/applicant/name_kana", json!("")),
    ]);
    let application = Application::from_document(&doc).expect("fits");
    assert_eq!(application.kind(), ApplicationKind::Report);
    assert_eq!(
        application.public_body_class,
        Some(PublicBodyClass::Municipality)
    );
    assert_eq!(application.applicant.name_kana, None);
}

#[test]
fn proxy_and_extra_fields_are_carried_into_the_model() {
    let doc = patched(&[
        (
            "/proxy",
            json!({"franchisees_have_physician_and_bcp": true, "power_of_attorney_submitted": false}),
        ),
        (
            "/establishments/0/business_lines/0/extra",
            json!({"fleet": 12}),
        ),
    ]);
    let application = Application::from_document(&doc).expect("fits");
    assert_eq!(
        application.proxy,
        Some(Proxy {
            franchisees_have_physician_and_bcp: true,
            power_of_attorney_submitted: false
        })
    );
    let mut extra = Map::new();
    extra.insert("fleet".to_owned(), json!(12));
    assert_eq!(application.establishments[0].business_lines[0].extra, extra);
}

#[test]
fn normalised_document_that_passes_check_fits_the_model() {
    let mut doc = patched(&[
        ("/establishments/0/total_staff", json!("１２０")),
        (
            "/establishments/0/business_lines/0/registered_staff_total",
            json!(1),
        ),
    ]);
    domain::normalise(&mut doc, &ctx());
    assert!(!domain::has_errors(&domain::check(&doc, &ctx())));
    let application = Application::from_document(&doc).expect("fits");
    assert_eq!(application.establishments[0].total_staff, 120);
}

/// Says whether an error is the expected one.
type ErrorMatcher = fn(&ModelError) -> bool;

#[test]
fn documents_with_errors_do_not_fit_the_model() {
    let cases: Vec<(Value, ErrorMatcher)> = vec![
        (json!(null), |e| matches!(e, ModelError::Declaration)),
        (patched(&[("/declaration_truthful", json!(false))]), |e| {
            matches!(e, ModelError::Declaration)
        }),
        (
            patched(&[("/program", json!("staffing"))]),
            |e| matches!(e, ModelError::Program(p) if p == "staffing"),
        ),
        (patched(&[("/founder", json!("public"))]), |e| {
            matches!(e, ModelError::PublicBodyClass)
        }),
        (patched(&[("/public_body_class", json!("national"))]), |e| {
            matches!(e, ModelError::PublicBodyClass)
        }),
        (patched(&[("/establishments", json!([]))]), |e| {
            matches!(e, ModelError::NoEstablishment)
        }),
        (
            patched(&[("/establishments/1/business_lines", json!([]))]),
            |e| matches!(e, ModelError::NoBusinessLine { establishment: 1 }),
        ),
        (
            patched(&[("/establishments/0/total_staff", json!("120"))]),
            |e| matches!(e, ModelError::Shape(_)),
        ),
        (
            patched(&[("/establishments/0/total_staff", json!(-1))]),
            |e| matches!(e, ModelError::Shape(_)),
        ),
        (
            patched(&[("/establishments/0/vaccination_site/status", json!("maybe"))]),
            |e| matches!(e, ModelError::Shape(_)),
        ),
        (patched(&[("/founder", json!("company"))]), |e| {
            matches!(e, ModelError::Shape(_))
        }),
    ];
    for (doc, expected) in cases {
        let error = Application::from_document(&doc).expect_err("does not fit");
        assert!(expected(&error), "{error:?}");
    }
}

/// Found by the `document_structured` fuzz target: `check` reads a null `extra` as absent, so
/// the model must too (it refused the document with "invalid type: null, expected a map").
#[test]
fn a_null_extra_is_no_extra_fields_as_check_reads_it() {
    let doc = patched(&[("/establishments/1/business_lines/0/extra", Value::Null)]);
    assert!(!domain::has_errors(&domain::check(&doc, &ctx())));
    let application = Application::from_document(&doc).expect("fits");
    assert_eq!(
        application.establishments[1].business_lines[0].extra,
        Map::new()
    );
}

#[test]
fn registered_staff_total_is_own_plus_external_and_never_overflows() {
    let line = |own, external| BusinessLine {
        business_type: "food-wholesale".to_owned(),
        sub_type_1: "x".to_owned(),
        sub_type_2: None,
        registered_staff_own: own,
        registered_staff_external: external,
        note: None,
        extra: Map::new(),
    };
    assert_eq!(line(40, 4).registered_staff_total(), 44);
    assert_eq!(line(0, 0).registered_staff_total(), 0);
    assert_eq!(line(u32::MAX, 1).registered_staff_total(), u32::MAX);
}

#[test]
fn proxy_prefix_is_a_bracketed_franchisee_name_ending_in_dairi() {
    for good in [
        "（株式会社コンビニ山田代理）山田駅前店",
        "(株式会社コンビニ山田代理)山田駅前店",
        "（山田商店代理）本店",
    ] {
        assert!(Proxy::name_has_prefix(good), "{good}");
    }
    for bad in [
        "山田駅前店",
        "（代理）山田駅前店",
        "（株式会社コンビニ山田代理）",
        "山田駅前店（株式会社コンビニ山田代理）",
        "（株式会社コンビニ山田）山田駅前店",
        "",
    ] {
        assert!(!Proxy::name_has_prefix(bad), "{bad}");
    }
}
