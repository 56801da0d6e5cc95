//! Passwords per NIST SP 800-63B / ASVS 5.0 L2: 8 to 128 characters, no composition rules,
//! case-sensitive, refused when common; stored as Argon2id hashes.

use std::collections::HashSet;

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

use crate::FieldProblem;

/// Shortest password accepted (in characters).
pub const PASSWORD_MIN_CHARS: usize = 8;
/// Longest password accepted (in characters).
pub const PASSWORD_MAX_CHARS: usize = 128;

const COMMON_PASSWORDS: &str = include_str!("../data/common-passwords.txt");

/// Words of this service that a guesser tries first (ASVS 6.1.2): a password that is one of
/// them once digits, spaces and symbols are taken away (`Toroku2026!`, `登録 12345`) is refused.
pub const CONTEXT_WORDS: &[&str] = &[
    "toroku",
    "tōroku",
    "touroku",
    "登録",
    "とうろく",
    "トウロク",
    "tokutei",
    "tokuteisesshu",
    "特定接種",
    "特定",
    "接種",
    "sesshu",
    "vaccination",
    "vaccine",
    "mhlw",
    "厚生労働省",
    "厚労省",
    "register",
    "registration",
    "password",
    "パスワード",
];

/// The password rules and the hasher.
pub struct PasswordPolicy {
    common: HashSet<&'static str>,
    hasher: Argon2<'static>,
    /// A hash of a random password, verified against when the account is unknown so that a
    /// wrong login id costs the same time as a wrong password.
    decoy: String,
}

impl std::fmt::Debug for PasswordPolicy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PasswordPolicy")
            .field("common", &self.common.len())
            .finish_non_exhaustive()
    }
}

impl PasswordPolicy {
    /// The policy with the embedded common-password list and OWASP's Argon2id parameters
    /// (19 MiB, 2 passes, 1 lane).
    pub fn embedded() -> Self {
        let common = COMMON_PASSWORDS
            .lines()
            .filter(|line| !line.starts_with('#') && !line.is_empty())
            .collect();
        let params = Params::new(19 * 1024, 2, 1, None).unwrap_or_default();
        let hasher = Argon2::new(Algorithm::Argon2id, Version::V0x13, params);
        let mut policy = PasswordPolicy {
            common,
            hasher,
            decoy: String::new(),
        };
        policy.decoy = policy.hash(&crate::token::new_token()).unwrap_or_default();
        policy
    }

    /// Every rule the password breaks (empty when it is acceptable).
    pub fn problems(&self, password: &str, path: &'static str) -> Vec<FieldProblem> {
        let chars = password.chars().count();
        if password.is_empty() {
            return vec![FieldProblem::new(path, "password_required")];
        }
        if chars < PASSWORD_MIN_CHARS {
            return vec![
                FieldProblem::new(path, "password_too_short")
                    .with("min", PASSWORD_MIN_CHARS as i64),
            ];
        }
        if chars > PASSWORD_MAX_CHARS {
            return vec![
                FieldProblem::new(path, "password_too_long").with("max", PASSWORD_MAX_CHARS as i64),
            ];
        }
        if self.common.contains(password.to_lowercase().as_str()) {
            return vec![FieldProblem::new(path, "password_common")];
        }
        let letters: String = password
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphabetic())
            .collect();
        if CONTEXT_WORDS.contains(&letters.as_str()) {
            return vec![FieldProblem::new(path, "password_context")];
        }
        Vec::new()
    }

    /// The Argon2id PHC string of a password.
    pub fn hash(&self, password: &str) -> Option<String> {
        let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
        self.hasher
            .hash_password(password.as_bytes(), &salt)
            .ok()
            .map(|hash| hash.to_string())
    }

    /// Whether `password` matches `hash`; with no hash, spends the same time and says no.
    pub fn verify(&self, password: &str, hash: Option<&str>) -> bool {
        let stored = hash.unwrap_or(&self.decoy);
        let Ok(parsed) = PasswordHash::new(stored) else {
            return false;
        };
        let matches = self
            .hasher
            .verify_password(password.as_bytes(), &parsed)
            .is_ok();
        matches && hash.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(password: &str) -> Vec<&'static str> {
        PasswordPolicy::embedded()
            .problems(password, "/password")
            .iter()
            .map(|p| p.code)
            .collect()
    }

    #[test]
    fn password_rules_are_length_and_commonness_only() {
        let cases: &[(&str, &[&str])] = &[
            ("", &["password_required"]),
            ("short1!", &["password_too_short"]),
            ("いろはにほへと", &["password_too_short"]),
            ("いろはにほへとちりぬる", &[]),
            ("alllowercaseletters", &[]),
            ("password", &["password_common"]),
            ("Toroku2026!", &["password_context"]),
            ("登録 12345678", &["password_context"]),
            ("tokutei-sesshu-1", &["password_context"]),
            ("toroku is my favourite service", &[]),
            ("PassWord", &["password_common"]),
            ("12345678", &["password_common"]),
            (&"x".repeat(128), &[]),
            (&"x".repeat(129), &["password_too_long"]),
        ];
        for (password, expected) in cases {
            assert_eq!(&codes(password), expected, "{password:?}");
        }
    }

    #[test]
    fn hashes_are_argon2id_and_verify_case_sensitively() {
        let policy = PasswordPolicy::embedded();
        let hash = policy.hash("Correct horse battery").expect("hash");
        assert!(hash.starts_with("$argon2id$"), "{hash}");
        assert!(policy.verify("Correct horse battery", Some(&hash)));
        assert!(!policy.verify("correct horse battery", Some(&hash)));
        assert!(!policy.verify("Correct horse battery", None));
    }
}
