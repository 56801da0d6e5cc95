//! What the fuzz targets share: a postal directory and a catalogue for the document rules, the
//! checks run on every document, structured JSON from fuzzer bytes, and the establishment
//! template's package for the xlsx targets.

use std::collections::BTreeMap;
use std::io::{Cursor, Read, Write};
use std::sync::LazyLock;

use arbitrary::{Arbitrary, Unstructured};
use domain::document::{FieldKind, FieldRule};
use domain::{BusinessTypeInfo, Catalogue, CheckContext, PostalDirectory};
use serde_json::{Map, Number, Value};

// ---------------------------------------------------------------------------------------------
// The application document.

/// The example application (`core/domain/tests/fixtures/application.example.json`): valid, two
/// establishments, one with a secured vaccination site.
pub static EXAMPLE: LazyLock<Value> = LazyLock::new(|| {
    serde_json::from_str(include_str!(
        "../../core/domain/tests/fixtures/application.example.json"
    ))
    .unwrap_or_else(|err| panic!("the example: {err}"))
});

/// A postal directory with one unambiguous code (the example's), one ambiguous prefix and
/// nothing else.
#[derive(Debug)]
pub struct Postal;

impl PostalDirectory for Postal {
    fn candidates(&self, postal_code: &str) -> Vec<(String, String)> {
        let pair = |p: &str, c: &str| (p.to_owned(), c.to_owned());
        match postal_code {
            "1008916" | "1000001" => vec![pair("東京都", "千代田区")],
            code if code.starts_with("060") => {
                vec![pair("北海道", "札幌市中央区"), pair("北海道", "札幌市北区")]
            }
            _ => Vec::new(),
        }
    }
}

/// A catalogue with a manufacturing type whose lines have one extra field of every kind, and an
/// exempt care type that needs an applicant-section field; every other id is unknown.
#[derive(Debug)]
pub struct Fields {
    line: Vec<FieldRule>,
    application: Vec<FieldRule>,
}

impl Catalogue for Fields {
    fn business_type(&self, id: &str) -> Option<BusinessTypeInfo> {
        match id {
            "food-manufacturing" | "food-wholesale" => Some(BusinessTypeInfo::default()),
            "care-services" => Some(BusinessTypeInfo {
                industrial_physician_exempt: true,
            }),
            _ => None,
        }
    }

    fn line_fields(&self, business_type: &str) -> Vec<&FieldRule> {
        match business_type {
            "food-manufacturing" => self.line.iter().collect(),
            _ => Vec::new(),
        }
    }

    fn application_fields(&self, business_type: &str) -> Vec<&FieldRule> {
        match business_type {
            "care-services" => self.application.iter().collect(),
            _ => Vec::new(),
        }
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

/// The catalogue the document targets check against.
pub static CATALOGUE: LazyLock<Fields> = LazyLock::new(|| Fields {
    line: vec![
        FieldRule {
            required: true,
            max_length: Some(20),
            pattern: FieldRule::anchored("[A-Z]{2}-[0-9]{4}").ok(),
            ..rule("permit", FieldKind::Text)
        },
        FieldRule {
            min: Some(0.0),
            max: Some(1000.0),
            ..rule("capacity", FieldKind::Integer)
        },
        FieldRule {
            min: Some(0.5),
            max: Some(2.5),
            ..rule("ratio", FieldKind::Decimal)
        },
        rule("organic", FieldKind::Boolean),
        FieldRule {
            choices: vec!["a".to_owned(), "b".to_owned(), "c".to_owned()],
            ..rule("grade", FieldKind::Choice)
        },
    ],
    application: vec![FieldRule {
        required: true,
        ..rule("care_licence", FieldKind::Text)
    }],
});

/// Both passes over one document, as the product runs them, and the properties that must hold
/// whatever the document: nothing panics; a second `normalise` changes nothing; a document
/// whose `check` has no errors has a typed model.
pub fn check_document(doc: Value) {
    let ctx = CheckContext {
        postal: &Postal,
        catalogue: &*CATALOGUE,
    };
    let as_typed = doc.clone();
    let mut findings = domain::check(&as_typed, &ctx);
    let mut doc = doc;
    findings.extend(domain::normalise(&mut doc, &ctx));
    for finding in &findings {
        assert!(
            is_json_pointer(&finding.path),
            "finding {finding:?} has no JSON Pointer"
        );
    }
    let findings = domain::check(&doc, &ctx);
    let _ = domain::diff::changes(&as_typed, &doc);

    let mut again = doc.clone();
    let changes = domain::normalise(&mut again, &ctx);
    assert!(
        again == doc,
        "normalise is not idempotent: second pass reported {changes:?}\n{doc:#}"
    );
    if !domain::has_errors(&findings)
        && let Err(err) = domain::Application::from_document(&doc)
    {
        panic!("check found no error, but the typed model refuses the document: {err}\n{doc:#}");
    }
}

/// RFC 6901 syntax: empty, or `/`-prefixed tokens in which `~` is only `~0` or `~1`.
fn is_json_pointer(path: &str) -> bool {
    if path.is_empty() {
        return true;
    }
    let mut chars = path.chars();
    if chars.next() != Some('/') {
        return false;
    }
    while let Some(c) = chars.next() {
        if c == '~' && !matches!(chars.next(), Some('0' | '1')) {
            return false;
        }
    }
    true
}

// ---------------------------------------------------------------------------------------------
// Structured JSON.

/// Keys of the application document, so that structured documents hit the rules rather than
/// unknown members.
const KEYS: &[&str] = &[
    "program",
    "founder",
    "public_body_class",
    "declaration_truthful",
    "applicant",
    "name",
    "name_kana",
    "representative",
    "representative_kana",
    "postal_code",
    "prefecture",
    "city",
    "street",
    "phone",
    "fax",
    "email",
    "industrial_physician",
    "business_continuity_plan",
    "note1",
    "note2",
    "proxy",
    "establishments",
    "total_staff",
    "business_lines",
    "business_type",
    "sub_type_1",
    "sub_type_2",
    "registered_staff_own",
    "registered_staff_external",
    "note",
    "extra",
    "vaccination_site",
    "status",
    "plan_note",
    "permit",
    "capacity",
    "ratio",
    "organic",
    "grade",
    "care_licence",
];

/// Strings the rules give meaning to: codes, prefectures, statuses, and Japanese input forms
/// (full-width digits and hyphens, half-width katakana, spaces of both widths).
const WORDS: &[&str] = &[
    "tokutei",
    "private",
    "public",
    "prefecture",
    "municipality",
    "secured",
    "not_yet_secured",
    "food-manufacturing",
    "food-wholesale",
    "care-services",
    "bread-and-confectionery",
    "東京都",
    "北海道",
    "千代田区",
    "札幌市中央区",
    "株式会社みなと食品",
    "かぶしきがいしゃ",
    "ｶﾌﾞｼｷｶﾞｲｼｬ",
    "（みなと代理）本社",
    "100-8916",
    "１００－８９１６",
    "〒1008916",
    "0600001",
    "03-3595-3426",
    "０３（３５９５）３４２６",
    "soumu@minato-foods.example.jp",
    "ＳＯＵＭＵ＠example.jp",
    "3120001000001",
    "AB-1234",
    "a",
    " ",
    "　",
    "",
    "~1",
    "0",
];

/// A JSON value built from fuzzer bytes, biased to the document's shape: objects take the
/// document's keys, strings its meaningful words (or arbitrary text), numbers every edge.
#[derive(Debug, Clone)]
pub struct Json(pub Value);

impl<'a> Arbitrary<'a> for Json {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Json> {
        value(u, 0).map(Json)
    }
}

fn value(u: &mut Unstructured<'_>, depth: u32) -> arbitrary::Result<Value> {
    let leaf_only = depth >= 6 || u.is_empty();
    let choice = if leaf_only {
        u.int_in_range(0..=5)?
    } else {
        u.int_in_range(0..=7)?
    };
    Ok(match choice {
        0 => Value::Null,
        1 => Value::Bool(u.arbitrary()?),
        2 => Value::String(u.choose(WORDS)?.to_string()),
        3 => Value::String(u.arbitrary()?),
        4 => Value::Number(match u.int_in_range(0..=3)? {
            0 => Number::from(u.arbitrary::<i64>()?),
            1 => Number::from(u.arbitrary::<u64>()?),
            2 => Number::from(u.int_in_range(0u64..=200)?),
            _ => Number::from_f64(u.arbitrary()?).unwrap_or_else(|| Number::from(0)),
        }),
        5 => Value::String(format!("{}{}", u.choose(WORDS)?, u.arbitrary::<String>()?)),
        6 => {
            let len = u.int_in_range(0..=4)?;
            let mut items = Vec::with_capacity(len);
            for _ in 0..len {
                items.push(value(u, depth + 1)?);
            }
            Value::Array(items)
        }
        _ => {
            let len = u.int_in_range(0..=8)?;
            let mut map = Map::new();
            for _ in 0..len {
                let key = if u.ratio(7, 8)? {
                    u.choose(KEYS)?.to_string()
                } else {
                    u.arbitrary()?
                };
                map.insert(key, value(u, depth + 1)?);
            }
            Value::Object(map)
        }
    })
}

// ---------------------------------------------------------------------------------------------
// The establishment template.

/// The catalogue the template offers (two types with a sub-type each).
pub fn choices() -> workbook::CatalogueChoices {
    let pair = |code: &str, label: &str| (code.to_owned(), label.to_owned());
    workbook::CatalogueChoices {
        business_types: vec![
            pair("food-manufacturing", "食料品製造業"),
            pair("food-wholesale", "食料品卸売業"),
        ],
        sub_types_1: vec![pair(
            "bread-and-confectionery",
            "食料品製造業 › パン・菓子製造業",
        )],
        sub_types_2: vec![pair("dairy", "牛乳・乳製品")],
    }
}

/// The package part of the data sheet (rust_xlsxwriter numbers sheets in order: lists,
/// establishments, guide).
pub const SHEET_PART: &str = "xl/worksheets/sheet2.xml";
/// The shared-strings part.
pub const SHARED_PART: &str = "xl/sharedStrings.xml";
/// The workbook part (sheet names and visibility).
pub const WORKBOOK_PART: &str = "xl/workbook.xml";

/// The Japanese template's parts, by name, unpacked.
pub static TEMPLATE_PARTS: LazyLock<BTreeMap<String, Vec<u8>>> = LazyLock::new(|| {
    let template = workbook::establishment_template(i18n::Locale::Ja, &choices())
        .unwrap_or_else(|err| panic!("the template: {err}"));
    let mut archive = zip::ZipArchive::new(Cursor::new(template))
        .unwrap_or_else(|err| panic!("the template's package: {err}"));
    let mut parts = BTreeMap::new();
    for index in 0..archive.len() {
        let mut entry = archive
            .by_index(index)
            .unwrap_or_else(|err| panic!("a template part: {err}"));
        let name = entry
            .name()
            .unwrap_or_else(|err| panic!("a template part's name: {err}"))
            .into_owned();
        let mut bytes = Vec::new();
        entry
            .read_to_end(&mut bytes)
            .unwrap_or_else(|err| panic!("a template part: {err}"));
        parts.insert(name, bytes);
    }
    parts
});

/// A package of the template's parts with some replaced, stored uncompressed (so that it is
/// cheap to make and every byte of the replaced parts reaches the XML reader).
pub fn package(replaced: &[(&str, &[u8])]) -> Vec<u8> {
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in TEMPLATE_PARTS.iter() {
        let bytes = replaced
            .iter()
            .find(|(part, _)| part == name)
            .map_or(bytes.as_slice(), |(_, b)| b);
        let written = out
            .start_file(name.as_str(), options)
            .and_then(|()| out.write_all(bytes).map_err(Into::into));
        if let Err(err) = written {
            panic!("packaging {name}: {err}");
        }
    }
    out.finish()
        .unwrap_or_else(|err| panic!("packaging: {err}"))
        .into_inner()
}

/// The limits the xlsx targets import under: the product's, but few rows, so that the row and
/// column limits are reachable by small inputs.
pub const LIMITS: workbook::ImportLimits = workbook::ImportLimits {
    max_bytes: 8 * 1024 * 1024,
    max_uncompressed_bytes: 64 * 1024 * 1024,
    max_rows: 200,
    max_columns: 64,
};
