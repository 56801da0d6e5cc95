//! 環境省 (Ministry of the Environment) plugin: the business types it owns (`catalogue.json`, see
//! `plugins/CATALOGUE.md` for what is certain) and the review rules of its sector.

use plugin_api::catalogue;
use plugin_api::{Description, Finding, Plugin, Review};

const CATALOGUE_JSON: &str = include_str!("../catalogue.json");

include!(concat!(env!("OUT_DIR"), "/catalogue_rules.rs"));
const MESSAGES_JA: &str = include_str!("../locales/ja.ftl");
const MESSAGES_EN: &str = include_str!("../locales/en.ftl");

/// The Ministry of the Environment plugin.
#[derive(Debug)]
pub struct Env;

impl Plugin for Env {
    fn describe() -> Description {
        let fields = plugin_api::rules::standard_fields("env");
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

/// 環境省: beyond the standard rules (catalogue sub-types, integrated external firms) there is no
/// sector rule yet; add them here with a table-driven test.
fn sector_rules(_review: &Review<'_>) -> Vec<Finding> {
    Vec::new()
}

plugin_api::export_plugin!(Env);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passes_the_standard_plugin_suite() {
        plugin_api::testing::standard_suite::<Env>(&CATALOGUE);
    }
}
