//! Authorization: may this staff member do this action on this thing?
//!
//! The decision is casbin's, over the reviewed files in `policies/` (embedded at build time):
//! `model.conf` (RBAC with domains = tenants, plus a business-type → tenant ownership relation)
//! and `permissions.csv` (each role's permissions, written once). The per-deployment facts
//! (tenants, staff roles, approved business-type ownership) arrive as [`PolicyData`], are
//! validated, and become `g` / `g2` rules.
//!
//! [`Authz`] holds the policy in force in an `ArcSwap`: a request takes a snapshot
//! ([`Authz::current`]) and decides on it without any lock of ours; a change builds a whole new
//! [`Policy`] off to the side and swaps it in ([`Authz::rebuild`]).
//!
//! This is the only crate that names casbin.

mod policy;

use std::fmt;
use std::sync::Arc;

use arc_swap::ArcSwap;

pub use policy::Policy;

/// The id of the central administration's tenant (the only tenant of kind
/// [`TenantKind::Central`]).
pub const CENTRAL_TENANT: &str = "central";

/// A staff role. Permissions per role are in `policies/permissions.csv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The central administration: sees everything, manages tenants, plugins and staff, and
    /// registers applications. Valid only in the central tenant.
    CentralAdmin,
    /// A ministry's administrator: manages its staff and reviews its lines. Valid only in
    /// ministry tenants.
    MinistryAdmin,
    /// A ministry's reviewer: reads its queue and decides its lines. Valid only in ministry
    /// tenants.
    Reviewer,
}

impl Role {
    /// Every role.
    pub const ALL: [Role; 3] = [Role::CentralAdmin, Role::MinistryAdmin, Role::Reviewer];

    /// The role's name in the policy files and the database (`central_admin`, …).
    pub fn as_str(&self) -> &'static str {
        match self {
            Role::CentralAdmin => "central_admin",
            Role::MinistryAdmin => "ministry_admin",
            Role::Reviewer => "reviewer",
        }
    }

    /// The role named `name` (as written by [`Role::as_str`]), if any.
    pub fn parse(name: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|role| role.as_str() == name)
    }

    /// Whether a staff member of a tenant of this kind may hold the role.
    pub fn valid_in(&self, kind: TenantKind) -> bool {
        match self {
            Role::CentralAdmin => kind == TenantKind::Central,
            Role::MinistryAdmin | Role::Reviewer => kind == TenantKind::Ministry,
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What kind of tenant a tenant is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TenantKind {
    /// The central administration (exactly one: [`CENTRAL_TENANT`]).
    Central,
    /// A ministry (担当府省庁).
    Ministry,
}

impl TenantKind {
    /// The kind's name (`central` or `ministry`).
    pub fn as_str(&self) -> &'static str {
        match self {
            TenantKind::Central => "central",
            TenantKind::Ministry => "ministry",
        }
    }

    /// The kind named `name` (as written by [`TenantKind::as_str`]), if any.
    pub fn parse(name: &str) -> Option<TenantKind> {
        match name {
            "central" => Some(TenantKind::Central),
            "ministry" => Some(TenantKind::Ministry),
            _ => None,
        }
    }
}

impl fmt::Display for TenantKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What is being done: one `(kind, act)` pair of the policy each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// `tenant manage`: create and change tenants.
    TenantManage,
    /// `plugin install`: install a ministry plugin (and approve its business types).
    PluginInstall,
    /// `staff manage`: create staff and grant roles (owner: the staff's tenant).
    StaffManage,
    /// `queue read`: read a tenant's review queue (owner: the tenant).
    QueueRead,
    /// `line read`: read a business line under review (owner: its business type).
    LineRead,
    /// `line decide`: accept or refuse a business line (owner: its business type).
    LineDecide,
    /// `line inquire`: send the applicant a question about a line (owner: its business type).
    LineInquire,
    /// `application read_all`: read whole applications, every ministry's part.
    ApplicationReadAll,
    /// `application register`: register an application once every ministry accepted.
    ApplicationRegister,
    /// `application audit`: read an application's audit trail.
    ApplicationAudit,
}

impl Action {
    /// Every action.
    pub const ALL: [Action; 10] = [
        Action::TenantManage,
        Action::PluginInstall,
        Action::StaffManage,
        Action::QueueRead,
        Action::LineRead,
        Action::LineDecide,
        Action::LineInquire,
        Action::ApplicationReadAll,
        Action::ApplicationRegister,
        Action::ApplicationAudit,
    ];

    /// The kind of thing acted on (`p.kind` in the policy).
    pub fn kind(&self) -> &'static str {
        match self {
            Action::TenantManage => "tenant",
            Action::PluginInstall => "plugin",
            Action::StaffManage => "staff",
            Action::QueueRead => "queue",
            Action::LineRead | Action::LineDecide | Action::LineInquire => "line",
            Action::ApplicationReadAll | Action::ApplicationRegister | Action::ApplicationAudit => {
                "application"
            }
        }
    }

    /// What is done to it (`p.act` in the policy).
    pub fn act(&self) -> &'static str {
        match self {
            Action::TenantManage | Action::StaffManage => "manage",
            Action::PluginInstall => "install",
            Action::QueueRead | Action::LineRead => "read",
            Action::LineDecide => "decide",
            Action::LineInquire => "inquire",
            Action::ApplicationReadAll => "read_all",
            Action::ApplicationRegister => "register",
            Action::ApplicationAudit => "audit",
        }
    }

    /// The action's one-word name, `<kind>_<act>` (`line_decide`), as in `policies/cases.csv`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Action::TenantManage => "tenant_manage",
            Action::PluginInstall => "plugin_install",
            Action::StaffManage => "staff_manage",
            Action::QueueRead => "queue_read",
            Action::LineRead => "line_read",
            Action::LineDecide => "line_decide",
            Action::LineInquire => "line_inquire",
            Action::ApplicationReadAll => "application_read_all",
            Action::ApplicationRegister => "application_register",
            Action::ApplicationAudit => "application_audit",
        }
    }

    /// The action named `name` (as written by [`Action::as_str`]), if any.
    pub fn parse(name: &str) -> Option<Action> {
        Action::ALL
            .into_iter()
            .find(|action| action.as_str() == name)
    }

    /// The action of a policy rule's `(kind, act)`, if any.
    pub fn from_kind_act(kind: &str, act: &str) -> Option<Action> {
        Action::ALL
            .into_iter()
            .find(|action| action.kind() == kind && action.act() == act)
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whose thing it is (`r.owner` in the model; displayed as the model sees it).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Owner {
    /// A tenant's own thing (its staff records, its queue): `tenant:<tenant id>`.
    Tenant(String),
    /// A business line of this business type: `type:<business type id>`.
    BusinessType(String),
    /// A global thing (tenants, plugins, applications as a whole): `none`. Only roles whose
    /// permission has scope `all` can act on it.
    Nobody,
}

impl fmt::Display for Owner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Owner::Tenant(tenant) => write!(f, "tenant:{tenant}"),
            Owner::BusinessType(business_type) => write!(f, "type:{business_type}"),
            Owner::Nobody => f.write_str("none"),
        }
    }
}

/// The facts a policy is built from (read from the database by the caller).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PolicyData {
    /// Every tenant with its kind. Ids: lowercase ASCII letters, digits, `-` and `_`.
    pub tenants: Vec<(String, TenantKind)>,
    /// Every role held by a staff member.
    pub staff: Vec<StaffGrant>,
    /// Approved business-type ownership: `(business type id, ministry tenant id)`.
    pub ownership: Vec<(String, String)>,
}

/// One role held by one staff member in their tenant.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct StaffGrant {
    /// The staff member's id (ASCII letters, digits, `-`, `_`, `.`).
    pub staff_id: String,
    /// The staff member's tenant.
    pub tenant_id: String,
    /// The role held there.
    pub role: Role,
}

/// Why a policy could not be built. Invalid data is refused before anything is swapped in.
#[derive(Debug, thiserror::Error)]
pub enum AuthzError {
    /// An id is empty, too long, or has characters outside its alphabet (or is reserved).
    #[error("invalid {what} id {value:?}")]
    InvalidId {
        /// Which kind of id (`tenant`, `staff`, `business type`).
        what: &'static str,
        /// The id as given.
        value: String,
    },
    /// The same tenant is listed twice.
    #[error("tenant {tenant:?} is listed twice")]
    DuplicateTenant {
        /// The tenant.
        tenant: String,
    },
    /// The central tenant is not of kind central, or another tenant is.
    #[error(
        "tenant {tenant:?} cannot be of kind {kind}: only the tenant \"central\" is (and must be) central"
    )]
    TenantKindMismatch {
        /// The tenant.
        tenant: String,
        /// The kind it was given.
        kind: TenantKind,
    },
    /// A staff grant names a tenant that is not listed.
    #[error("staff {staff_id:?} belongs to unknown tenant {tenant:?}")]
    StaffUnknownTenant {
        /// The staff member.
        staff_id: String,
        /// The unknown tenant.
        tenant: String,
    },
    /// `central_admin` granted in a tenant other than the central one.
    #[error(
        "staff {staff_id:?} of tenant {tenant:?} cannot be central_admin outside the central tenant"
    )]
    CentralAdminOutsideCentral {
        /// The staff member.
        staff_id: String,
        /// Their tenant.
        tenant: String,
    },
    /// A ministry role granted in the central tenant.
    #[error("staff {staff_id:?} cannot be {role} in the central tenant")]
    MinistryRoleInCentral {
        /// The staff member.
        staff_id: String,
        /// The ministry role.
        role: Role,
    },
    /// The same staff id has grants in two tenants (a staff member belongs to one tenant).
    #[error("staff {staff_id:?} has roles in two tenants ({first:?} and {second:?})")]
    StaffInSeveralTenants {
        /// The staff member.
        staff_id: String,
        /// One tenant.
        first: String,
        /// Another tenant.
        second: String,
    },
    /// An ownership names a tenant that is not listed.
    #[error("business type {business_type:?} is owned by unknown tenant {tenant:?}")]
    OwnershipUnknownTenant {
        /// The business type.
        business_type: String,
        /// The unknown tenant.
        tenant: String,
    },
    /// An ownership names the central tenant (only ministries own business types).
    #[error(
        "business type {business_type:?} cannot be owned by {tenant:?}, which is not a ministry"
    )]
    OwnerNotMinistry {
        /// The business type.
        business_type: String,
        /// The tenant.
        tenant: String,
    },
    /// One business type owned by two tenants.
    #[error("business type {business_type:?} is owned twice ({first:?} and {second:?})")]
    BusinessTypeOwnedTwice {
        /// The business type.
        business_type: String,
        /// One owner.
        first: String,
        /// Another owner.
        second: String,
    },
    /// The embedded `policies/permissions.csv` has a line that is not a valid permission.
    #[error("policies/permissions.csv line {line}: {reason}")]
    InvalidPermissions {
        /// The 1-based line number.
        line: usize,
        /// What is wrong with it.
        reason: String,
    },
    /// casbin refused the model or the rules (its message, stringified).
    #[error("casbin: {0}")]
    Casbin(String),
}

/// The policy in force, swapped atomically on change.
#[derive(Debug)]
pub struct Authz {
    current: ArcSwap<Policy>,
}

impl Authz {
    /// Validates `data` and builds the first policy.
    pub async fn new(data: &PolicyData) -> Result<Authz, AuthzError> {
        let policy = Policy::build(data).await?;
        Ok(Authz {
            current: ArcSwap::from_pointee(policy),
        })
    }

    /// Builds a new enforcer off to the side and swaps it in atomically; requests in flight
    /// keep the one they started with. Never takes a lock per request. Invalid data is refused
    /// and the policy in force stays. Concurrent rebuilds each swap in their own result, the
    /// last to finish winning: call it from one place, with data read after the change.
    pub async fn rebuild(&self, data: &PolicyData) -> Result<(), AuthzError> {
        let policy = Policy::build(data).await?;
        self.current.store(Arc::new(policy));
        Ok(())
    }

    /// A snapshot of the policy in force: decide a whole request on it.
    pub fn current(&self) -> Arc<Policy> {
        self.current.load_full()
    }
}
