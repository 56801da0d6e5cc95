//! i18n crate.
