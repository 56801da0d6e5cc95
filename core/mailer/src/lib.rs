//! mailer crate.
