//! Japan Post postal codes, embedded in the binary and looked up offline: a 7-digit code gives
//! the prefecture and city (or the several candidates) it belongs to.
//!
//! The data is `data/postal_codes.txt`, written by `tools/postal/import.py` (see
//! `data/SOURCE.md`): Japan Post's area codes (KEN_ALL) and the individual codes of large offices
//! (JIGYOSYO), about 143k codes in all. It is parsed once, on first use, into sorted arrays
//! (see `table`); a lookup is then a binary search. The first call pays the parse (a few ms);
//! call [`code_count`] at start-up to pay it early.
//!
//! Names are kanji as Japan Post writes them: `東京都` / `千代田区`; a ward of a designated city
//! (政令指定都市) is one city name, `大阪市北区`; a town or village keeps its district,
//! `三戸郡三戸町`.
//!
//! Invariant: every locality's prefecture is one of [`prefectures`], and localities are kept in
//! JIS X 0402 code order.

mod table;

use std::sync::OnceLock;

use table::Table;

/// One place a postal code can belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Locality {
    /// Prefecture in kanji, one of [`prefectures`], e.g. `東京都`.
    pub prefecture: &'static str,
    /// City, ward, town or village in kanji, e.g. `千代田区`, `大阪市北区`, `三戸郡三戸町`.
    pub city: &'static str,
}

/// The localities a postal code belongs to, in JIS code order; usually one, a few for codes that
/// span a boundary.
///
/// `code` must be exactly 7 ASCII digits (`"1008916"`); anything else — hyphens, full-width
/// digits, spaces — and unknown codes give an empty slice. Normalising user input is the
/// caller's job.
pub fn lookup(code: &str) -> &'static [Locality] {
    let Some(key) = parse_code(code) else {
        return &[];
    };
    table().lookup(key)
}

/// The 47 prefectures in JIS X 0401 order, 北海道 … 沖縄県.
pub fn prefectures() -> &'static [&'static str; 47] {
    PREFECTURES
}

/// Whether `name` is exactly one of the 47 prefecture names, e.g. `東京都` (not `東京`).
pub fn is_prefecture(name: &str) -> bool {
    PREFECTURES.contains(&name)
}

/// The cities of a prefecture in JIS code order, for choosing from a list when a code does not
/// resolve; empty if `prefecture` is not one of [`prefectures`].
pub fn cities(prefecture: &str) -> Vec<&'static str> {
    table()
        .localities()
        .iter()
        .filter(|locality| locality.prefecture == prefecture)
        .map(|locality| locality.city)
        .collect()
}

/// How many distinct postal codes [`lookup`] knows.
pub fn code_count() -> usize {
    table().code_count()
}

/// Parses the embedded data afresh, bypassing the cache, and returns its code count; exists so
/// the benchmark can measure the first-use cost.
#[doc(hidden)]
pub fn parse_embedded_uncached() -> usize {
    Table::parse(DATA).map_or(0, |table| table.code_count())
}

/// JIS X 0401 order: the index + 1 is the prefecture code that starts a JIS X 0402 code.
/// The list itself is the domain's (one list of prefectures in the whole product).
static PREFECTURES: &[&str; 47] = &domain::prefecture::ALL;

const DATA: &str = include_str!("../data/postal_codes.txt");

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        Table::parse(DATA).expect(
            "embedded data/postal_codes.txt is valid: checked by the test embedded_data_parses",
        )
    })
}

/// `Some(n)` for exactly 7 ASCII digits; `str::parse` would also take a sign.
fn parse_code(code: &str) -> Option<u32> {
    let digits = code.as_bytes();
    if digits.len() != 7 || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(digits.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
}
