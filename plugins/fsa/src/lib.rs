//! 金融庁 (Financial Services Agency) plugin: the business types it owns (`catalogue.json`, see
//! `plugins/CATALOGUE.md` for what is certain) and the review rules of its sector.

use plugin_api::catalogue;
use plugin_api::{
    Description, FieldChoice, FieldKind, FieldScope, FieldSpec, Finding, Plugin, Review,
};

const CATALOGUE_JSON: &str = include_str!("../catalogue.json");

include!(concat!(env!("OUT_DIR"), "/catalogue_rules.rs"));
const MESSAGES_JA: &str = include_str!("../locales/ja.ftl");
const MESSAGES_EN: &str = include_str!("../locales/en.ftl");

/// The Financial Services Agency plugin.
#[derive(Debug)]
pub struct Fsa;

impl Plugin for Fsa {
    fn describe() -> Description {
        let mut fields = plugin_api::rules::standard_fields("fsa");
        fields.push(FieldSpec {
            id: BANK_DUTIES.to_owned(),
            scope: FieldScope::BusinessLine,
            kind: FieldKind::Choice,
            required: false,
            label: "fsa-bank-duties".to_owned(),
            help: Some("fsa-bank-duties-help".to_owned()),
            min: None,
            max: None,
            max_length: None,
            pattern: None,
            choices: ["deposits", "lending", "settlement", "cash-supply"]
                .iter()
                .map(|value| FieldChoice {
                    value: (*value).to_owned(),
                    label: format!("fsa-bank-duty-{value}"),
                })
                .collect(),
            business_types: vec!["banking".to_owned()],
        });
        catalogue::describe(
            CATALOGUE_JSON,
            env!("CARGO_PKG_VERSION"),
            &[("ja", MESSAGES_JA), ("en", MESSAGES_EN)],
            fields,
        )
        .expect("catalogue.json is valid: checked by this crate's tests")
    }

    fn review(review: &Review<'_>) -> Vec<Finding> {
        let mut findings = plugin_api::rules::standard(review, &CATALOGUE);
        findings.extend(sector_rules(review));
        findings
    }
}

/// The business-line field naming the banking duties (銀行業務) the registered staff do.
const BANK_DUTIES: &str = "bank_duties";

/// Banking duties belong to 銀行業 only; a bank with registered staff should say which duties.
fn sector_rules(review: &Review<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    for line in review.lines() {
        let duties = line.extra(BANK_DUTIES).filter(|v| !v.is_null());
        let is_bank = line.business_type() == "banking";
        match (is_bank, duties) {
            (false, Some(_)) => findings.push(Finding::error(
                line.extra_path(BANK_DUTIES),
                "fsa-bank-duties-only-banking",
            )),
            (true, None) if line.registered_staff_own() + line.registered_staff_external() > 0 => {
                findings.push(Finding::warning(
                    line.extra_path(BANK_DUTIES),
                    "fsa-bank-duties-missing",
                ));
            }
            _ => {}
        }
    }
    findings
}

plugin_api::export_plugin!(Fsa);

#[cfg(test)]
mod tests {
    use super::*;
    use plugin_api::testing::{codes, line_document};
    use serde_json::json;

    #[test]
    fn passes_the_standard_plugin_suite() {
        plugin_api::testing::standard_suite::<Fsa>(&CATALOGUE);
    }

    #[test]
    fn banking_duties_belong_to_banks_only() {
        let catalogue = CATALOGUE;
        let bank = line_document(
            &catalogue,
            "banking",
            "banks",
            json!({ "bank_duties": "deposits" }),
        );
        assert!(codes::<Fsa>(&bank).is_empty(), "{:?}", codes::<Fsa>(&bank));
        let bank_without = line_document(&catalogue, "banking", "banks", json!({}));
        assert_eq!(codes::<Fsa>(&bank_without), ["fsa-bank-duties-missing"]);
        let sub = catalogue
            .types
            .iter()
            .find(|t| t.id == "cooperative-finance")
            .and_then(|t| t.sub_types.first())
            .map(|s| s.id)
            .unwrap_or_default();
        let cooperative = line_document(
            &catalogue,
            "cooperative-finance",
            sub,
            json!({ "bank_duties": "lending" }),
        );
        assert_eq!(codes::<Fsa>(&cooperative), ["fsa-bank-duties-only-banking"]);
    }
}
