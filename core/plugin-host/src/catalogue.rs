//! What a plugin declared, in host-owned types (the rest of the product never sees the
//! generated bindings).

/// A plugin's declaration, validated.
#[derive(Debug, Clone, PartialEq)]
pub struct PluginCatalogue {
    /// The ministry (tenant) id.
    pub ministry_id: String,
    /// The plugin's version.
    pub plugin_version: String,
    /// Prefix of all its message ids (`<ministry_id>-`).
    pub message_prefix: String,
    /// The business types it owns.
    pub business_types: Vec<CatalogueBusinessType>,
    /// Extra fields it needs.
    pub fields: Vec<CatalogueField>,
    /// Fluent sources by locale tag.
    pub resources: Vec<(String, String)>,
}

/// A business type (事業の種類).
#[derive(Debug, Clone, PartialEq)]
pub struct CatalogueBusinessType {
    /// Stable id.
    pub id: String,
    /// Message id of its label.
    pub label: String,
    /// 社会保険・社会福祉・介護事業: no industrial physician needed.
    pub industrial_physician_exempt: bool,
    /// Sub-types level 1.
    pub sub_types: Vec<CatalogueSubType>,
}

/// A sub-type level 1 (細目①).
#[derive(Debug, Clone, PartialEq)]
pub struct CatalogueSubType {
    /// Stable id.
    pub id: String,
    /// Message id of its label.
    pub label: String,
    /// Message id of its target work (対象業務).
    pub target_work: String,
    /// 一体型外部事業者 allowance: message ids of the allowed kinds and of the condition.
    pub integrated_external: Option<(Vec<String>, String)>,
    /// Sub-types level 2 (细目②): (id, label message id); empty = 未選択.
    pub sub_types_two: Vec<(String, String)>,
}

/// Where an extra field lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldScope {
    /// The applicant section's `extra`.
    Application,
    /// Each business line's `extra`.
    BusinessLine,
}

/// What an extra field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// Text.
    Text,
    /// A whole number.
    Integer,
    /// A decimal number.
    Decimal,
    /// Yes or no.
    Boolean,
    /// One of the choices.
    Choice,
}

/// An extra field.
#[derive(Debug, Clone, PartialEq)]
pub struct CatalogueField {
    /// Key in `extra`.
    pub id: String,
    /// Where it lives.
    pub scope: FieldScope,
    /// What it holds.
    pub kind: FieldKind,
    /// Whether it must be filled.
    pub required: bool,
    /// Message id of its label.
    pub label: String,
    /// Message id of its help text.
    pub help: Option<String>,
    /// Inclusive lower bound (numbers).
    pub min: Option<f64>,
    /// Inclusive upper bound (numbers).
    pub max: Option<f64>,
    /// Longest text.
    pub max_length: Option<u32>,
    /// Regular expression the whole text must match (checked to compile at install).
    pub pattern: Option<String>,
    /// (value, label message id) of a choice field.
    pub choices: Vec<(String, String)>,
    /// Business types it applies to; empty = all the plugin owns.
    pub business_types: Vec<String>,
}
