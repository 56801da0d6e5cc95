//! Messages in the user's language: Fluent bundles built from `locales/`, embedded in the
//! binary, and the negotiation of a language from an explicit choice and `Accept-Language`.
//! The only crate that names fluent.
//!
//! Japanese (`ja`) is canonical: a message missing in another locale falls back to Japanese,
//! and the test suite fails when any locale lacks an id that `ja` has, has one `ja` lacks, or
//! uses other placeholders. Numbers and dates per locale: [`format_integer`], [`format_date`]
//! (ICU4X with compiled CLDR data, in `format.rs`, the only module that names it).

mod format;

pub use format::{DATE_YEARS, DateFormatError, format_date, format_integer};

use std::collections::HashMap;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::{LanguageIdentifier, langid};

/// A language the product speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Locale {
    /// Japanese, the canonical language.
    Ja,
    /// English.
    En,
    /// Simplified Chinese.
    ZhHans,
    /// Korean.
    Ko,
    /// Vietnamese.
    Vi,
    /// Brazilian Portuguese.
    PtBr,
    /// やさしい日本語 (Easy Japanese): short sentences, common words, no keigo.
    JaEasy,
}

impl Locale {
    /// Every supported locale, canonical first.
    pub const ALL: [Locale; 7] = [
        Locale::Ja,
        Locale::En,
        Locale::ZhHans,
        Locale::Ko,
        Locale::Vi,
        Locale::PtBr,
        Locale::JaEasy,
    ];

    /// The BCP 47 tag: `ja`, `en`, `zh-Hans`, `ko`, `vi`, `pt-BR`, `ja-x-easy`. It names the
    /// folder under `locales/` and is what `?lang=` and stored preferences carry.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::Ja => "ja",
            Locale::En => "en",
            Locale::ZhHans => "zh-Hans",
            Locale::Ko => "ko",
            Locale::Vi => "vi",
            Locale::PtBr => "pt-BR",
            Locale::JaEasy => "ja-x-easy",
        }
    }

    /// The language's own name, for a language picker.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::Ja => "日本語",
            Locale::En => "English",
            Locale::ZhHans => "简体中文",
            Locale::Ko => "한국어",
            Locale::Vi => "Tiếng Việt",
            Locale::PtBr => "Português (Brasil)",
            Locale::JaEasy => "やさしい にほんご",
        }
    }

    /// The locale for a real-world language tag (case-insensitive, `-` or `_`): the language
    /// decides, the script and region only where they change the written language.
    ///
    /// - `ja`, `ja-JP` → Japanese; `ja-x-easy` (also `ja-JP-x-easy`) → やさしい日本語;
    /// - `en`, `en-*` → English; `ko`, `ko-KR` → Korean; `vi`, `vi-VN` → Vietnamese;
    /// - `zh`, `zh-CN`, `zh-SG`, `zh-Hans`, `zh-Hans-*` → Simplified Chinese; Traditional
    ///   Chinese (`zh-Hant*`, `zh-TW`, `zh-HK`, `zh-MO`) is not supported → `None`;
    /// - `pt`, `pt-BR`, `pt-PT` → Brazilian Portuguese (the only Portuguese we have);
    /// - anything else, or a malformed tag → `None`.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let tag = tag.trim().to_ascii_lowercase();
        let subtags: Vec<&str> = tag.split(['-', '_']).collect();
        let language = *subtags.first()?;
        if !(2..=3).contains(&language.len()) || !language.bytes().all(|b| b.is_ascii_lowercase()) {
            return None;
        }
        if subtags.iter().any(|s| s.is_empty() || s.len() > 8) {
            return None;
        }
        // Subtags before a private-use section (`-x-…`): script (4 letters), region (2 letters
        // or 3 digits), variants.
        let private_use = subtags.iter().position(|s| *s == "x");
        let public = &subtags[1..private_use.unwrap_or(subtags.len())];
        let private = private_use.map_or(&[][..], |at| &subtags[at + 1..]);
        let script = public
            .first()
            .filter(|s| s.len() == 4 && s.bytes().all(|b| b.is_ascii_lowercase()))
            .copied();
        let region = public
            .iter()
            .skip(usize::from(script.is_some()))
            .find(|s| {
                (s.len() == 2 && s.bytes().all(|b| b.is_ascii_lowercase()))
                    || (s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit()))
            })
            .copied();
        match language {
            "ja" if private == ["easy"] => Some(Locale::JaEasy),
            "ja" => Some(Locale::Ja),
            "en" => Some(Locale::En),
            "ko" => Some(Locale::Ko),
            "vi" => Some(Locale::Vi),
            "pt" => Some(Locale::PtBr),
            "zh" => match (script, region) {
                (Some("hans"), _) => Some(Locale::ZhHans),
                (Some(_), _) => None,
                (None, Some("tw" | "hk" | "mo")) => None,
                (None, _) => Some(Locale::ZhHans),
            },
            _ => None,
        }
    }

    /// The language identifier Fluent uses for plural rules (やさしい日本語 follows Japanese).
    fn fluent_language(self) -> LanguageIdentifier {
        match self {
            Locale::Ja | Locale::JaEasy => langid!("ja"),
            Locale::En => langid!("en"),
            Locale::ZhHans => langid!("zh-Hans"),
            Locale::Ko => langid!("ko"),
            Locale::Vi => langid!("vi"),
            Locale::PtBr => langid!("pt-BR"),
        }
    }
}

/// The locale of a request: an explicit choice if supported, else the best `Accept-Language`
/// match by q-value (ranges with `q=0` are refusals and never chosen), else Japanese.
/// やさしい日本語 is reached only by choosing it or by its exact tag `ja-x-easy`.
pub fn negotiate(choice: Option<&str>, accept_language: Option<&str>) -> Locale {
    if let Some(locale) = choice.and_then(Locale::from_tag) {
        return locale;
    }
    // `parse_with_quality` orders the ranges by q-value (stable for equal values); a regional
    // tag (`en-US`) counts for its language.
    accept_language
        .map(accept_language::parse_with_quality)
        .and_then(|ranges| {
            ranges
                .iter()
                .filter(|(_, quality)| *quality > 0.0)
                .find_map(|(tag, _)| Locale::from_tag(tag))
        })
        .unwrap_or(Locale::Ja)
}

/// The message ids a Fluent source defines, or why it does not parse (for sources that come
/// from outside the binary, such as plugins).
pub fn resource_ids(source: &str) -> Result<Vec<String>, String> {
    let resource = FluentResource::try_new(source.to_owned()).map_err(|(_, errors)| {
        format!(
            "{} syntax error(s), first: {:?}",
            errors.len(),
            errors.first()
        )
    })?;
    Ok(resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(message) => Some(message.id.name.to_owned()),
            _ => None,
        })
        .collect())
}

/// One Fluent source file of one locale.
struct Source {
    locale: Locale,
    name: &'static str,
    text: &'static str,
}

macro_rules! sources {
    ($($locale:ident $dir:literal [$($file:literal),*]);* $(;)?) => {
        &[$($(Source {
            locale: Locale::$locale,
            name: concat!($dir, "/", $file),
            text: include_str!(concat!("../../../locales/", $dir, "/", $file)),
        }),*),*]
    };
}

const SOURCES: &[Source] = sources! {
    Ja "ja" ["core.ftl", "mail.ftl", "findings.ftl", "register.ftl", "pages.ftl", "apply.ftl", "staff.ftl"];
    En "en" ["core.ftl", "mail.ftl", "findings.ftl", "register.ftl", "pages.ftl", "apply.ftl", "staff.ftl"];
    ZhHans "zh-Hans" ["core.ftl", "mail.ftl", "findings.ftl", "register.ftl", "pages.ftl", "apply.ftl", "staff.ftl"];
    Ko "ko" ["core.ftl", "mail.ftl", "findings.ftl", "register.ftl", "pages.ftl", "apply.ftl", "staff.ftl"];
    Vi "vi" ["core.ftl", "mail.ftl", "findings.ftl", "register.ftl", "pages.ftl", "apply.ftl", "staff.ftl"];
    PtBr "pt-BR" ["core.ftl", "mail.ftl", "findings.ftl", "register.ftl", "pages.ftl", "apply.ftl", "staff.ftl"];
    JaEasy "ja-x-easy" ["core.ftl", "mail.ftl", "findings.ftl", "register.ftl", "pages.ftl", "apply.ftl", "staff.ftl"];
};

/// Arguments of a message: name → string or number.
pub type Args<'a> = [(&'a str, ArgValue)];

/// One argument value.
#[derive(Debug, Clone, PartialEq)]
pub enum ArgValue {
    /// Text, inserted as is.
    Text(String),
    /// A number.
    Number(f64),
}

impl From<&str> for ArgValue {
    fn from(value: &str) -> Self {
        ArgValue::Text(value.to_owned())
    }
}

impl From<String> for ArgValue {
    fn from(value: String) -> Self {
        ArgValue::Text(value)
    }
}

impl From<i64> for ArgValue {
    fn from(value: i64) -> Self {
        ArgValue::Number(value as f64)
    }
}

/// All messages of all locales.
pub struct Catalog {
    bundles: HashMap<Locale, FluentBundle<FluentResource>>,
    ids: HashMap<Locale, Vec<String>>,
}

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalog")
            .field("locales", &self.bundles.keys().collect::<Vec<_>>())
            .finish()
    }
}

/// A Fluent file that does not parse or defines an id twice.
#[derive(Debug, thiserror::Error)]
#[error("locale file {file}: {problem}")]
pub struct CatalogError {
    /// Which file.
    pub file: &'static str,
    /// What is wrong.
    pub problem: String,
}

impl Catalog {
    /// The messages embedded in the binary (built once).
    pub fn embedded() -> &'static Catalog {
        static CATALOG: OnceLock<Catalog> = OnceLock::new();
        CATALOG.get_or_init(|| match Catalog::build() {
            Ok(catalog) => catalog,
            // The embedded files are checked by this crate's tests; reaching this is a build bug.
            Err(err) => panic!("embedded locale files are broken: {err}"),
        })
    }

    /// Builds the catalogue from the embedded sources, reporting the first broken file.
    pub fn build() -> Result<Catalog, CatalogError> {
        let mut bundles = HashMap::new();
        let mut ids: HashMap<Locale, Vec<String>> = HashMap::new();
        for locale in Locale::ALL {
            let mut bundle = FluentBundle::new_concurrent(vec![locale.fluent_language()]);
            bundle.set_use_isolating(false);
            for source in SOURCES.iter().filter(|s| s.locale == locale) {
                let resource =
                    FluentResource::try_new(source.text.to_owned()).map_err(|(_, errors)| {
                        CatalogError {
                            file: source.name,
                            problem: format!("{errors:?}"),
                        }
                    })?;
                for entry in resource.entries() {
                    if let fluent_syntax::ast::Entry::Message(message) = entry {
                        ids.entry(locale)
                            .or_default()
                            .push(message.id.name.to_owned());
                    }
                }
                bundle
                    .add_resource(resource)
                    .map_err(|errors| CatalogError {
                        file: source.name,
                        problem: format!("{errors:?}"),
                    })?;
            }
            bundles.insert(locale, bundle);
        }
        Ok(Catalog { bundles, ids })
    }

    /// Renders message `id` in `locale` (falling back to Japanese, then to the id itself).
    pub fn message(&self, locale: Locale, id: &str, args: &Args<'_>) -> String {
        self.try_message(locale, id, args)
            .or_else(|| self.try_message(Locale::Ja, id, args))
            .unwrap_or_else(|| id.to_owned())
    }

    /// Whether `locale` defines `id`.
    pub fn has(&self, locale: Locale, id: &str) -> bool {
        self.bundles
            .get(&locale)
            .is_some_and(|bundle| bundle.has_message(id))
    }

    /// Every message id `locale` defines, in file order.
    pub fn ids(&self, locale: Locale) -> &[String] {
        self.ids.get(&locale).map_or(&[], Vec::as_slice)
    }

    fn try_message(&self, locale: Locale, id: &str, args: &Args<'_>) -> Option<String> {
        format_message(self.bundles.get(&locale)?, locale, id, args)
    }
}

/// Renders one message of a bundle, if the bundle has it.
fn format_message(
    bundle: &FluentBundle<FluentResource>,
    locale: Locale,
    id: &str,
    args: &Args<'_>,
) -> Option<String> {
    let pattern = bundle.get_message(id)?.value()?;
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        match value {
            ArgValue::Text(text) => fluent_args.set(*name, FluentValue::from(text.as_str())),
            ArgValue::Number(number) => fluent_args.set(*name, FluentValue::from(*number)),
        }
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    if !errors.is_empty() {
        tracing::warn!(
            locale = locale.tag(),
            id,
            ?errors,
            "message formatted with errors"
        );
    }
    Some(text.into_owned())
}

/// The messages of one plugin (its own Fluent resources), for the locales the product speaks.
pub struct PluginMessages {
    bundles: HashMap<Locale, FluentBundle<FluentResource>>,
}

impl std::fmt::Debug for PluginMessages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PluginMessages")
            .field("locales", &self.bundles.keys().collect::<Vec<_>>())
            .finish()
    }
}

impl PluginMessages {
    /// Bundles from `(locale tag, Fluent source)` pairs; tags the product does not speak are
    /// skipped.
    pub fn new(resources: &[(String, String)]) -> Result<PluginMessages, String> {
        let mut bundles = HashMap::new();
        for (tag, source) in resources {
            let Some(locale) = Locale::from_tag(tag) else {
                continue;
            };
            let resource = FluentResource::try_new(source.clone())
                .map_err(|(_, errors)| format!("{tag}: {errors:?}"))?;
            let mut bundle = FluentBundle::new_concurrent(vec![locale.fluent_language()]);
            bundle.set_use_isolating(false);
            bundle
                .add_resource(resource)
                .map_err(|errors| format!("{tag}: {errors:?}"))?;
            bundles.insert(locale, bundle);
        }
        Ok(PluginMessages { bundles })
    }

    /// Renders `id` in `locale`, falling back to Japanese, then to the id itself.
    pub fn message(&self, locale: Locale, id: &str, args: &Args<'_>) -> String {
        self.bundles
            .get(&locale)
            .and_then(|b| format_message(b, locale, id, args))
            .or_else(|| {
                self.bundles
                    .get(&Locale::Ja)
                    .and_then(|b| format_message(b, Locale::Ja, id, args))
            })
            .unwrap_or_else(|| id.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_locale_file_parses() {
        Catalog::build().expect("locale files parse");
    }

    #[test]
    fn every_locale_has_every_id_that_japanese_has() {
        let catalog = Catalog::embedded();
        for locale in Locale::ALL {
            let missing: Vec<&String> = catalog
                .ids(Locale::Ja)
                .iter()
                .filter(|id| !catalog.has(locale, id))
                .collect();
            assert!(missing.is_empty(), "{} lacks {missing:?}", locale.tag());
        }
    }

    #[test]
    fn no_locale_has_ids_that_japanese_lacks() {
        let catalog = Catalog::embedded();
        for locale in Locale::ALL {
            let extra: Vec<&String> = catalog
                .ids(locale)
                .iter()
                .filter(|id| !catalog.has(Locale::Ja, id))
                .collect();
            assert!(
                extra.is_empty(),
                "{} has ids ja lacks: {extra:?}",
                locale.tag()
            );
        }
    }

    #[test]
    fn every_locale_has_the_same_files_with_the_same_ids_as_japanese() {
        let ids_of = |source: &Source| -> Vec<String> {
            resource_ids(source.text).unwrap_or_else(|e| panic!("{}: {e}", source.name))
        };
        let files_of = |locale: Locale| -> Vec<&Source> {
            SOURCES.iter().filter(|s| s.locale == locale).collect()
        };
        let japanese = files_of(Locale::Ja);
        assert!(!japanese.is_empty());
        for locale in Locale::ALL {
            let files = files_of(locale);
            assert_eq!(files.len(), japanese.len(), "{} files", locale.tag());
            for (file, ja) in files.iter().zip(&japanese) {
                let file_name = |s: &Source| s.name.rsplit('/').next().unwrap_or_default();
                assert_eq!(file_name(file), file_name(ja), "{}", locale.tag());
                assert!(
                    file.name.starts_with(&format!("{}/", locale.tag())),
                    "{} is not in the folder of {}",
                    file.name,
                    locale.tag()
                );
                let mut expected = ids_of(ja);
                let mut found = ids_of(file);
                expected.sort();
                found.sort();
                assert_eq!(found, expected, "{} vs {}", file.name, ja.name);
            }
        }
    }

    /// What a message's pattern refers to: `$variables`, `message-references`, and the keys of
    /// each select expression (`$founder[public]`).
    fn placeables(source: &str) -> HashMap<String, std::collections::BTreeSet<String>> {
        use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

        fn inline(
            expression: &InlineExpression<&str>,
            out: &mut std::collections::BTreeSet<String>,
        ) {
            match expression {
                InlineExpression::VariableReference { id } => {
                    out.insert(format!("${}", id.name));
                }
                InlineExpression::MessageReference { id, .. } => {
                    out.insert(id.name.to_owned());
                }
                InlineExpression::TermReference { id, .. } => {
                    out.insert(format!("-{}", id.name));
                }
                InlineExpression::FunctionReference { id, arguments } => {
                    out.insert(format!("{}()", id.name));
                    for argument in &arguments.positional {
                        inline(argument, out);
                    }
                }
                InlineExpression::Placeable { expression } => walk(expression, out),
                InlineExpression::StringLiteral { .. } | InlineExpression::NumberLiteral { .. } => {
                }
            }
        }
        fn walk(expression: &Expression<&str>, out: &mut std::collections::BTreeSet<String>) {
            match expression {
                Expression::Inline(expression) => inline(expression, out),
                Expression::Select { selector, variants } => {
                    inline(selector, out);
                    let mut selector_names = std::collections::BTreeSet::new();
                    inline(selector, &mut selector_names);
                    let selector_name = selector_names.into_iter().collect::<Vec<_>>().join(",");
                    for variant in variants {
                        let key = match &variant.key {
                            fluent_syntax::ast::VariantKey::Identifier { name } => {
                                (*name).to_owned()
                            }
                            fluent_syntax::ast::VariantKey::NumberLiteral { value } => {
                                (*value).to_owned()
                            }
                        };
                        let default = if variant.default { "*" } else { "" };
                        out.insert(format!("{selector_name}{default}[{key}]"));
                        pattern(&variant.value, out);
                    }
                }
            }
        }
        fn pattern(value: &Pattern<&str>, out: &mut std::collections::BTreeSet<String>) {
            for element in &value.elements {
                if let PatternElement::Placeable { expression } = element {
                    walk(expression, out);
                }
            }
        }

        let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(_, errors)| {
            panic!("does not parse: {errors:?}");
        });
        let mut by_id = HashMap::new();
        for entry in &resource.body {
            if let Entry::Message(message) = entry {
                let mut out = std::collections::BTreeSet::new();
                if let Some(value) = &message.value {
                    pattern(value, &mut out);
                }
                for attribute in &message.attributes {
                    pattern(&attribute.value, &mut out);
                }
                by_id.insert(message.id.name.to_owned(), out);
            }
        }
        by_id
    }

    #[test]
    fn every_translation_uses_exactly_the_placeholders_of_japanese() {
        let of_locale = |locale: Locale| -> HashMap<String, std::collections::BTreeSet<String>> {
            SOURCES
                .iter()
                .filter(|s| s.locale == locale)
                .flat_map(|s| placeables(s.text))
                .collect()
        };
        let japanese = of_locale(Locale::Ja);
        assert!(
            japanese.values().any(|p| p.contains("$max")),
            "the check must see variables"
        );
        assert!(
            japanese.values().any(|p| p.contains("$founder*[private]")),
            "the check must see select keys"
        );
        let mut problems = Vec::new();
        for locale in Locale::ALL {
            let translated = of_locale(locale);
            for (id, expected) in &japanese {
                let found = translated.get(id).cloned().unwrap_or_default();
                if &found != expected {
                    problems.push(format!(
                        "{} {id}: has {found:?}, ja has {expected:?}",
                        locale.tag()
                    ));
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn the_placeholder_check_sees_a_dropped_variable_and_a_changed_select() {
        let ja = placeables("a = { $max }文字\nb = { $f ->\n    [x] X\n   *[y] Y\n}\n");
        let dropped = placeables("a = some characters\nb = { $f ->\n    [x] X\n   *[z] Y\n}\n");
        assert_ne!(ja.get("a"), dropped.get("a"));
        assert_ne!(ja.get("b"), dropped.get("b"));
    }

    #[test]
    fn tags_and_native_names() {
        let tags: Vec<&str> = Locale::ALL.iter().map(|l| l.tag()).collect();
        assert_eq!(
            tags,
            ["ja", "en", "zh-Hans", "ko", "vi", "pt-BR", "ja-x-easy"]
        );
        let names: Vec<&str> = Locale::ALL.iter().map(|l| l.native_name()).collect();
        assert_eq!(
            names,
            [
                "日本語",
                "English",
                "简体中文",
                "한국어",
                "Tiếng Việt",
                "Português (Brasil)",
                "やさしい にほんご"
            ]
        );
        for locale in Locale::ALL {
            assert_eq!(
                Locale::from_tag(locale.tag()),
                Some(locale),
                "{}",
                locale.tag()
            );
        }
    }

    #[test]
    fn real_world_tags_map_to_the_locale_that_reads_them() {
        let cases = [
            ("ja", Some(Locale::Ja)),
            ("ja-JP", Some(Locale::Ja)),
            ("JA_jp", Some(Locale::Ja)),
            ("ja-x-easy", Some(Locale::JaEasy)),
            ("JA-X-EASY", Some(Locale::JaEasy)),
            ("ja-JP-x-easy", Some(Locale::JaEasy)),
            ("ja-x-other", Some(Locale::Ja)),
            ("en", Some(Locale::En)),
            ("en-US", Some(Locale::En)),
            ("en-GB", Some(Locale::En)),
            ("en-001", Some(Locale::En)),
            ("zh", Some(Locale::ZhHans)),
            ("zh-CN", Some(Locale::ZhHans)),
            ("zh-SG", Some(Locale::ZhHans)),
            ("zh-Hans", Some(Locale::ZhHans)),
            ("zh-hans", Some(Locale::ZhHans)),
            ("zh-Hans-CN", Some(Locale::ZhHans)),
            ("zh-Hans-HK", Some(Locale::ZhHans)),
            ("zh_CN", Some(Locale::ZhHans)),
            ("zh-TW", None),
            ("zh-HK", None),
            ("zh-MO", None),
            ("zh-Hant", None),
            ("zh-Hant-TW", None),
            ("zh-Hant-CN", None),
            ("ko", Some(Locale::Ko)),
            ("ko-KR", Some(Locale::Ko)),
            ("vi", Some(Locale::Vi)),
            ("vi-VN", Some(Locale::Vi)),
            ("pt", Some(Locale::PtBr)),
            ("pt-BR", Some(Locale::PtBr)),
            ("pt-br", Some(Locale::PtBr)),
            ("pt-PT", Some(Locale::PtBr)),
            ("fr", None),
            ("fr-FR", None),
            ("de", None),
            ("", None),
            ("*", None),
            ("-", None),
            ("e", None),
            ("japanese", None),
            ("ja--JP", None),
            ("en-", None),
            ("ja-verylongsubtag", None),
        ];
        for (tag, expected) in cases {
            assert_eq!(Locale::from_tag(tag), expected, "{tag:?}");
        }
    }

    #[test]
    fn negotiation_prefers_choice_then_accept_language_q_values_then_japanese() {
        let cases = [
            (Some("en"), Some("ja"), Locale::En),
            (Some("xx"), Some("en-US,ja;q=0.5"), Locale::En),
            (None, Some("ja;q=0.4, en;q=0.9"), Locale::En),
            (None, Some("fr, en;q=0.1"), Locale::En),
            (None, Some("fr, de"), Locale::Ja),
            (None, Some(""), Locale::Ja),
            (None, None, Locale::Ja),
            (Some("EN-gb"), None, Locale::En),
            // The new locales, by choice and by header.
            (Some("zh-CN"), Some("en"), Locale::ZhHans),
            (Some("ko"), None, Locale::Ko),
            (Some("vi-VN"), Some("ja"), Locale::Vi),
            (Some("pt"), None, Locale::PtBr),
            (None, Some("pt-BR,pt;q=0.9,en;q=0.8"), Locale::PtBr),
            (None, Some("vi-VN,vi;q=0.9"), Locale::Vi),
            (None, Some("ko-KR,ko;q=0.9,en-US;q=0.8"), Locale::Ko),
            (None, Some("zh-CN,zh;q=0.9"), Locale::ZhHans),
            // Traditional Chinese is not offered: the next acceptable language wins.
            (Some("zh-TW"), Some("en"), Locale::En),
            (None, Some("zh-TW,zh-HK;q=0.9,en;q=0.5"), Locale::En),
            (None, Some("zh-TW,zh;q=0.8,en;q=0.5"), Locale::ZhHans),
            (None, Some("zh-Hant"), Locale::Ja),
            // やさしい日本語 only by choice or its exact tag, never from plain Japanese.
            (Some("ja-x-easy"), None, Locale::JaEasy),
            (Some("JA-x-Easy"), Some("en"), Locale::JaEasy),
            (None, Some("ja-x-easy, ja;q=0.5"), Locale::JaEasy),
            (None, Some("ja-JP,ja;q=0.9"), Locale::Ja),
            (Some("ja"), Some("ja-x-easy"), Locale::Ja),
            // q=0 refuses a language.
            (None, Some("en;q=0, ko;q=0.1"), Locale::Ko),
            (None, Some("en;q=0"), Locale::Ja),
            // Equal q-values keep the header's order.
            (None, Some("vi, ko"), Locale::Vi),
            (None, Some("ko, vi"), Locale::Ko),
            (None, Some("*"), Locale::Ja),
        ];
        for (choice, header, expected) in cases {
            assert_eq!(negotiate(choice, header), expected, "{choice:?} {header:?}");
        }
    }

    #[test]
    fn every_locale_renders_a_message_with_its_argument() {
        let catalog = Catalog::embedded();
        for locale in Locale::ALL {
            let text = catalog.message(locale, "error-email_too_long", &[("max", 254.into())]);
            assert!(text.contains("254"), "{}: {text}", locale.tag());
            assert_ne!(text, "error-email_too_long");
        }
        let ja = catalog.message(Locale::Ja, "notice-draft_saved", &[]);
        for locale in Locale::ALL.into_iter().skip(1) {
            let text = catalog.message(locale, "notice-draft_saved", &[]);
            assert_ne!(text, ja, "{} falls back to Japanese", locale.tag());
        }
    }

    #[test]
    fn plugin_messages_are_found_by_each_locales_tag() {
        let resources: Vec<(String, String)> = Locale::ALL
            .iter()
            .map(|l| {
                (
                    l.tag().to_owned(),
                    format!("p-hello = {}\n", l.native_name()),
                )
            })
            .collect();
        let messages = PluginMessages::new(&resources).expect("bundles");
        for locale in Locale::ALL {
            assert_eq!(
                messages.message(locale, "p-hello", &[]),
                locale.native_name()
            );
        }
        let only_ja =
            PluginMessages::new(&[("ja".to_owned(), "p-hello = こんにちは\n".to_owned())])
                .expect("bundle");
        assert_eq!(only_ja.message(Locale::Vi, "p-hello", &[]), "こんにちは");
        assert!(PluginMessages::new(&[("ja".to_owned(), "p-hello = {".to_owned())]).is_err());
    }

    #[test]
    fn missing_message_falls_back_to_its_id() {
        let catalog = Catalog::embedded();
        assert_eq!(catalog.message(Locale::En, "no-such-id", &[]), "no-such-id");
    }

    #[test]
    fn arguments_are_inserted_without_isolation_marks() {
        let catalog = Catalog::embedded();
        let text = catalog.message(Locale::En, "error-email_too_long", &[("max", 50.into())]);
        assert!(text.contains("50"), "{text}");
        assert!(!text.contains('\u{2068}'), "{text:?}");
    }
}
