//! The plugin's view of an application: the document with only its own lines, and findings
//! built with paths that are right by construction.

use serde_json::Value;

use crate::{ArgValue, MessageArg, Severity, WitFinding};

/// The application as the host lets the plugin see it: the applicant section in full; business
/// lines of other ministries (and establishments without the plugin's lines) are `null`.
#[derive(Debug, Clone, Copy)]
pub struct Review<'a> {
    document: &'a Value,
}

impl<'a> Review<'a> {
    /// A view over a document.
    pub fn new(document: &'a Value) -> Self {
        Review { document }
    }

    /// The whole (filtered) document.
    pub fn document(&self) -> &'a Value {
        self.document
    }

    /// `founder`: `private` or `public`.
    pub fn founder(&self) -> Option<&'a str> {
        self.document.get("founder").and_then(Value::as_str)
    }

    /// A field of the applicant section.
    pub fn applicant(&self, field: &str) -> Option<&'a Value> {
        self.document.get("applicant").and_then(|a| a.get(field))
    }

    /// Every business line the plugin owns, with its establishment.
    pub fn lines(&self) -> impl Iterator<Item = Line<'a>> + 'a {
        let establishments = self
            .document
            .get("establishments")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default();
        establishments
            .iter()
            .enumerate()
            .filter(|(_, e)| e.is_object())
            .flat_map(|(e_index, establishment)| {
                establishment
                    .get("business_lines")
                    .and_then(Value::as_array)
                    .map(Vec::as_slice)
                    .unwrap_or_default()
                    .iter()
                    .enumerate()
                    .filter(|(_, l)| l.is_object())
                    .map(move |(l_index, line)| Line {
                        establishment_index: e_index,
                        index: l_index,
                        establishment,
                        line,
                    })
            })
    }
}

/// One business line the plugin owns.
#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    /// Position of its establishment in `/establishments`.
    pub establishment_index: usize,
    /// Position of the line in the establishment's `business_lines`.
    pub index: usize,
    /// The establishment (name, address, total staff, …).
    pub establishment: &'a Value,
    /// The line itself.
    pub line: &'a Value,
}

impl<'a> Line<'a> {
    /// `business_type`.
    pub fn business_type(&self) -> &'a str {
        self.text("business_type").unwrap_or_default()
    }

    /// `sub_type_1`.
    pub fn sub_type_1(&self) -> &'a str {
        self.text("sub_type_1").unwrap_or_default()
    }

    /// `sub_type_2`, when set.
    pub fn sub_type_2(&self) -> Option<&'a str> {
        self.text("sub_type_2")
    }

    /// Registered staff of the applicant itself.
    pub fn registered_staff_own(&self) -> u64 {
        self.line
            .get("registered_staff_own")
            .and_then(Value::as_u64)
            .unwrap_or(0)
    }

    /// Registered staff of external firms.
    pub fn registered_staff_external(&self) -> u64 {
        self.line
            .get("registered_staff_external")
            .and_then(Value::as_u64)
            .unwrap_or(0)
    }

    /// The establishment's total staff, when given.
    pub fn total_staff(&self) -> Option<u64> {
        self.establishment
            .get("total_staff")
            .and_then(Value::as_u64)
    }

    /// A value of the line's `extra` object.
    pub fn extra(&self, key: &str) -> Option<&'a Value> {
        self.line.get("extra").and_then(|e| e.get(key))
    }

    /// JSON Pointer to a field of this line, e.g. `/establishments/2/business_lines/0/note`.
    pub fn path(&self, field: &str) -> String {
        format!(
            "/establishments/{}/business_lines/{}/{field}",
            self.establishment_index, self.index
        )
    }

    /// JSON Pointer to a field of this line's `extra`.
    pub fn extra_path(&self, key: &str) -> String {
        self.path(&format!(
            "extra/{}",
            key.replace('~', "~0").replace('/', "~1")
        ))
    }

    fn text(&self, field: &str) -> Option<&'a str> {
        self.line
            .get(field)
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
    }
}

/// A finding under construction.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// How much it matters.
    pub severity: Severity,
    /// Message id (must start with the plugin's prefix).
    pub message_id: String,
    /// Fluent variables.
    pub args: Vec<(String, ArgValue)>,
    /// JSON Pointer into the document.
    pub path: String,
}

impl Finding {
    /// An error (blocks submission).
    pub fn error(path: impl Into<String>, message_id: impl Into<String>) -> Self {
        Finding::new(Severity::Error, path, message_id)
    }

    /// A warning for the reviewer.
    pub fn warning(path: impl Into<String>, message_id: impl Into<String>) -> Self {
        Finding::new(Severity::Warning, path, message_id)
    }

    /// Information for the reviewer.
    pub fn info(path: impl Into<String>, message_id: impl Into<String>) -> Self {
        Finding::new(Severity::Info, path, message_id)
    }

    fn new(severity: Severity, path: impl Into<String>, message_id: impl Into<String>) -> Self {
        Finding {
            severity,
            message_id: message_id.into(),
            args: Vec::new(),
            path: path.into(),
        }
    }

    /// Adds a text argument.
    #[must_use]
    pub fn text(mut self, name: &str, value: impl Into<String>) -> Self {
        self.args
            .push((name.to_owned(), ArgValue::Text(value.into())));
        self
    }

    /// Adds a numeric argument.
    #[must_use]
    pub fn number(mut self, name: &str, value: f64) -> Self {
        self.args.push((name.to_owned(), ArgValue::Number(value)));
        self
    }

    pub(crate) fn into_wit(self) -> WitFinding {
        WitFinding {
            severity: self.severity,
            message_id: self.message_id,
            args: self
                .args
                .into_iter()
                .map(|(name, value)| MessageArg { name, value })
                .collect(),
            path: self.path,
        }
    }
}
