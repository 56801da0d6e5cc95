//! Persistence: connection set-up for SQLite (the embedded default) and PostgreSQL, the
//! entities, and every query the use cases need. The only crate that names sea-orm.
//!
//! Every query runs inside a [`Tx`]: writes take the database's write lock at `BEGIN` on SQLite
//! (`BEGIN IMMEDIATE`), so a transaction never fails half-way for having read a stale snapshot.

mod backup;
mod changes;
mod connect;
pub mod entity;
mod error;
mod first;
#[cfg(feature = "fixtures")]
pub mod fixtures;
mod group;
mod outbox;
mod queries;
mod review;

pub use backup::{Consistency, TableDigest};
pub use changes::{CHANNEL, ChangeFollower, ChangeKind};
pub use connect::{Backend, Store, StoreConfig, create_scratch_database};
pub use entity::{
    account::Model as AccountRow, account_token::Model as AccountTokenRow,
    application::Model as ApplicationRow, audit_event::Model as AuditEventRow,
    draft_token::Model as DraftTokenRow, idempotency_record::Model as IdempotencyRow,
    login_throttle::Model as LoginThrottleRow, outbox_message::Model as OutboxRow,
    plugin::Model as PluginRow, session::Model as SessionRow,
};
pub use entity::{
    business_type_owner::Model as OwnershipRow, change_copy::Model as ChangeCopyRow,
    change_notification::Model as ChangeRow, inquiry::Model as InquiryRow,
    public_register_entry::Model as RegisterEntryRow, registration::Model as RegistrationRow,
    review_line::Model as ReviewLineRow, review_task::Model as ReviewTaskRow,
    staff::Model as StaffRow, staff_session::Model as StaffSessionRow,
    staff_token::Model as StaffTokenRow, tenant::Model as TenantRow,
};
pub use error::StoreError;
pub use group::GroupStats;
pub use outbox::NewMail;
pub use queries::{NewAuditEvent, Tx, audit_hash, verify_audit_chain};
pub use review::{QueueFilter, QueueRow, RegisterFilter, RegisterPageRow};
