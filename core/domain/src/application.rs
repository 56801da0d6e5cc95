//! The typed application (登録申請) for a document that passed `check` without errors.
//!
//! Built only through [`Application::from_document`]; unknown fields of the document are not
//! part of the model (the stored document keeps them).

use serde::{Deserialize, Deserializer};
use serde_json::{Map, Value};

/// Who founded the applicant (設立主体).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Founder {
    /// 民間: a business, including 独立行政法人 other than 行政執行法人.
    Private,
    /// 国・都道府県・市区町村 and their 行政執行法人 / 特定地方独立行政法人.
    Public,
}

/// Class of a public body (設立区分).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PublicBodyClass {
    /// 国 (including 行政執行法人).
    National,
    /// 都道府県 (including prefectural 特定地方独立行政法人).
    Prefecture,
    /// 市区町村 (including municipal 特定地方独立行政法人).
    Municipality,
}

/// What the filing is: businesses register, public bodies report the same data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ApplicationKind {
    /// 登録申請, filed by a private applicant.
    Registration,
    /// 報告, filed by a public body.
    Report,
}

/// An application (登録申請) or report (報告) that passed the checks.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Application {
    /// Program id, always `tokutei`.
    pub program: String,
    /// Private or public.
    pub founder: Founder,
    /// Set exactly when the founder is public.
    #[serde(default)]
    pub public_body_class: Option<PublicBodyClass>,
    /// The applicant (申請者).
    pub applicant: Applicant,
    /// Set when a franchisor applies for its franchisees (代理申請).
    #[serde(default)]
    pub proxy: Option<Proxy>,
    /// The establishments (事業所), at least one.
    pub establishments: Vec<Establishment>,
}

/// A postal address as the form takes it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Address {
    /// 7 half-width digits.
    pub postal_code: String,
    /// One of the 47 prefectures.
    pub prefecture: String,
    /// City, ward, town or village.
    pub city: String,
    /// Address below the city (町名以下).
    pub street: String,
}

/// The business or public body that applies (申請者).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Applicant {
    /// Legal name, or the public body's name.
    pub name: String,
    /// Reading in hiragana; optional for public bodies.
    #[serde(default)]
    pub name_kana: Option<String>,
    /// Representative's name.
    pub representative: String,
    /// Representative's reading in hiragana.
    pub representative_kana: String,
    /// Address.
    #[serde(flatten)]
    pub address: Address,
    /// Phone number, digits only.
    pub phone: String,
    /// Fax number, digits only.
    #[serde(default)]
    pub fax: Option<String>,
    /// E-mail address.
    pub email: String,
    /// 産業医 appointed; `None` where not asked.
    #[serde(default)]
    pub industrial_physician: Option<bool>,
    /// BCP in place; `None` where not asked.
    #[serde(default)]
    pub business_continuity_plan: Option<bool>,
    /// 備考1: permit number or corporate number.
    #[serde(default)]
    pub note1: Option<String>,
    /// 備考2: free note.
    #[serde(default)]
    pub note2: Option<String>,
}

/// A franchisor's application on behalf of its franchisees (代理申請).
///
/// The seed system put this in note 2 as prose; here it is two answers, and each
/// establishment's name starts with （〇〇代理） naming the franchisee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct Proxy {
    /// Every franchisee has appointed an industrial physician and has a BCP.
    pub franchisees_have_physician_and_bcp: bool,
    /// A copy of the power of attorney (委任状) has been sent to the ministry.
    pub power_of_attorney_submitted: bool,
}

impl Proxy {
    /// True when an establishment name starts with the proxy prefix, e.g.
    /// `（株式会社コンビニ山田代理）山田駅前店`: a bracketed franchisee name ending in 代理,
    /// then the establishment's own name. Half-width brackets are accepted too.
    pub fn name_has_prefix(name: &str) -> bool {
        let Some(rest) = name.strip_prefix('（').or_else(|| name.strip_prefix('(')) else {
            return false;
        };
        ["代理）", "代理)"].iter().any(|close| {
            rest.find(close).is_some_and(|at| {
                let franchisee = &rest[..at];
                let establishment = &rest[at + close.len()..];
                !franchisee.trim().is_empty() && !establishment.trim().is_empty()
            })
        })
    }
}

/// A branch, office or facility (事業所).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Establishment {
    /// Name, e.g. 〇〇支店.
    pub name: String,
    /// Address.
    #[serde(flatten)]
    pub address: Address,
    /// Phone number, digits only.
    pub phone: String,
    /// Fax number, digits only.
    #[serde(default)]
    pub fax: Option<String>,
    /// E-mail address.
    #[serde(default)]
    pub email: Option<String>,
    /// All of the applicant's staff here (全従業者数), external staff excluded.
    pub total_staff: u32,
    /// The business lines run here, at least one.
    pub business_lines: Vec<BusinessLine>,
    /// Where the staff will be vaccinated.
    pub vaccination_site: VaccinationSite,
}

/// One business type run at an establishment, with its registered staff (事業の種類情報).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct BusinessLine {
    /// Business type id from the catalogue.
    pub business_type: String,
    /// Sub-type level 1.
    pub sub_type_1: String,
    /// Sub-type level 2, ministry-defined; `None` for 未選択.
    #[serde(default)]
    pub sub_type_2: Option<String>,
    /// Registered staff of the applicant, full-time equivalent rounded up.
    pub registered_staff_own: u32,
    /// Registered staff of external contractors, full-time equivalent rounded up.
    pub registered_staff_external: u32,
    /// Breakdown of the registered staff by target work.
    #[serde(default)]
    pub note: Option<String>,
    /// Ministry-defined extra fields, kept as they are (`null` or absent: none, as `check`
    /// reads an optional object).
    #[serde(default, deserialize_with = "null_as_empty")]
    pub extra: Map<String, Value>,
}

impl BusinessLine {
    /// Registered staff in all (登録対象業務の従業者数): own + external, computed, never typed.
    pub fn registered_staff_total(&self) -> u32 {
        self.registered_staff_own
            .saturating_add(self.registered_staff_external)
    }
}

/// The medical institution that will vaccinate an establishment's staff (接種実施医療機関).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum VaccinationSite {
    /// An institution is secured.
    Secured {
        /// Institution name.
        name: String,
        /// Its reading in hiragana.
        name_kana: String,
        /// Address.
        #[serde(flatten)]
        address: Address,
        /// Phone number, digits only.
        phone: String,
        /// Fax number, digits only.
        #[serde(default)]
        fax: Option<String>,
        /// E-mail address.
        #[serde(default)]
        email: Option<String>,
    },
    /// None yet: the plan, e.g. 〇〇病院で実施を検討.
    NotYetSecured {
        /// How the applicant plans to secure one.
        plan_note: String,
    },
}

/// Why a document does not give an [`Application`]: it did not pass `check`.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// A field is missing or of the wrong type.
    #[error("the document does not fit the application model: {0}")]
    Shape(#[from] serde_json::Error),
    /// The program is not `tokutei`.
    #[error("the program must be tokutei, not {0:?}")]
    Program(String),
    /// The public body class is missing for a public body or given for a private applicant.
    #[error("a public body class belongs to public bodies, and only to them")]
    PublicBodyClass,
    /// The declaration that nothing is false is not confirmed.
    #[error("the no-false-statement declaration is not confirmed")]
    Declaration,
    /// No establishment is listed.
    #[error("the application lists no establishment")]
    NoEstablishment,
    /// An establishment lists no business line.
    #[error("establishment {establishment} lists no business line")]
    NoBusinessLine {
        /// Index of the establishment, from 0.
        establishment: usize,
    },
}

impl Application {
    /// The typed model of a document that passed `check` without errors.
    pub fn from_document(doc: &Value) -> Result<Application, ModelError> {
        if doc.get("declaration_truthful") != Some(&Value::Bool(true)) {
            return Err(ModelError::Declaration);
        }
        let mut application = Application::deserialize(doc)?;
        if application.program != "tokutei" {
            return Err(ModelError::Program(application.program));
        }
        if (application.founder == Founder::Public) != application.public_body_class.is_some() {
            return Err(ModelError::PublicBodyClass);
        }
        if application.establishments.is_empty() {
            return Err(ModelError::NoEstablishment);
        }
        if let Some(establishment) = application
            .establishments
            .iter()
            .position(|e| e.business_lines.is_empty())
        {
            return Err(ModelError::NoBusinessLine { establishment });
        }
        application.blank_optionals_to_none();
        Ok(application)
    }

    /// Registration for private applicants, report for public bodies.
    pub fn kind(&self) -> ApplicationKind {
        match self.founder {
            Founder::Private => ApplicationKind::Registration,
            Founder::Public => ApplicationKind::Report,
        }
    }

    /// The document treats an empty optional string as absent; so does the model.
    fn blank_optionals_to_none(&mut self) {
        let applicant = &mut self.applicant;
        for field in [
            &mut applicant.name_kana,
            &mut applicant.fax,
            &mut applicant.note1,
            &mut applicant.note2,
        ] {
            blank_to_none(field);
        }
        for establishment in &mut self.establishments {
            blank_to_none(&mut establishment.fax);
            blank_to_none(&mut establishment.email);
            for line in &mut establishment.business_lines {
                blank_to_none(&mut line.sub_type_2);
                blank_to_none(&mut line.note);
            }
            if let VaccinationSite::Secured { fax, email, .. } = &mut establishment.vaccination_site
            {
                blank_to_none(fax);
                blank_to_none(email);
            }
        }
    }
}

/// An optional object that may be `null`, which `check` accepts as absent.
fn null_as_empty<'de, D: Deserializer<'de>>(value: D) -> Result<Map<String, Value>, D::Error> {
    Ok(Option::<Map<String, Value>>::deserialize(value)?.unwrap_or_default())
}

fn blank_to_none(field: &mut Option<String>) {
    if field
        .as_deref()
        .is_some_and(|s| s.chars().all(crate::text::is_space))
    {
        *field = None;
    }
}
