//! Value types and pure rules of the application document: normalisation, checks, the typed
//! model, 常勤換算 and 法人番号. No IO, no async, no framework types.
//!
//! The document is a `serde_json::Value` shaped like `application.example.json`. It is stored as
//! typed, even when invalid; [`normalise`] rewrites what is unambiguous, [`check`] reports every
//! [`Finding`], and [`Application::from_document`] gives the typed model of a document that
//! passed [`check`] without errors.

pub mod application;
pub mod corporate_number;
pub mod diff;
pub mod document;
pub mod finding;
pub mod fte;
pub mod legal_form;
pub mod prefecture;
pub mod text;

pub use application::{
    Address, Applicant, Application, ApplicationKind, BusinessLine, Establishment, Founder,
    ModelError, Proxy, PublicBodyClass, VaccinationSite,
};
pub use document::{
    AnyBusinessType, BusinessTypeInfo, Catalogue, CheckContext, PostalDirectory, check, has_errors,
    normalise,
};
pub use finding::{Finding, Severity, codes};
