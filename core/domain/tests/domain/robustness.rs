//! Any JSON at all: `normalise` and `check` never panic and point only at valid JSON Pointers.

use domain::{codes, finding::pointer_child};
use serde_json::{Value, json};

use crate::support::{ctx, describe, example, is_json_pointer, patched};

/// Malformed documents of every shape: wrong roots, wrong containers, wrong scalars.
fn malformed_documents() -> Vec<Value> {
    let mut docs = vec![
        json!(null),
        json!([]),
        json!("x"),
        json!(0),
        json!(true),
        json!({}),
        json!({"establishments": {}}),
        json!({"establishments": [null, 1, "x", [], {}]}),
        json!({"establishments": [{"business_lines": {}}]}),
        json!({"establishments": [{"business_lines": [null, [], {"extra": 1}]}]}),
        json!({"establishments": [{"vaccination_site": {"status": 1}}]}),
        json!({"establishments": [{"vaccination_site": {"status": "secured"}}]}),
        json!({"applicant": "x", "proxy": [], "founder": 1, "program": {}, "declaration_truthful": "yes"}),
        json!({"applicant": {"name": [], "postal_code": 1_008_916, "phone": 3, "email": {}, "name_kana": false}}),
        json!({"founder": "public", "public_body_class": 7, "applicant": {"industrial_physician": "有"}}),
        json!({"a/b~c": {"x": 1}, "establishments": [{"total_staff": -1.5, "business_lines": [{"registered_staff_own": 1e300, "registered_staff_external": "１２"}]}]}),
        json!({"establishments": [{"total_staff": 18_446_744_073_709_551_615_u64, "business_lines": [{"registered_staff_own": -9_223_372_036_854_775_808_i64, "registered_staff_external": 1e20}]}]}),
    ];
    let wrong_values = [
        json!(null),
        json!(1),
        json!(-1),
        json!(1.5),
        json!("x"),
        json!(""),
        json!([]),
        json!({}),
        json!(true),
    ];
    let pointers = [
        "/program",
        "/founder",
        "/public_body_class",
        "/applicant/name",
        "/applicant/postal_code",
        "/applicant/industrial_physician",
        "/applicant/note1",
        "/proxy",
        "/establishments/0",
        "/establishments/0/name",
        "/establishments/0/total_staff",
        "/establishments/0/business_lines",
        "/establishments/0/business_lines/0",
        "/establishments/0/business_lines/0/business_type",
        "/establishments/0/business_lines/0/sub_type_2",
        "/establishments/0/business_lines/0/registered_staff_own",
        "/establishments/0/business_lines/0/extra",
        "/establishments/0/vaccination_site",
        "/establishments/0/vaccination_site/status",
        "/establishments/1/vaccination_site/plan_note",
    ];
    for pointer in pointers {
        for value in &wrong_values {
            docs.push(patched(&[(pointer, value.clone())]));
        }
    }
    // Deeper than serde_json's parser allows (128), so deeper than any stored document.
    docs.push(deeply_nested(200));
    docs
}

fn deeply_nested(depth: usize) -> Value {
    let mut value = json!("bottom");
    for _ in 0..depth {
        value = json!([value]);
    }
    json!({"applicant": value, "establishments": [{"business_lines": [{"extra": {"deep": 1}}]}]})
}

#[test]
fn check_and_normalise_never_panic_and_give_valid_pointers() {
    for doc in malformed_documents() {
        let mut normalised = doc.clone();
        let infos = domain::normalise(&mut normalised, &ctx());
        let findings = domain::check(&normalised, &ctx());
        for finding in infos.iter().chain(&findings) {
            assert!(
                is_json_pointer(&finding.path),
                "{}",
                describe(std::slice::from_ref(finding))
            );
            assert!(codes::ALL.contains(&finding.code), "{}", finding.code);
        }
        let unnormalised = domain::check(&doc, &ctx());
        assert!(unnormalised.iter().all(|f| is_json_pointer(&f.path)));
        let _ = domain::Application::from_document(&doc);
    }
}

#[test]
fn every_finding_path_leads_to_the_field_or_its_parent() {
    for doc in malformed_documents().into_iter().filter(|d| d.is_object()) {
        let mut doc = doc;
        domain::normalise(&mut doc, &ctx());
        for finding in domain::check(&doc, &ctx()) {
            let parent = finding
                .path
                .rsplit_once('/')
                .map_or("", |(parent, _)| parent);
            assert!(
                doc.pointer(&finding.path).is_some() || doc.pointer(parent).is_some(),
                "{}",
                describe(&[finding])
            );
        }
    }
}

#[test]
fn whole_document_of_the_wrong_type_is_one_finding_at_the_root() {
    for doc in [json!(null), json!([]), json!("x"), json!(42)] {
        let findings = domain::check(&doc, &ctx());
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].path, "");
        assert_eq!(findings[0].code, codes::INVALID_TYPE);
    }
}

#[test]
fn empty_object_reports_each_missing_top_level_field() {
    let findings = domain::check(&json!({}), &ctx());
    let paths: Vec<&str> = findings.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "/program",
            "/founder",
            "/declaration_truthful",
            "/applicant",
            "/establishments"
        ]
    );
    assert!(findings.iter().all(|f| f.code == codes::REQUIRED));
}

#[test]
fn pointer_tokens_escape_tilde_and_slash() {
    assert_eq!(pointer_child("", "a/b"), "/a~1b");
    assert_eq!(pointer_child("/x", "m~n"), "/x/m~0n");
    assert_eq!(pointer_child("/x", "~/"), "/x/~0~1");
    let doc = json!({"a/b": {"m~n": 1}});
    assert_eq!(
        doc.pointer(&pointer_child(&pointer_child("", "a/b"), "m~n")),
        Some(&json!(1))
    );
}

#[test]
fn unknown_fields_survive_normalise_untouched() {
    let mut doc = example();
    doc["applicant"]["department"] = json!({"phone": "03-1111-2222", "kana": "ソウム"});
    doc["establishments"][0]["business_lines"][0]["extra"] = json!({"total": "１２"});
    doc["future_field"] = json!([1, "２"]);
    let before = doc.clone();
    domain::normalise(&mut doc, &ctx());
    assert_eq!(
        doc["applicant"]["department"],
        before["applicant"]["department"]
    );
    assert_eq!(
        doc["establishments"][0]["business_lines"][0]["extra"],
        before["establishments"][0]["business_lines"][0]["extra"]
    );
    assert_eq!(doc["future_field"], before["future_field"]);
}
