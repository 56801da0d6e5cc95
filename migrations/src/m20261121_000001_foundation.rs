//! The foundation: applications and their draft links, accounts, sessions, idempotency
//! records, the mail outbox and the audit trail. Times are Unix milliseconds (BIGINT) so that
//! SQLite and PostgreSQL compare and order them the same way.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[sea_orm_migration::async_trait::async_trait]
#[expect(
    elided_lifetimes_in_paths,
    reason = "the trait in sea-orm-migration is declared without the lifetime"
)]
impl MigrationTrait for Migration {
    // All or nothing on every backend: a failed migration leaves the schema as it was.
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Application::Table)
                    .col(string(Application::Id).primary_key())
                    .col(string(Application::Email))
                    .col(string_uniq(Application::EmailKey))
                    .col(string(Application::Locale))
                    .col(string(Application::Status))
                    .col(text(Application::Document))
                    .col(integer(Application::Revision))
                    .col(big_integer(Application::CreatedAt))
                    .col(big_integer(Application::UpdatedAt))
                    .col(big_integer_null(Application::SubmittedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(DraftToken::Table)
                    .col(string(DraftToken::TokenHash).primary_key())
                    .col(string(DraftToken::ApplicationId))
                    .col(big_integer(DraftToken::CreatedAt))
                    .col(big_integer(DraftToken::ExpiresAt))
                    .col(big_integer_null(DraftToken::RevokedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(DraftToken::Table, DraftToken::ApplicationId)
                            .to(Application::Table, Application::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("draft_token_application_id")
                    .table(DraftToken::Table)
                    .col(DraftToken::ApplicationId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Account::Table)
                    .col(string(Account::Id).primary_key())
                    .col(string(Account::Email))
                    .col(string_uniq(Account::EmailKey))
                    .col(string(Account::Locale))
                    .col(text_null(Account::PasswordHash))
                    .col(big_integer(Account::CreatedAt))
                    .col(big_integer_null(Account::PasswordChangedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AccountToken::Table)
                    .col(string(AccountToken::TokenHash).primary_key())
                    .col(string(AccountToken::AccountId))
                    .col(string(AccountToken::Purpose))
                    .col(big_integer(AccountToken::CreatedAt))
                    .col(big_integer(AccountToken::ExpiresAt))
                    .col(big_integer_null(AccountToken::UsedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(AccountToken::Table, AccountToken::AccountId)
                            .to(Account::Table, Account::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Session::Table)
                    .col(string(Session::IdHash).primary_key())
                    .col(string(Session::AccountId))
                    .col(big_integer(Session::CreatedAt))
                    .col(big_integer(Session::LastSeenAt))
                    .col(big_integer(Session::ExpiresAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Session::Table, Session::AccountId)
                            .to(Account::Table, Account::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("session_account_id")
                    .table(Session::Table)
                    .col(Session::AccountId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(LoginThrottle::Table)
                    .col(string(LoginThrottle::LoginKey).primary_key())
                    .col(integer(LoginThrottle::Failures))
                    .col(big_integer(LoginThrottle::FirstFailureAt))
                    .col(big_integer(LoginThrottle::BlockedUntil))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(IdempotencyRecord::Table)
                    .col(string(IdempotencyRecord::Scope))
                    .col(string(IdempotencyRecord::Key))
                    .col(string(IdempotencyRecord::RequestHash))
                    .col(integer(IdempotencyRecord::Status))
                    .col(text(IdempotencyRecord::Body))
                    .col(big_integer(IdempotencyRecord::CreatedAt))
                    .primary_key(
                        Index::create()
                            .col(IdempotencyRecord::Scope)
                            .col(IdempotencyRecord::Key),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(OutboxMessage::Table)
                    .col(big_pk_auto(OutboxMessage::Id))
                    .col(string(OutboxMessage::Recipient))
                    .col(text(OutboxMessage::Subject))
                    .col(text(OutboxMessage::Body))
                    .col(big_integer(OutboxMessage::CreatedAt))
                    .col(integer(OutboxMessage::Attempts))
                    .col(big_integer(OutboxMessage::NextAttemptAt))
                    .col(big_integer_null(OutboxMessage::ClaimedUntil))
                    .col(big_integer_null(OutboxMessage::SentAt))
                    .col(big_integer_null(OutboxMessage::FailedAt))
                    .col(text_null(OutboxMessage::LastError))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("outbox_message_pending")
                    .table(OutboxMessage::Table)
                    .col(OutboxMessage::SentAt)
                    .col(OutboxMessage::NextAttemptAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AuditEvent::Table)
                    .col(big_pk_auto(AuditEvent::Id))
                    .col(big_integer(AuditEvent::At))
                    .col(string(AuditEvent::Actor))
                    .col(string(AuditEvent::Action))
                    .col(string(AuditEvent::SubjectType))
                    .col(string(AuditEvent::SubjectId))
                    .col(text(AuditEvent::Detail))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("audit_event_subject")
                    .table(AuditEvent::Table)
                    .col(AuditEvent::SubjectType)
                    .col(AuditEvent::SubjectId)
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            AuditEvent::Table.into_iden(),
            OutboxMessage::Table.into_iden(),
            IdempotencyRecord::Table.into_iden(),
            LoginThrottle::Table.into_iden(),
            Session::Table.into_iden(),
            AccountToken::Table.into_iden(),
            Account::Table.into_iden(),
            DraftToken::Table.into_iden(),
            Application::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Application {
    Table,
    Id,
    Email,
    EmailKey,
    Locale,
    Status,
    Document,
    Revision,
    CreatedAt,
    UpdatedAt,
    SubmittedAt,
}

#[derive(DeriveIden)]
enum DraftToken {
    Table,
    TokenHash,
    ApplicationId,
    CreatedAt,
    ExpiresAt,
    RevokedAt,
}

#[derive(DeriveIden)]
enum Account {
    Table,
    Id,
    Email,
    EmailKey,
    Locale,
    PasswordHash,
    CreatedAt,
    PasswordChangedAt,
}

#[derive(DeriveIden)]
enum AccountToken {
    Table,
    TokenHash,
    AccountId,
    Purpose,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum Session {
    Table,
    IdHash,
    AccountId,
    CreatedAt,
    LastSeenAt,
    ExpiresAt,
}

#[derive(DeriveIden)]
enum LoginThrottle {
    Table,
    LoginKey,
    Failures,
    FirstFailureAt,
    BlockedUntil,
}

#[derive(DeriveIden)]
enum IdempotencyRecord {
    Table,
    Scope,
    Key,
    RequestHash,
    Status,
    Body,
    CreatedAt,
}

#[derive(DeriveIden)]
enum OutboxMessage {
    Table,
    Id,
    Recipient,
    Subject,
    Body,
    CreatedAt,
    Attempts,
    NextAttemptAt,
    ClaimedUntil,
    SentAt,
    FailedAt,
    LastError,
}

#[derive(DeriveIden)]
enum AuditEvent {
    Table,
    Id,
    At,
    Actor,
    Action,
    SubjectType,
    SubjectId,
    Detail,
}
