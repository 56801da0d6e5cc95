//! Test support for plugin crates: a one-line document builder and the suite every plugin runs
//! natively (`plugin_api::testing::standard_suite::<MyPlugin>(&CATALOGUE)`).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Value, json};

use crate::catalogue::Catalogue;
use crate::{LOCALES, Plugin, Review};

/// A document with one line of the given type at `/establishments/1/business_lines/1` (the
/// other positions are hidden, as the host sends them). Sub-type 2 is the catalogue's first, if
/// the sub-type has a list.
pub fn line_document(
    catalogue: &Catalogue,
    business_type: &str,
    sub_type_1: &str,
    extra: Value,
) -> Value {
    let two = catalogue
        .sub_type(business_type, sub_type_1)
        .and_then(|s| s.sub_types_2.first().copied());
    json!({ "founder": "private", "establishments": [null, { "total_staff": 10, "business_lines": [null, {
        "business_type": business_type, "sub_type_1": sub_type_1, "sub_type_2": two,
        "registered_staff_own": 3, "registered_staff_external": 1, "extra": extra }] }] })
}

/// The message ids a plugin finds in a document.
pub fn codes<P: Plugin>(document: &Value) -> Vec<String> {
    P::review(&Review::new(document))
        .into_iter()
        .map(|f| f.message_id)
        .collect()
}

/// The messages of a Fluent source: id → the `$variables` its pattern uses. A message starts
/// at a line beginning with a letter and runs over the indented (or blank) lines after it;
/// comments and terms end it.
pub fn message_variables(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut messages: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in source.lines() {
        if line.starts_with(|c: char| c.is_ascii_alphabetic()) {
            current = line.split_once('=').map(|(id, _)| id.trim().to_owned());
            if let Some(id) = &current {
                assert!(
                    messages.insert(id.clone(), BTreeSet::new()).is_none(),
                    "message {id} defined twice"
                );
            }
        } else if line.starts_with(['#', '-']) {
            current = None;
        }
        let Some(variables) = current.as_ref().and_then(|id| messages.get_mut(id)) else {
            continue;
        };
        for piece in line.split('$').skip(1) {
            let name: String = piece
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                .collect();
            variables.insert(name);
        }
    }
    messages
}

/// The checks every plugin must pass: its declaration builds with one resource per locale of
/// [`LOCALES`], each with exactly the message ids of `ja` and the same variables in each
/// message; every catalogue sub-type passes the standard rules; an unknown sub-type is an
/// error at its path; external staff not stationed count only where the catalogue allows it.
pub fn standard_suite<P: Plugin>(catalogue: &Catalogue) {
    let catalogue = *catalogue;
    let p = format!("{}-", catalogue.ministry_id);
    let description = P::describe();
    assert_eq!(description.ministry_id, catalogue.ministry_id);
    assert!(!description.business_types.is_empty());
    let locales: Vec<&str> = description
        .resources
        .iter()
        .map(|r| r.locale.as_str())
        .collect();
    assert_eq!(locales, LOCALES);
    let japanese = message_variables(&description.resources[0].source);
    assert!(japanese.contains_key(&format!("{p}ministry-name")));
    for resource in &description.resources {
        let messages = message_variables(&resource.source);
        let ids: Vec<&String> = messages.keys().collect();
        let expected: Vec<&String> = japanese.keys().collect();
        assert_eq!(
            ids, expected,
            "{}: message ids differ from ja",
            resource.locale
        );
        for (id, variables) in &messages {
            assert!(
                id.starts_with(&p),
                "{}: {id} lacks the prefix",
                resource.locale
            );
            assert_eq!(
                Some(variables),
                japanese.get(id),
                "{} {id}: variables differ from ja",
                resource.locale
            );
        }
    }
    for business_type in catalogue.types {
        for sub in business_type.sub_types {
            let (t, s) = (business_type.id, sub.id);
            let plain = line_document(&catalogue, t, s, json!({}));
            let found: Vec<String> = codes::<P>(&plain)
                .into_iter()
                .filter(|c| c.contains("sub-type"))
                .collect();
            assert!(found.is_empty(), "{t}/{s}: {found:?}");
            let not_stationed =
                line_document(&catalogue, t, s, json!({ "external_not_stationed": true }));
            let refused = codes::<P>(&not_stationed)
                .contains(&format!("{p}external-not-stationed-not-allowed"));
            assert_eq!(refused, !sub.integrated_external, "{t}/{s}");
        }
    }
    let business_type = catalogue.types.first().map(|t| t.id).unwrap_or_default();
    let unknown = line_document(&catalogue, business_type, "no-such-sub-type", json!({}));
    let findings = P::review(&Review::new(&unknown));
    assert_eq!(
        findings.first().map(|f| f.message_id.clone()),
        Some(format!("{p}sub-type-unknown"))
    );
    assert_eq!(
        findings.first().map(|f| f.path.as_str()),
        Some("/establishments/1/business_lines/1/sub_type_1")
    );
}
