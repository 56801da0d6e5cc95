//! A plugin that installs cleanly and then misbehaves in `review`, one way per Cargo feature
//! (built by `cargo xtask build-plugins` as `target/plugins/hostile-<feature>.wasm`). With no
//! feature it behaves, and is the host tests' well-behaved control.

use plugin_api::{Description, Finding, Plugin, Review};

/// A `*_i18n` object: the same fixture text in every locale beyond ja and en.
macro_rules! i18n {
    ($text:literal) => {
        concat!(
            r#"{ "zh-Hans": ""#,
            $text,
            r#"", "ko": ""#,
            $text,
            r#"", "vi": ""#,
            $text,
            r#"", "pt-BR": ""#,
            $text,
            r#"", "ja-x-easy": ""#,
            $text,
            r#"" }"#
        )
    };
}

/// A business type of the fixture with its one sub-type.
macro_rules! fixture_type {
    ($id:literal, $ja:literal, $en:literal) => {
        concat!(
            r#"{ "id": ""#, $id, r#"", "label_ja": ""#, $ja, r#"", "label_en": ""#, $en,
            r#"", "label_i18n": "#, i18n!($en), r#", "industrial_physician_exempt": false,
    "sub_types": [ { "id": "fixture-sub", "label_ja": "試験用細目", "label_en": "Fixture sub-type",
      "label_i18n": "#, i18n!("Fixture sub-type"), r#",
      "target_work_ja": "試験", "target_work_en": "Testing", "target_work_i18n": "#, i18n!("Testing"), r#",
      "integrated_external": null, "sub_types_2": [] } ] }"#
        )
    };
}

/// The fixture catalogue around its business types.
macro_rules! catalogue {
    ($($type:expr),+) => {
        concat!(
            r#"{ "schema": 2,
  "ministry": { "id": "hostile", "name_ja": "試験用", "name_en": "Test fixture", "name_i18n": "#,
            i18n!("Test fixture"), r#" },
  "business_types": [ "#, $($type, " "),+, "] }"
        )
    };
}

#[cfg(not(any(feature = "v2", feature = "steal-type")))]
const CATALOGUE: &str = catalogue!(fixture_type!(
    "fixture-type",
    "試験用事業",
    "Fixture business"
));

#[cfg(feature = "v2")]
const CATALOGUE: &str = catalogue!(
    fixture_type!("fixture-type", "試験用事業", "Fixture business"),
    ",",
    fixture_type!(
        "fixture-type-two",
        "試験用事業２",
        "Second fixture business"
    )
);

#[cfg(feature = "steal-type")]
const CATALOGUE: &str = catalogue!(fixture_type!(
    "food-manufacturing",
    "食料品製造業",
    "Food manufacturing"
));

#[cfg(feature = "v2")]
const VERSION: &str = "1.1.0";
#[cfg(not(feature = "v2"))]
const VERSION: &str = "1.0.0";

/// The fixture's own message in every locale.
const MESSAGES: [(&str, &str); 7] = [
    ("ja", "hostile-seen = 確認しました\n"),
    ("en", "hostile-seen = Seen\n"),
    ("zh-Hans", "hostile-seen = 已确认\n"),
    ("ko", "hostile-seen = 확인했습니다\n"),
    ("vi", "hostile-seen = Đã xem\n"),
    ("pt-BR", "hostile-seen = Visto\n"),
    ("ja-x-easy", "hostile-seen = 見ました\n"),
];

/// The fixture plugin.
#[derive(Debug)]
pub struct Hostile;

impl Plugin for Hostile {
    fn describe() -> Description {
        plugin_api::catalogue::describe(CATALOGUE, VERSION, &MESSAGES, Vec::new())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fixture_declares_itself_in_every_locale() {
        let description = Hostile::describe();
        let locales: Vec<&str> = description
            .resources
            .iter()
            .map(|r| r.locale.as_str())
            .collect();
        assert_eq!(locales, plugin_api::LOCALES);
        for resource in &description.resources {
            assert!(
                resource.source.contains("hostile-seen = "),
                "{}",
                resource.locale
            );
            assert!(
                resource.source.contains("hostile-bt-"),
                "{}",
                resource.locale
            );
        }
    }
}
