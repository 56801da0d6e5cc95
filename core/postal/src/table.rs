//! The postal-code table: parsing the text format of `data/postal_codes.txt` into sorted arrays
//! that a lookup binary-searches.
//!
//! Text format (one locality block per JIS X 0402 code, blocks separated by blank lines, `#`
//! lines are comments):
//!
//! ```text
//! 13101<TAB>東京都<TAB>千代田区
//! 1000001
//! 1008916*
//! ```
//!
//! A trailing `*` marks an office code; the lookup does not distinguish it.
//!
//! Layout: `codes` is sorted, `spans[i]` says where the candidates of `codes[i]` are in
//! `localities`. The first `unique` entries of `localities` are the distinct localities in file
//! (JIS code) order, and a code with one candidate points there; each code with several gets its
//! own run appended after them. So every lookup result is one contiguous `'static` slice, and
//! the whole table takes about 8 bytes per code.

use crate::{Locality, PREFECTURES};

/// The parsed table; built once and kept for the life of the process.
#[derive(Debug)]
pub(crate) struct Table {
    localities: Vec<Locality>,
    unique: usize,
    codes: Vec<u32>,
    spans: Vec<Span>,
}

/// Why the text could not be parsed, with its 1-based line number.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct TableError {
    line: usize,
    reason: &'static str,
}

#[derive(Debug, Clone, Copy)]
struct Span {
    start: u16,
    len: u16,
}

impl Table {
    /// Parses the text format; `text` is `'static` so that names borrow from it.
    pub(crate) fn parse(text: &'static str) -> Result<Self, TableError> {
        let mut localities: Vec<Locality> = Vec::with_capacity(2048);
        // code << 16 | locality index: sorting puts a code's candidates side by side.
        let mut entries: Vec<u64> = Vec::with_capacity(text.len() / 8);
        let mut last_jis = 0;
        let mut block: Option<(u16, Option<u32>)> = None; // (locality index, last code in it)

        for (index, line) in text.lines().enumerate() {
            let fail = |reason| TableError {
                line: index + 1,
                reason,
            };
            if line.is_empty() {
                block = None;
            } else if line.starts_with('#') {
                continue;
            } else if line.contains('\t') {
                let (jis, locality) = parse_locality(line).map_err(fail)?;
                if jis <= last_jis {
                    return Err(fail("localities are not in ascending JIS code order"));
                }
                last_jis = jis;
                let position =
                    u16::try_from(localities.len()).map_err(|_| fail("too many localities"))?;
                localities.push(locality);
                block = Some((position, None));
            } else {
                let Some((position, last_code)) = block.as_mut() else {
                    return Err(fail("postal code outside a locality block"));
                };
                let digits = line.strip_suffix('*').unwrap_or(line);
                let code = crate::parse_code(digits).ok_or_else(|| fail("not a 7-digit code"))?;
                if last_code.is_some_and(|last| code <= last) {
                    return Err(fail("codes in a block are not ascending"));
                }
                *last_code = Some(code);
                entries.push(u64::from(code) << 16 | u64::from(*position));
            }
        }
        if entries.is_empty() {
            return Err(TableError {
                line: 0,
                reason: "no postal codes",
            });
        }

        entries.sort_unstable();
        entries.dedup();
        Self::index(localities, &entries).ok_or(TableError {
            line: 0,
            reason: "too many candidate localities",
        })
    }

    /// The candidates of a code given as a number (`1008916`), in JIS code order.
    pub(crate) fn lookup(&'static self, code: u32) -> &'static [Locality] {
        let Ok(found) = self.codes.binary_search(&code) else {
            return &[];
        };
        let Span { start, len } = self.spans[found];
        let start = usize::from(start);
        &self.localities[start..start + usize::from(len)]
    }

    /// Every distinct locality, in JIS code order.
    pub(crate) fn localities(&'static self) -> &'static [Locality] {
        &self.localities[..self.unique]
    }

    /// How many distinct codes the table holds.
    pub(crate) fn code_count(&self) -> usize {
        self.codes.len()
    }

    /// Builds the arrays from sorted, deduplicated `code << 16 | locality` entries; `None` if
    /// the candidate runs outgrow a `u16` offset.
    fn index(mut localities: Vec<Locality>, entries: &[u64]) -> Option<Self> {
        let unique = localities.len();
        let mut codes = Vec::with_capacity(entries.len());
        let mut spans = Vec::with_capacity(entries.len());
        for run in entries.chunk_by(|a, b| a >> 16 == b >> 16) {
            let first = run[0];
            let span = if let [only] = run {
                Span {
                    start: locality_of(*only),
                    len: 1,
                }
            } else {
                let start = u16::try_from(localities.len()).ok()?;
                for &entry in run {
                    let candidate = localities[usize::from(locality_of(entry))];
                    localities.push(candidate);
                }
                Span {
                    start,
                    len: u16::try_from(run.len()).ok()?,
                }
            };
            codes.push(u32::try_from(first >> 16).ok()?);
            spans.push(span);
        }
        u16::try_from(localities.len()).ok()?;
        Some(Self {
            localities,
            unique,
            codes,
            spans,
        })
    }
}

fn locality_of(entry: u64) -> u16 {
    (entry & 0xFFFF) as u16
}

/// `<JIS X 0402 code>\t<prefecture>\t<city>`; the code's first two digits must be the
/// prefecture's JIS X 0401 number.
fn parse_locality(line: &'static str) -> Result<(u32, Locality), &'static str> {
    let mut fields = line.split('\t');
    let (Some(jis), Some(prefecture), Some(city), None) =
        (fields.next(), fields.next(), fields.next(), fields.next())
    else {
        return Err("a locality line has three tab-separated fields");
    };
    if jis.len() != 5 || !jis.bytes().all(|b| b.is_ascii_digit()) {
        return Err("not a 5-digit JIS X 0402 code");
    }
    let Some(number) = PREFECTURES.iter().position(|&name| name == prefecture) else {
        return Err("not one of the 47 prefectures");
    };
    if jis[..2].parse::<usize>() != Ok(number + 1) {
        return Err("JIS code does not start with the prefecture's number");
    }
    if city.is_empty() || city.chars().any(char::is_whitespace) {
        return Err("city is empty or has white space");
    }
    let jis = jis.parse().map_err(|_| "not a 5-digit JIS X 0402 code")?;
    Ok((
        jis,
        Locality {
            prefecture: PREFECTURES[number],
            city,
        },
    ))
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    fn error_of(text: &'static str) -> (usize, &'static str) {
        let error = Table::parse(text).expect_err("text is malformed");
        (error.line, error.reason)
    }

    fn leak(table: Table) -> &'static Table {
        Box::leak(Box::new(table))
    }

    #[test]
    fn embedded_data_parses() {
        let table = Table::parse(crate::DATA).expect("embedded data parses");
        assert!(table.code_count() > 0);
    }

    #[test]
    fn every_locality_in_the_data_is_in_one_of_the_47_prefectures() {
        let localities = crate::table().localities();
        assert!(localities.len() > 1_700, "{} localities", localities.len());
        for locality in localities {
            assert!(crate::is_prefecture(locality.prefecture), "{locality:?}");
        }
        let used: HashSet<_> = localities.iter().map(|l| l.prefecture).collect();
        assert_eq!(used.len(), 47);
    }

    #[test]
    fn area_codes_alone_number_about_120_thousand() {
        let area: HashSet<_> = crate::DATA
            .lines()
            .filter(|line| line.len() == 7 && line.bytes().all(|b| b.is_ascii_digit()))
            .collect();
        assert!(
            (110_000..130_000).contains(&area.len()),
            "{} area codes",
            area.len()
        );
    }

    #[test]
    fn a_small_table_keeps_every_candidate_of_a_shared_code() {
        let table = leak(
            Table::parse(
                "# comment\n\n01101\t北海道\t札幌市中央区\n0600000\n0640000\n\n\
                 01102\t北海道\t札幌市北区\n0010000\n0640000*\n",
            )
            .expect("valid"),
        );
        assert_eq!(table.code_count(), 3);
        let chuo = Locality {
            prefecture: "北海道",
            city: "札幌市中央区",
        };
        let kita = Locality {
            prefecture: "北海道",
            city: "札幌市北区",
        };
        assert_eq!(table.lookup(600_000), [chuo]);
        assert_eq!(table.lookup(10_000), [kita]);
        assert_eq!(table.lookup(640_000), [chuo, kita]);
        assert_eq!(table.lookup(640_001), []);
        assert_eq!(table.localities(), [chuo, kita]);
    }

    #[test]
    fn malformed_text_is_rejected_with_its_line_number() {
        let cases: [(&'static str, (usize, &str)); 10] = [
            ("", (0, "no postal codes")),
            ("0600000\n", (1, "postal code outside a locality block")),
            (
                "01101\t北海道\t札幌市中央区\n\n0600000\n",
                (3, "postal code outside a locality block"),
            ),
            (
                "01101\t北海道\t札幌市中央区\n060000\n",
                (2, "not a 7-digit code"),
            ),
            (
                "01101\t北海道\t札幌市中央区\n０６００００１\n",
                (2, "not a 7-digit code"),
            ),
            (
                "01101\t北海道\t札幌市中央区\n0600001\n0600000\n",
                (3, "codes in a block are not ascending"),
            ),
            (
                "01101\t北海\t札幌市中央区\n",
                (1, "not one of the 47 prefectures"),
            ),
            (
                "13101\t北海道\t札幌市中央区\n",
                (1, "JIS code does not start with the prefecture's number"),
            ),
            (
                "01101\t北海道\n",
                (1, "a locality line has three tab-separated fields"),
            ),
            (
                "01102\t北海道\t札幌市北区\n0010000\n\n01101\t北海道\t札幌市中央区\n",
                (4, "localities are not in ascending JIS code order"),
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(error_of(text), expected, "{text:?}");
        }
    }
}
