//! Time-based one-time passwords (RFC 6238: HMAC-SHA-1, 30-second steps, 6 digits), the second
//! factor every staff member must use. Secrets are 20 random bytes, shown once as base32 in an
//! `otpauth://` URI at enrolment.

use hmac::{Hmac, Mac};
use rand::RngCore;

/// Seconds per time step.
pub const STEP_SECONDS: i64 = 30;
/// Steps of clock drift accepted either way.
const DRIFT_STEPS: i64 = 1;

const BASE32: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// A new random secret, base32 without padding.
pub fn new_secret() -> String {
    let mut bytes = [0_u8; 20];
    rand::thread_rng().fill_bytes(&mut bytes);
    base32_encode(&bytes)
}

/// The `otpauth://` URI an authenticator app scans.
pub fn otpauth_uri(secret: &str, account: &str) -> String {
    let label: String = account
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._@".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    format!(
        "otpauth://totp/Toroku:{label}?secret={secret}&issuer=Toroku&algorithm=SHA1&digits=6&period=30"
    )
}

/// The code of a secret at a Unix time in milliseconds (what the app shows).
pub fn code_at(secret: &str, unix_ms: i64) -> Option<String> {
    let key = base32_decode(secret)?;
    Some(code_for_step(
        &key,
        unix_ms.div_euclid(1000).div_euclid(STEP_SECONDS),
    ))
}

/// The step a code matches at `unix_ms` (within one step of drift), if any.
pub fn matching_step(secret: &str, code: &str, unix_ms: i64) -> Option<i64> {
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let key = base32_decode(secret)?;
    let now = unix_ms.div_euclid(1000).div_euclid(STEP_SECONDS);
    let mut found = None;
    // Compare every candidate, so the time taken does not say which one matched.
    for step in now - DRIFT_STEPS..=now + DRIFT_STEPS {
        let expected = code_for_step(&key, step);
        let same = expected
            .bytes()
            .zip(code.bytes())
            .fold(0_u8, |acc, (a, b)| acc | (a ^ b))
            == 0;
        if same && found.is_none() {
            found = Some(step);
        }
    }
    found
}

fn code_for_step(key: &[u8], step: i64) -> String {
    let Ok(mut mac) = Hmac::<sha1::Sha1>::new_from_slice(key) else {
        return String::new();
    };
    mac.update(&step.to_be_bytes());
    let digest = mac.finalize().into_bytes();
    let offset = usize::from(digest[digest.len() - 1] & 0x0f);
    let value = u32::from_be_bytes([
        digest[offset] & 0x7f,
        digest[offset + 1],
        digest[offset + 2],
        digest[offset + 3],
    ]);
    format!("{:06}", value % 1_000_000)
}

fn base32_encode(bytes: &[u8]) -> String {
    let mut out = String::new();
    let mut buffer: u32 = 0;
    let mut bits = 0;
    for &byte in bytes {
        buffer = (buffer << 8) | u32::from(byte);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(char::from(BASE32[((buffer >> bits) & 31) as usize]));
        }
    }
    if bits > 0 {
        out.push(char::from(BASE32[((buffer << (5 - bits)) & 31) as usize]));
    }
    out
}

fn base32_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut buffer: u32 = 0;
    let mut bits = 0;
    for c in text.bytes().filter(|&c| c != b'=') {
        let value = BASE32.iter().position(|&b| b == c.to_ascii_uppercase())?;
        buffer = (buffer << 5) | value as u32;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push(((buffer >> bits) & 0xff) as u8);
        }
    }
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238 appendix B, SHA-1 column (8 digits there; the last 6 are ours).
    #[test]
    fn matches_the_rfc_6238_test_vectors() {
        let secret = base32_encode(b"12345678901234567890");
        for (unix_s, code8) in [
            (59_i64, "94287082"),
            (1_111_111_109, "07081804"),
            (1_111_111_111, "14050471"),
            (1_234_567_890, "89005924"),
            (2_000_000_000, "69279037"),
            (20_000_000_000, "65353130"),
        ] {
            assert_eq!(
                code_at(&secret, unix_s * 1000).as_deref(),
                Some(&code8[2..]),
                "{unix_s}"
            );
        }
    }

    #[test]
    fn accepts_one_step_of_drift_and_nothing_else() {
        let secret = new_secret();
        let now = 1_795_219_200_000;
        let code = code_at(&secret, now).expect("code");
        assert!(matching_step(&secret, &code, now).is_some());
        assert!(matching_step(&secret, &code, now + 30_000).is_some());
        assert!(matching_step(&secret, &code, now - 30_000).is_some());
        assert!(matching_step(&secret, &code, now + 90_000).is_none());
        assert!(matching_step(&secret, "12345", now).is_none());
        assert!(matching_step(&secret, "abcdef", now).is_none());
    }

    #[test]
    fn base32_round_trips() {
        for bytes in [&b"f"[..], b"fo", b"foo", b"foob", b"fooba", b"foobar"] {
            assert_eq!(base32_decode(&base32_encode(bytes)).as_deref(), Some(bytes));
        }
        assert_eq!(base32_encode(b"foobar"), "MZXW6YTBOI");
        assert!(base32_decode("not base32!").is_none());
    }
}
