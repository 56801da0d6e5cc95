//! The contract checks: a declaration at install, findings after every review.

use std::collections::HashSet;

use serde_json::Value;

use crate::bindings::toroku::plugin::types as wit;
use crate::{
    ArgValue, CatalogueBusinessType, CatalogueField, CatalogueSubType, FieldKind, FieldScope,
    LoadedPlugin, PluginCatalogue, PluginFailure, PluginFinding, Severity,
};

/// The locales every plugin must ship, by tag: every locale the product speaks.
fn required_locales() -> impl Iterator<Item = &'static str> {
    i18n::Locale::ALL.into_iter().map(i18n::Locale::tag)
}
/// More findings than this from one review is a broken plugin, not a judgement.
const MAX_FINDINGS: usize = 100_000;
const MAX_ARGS: usize = 16;
const MAX_ARG_CHARS: usize = 1_000;

fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

/// Checks a declaration; returns the host's catalogue and the set of message ids (from `ja`).
pub(crate) fn description(
    d: wit::Description,
) -> Result<(PluginCatalogue, HashSet<String>), String> {
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
    let mut ids_by_locale: Vec<(String, HashSet<String>)> = Vec::new();
    for resource in &d.resources {
        let ids = i18n::resource_ids(&resource.source)
            .map_err(|e| format!("resource {}: {e}", resource.locale))?;
        if let Some(bad) = ids.iter().find(|id| !id.starts_with(&prefix)) {
            return Err(format!(
                "resource {}: message id {bad:?} lacks the prefix {prefix:?}",
                resource.locale
            ));
        }
        if ids_by_locale.iter().any(|(l, _)| *l == resource.locale) {
            return Err(format!("resource {} given twice", resource.locale));
        }
        ids_by_locale.push((resource.locale.clone(), ids.into_iter().collect()));
    }
    for locale in required_locales() {
        if !ids_by_locale.iter().any(|(l, _)| l == locale) {
            let all: Vec<&str> = required_locales().collect();
            return Err(format!(
                "no {locale} resource (every locale is required: {})",
                all.join(", ")
            ));
        }
    }
    let ja: HashSet<String> = ids_by_locale
        .iter()
        .find(|(l, _)| l == "ja")
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
    let mut business_types = Vec::new();
    for t in d.business_types {
        if !is_id(&t.id) || !type_ids.insert(t.id.clone()) {
            return Err(format!(
                "business type id {:?} is malformed or repeated",
                t.id
            ));
        }
        known(&t.label, &format!("business type {}", t.id))?;
        let mut sub_ids = HashSet::new();
        let mut sub_types = Vec::new();
        for s in t.sub_types {
            if !is_id(&s.id) || !sub_ids.insert(s.id.clone()) {
                return Err(format!(
                    "sub-type id {:?} of {} is malformed or repeated",
                    s.id, t.id
                ));
            }
            known(&s.label, &format!("sub-type {}", s.id))?;
            known(&s.target_work, &format!("sub-type {}", s.id))?;
            let integrated_external = match s.integrated_external {
                Some(ie) => {
                    for kind in &ie.allowed_kinds {
                        known(kind, &format!("sub-type {}", s.id))?;
                    }
                    known(&ie.condition, &format!("sub-type {}", s.id))?;
                    Some((ie.allowed_kinds, ie.condition))
                }
                None => None,
            };
            let mut two_ids = HashSet::new();
            let mut sub_types_two = Vec::new();
            for two in s.sub_types_two {
                if !is_id(&two.id) || !two_ids.insert(two.id.clone()) {
                    return Err(format!(
                        "sub-type-2 id {:?} of {} is malformed or repeated",
                        two.id, s.id
                    ));
                }
                known(&two.label, &format!("sub-type-2 {}", two.id))?;
                sub_types_two.push((two.id, two.label));
            }
            sub_types.push(CatalogueSubType {
                id: s.id,
                label: s.label,
                target_work: s.target_work,
                integrated_external,
                sub_types_two,
            });
        }
        business_types.push(CatalogueBusinessType {
            id: t.id,
            label: t.label,
            industrial_physician_exempt: t.industrial_physician_exempt,
            sub_types,
        });
    }
    let mut field_ids = HashSet::new();
    let mut fields = Vec::new();
    for f in d.fields {
        if !is_id(&f.id.replace('_', "-")) || !field_ids.insert(f.id.clone()) {
            return Err(format!("field id {:?} is malformed or repeated", f.id));
        }
        known(&f.label, &format!("field {}", f.id))?;
        if let Some(help) = &f.help {
            known(help, &format!("field {}", f.id))?;
        }
        let kind = match f.kind {
            wit::FieldKind::Text => FieldKind::Text,
            wit::FieldKind::Integer => FieldKind::Integer,
            wit::FieldKind::Decimal => FieldKind::Decimal,
            wit::FieldKind::Boolean => FieldKind::Boolean,
            wit::FieldKind::Choice => FieldKind::Choice,
        };
        if (kind == FieldKind::Choice) == f.choices.is_empty() {
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
        for choice in &f.choices {
            known(&choice.label, &format!("field {}", f.id))?;
        }
        if let Some(unowned) = f.business_types.iter().find(|t| !type_ids.contains(*t)) {
            return Err(format!(
                "field {} applies to {unowned:?}, which the plugin does not own",
                f.id
            ));
        }
        fields.push(CatalogueField {
            id: f.id,
            scope: match f.scope {
                wit::FieldScope::Application => FieldScope::Application,
                wit::FieldScope::BusinessLine => FieldScope::BusinessLine,
            },
            kind,
            required: f.required,
            label: f.label,
            help: f.help,
            min: f.min,
            max: f.max,
            max_length: f.max_length,
            pattern: f.pattern,
            choices: f.choices.into_iter().map(|c| (c.value, c.label)).collect(),
            business_types: f.business_types,
        });
    }
    let catalogue = PluginCatalogue {
        ministry_id: d.ministry_id,
        plugin_version: d.plugin_version,
        message_prefix: prefix,
        business_types,
        fields,
        resources: d
            .resources
            .into_iter()
            .map(|r| (r.locale, r.source))
            .collect(),
    };
    Ok((catalogue, ja))
}

/// Checks a review's findings against the contract.
pub(crate) fn findings(
    findings: Vec<wit::Finding>,
    plugin: &LoadedPlugin,
    document: &Value,
) -> Result<Vec<PluginFinding>, PluginFailure> {
    if findings.len() > MAX_FINDINGS {
        return Err(PluginFailure::BadOutput(format!(
            "{} findings (limit {MAX_FINDINGS})",
            findings.len()
        )));
    }
    findings
        .into_iter()
        .map(|f| {
            if !plugin.message_ids.contains(&f.message_id) {
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
            let args = f
                .args
                .into_iter()
                .map(|a| match a.value {
                    wit::ArgValue::Text(t) if t.chars().count() > MAX_ARG_CHARS => Err(
                        PluginFailure::BadOutput(format!("argument {} is too long", a.name)),
                    ),
                    wit::ArgValue::Text(t) => Ok((a.name, ArgValue::Text(t))),
                    wit::ArgValue::Number(n) => Ok((a.name, ArgValue::Number(n))),
                })
                .collect::<Result<Vec<_>, _>>()?;
            Ok(PluginFinding {
                severity: match f.severity {
                    wit::Severity::Error => Severity::Error,
                    wit::Severity::Warning => Severity::Warning,
                    wit::Severity::Info => Severity::Info,
                },
                message_id: f.message_id,
                args,
                path: f.path,
            })
        })
        .collect()
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
    use serde_json::json;

    const TAGS: [&str; 7] = ["ja", "en", "zh-Hans", "ko", "vi", "pt-BR", "ja-x-easy"];

    /// A minimal valid declaration: one type, one sub-type, every locale.
    fn declaration(resources: Vec<(&str, String)>) -> wit::Description {
        wit::Description {
            ministry_id: "demo".to_owned(),
            plugin_version: "1.0.0".to_owned(),
            message_prefix: "demo-".to_owned(),
            business_types: vec![wit::BusinessType {
                id: "rail".to_owned(),
                label: "demo-bt-rail".to_owned(),
                industrial_physician_exempt: false,
                sub_types: vec![wit::SubType {
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
                .map(|(locale, source)| wit::FluentResource {
                    locale: locale.to_owned(),
                    source,
                })
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
