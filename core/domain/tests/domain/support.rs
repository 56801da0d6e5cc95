//! Fixtures and helpers: the example document, a fake postal directory and catalogue, patches.

use domain::document::{FieldKind, FieldRule};
use domain::{BusinessTypeInfo, Catalogue, CheckContext, Finding, PostalDirectory, Severity};
use serde_json::Value;

/// The example document from the domain docs (copied: the shared folder is outside the repo).
pub const EXAMPLE: &str = include_str!("../fixtures/application.example.json");

/// A fresh copy of the example document.
pub fn example() -> Value {
    serde_json::from_str(EXAMPLE).expect("the example document is JSON")
}

/// A few real postal codes, one of them spanning two prefectures.
pub struct FakePostal;

impl PostalDirectory for FakePostal {
    fn candidates(&self, postal_code: &str) -> Vec<(String, String)> {
        let pairs: &[(&str, &str)] = match postal_code {
            "1008916" => &[("東京都", "千代田区")],
            "5300001" => &[("大阪府", "大阪市北区")],
            "0600001" => &[("北海道", "札幌市中央区")],
            "4980000" => &[("愛知県", "弥富市"), ("三重県", "桑名郡木曽岬町")],
            _ => &[],
        };
        pairs
            .iter()
            .map(|&(p, c)| (p.to_owned(), c.to_owned()))
            .collect()
    }
}

/// Food businesses (not exempt) and care / welfare businesses (exempt from the physician rule).
pub struct FakeCatalogue;

impl Catalogue for FakeCatalogue {
    fn business_type(&self, id: &str) -> Option<BusinessTypeInfo> {
        match id {
            "food-manufacturing" | "food-wholesale" => Some(BusinessTypeInfo {
                industrial_physician_exempt: false,
            }),
            "nursing-care" | "social-welfare" => Some(BusinessTypeInfo {
                industrial_physician_exempt: true,
            }),
            "fixture-banking" => Some(BusinessTypeInfo::default()),
            _ => None,
        }
    }

    fn line_fields(&self, business_type: &str) -> Vec<&FieldRule> {
        if business_type == "fixture-banking" {
            fixture_fields().iter().collect()
        } else {
            Vec::new()
        }
    }
}

/// The extra fields of the fake `fixture-banking` type: a required choice, a bounded integer,
/// a short digits-only text.
fn fixture_fields() -> &'static [FieldRule] {
    static FIELDS: std::sync::OnceLock<Vec<FieldRule>> = std::sync::OnceLock::new();
    FIELDS.get_or_init(|| {
        let rule = |id: &str, kind| FieldRule {
            id: id.to_owned(),
            kind,
            required: false,
            min: None,
            max: None,
            max_length: None,
            choices: Vec::new(),
            pattern: None,
        };
        vec![
            FieldRule {
                required: true,
                choices: vec!["deposits".to_owned(), "lending".to_owned()],
                ..rule("duties", FieldKind::Choice)
            },
            FieldRule {
                min: Some(1.0),
                max: Some(99.0),
                ..rule("branches", FieldKind::Integer)
            },
            FieldRule {
                max_length: Some(5),
                pattern: FieldRule::anchored("[0-9]+").ok(),
                ..rule("code", FieldKind::Text)
            },
        ]
    })
}

/// The context every test uses.
pub fn ctx() -> CheckContext<'static> {
    CheckContext {
        postal: &FakePostal,
        catalogue: &FakeCatalogue,
    }
}

/// The marker value that removes a field in [`patched`].
pub fn remove() -> Value {
    Value::String("\u{0}remove".to_owned())
}

/// Sets (or, with [`remove`], deletes) the value at each JSON Pointer; parents must exist.
pub fn apply(doc: &mut Value, patches: &[(&str, Value)]) {
    for (pointer, value) in patches {
        let (parent, last) = pointer.rsplit_once('/').expect("a pointer below the root");
        let last = last.replace("~1", "/").replace("~0", "~");
        let target = doc
            .pointer_mut(parent)
            .unwrap_or_else(|| panic!("no parent at {parent}"));
        let removing = *value == remove();
        match target {
            Value::Object(map) if removing => {
                map.remove(&last);
            }
            Value::Object(map) => {
                map.insert(last, value.clone());
            }
            Value::Array(items) => {
                let index: usize = last.parse().expect("an array index");
                if removing {
                    items.remove(index);
                } else if index == items.len() {
                    items.push(value.clone());
                } else {
                    items[index] = value.clone();
                }
            }
            other => panic!("cannot patch inside {other}"),
        }
    }
}

/// The example document with patches applied.
pub fn patched(patches: &[(&str, Value)]) -> Value {
    let mut doc = example();
    apply(&mut doc, patches);
    doc
}

/// Findings of `check` on the example with patches applied (not normalised).
pub fn check_patched(patches: &[(&str, Value)]) -> Vec<Finding> {
    domain::check(&patched(patches), &ctx())
}

/// Findings as `severity code @ path` lines, for readable assertion messages.
pub fn describe(findings: &[Finding]) -> String {
    findings
        .iter()
        .map(|f| format!("{:?} {} @ {} {:?}", f.severity, f.code, f.path, f.args))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Asserts a finding with this code, severity and path is among `findings`.
pub fn assert_has(findings: &[Finding], path: &str, code: &str, severity: Severity) {
    assert!(
        findings
            .iter()
            .any(|f| f.path == path && f.code == code && f.severity == severity),
        "expected {severity:?} {code} @ {path}, got:\n{}",
        describe(findings)
    );
}

/// True when `path` is a syntactically valid JSON Pointer (RFC 6901).
pub fn is_json_pointer(path: &str) -> bool {
    if path.is_empty() {
        return true;
    }
    if !path.starts_with('/') {
        return false;
    }
    let mut chars = path.chars();
    while let Some(c) = chars.next() {
        if c == '~' && !matches!(chars.next(), Some('0' | '1')) {
            return false;
        }
    }
    true
}
