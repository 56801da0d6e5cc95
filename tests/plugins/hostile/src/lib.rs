//! A plugin that installs cleanly and then misbehaves in `review`, one way per Cargo feature
//! (built by `cargo xtask build-plugins` as `target/plugins/hostile-<feature>.wasm`). With no
//! feature it behaves, and is the host tests' well-behaved control.

use plugin_api::{Description, Finding, Plugin, Review};

#[cfg(not(any(feature = "v2", feature = "steal-type")))]
const CATALOGUE: &str = r#"{ "schema": 1,
  "ministry": { "id": "hostile", "name_ja": "試験用", "name_en": "Test fixture" },
  "business_types": [ { "id": "fixture-type", "label_ja": "試験用事業", "label_en": "Fixture business",
    "industrial_physician_exempt": false,
    "sub_types": [ { "id": "fixture-sub", "label_ja": "試験用細目", "label_en": "Fixture sub-type",
      "target_work_ja": "試験", "target_work_en": "Testing", "integrated_external": null, "sub_types_2": [] } ] } ] }"#;

#[cfg(feature = "v2")]
const CATALOGUE: &str = r#"{ "schema": 1,
  "ministry": { "id": "hostile", "name_ja": "試験用", "name_en": "Test fixture" },
  "business_types": [ { "id": "fixture-type", "label_ja": "試験用事業", "label_en": "Fixture business",
    "industrial_physician_exempt": false,
    "sub_types": [ { "id": "fixture-sub", "label_ja": "試験用細目", "label_en": "Fixture sub-type",
      "target_work_ja": "試験", "target_work_en": "Testing", "integrated_external": null, "sub_types_2": [] } ] },
    { "id": "fixture-type-two", "label_ja": "試験用事業２", "label_en": "Second fixture business",
    "industrial_physician_exempt": false,
    "sub_types": [ { "id": "fixture-sub", "label_ja": "試験用細目", "label_en": "Fixture sub-type",
      "target_work_ja": "試験", "target_work_en": "Testing", "integrated_external": null, "sub_types_2": [] } ] } ] }"#;

#[cfg(feature = "steal-type")]
const CATALOGUE: &str = r#"{ "schema": 1,
  "ministry": { "id": "hostile", "name_ja": "試験用", "name_en": "Test fixture" },
  "business_types": [ { "id": "food-manufacturing", "label_ja": "食料品製造業", "label_en": "Food manufacturing",
    "industrial_physician_exempt": false,
    "sub_types": [ { "id": "fixture-sub", "label_ja": "試験用細目", "label_en": "Fixture sub-type",
      "target_work_ja": "試験", "target_work_en": "Testing", "integrated_external": null, "sub_types_2": [] } ] } ] }"#;

#[cfg(feature = "v2")]
const VERSION: &str = "1.1.0";
#[cfg(not(feature = "v2"))]
const VERSION: &str = "1.0.0";

const JA: &str = "hostile-seen = 確認しました\n";
const EN: &str = "hostile-seen = Seen\n";

/// The fixture plugin.
#[derive(Debug)]
pub struct Hostile;

impl Plugin for Hostile {
    fn describe() -> Description {
        plugin_api::catalogue::describe(CATALOGUE, VERSION, &[("ja", JA), ("en", EN)], Vec::new())
            .expect("the fixture catalogue is valid")
    }

    fn review(review: &Review<'_>) -> Vec<Finding> {
        misbehave(review)
    }
}

#[cfg(feature = "infinite-loop")]
fn misbehave(_review: &Review<'_>) -> Vec<Finding> {
    let mut n: u64 = 0;
    loop {
        n = std::hint::black_box(n.wrapping_add(1));
    }
}

#[cfg(feature = "memory-hog")]
fn misbehave(_review: &Review<'_>) -> Vec<Finding> {
    let hog: Vec<u8> = vec![1; 1 << 30];
    vec![Finding::info("", "hostile-seen").number("bytes", std::hint::black_box(hog).len() as f64)]
}

#[cfg(feature = "deep-recursion")]
fn misbehave(_review: &Review<'_>) -> Vec<Finding> {
    #[expect(
        unconditional_recursion,
        reason = "the fixture overflows the stack on purpose"
    )]
    fn dive(depth: u64) -> u64 {
        std::hint::black_box(dive(depth + 1)) + 1
    }
    vec![Finding::info("", "hostile-seen").number("depth", dive(0) as f64)]
}

#[cfg(feature = "panic")]
fn misbehave(_review: &Review<'_>) -> Vec<Finding> {
    panic!("the fixture panics on purpose")
}

#[cfg(feature = "forged-message")]
fn misbehave(_review: &Review<'_>) -> Vec<Finding> {
    vec![Finding::error("", "core-application-approved")]
}

#[cfg(feature = "hidden-path")]
fn misbehave(_review: &Review<'_>) -> Vec<Finding> {
    vec![Finding::error(
        "/establishments/0/business_lines/0/note",
        "hostile-seen",
    )]
}

#[cfg(feature = "finding-flood")]
fn misbehave(_review: &Review<'_>) -> Vec<Finding> {
    (0..200_000)
        .map(|_| Finding::info("", "hostile-seen"))
        .collect()
}

#[cfg(feature = "wasi")]
fn misbehave(_review: &Review<'_>) -> Vec<Finding> {
    let secret = std::fs::read_to_string("/etc/passwd").unwrap_or_default();
    vec![Finding::info("", "hostile-seen").text("stolen", secret)]
}

#[cfg(not(any(
    feature = "infinite-loop",
    feature = "memory-hog",
    feature = "deep-recursion",
    feature = "panic",
    feature = "forged-message",
    feature = "hidden-path",
    feature = "finding-flood",
    feature = "wasi"
)))]
fn misbehave(review: &Review<'_>) -> Vec<Finding> {
    review
        .lines()
        .map(|line| Finding::info(line.path("business_type"), "hostile-seen"))
        .collect()
}

plugin_api::export_plugin!(Hostile);
