//! Tenancy and review: tenants (ministries and the central administration), business-type
//! ownership, staff with a second factor and their sessions, review tasks and lines per
//! owning ministry, inquiries (疑義照会), the registry (登録), the public register (公表),
//! change notifications (変更の届出), a named counter for registration numbers, and the hash
//! chain of the audit trail (each entry of a subject hashes the previous one).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[sea_orm_migration::async_trait::async_trait]
#[expect(
    elided_lifetimes_in_paths,
    reason = "the trait in sea-orm-migration is declared without the lifetime"
)]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Tenant::Table)
                    .col(string(Tenant::Id).primary_key())
                    .col(string(Tenant::Kind))
                    .col(string(Tenant::Name))
                    .col(big_integer(Tenant::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(BusinessTypeOwner::Table)
                    .col(string(BusinessTypeOwner::BusinessType).primary_key())
                    .col(string(BusinessTypeOwner::TenantId))
                    .col(big_integer(BusinessTypeOwner::AssignedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(BusinessTypeOwner::Table, BusinessTypeOwner::TenantId)
                            .to(Tenant::Table, Tenant::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Staff::Table)
                    .col(string(Staff::Id).primary_key())
                    .col(string(Staff::TenantId))
                    .col(string(Staff::Email))
                    .col(string_uniq(Staff::EmailKey))
                    .col(string(Staff::Name))
                    .col(string(Staff::Role))
                    .col(string(Staff::Locale))
                    .col(text_null(Staff::PasswordHash))
                    .col(string_null(Staff::TotpSecret))
                    .col(big_integer_null(Staff::TotpLastStep))
                    .col(big_integer(Staff::CreatedAt))
                    .col(big_integer_null(Staff::DisabledAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Staff::Table, Staff::TenantId)
                            .to(Tenant::Table, Tenant::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("staff_tenant")
                    .table(Staff::Table)
                    .col(Staff::TenantId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(StaffToken::Table)
                    .col(string(StaffToken::TokenHash).primary_key())
                    .col(string(StaffToken::StaffId))
                    .col(big_integer(StaffToken::CreatedAt))
                    .col(big_integer(StaffToken::ExpiresAt))
                    .col(big_integer_null(StaffToken::UsedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(StaffToken::Table, StaffToken::StaffId)
                            .to(Staff::Table, Staff::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(StaffSession::Table)
                    .col(string(StaffSession::IdHash).primary_key())
                    .col(string(StaffSession::StaffId))
                    .col(big_integer(StaffSession::CreatedAt))
                    .col(big_integer(StaffSession::LastSeenAt))
                    .col(big_integer(StaffSession::ExpiresAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(StaffSession::Table, StaffSession::StaffId)
                            .to(Staff::Table, Staff::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("staff_session_staff")
                    .table(StaffSession::Table)
                    .col(StaffSession::StaffId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ReviewTask::Table)
                    .col(string(ReviewTask::ApplicationId))
                    .col(string(ReviewTask::TenantId))
                    .col(integer(ReviewTask::Round))
                    .col(string(ReviewTask::Kind))
                    .col(string(ReviewTask::Status))
                    .col(string(ReviewTask::ApplicantName))
                    .col(big_integer(ReviewTask::SubmittedAt))
                    .col(big_integer(ReviewTask::ChangedAt))
                    .col(integer(ReviewTask::LinesTotal))
                    .col(integer(ReviewTask::LinesPending))
                    .col(big_integer_null(ReviewTask::DecidedAt))
                    .primary_key(
                        Index::create()
                            .col(ReviewTask::ApplicationId)
                            .col(ReviewTask::TenantId),
                    )
                    .to_owned(),
            )
            .await?;
        // The reviewer queue: one ministry's tasks, optionally of one status, oldest first.
        manager
            .create_index(
                Index::create()
                    .name("review_task_queue")
                    .table(ReviewTask::Table)
                    .col(ReviewTask::TenantId)
                    .col(ReviewTask::SubmittedAt)
                    .col(ReviewTask::ApplicationId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("review_task_queue_status")
                    .table(ReviewTask::Table)
                    .col(ReviewTask::TenantId)
                    .col(ReviewTask::Status)
                    .col(ReviewTask::SubmittedAt)
                    .col(ReviewTask::ApplicationId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ReviewLine::Table)
                    .col(big_pk_auto(ReviewLine::Id))
                    .col(string(ReviewLine::ApplicationId))
                    .col(integer(ReviewLine::Round))
                    .col(string(ReviewLine::Path))
                    .col(string(ReviewLine::BusinessType))
                    .col(string(ReviewLine::TenantId))
                    .col(string(ReviewLine::Status))
                    .col(text_null(ReviewLine::Reason))
                    .col(string_null(ReviewLine::DecidedBy))
                    .col(big_integer_null(ReviewLine::DecidedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("review_line_application")
                    .table(ReviewLine::Table)
                    .col(ReviewLine::ApplicationId)
                    .col(ReviewLine::Round)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ReviewSeen::Table)
                    .col(string(ReviewSeen::StaffId))
                    .col(string(ReviewSeen::ApplicationId))
                    .col(big_integer(ReviewSeen::SeenAt))
                    .primary_key(
                        Index::create()
                            .col(ReviewSeen::StaffId)
                            .col(ReviewSeen::ApplicationId),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Inquiry::Table)
                    .col(string(Inquiry::Id).primary_key())
                    .col(string(Inquiry::ApplicationId))
                    .col(string(Inquiry::TenantId))
                    .col(integer(Inquiry::Round))
                    .col(text(Inquiry::Paths))
                    .col(text(Inquiry::Message))
                    .col(string(Inquiry::OpenedBy))
                    .col(big_integer(Inquiry::OpenedAt))
                    .col(string(Inquiry::Status))
                    .col(text_null(Inquiry::Answer))
                    .col(text_null(Inquiry::Changes))
                    .col(big_integer_null(Inquiry::AnsweredAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("inquiry_application")
                    .table(Inquiry::Table)
                    .col(Inquiry::ApplicationId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Registration::Table)
                    .col(string(Registration::ApplicationId).primary_key())
                    .col(string_uniq(Registration::RegistrationNumber))
                    .col(string(Registration::RegisteredOn))
                    .col(string(Registration::ValidUntil))
                    .col(big_integer(Registration::RegisteredAt))
                    .col(string(Registration::RegisteredBy))
                    .col(text(Registration::Document))
                    .col(integer(Registration::Version))
                    .col(big_integer(Registration::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PublicRegisterEntry::Table)
                    .col(big_pk_auto(PublicRegisterEntry::Id))
                    .col(string(PublicRegisterEntry::RegistrationNumber))
                    .col(string(PublicRegisterEntry::ApplicationId))
                    .col(string(PublicRegisterEntry::ApplicantName))
                    .col(string(PublicRegisterEntry::BusinessType))
                    .col(string(PublicRegisterEntry::EstablishmentName))
                    .col(string(PublicRegisterEntry::Prefecture))
                    .col(string(PublicRegisterEntry::Address))
                    .col(string(PublicRegisterEntry::RegisteredOn))
                    .col(text(PublicRegisterEntry::SearchKey))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("public_register_entry_application")
                    .table(PublicRegisterEntry::Table)
                    .col(PublicRegisterEntry::ApplicationId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ChangeNotification::Table)
                    .col(string(ChangeNotification::Id).primary_key())
                    .col(string(ChangeNotification::ApplicationId))
                    .col(integer(ChangeNotification::Round))
                    .col(text(ChangeNotification::Document))
                    .col(text(ChangeNotification::Changes))
                    .col(string(ChangeNotification::Status))
                    .col(big_integer(ChangeNotification::FiledAt))
                    .col(big_integer_null(ChangeNotification::DecidedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("change_notification_application")
                    .table(ChangeNotification::Table)
                    .col(ChangeNotification::ApplicationId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Counter::Table)
                    .col(string(Counter::Name).primary_key())
                    .col(big_integer(Counter::Value))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(AuditEvent::Table)
                    .add_column(big_integer_null(AuditEvent::Seq))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(AuditEvent::Table)
                    .add_column(string_null(AuditEvent::PrevHash))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(AuditEvent::Table)
                    .add_column(string_null(AuditEvent::Hash))
                    .to_owned(),
            )
            .await?;
        // Two entries can never claim the same place in a subject's chain.
        manager
            .create_index(
                Index::create()
                    .name("audit_event_chain")
                    .table(AuditEvent::Table)
                    .col(AuditEvent::SubjectType)
                    .col(AuditEvent::SubjectId)
                    .col(AuditEvent::Seq)
                    .unique()
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("audit_event_chain")
                    .table(AuditEvent::Table)
                    .to_owned(),
            )
            .await?;
        for column in [AuditEvent::Hash, AuditEvent::PrevHash, AuditEvent::Seq] {
            manager
                .alter_table(
                    Table::alter()
                        .table(AuditEvent::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        for table in [
            Counter::Table.into_iden(),
            ChangeNotification::Table.into_iden(),
            PublicRegisterEntry::Table.into_iden(),
            Registration::Table.into_iden(),
            Inquiry::Table.into_iden(),
            ReviewSeen::Table.into_iden(),
            ReviewLine::Table.into_iden(),
            ReviewTask::Table.into_iden(),
            StaffSession::Table.into_iden(),
            StaffToken::Table.into_iden(),
            Staff::Table.into_iden(),
            BusinessTypeOwner::Table.into_iden(),
            Tenant::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Tenant {
    Table,
    Id,
    Kind,
    Name,
    CreatedAt,
}

#[derive(DeriveIden)]
enum BusinessTypeOwner {
    Table,
    BusinessType,
    TenantId,
    AssignedAt,
}

#[derive(DeriveIden)]
enum Staff {
    Table,
    Id,
    TenantId,
    Email,
    EmailKey,
    Name,
    Role,
    Locale,
    PasswordHash,
    TotpSecret,
    TotpLastStep,
    CreatedAt,
    DisabledAt,
}

#[derive(DeriveIden)]
enum StaffToken {
    Table,
    TokenHash,
    StaffId,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum StaffSession {
    Table,
    IdHash,
    StaffId,
    CreatedAt,
    LastSeenAt,
    ExpiresAt,
}

#[derive(DeriveIden)]
enum ReviewTask {
    Table,
    ApplicationId,
    TenantId,
    Round,
    Kind,
    Status,
    ApplicantName,
    SubmittedAt,
    ChangedAt,
    LinesTotal,
    LinesPending,
    DecidedAt,
}

#[derive(DeriveIden)]
enum ReviewLine {
    Table,
    Id,
    ApplicationId,
    Round,
    Path,
    BusinessType,
    TenantId,
    Status,
    Reason,
    DecidedBy,
    DecidedAt,
}

#[derive(DeriveIden)]
enum ReviewSeen {
    Table,
    StaffId,
    ApplicationId,
    SeenAt,
}

#[derive(DeriveIden)]
enum Inquiry {
    Table,
    Id,
    ApplicationId,
    TenantId,
    Round,
    Paths,
    Message,
    OpenedBy,
    OpenedAt,
    Status,
    Answer,
    Changes,
    AnsweredAt,
}

#[derive(DeriveIden)]
#[expect(
    clippy::enum_variant_names,
    reason = "the column is called registration_number in the glossary"
)]
enum Registration {
    Table,
    ApplicationId,
    RegistrationNumber,
    RegisteredOn,
    ValidUntil,
    RegisteredAt,
    RegisteredBy,
    Document,
    Version,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum PublicRegisterEntry {
    Table,
    Id,
    RegistrationNumber,
    ApplicationId,
    ApplicantName,
    BusinessType,
    EstablishmentName,
    Prefecture,
    Address,
    RegisteredOn,
    SearchKey,
}

#[derive(DeriveIden)]
enum ChangeNotification {
    Table,
    Id,
    ApplicationId,
    Round,
    Document,
    Changes,
    Status,
    FiledAt,
    DecidedAt,
}

#[derive(DeriveIden)]
enum Counter {
    Table,
    Name,
    Value,
}

#[derive(DeriveIden)]
enum AuditEvent {
    Table,
    SubjectType,
    SubjectId,
    Seq,
    PrevHash,
    Hash,
}
