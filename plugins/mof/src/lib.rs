//! 財務省 (Ministry of Finance) plugin: the business types it owns (`catalogue.json`, see
//! `plugins/CATALOGUE.md` for what is certain) and the review rules of its sector.

use plugin_api::{Finding, Review};

plugin_api::ministry_plugin!(Mof, fields: plugin_api::rules::standard_fields("mof"), sector_rules: sector_rules);

/// 財務省: beyond the shared rules (catalogue sub-types, integrated external firms) there is no
/// sector rule yet; add them here with a table-driven test.
fn sector_rules(_review: &Review<'_>) -> Vec<Finding> {
    Vec::new()
}
