//! The contract checks: a declaration at install, findings after every review. They work on the
//! crate's plain types (the engine converts what a plugin returns field by field), so they build
//! and can be fuzzed without wasmtime; they never panic on any input.

use std::collections::HashSet;

use serde_json::Value;

use crate::{ArgValue, FieldKind, PluginCatalogue, PluginFailure, PluginFinding};

/// The locales every plugin must ship, by tag: every locale the product speaks.
fn required_locales() -> impl Iterator<Item = &'static str> {
    i18n::Locale::ALL.into_iter().map(i18n::Locale::tag)
}
/// More findings than this from one review is a broken plugin, not a judgement.
pub const MAX_FINDINGS: usize = 100_000;
const MAX_ARGS: usize = 16;
const MAX_ARG_CHARS: usize = 1_000;

/// Most `{` and `(` one entry of a plugin's Fluent resource may hold (the product's own entries
/// hold at most 9). Fluent's parser recurses once per nested placeable `{` or call argument
/// list `(` and has no limit of its own: a resource of some thousand nested braces overflows the
/// stack and aborts the whole process (projectfluent/fluent#284; found by the
/// `plugin_description` fuzz target).
const MAX_OPENERS_PER_ENTRY: usize = 64;

/// The first line (1-based) of an entry of `source` holding more than
/// [`MAX_OPENERS_PER_ENTRY`] `{` and `(`, if any; checked before the source is parsed.
///
/// This bounds the parser's nesting from above whatever the text: within an entry it can nest
/// at most once per `{` or `(`, and it only starts to nest after a line that begins an entry
/// (`id =` or `-id =` at the start of a line). At such a line, and at a comment line (`#`),
/// anything still open is a syntax error that unwinds it, so the count starts again there.
/// String literals, comments and plain text are counted too, which can only overestimate.
fn overly_nested_line(source: &str) -> Option<usize> {
    let mut openers = 0;
    for (index, line) in source.split('\n').enumerate() {
        if starts_entry(line) {
            openers = 0;
        }
        openers += line.bytes().filter(|b| matches!(b, b'{' | b'(')).count();
        if openers > MAX_OPENERS_PER_ENTRY {
            return Some(index + 1);
        }
    }
    None
}

/// A line at which Fluent's parser starts an entry afresh: a comment, or `id =` / `-id =`
/// (identifier `[a-zA-Z][a-zA-Z0-9_-]*`, spaces, `=`).
fn starts_entry(line: &str) -> bool {
    if line.starts_with('#') {
        return true;
    }
    let id = line.strip_prefix('-').unwrap_or(line);
    id.starts_with(|c: char| c.is_ascii_alphabetic())
        && id
            .trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-')
            .trim_start_matches(' ')
            .starts_with('=')
}

fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

/// Checks a declaration as the plugin returned it; returns it as the host's catalogue and the
/// set of its message ids (from `ja`), or why it is refused.
pub fn description(d: PluginCatalogue) -> Result<(PluginCatalogue, HashSet<String>), String> {
    if !is_id(&d.ministry_id) {
        return Err(format!(
            "ministry id {:?} is not lower-case kebab-case",
            d.ministry_id
        ));
    }
    let prefix = format!("{}-", d.ministry_id);
    if d.message_prefix != prefix {
        return Err(format!(
            "message prefix must be {prefix:?}, not {:?}",
            d.message_prefix
        ));
    }
    let parts: Vec<&str> = d.plugin_version.split('.').collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(format!(
            "plugin version {:?} is not MAJOR.MINOR.PATCH",
            d.plugin_version
        ));
    }
    let mut ids_by_locale: Vec<(&str, HashSet<String>)> = Vec::new();
    for (locale, source) in &d.resources {
        if let Some(line) = overly_nested_line(source) {
            return Err(format!(
                "resource {locale}: the entry at line {line} holds more than \
                 {MAX_OPENERS_PER_ENTRY} placeables or calls, too many to parse safely"
            ));
        }
        let ids = i18n::resource_ids(source).map_err(|e| format!("resource {locale}: {e}"))?;
        if let Some(bad) = ids.iter().find(|id| !id.starts_with(&prefix)) {
            return Err(format!(
                "resource {locale}: message id {bad:?} lacks the prefix {prefix:?}"
            ));
        }
        if ids_by_locale.iter().any(|(l, _)| l == locale) {
            return Err(format!("resource {locale} given twice"));
        }
        ids_by_locale.push((locale, ids.into_iter().collect()));
    }
    for locale in required_locales() {
        if !ids_by_locale.iter().any(|(l, _)| *l == locale) {
            let all: Vec<&str> = required_locales().collect();
            return Err(format!(
                "no {locale} resource (every locale is required: {})",
                all.join(", ")
            ));
        }
    }
    let ja: HashSet<String> = ids_by_locale
        .iter()
        .find(|(l, _)| *l == "ja")
        .map(|(_, ids)| ids.clone())
        .unwrap_or_default();
    for (locale, ids) in &ids_by_locale {
        let mut missing: Vec<&String> = ja.iter().filter(|id| !ids.contains(*id)).collect();
        missing.sort();
        if let Some(first) = missing.first() {
            return Err(format!(
                "resource {locale} lacks {} id(s) that ja has, first {first:?}",
                missing.len()
            ));
        }
    }
    let known = |id: &str, what: &str| -> Result<(), String> {
        if ja.contains(id) {
            Ok(())
        } else {
            Err(format!(
                "{what} names message {id:?}, which the ja resource does not define"
            ))
        }
    };
    let mut type_ids = HashSet::new();
    for t in &d.business_types {
        if !is_id(&t.id) || !type_ids.insert(t.id.as_str()) {
            return Err(format!(
                "business type id {:?} is malformed or repeated",
                t.id
            ));
        }
        known(&t.label, &format!("business type {}", t.id))?;
        let mut sub_ids = HashSet::new();
        for s in &t.sub_types {
            if !is_id(&s.id) || !sub_ids.insert(s.id.as_str()) {
                return Err(format!(
                    "sub-type id {:?} of {} is malformed or repeated",
                    s.id, t.id
                ));
            }
            known(&s.label, &format!("sub-type {}", s.id))?;
            known(&s.target_work, &format!("sub-type {}", s.id))?;
            if let Some((allowed_kinds, condition)) = &s.integrated_external {
                for kind in allowed_kinds {
                    known(kind, &format!("sub-type {}", s.id))?;
                }
                known(condition, &format!("sub-type {}", s.id))?;
            }
            let mut two_ids = HashSet::new();
            for (id, label) in &s.sub_types_two {
                if !is_id(id) || !two_ids.insert(id.as_str()) {
                    return Err(format!(
                        "sub-type-2 id {id:?} of {} is malformed or repeated",
                        s.id
                    ));
                }
                known(label, &format!("sub-type-2 {id}"))?;
            }
        }
    }
    let mut field_ids = HashSet::new();
    for f in &d.fields {
        if !is_id(&f.id.replace('_', "-")) || !field_ids.insert(f.id.as_str()) {
            return Err(format!("field id {:?} is malformed or repeated", f.id));
        }
        known(&f.label, &format!("field {}", f.id))?;
        if let Some(help) = &f.help {
            known(help, &format!("field {}", f.id))?;
        }
        if (f.kind == FieldKind::Choice) == f.choices.is_empty() {
            return Err(format!(
                "field {}: choices are required for, and only for, choice fields",
                f.id
            ));
        }
        if let (Some(min), Some(max)) = (f.min, f.max)
            && (min.is_nan() || max.is_nan() || min > max)
        {
            return Err(format!("field {}: min above max", f.id));
        }
        if let Some(pattern) = &f.pattern {
            if pattern.len() > 500 {
                return Err(format!("field {}: pattern longer than 500 bytes", f.id));
            }
            regex::RegexBuilder::new(&format!("^(?:{pattern})$"))
                .size_limit(1 << 20)
                .build()
                .map_err(|e| format!("field {}: pattern does not compile: {e}", f.id))?;
        }
        for (_, label) in &f.choices {
            known(label, &format!("field {}", f.id))?;
        }
        if let Some(unowned) = f
            .business_types
            .iter()
            .find(|t| !type_ids.contains(t.as_str()))
        {
            return Err(format!(
                "field {} applies to {unowned:?}, which the plugin does not own",
                f.id
            ));
        }
    }
    Ok((d, ja))
}

/// The failure of a review that returned more than [`MAX_FINDINGS`] findings.
pub(crate) fn too_many_findings(count: usize) -> PluginFailure {
    PluginFailure::BadOutput(format!("{count} findings (limit {MAX_FINDINGS})"))
}

/// Checks a review's findings, as the plugin returned them, against the contract: each message
/// id one of the plugin's own (`message_ids`, from [`description`]), each path one the plugin
/// was shown in `document`, bounded arguments.
pub fn findings(
    findings: Vec<PluginFinding>,
    message_ids: &HashSet<String>,
    document: &Value,
) -> Result<Vec<PluginFinding>, PluginFailure> {
    if findings.len() > MAX_FINDINGS {
        return Err(too_many_findings(findings.len()));
    }
    for f in &findings {
        if !message_ids.contains(&f.message_id) {
            return Err(PluginFailure::BadOutput(format!(
                "message id {:?} is not one of the plugin's own",
                f.message_id
            )));
        }
        if !path_is_visible(document, &f.path) {
            return Err(PluginFailure::BadOutput(format!(
                "path {:?} does not exist in the document it was given",
                f.path
            )));
        }
        if f.args.len() > MAX_ARGS {
            return Err(PluginFailure::BadOutput(format!(
                "{} message arguments (limit {MAX_ARGS})",
                f.args.len()
            )));
        }
        for (name, value) in &f.args {
            if let ArgValue::Text(t) = value
                && t.chars().count() > MAX_ARG_CHARS
            {
                return Err(PluginFailure::BadOutput(format!(
                    "argument {name} is too long"
                )));
            }
        }
    }
    Ok(findings)
}

/// A finding's path must point at something the plugin was shown: an existing value that is not
/// a hidden (null) array element, or an absent member of an existing object (a missing field).
fn path_is_visible(document: &Value, path: &str) -> bool {
    if path.is_empty() {
        return true;
    }
    if !path.starts_with('/') {
        return false;
    }
    let Some((parent_path, _)) = path.rsplit_once('/') else {
        return false;
    };
    let parent = if parent_path.is_empty() {
        Some(document)
    } else {
        document.pointer(parent_path)
    };
    match (parent, document.pointer(path)) {
        (Some(Value::Array(_)), Some(Value::Null)) => false,
        (Some(Value::Object(_) | Value::Array(_)), Some(_)) => true,
        (Some(Value::Object(_)), None) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{CatalogueBusinessType, CatalogueSubType};
    use serde_json::json;

    const TAGS: [&str; 7] = ["ja", "en", "zh-Hans", "ko", "vi", "pt-BR", "ja-x-easy"];

    /// A minimal valid declaration: one type, one sub-type, every locale.
    fn declaration(resources: Vec<(&str, String)>) -> PluginCatalogue {
        PluginCatalogue {
            ministry_id: "demo".to_owned(),
            plugin_version: "1.0.0".to_owned(),
            message_prefix: "demo-".to_owned(),
            business_types: vec![CatalogueBusinessType {
                id: "rail".to_owned(),
                label: "demo-bt-rail".to_owned(),
                industrial_physician_exempt: false,
                sub_types: vec![CatalogueSubType {
                    id: "main".to_owned(),
                    label: "demo-st-rail--main".to_owned(),
                    target_work: "demo-tw-rail--main".to_owned(),
                    integrated_external: None,
                    sub_types_two: Vec::new(),
                }],
            }],
            fields: Vec::new(),
            resources: resources
                .into_iter()
                .map(|(locale, source)| (locale.to_owned(), source))
                .collect(),
        }
    }

    fn source(locale: &str) -> String {
        format!(
            "demo-bt-rail = Rail {locale}\ndemo-st-rail--main = Main {locale}\ndemo-tw-rail--main = Work {locale}\n"
        )
    }

    fn every_locale() -> Vec<(&'static str, String)> {
        TAGS.iter().map(|l| (*l, source(l))).collect()
    }

    #[test]
    fn the_required_locales_are_the_products_and_the_sdks() {
        assert_eq!(required_locales().collect::<Vec<_>>(), TAGS);
        assert_eq!(plugin_api::LOCALES, TAGS);
    }

    #[test]
    fn a_declaration_in_every_locale_installs() {
        let (catalogue, ids) = description(declaration(every_locale())).expect("valid");
        assert_eq!(catalogue.resources.len(), TAGS.len());
        assert!(ids.contains("demo-bt-rail"));
    }

    #[test]
    fn every_locale_is_required() {
        for missing in TAGS {
            let resources = every_locale()
                .into_iter()
                .filter(|(l, _)| *l != missing)
                .collect();
            let err = description(declaration(resources)).expect_err("a locale is missing");
            assert!(
                err.starts_with(&format!("no {missing} resource (every locale is required: ja, en, zh-Hans, ko, vi, pt-BR, ja-x-easy)")),
                "{err}"
            );
        }
    }

    #[test]
    fn every_locale_needs_every_id_of_japanese() {
        let mut resources = every_locale();
        resources[4].1 = "demo-bt-rail = Đường sắt\n".to_owned();
        assert_eq!(
            description(declaration(resources)).map(|_| ()),
            Err("resource vi lacks 2 id(s) that ja has, first \"demo-st-rail--main\"".to_owned())
        );
    }

    #[test]
    fn an_id_outside_the_prefix_is_refused_in_any_locale() {
        let mut resources = every_locale();
        resources[6].1.push_str("core-approved = 承認\n");
        assert_eq!(
            description(declaration(resources)).map(|_| ()),
            Err(
                "resource ja-x-easy: message id \"core-approved\" lacks the prefix \"demo-\""
                    .to_owned()
            )
        );
    }

    #[test]
    fn a_locale_given_twice_or_broken_is_refused() {
        let mut twice = every_locale();
        twice.push(("ko", source("ko")));
        assert_eq!(
            description(declaration(twice)).map(|_| ()),
            Err("resource ko given twice".to_owned())
        );
        let mut broken = every_locale();
        broken[2].1 = "demo-bt-rail = {".to_owned();
        let err = description(declaration(broken)).expect_err("does not parse");
        assert!(err.starts_with("resource zh-Hans: "), "{err}");
    }

    /// Found by the `plugin_description` fuzz target: nested placeables overflowed the stack
    /// in Fluent's parser and killed the process; they are refused before parsing.
    #[test]
    fn deeply_nested_placeables_are_refused_before_parsing() {
        let nested = |opener: &str, depth: usize| {
            let mut resources = every_locale();
            resources[3].1.push_str(&format!(
                "demo-deep = {}$x{}\n",
                opener.repeat(depth),
                " }".repeat(depth)
            ));
            description(declaration(resources)).map(|_| ())
        };
        let refused = Err(
            "resource ko: the entry at line 4 holds more than 64 placeables or calls, too many to parse safely"
                .to_owned(),
        );
        assert_eq!(nested("{ ", 100_000), refused);
        assert_eq!(nested("{ NUMBER(", 50_000), refused);
        assert_eq!(nested("{ ", 65), refused);
        // At the limit it parses, on a test thread's stack.
        assert_eq!(nested("{ ", 64), Ok(()));
    }

    #[test]
    fn the_nesting_count_starts_again_at_each_entry() {
        let many = |id: &str| format!("{id} = {}$x{}\n", "{ ".repeat(40), " }".repeat(40));
        let source = format!("{}# a comment {{ (\n{}", many("demo-a"), many("-demo-b"));
        assert_eq!(overly_nested_line(&source), None);
        // Unindented lines that do not start an entry continue it (here: inside a placeable).
        let spread = format!("demo-a = {}\n{}\n$x\n", "{ ".repeat(40), "{ ".repeat(40));
        assert_eq!(overly_nested_line(&spread), Some(2));
        assert!(starts_entry("demo-a = x"));
        assert!(starts_entry("-term_1   =x"));
        assert!(starts_entry("# comment"));
        assert!(!starts_entry("  demo-a = x"));
        assert!(!starts_entry("NUMBER(1) = x"));
        assert!(!starts_entry("{ $x }"));
        assert!(!starts_entry("1a = x"));
    }

    #[test]
    fn paths_must_point_at_what_the_plugin_was_shown() {
        let doc = json!({
            "applicant": { "name": "x", "fax": null },
            "establishments": [null, { "business_lines": [null, { "extra": {} }] }]
        });
        let cases = [
            ("", true),
            ("/applicant/name", true),
            ("/applicant/fax", true),
            ("/applicant/missing_field", true),
            ("/establishments/1/business_lines/1/extra/permit", true),
            ("/establishments/0", false),
            ("/establishments/0/name", false),
            ("/establishments/1/business_lines/0", false),
            ("/establishments/1/business_lines/0/note", false),
            ("/establishments/7", false),
            ("applicant/name", false),
            ("/nope/deeper", false),
        ];
        for (path, visible) in cases {
            assert_eq!(path_is_visible(&doc, path), visible, "{path}");
        }
    }
}
