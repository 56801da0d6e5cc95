//! Japanese input rules for single values (postal codes, phone numbers, readings, names,
//! e-mail addresses, counts), shared by the document checks and the Excel importer.
//!
//! Each `normalise_*` rewrites only what is unambiguous and returns the canonical value, or says
//! why the value cannot be made valid. No blanket NFKC: it leaves ー/−/‐ alone, turns ① into 1
//! and ㈱ into (株), and NFC rewrites CJK compatibility ideographs — so names keep what was
//! typed, and only the listed characters are mapped explicitly.

use unicode_normalization::UnicodeNormalization;

/// A value after normalisation, and whether it differs from the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalised {
    /// The canonical value.
    pub value: String,
    /// True when `value` differs from the input.
    pub changed: bool,
}

impl Normalised {
    fn from_input(input: &str, value: String) -> Self {
        let changed = value != input;
        Self { value, changed }
    }
}

/// Why a value cannot be made valid.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    /// A postal code is not 7 digits once hyphens, spaces and 〒 are removed.
    #[error("a postal code must be 7 digits, {digits} found in {input:?}")]
    PostalCode {
        /// The value as typed.
        input: String,
        /// How many digits it has after normalising (0 if it holds other characters).
        digits: usize,
    },
    /// A phone or fax number is not 10 or 11 digits starting with 0.
    #[error("a phone number must be 10 or 11 digits starting with 0: {input:?}")]
    Phone {
        /// The value as typed.
        input: String,
    },
    /// A reading holds a character that is not hiragana.
    #[error("a reading must be hiragana, found {character:?}")]
    NotHiragana {
        /// The first offending character.
        character: char,
    },
    /// An e-mail address is malformed.
    #[error("not a valid e-mail address: {input:?}")]
    Email {
        /// The value as typed.
        input: String,
    },
    /// A count is not a whole number written in digits.
    #[error("not a whole number: {input:?}")]
    Integer {
        /// The value as typed.
        input: String,
    },
}

/// Longest e-mail address accepted (RFC 5321 path limit).
pub const EMAIL_MAX_LENGTH: usize = 254;

/// Normalises a postal code to 7 half-width digits: full-width digits, hyphen-like characters,
/// spaces and a leading 〒 are accepted.
pub fn normalise_postal_code(input: &str) -> Result<Normalised, TextError> {
    let trimmed = input.trim_matches(is_space);
    let without_mark = trimmed.strip_prefix('〒').unwrap_or(trimmed);
    let mut value = String::with_capacity(7);
    for c in without_mark.chars() {
        if is_space(c) || is_hyphen_like(c) {
            continue;
        }
        match ascii_digit(c) {
            Some(d) => value.push(d),
            None => {
                return Err(TextError::PostalCode {
                    input: input.to_owned(),
                    digits: 0,
                });
            }
        }
    }
    if value.len() != 7 {
        return Err(TextError::PostalCode {
            input: input.to_owned(),
            digits: value.len(),
        });
    }
    Ok(Normalised::from_input(input, value))
}

/// Normalises a phone or fax number to half-width digits from the area code: full-width digits,
/// hyphen-like characters, brackets and spaces are removed, and `+81` becomes `0`.
pub fn normalise_phone(input: &str) -> Result<Normalised, TextError> {
    let mut digits = String::with_capacity(11);
    let mut international = false;
    for (i, c) in input.trim_matches(is_space).chars().enumerate() {
        if is_space(c) || is_hyphen_like(c) || is_bracket(c) {
            continue;
        }
        if i == 0 && (c == '+' || c == '＋') {
            international = true;
            continue;
        }
        match ascii_digit(c) {
            Some(d) => digits.push(d),
            None => {
                return Err(TextError::Phone {
                    input: input.to_owned(),
                });
            }
        }
    }
    let value = if international {
        // "+81 3-…" and "+81 (0)3-…" are both written; the trunk 0 is restored once.
        let Some(national) = digits.strip_prefix("81") else {
            return Err(TextError::Phone {
                input: input.to_owned(),
            });
        };
        if national.starts_with('0') {
            national.to_owned()
        } else {
            format!("0{national}")
        }
    } else {
        digits
    };
    if !is_phone(&value) {
        return Err(TextError::Phone {
            input: input.to_owned(),
        });
    }
    Ok(Normalised::from_input(input, value))
}

/// True for a canonical phone number: 10 or 11 half-width digits starting with 0.
pub fn is_phone(s: &str) -> bool {
    (s.len() == 10 || s.len() == 11) && s.starts_with('0') && s.bytes().all(|b| b.is_ascii_digit())
}

/// True for a canonical postal code: exactly 7 half-width digits.
pub fn is_postal_code(s: &str) -> bool {
    s.len() == 7 && s.bytes().all(|b| b.is_ascii_digit())
}

/// Normalises a reading (ふりがな) to full-width hiragana without spaces: katakana (full- or
/// half-width) become hiragana; latin letters, kanji and anything else are refused, never
/// romanised or guessed.
pub fn normalise_kana_reading(input: &str) -> Result<Normalised, TextError> {
    let composed: String = widen_half_width_katakana(input).nfc().collect();
    let mut value = String::with_capacity(composed.len());
    for c in composed.chars() {
        if is_space(c) {
            continue;
        }
        let c = katakana_to_hiragana(c);
        if !is_reading_char(c) {
            return Err(TextError::NotHiragana { character: c });
        }
        value.push(c);
    }
    Ok(Normalised::from_input(input, value))
}

/// The first character that may not appear in a canonical reading, if any.
pub fn first_non_reading_char(s: &str) -> Option<char> {
    s.chars().find(|&c| !is_reading_char(c))
}

/// Normalises a name: half-width katakana become full-width; everything else stays as typed
/// (not even NFC, which would rewrite CJK compatibility ideographs in registered names).
pub fn normalise_name(input: &str) -> Normalised {
    Normalised::from_input(input, widen_half_width_katakana(input))
}

/// Normalises an e-mail address: surrounding spaces are trimmed and full-width ASCII (including
/// ＠) becomes half-width; the result must be a valid address.
pub fn normalise_email(input: &str) -> Result<Normalised, TextError> {
    let value: String = input
        .trim_matches(is_space)
        .chars()
        .map(narrow_full_width_ascii)
        .collect();
    if !is_email(&value) {
        return Err(TextError::Email {
            input: input.to_owned(),
        });
    }
    Ok(Normalised::from_input(input, value))
}

/// True for a well-formed e-mail address: ASCII, one `@`, a local part of atext and dots, and a
/// domain of at least two LDH labels.
///
/// Dots in the local part are not policed (leading, trailing or doubled dots are allowed):
/// legacy Japanese mobile addresses such as `taro..yamada.@docomo.ne.jp` still receive mail.
pub fn is_email(s: &str) -> bool {
    if s.len() > EMAIL_MAX_LENGTH || !s.is_ascii() {
        return false;
    }
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || "!#$%&'*+-/=?^_`{|}~".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && domain.len() <= 253
        && labels.iter().all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
    local_ok && domain_ok
}

/// Reads a count typed as text ("120", "１２０", " 12 ", "－3") as an integer.
pub fn parse_integer(input: &str) -> Result<i64, TextError> {
    let error = || TextError::Integer {
        input: input.to_owned(),
    };
    let trimmed = input.trim_matches(is_space);
    let mut chars = trimmed.chars().peekable();
    let negative = match chars.peek() {
        Some(&c) if c == '-' || c == '－' || c == '−' => {
            chars.next();
            true
        }
        _ => false,
    };
    let mut value: i64 = 0;
    let mut any = false;
    for c in chars {
        let d = ascii_digit(c)
            .and_then(|d| d.to_digit(10))
            .map(i64::from)
            .ok_or_else(error)?;
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(d))
            .ok_or_else(error)?;
        any = true;
    }
    if !any {
        return Err(error());
    }
    Ok(if negative { -value } else { value })
}

/// Keeps only the digits of `input` (full-width digits made half-width) when it holds nothing
/// but digits, hyphen-like characters and spaces; `None` otherwise.
pub fn digits_only(input: &str) -> Option<String> {
    let mut digits = String::new();
    for c in input.chars() {
        if is_space(c) || is_hyphen_like(c) {
            continue;
        }
        digits.push(ascii_digit(c)?);
    }
    (!digits.is_empty()).then_some(digits)
}

/// True when every character is full-width: no half-width ASCII, space or half-width katakana.
pub fn is_full_width(s: &str) -> bool {
    first_half_width_char(s).is_none()
}

/// The first half-width character (ASCII, half-width katakana or punctuation), if any.
pub fn first_half_width_char(s: &str) -> Option<char> {
    s.chars().find(|&c| is_half_width(c))
}

/// True for characters the guide calls half-width (半角): ASCII and the half-width forms block.
pub fn is_half_width(c: char) -> bool {
    matches!(c, '\u{20}'..='\u{7E}' | '\u{FF61}'..='\u{FFDC}' | '\u{FFE8}'..='\u{FFEE}')
}

/// True for hyphens, dashes, minus signs and prolonged-sound marks people type in numbers.
pub fn is_hyphen_like(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{30FC}' // ー
            | '\u{2212}' // −
            | '\u{2010}' // ‐
            | '\u{2011}' // ‑
            | '\u{2012}' // ‒
            | '\u{2013}' // –
            | '\u{2014}' // —
            | '\u{2015}' // ―
            | '\u{FE63}' // ﹣
            | '\u{FF0D}' // －
            | '\u{FF70}' // ｰ
    )
}

/// True for half-width and ideographic spaces, tabs and no-break spaces.
pub fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{3000}' | '\t' | '\u{A0}')
}

fn is_bracket(c: char) -> bool {
    matches!(c, '(' | ')' | '（' | '）' | '[' | ']' | '［' | '］')
}

/// Half-width digit for a half- or full-width digit.
fn ascii_digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '０'..='９' => char::from_u32(u32::from(c) - 0xFF10 + u32::from(b'0')),
        _ => None,
    }
}

/// Characters allowed in a canonical reading: hiragana, the iteration marks ゝゞ and ー.
fn is_reading_char(c: char) -> bool {
    matches!(
        c,
        '\u{3041}'..='\u{3096}' | '\u{309D}' | '\u{309E}' | '\u{30FC}'
    )
}

fn katakana_to_hiragana(c: char) -> char {
    match c {
        // ァ..ヶ and the iteration marks ヽヾ sit 0x60 above their hiragana.
        '\u{30A1}'..='\u{30F6}' | '\u{30FD}' | '\u{30FE}' => {
            char::from_u32(u32::from(c) - 0x60).unwrap_or(c)
        }
        _ => c,
    }
}

fn narrow_full_width_ascii(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

fn is_half_width_katakana(c: char) -> bool {
    matches!(c, '\u{FF61}'..='\u{FF9F}')
}

/// Replaces each run of half-width katakana by its full-width form (NFKC of the run only, so
/// ｶﾞ becomes ガ); a sound mark that cannot combine becomes the spacing ゛ or ゜.
fn widen_half_width_katakana(input: &str) -> String {
    if !input.chars().any(is_half_width_katakana) {
        return input.to_owned();
    }
    let mut out = String::with_capacity(input.len());
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        for c in run.nfkc() {
            out.push(match c {
                '\u{3099}' => '\u{309B}',
                '\u{309A}' => '\u{309C}',
                c => c,
            });
        }
        run.clear();
    };
    for c in input.chars() {
        if is_half_width_katakana(c) {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}
