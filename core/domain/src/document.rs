//! The application document (a `serde_json::Value` shaped like `application.example.json`):
//! what the rules need from outside (postal directory, business-type catalogue), and the two
//! passes over it — [`normalise`] then [`check`].
//!
//! The document is stored as typed, even when invalid, so both passes accept ANY JSON without
//! panicking. Unknown fields are kept untouched and draw no finding.

mod extra_fields;
mod normalisation;
mod validation;

pub use extra_fields::{FieldKind, FieldRule};

use serde_json::Value;

use crate::finding::Finding;
pub use crate::finding::has_errors;

/// The postal-code directory, implemented elsewhere over Japan Post data.
pub trait PostalDirectory {
    /// (prefecture, city) candidates for a normalised 7-digit code; empty if unknown.
    fn candidates(&self, postal_code: &str) -> Vec<(String, String)>;
}

/// The business types an application may list; later backed by ministry plugins.
pub trait Catalogue {
    /// What is known of a business type; `None` means it is not in the catalogue.
    fn business_type(&self, id: &str) -> Option<BusinessTypeInfo>;

    /// The extra fields a line of this business type has (in its `extra`).
    fn line_fields(&self, _business_type: &str) -> Vec<&FieldRule> {
        Vec::new()
    }

    /// The extra fields of the applicant section (`/applicant/extra`) that the ministry owning
    /// this business type needs.
    fn application_fields(&self, _business_type: &str) -> Vec<&FieldRule> {
        Vec::new()
    }
}

/// What the rules need to know about one business type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BusinessTypeInfo {
    /// True for 社会保険・社会福祉・介護事業 types, which need no industrial physician.
    pub industrial_physician_exempt: bool,
}

/// A catalogue that accepts any non-empty business type id and exempts none; used until the
/// ministry plugins land.
#[derive(Debug, Clone, Copy, Default)]
pub struct AnyBusinessType;

impl Catalogue for AnyBusinessType {
    fn business_type(&self, id: &str) -> Option<BusinessTypeInfo> {
        (!id.trim().is_empty()).then_some(BusinessTypeInfo::default())
    }
}

/// What `normalise` and `check` consult besides the document.
#[derive(Clone, Copy)]
pub struct CheckContext<'a> {
    /// The postal-code directory.
    pub postal: &'a dyn PostalDirectory,
    /// The business-type catalogue.
    pub catalogue: &'a dyn Catalogue,
}

impl std::fmt::Debug for CheckContext<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CheckContext").finish_non_exhaustive()
    }
}

/// Rewrites what is unambiguous in place and reports each change as an Info finding (code says
/// what kind of change, args hold "from"/"to").
///
/// A value is rewritten only when the rewritten value passes its rule; otherwise it stays as
/// typed and [`check`] reports it, so the applicant sees what they typed.
pub fn normalise(doc: &mut Value, ctx: &CheckContext<'_>) -> Vec<Finding> {
    normalisation::run(doc, ctx)
}

/// Every finding of the (already normalised) document, in document order. Never panics on any
/// JSON input.
pub fn check(doc: &Value, ctx: &CheckContext<'_>) -> Vec<Finding> {
    let mut findings = validation::run(doc, ctx);
    findings.extend(extra_fields::run(doc, ctx));
    findings
}

/// Longest accepted lengths, in characters.
pub mod limits {
    /// Applicant name, representative, vaccination site name.
    pub const NAME: usize = 100;
    /// Establishment name (room for the （〇〇代理） prefix of proxy applications).
    pub const ESTABLISHMENT_NAME: usize = 200;
    /// Readings (ふりがな).
    pub const KANA: usize = 200;
    /// City (市区町村).
    pub const CITY: usize = 100;
    /// Address below the city (町名以下), building name in full.
    pub const STREET: usize = 200;
    /// Postal code and phone/fax as typed, before normalising.
    pub const POSTAL_OR_PHONE: usize = 30;
    /// Note 1: permit number or corporate number.
    pub const NOTE1: usize = 200;
    /// Free notes: note 2, business line note, vaccination plan note.
    pub const NOTE: usize = 1000;
    /// Business type and sub-type ids.
    pub const CATALOGUE_ID: usize = 100;
    /// E-mail address.
    pub const EMAIL: usize = crate::text::EMAIL_MAX_LENGTH;
    /// Largest staff count accepted.
    pub const COUNT: u64 = 10_000_000;
}

/// The JSON type name of a value, as used in `invalid_type` findings.
fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// True for a missing value, null, or a string of spaces only.
fn is_blank(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.chars().all(crate::text::is_space),
        Some(_) => false,
    }
}
