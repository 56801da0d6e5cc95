//! `normalise`: rewrites the unambiguous in place, in form order, one Info finding per change.

use serde_json::{Map, Number, Value};

use super::{CheckContext, is_blank};
use crate::finding::{Finding, codes, pointer_child, pointer_index};
use crate::text;

type Object = Map<String, Value>;

/// Runs every rewrite over `doc`; leaves anything it does not recognise alone.
pub(super) fn run(doc: &mut Value, ctx: &CheckContext<'_>) -> Vec<Finding> {
    let mut normaliser = Normaliser {
        ctx,
        findings: Vec::new(),
    };
    if let Some(root) = doc.as_object_mut() {
        normaliser.document(root);
    }
    normaliser.findings
}

/// Walking the document and collecting Info findings.
struct Normaliser<'c, 'x> {
    ctx: &'c CheckContext<'x>,
    findings: Vec<Finding>,
}

impl Normaliser<'_, '_> {
    fn document(&mut self, root: &mut Object) {
        if let Some(applicant) = root.get_mut("applicant").and_then(Value::as_object_mut) {
            let at = "/applicant";
            self.name(applicant, at, "name");
            self.kana(applicant, at, "name_kana");
            self.name(applicant, at, "representative");
            self.kana(applicant, at, "representative_kana");
            self.address(applicant, at);
            self.phone(applicant, at, "phone");
            self.phone(applicant, at, "fax");
            self.email(applicant, at);
            self.rewrite(
                applicant,
                at,
                "note1",
                codes::CORPORATE_NUMBER_NORMALISED,
                |s| text::digits_only(s).filter(|d| d.len() == 12 || d.len() == 13),
            );
        }
        let Some(establishments) = root.get_mut("establishments").and_then(Value::as_array_mut)
        else {
            return;
        };
        for (index, item) in establishments.iter_mut().enumerate() {
            if let Some(establishment) = item.as_object_mut() {
                self.establishment(establishment, &pointer_index("/establishments", index));
            }
        }
    }

    fn establishment(&mut self, establishment: &mut Object, at: &str) {
        self.name(establishment, at, "name");
        self.address(establishment, at);
        self.phone(establishment, at, "phone");
        self.phone(establishment, at, "fax");
        self.email(establishment, at);
        self.count(establishment, at, "total_staff");
        if let Some(lines) = establishment
            .get_mut("business_lines")
            .and_then(Value::as_array_mut)
        {
            let lines_at = pointer_child(at, "business_lines");
            for (index, item) in lines.iter_mut().enumerate() {
                if let Some(line) = item.as_object_mut() {
                    self.business_line(line, &pointer_index(&lines_at, index));
                }
            }
        }
        if let Some(site) = establishment
            .get_mut("vaccination_site")
            .and_then(Value::as_object_mut)
        {
            let site_at = pointer_child(at, "vaccination_site");
            self.name(site, &site_at, "name");
            self.kana(site, &site_at, "name_kana");
            self.address(site, &site_at);
            self.phone(site, &site_at, "phone");
            self.phone(site, &site_at, "fax");
            self.email(site, &site_at);
        }
    }

    /// Counts become numbers; the total is always own + external, never what was typed.
    fn business_line(&mut self, line: &mut Object, at: &str) {
        self.count(line, at, "registered_staff_own");
        self.count(line, at, "registered_staff_external");
        let own = line.get("registered_staff_own").and_then(Value::as_u64);
        let external = line
            .get("registered_staff_external")
            .and_then(Value::as_u64);
        let total = match (own, external) {
            (Some(own), Some(external)) => own.checked_add(external).map(Value::from),
            _ => None,
        }
        .unwrap_or(Value::Null);
        let typed = line.insert("registered_staff_total".to_owned(), total.clone());
        // Filling an absent total is not news; overwriting a typed one is.
        if let Some(typed) = typed
            && !typed.is_null()
            && typed != total
        {
            self.findings.push(
                Finding::info(
                    pointer_child(at, "registered_staff_total"),
                    codes::REGISTERED_STAFF_TOTAL_COMPUTED,
                )
                .with("from", typed)
                .with("to", total),
            );
        }
    }

    /// Postal code first, then an empty prefecture and city filled from the directory when the
    /// code leaves no doubt, then the street.
    fn address(&mut self, object: &mut Object, at: &str) {
        self.rewrite(
            object,
            at,
            "postal_code",
            codes::POSTAL_CODE_NORMALISED,
            |s| text::normalise_postal_code(s).ok().map(|n| n.value),
        );
        self.fill_from_postal_code(object, at);
        self.name(object, at, "street");
    }

    fn fill_from_postal_code(&mut self, object: &mut Object, at: &str) {
        let Some(code) = object
            .get("postal_code")
            .and_then(Value::as_str)
            .filter(|c| text::is_postal_code(c))
            .map(str::to_owned)
        else {
            return;
        };
        let prefecture_blank = is_blank(object.get("prefecture"));
        let city_blank = is_blank(object.get("city"));
        if !prefecture_blank && !city_blank {
            return;
        }
        let candidates = self.ctx.postal.candidates(&code);
        let Some((first_prefecture, _)) = candidates.first() else {
            return;
        };
        let one_prefecture = candidates.iter().all(|(p, _)| p == first_prefecture);
        if prefecture_blank && one_prefecture {
            self.fill(object, at, "prefecture", first_prefecture, &code);
        }
        if city_blank
            && let [(prefecture, city)] = candidates.as_slice()
            && object.get("prefecture").and_then(Value::as_str) == Some(prefecture.as_str())
        {
            self.fill(object, at, "city", city, &code);
        }
    }

    fn fill(&mut self, object: &mut Object, at: &str, key: &str, value: &str, postal_code: &str) {
        let from = object
            .insert(key.to_owned(), Value::from(value))
            .unwrap_or(Value::Null);
        self.findings.push(
            Finding::info(
                pointer_child(at, key),
                codes::ADDRESS_FILLED_FROM_POSTAL_CODE,
            )
            .with("from", from)
            .with("to", value)
            .with("postal_code", postal_code),
        );
    }

    fn phone(&mut self, object: &mut Object, at: &str, key: &str) {
        self.rewrite(object, at, key, codes::PHONE_NORMALISED, |s| {
            text::normalise_phone(s).ok().map(|n| n.value)
        });
    }

    fn email(&mut self, object: &mut Object, at: &str) {
        self.rewrite(object, at, "email", codes::EMAIL_NORMALISED, |s| {
            text::normalise_email(s).ok().map(|n| n.value)
        });
    }

    fn kana(&mut self, object: &mut Object, at: &str, key: &str) {
        self.rewrite(object, at, key, codes::KANA_NORMALISED, |s| {
            text::normalise_kana_reading(s)
                .ok()
                .map(|n| n.value)
                .filter(|v| !v.is_empty())
        });
    }

    fn name(&mut self, object: &mut Object, at: &str, key: &str) {
        self.rewrite(object, at, key, codes::NAME_WIDTH_NORMALISED, |s| {
            Some(text::normalise_name(s).value)
        });
    }

    /// A count typed as text ("120", "１２０") or as 120.0 becomes the integer.
    fn count(&mut self, object: &mut Object, at: &str, key: &str) {
        let Some(value) = object.get_mut(key) else {
            return;
        };
        let integer = match &*value {
            Value::String(s) => text::parse_integer(s).ok().map(Number::from),
            Value::Number(n) if !n.is_i64() && !n.is_u64() => n
                .as_f64()
                .filter(|f| f.fract() == 0.0 && f.abs() < 9.0e15)
                .and_then(|f| format!("{f:.0}").parse::<i64>().ok())
                .map(Number::from),
            _ => None,
        };
        let Some(integer) = integer else {
            return;
        };
        let from = std::mem::replace(value, Value::Number(integer.clone()));
        self.findings.push(
            Finding::info(pointer_child(at, key), codes::NUMBER_NORMALISED)
                .with("from", from)
                .with("to", Value::Number(integer)),
        );
    }

    /// Replaces a string field by `rewrite(value)` when that gives a different string.
    fn rewrite(
        &mut self,
        object: &mut Object,
        at: &str,
        key: &str,
        code: &'static str,
        rewrite: impl Fn(&str) -> Option<String>,
    ) {
        let Some(Value::String(typed)) = object.get_mut(key) else {
            return;
        };
        let Some(value) = rewrite(typed) else {
            return;
        };
        if value == *typed {
            return;
        }
        let from = std::mem::replace(typed, value.clone());
        self.findings.push(
            Finding::info(pointer_child(at, key), code)
                .with("from", from)
                .with("to", value),
        );
    }
}
