//! registrar crate.
