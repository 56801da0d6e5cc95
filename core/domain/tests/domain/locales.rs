//! Every finding code has a message in every locale, and every message belongs to a code.

use std::collections::BTreeSet;

use domain::codes;
use serde_json::Value;

use crate::support::{ctx, patched};

/// The findings file of every locale the product speaks (`i18n::Locale::ALL`).
const LOCALES: [(&str, &str); 7] = [
    ("ja", include_str!("../../../../locales/ja/findings.ftl")),
    ("en", include_str!("../../../../locales/en/findings.ftl")),
    (
        "zh-Hans",
        include_str!("../../../../locales/zh-Hans/findings.ftl"),
    ),
    ("ko", include_str!("../../../../locales/ko/findings.ftl")),
    ("vi", include_str!("../../../../locales/vi/findings.ftl")),
    (
        "pt-BR",
        include_str!("../../../../locales/pt-BR/findings.ftl"),
    ),
    (
        "ja-x-easy",
        include_str!("../../../../locales/ja-x-easy/findings.ftl"),
    ),
];

/// Message ids of a Fluent file: lines that start an entry (`id = …`) at column 0.
fn message_ids(ftl: &str) -> Vec<&str> {
    ftl.lines()
        .filter(|line| line.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|line| line.split_once('=').map(|(id, _)| id.trim()))
        .collect()
}

/// Variables (`$name`) used anywhere in a Fluent file's message for `id`.
fn variables_of<'a>(ftl: &'a str, id: &str) -> BTreeSet<&'a str> {
    let mut in_message = false;
    let mut variables = BTreeSet::new();
    for line in ftl.lines() {
        if line.starts_with(|c: char| c.is_ascii_alphabetic()) || line.starts_with('#') {
            in_message = line.split_once('=').is_some_and(|(i, _)| i.trim() == id);
        }
        if !in_message {
            continue;
        }
        for piece in line.split('$').skip(1) {
            let name = piece
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
                .next()
                .unwrap_or_default();
            variables.insert(name);
        }
    }
    variables
}

#[test]
fn every_code_has_a_message_in_every_locale() {
    for (locale, ftl) in LOCALES {
        let ids: BTreeSet<&str> = message_ids(ftl).into_iter().collect();
        for code in codes::ALL {
            assert!(
                ids.contains(format!("finding-{code}").as_str()),
                "{locale}: no message finding-{code}"
            );
        }
    }
}

#[test]
fn no_message_is_without_a_code() {
    let expected: BTreeSet<String> = codes::ALL.iter().map(|c| format!("finding-{c}")).collect();
    for (locale, ftl) in LOCALES {
        for id in message_ids(ftl) {
            assert!(
                expected.contains(id),
                "{locale}: {id} is not a finding code"
            );
        }
    }
}

#[test]
fn no_message_is_defined_twice() {
    for (locale, ftl) in LOCALES {
        let ids = message_ids(ftl);
        let unique: BTreeSet<&str> = ids.iter().copied().collect();
        assert_eq!(ids.len(), unique.len(), "{locale} has duplicate ids");
    }
}

#[test]
fn codes_are_unique_snake_case() {
    let unique: BTreeSet<&str> = codes::ALL.iter().copied().collect();
    assert_eq!(unique.len(), codes::ALL.len());
    for code in codes::ALL {
        assert!(
            code.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
            "{code}"
        );
    }
}

#[test]
fn messages_use_only_variables_the_findings_provide() {
    let findings = every_kind_of_finding();
    for (locale, ftl) in LOCALES {
        for code in codes::ALL {
            let provided: BTreeSet<&str> = findings
                .iter()
                .filter(|f| f.code == *code)
                .flat_map(|f| f.args.keys().copied())
                .collect();
            for variable in variables_of(ftl, &format!("finding-{code}")) {
                assert!(
                    provided.contains(variable),
                    "{locale}: finding-{code} uses ${variable}, which the finding does not provide"
                );
            }
        }
    }
}

#[test]
fn every_code_is_produced_by_some_test_case() {
    let produced: BTreeSet<&str> = every_kind_of_finding().iter().map(|f| f.code).collect();
    for code in codes::ALL {
        assert!(produced.contains(code), "no test produces {code}");
    }
}

/// Findings of every case in the check and normalise tables, plus the address fill.
fn every_kind_of_finding() -> Vec<domain::Finding> {
    let mut findings = Vec::new();
    let mut cases = crate::check::cases();
    cases.extend(crate::normalise::cases());
    cases.push((
        vec![
            ("/applicant/prefecture", Value::Null),
            ("/applicant/city", Value::Null),
        ],
        codes::ADDRESS_FILLED_FROM_POSTAL_CODE,
    ));
    for (patches, _) in cases {
        let mut doc = patched(&patches);
        findings.extend(domain::check(&doc, &ctx()));
        findings.extend(domain::normalise(&mut doc, &ctx()));
    }
    findings
}
