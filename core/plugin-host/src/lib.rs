//! Runs ministry plugins (WASM components built against `core/plugin-api/wit/v1`). The only
//! crate that names wasmtime.
//!
//! Isolation, always on:
//! - a fresh `Store` and instance per call, from a cached pre-instantiated component;
//! - an epoch deadline on every call (a background thread ticks the engine's epoch);
//! - memory capped per store (`StoreLimits`);
//! - no WASI and no host functions: a component that imports anything is refused at install.
//!
//! A trap, a timeout, an exhausted memory or output that breaks the contract (a message id
//! outside the plugin's prefix or unknown to its resources, a path that does not exist in the
//! document it was given) is a [`PluginFailure`]: reported with plugin id and version, never a
//! crash, never blamed on the applicant.
//!
//! Feature `runtime` (on by default) is the engine: [`PluginHost`], [`LoadedPlugin`] and what
//! goes with them. Without it the crate is only the contract's checks ([`validate`]) and its
//! plain types, which build without wasmtime (the fuzz targets in `fuzz/` use them so).

mod catalogue;
#[cfg(feature = "runtime")]
mod runtime;
pub mod validate;

use std::time::Duration;

pub use catalogue::{
    CatalogueBusinessType, CatalogueField, CatalogueSubType, FieldKind, FieldScope, PluginCatalogue,
};
#[cfg(feature = "runtime")]
pub use runtime::{EngineError, HostConfig, InstallError, LoadedPlugin, PluginHost};

/// A plugin call that went wrong on the plugin's side.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PluginFailure {
    /// It ran past the call's deadline.
    #[error("timed out after {0:?}")]
    Timeout(Duration),
    /// It tried to grow memory past the limit, or trapped on a failed allocation.
    #[error("exceeded its memory limit")]
    OutOfMemory,
    /// It trapped (panic, unreachable, stack overflow, …).
    #[error("trapped: {0}")]
    Trap(String),
    /// It said it could not judge this document.
    #[error("declined to review: {0}")]
    Declined(String),
    /// Its output breaks the contract.
    #[error("broke the contract: {0}")]
    BadOutput(String),
}

/// One finding of a plugin, checked against the contract.
#[derive(Debug, Clone, PartialEq)]
pub struct PluginFinding {
    /// `error` blocks submission.
    pub severity: Severity,
    /// Message id, with the plugin's prefix, defined in its resources.
    pub message_id: String,
    /// Fluent variables.
    pub args: Vec<(String, ArgValue)>,
    /// JSON Pointer into the application document; it exists in the document reviewed.
    pub path: String,
}

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// Blocks submission.
    Error,
    /// For the reviewer.
    Warning,
    /// For the reviewer.
    Info,
}

/// A message argument value.
#[derive(Debug, Clone, PartialEq)]
pub enum ArgValue {
    /// Text.
    Text(String),
    /// A number.
    Number(f64),
}

/// The document a plugin may see: the applicant section in full; every business line whose type
/// the plugin does not own, and every establishment without such a line, replaced by `null` (so
/// positions, and therefore JSON Pointer paths, keep their meaning).
pub fn visible_document(
    document: &serde_json::Value,
    owns: impl Fn(&str) -> bool,
) -> serde_json::Value {
    use serde_json::Value;
    let mut visible = document.clone();
    if let Some(establishments) = visible
        .get_mut("establishments")
        .and_then(Value::as_array_mut)
    {
        for establishment in establishments.iter_mut() {
            let mut any_owned = false;
            if let Some(lines) = establishment
                .get_mut("business_lines")
                .and_then(Value::as_array_mut)
            {
                for line in lines.iter_mut() {
                    let owned = line
                        .get("business_type")
                        .and_then(Value::as_str)
                        .is_some_and(&owns);
                    if owned {
                        any_owned = true;
                    } else {
                        *line = Value::Null;
                    }
                }
            }
            if !any_owned {
                *establishment = Value::Null;
            }
        }
    }
    visible
}

/// Whether [`visible_document`] would leave `document` as it is: every establishment has at
/// least one business line and every line is of a type `owns` accepts. Then the document itself
/// may be handed over instead of a copy.
pub fn sees_everything(document: &serde_json::Value, owns: impl Fn(&str) -> bool) -> bool {
    use serde_json::Value;
    let Some(establishments) = document.get("establishments").and_then(Value::as_array) else {
        return true;
    };
    establishments.iter().all(|establishment| {
        establishment
            .get("business_lines")
            .and_then(Value::as_array)
            .is_some_and(|lines| {
                !lines.is_empty()
                    && lines.iter().all(|line| {
                        line.get("business_type")
                            .and_then(Value::as_str)
                            .is_some_and(&owns)
                    })
            })
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::{sees_everything, visible_document};

    #[test]
    fn seeing_everything_means_the_visible_document_is_the_document() {
        let line = |t: &str| json!({ "business_type": t });
        let documents = [
            json!({ "applicant": { "name": "x" } }),
            json!({ "establishments": [] }),
            json!({ "establishments": [{ "business_lines": [line("a")] }] }),
            json!({ "establishments": [{ "business_lines": [line("a"), line("b")] }] }),
            json!({ "establishments": [{ "business_lines": [] }] }),
            json!({ "establishments": [{ "name": "no lines" }] }),
            json!({ "establishments": [{ "business_lines": [{ "fte": 1 }] }] }),
            json!({ "establishments": [null, { "business_lines": [line("a")] }] }),
            json!({ "establishments": [{ "business_lines": [line("a")] }, { "business_lines": [line("b")] }] }),
        ];
        for document in &documents {
            for owned in [&["a"][..], &["a", "b"][..], &[][..]] {
                let owns = |t: &str| owned.contains(&t);
                if sees_everything(document, owns) {
                    assert_eq!(
                        &visible_document(document, owns),
                        document,
                        "{document} {owned:?}"
                    );
                }
            }
        }
        let two = &documents[8];
        assert!(sees_everything(two, |t| t == "a" || t == "b"));
        assert!(!sees_everything(two, |t| t == "a"));
        assert!(!sees_everything(&documents[4], |_| true));
    }
}
