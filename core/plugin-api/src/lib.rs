//! The guest SDK for ministry plugins. A ministry writes plain Rust — a type implementing
//! [`Plugin`] and one `plugin_api::export_plugin!(MyPlugin);` line — and never touches the
//! generated bindings. The contract itself is `wit/v1/plugin.wit` (`toroku:plugin@1.0.0`).
//!
//! The same plugin crate also compiles natively, so its rules are unit-tested (and benchmarked)
//! without wasm.

#[doc(hidden)]
pub mod bindings {
    wit_bindgen::generate!({
        world: "ministry-plugin",
        path: "wit/v1",
        pub_export_macro: true,
        default_bindings_module: "plugin_api::bindings",
        additional_derives: [PartialEq],
    });
}

pub mod catalogue;
mod review;
pub mod rules;
pub mod testing;

pub use bindings::toroku::plugin::types::{
    ArgValue, BusinessType, Description, FieldChoice, FieldKind, FieldScope, FieldSpec,
    Finding as WitFinding, FluentResource, IntegratedExternal, MessageArg, Severity, SubType,
    SubTypeTwo,
};
pub use review::{Finding, Line, Review};
pub use serde_json::Value;

/// What a ministry plugin implements.
pub trait Plugin {
    /// Everything the plugin declares (called once, at install).
    fn describe() -> Description;

    /// Judges the lines of the application this plugin owns.
    fn review(review: &Review<'_>) -> Vec<Finding>;
}

/// Runs [`Plugin::review`] on a JSON document; the guest side of the `review` export.
#[doc(hidden)]
pub fn review_document<P: Plugin>(document: &[u8]) -> Result<Vec<WitFinding>, String> {
    let value: Value =
        serde_json::from_slice(document).map_err(|err| format!("document is not JSON: {err}"))?;
    let review = Review::new(&value);
    Ok(P::review(&review)
        .into_iter()
        .map(Finding::into_wit)
        .collect())
}

/// Exports a [`Plugin`] as the component's `describe` and `review`.
#[macro_export]
macro_rules! export_plugin {
    ($plugin:ty) => {
        #[doc(hidden)]
        struct __TorokuExport;

        impl $crate::bindings::Guest for __TorokuExport {
            fn describe() -> $crate::Description {
                <$plugin as $crate::Plugin>::describe()
            }

            fn review(
                document: ::std::vec::Vec<u8>,
            ) -> ::std::result::Result<::std::vec::Vec<$crate::WitFinding>, ::std::string::String>
            {
                $crate::review_document::<$plugin>(&document)
            }
        }

        $crate::bindings::export!(__TorokuExport with_types_in $crate::bindings);
    };
}
