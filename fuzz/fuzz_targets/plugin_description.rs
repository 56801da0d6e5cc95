//! A plugin's declaration as the host receives it at install (`plugin_host::validate::
//! description`): ids, version, Fluent resources per locale (built from a pool of message ids so
//! that most pass, with arbitrary Fluent text mixed in for the parser), business types,
//! sub-types and extra fields with their bounds, choices and regular expressions.
#![no_main]

use arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use plugin_host::{
    CatalogueBusinessType, CatalogueField, CatalogueSubType, FieldKind, FieldScope,
    PluginCatalogue, validate,
};

const LOCALES: &[&str] = &[
    "ja",
    "en",
    "zh-Hans",
    "ko",
    "vi",
    "pt-BR",
    "ja-x-easy",
    "fr",
    "",
];
/// Message ids without the prefix.
const MESSAGES: &[&str] = &[
    "bt-rail", "st-main", "tw-main", "field", "help", "choice", "kind",
];
const IDS: &[&str] = &[
    "rail",
    "main",
    "permit",
    "permit_no",
    "-bad",
    "Rail",
    "a",
    "",
];
const PATTERNS: &[&str] = &[
    "[A-Z]{2}-[0-9]{4}",
    "(a+)+",
    "\\p{Han}+",
    "(",
    "a{1000}{1000}",
    "",
];

fn pick(u: &mut Unstructured<'_>, pool: &[&str]) -> arbitrary::Result<String> {
    if u.ratio(7, 8)? {
        Ok(u.choose(pool)?.to_string())
    } else {
        u.arbitrary()
    }
}

/// A message id: usually one of the pool, with the prefix.
fn message(u: &mut Unstructured<'_>, prefix: &str) -> arbitrary::Result<String> {
    if u.ratio(7, 8)? {
        Ok(format!("{prefix}{}", u.choose(MESSAGES)?))
    } else {
        u.arbitrary()
    }
}

fn list<T>(
    u: &mut Unstructured<'_>,
    most: usize,
    mut item: impl FnMut(&mut Unstructured<'_>) -> arbitrary::Result<T>,
) -> arbitrary::Result<Vec<T>> {
    let mut out = Vec::new();
    for _ in 0..u.int_in_range(0..=most)? {
        out.push(item(u)?);
    }
    Ok(out)
}

fn declaration(u: &mut Unstructured<'_>) -> arbitrary::Result<PluginCatalogue> {
    let ministry_id = pick(u, &["demo", "maff", "Demo", "-x"])?;
    let prefix = if u.ratio(15, 16)? {
        format!("{ministry_id}-")
    } else {
        u.arbitrary()?
    };
    let plugin_version = pick(u, &["1.0.0", "1.0", "1.0.0-rc1", "01.2.3", "1..0"])?;
    // Every locale, each defining every pooled message, unless the fuzzer says otherwise.
    let full = u.ratio(3, 4)?;
    let mut resources = Vec::new();
    for locale in LOCALES.iter().take(if full { 7 } else { LOCALES.len() }) {
        if !full && u.ratio(1, 4)? {
            continue;
        }
        let mut source = String::new();
        for id in MESSAGES {
            if full || u.ratio(7, 8)? {
                source.push_str(&format!("{prefix}{id} = {locale} {id}\n"));
            }
        }
        if u.ratio(1, 4)? {
            source.push_str(u.arbitrary()?);
        }
        // Deeply nested placeables or calls (the parser recurses on each).
        if u.ratio(1, 32)? {
            let depth = u.int_in_range(0..=100_000)?;
            let opener = if u.arbitrary()? { "{ " } else { "{ NUMBER(" };
            source.push_str(&format!("{prefix}deep = {}$x\n", opener.repeat(depth)));
        }
        resources.push((locale.to_string(), source));
    }
    let business_types = list(u, 3, |u| {
        Ok(CatalogueBusinessType {
            id: pick(u, IDS)?,
            label: message(u, &prefix)?,
            industrial_physician_exempt: u.arbitrary()?,
            sub_types: list(u, 3, |u| {
                Ok(CatalogueSubType {
                    id: pick(u, IDS)?,
                    label: message(u, &prefix)?,
                    target_work: message(u, &prefix)?,
                    integrated_external: if u.arbitrary()? {
                        Some((list(u, 3, |u| message(u, &prefix))?, message(u, &prefix)?))
                    } else {
                        None
                    },
                    sub_types_two: list(u, 3, |u| Ok((pick(u, IDS)?, message(u, &prefix)?)))?,
                })
            })?,
        })
    })?;
    let fields = list(u, 4, |u| {
        let kind = *u.choose(&[
            FieldKind::Text,
            FieldKind::Integer,
            FieldKind::Decimal,
            FieldKind::Boolean,
            FieldKind::Choice,
        ])?;
        Ok(CatalogueField {
            id: pick(u, IDS)?,
            scope: *u.choose(&[FieldScope::Application, FieldScope::BusinessLine])?,
            kind,
            required: u.arbitrary()?,
            label: message(u, &prefix)?,
            help: if u.arbitrary()? {
                Some(message(u, &prefix)?)
            } else {
                None
            },
            min: u.arbitrary()?,
            max: u.arbitrary()?,
            max_length: u.arbitrary()?,
            pattern: if u.arbitrary()? {
                Some(pick(u, PATTERNS)?)
            } else {
                None
            },
            choices: list(u, if kind == FieldKind::Choice { 3 } else { 1 }, |u| {
                Ok((u.arbitrary()?, message(u, &prefix)?))
            })?,
            business_types: list(u, 2, |u| pick(u, IDS))?,
        })
    })?;
    Ok(PluginCatalogue {
        ministry_id,
        plugin_version,
        message_prefix: prefix,
        business_types,
        fields,
        resources,
    })
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(declared) = declaration(&mut u) else {
        return;
    };
    if let Ok((catalogue, ids)) = validate::description(declared.clone()) {
        // Compared as text when NaN bounds (not equal to themselves) make `==` fail.
        assert!(
            catalogue == declared || format!("{catalogue:?}") == format!("{declared:?}"),
            "an accepted declaration is kept as declared"
        );
        for t in &catalogue.business_types {
            assert!(
                ids.contains(&t.label),
                "label {:?} of an accepted type is defined",
                t.label
            );
        }
    }
});
