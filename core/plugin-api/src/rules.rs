//! Rules every ministry applies to its own lines, written once: the sub-types must be the
//! catalogue's, and external staff not stationed at the applicant count only for the
//! 一体型外部事業者 cases. Their messages are generated into every plugin's resources
//! ([`MESSAGES_JA`], [`MESSAGES_EN`]) under its prefix.

use crate::catalogue::Catalogue;
use crate::{Finding, Review};

/// The extra business-line field (boolean) in which an applicant says its external staff are
/// not stationed at the establishment.
pub const EXTERNAL_NOT_STATIONED: &str = "external_not_stationed";

/// Generic messages (ids without the prefix), Japanese.
pub const MESSAGES_JA: &[(&str, &str)] = &[
    (
        "sub-type-unknown",
        "事業の種類の細目①「{ $sub_type }」は、この事業の種類にはありません。一覧から選んでください。",
    ),
    (
        "sub-type-2-unknown",
        "事業の種類の細目②「{ $sub_type_2 }」は、この細目①にはありません。一覧から選んでください。",
    ),
    (
        "sub-type-2-required",
        "この細目①では、事業の種類の細目②を一覧から選んでください。",
    ),
    (
        "sub-type-2-not-applicable",
        "この細目①には事業の種類の細目②はありません（未選択のままにしてください）。",
    ),
    (
        "external-not-stationed-not-allowed",
        "常駐していない外部事業者の従業者を計上できるのは、一体型外部事業者（水先・タグ、長期契約の倉庫・港湾運送・貨物利用運送など）に当たる場合だけです。",
    ),
    (
        "external-not-stationed-field",
        "外部事業者の従業者は事業所に常駐していない",
    ),
];

/// Generic messages (ids without the prefix), English.
pub const MESSAGES_EN: &[(&str, &str)] = &[
    (
        "sub-type-unknown",
        "Sub-type 1 \"{ $sub_type }\" does not belong to this business type. Choose one from the list.",
    ),
    (
        "sub-type-2-unknown",
        "Sub-type 2 \"{ $sub_type_2 }\" does not belong to this sub-type 1. Choose one from the list.",
    ),
    (
        "sub-type-2-required",
        "For this sub-type 1, choose a sub-type 2 from the list.",
    ),
    (
        "sub-type-2-not-applicable",
        "This sub-type 1 has no sub-type 2; leave it unselected.",
    ),
    (
        "external-not-stationed-not-allowed",
        "External staff who are not stationed at the applicant count only for integrated external firms (pilots and tugs, or warehouse, port transport and forwarding firms under long-term contract).",
    ),
    (
        "external-not-stationed-field",
        "External staff are not stationed at the establishment",
    ),
];

/// The standard rules on every line the plugin owns.
pub fn standard(review: &Review<'_>, catalogue: &Catalogue) -> Vec<Finding> {
    let p = format!("{}-", catalogue.ministry_id);
    let mut findings = Vec::new();
    for line in review.lines() {
        if !catalogue.has_type(line.business_type()) {
            continue;
        }
        let Some(sub_type) = catalogue.sub_type(line.business_type(), line.sub_type_1()) else {
            findings.push(
                Finding::error(line.path("sub_type_1"), format!("{p}sub-type-unknown"))
                    .text("sub_type", line.sub_type_1()),
            );
            continue;
        };
        let twos = sub_type.sub_types_2;
        match (line.sub_type_2(), twos.is_empty()) {
            (None, false) => findings.push(Finding::error(
                line.path("sub_type_2"),
                format!("{p}sub-type-2-required"),
            )),
            (Some(_), true) => findings.push(Finding::error(
                line.path("sub_type_2"),
                format!("{p}sub-type-2-not-applicable"),
            )),
            (Some(two), false) if !twos.contains(&two) => findings.push(
                Finding::error(line.path("sub_type_2"), format!("{p}sub-type-2-unknown"))
                    .text("sub_type_2", two),
            ),
            _ => {}
        }
        let not_stationed = line
            .extra(EXTERNAL_NOT_STATIONED)
            .and_then(serde_json::Value::as_bool)
            == Some(true);
        if not_stationed
            && line.registered_staff_external() > 0
            && !catalogue.allows_integrated_external(line.business_type(), line.sub_type_1())
        {
            findings.push(Finding::error(
                line.extra_path(EXTERNAL_NOT_STATIONED),
                format!("{p}external-not-stationed-not-allowed"),
            ));
        }
    }
    findings
}

/// The extra fields every plugin declares for its lines.
pub fn standard_fields(ministry_id: &str) -> Vec<crate::FieldSpec> {
    vec![crate::FieldSpec {
        id: EXTERNAL_NOT_STATIONED.to_owned(),
        scope: crate::FieldScope::BusinessLine,
        kind: crate::FieldKind::Boolean,
        required: false,
        label: format!("{ministry_id}-external-not-stationed-field"),
        help: None,
        min: None,
        max: None,
        max_length: None,
        pattern: None,
        choices: Vec::new(),
        business_types: Vec::new(),
    }]
}
