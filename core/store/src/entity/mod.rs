//! sea-orm entities, one module per table. Times are Unix milliseconds; ids are text.

pub mod account;
pub mod account_token;
pub mod application;
pub mod audit_event;
pub mod draft_token;
pub mod idempotency_record;
pub mod login_throttle;
pub mod outbox_message;
pub mod plugin;
pub mod session;
