//! Turns a ministry's `catalogue.json` (data a person can correct, see `plugins/CATALOGUE.md`)
//! and the plugin's own Fluent files into a [`Description`]. Labels in the JSON become
//! generated message ids under the plugin's prefix, in every locale of [`crate::LOCALES`]:
//!
//! | id | text |
//! |---|---|
//! | `<p>bt-<type>` | business type label |
//! | `<p>st-<type>--<sub>` | sub-type 1 label |
//! | `<p>tw-<type>--<sub>` | target work |
//! | `<p>s2-<type>--<sub>--<two>` | sub-type 2 label |
//! | `<p>iek-<type>--<sub>-<n>` / `<p>iec-<type>--<sub>` | integrated-external kinds / condition |
//!
//! Japanese (`*_ja`, the official wording) and English (`*_en`) sit in their own keys; the other
//! locales in one `*_i18n` object per text, keyed by locale tag (`label_i18n: {"zh-Hans": …}`).
//! A catalogue lacking a translation does not build (`build.rs` reads it through [`rules_source`]).

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::{
    BusinessType, Description, FieldSpec, FluentResource, IntegratedExternal, LOCALES, SubType,
    SubTypeTwo,
};

/// The catalogue schema this SDK reads (2: translations in `*_i18n` objects).
pub const SCHEMA: u32 = 2;

/// The locales whose catalogue texts live in `*_i18n` objects: all but `ja` and `en`.
pub const I18N_LOCALES: [&str; 5] = ["zh-Hans", "ko", "vi", "pt-BR", "ja-x-easy"];

#[derive(Debug, Deserialize)]
struct CatalogueFile {
    schema: u32,
    ministry: Ministry,
    business_types: Vec<TypeEntry>,
}

#[derive(Debug, Deserialize)]
struct Ministry {
    id: String,
    name_ja: String,
    name_en: String,
    name_i18n: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize)]
struct TypeEntry {
    id: String,
    label_ja: String,
    label_en: String,
    label_i18n: BTreeMap<String, String>,
    industrial_physician_exempt: bool,
    sub_types: Vec<SubEntry>,
}

#[derive(Debug, Deserialize)]
struct SubEntry {
    id: String,
    label_ja: String,
    label_en: String,
    label_i18n: BTreeMap<String, String>,
    target_work_ja: String,
    target_work_en: String,
    target_work_i18n: BTreeMap<String, String>,
    integrated_external: Option<IntegratedEntry>,
    #[serde(default)]
    sub_types_2: Vec<TwoEntry>,
}

#[derive(Debug, Deserialize)]
struct IntegratedEntry {
    allowed_kinds_ja: Vec<String>,
    allowed_kinds_en: Vec<String>,
    allowed_kinds_i18n: BTreeMap<String, Vec<String>>,
    condition_ja: String,
    condition_en: String,
    condition_i18n: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize)]
struct TwoEntry {
    id: String,
    label_ja: String,
    label_en: String,
    label_i18n: BTreeMap<String, String>,
}

/// One text in every locale, in the order of [`LOCALES`].
type Texts<'a> = [&'a str; LOCALES.len()];

/// A text of the catalogue in every locale: ja, en, then the `*_i18n` object, which must have
/// exactly the keys of [`I18N_LOCALES`], each a non-empty text.
fn texts<'a>(
    where_: &str,
    ja: &'a str,
    en: &'a str,
    i18n: &'a BTreeMap<String, String>,
) -> Result<Texts<'a>, String> {
    if let Some(unknown) = i18n.keys().find(|k| !I18N_LOCALES.contains(&k.as_str())) {
        return Err(format!(
            "{where_}: unknown locale {unknown:?} (expected {})",
            I18N_LOCALES.join(", ")
        ));
    }
    let mut out = [ja; LOCALES.len()];
    out[1] = en;
    for (slot, locale) in out.iter_mut().skip(2).zip(I18N_LOCALES) {
        match i18n.get(locale) {
            Some(text) if !text.trim().is_empty() => *slot = text,
            _ => return Err(format!("{where_}: no {locale} translation")),
        }
    }
    for (text, locale) in out.iter().zip(LOCALES) {
        if text.trim().is_empty() {
            return Err(format!("{where_}: the {locale} text is empty"));
        }
    }
    Ok(out)
}

/// Reads the catalogue JSON and checks what the generated messages need: the schema, and every
/// text in every locale (integrated-external kinds in equal number in each).
fn load(json: &str) -> Result<CatalogueFile, String> {
    let file: CatalogueFile =
        serde_json::from_str(json).map_err(|e| format!("catalogue.json: {e}"))?;
    if file.schema != SCHEMA {
        return Err(format!(
            "catalogue.json: schema {} is not {SCHEMA}",
            file.schema
        ));
    }
    let m = &file.ministry;
    texts("ministry name", &m.name_ja, &m.name_en, &m.name_i18n)?;
    for t in &file.business_types {
        texts(
            &format!("{}: label", t.id),
            &t.label_ja,
            &t.label_en,
            &t.label_i18n,
        )?;
        for s in &t.sub_types {
            let key = format!("{} / {}", t.id, s.id);
            texts(
                &format!("{key}: label"),
                &s.label_ja,
                &s.label_en,
                &s.label_i18n,
            )?;
            texts(
                &format!("{key}: target work"),
                &s.target_work_ja,
                &s.target_work_en,
                &s.target_work_i18n,
            )?;
            if let Some(ie) = &s.integrated_external {
                kinds(&key, ie)?;
                texts(
                    &format!("{key}: integrated-external condition"),
                    &ie.condition_ja,
                    &ie.condition_en,
                    &ie.condition_i18n,
                )?;
            }
            for two in &s.sub_types_2 {
                texts(
                    &format!("{key} / {}: label", two.id),
                    &two.label_ja,
                    &two.label_en,
                    &two.label_i18n,
                )?;
            }
        }
    }
    Ok(file)
}

/// The integrated-external kinds in every locale: kind `n` of each list is the same kind.
fn kinds<'a>(key: &str, ie: &'a IntegratedEntry) -> Result<Vec<Texts<'a>>, String> {
    let where_ = format!("{key}: integrated-external kinds");
    let count = ie.allowed_kinds_ja.len();
    let mut lists = vec![&ie.allowed_kinds_ja, &ie.allowed_kinds_en];
    if let Some(unknown) = ie
        .allowed_kinds_i18n
        .keys()
        .find(|k| !I18N_LOCALES.contains(&k.as_str()))
    {
        return Err(format!("{where_}: unknown locale {unknown:?}"));
    }
    for locale in I18N_LOCALES {
        lists.push(
            ie.allowed_kinds_i18n
                .get(locale)
                .ok_or_else(|| format!("{where_}: no {locale} translation"))?,
        );
    }
    let mut out = Vec::with_capacity(count);
    for n in 0..count {
        let mut texts: Texts<'a> = [""; LOCALES.len()];
        for ((slot, list), locale) in texts.iter_mut().zip(&lists).zip(LOCALES) {
            match list.get(n) {
                Some(text) if !text.trim().is_empty() => *slot = text,
                _ => return Err(format!("{where_}: kind {n} missing or empty in {locale}")),
            }
        }
        out.push(texts);
    }
    if let Some((list, locale)) = lists.iter().zip(LOCALES).find(|(l, _)| l.len() != count) {
        return Err(format!(
            "{where_}: {locale} lists {} kinds, ja lists {count}",
            list.len()
        ));
    }
    Ok(out)
}

/// The part of a catalogue the review rules need, as static data generated at build time
/// ([`rules_source`], from the plugin's `build.rs`), so that no call spends time parsing JSON.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Catalogue {
    /// The ministry id (also the message prefix without its trailing `-`).
    pub ministry_id: &'static str,
    /// Its business types.
    pub types: &'static [TypeRule],
}

/// A business type, as far as the rules need it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TypeRule {
    /// The type id.
    pub id: &'static str,
    /// Its sub-types level 1.
    pub sub_types: &'static [SubTypeRule],
}

/// A sub-type level 1, as far as the rules need it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SubTypeRule {
    /// The sub-type id.
    pub id: &'static str,
    /// Whether 一体型外部事業者 (external staff not stationed) count for it.
    pub integrated_external: bool,
    /// Its sub-type 2 ids; empty = none (未選択).
    pub sub_types_2: &'static [&'static str],
}

impl Catalogue {
    /// The sub-type `sub_type_1` of `business_type`, if the catalogue has it.
    pub fn sub_type(&self, business_type: &str, sub_type_1: &str) -> Option<&'static SubTypeRule> {
        self.types
            .iter()
            .find(|t| t.id == business_type)
            .and_then(|t| t.sub_types.iter().find(|s| s.id == sub_type_1))
    }

    /// Whether the catalogue has this business type.
    pub fn has_type(&self, business_type: &str) -> bool {
        self.types.iter().any(|t| t.id == business_type)
    }

    /// Whether the sub-type of a type allows 一体型外部事業者 (external staff not stationed).
    pub fn allows_integrated_external(&self, business_type: &str, sub_type_1: &str) -> bool {
        self.sub_type(business_type, sub_type_1)
            .is_some_and(|s| s.integrated_external)
    }
}

/// Rust source of a `pub static CATALOGUE: plugin_api::catalogue::Catalogue` for the catalogue
/// JSON; a plugin's `build.rs` writes it to `OUT_DIR` and the plugin `include!`s it.
pub fn rules_source(json: &str) -> Result<String, String> {
    let file = load(json)?;
    let mut out = String::from(
        "/// The catalogue's rule tables, generated from catalogue.json by build.rs.\n",
    );
    out.push_str("pub static CATALOGUE: plugin_api::catalogue::Catalogue = plugin_api::catalogue::Catalogue {\n");
    out.push_str(&format!(
        "    ministry_id: {:?},\n    types: &[\n",
        file.ministry.id
    ));
    for t in &file.business_types {
        out.push_str(&format!(
            "        plugin_api::catalogue::TypeRule {{ id: {:?}, sub_types: &[\n",
            t.id
        ));
        for s in &t.sub_types {
            let twos: Vec<String> = s
                .sub_types_2
                .iter()
                .map(|two| format!("{:?}", two.id))
                .collect();
            out.push_str(&format!(
                "            plugin_api::catalogue::SubTypeRule {{ id: {:?}, integrated_external: {}, sub_types_2: &[{}] }},\n",
                s.id,
                s.integrated_external.is_some(),
                twos.join(", ")
            ));
        }
        out.push_str("        ] },\n");
    }
    out.push_str("    ],\n};\n");
    Ok(out)
}

/// For a plugin's `build.rs`: generates the rule tables from `catalogue.json` into
/// `$OUT_DIR/catalogue_rules.rs`.
pub fn generate_rules_file() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".to_owned());
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".to_owned());
    let path = std::path::Path::new(&manifest).join("catalogue.json");
    #[expect(clippy::print_stdout, reason = "build scripts talk to cargo on stdout")]
    {
        println!("cargo::rerun-if-changed={}", path.display());
    }
    let json = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let source = rules_source(&json).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        std::path::Path::new(&out_dir).join("catalogue_rules.rs"),
        source,
    )
    .unwrap_or_else(|e| panic!("writing catalogue_rules.rs: {e}"));
}

/// Builds the declaration from the catalogue JSON, the plugin version, the plugin's own Fluent
/// sources (`(locale, source)`, exactly one per locale of [`LOCALES`]) and its extra fields. The
/// resources come out in the order of [`LOCALES`], each the plugin's own source followed by the
/// generated labels and the shared rules' messages of that locale.
pub fn describe(
    json: &str,
    plugin_version: &str,
    resources: &[(&str, &str)],
    fields: Vec<FieldSpec>,
) -> Result<Description, String> {
    let file = load(json)?;
    if let Some((unknown, _)) = resources.iter().find(|(l, _)| !LOCALES.contains(l)) {
        return Err(format!(
            "resource for unknown locale {unknown:?} (expected {})",
            LOCALES.join(", ")
        ));
    }
    let mut own = Vec::with_capacity(LOCALES.len());
    for locale in LOCALES {
        let mut given = resources.iter().filter(|(l, _)| *l == locale);
        match (given.next(), given.next()) {
            (Some((_, source)), None) => own.push(*source),
            (None, _) => return Err(format!("no {locale} resource (every locale is required)")),
            (Some(_), Some(_)) => return Err(format!("resource {locale} given twice")),
        }
    }
    let p = format!("{}-", file.ministry.id);
    let mut generated: Vec<Messages> = LOCALES.iter().map(|_| Messages::default()).collect();
    let mut add = |id: &str, texts: Texts<'_>| {
        for (messages, text) in generated.iter_mut().zip(texts) {
            messages.add(id, text);
        }
    };
    let m = &file.ministry;
    add(
        &format!("{p}ministry-name"),
        texts("ministry name", &m.name_ja, &m.name_en, &m.name_i18n)?,
    );
    let mut business_types = Vec::new();
    for t in &file.business_types {
        let label = format!("{p}bt-{}", t.id);
        add(
            &label,
            texts(&t.id, &t.label_ja, &t.label_en, &t.label_i18n)?,
        );
        let mut sub_types = Vec::new();
        for s in &t.sub_types {
            let key = format!("{}--{}", t.id, s.id);
            let sub_label = format!("{p}st-{key}");
            let target_work = format!("{p}tw-{key}");
            add(
                &sub_label,
                texts(&key, &s.label_ja, &s.label_en, &s.label_i18n)?,
            );
            add(
                &target_work,
                texts(
                    &key,
                    &s.target_work_ja,
                    &s.target_work_en,
                    &s.target_work_i18n,
                )?,
            );
            let integrated_external = match &s.integrated_external {
                Some(ie) => {
                    let mut allowed_kinds = Vec::new();
                    for (n, kind) in kinds(&key, ie)?.into_iter().enumerate() {
                        let id = format!("{p}iek-{key}-{n}");
                        add(&id, kind);
                        allowed_kinds.push(id);
                    }
                    let condition = format!("{p}iec-{key}");
                    add(
                        &condition,
                        texts(&key, &ie.condition_ja, &ie.condition_en, &ie.condition_i18n)?,
                    );
                    Some(IntegratedExternal {
                        allowed_kinds,
                        condition,
                    })
                }
                None => None,
            };
            let mut sub_types_two = Vec::new();
            for two in &s.sub_types_2 {
                let id = format!("{p}s2-{key}--{}", two.id);
                add(
                    &id,
                    texts(&key, &two.label_ja, &two.label_en, &two.label_i18n)?,
                );
                sub_types_two.push(SubTypeTwo {
                    id: two.id.clone(),
                    label: id,
                });
            }
            sub_types.push(SubType {
                id: s.id.clone(),
                label: sub_label,
                target_work,
                integrated_external,
                sub_types_two,
            });
        }
        business_types.push(BusinessType {
            id: t.id.clone(),
            label,
            industrial_physician_exempt: t.industrial_physician_exempt,
            sub_types,
        });
    }
    for (messages, locale) in generated.iter_mut().zip(LOCALES) {
        let rules = crate::rules::messages(locale)
            .ok_or_else(|| format!("the shared rules have no {locale} messages"))?;
        for (id, text) in rules {
            messages.add_raw(&format!("{p}{id}"), text);
        }
    }
    let resources = LOCALES
        .iter()
        .zip(own)
        .zip(&generated)
        .map(|((locale, own), generated)| FluentResource {
            locale: (*locale).to_owned(),
            source: format!("{own}\n{}", generated.source),
        })
        .collect();
    Ok(Description {
        ministry_id: file.ministry.id,
        plugin_version: plugin_version.to_owned(),
        message_prefix: p,
        business_types,
        fields,
        resources,
    })
}

/// Generated Fluent source.
#[derive(Debug, Default)]
struct Messages {
    source: String,
}

impl Messages {
    /// Adds a message whose text is already Fluent syntax (placeables allowed).
    fn add_raw(&mut self, id: &str, text: &str) {
        self.source.push_str(id);
        self.source.push_str(" = ");
        self.source.push_str(text);
        self.source.push('\n');
    }

    fn add(&mut self, id: &str, text: &str) {
        // One line, with Fluent's special characters as string literals.
        let mut escaped = String::new();
        for word in text.split_whitespace() {
            if !escaped.is_empty() {
                escaped.push(' ');
            }
            for c in word.chars() {
                match c {
                    '{' => escaped.push_str("{\"{\"}"),
                    '}' => escaped.push_str("{\"}\"}"),
                    c => escaped.push(c),
                }
            }
        }
        let text = escaped;
        let text = if text.is_empty() {
            "{\"\"}".to_owned()
        } else {
            text
        };
        self.source.push_str(id);
        self.source.push_str(" = ");
        self.source.push_str(&text);
        self.source.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    fn i18n(text: &str) -> Value {
        I18N_LOCALES
            .iter()
            .map(|l| ((*l).to_owned(), json!(format!("{text} [{l}]"))))
            .collect::<serde_json::Map<_, _>>()
            .into()
    }

    fn catalogue() -> Value {
        json!({ "schema": 2,
          "ministry": { "id": "demo", "name_ja": "試験省", "name_en": "Test ministry", "name_i18n": i18n("Ministry") },
          "business_types": [ { "id": "rail", "label_ja": "鉄道業", "label_en": "Railways", "label_i18n": i18n("Rail"),
            "industrial_physician_exempt": false,
            "sub_types": [ { "id": "main", "label_ja": "鉄道事業者", "label_en": "Operators", "label_i18n": i18n("Operators"),
              "target_work_ja": "運行", "target_work_en": "Operation", "target_work_i18n": i18n("Operation"),
              "integrated_external": { "allowed_kinds_ja": ["倉庫業者", "港湾運送業者"], "allowed_kinds_en": ["Warehouses", "Port transport"],
                "allowed_kinds_i18n": I18N_LOCALES.iter().map(|l| ((*l).to_owned(), json!([format!("W {l}"), format!("P {l}")]))).collect::<serde_json::Map<_, _>>(),
                "condition_ja": "長期契約", "condition_en": "Long-term contract", "condition_i18n": i18n("Contract") },
              "sub_types_2": [ { "id": "a", "label_ja": "甲", "label_en": "A", "label_i18n": i18n("A") },
                               { "id": "b", "label_ja": "乙", "label_en": "B", "label_i18n": i18n("B") } ] } ] } ] })
    }

    fn own() -> Vec<(&'static str, String)> {
        LOCALES
            .iter()
            .map(|l| (*l, format!("demo-own = own {l}\n")))
            .collect()
    }

    fn run(catalogue: &Value, own: &[(&str, String)]) -> Result<Description, String> {
        let own: Vec<(&str, &str)> = own.iter().map(|(l, s)| (*l, s.as_str())).collect();
        describe(&catalogue.to_string(), "1.0.0", &own, Vec::new())
    }

    #[test]
    fn the_i18n_locales_are_the_locales_after_ja_and_en() {
        assert_eq!(LOCALES[..2], ["ja", "en"]);
        assert_eq!(LOCALES[2..], I18N_LOCALES);
    }

    #[test]
    fn every_locale_gets_its_own_messages_the_labels_and_the_shared_rules() {
        let description = run(&catalogue(), &own()).expect("valid");
        let locales: Vec<&str> = description
            .resources
            .iter()
            .map(|r| r.locale.as_str())
            .collect();
        assert_eq!(locales, LOCALES);
        let source = |locale: &str| {
            description
                .resources
                .iter()
                .find(|r| r.locale == locale)
                .map(|r| r.source.clone())
                .unwrap_or_default()
        };
        assert!(source("ja").contains("demo-bt-rail = 鉄道業\n"));
        assert!(source("en").contains("demo-bt-rail = Railways\n"));
        assert!(source("ko").contains("demo-bt-rail = Rail [ko]\n"));
        assert!(source("pt-BR").contains("demo-iek-rail--main-1 = P pt-BR\n"));
        assert!(source("ja-x-easy").contains("demo-s2-rail--main--b = B [ja-x-easy]\n"));
        assert!(source("vi").contains("demo-own = own vi\n"));
        assert!(source("zh-Hans").contains("demo-sub-type-unknown = 业务类型细目①"));
        assert!(source("zh-Hans").contains("demo-ministry-name = Ministry [zh-Hans]\n"));
        let ja_ids = crate::testing::message_variables(&source("ja"));
        for locale in LOCALES {
            let ids = crate::testing::message_variables(&source(locale));
            assert_eq!(
                ids.keys().collect::<Vec<_>>(),
                ja_ids.keys().collect::<Vec<_>>(),
                "{locale}"
            );
        }
    }

    #[test]
    fn a_missing_or_unknown_translation_is_refused_with_its_place() {
        let mut missing = catalogue();
        missing["business_types"][0]["sub_types"][0]["target_work_i18n"]
            .as_object_mut()
            .map(|m| m.remove("vi"));
        assert_eq!(
            run(&missing, &own()).map(|_| ()),
            Err("rail / main: target work: no vi translation".to_owned())
        );
        assert_eq!(
            rules_source(&missing.to_string()).map(|_| ()),
            Err("rail / main: target work: no vi translation".to_owned())
        );

        let mut empty = catalogue();
        empty["ministry"]["name_i18n"]["ko"] = json!("  ");
        assert_eq!(
            run(&empty, &own()).map(|_| ()),
            Err("ministry name: no ko translation".to_owned())
        );

        let mut unknown = catalogue();
        unknown["business_types"][0]["label_i18n"]["fr"] = json!("Chemins de fer");
        let err = run(&unknown, &own()).expect_err("unknown locale");
        assert!(
            err.starts_with("rail: label: unknown locale \"fr\""),
            "{err}"
        );

        let mut kinds = catalogue();
        kinds["business_types"][0]["sub_types"][0]["integrated_external"]["allowed_kinds_i18n"]["zh-Hans"] =
            json!(["仓储企业"]);
        let err = run(&kinds, &own()).expect_err("one kind short");
        assert!(err.contains("kind 1 missing or empty in zh-Hans"), "{err}");

        let mut no_map = catalogue();
        no_map["business_types"][0]["sub_types"][0]["sub_types_2"][1]
            .as_object_mut()
            .map(|m| m.remove("label_i18n"));
        let err = run(&no_map, &own()).expect_err("no label_i18n");
        assert!(err.contains("missing field `label_i18n`"), "{err}");

        let mut old = catalogue();
        old["schema"] = json!(1);
        assert_eq!(
            run(&old, &own()).map(|_| ()),
            Err("catalogue.json: schema 1 is not 2".to_owned())
        );
    }

    #[test]
    fn every_locale_needs_exactly_one_own_resource() {
        let mut without_vi = own();
        without_vi.retain(|(l, _)| *l != "vi");
        assert_eq!(
            run(&catalogue(), &without_vi).map(|_| ()),
            Err("no vi resource (every locale is required)".to_owned())
        );
        let mut twice = own();
        twice.push(("ko", "demo-own = again\n".to_owned()));
        assert_eq!(
            run(&catalogue(), &twice).map(|_| ()),
            Err("resource ko given twice".to_owned())
        );
        let mut extra = own();
        extra.push(("fr", "demo-own = propre\n".to_owned()));
        let err = run(&catalogue(), &extra).expect_err("unknown locale");
        assert!(
            err.starts_with("resource for unknown locale \"fr\""),
            "{err}"
        );
    }
}
