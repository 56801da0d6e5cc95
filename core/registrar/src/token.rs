//! Secrets handed to users (link tokens, session ids): 256 random bits, URL-safe, stored only as
//! SHA-256 hashes so that a leaked database does not open anybody's draft or session.

use rand::RngCore;
use sha2::{Digest, Sha256};

/// A fresh random token, 43 URL-safe characters.
pub(crate) fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    base64::Engine::encode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, bytes)
}

/// The hash under which a token is stored and looked up.
pub(crate) fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Whether a string could be a token at all (cheap rejection before any query).
pub(crate) fn looks_like_token(token: &str) -> bool {
    token.len() == 43
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// SHA-256 of arbitrary bytes as hex (idempotency request fingerprints).
pub(crate) fn fingerprint(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_distinct_and_well_formed() {
        let a = new_token();
        let b = new_token();
        assert_ne!(a, b);
        assert!(looks_like_token(&a), "{a}");
        assert_ne!(token_hash(&a), a);
    }

    #[test]
    fn malformed_tokens_are_rejected_before_lookup() {
        for bad in [
            "",
            "short",
            "../../etc/passwd",
            &"a".repeat(44),
            &"=".repeat(43),
        ] {
            assert!(!looks_like_token(bad), "{bad}");
        }
    }
}
