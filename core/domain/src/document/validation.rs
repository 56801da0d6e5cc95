//! `check`: walks the document in form order and reports every finding; copes with any JSON.

use serde_json::{Map, Value};

use super::{CheckContext, is_blank, json_type, limits};
use crate::application::Proxy;
use crate::finding::{Finding, codes, pointer_child, pointer_index};
use crate::{corporate_number, legal_form, prefecture, text};

type Object = Map<String, Value>;

/// Runs every rule over `doc`.
pub(super) fn run(doc: &Value, ctx: &CheckContext<'_>) -> Vec<Finding> {
    let mut checker = Checker {
        ctx,
        findings: Vec::new(),
    };
    checker.document(doc);
    checker.findings
}

/// Walks the document once, collecting findings.
struct Checker<'c, 'x> {
    ctx: &'c CheckContext<'x>,
    findings: Vec<Finding>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Founder {
    Private,
    Public,
}

/// Whether a value must be there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Presence {
    Required,
    Optional,
}

/// A yes/no answer as found in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Answer {
    /// Missing or null.
    Missing,
    /// Not a boolean (already reported).
    Invalid,
    Yes,
    No,
}

/// What the applicant-level rules need to know about the establishments, read ahead.
#[derive(Debug, Clone, Copy)]
struct Survey {
    /// Every business line is of a type exempt from the physician rule (and there is one).
    all_lines_physician_exempt: bool,
    /// Some business line registers external contractors' staff.
    any_external_staff: bool,
}

/// The part of a business line that must be unique within an establishment.
type LineKey<'v> = (&'v str, &'v str, Option<&'v str>);

impl<'v> Checker<'_, '_> {
    fn document(&mut self, doc: &'v Value) {
        let Some(root) = doc.as_object() else {
            self.push(
                Finding::error("", codes::INVALID_TYPE)
                    .with("expected", "object")
                    .with("found", json_type(doc)),
            );
            return;
        };
        if let Some(program) = self.text(root, "", "program", Presence::Required, 50)
            && program != "tokutei"
        {
            self.push(Finding::error("/program", codes::PROGRAM_INVALID).with("value", program));
        }
        let founder = self.founder(root);
        self.public_body_class(root, founder);
        match self.answer(root, "", "declaration_truthful") {
            Answer::Missing => self.push(Finding::error("/declaration_truthful", codes::REQUIRED)),
            Answer::No => self.push(Finding::error(
                "/declaration_truthful",
                codes::DECLARATION_REQUIRED,
            )),
            Answer::Yes | Answer::Invalid => {}
        }
        let survey = self.survey(root);
        if let Some(applicant) = self.object(root, "", "applicant", Presence::Required) {
            self.applicant(applicant, founder, survey);
        }
        let proxy = self.proxy(root);
        self.establishments(root, proxy);
    }

    fn founder(&mut self, root: &'v Object) -> Option<Founder> {
        let value = self.text(root, "", "founder", Presence::Required, 50)?;
        match value {
            "private" => Some(Founder::Private),
            "public" => Some(Founder::Public),
            other => {
                self.push(Finding::error("/founder", codes::FOUNDER_INVALID).with("value", other));
                None
            }
        }
    }

    fn public_body_class(&mut self, root: &'v Object, founder: Option<Founder>) {
        let path = "/public_body_class";
        match founder {
            Some(Founder::Private) => {
                if let Some(value) = root.get("public_body_class")
                    && !value.is_null()
                {
                    self.push(
                        Finding::error(path, codes::PUBLIC_BODY_CLASS_NOT_APPLICABLE)
                            .with("value", value.clone()),
                    );
                }
            }
            Some(Founder::Public) | None => {
                let presence = if founder.is_some() {
                    Presence::Required
                } else {
                    Presence::Optional
                };
                if let Some(class) = self.text(root, "", "public_body_class", presence, 50)
                    && !matches!(class, "national" | "prefecture" | "municipality")
                {
                    self.push(
                        Finding::error(path, codes::PUBLIC_BODY_CLASS_INVALID).with("value", class),
                    );
                }
            }
        }
    }

    fn applicant(&mut self, applicant: &'v Object, founder: Option<Founder>, survey: Survey) {
        let at = "/applicant";
        if let Some(name) = self.name(applicant, at, "name", limits::NAME)
            && let Some(found) = legal_form::find_abbreviation(name)
        {
            self.push(
                Finding::warning(pointer_child(at, "name"), codes::LEGAL_FORM_ABBREVIATED)
                    .with("abbreviation", found.abbreviation)
                    .with("full", found.full),
            );
        }
        // The public form asks for the body's name and representative; its reading is optional.
        let name_kana = if founder == Some(Founder::Public) {
            Presence::Optional
        } else {
            Presence::Required
        };
        self.kana(applicant, at, "name_kana", name_kana);
        self.name(applicant, at, "representative", limits::NAME);
        self.kana(applicant, at, "representative_kana", Presence::Required);
        self.address(applicant, at);
        self.phone(applicant, at, "phone", Presence::Required);
        self.phone(applicant, at, "fax", Presence::Optional);
        self.email(applicant, at, Presence::Required);
        self.physician_and_plan(applicant, founder, survey);
        let note1 = if founder == Some(Founder::Private) {
            Presence::Required
        } else {
            Presence::Optional
        };
        self.note1(applicant, note1);
        self.text(applicant, at, "note2", Presence::Optional, limits::NOTE);
    }

    /// 産業医 and BCP: required of private applicants, and of public bodies that register
    /// external contractors' staff (those staff are not civil servants); the physician is not
    /// required when every business line is of a 社会保険・社会福祉・介護事業 type.
    fn physician_and_plan(
        &mut self,
        applicant: &'v Object,
        founder: Option<Founder>,
        survey: Survey,
    ) {
        let physician = self.answer(applicant, "/applicant", "industrial_physician");
        let plan = self.answer(applicant, "/applicant", "business_continuity_plan");
        let founder_name = match founder {
            Some(Founder::Private) => "private",
            Some(Founder::Public) if survey.any_external_staff => "public",
            _ => return,
        };
        if !survey.all_lines_physician_exempt {
            self.require_yes(
                physician,
                "/applicant/industrial_physician",
                codes::INDUSTRIAL_PHYSICIAN_REQUIRED,
                founder_name,
            );
        }
        self.require_yes(
            plan,
            "/applicant/business_continuity_plan",
            codes::BUSINESS_CONTINUITY_PLAN_REQUIRED,
            founder_name,
        );
    }

    fn require_yes(&mut self, answer: Answer, path: &str, code: &'static str, founder: &str) {
        match answer {
            Answer::Missing => self.push(Finding::error(path, codes::REQUIRED)),
            Answer::No => self.push(Finding::error(path, code).with("founder", founder)),
            Answer::Yes | Answer::Invalid => {}
        }
    }

    /// 備考1: a permit number, or the company's number; a 13-digit 法人番号 must pass its
    /// check digit, a 12-digit 会社法人等番号 has none.
    fn note1(&mut self, applicant: &'v Object, presence: Presence) {
        let path = "/applicant/note1";
        if presence == Presence::Required && is_blank(applicant.get("note1")) {
            self.push(Finding::error(path, codes::NOTE1_REQUIRED));
            return;
        }
        let Some(note) = self.text(
            applicant,
            "/applicant",
            "note1",
            Presence::Optional,
            limits::NOTE1,
        ) else {
            return;
        };
        if let Some(digits) = text::digits_only(note)
            && digits.len() == 13
            && !corporate_number::is_valid(&digits)
        {
            self.push(
                Finding::error(path, codes::CORPORATE_NUMBER_CHECK_DIGIT_INVALID)
                    .with("value", note),
            );
        }
    }

    fn proxy(&mut self, root: &'v Object) -> Option<&'v Object> {
        let proxy = self.object(root, "", "proxy", Presence::Optional)?;
        match self.answer(proxy, "/proxy", "franchisees_have_physician_and_bcp") {
            Answer::Missing => self.push(Finding::error(
                "/proxy/franchisees_have_physician_and_bcp",
                codes::REQUIRED,
            )),
            Answer::No => self.push(Finding::error(
                "/proxy/franchisees_have_physician_and_bcp",
                codes::PROXY_FRANCHISEE_STATEMENT_REQUIRED,
            )),
            Answer::Yes | Answer::Invalid => {}
        }
        match self.answer(proxy, "/proxy", "power_of_attorney_submitted") {
            Answer::Missing => self.push(Finding::error(
                "/proxy/power_of_attorney_submitted",
                codes::REQUIRED,
            )),
            Answer::No => self.push(Finding::warning(
                "/proxy/power_of_attorney_submitted",
                codes::POWER_OF_ATTORNEY_NOT_SUBMITTED,
            )),
            Answer::Yes | Answer::Invalid => {}
        }
        Some(proxy)
    }

    fn establishments(&mut self, root: &'v Object, proxy: Option<&'v Object>) {
        let Some(list) = self.array(root, "", "establishments") else {
            return;
        };
        if list.is_empty() {
            self.push(Finding::error(
                "/establishments",
                codes::ESTABLISHMENT_REQUIRED,
            ));
        }
        for (index, item) in list.iter().enumerate() {
            let at = pointer_index("/establishments", index);
            let Some(establishment) = self.element_object(item, &at) else {
                continue;
            };
            self.establishment(establishment, &at, proxy.is_some());
        }
    }

    fn establishment(&mut self, establishment: &'v Object, at: &str, proxy: bool) {
        if let Some(name) = self.name(establishment, at, "name", limits::ESTABLISHMENT_NAME)
            && proxy
            && !Proxy::name_has_prefix(name)
        {
            self.push(
                Finding::error(pointer_child(at, "name"), codes::PROXY_PREFIX_MISSING)
                    .with("name", name),
            );
        }
        self.address(establishment, at);
        self.phone(establishment, at, "phone", Presence::Required);
        self.phone(establishment, at, "fax", Presence::Optional);
        self.email(establishment, at, Presence::Optional);
        let total_staff = self.count(establishment, at, "total_staff");
        self.business_lines(establishment, at, total_staff);
        self.vaccination_site(establishment, at);
    }

    fn business_lines(&mut self, establishment: &'v Object, at: &str, total_staff: Option<u64>) {
        let Some(lines) = self.array(establishment, at, "business_lines") else {
            return;
        };
        let lines_at = pointer_child(at, "business_lines");
        if lines.is_empty() {
            self.push(Finding::error(
                lines_at.clone(),
                codes::BUSINESS_LINE_REQUIRED,
            ));
        }
        let mut seen: Vec<LineKey<'v>> = Vec::new();
        for (index, item) in lines.iter().enumerate() {
            let line_at = pointer_index(&lines_at, index);
            let Some(line) = self.element_object(item, &line_at) else {
                continue;
            };
            let key = self.business_line(line, &line_at, total_staff);
            if let Some(key) = key {
                if let Some(first) = seen.iter().position(|k| *k == key) {
                    self.push(
                        Finding::error(line_at, codes::BUSINESS_LINE_DUPLICATE)
                            .with("business_type", key.0)
                            .with("sub_type_1", key.1)
                            .with("duplicate_of", first + 1),
                    );
                }
                seen.push(key);
            }
        }
    }

    /// Checks one business line; returns its uniqueness key when its ids are well formed.
    fn business_line(
        &mut self,
        line: &'v Object,
        at: &str,
        total_staff: Option<u64>,
    ) -> Option<LineKey<'v>> {
        let business_type = self.text(
            line,
            at,
            "business_type",
            Presence::Required,
            limits::CATALOGUE_ID,
        );
        if let Some(id) = business_type
            && self.ctx.catalogue.business_type(id).is_none()
        {
            self.push(
                Finding::error(
                    pointer_child(at, "business_type"),
                    codes::BUSINESS_TYPE_UNKNOWN,
                )
                .with("value", id),
            );
        }
        let sub_type_1 = self.text(
            line,
            at,
            "sub_type_1",
            Presence::Required,
            limits::CATALOGUE_ID,
        );
        let sub_type_2_ok =
            !matches!(line.get("sub_type_2"), Some(v) if !v.is_null() && !v.is_string());
        let sub_type_2 = self.text(
            line,
            at,
            "sub_type_2",
            Presence::Optional,
            limits::CATALOGUE_ID,
        );
        let own = self.count(line, at, "registered_staff_own");
        let external = self.count(line, at, "registered_staff_external");
        self.text(line, at, "note", Presence::Optional, limits::NOTE);
        self.object(line, at, "extra", Presence::Optional);
        if let (Some(own), Some(total)) = (own, total_staff)
            && own > total
        {
            self.push(
                Finding::warning(
                    pointer_child(at, "registered_staff_own"),
                    codes::REGISTERED_STAFF_OWN_EXCEEDS_TOTAL_STAFF,
                )
                .with("own", own)
                .with("total_staff", total),
            );
        }
        if own == Some(0) && external == Some(0) {
            self.push(Finding::warning(at, codes::REGISTERED_STAFF_ZERO));
        }
        match (business_type, sub_type_1, sub_type_2_ok) {
            (Some(t), Some(s1), true) => Some((t.trim(), s1.trim(), sub_type_2.map(str::trim))),
            _ => None,
        }
    }

    fn vaccination_site(&mut self, establishment: &'v Object, at: &str) {
        let Some(site) = self.object(establishment, at, "vaccination_site", Presence::Required)
        else {
            return;
        };
        let site_at = pointer_child(at, "vaccination_site");
        let Some(status) = self.text(site, &site_at, "status", Presence::Required, 50) else {
            return;
        };
        match status {
            "secured" => {
                self.name(site, &site_at, "name", limits::NAME);
                self.kana(site, &site_at, "name_kana", Presence::Required);
                self.address(site, &site_at);
                self.phone(site, &site_at, "phone", Presence::Required);
                self.phone(site, &site_at, "fax", Presence::Optional);
                self.email(site, &site_at, Presence::Optional);
            }
            "not_yet_secured" => {
                self.text(
                    site,
                    &site_at,
                    "plan_note",
                    Presence::Required,
                    limits::NOTE,
                );
            }
            other => self.push(
                Finding::error(
                    pointer_child(&site_at, "status"),
                    codes::VACCINATION_SITE_STATUS_INVALID,
                )
                .with("value", other),
            ),
        }
    }

    /// Postal code, prefecture, city and street, cross-checked against the postal directory.
    fn address(&mut self, object: &'v Object, at: &str) {
        let postal_path = pointer_child(at, "postal_code");
        let postal_code = self
            .text(
                object,
                at,
                "postal_code",
                Presence::Required,
                limits::POSTAL_OR_PHONE,
            )
            .filter(|code| {
                let ok = text::is_postal_code(code);
                if !ok {
                    self.findings.push(
                        Finding::error(postal_path.clone(), codes::POSTAL_CODE_INVALID)
                            .with("value", *code),
                    );
                }
                ok
            });
        let prefecture = self
            .text(object, at, "prefecture", Presence::Required, 10)
            .filter(|name| {
                let ok = prefecture::is_prefecture(name);
                if !ok {
                    self.findings.push(
                        Finding::error(pointer_child(at, "prefecture"), codes::PREFECTURE_UNKNOWN)
                            .with("value", *name),
                    );
                }
                ok
            });
        let city = self.text(object, at, "city", Presence::Required, limits::CITY);
        self.name(object, at, "street", limits::STREET);
        let Some(code) = postal_code else {
            return;
        };
        let candidates = self.ctx.postal.candidates(code);
        if candidates.is_empty() {
            self.push(
                Finding::warning(postal_path, codes::POSTAL_CODE_UNKNOWN).with("value", code),
            );
            return;
        }
        let candidates_text = candidates
            .iter()
            .map(|(p, c)| format!("{p}{c}"))
            .collect::<Vec<_>>()
            .join("、");
        let mismatch = |field: &str| {
            Finding::warning(
                pointer_child(at, field),
                codes::ADDRESS_POSTAL_CODE_MISMATCH,
            )
            .with("postal_code", code)
            .with("candidates", candidates_text.clone())
        };
        if let Some(p) = prefecture
            && !candidates.iter().any(|(cp, _)| cp == p)
        {
            self.push(mismatch("prefecture"));
        } else if let Some(c) = city
            && !candidates
                .iter()
                .any(|(cp, cc)| cc == c.trim() && prefecture.is_none_or(|p| cp == p))
        {
            self.push(mismatch("city"));
        }
    }

    fn phone(&mut self, object: &'v Object, at: &str, key: &'static str, presence: Presence) {
        if let Some(number) = self.text(object, at, key, presence, limits::POSTAL_OR_PHONE)
            && !text::is_phone(number)
        {
            self.push(
                Finding::error(pointer_child(at, key), codes::PHONE_INVALID).with("value", number),
            );
        }
    }

    fn email(&mut self, object: &'v Object, at: &str, presence: Presence) {
        if let Some(address) = self.text(object, at, "email", presence, limits::EMAIL)
            && !text::is_email(address)
        {
            self.push(
                Finding::error(pointer_child(at, "email"), codes::EMAIL_INVALID)
                    .with("value", address),
            );
        }
    }

    /// A reading: hiragana only, no spaces.
    fn kana(&mut self, object: &'v Object, at: &str, key: &'static str, presence: Presence) {
        if let Some(reading) = self.text(object, at, key, presence, limits::KANA)
            && let Some(character) = text::first_non_reading_char(reading)
        {
            self.push(
                Finding::error(pointer_child(at, key), codes::KANA_NOT_HIRAGANA)
                    .with("value", reading)
                    .with("character", character.to_string()),
            );
        }
    }

    /// A required full-width text (names, street): half-width characters draw a warning.
    fn name(
        &mut self,
        object: &'v Object,
        at: &str,
        key: &'static str,
        max: usize,
    ) -> Option<&'v str> {
        let name = self.text(object, at, key, Presence::Required, max)?;
        if let Some(character) = text::first_half_width_char(name) {
            self.push(
                Finding::warning(pointer_child(at, key), codes::NOT_FULL_WIDTH)
                    .with("character", character.to_string()),
            );
        }
        Some(name)
    }

    /// A string field: reports absence (when required), wrong type and excess length; gives
    /// the string when it is present, non-blank and not too long.
    fn text(
        &mut self,
        object: &'v Object,
        at: &str,
        key: &'static str,
        presence: Presence,
        max: usize,
    ) -> Option<&'v str> {
        let value = object.get(key);
        if is_blank(value) {
            if presence == Presence::Required {
                self.push(Finding::error(pointer_child(at, key), codes::REQUIRED));
            }
            return None;
        }
        let Some(s) = value.and_then(Value::as_str) else {
            self.invalid_type(pointer_child(at, key), "string", value);
            return None;
        };
        let length = s.chars().count();
        if length > max {
            self.push(
                Finding::error(pointer_child(at, key), codes::TOO_LONG)
                    .with("max", max)
                    .with("length", length),
            );
            return None;
        }
        Some(s)
    }

    /// A staff count: a whole number from 0 to [`limits::COUNT`], required.
    fn count(&mut self, object: &'v Object, at: &str, key: &'static str) -> Option<u64> {
        let path = pointer_child(at, key);
        let value = match object.get(key) {
            None | Some(Value::Null) => {
                self.push(Finding::error(path, codes::REQUIRED));
                return None;
            }
            Some(Value::Number(n)) => n,
            other => {
                self.invalid_type(path, "integer", other);
                return None;
            }
        };
        if let Some(count) = value.as_u64() {
            if count > limits::COUNT {
                self.push(
                    Finding::error(path, codes::NUMBER_TOO_LARGE)
                        .with("value", count)
                        .with("max", limits::COUNT),
                );
                return None;
            }
            return Some(count);
        }
        // Below zero (whole or not) is negative; otherwise it has a fractional part, or is a
        // whole number written with a decimal point (120.0), which normalise turns into 120.
        let code = if value.is_i64() || value.as_f64().is_some_and(|f| f < 0.0) {
            codes::NUMBER_NEGATIVE
        } else {
            codes::NUMBER_NOT_INTEGER
        };
        self.push(Finding::error(path, code).with("value", Value::Number(value.clone())));
        None
    }

    fn answer(&mut self, object: &'v Object, at: &str, key: &'static str) -> Answer {
        match object.get(key) {
            None | Some(Value::Null) => Answer::Missing,
            Some(Value::Bool(true)) => Answer::Yes,
            Some(Value::Bool(false)) => Answer::No,
            other => {
                self.invalid_type(pointer_child(at, key), "boolean", other);
                Answer::Invalid
            }
        }
    }

    fn object(
        &mut self,
        object: &'v Object,
        at: &str,
        key: &'static str,
        presence: Presence,
    ) -> Option<&'v Object> {
        match object.get(key) {
            None | Some(Value::Null) => {
                if presence == Presence::Required {
                    self.push(Finding::error(pointer_child(at, key), codes::REQUIRED));
                }
                None
            }
            Some(Value::Object(map)) => Some(map),
            other => {
                self.invalid_type(pointer_child(at, key), "object", other);
                None
            }
        }
    }

    fn array(&mut self, object: &'v Object, at: &str, key: &'static str) -> Option<&'v Vec<Value>> {
        match object.get(key) {
            None | Some(Value::Null) => {
                self.push(Finding::error(pointer_child(at, key), codes::REQUIRED));
                None
            }
            Some(Value::Array(items)) => Some(items),
            other => {
                self.invalid_type(pointer_child(at, key), "array", other);
                None
            }
        }
    }

    fn element_object(&mut self, item: &'v Value, at: &str) -> Option<&'v Object> {
        if let Value::Object(map) = item {
            return Some(map);
        }
        self.invalid_type(at.to_owned(), "object", Some(item));
        None
    }

    fn invalid_type(&mut self, path: String, expected: &'static str, found: Option<&Value>) {
        self.push(
            Finding::error(path, codes::INVALID_TYPE)
                .with("expected", expected)
                .with("found", found.map_or("null", json_type)),
        );
    }

    fn push(&mut self, finding: Finding) {
        self.findings.push(finding);
    }

    /// Reads ahead what the applicant rules need; reports nothing.
    fn survey(&self, root: &Object) -> Survey {
        let lines = root
            .get("establishments")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|e| e.get("business_lines").and_then(Value::as_array))
            .flatten()
            .collect::<Vec<_>>();
        let all_lines_physician_exempt = !lines.is_empty()
            && lines.iter().all(|line| {
                line.get("business_type")
                    .and_then(Value::as_str)
                    .and_then(|id| self.ctx.catalogue.business_type(id))
                    .is_some_and(|info| info.industrial_physician_exempt)
            });
        let any_external_staff = lines.iter().any(|line| {
            line.get("registered_staff_external")
                .and_then(Value::as_f64)
                .is_some_and(|n| n > 0.0)
        });
        Survey {
            all_lines_physician_exempt,
            any_external_staff,
        }
    }
}
