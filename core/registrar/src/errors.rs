//! What can go wrong in each use case, in domain words. The server owns the one mapping of
//! these to HTTP; every variant that reaches a user has an `error-<code>` message in every
//! locale (checked by the server's tests).

use store::StoreError;

/// A problem with one field of a request body (not of the application document: those are
/// [`domain::finding::Finding`]s).
#[derive(Debug, Clone, PartialEq)]
pub struct FieldProblem {
    /// JSON Pointer into the request body, e.g. `/email_confirmation`.
    pub path: String,
    /// Stable snake_case code; the message id is `error-<code>`.
    pub code: &'static str,
    /// Numeric message arguments, e.g. `("max", 50)`.
    pub args: Vec<(&'static str, i64)>,
}

impl FieldProblem {
    pub fn new(path: &str, code: &'static str) -> Self {
        FieldProblem {
            path: path.to_owned(),
            code,
            args: Vec::new(),
        }
    }

    pub fn with(mut self, name: &'static str, value: i64) -> Self {
        self.args.push((name, value));
        self
    }
}

/// Pre-registration refused its input.
#[derive(Debug, thiserror::Error)]
pub enum PreRegisterError {
    /// The e-mail fields are wrong.
    #[error("invalid pre-registration")]
    Invalid(Vec<FieldProblem>),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A draft link could not be used.
#[derive(Debug, thiserror::Error)]
pub enum DraftError {
    /// No such link (or a malformed one).
    #[error("unknown draft link")]
    LinkInvalid,
    /// The link is older than its validity.
    #[error("draft link expired")]
    LinkExpired,
    /// The application was submitted; the link is used up.
    #[error("application already submitted")]
    AlreadySubmitted,
    /// The document to save is not a JSON object.
    #[error("the application document must be a JSON object")]
    NotAnObject,
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Submission could not be attempted (findings that block it are a normal outcome, not this).
#[derive(Debug, thiserror::Error)]
pub enum SubmitError {
    /// The draft link could not be used.
    #[error(transparent)]
    Draft(#[from] DraftError),
    /// No `Idempotency-Key` header.
    #[error("Idempotency-Key header missing")]
    IdempotencyKeyMissing,
    /// The key is empty, too long or has characters outside visible ASCII.
    #[error("Idempotency-Key header malformed")]
    IdempotencyKeyInvalid,
    /// The key was used before with a different request body.
    #[error("Idempotency-Key reused with a different request")]
    IdempotencyKeyReused,
    /// The applicant confirmed another revision of the draft than the one stored.
    #[error("draft changed since it was confirmed")]
    RevisionMismatch {
        /// The stored revision.
        current: i32,
    },
    /// The request body is not `{}` or `{"revision": n}`.
    #[error("invalid submit request")]
    Invalid(Vec<FieldProblem>),
}

impl From<StoreError> for SubmitError {
    fn from(err: StoreError) -> Self {
        SubmitError::Draft(DraftError::Store(err))
    }
}

/// Setting a password from a mailed link failed.
#[derive(Debug, thiserror::Error)]
pub enum SetPasswordError {
    /// Unknown, used or expired link (one answer for all three).
    #[error("password link invalid or expired")]
    LinkInvalid,
    /// The new password breaks the policy.
    #[error("password refused")]
    Invalid(Vec<FieldProblem>),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Login failed.
#[derive(Debug, thiserror::Error)]
pub enum LoginError {
    /// Wrong login id or password (the same answer for both).
    #[error("invalid login id or password")]
    InvalidCredentials,
    /// Too many recent failures for this login id; try again later.
    #[error("too many failed attempts")]
    Throttled {
        /// Seconds until the next attempt is accepted.
        retry_after_s: i64,
    },
    /// Missing fields.
    #[error("invalid login request")]
    Invalid(Vec<FieldProblem>),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A request that needs a session has none that is valid.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    /// No session, an unknown one, or one past its idle or absolute timeout.
    #[error("not logged in")]
    Unauthenticated,
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Changing the password of a logged-in account failed.
#[derive(Debug, thiserror::Error)]
pub enum ChangePasswordError {
    /// Not logged in.
    #[error(transparent)]
    Session(#[from] SessionError),
    /// The current password given is wrong.
    #[error("current password is wrong")]
    CurrentPasswordWrong,
    /// The new password breaks the policy, or fields are missing.
    #[error("password refused")]
    Invalid(Vec<FieldProblem>),
}

impl From<StoreError> for ChangePasswordError {
    fn from(err: StoreError) -> Self {
        ChangePasswordError::Session(SessionError::Store(err))
    }
}

/// A password-reset request had missing fields (anything else is answered "accepted").
#[derive(Debug, thiserror::Error)]
pub enum ResetRequestError {
    /// Missing or malformed fields.
    #[error("invalid reset request")]
    Invalid(Vec<FieldProblem>),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A staff use case (administration, review, registration) could not be done.
#[derive(Debug, thiserror::Error)]
pub enum StaffError {
    /// No valid staff session.
    #[error("not logged in as staff")]
    Unauthenticated,
    /// The policy does not allow this action to this staff member.
    #[error("not allowed")]
    Forbidden,
    /// No such thing, or not one this staff member may see (the same answer for both).
    #[error("not found")]
    NotFound,
    /// The request's fields are wrong.
    #[error("invalid request")]
    Invalid(Vec<FieldProblem>),
    /// The state does not allow it now (stable code, e.g. `review_not_complete`).
    #[error("conflict: {0}")]
    Conflict(&'static str),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// An applicant's answer to an inquiry or change notification could not be taken.
#[derive(Debug, thiserror::Error)]
pub enum ApplicantError {
    /// Not logged in.
    #[error(transparent)]
    Session(#[from] SessionError),
    /// No such inquiry or notification of this applicant.
    #[error("not found")]
    NotFound,
    /// The request's fields are wrong (including edits outside the flagged fields).
    #[error("invalid request")]
    Invalid(Vec<FieldProblem>),
    /// The corrected document has error findings; nothing changed.
    #[error("findings block the change")]
    Findings(Box<crate::CheckReport>),
    /// The state does not allow it now (stable code).
    #[error("conflict: {0}")]
    Conflict(&'static str),
}

impl From<StoreError> for ApplicantError {
    fn from(err: StoreError) -> Self {
        ApplicantError::Session(SessionError::Store(err))
    }
}
