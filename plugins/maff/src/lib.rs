//! 農林水産省 (MAFF) plugin: toolchain probe, replaced by the catalogue-driven plugin.

use plugin_api::{Description, Finding, Plugin, Review};

/// The MAFF plugin.
#[derive(Debug)]
pub struct Maff;

impl Plugin for Maff {
    fn describe() -> Description {
        Description {
            ministry_id: "maff".to_owned(),
            plugin_version: env!("CARGO_PKG_VERSION").to_owned(),
            message_prefix: "maff-".to_owned(),
            business_types: Vec::new(),
            fields: Vec::new(),
            resources: Vec::new(),
        }
    }

    fn review(review: &Review<'_>) -> Vec<Finding> {
        review
            .lines()
            .filter(|line| line.registered_staff_own() == 0)
            .map(|line| Finding::warning(line.path("registered_staff_own"), "maff-zero"))
            .collect()
    }
}

plugin_api::export_plugin!(Maff);
