//! Findings: what `normalise` and `check` say about a document, each at a JSON Pointer, with a
//! stable code and the Fluent variables of its message (`finding-<code>` in `locales/`).

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

/// How much a finding matters: only errors block submission.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The document cannot be submitted until this is fixed.
    Error,
    /// Probably wrong; the applicant should look, but may submit.
    Warning,
    /// Something `normalise` changed, for the applicant to see.
    Info,
}

/// One thing said about one place in the document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// JSON Pointer (RFC 6901) into the document; `""` is the whole document.
    pub path: String,
    /// Stable snake_case code, one of [`codes::ALL`]; the Fluent id is `finding-<code>`.
    pub code: &'static str,
    /// Whether it blocks submission.
    pub severity: Severity,
    /// Fluent variables of the message.
    pub args: BTreeMap<&'static str, Value>,
}

impl Finding {
    /// A finding with no arguments yet.
    pub fn new(path: impl Into<String>, code: &'static str, severity: Severity) -> Self {
        Self {
            path: path.into(),
            code,
            severity,
            args: BTreeMap::new(),
        }
    }

    /// An error finding.
    pub fn error(path: impl Into<String>, code: &'static str) -> Self {
        Self::new(path, code, Severity::Error)
    }

    /// A warning finding.
    pub fn warning(path: impl Into<String>, code: &'static str) -> Self {
        Self::new(path, code, Severity::Warning)
    }

    /// An info finding.
    pub fn info(path: impl Into<String>, code: &'static str) -> Self {
        Self::new(path, code, Severity::Info)
    }

    /// The same finding with one more Fluent variable.
    #[must_use]
    pub fn with(mut self, name: &'static str, value: impl Into<Value>) -> Self {
        self.args.insert(name, value.into());
        self
    }
}

/// True when any finding blocks submission.
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

/// Appends one reference token to a JSON Pointer, escaping `~` and `/` (RFC 6901 §3).
pub fn pointer_child(parent: &str, token: &str) -> String {
    let mut path = String::with_capacity(parent.len() + token.len() + 1);
    path.push_str(parent);
    path.push('/');
    for c in token.chars() {
        match c {
            '~' => path.push_str("~0"),
            '/' => path.push_str("~1"),
            c => path.push(c),
        }
    }
    path
}

/// Appends an array index to a JSON Pointer.
pub fn pointer_index(parent: &str, index: usize) -> String {
    format!("{parent}/{index}")
}

/// The stable finding codes; each has a message `finding-<code>` in every locale.
pub mod codes {
    // Info: what `normalise` rewrote (args "from" / "to").
    /// A postal code was rewritten to 7 half-width digits.
    pub const POSTAL_CODE_NORMALISED: &str = "postal_code_normalised";
    /// A phone or fax number was rewritten to half-width digits only.
    pub const PHONE_NORMALISED: &str = "phone_normalised";
    /// Full-width characters in an e-mail address were made half-width.
    pub const EMAIL_NORMALISED: &str = "email_normalised";
    /// A reading was rewritten to hiragana without spaces.
    pub const KANA_NORMALISED: &str = "kana_normalised";
    /// Half-width katakana in a name were made full-width.
    pub const NAME_WIDTH_NORMALISED: &str = "name_width_normalised";
    /// A count typed as text (or as `120.0`) was made a whole number.
    pub const NUMBER_NORMALISED: &str = "number_normalised";
    /// A corporate number in note 1 was rewritten to half-width digits only.
    pub const CORPORATE_NUMBER_NORMALISED: &str = "corporate_number_normalised";
    /// A typed registered staff total was replaced by own + external.
    pub const REGISTERED_STAFF_TOTAL_COMPUTED: &str = "registered_staff_total_computed";
    /// An empty prefecture or city was filled in from the postal code.
    pub const ADDRESS_FILLED_FROM_POSTAL_CODE: &str = "address_filled_from_postal_code";

    // Errors: the document cannot be submitted.
    /// The value has the wrong JSON type (args "expected", "found").
    pub const INVALID_TYPE: &str = "invalid_type";
    /// A required value is missing or empty.
    pub const REQUIRED: &str = "required";
    /// The text is longer than allowed (args "max", "length").
    pub const TOO_LONG: &str = "too_long";
    /// A count is below zero.
    pub const NUMBER_NEGATIVE: &str = "number_negative";
    /// A count has a fractional part.
    pub const NUMBER_NOT_INTEGER: &str = "number_not_integer";
    /// A count is implausibly large (arg "max").
    pub const NUMBER_TOO_LARGE: &str = "number_too_large";
    /// The program is not `tokutei`.
    pub const PROGRAM_INVALID: &str = "program_invalid";
    /// The founder is neither `private` nor `public`.
    pub const FOUNDER_INVALID: &str = "founder_invalid";
    /// The public body class is not national / prefecture / municipality.
    pub const PUBLIC_BODY_CLASS_INVALID: &str = "public_body_class_invalid";
    /// A private applicant gave a public body class.
    pub const PUBLIC_BODY_CLASS_NOT_APPLICABLE: &str = "public_body_class_not_applicable";
    /// The no-false-statement declaration is not confirmed.
    pub const DECLARATION_REQUIRED: &str = "declaration_required";
    /// A postal code is not 7 half-width digits.
    pub const POSTAL_CODE_INVALID: &str = "postal_code_invalid";
    /// A phone or fax number is not 10 or 11 digits starting with 0.
    pub const PHONE_INVALID: &str = "phone_invalid";
    /// An e-mail address is malformed.
    pub const EMAIL_INVALID: &str = "email_invalid";
    /// A reading holds something other than hiragana (arg "character").
    pub const KANA_NOT_HIRAGANA: &str = "kana_not_hiragana";
    /// The prefecture is not one of the 47.
    pub const PREFECTURE_UNKNOWN: &str = "prefecture_unknown";
    /// An industrial physician must be appointed.
    pub const INDUSTRIAL_PHYSICIAN_REQUIRED: &str = "industrial_physician_required";
    /// A business continuity plan must exist.
    pub const BUSINESS_CONTINUITY_PLAN_REQUIRED: &str = "business_continuity_plan_required";
    /// Note 1 (permit number or corporate number) is missing.
    pub const NOTE1_REQUIRED: &str = "note1_required";
    /// A 13-digit corporate number fails its check digit.
    pub const CORPORATE_NUMBER_CHECK_DIGIT_INVALID: &str = "corporate_number_check_digit_invalid";
    /// In a proxy application an establishment name lacks the （〇〇代理） prefix.
    pub const PROXY_PREFIX_MISSING: &str = "proxy_prefix_missing";
    /// In a proxy application the franchisees' physician and BCP are not confirmed.
    pub const PROXY_FRANCHISEE_STATEMENT_REQUIRED: &str = "proxy_franchisee_statement_required";
    /// No establishment is listed.
    pub const ESTABLISHMENT_REQUIRED: &str = "establishment_required";
    /// An establishment lists no business line.
    pub const BUSINESS_LINE_REQUIRED: &str = "business_line_required";
    /// The business type is not in the catalogue.
    pub const BUSINESS_TYPE_UNKNOWN: &str = "business_type_unknown";
    /// The same business type and sub-types appear twice in one establishment.
    pub const BUSINESS_LINE_DUPLICATE: &str = "business_line_duplicate";
    /// The vaccination site status is neither `secured` nor `not_yet_secured`.
    pub const VACCINATION_SITE_STATUS_INVALID: &str = "vaccination_site_status_invalid";
    /// A required extra field (declared by the owning ministry's plugin) is empty.
    pub const EXTRA_FIELD_REQUIRED: &str = "extra_field_required";
    /// An extra field holds the wrong kind of value.
    pub const EXTRA_FIELD_WRONG_KIND: &str = "extra_field_wrong_kind";
    /// An extra number is below its minimum.
    pub const EXTRA_FIELD_BELOW_MIN: &str = "extra_field_below_min";
    /// An extra number is above its maximum.
    pub const EXTRA_FIELD_ABOVE_MAX: &str = "extra_field_above_max";
    /// An extra text is too long.
    pub const EXTRA_FIELD_TOO_LONG: &str = "extra_field_too_long";
    /// An extra text does not have the declared form.
    pub const EXTRA_FIELD_PATTERN_MISMATCH: &str = "extra_field_pattern_mismatch";
    /// An extra choice is not one of the allowed values.
    pub const EXTRA_FIELD_NOT_A_CHOICE: &str = "extra_field_not_a_choice";

    // Warnings: worth a look, do not block.
    /// A legal form is abbreviated, e.g. (株) for 株式会社.
    pub const LEGAL_FORM_ABBREVIATED: &str = "legal_form_abbreviated";
    /// A field that should be full-width holds a half-width character.
    pub const NOT_FULL_WIDTH: &str = "not_full_width";
    /// A well-formed postal code is unknown to the postal directory.
    pub const POSTAL_CODE_UNKNOWN: &str = "postal_code_unknown";
    /// The prefecture or city does not match the postal code.
    pub const ADDRESS_POSTAL_CODE_MISMATCH: &str = "address_postal_code_mismatch";
    /// Own registered staff exceed the establishment's total staff.
    pub const REGISTERED_STAFF_OWN_EXCEEDS_TOTAL_STAFF: &str =
        "registered_staff_own_exceeds_total_staff";
    /// A business line registers nobody.
    pub const REGISTERED_STAFF_ZERO: &str = "registered_staff_zero";
    /// In a proxy application the power of attorney is not yet sent to the ministry.
    pub const POWER_OF_ATTORNEY_NOT_SUBMITTED: &str = "power_of_attorney_not_submitted";

    /// Every code, each exactly once.
    pub const ALL: &[&str] = &[
        POSTAL_CODE_NORMALISED,
        PHONE_NORMALISED,
        EMAIL_NORMALISED,
        KANA_NORMALISED,
        NAME_WIDTH_NORMALISED,
        NUMBER_NORMALISED,
        CORPORATE_NUMBER_NORMALISED,
        REGISTERED_STAFF_TOTAL_COMPUTED,
        ADDRESS_FILLED_FROM_POSTAL_CODE,
        INVALID_TYPE,
        REQUIRED,
        TOO_LONG,
        NUMBER_NEGATIVE,
        NUMBER_NOT_INTEGER,
        NUMBER_TOO_LARGE,
        PROGRAM_INVALID,
        FOUNDER_INVALID,
        PUBLIC_BODY_CLASS_INVALID,
        PUBLIC_BODY_CLASS_NOT_APPLICABLE,
        DECLARATION_REQUIRED,
        POSTAL_CODE_INVALID,
        PHONE_INVALID,
        EMAIL_INVALID,
        KANA_NOT_HIRAGANA,
        PREFECTURE_UNKNOWN,
        INDUSTRIAL_PHYSICIAN_REQUIRED,
        BUSINESS_CONTINUITY_PLAN_REQUIRED,
        NOTE1_REQUIRED,
        CORPORATE_NUMBER_CHECK_DIGIT_INVALID,
        PROXY_PREFIX_MISSING,
        PROXY_FRANCHISEE_STATEMENT_REQUIRED,
        ESTABLISHMENT_REQUIRED,
        BUSINESS_LINE_REQUIRED,
        BUSINESS_TYPE_UNKNOWN,
        BUSINESS_LINE_DUPLICATE,
        VACCINATION_SITE_STATUS_INVALID,
        EXTRA_FIELD_REQUIRED,
        EXTRA_FIELD_WRONG_KIND,
        EXTRA_FIELD_BELOW_MIN,
        EXTRA_FIELD_ABOVE_MAX,
        EXTRA_FIELD_TOO_LONG,
        EXTRA_FIELD_PATTERN_MISMATCH,
        EXTRA_FIELD_NOT_A_CHOICE,
        LEGAL_FORM_ABBREVIATED,
        NOT_FULL_WIDTH,
        POSTAL_CODE_UNKNOWN,
        ADDRESS_POSTAL_CODE_MISMATCH,
        REGISTERED_STAFF_OWN_EXCEEDS_TOTAL_STAFF,
        REGISTERED_STAFF_ZERO,
        POWER_OF_ATTORNEY_NOT_SUBMITTED,
    ];
}
