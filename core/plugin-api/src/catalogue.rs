//! Turns a ministry's `catalogue.json` (data a person can correct, see `plugins/CATALOGUE.md`)
//! and the plugin's own Fluent files into a [`Description`]. Labels in the JSON become
//! generated message ids under the plugin's prefix:
//!
//! | id | text |
//! |---|---|
//! | `<p>bt-<type>` | business type label |
//! | `<p>st-<type>--<sub>` | sub-type 1 label |
//! | `<p>tw-<type>--<sub>` | target work |
//! | `<p>s2-<type>--<sub>--<two>` | sub-type 2 label |
//! | `<p>iek-<type>--<sub>-<n>` / `<p>iec-<type>--<sub>` | integrated-external kinds / condition |

use serde::Deserialize;

use crate::{
    BusinessType, Description, FieldSpec, FluentResource, IntegratedExternal, SubType, SubTypeTwo,
};

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
}

#[derive(Debug, Deserialize)]
struct TypeEntry {
    id: String,
    label_ja: String,
    label_en: String,
    industrial_physician_exempt: bool,
    sub_types: Vec<SubEntry>,
}

#[derive(Debug, Deserialize)]
struct SubEntry {
    id: String,
    label_ja: String,
    label_en: String,
    target_work_ja: String,
    target_work_en: String,
    integrated_external: Option<IntegratedEntry>,
    #[serde(default)]
    sub_types_2: Vec<TwoEntry>,
}

#[derive(Debug, Deserialize)]
struct IntegratedEntry {
    allowed_kinds_ja: Vec<String>,
    allowed_kinds_en: Vec<String>,
    condition_ja: String,
    condition_en: String,
}

#[derive(Debug, Deserialize)]
struct TwoEntry {
    id: String,
    label_ja: String,
    label_en: String,
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
    let file: CatalogueFile =
        serde_json::from_str(json).map_err(|e| format!("catalogue.json: {e}"))?;
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
/// sources (`(locale, source)`, ja and en at least) and its extra fields.
pub fn describe(
    json: &str,
    plugin_version: &str,
    resources: &[(&str, &str)],
    fields: Vec<FieldSpec>,
) -> Result<Description, String> {
    let file: CatalogueFile =
        serde_json::from_str(json).map_err(|e| format!("catalogue.json: {e}"))?;
    if file.schema != 1 {
        return Err(format!("catalogue.json: schema {} is not 1", file.schema));
    }
    let p = format!("{}-", file.ministry.id);
    let mut ja = Messages::default();
    let mut en = Messages::default();
    ja.add(format!("{p}ministry-name"), &file.ministry.name_ja);
    en.add(format!("{p}ministry-name"), &file.ministry.name_en);
    for (id, text) in crate::rules::MESSAGES_JA {
        ja.add_raw(format!("{p}{id}"), text);
    }
    for (id, text) in crate::rules::MESSAGES_EN {
        en.add_raw(format!("{p}{id}"), text);
    }
    let mut business_types = Vec::new();
    for t in file.business_types {
        let label = format!("{p}bt-{}", t.id);
        ja.add(label.clone(), &t.label_ja);
        en.add(label.clone(), &t.label_en);
        let mut sub_types = Vec::new();
        for s in t.sub_types {
            let key = format!("{}--{}", t.id, s.id);
            let sub_label = format!("{p}st-{key}");
            let target_work = format!("{p}tw-{key}");
            ja.add(sub_label.clone(), &s.label_ja);
            en.add(sub_label.clone(), &s.label_en);
            ja.add(target_work.clone(), &s.target_work_ja);
            en.add(target_work.clone(), &s.target_work_en);
            let integrated_external = s.integrated_external.map(|ie| {
                let mut allowed_kinds = Vec::new();
                for (n, (kind_ja, kind_en)) in ie
                    .allowed_kinds_ja
                    .iter()
                    .zip(&ie.allowed_kinds_en)
                    .enumerate()
                {
                    let id = format!("{p}iek-{key}-{n}");
                    ja.add(id.clone(), kind_ja);
                    en.add(id.clone(), kind_en);
                    allowed_kinds.push(id);
                }
                let condition = format!("{p}iec-{key}");
                ja.add(condition.clone(), &ie.condition_ja);
                en.add(condition.clone(), &ie.condition_en);
                IntegratedExternal {
                    allowed_kinds,
                    condition,
                }
            });
            let sub_types_two = s
                .sub_types_2
                .into_iter()
                .map(|two| {
                    let id = format!("{p}s2-{key}--{}", two.id);
                    ja.add(id.clone(), &two.label_ja);
                    en.add(id.clone(), &two.label_en);
                    SubTypeTwo {
                        id: two.id,
                        label: id,
                    }
                })
                .collect();
            sub_types.push(SubType {
                id: s.id,
                label: sub_label,
                target_work,
                integrated_external,
                sub_types_two,
            });
        }
        business_types.push(BusinessType {
            id: t.id,
            label,
            industrial_physician_exempt: t.industrial_physician_exempt,
            sub_types,
        });
    }
    let resources = resources
        .iter()
        .map(|(locale, own)| {
            let generated = match *locale {
                "ja" => ja.source.as_str(),
                "en" => en.source.as_str(),
                _ => "",
            };
            FluentResource {
                locale: (*locale).to_owned(),
                source: format!("{own}\n{generated}"),
            }
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
    fn add_raw(&mut self, id: String, text: &str) {
        self.source.push_str(&id);
        self.source.push_str(" = ");
        self.source.push_str(text);
        self.source.push('\n');
    }

    fn add(&mut self, id: String, text: &str) {
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
        self.source.push_str(&id);
        self.source.push_str(" = ");
        self.source.push_str(&text);
        self.source.push('\n');
    }
}
