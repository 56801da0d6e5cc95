//! postal crate.
