//! 厚生労働省 (Ministry of Health, Labour and Welfare) plugin: the business types it owns (`catalogue.json`, see
//! `plugins/CATALOGUE.md` for what is certain) and the review rules of its sector.

use plugin_api::catalogue;
use plugin_api::{Description, Finding, Plugin, Review};

const CATALOGUE_JSON: &str = include_str!("../catalogue.json");

include!(concat!(env!("OUT_DIR"), "/catalogue_rules.rs"));
const MESSAGES_JA: &str = include_str!("../locales/ja.ftl");
const MESSAGES_EN: &str = include_str!("../locales/en.ftl");

/// The Ministry of Health, Labour and Welfare plugin.
#[derive(Debug)]
pub struct Mhlw;

impl Plugin for Mhlw {
    fn describe() -> Description {
        let fields = plugin_api::rules::standard_fields("mhlw");
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

/// 厚生労働省: beyond the standard rules (catalogue sub-types, integrated external firms) there is no
/// sector rule yet; add them here with a table-driven test.
fn sector_rules(_review: &Review<'_>) -> Vec<Finding> {
    Vec::new()
}

plugin_api::export_plugin!(Mhlw);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passes_the_standard_plugin_suite() {
        plugin_api::testing::standard_suite::<Mhlw>(&CATALOGUE);
    }
}
