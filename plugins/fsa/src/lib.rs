//! 金融庁 (Financial Services Agency) plugin: the business types it owns (`catalogue.json`, see
//! `plugins/CATALOGUE.md` for what is certain) and the review rules of its sector.

use plugin_api::{FieldChoice, FieldKind, FieldScope, FieldSpec, Finding, Review};

plugin_api::ministry_plugin!(Fsa, fields: fields(), sector_rules: sector_rules);

/// The shared fields, and which banking duties a bank's registered staff do.
fn fields() -> Vec<FieldSpec> {
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

    fields
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

#[cfg(test)]
mod tests {
    use super::*;
    use plugin_api::testing::{codes, line_document};
    use serde_json::json;

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
