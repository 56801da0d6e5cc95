//! Extra fields: values the ministry plugins declare beyond the core form (`extra` of each
//! business line, and of the applicant section), checked against their declaration — required,
//! kind, bounds, length, choices, pattern.

use std::collections::HashSet;

use serde_json::{Value, json};

use super::CheckContext;
use crate::finding::{Finding, codes, pointer_child, pointer_index};

/// What an extra field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// Text.
    Text,
    /// A whole number.
    Integer,
    /// A number.
    Decimal,
    /// Yes or no.
    Boolean,
    /// One of the choices.
    Choice,
}

impl FieldKind {
    fn name(self) -> &'static str {
        match self {
            FieldKind::Text => "text",
            FieldKind::Integer => "integer",
            FieldKind::Decimal => "number",
            FieldKind::Boolean => "true/false",
            FieldKind::Choice => "choice",
        }
    }
}

/// One declared extra field.
#[derive(Debug, Clone)]
pub struct FieldRule {
    /// Its key in `extra`.
    pub id: String,
    /// What it holds.
    pub kind: FieldKind,
    /// Whether it must be filled.
    pub required: bool,
    /// Inclusive lower bound (numbers).
    pub min: Option<f64>,
    /// Inclusive upper bound (numbers).
    pub max: Option<f64>,
    /// Longest text, in characters.
    pub max_length: Option<u32>,
    /// Allowed values of a choice field.
    pub choices: Vec<String>,
    /// The whole text must match this (already anchored) expression.
    pub pattern: Option<regex::Regex>,
}

impl FieldRule {
    /// Compiles a declared pattern so that it must match the whole value.
    pub fn anchored(pattern: &str) -> Result<regex::Regex, regex::Error> {
        regex::Regex::new(&format!("^(?:{pattern})$"))
    }

    fn check(&self, value: Option<&Value>, path: &str, out: &mut Vec<Finding>) {
        let path = pointer_child(path, &self.id);
        let field = json!(self.id);
        let value =
            value.filter(|v| !v.is_null() && v.as_str().is_none_or(|s| !s.trim().is_empty()));
        let Some(value) = value else {
            if self.required {
                out.push(Finding::error(path, codes::EXTRA_FIELD_REQUIRED).with("field", field));
            }
            return;
        };
        let wrong_kind = || {
            Finding::error(path.clone(), codes::EXTRA_FIELD_WRONG_KIND)
                .with("field", field.clone())
                .with("expected", json!(self.kind.name()))
        };
        match self.kind {
            FieldKind::Text => {
                let Some(text) = value.as_str() else {
                    out.push(wrong_kind());
                    return;
                };
                if let Some(max) = self.max_length
                    && text.chars().count() > max as usize
                {
                    out.push(
                        Finding::error(path.clone(), codes::EXTRA_FIELD_TOO_LONG)
                            .with("field", field.clone())
                            .with("max", json!(max)),
                    );
                } else if self.pattern.as_ref().is_some_and(|p| !p.is_match(text)) {
                    out.push(
                        Finding::error(path.clone(), codes::EXTRA_FIELD_PATTERN_MISMATCH)
                            .with("field", field.clone()),
                    );
                }
            }
            FieldKind::Integer | FieldKind::Decimal => {
                let number = match self.kind {
                    FieldKind::Integer => value.as_i64().map(|n| n as f64),
                    _ => value.as_f64(),
                };
                let Some(number) = number else {
                    out.push(wrong_kind());
                    return;
                };
                if let Some(min) = self.min
                    && number < min
                {
                    out.push(
                        Finding::error(path.clone(), codes::EXTRA_FIELD_BELOW_MIN)
                            .with("field", field.clone())
                            .with("min", json!(min)),
                    );
                }
                if let Some(max) = self.max
                    && number > max
                {
                    out.push(
                        Finding::error(path.clone(), codes::EXTRA_FIELD_ABOVE_MAX)
                            .with("field", field.clone())
                            .with("max", json!(max)),
                    );
                }
            }
            FieldKind::Boolean => {
                if !value.is_boolean() {
                    out.push(wrong_kind());
                }
            }
            FieldKind::Choice => {
                if !value
                    .as_str()
                    .is_some_and(|v| self.choices.iter().any(|c| c == v))
                {
                    out.push(
                        Finding::error(path.clone(), codes::EXTRA_FIELD_NOT_A_CHOICE)
                            .with("field", field.clone()),
                    );
                }
            }
        }
    }
}

/// Every extra-field finding of the document.
pub(super) fn run(doc: &Value, ctx: &CheckContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut application_fields_seen = HashSet::new();
    let establishments = doc
        .get("establishments")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    for (e_index, establishment) in establishments.iter().enumerate() {
        let lines = establishment
            .get("business_lines")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default();
        for (l_index, line) in lines.iter().enumerate() {
            let Some(business_type) = line.get("business_type").and_then(Value::as_str) else {
                continue;
            };
            let path = pointer_child(
                &pointer_index(
                    &pointer_child(&pointer_index("/establishments", e_index), "business_lines"),
                    l_index,
                ),
                "extra",
            );
            let extra = line.get("extra");
            for rule in ctx.catalogue.line_fields(business_type) {
                rule.check(extra.and_then(|e| e.get(&rule.id)), &path, &mut out);
            }
            for rule in ctx.catalogue.application_fields(business_type) {
                if application_fields_seen.insert(rule.id.clone()) {
                    let extra = doc.get("applicant").and_then(|a| a.get("extra"));
                    rule.check(
                        extra.and_then(|e| e.get(&rule.id)),
                        "/applicant/extra",
                        &mut out,
                    );
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{BusinessTypeInfo, Catalogue, PostalDirectory};

    struct Fields(Vec<FieldRule>);

    impl Catalogue for Fields {
        fn business_type(&self, _id: &str) -> Option<BusinessTypeInfo> {
            Some(BusinessTypeInfo::default())
        }
        fn line_fields(&self, business_type: &str) -> Vec<&FieldRule> {
            if business_type == "banking" {
                self.0.iter().collect()
            } else {
                Vec::new()
            }
        }
    }

    struct NoPostal;

    impl PostalDirectory for NoPostal {
        fn candidates(&self, _postal_code: &str) -> Vec<(String, String)> {
            Vec::new()
        }
    }

    fn rule(id: &str, kind: FieldKind) -> FieldRule {
        FieldRule {
            id: id.to_owned(),
            kind,
            required: false,
            min: None,
            max: None,
            max_length: None,
            choices: Vec::new(),
            pattern: None,
        }
    }

    fn codes_for(extra: Value) -> Vec<(String, &'static str)> {
        let rules = vec![
            FieldRule {
                required: true,
                choices: vec!["deposits".into(), "lending".into()],
                ..rule("duties", FieldKind::Choice)
            },
            FieldRule {
                min: Some(1.0),
                max: Some(99.0),
                ..rule("branches", FieldKind::Integer)
            },
            FieldRule {
                max_length: Some(5),
                pattern: Some(FieldRule::anchored("[0-9]+").expect("pattern")),
                ..rule("code", FieldKind::Text)
            },
            rule("online", FieldKind::Boolean),
        ];
        let catalogue = Fields(rules);
        let ctx = CheckContext {
            postal: &NoPostal,
            catalogue: &catalogue,
        };
        let doc = json!({ "establishments": [{ "business_lines": [
            { "business_type": "food", "extra": {} },
            { "business_type": "banking", "extra": extra } ] }] });
        run(&doc, &ctx)
            .into_iter()
            .map(|f| (f.path, f.code))
            .collect()
    }

    #[test]
    fn extra_fields_are_checked_against_their_declaration() {
        let at = |field: &str| format!("/establishments/0/business_lines/1/extra/{field}");
        let cases: Vec<(Value, Vec<(String, &str)>)> = vec![
            (json!({ "duties": "deposits" }), vec![]),
            (json!({}), vec![(at("duties"), codes::EXTRA_FIELD_REQUIRED)]),
            (
                json!({ "duties": "  " }),
                vec![(at("duties"), codes::EXTRA_FIELD_REQUIRED)],
            ),
            (
                json!({ "duties": "gambling" }),
                vec![(at("duties"), codes::EXTRA_FIELD_NOT_A_CHOICE)],
            ),
            (
                json!({ "duties": "lending", "branches": 0 }),
                vec![(at("branches"), codes::EXTRA_FIELD_BELOW_MIN)],
            ),
            (
                json!({ "duties": "lending", "branches": 100 }),
                vec![(at("branches"), codes::EXTRA_FIELD_ABOVE_MAX)],
            ),
            (
                json!({ "duties": "lending", "branches": 2.5 }),
                vec![(at("branches"), codes::EXTRA_FIELD_WRONG_KIND)],
            ),
            (
                json!({ "duties": "lending", "code": "12a" }),
                vec![(at("code"), codes::EXTRA_FIELD_PATTERN_MISMATCH)],
            ),
            (
                json!({ "duties": "lending", "code": "123456" }),
                vec![(at("code"), codes::EXTRA_FIELD_TOO_LONG)],
            ),
            (
                json!({ "duties": "lending", "online": "yes" }),
                vec![(at("online"), codes::EXTRA_FIELD_WRONG_KIND)],
            ),
            (
                json!({ "duties": "lending", "code": "123", "online": true, "branches": 3, "unknown": 1 }),
                vec![],
            ),
            (
                json!("not an object"),
                vec![(at("duties"), codes::EXTRA_FIELD_REQUIRED)],
            ),
        ];
        for (extra, expected) in cases {
            let expected: Vec<(String, &str)> = expected;
            assert_eq!(codes_for(extra.clone()), expected, "{extra}");
        }
    }

    #[test]
    fn a_pattern_must_match_the_whole_value() {
        let anchored = FieldRule::anchored("[0-9]{3}").expect("pattern");
        assert!(anchored.is_match("123"));
        assert!(!anchored.is_match("1234"));
        assert!(!anchored.is_match("x123"));
    }
}
