//! Messages in the user's language: Fluent bundles built from `locales/`, embedded in the
//! binary, and the negotiation of a language from an explicit choice and `Accept-Language`.
//! The only crate that names fluent.
//!
//! Japanese (`ja`) is canonical: a message missing in another locale falls back to Japanese,
//! and the test suite fails when any locale lacks an id that `ja` has.

use std::collections::HashMap;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// A language the product speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Locale {
    /// Japanese, the canonical language.
    Ja,
    /// English.
    En,
}

impl Locale {
    /// Every supported locale, canonical first.
    pub const ALL: [Locale; 2] = [Locale::Ja, Locale::En];

    /// The BCP 47 tag (`ja`, `en`).
    pub fn tag(self) -> &'static str {
        match self {
            Locale::Ja => "ja",
            Locale::En => "en",
        }
    }

    /// The locale for a tag, ignoring case and region (`en-GB` → English).
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        Locale::ALL.into_iter().find(|l| l.tag() == primary)
    }
}

/// The locale of a request: an explicit choice if supported, else the best `Accept-Language`
/// match by q-value, else Japanese.
pub fn negotiate(choice: Option<&str>, accept_language: Option<&str>) -> Locale {
    if let Some(locale) = choice.and_then(Locale::from_tag) {
        return locale;
    }
    // `parse` orders the tags by q-value; a regional tag (`en-US`) counts for its language.
    accept_language
        .map(accept_language::parse)
        .and_then(|tags| tags.iter().find_map(|tag| Locale::from_tag(tag)))
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
            let langid: LanguageIdentifier = locale.tag().parse().map_err(|_| CatalogError {
                file: "-",
                problem: format!("bad language tag {}", locale.tag()),
            })?;
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
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
            let langid: LanguageIdentifier = locale
                .tag()
                .parse()
                .map_err(|_| format!("bad language tag {tag}"))?;
            let resource = FluentResource::try_new(source.clone())
                .map_err(|(_, errors)| format!("{tag}: {errors:?}"))?;
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
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
        ];
        for (choice, header, expected) in cases {
            assert_eq!(negotiate(choice, header), expected, "{choice:?} {header:?}");
        }
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
