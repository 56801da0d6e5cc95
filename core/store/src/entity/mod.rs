//! sea-orm entities, one module per table. Times are Unix milliseconds; ids are text.

pub mod account;
pub mod account_token;
pub mod application;
pub mod audit_event;
pub mod business_type_owner;
pub mod change_copy;
pub mod change_notification;
pub mod counter;
pub mod draft_import;
pub mod draft_token;
pub mod idempotency_record;
pub mod inquiry;
pub mod login_throttle;
pub mod outbox_message;
pub mod plugin;
pub mod public_register_entry;
pub mod registration;
pub mod review_line;
pub mod review_seen;
pub mod review_task;
pub mod session;
pub mod staff;
pub mod staff_session;
pub mod staff_token;
pub mod tenant;
