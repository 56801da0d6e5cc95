//! domain crate.
