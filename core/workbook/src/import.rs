//! The importer: a filled establishment template (`.xlsx`) becomes establishment documents in
//! the application's shape, plus a dry-run report naming every problem cell at once.
//!
//! An upload is hostile until read: its size, its zip central directory (the sum of the
//! declared uncompressed sizes, which the zip reader also enforces while inflating) and the
//! sheet's declared dimensions are checked before any cell is walked, and the walk itself stops
//! at the first cell beyond the row or column limit.
//!
//! The data sheet is the one named `establishments` (the template's), else the first visible
//! worksheet. Its key row (row 2 of the template, accepted anywhere in the first five rows)
//! maps columns to the keys of [`COLUMNS`]; columns may come in any order and unknown ones are
//! ignored. Each following non-empty row is one establishment × business line; consecutive rows
//! with the same establishment name, postal code and street are one establishment.

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{DataRef, Reader, SheetType, SheetVisible, Xlsx};
use domain::prefecture;
use i18n::{Catalog, Locale};
use serde_json::{Map, Value, json};

use crate::{COLUMNS, ColumnKind, DATA_ROWS, DATA_SHEET, SITE_STATUSES, site_status_label_id};

/// The problem codes of a [`CellProblem`]; each has a message in `locales/`.
pub mod codes {
    /// A required cell is empty.
    pub const REQUIRED: &str = "cell_required";
    /// A count is not a whole number ≥ 0.
    pub const NOT_A_WHOLE_NUMBER: &str = "cell_not_a_whole_number";
    /// Not one of the 47 prefectures.
    pub const PREFECTURE_UNKNOWN: &str = "cell_prefecture_unknown";
    /// Not one of the vaccination-site statuses (in any language of the template).
    pub const SITE_STATUS_UNKNOWN: &str = "cell_site_status_unknown";
    /// A postal code or phone number stored as a number lost its leading zeros;
    /// argument `digits`: how many digits are left.
    pub const LEADING_ZERO_LOST: &str = "cell_leading_zero_lost";
    /// The cell holds an Excel error (`#REF!`, `#N/A`, …), usually from a formula.
    pub const FORMULA_ERROR: &str = "cell_formula_error";
    /// A further row of an establishment gives another value for one of its own fields than
    /// its first row (the first row's value is used); argument `first_row`.
    pub const DIFFERS_FROM_FIRST_ROW: &str = "cell_differs_from_first_row";
}

/// How much of an upload is read before it is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportLimits {
    /// The file itself.
    pub max_bytes: usize,
    /// All entries of the zip package, unpacked, as declared in its central directory.
    pub max_uncompressed_bytes: u64,
    /// Data rows below the key row.
    pub max_rows: u32,
    /// Columns of the data sheet.
    pub max_columns: u32,
}

impl Default for ImportLimits {
    fn default() -> ImportLimits {
        ImportLimits {
            max_bytes: 8 * 1024 * 1024,
            max_uncompressed_bytes: 64 * 1024 * 1024,
            max_rows: DATA_ROWS,
            max_columns: 64,
        }
    }
}

/// What an upload gave: the establishments (in the application document's shape) and every
/// problem found. The establishments are meant for a dry-run preview and, once `problems` is
/// empty, for the draft; a cell with a problem is `null` in them.
#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    /// One object per establishment, with its `business_lines` and `vaccination_site`.
    pub establishments: Vec<Value>,
    /// Every problem, in sheet order.
    pub problems: Vec<CellProblem>,
    /// Non-empty data rows read.
    pub rows_read: usize,
}

/// One problem of one cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellProblem {
    /// The Excel row, 1-based.
    pub row: u32,
    /// The column's key from [`COLUMNS`], if the problem belongs to one cell.
    pub column: Option<&'static str>,
    /// One of [`codes`].
    pub code: &'static str,
    /// Message arguments.
    pub args: Vec<(&'static str, i64)>,
}

/// Why an upload was refused as a whole (no cell was reported).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// Not a zip package with a readable workbook in it.
    #[error("the file is not an Excel workbook (.xlsx)")]
    NotXlsx,
    /// The file is larger than the limit.
    #[error("the file is larger than {max} bytes")]
    TooLarge {
        /// The limit in bytes.
        max: usize,
    },
    /// The package unpacks to more than the limit (a zip bomb, or far too much data).
    #[error("the workbook unpacks to more than {max} bytes")]
    TooLargeUncompressed {
        /// The limit in bytes.
        max: u64,
    },
    /// More data rows than the limit.
    #[error("the sheet has more than {max} data rows")]
    TooManyRows {
        /// The limit in rows.
        max: u32,
    },
    /// More columns than the limit.
    #[error("the sheet has more than {max} columns")]
    TooManyColumns {
        /// The limit in columns.
        max: u32,
    },
    /// No row of column keys in the first rows of the sheet.
    #[error("no row of column keys in the first {KEY_ROW_SEARCH} rows")]
    NoKeyRow,
    /// The key row lacks required columns (their keys, in template order).
    #[error("required columns are missing: {}", .0.join(", "))]
    MissingColumns(Vec<&'static str>),
}

/// The key row is looked for in this many rows from the top.
const KEY_ROW_SEARCH: u32 = 5;

/// Columns the key row must have, and cells every row must fill (the establishment's own ones
/// on its first row only).
const REQUIRED: [&str; 8] = [
    "establishment_name",
    "postal_code",
    "prefecture",
    "city",
    "street",
    "business_type",
    "sub_type_1",
    "registered_staff_own",
];

/// The establishment's own columns besides its identity (name, postal code, street); each
/// fills the document field of the same name.
const ESTABLISHMENT_FIELDS: [&str; 6] =
    ["prefecture", "city", "phone", "fax", "email", "total_staff"];

/// The vaccination-site columns (status first), and the document field each fills.
const SITE_FIELDS: [(&str, &str); 9] = [
    ("vaccination_site_status", "status"),
    ("vaccination_site_name", "name"),
    ("vaccination_site_name_kana", "name_kana"),
    ("vaccination_site_postal_code", "postal_code"),
    ("vaccination_site_prefecture", "prefecture"),
    ("vaccination_site_city", "city"),
    ("vaccination_site_street", "street"),
    ("vaccination_site_phone", "phone"),
    ("vaccination_site_plan_note", "plan_note"),
];

/// The business-line columns; each fills the document field of the same name.
const LINE_FIELDS: [&str; 6] = [
    "business_type",
    "sub_type_1",
    "sub_type_2",
    "registered_staff_own",
    "registered_staff_external",
    "note",
];

/// Reads a filled establishment template. `Err` refuses the upload as a whole; `Ok` carries
/// the establishments and every cell problem (a dry run reports everything at once).
pub fn import_establishments(bytes: &[u8], limits: &ImportLimits) -> Result<Import, ImportError> {
    if bytes.len() > limits.max_bytes {
        return Err(ImportError::TooLarge {
            max: limits.max_bytes,
        });
    }
    check_package(bytes, limits)?;
    check_references(bytes)?;
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|_| ImportError::NotXlsx)?;
    let sheet = data_sheet(&workbook).ok_or(ImportError::NotXlsx)?;
    let grid = read_grid(&mut workbook, &sheet, limits)?;
    let (key_row, columns) = key_row(&grid)?;
    if let Some(&last) = grid.keys().next_back()
        && last - key_row > limits.max_rows
    {
        return Err(ImportError::TooManyRows {
            max: limits.max_rows,
        });
    }

    let statuses = site_status_labels();
    let mut builder = Builder::default();
    let mut problems = Vec::new();
    let mut rows_read = 0;
    for (&row, cells) in grid.range(key_row + 1..) {
        let mut values: Vec<Option<&Cell>> = vec![None; COLUMNS.len()];
        for (column, cell) in cells {
            if let Some(&index) = columns.get(column) {
                values[index].get_or_insert(cell);
            }
        }
        if values.iter().all(Option::is_none) {
            continue;
        }
        rows_read += 1;
        let mut reader = RowReader {
            row: row + 1,
            cells: &values,
            statuses: &statuses,
            problems: &mut problems,
        };
        builder.row(&mut reader);
    }
    Ok(Import {
        establishments: builder.finish(),
        problems,
        rows_read,
    })
}

/// Refuses a file that is not a zip package, or whose entries unpack to more than the limit,
/// from the central directory alone (nothing is inflated). The zip reader refuses to inflate
/// an entry beyond its declared size, so the declared sum bounds what parsing will unpack.
fn check_package(bytes: &[u8], limits: &ImportLimits) -> Result<(), ImportError> {
    let archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| ImportError::NotXlsx)?;
    let metadata = archive.metadata();
    let mut total = 0u64;
    for index in 0..metadata.len() {
        let entry = metadata.entry(index).map_err(|_| ImportError::NotXlsx)?;
        total = total.saturating_add(entry.size());
        if total > limits.max_uncompressed_bytes {
            return Err(ImportError::TooLargeUncompressed {
                max: limits.max_uncompressed_bytes,
            });
        }
    }
    Ok(())
}

/// Refuses a package holding a cell reference that calamine 0.38 would mis-read: an `r` or
/// `ref` attribute beyond Excel's grid (column XFD, row 1,048,576), or a `ref` range that ends
/// before it starts. calamine accumulates a reference's letters and digits in a `u32`, and
/// subtracts a range's start from its end, unchecked (tafia/calamine#694): in a build with
/// overflow checks that panics, and without them the cell silently lands elsewhere (found by
/// the `xlsx_sheet` and `xlsx_bytes` fuzz targets).
///
/// Every entry is scanned (the workbook decides which one is the sheet), as it inflates, in one
/// pass and constant memory. calamine's XML reader reads the raw bytes (it does not transcode),
/// so the scan looks for `r="…"` and `ref="…"` in the bytes wherever they appear: every
/// attribute calamine parses as a reference, and possibly text that merely looks like one. What
/// inflates before a read error is scanned too, as calamine parses it before a bad checksum.
fn check_references(bytes: &[u8]) -> Result<(), ImportError> {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| ImportError::NotXlsx)?;
    let mut buffer = vec![0; 64 * 1024];
    for index in 0..archive.len() {
        // An entry that cannot be opened cannot be read by calamine either (the same zip
        // reader); the sizes were bounded by `check_package`.
        let Ok(mut entry) = archive.by_index(index) else {
            continue;
        };
        let mut scan = ReferenceScan::default();
        while let Ok(read @ 1..) = entry.read(&mut buffer) {
            if !scan.feed(&buffer[..read]) {
                return Err(ImportError::NotXlsx);
            }
        }
    }
    Ok(())
}

/// The last cell of Excel's grid: column XFD, row 1,048,576.
const GRID_COLUMNS: u64 = 16_384;
const GRID_ROWS: u64 = 1_048_576;

/// A scan of XML bytes for `r` and `ref` attributes (after a space or a quote, spaces allowed
/// around `=`, either quote). Their values are read the way calamine reads them: `:`-separated
/// parts of letters (the column), then digits (the row); a candidate ends at any other byte.
#[derive(Debug, Default)]
struct ReferenceScan {
    state: Scan,
    /// The previous byte was a space or a quote (an attribute may start here).
    after_boundary: bool,
}

#[derive(Debug, Default, Clone, Copy)]
enum Scan {
    #[default]
    Text,
    /// `r` after a boundary.
    R,
    /// `re` after a boundary.
    Re,
    /// The key (`ref` or `r`), perhaps followed by spaces.
    Key { range: bool },
    /// `=` after the key, perhaps followed by spaces.
    Equals { range: bool },
    /// In the quoted value.
    Value(Reference),
}

/// A value read so far; column and row are 1-based and saturating.
#[derive(Debug, Clone, Copy)]
struct Reference {
    /// The key was `ref` (calamine reads a range of two parts, end minus start).
    range: bool,
    /// The current part's column.
    column: u64,
    /// The current part's row, once a digit came.
    row: Option<u64>,
    /// The first part, once a `:` came, and how many came.
    first: (u64, u64),
    colons: u32,
}

impl Reference {
    fn new(range: bool) -> Reference {
        Reference {
            range,
            column: 0,
            row: None,
            first: (0, 0),
            colons: 0,
        }
    }

    /// A range of two parts whose end comes before its start.
    fn is_reversed(&self) -> bool {
        let (column, row) = self.first;
        self.range && self.colons == 1 && (self.column < column || self.row.unwrap_or(0) < row)
    }
}

impl ReferenceScan {
    /// Scans the next bytes; false once a reference calamine would mis-read was seen.
    fn feed(&mut self, bytes: &[u8]) -> bool {
        let mut at = 0;
        while at < bytes.len() {
            if let Scan::Text = self.state {
                // Between candidates only an `r` matters: skip to the next one.
                let Some(offset) = bytes[at..].iter().position(|&b| b == b'r') else {
                    self.after_boundary = is_boundary(bytes[bytes.len() - 1]);
                    return true;
                };
                if offset > 0 {
                    self.after_boundary = is_boundary(bytes[at + offset - 1]);
                }
                at += offset;
            }
            if !self.step(bytes[at]) {
                return false;
            }
            at += 1;
        }
        true
    }

    /// One byte; false if it completed a reference calamine would mis-read.
    fn step(&mut self, b: u8) -> bool {
        let space = b.is_ascii_whitespace();
        let next = match self.state {
            Scan::R if b == b'e' => Some(Scan::Re),
            Scan::Re if b == b'f' => Some(Scan::Key { range: true }),
            Scan::R if space || b == b'=' => {
                self.state = Scan::Key { range: false };
                return self.step(b);
            }
            Scan::Key { range } if space => Some(Scan::Key { range }),
            Scan::Key { range } if b == b'=' => Some(Scan::Equals { range }),
            Scan::Equals { range } if space => Some(Scan::Equals { range }),
            Scan::Equals { range } if b == b'"' || b == b'\'' => {
                Some(Scan::Value(Reference::new(range)))
            }
            Scan::Value(mut value) if value.row.is_none() && b.is_ascii_alphabetic() => {
                let letter = u64::from(b.to_ascii_uppercase() - b'A' + 1);
                value.column = value.column.saturating_mul(26).saturating_add(letter);
                if value.column > GRID_COLUMNS {
                    return false;
                }
                Some(Scan::Value(value))
            }
            Scan::Value(mut value) if b.is_ascii_digit() => {
                let digit = u64::from(b - b'0');
                let row = value
                    .row
                    .unwrap_or(0)
                    .saturating_mul(10)
                    .saturating_add(digit);
                if row > GRID_ROWS {
                    return false;
                }
                value.row = Some(row);
                Some(Scan::Value(value))
            }
            Scan::Value(mut value) if b == b':' => {
                if value.colons == 0 {
                    value.first = (value.column, value.row.unwrap_or(0));
                }
                value.colons = value.colons.saturating_add(1);
                value.column = 0;
                value.row = None;
                Some(Scan::Value(value))
            }
            Scan::Value(value) if value.is_reversed() => return false,
            // Anything else ends the candidate, and the byte is read as text.
            _ => None,
        };
        self.state = next.unwrap_or(if self.after_boundary && b == b'r' {
            Scan::R
        } else {
            Scan::Text
        });
        self.after_boundary = is_boundary(b);
        true
    }
}

/// A byte after which an attribute may start: a space or a quote.
fn is_boundary(b: u8) -> bool {
    b.is_ascii_whitespace() || b == b'"' || b == b'\''
}

/// The template's data sheet by name, else the first visible worksheet (the template's first
/// sheet is its hidden `lists`).
fn data_sheet<RS: std::io::Read + std::io::Seek>(workbook: &Xlsx<RS>) -> Option<String> {
    let sheets = workbook.sheets_metadata();
    let worksheets = || sheets.iter().filter(|s| s.typ == SheetType::WorkSheet);
    worksheets()
        .find(|s| s.name == DATA_SHEET)
        .or_else(|| worksheets().find(|s| s.visible == SheetVisible::Visible))
        .map(|s| s.name.clone())
}

/// A non-empty cell value.
#[derive(Debug, Clone, PartialEq)]
enum Cell {
    /// Trimmed, never empty.
    Text(String),
    Number(f64),
    Bool(bool),
    /// An Excel error value.
    Error,
}

impl Cell {
    fn from_data(data: &DataRef<'_>) -> Option<Cell> {
        let text = |s: &str| {
            let s = s.trim();
            (!s.is_empty()).then(|| Cell::Text(s.to_owned()))
        };
        match data {
            DataRef::Empty => None,
            DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => text(s),
            DataRef::SharedString(s) => text(s),
            DataRef::Int(i) => Some(Cell::Number(*i as f64)),
            DataRef::Float(f) => Some(Cell::Number(*f)),
            DataRef::DateTime(d) => Some(Cell::Number(d.as_f64())),
            DataRef::Bool(b) => Some(Cell::Bool(*b)),
            DataRef::Error(_) => Some(Cell::Error),
        }
    }
}

/// The sheet's non-empty cells: 0-based row → (0-based column, value). A formula cell gives
/// its cached value.
type Grid = BTreeMap<u32, Vec<(u32, Cell)>>;

/// Streams the data sheet's cells, refusing it on its declared dimensions first and then at the
/// first non-empty cell beyond the limits (a declared dimension may lie or be missing).
fn read_grid<RS: std::io::Read + std::io::Seek>(
    workbook: &mut Xlsx<RS>,
    sheet: &str,
    limits: &ImportLimits,
) -> Result<Grid, ImportError> {
    let too_many_rows = ImportError::TooManyRows {
        max: limits.max_rows,
    };
    let too_many_columns = ImportError::TooManyColumns {
        max: limits.max_columns,
    };
    // Rows a sheet may have: the data rows below a key row as low as the search goes.
    let row_cap = u64::from(limits.max_rows) + u64::from(KEY_ROW_SEARCH);
    let mut cells = workbook
        .worksheet_cells_reader(sheet)
        .map_err(|_| ImportError::NotXlsx)?;
    let declared = cells.dimensions();
    if u64::from(declared.end.1) >= u64::from(limits.max_columns) {
        return Err(too_many_columns);
    }
    if u64::from(declared.end.0) >= row_cap {
        return Err(too_many_rows);
    }
    let mut grid = Grid::new();
    while let Some(cell) = cells.next_cell().map_err(|_| ImportError::NotXlsx)? {
        let Some(value) = Cell::from_data(cell.get_value()) else {
            continue;
        };
        let (row, column) = cell.get_position();
        if column >= limits.max_columns {
            return Err(too_many_columns);
        }
        if u64::from(row) >= row_cap {
            return Err(too_many_rows);
        }
        grid.entry(row).or_default().push((column, value));
    }
    Ok(grid)
}

/// Finds the key row among the first rows (the one naming the most keys) and maps its columns
/// to indexes in [`COLUMNS`] (a key named twice: its first column).
fn key_row(grid: &Grid) -> Result<(u32, BTreeMap<u32, usize>), ImportError> {
    let mut best: Option<(u32, BTreeMap<u32, usize>)> = None;
    for (&row, cells) in grid.range(..KEY_ROW_SEARCH) {
        let mut columns = BTreeMap::new();
        for (column, cell) in cells {
            let Cell::Text(text) = cell else { continue };
            if let Some(index) = COLUMNS.iter().position(|(key, _)| key == text)
                && !columns.values().any(|&known| known == index)
            {
                columns.insert(*column, index);
            }
        }
        if columns.len() > best.as_ref().map_or(0, |(_, known)| known.len()) {
            best = Some((row, columns));
        }
    }
    let (row, columns) = best.ok_or(ImportError::NoKeyRow)?;
    let missing: Vec<&'static str> = REQUIRED
        .into_iter()
        .filter(|key| !columns.values().any(|&index| COLUMNS[index].0 == *key))
        .collect();
    if missing.is_empty() {
        Ok((row, columns))
    } else {
        Err(ImportError::MissingColumns(missing))
    }
}

/// Every label the template may show in the site-status column (any supported language), and
/// the raw values, mapped to the value.
fn site_status_labels() -> Vec<(String, &'static str)> {
    let catalog = Catalog::embedded();
    let mut labels: Vec<(String, &'static str)> = SITE_STATUSES
        .into_iter()
        .map(|status| (status.to_owned(), status))
        .collect();
    for locale in Locale::ALL {
        for status in SITE_STATUSES {
            let id = site_status_label_id(status);
            if catalog.has(locale, &id) {
                labels.push((catalog.message(locale, &id, &[]), status));
            }
        }
    }
    labels
}

fn kind(key: &str) -> ColumnKind {
    COLUMNS
        .iter()
        .find(|(known, _)| *known == key)
        .map_or(ColumnKind::Text, |(_, kind)| *kind)
}

/// The digits a postal code or phone number has at least, for columns that hold one: a number
/// cell with fewer lost its leading zeros (a Japanese phone number starts with 0, so a number
/// cell always lost it, unless it is one digit longer than any domestic number).
fn expected_digits(key: &str) -> Option<usize> {
    match key {
        "postal_code" | "vaccination_site_postal_code" => Some(7),
        "phone" | "fax" | "vaccination_site_phone" => Some(11),
        _ => None,
    }
}

/// A number as the digits Excel would show: `1008916`, not `1008916.0`.
fn number_text(number: f64) -> String {
    if number.fract() == 0.0 && number.abs() < 1e15 {
        format!("{}", number as i64)
    } else {
        format!("{number}")
    }
}

/// A whole number ≥ 0 that fits the document's counts, from a number cell or from digits
/// (half- or full-width).
fn whole_number(cell: &Cell) -> Option<u32> {
    match cell {
        Cell::Number(number) => (number.fract() == 0.0
            && (0.0..=f64::from(u32::MAX)).contains(number))
        .then_some(*number as u32),
        Cell::Text(text) => text.chars().try_fold(0u32, |sum, c| {
            let digit = match c {
                '0'..='9' => c.to_digit(10),
                '０'..='９' => Some(u32::from(c) - u32::from('０')),
                _ => None,
            }?;
            sum.checked_mul(10)?.checked_add(digit)
        }),
        Cell::Bool(_) | Cell::Error => None,
    }
}

/// One data row's cells by column index, reporting into the import's problems.
struct RowReader<'a> {
    /// 1-based.
    row: u32,
    cells: &'a [Option<&'a Cell>],
    statuses: &'a [(String, &'static str)],
    problems: &'a mut Vec<CellProblem>,
}

impl RowReader<'_> {
    fn cell(&self, key: &str) -> Option<&Cell> {
        let index = COLUMNS.iter().position(|(known, _)| *known == key)?;
        self.cells[index]
    }

    fn problem(&mut self, key: &'static str, code: &'static str, args: Vec<(&'static str, i64)>) {
        self.problems.push(CellProblem {
            row: self.row,
            column: Some(key),
            code,
            args,
        });
    }

    /// The cell as a document value (`null` when empty or wrong, the wrong ones reported).
    fn value(&mut self, key: &'static str, required: bool) -> Value {
        let Some(cell) = self.cell(key).cloned() else {
            if required {
                self.problem(key, codes::REQUIRED, Vec::new());
            }
            return Value::Null;
        };
        if cell == Cell::Error {
            self.problem(key, codes::FORMULA_ERROR, Vec::new());
            return Value::Null;
        }
        match kind(key) {
            ColumnKind::Text => Value::String(self.text(key, &cell)),
            ColumnKind::Catalogue(_) => {
                Value::String(crate::choice_code(&self.text(key, &cell)).to_owned())
            }
            ColumnKind::Count => match whole_number(&cell) {
                Some(count) => Value::from(count),
                None => {
                    self.problem(key, codes::NOT_A_WHOLE_NUMBER, Vec::new());
                    Value::Null
                }
            },
            ColumnKind::Prefecture => match &cell {
                Cell::Text(name) if prefecture::is_prefecture(name) => Value::String(name.clone()),
                _ => {
                    self.problem(key, codes::PREFECTURE_UNKNOWN, Vec::new());
                    Value::Null
                }
            },
            ColumnKind::SiteStatus => {
                let status = match &cell {
                    Cell::Text(label) => self
                        .statuses
                        .iter()
                        .find(|(known, _)| known == label || known.eq_ignore_ascii_case(label))
                        .map(|(_, status)| *status),
                    _ => None,
                };
                match status {
                    Some(status) => Value::String(status.to_owned()),
                    None => {
                        self.problem(key, codes::SITE_STATUS_UNKNOWN, Vec::new());
                        Value::Null
                    }
                }
            }
        }
    }

    /// A text column's value: text as typed; a number as its digits (reporting a postal code
    /// or phone number whose leading zeros Excel dropped).
    fn text(&mut self, key: &'static str, cell: &Cell) -> String {
        match cell {
            Cell::Text(text) => text.clone(),
            Cell::Number(number) => {
                let text = number_text(*number);
                if let Some(expected) = expected_digits(key)
                    && *number >= 0.0
                    && number.fract() == 0.0
                    && text.len() < expected
                {
                    let digits = i64::try_from(text.len()).unwrap_or(i64::MAX);
                    self.problem(key, codes::LEADING_ZERO_LOST, vec![("digits", digits)]);
                }
                text
            }
            Cell::Bool(true) => "TRUE".to_owned(),
            Cell::Bool(false) => "FALSE".to_owned(),
            Cell::Error => String::new(),
        }
    }
}

/// An establishment being read: its first row's values and its business lines so far.
#[derive(Debug)]
struct Pending {
    identity: [Value; 3],
    first_row: u32,
    /// Its own fields and its site's, by column key, from its first row.
    shared: Vec<(&'static str, Value)>,
    site: Value,
    lines: Vec<Value>,
}

impl Pending {
    fn shared(&self, key: &str) -> Value {
        self.shared
            .iter()
            .find(|(known, _)| *known == key)
            .map_or(Value::Null, |(_, value)| value.clone())
    }

    /// The establishment in the application document's shape.
    fn into_document(self) -> Value {
        let [name, postal_code, street] = self.identity.clone();
        let mut document = Map::new();
        document.insert("name".to_owned(), name);
        document.insert("postal_code".to_owned(), postal_code);
        document.insert("prefecture".to_owned(), self.shared("prefecture"));
        document.insert("city".to_owned(), self.shared("city"));
        document.insert("street".to_owned(), street);
        for key in ["phone", "fax", "email", "total_staff"] {
            document.insert(key.to_owned(), self.shared(key));
        }
        document.insert("business_lines".to_owned(), Value::Array(self.lines));
        document.insert("vaccination_site".to_owned(), self.site);
        Value::Object(document)
    }
}

/// Groups rows into establishments.
#[derive(Debug, Default)]
struct Builder {
    done: Vec<Value>,
    current: Option<Pending>,
}

impl Builder {
    fn row(&mut self, reader: &mut RowReader<'_>) {
        let identity = [
            reader.value("establishment_name", true),
            reader.value("postal_code", true),
            reader.value("street", true),
        ];
        let continues = self
            .current
            .as_ref()
            .is_some_and(|pending| pending.identity == identity);
        let shared: Vec<(&'static str, Value)> = ESTABLISHMENT_FIELDS
            .into_iter()
            .chain(SITE_FIELDS.into_iter().map(|(key, _)| key))
            .map(|key| {
                (
                    key,
                    reader.value(key, !continues && REQUIRED.contains(&key)),
                )
            })
            .collect();
        let mut line = Map::new();
        for key in LINE_FIELDS {
            line.insert(key.to_owned(), reader.value(key, REQUIRED.contains(&key)));
        }
        line.insert("extra".to_owned(), json!({}));

        if continues && let Some(pending) = &mut self.current {
            for ((key, first), (_, value)) in pending.shared.iter().zip(&shared) {
                if !value.is_null() && value != first {
                    reader.problem(
                        key,
                        codes::DIFFERS_FROM_FIRST_ROW,
                        vec![("first_row", i64::from(pending.first_row))],
                    );
                }
            }
            pending.lines.push(Value::Object(line));
            return;
        }

        if let Some(done) = self.current.take() {
            self.done.push(done.into_document());
        }
        let mut pending = Pending {
            identity,
            first_row: reader.row,
            shared,
            site: Value::Null,
            lines: vec![Value::Object(line)],
        };
        pending.site = match pending.shared("vaccination_site_status").as_str() {
            Some("secured") => {
                let mut site = Map::new();
                for (key, field) in SITE_FIELDS {
                    if key != "vaccination_site_plan_note" {
                        site.insert(field.to_owned(), pending.shared(key));
                    }
                }
                site.insert("fax".to_owned(), Value::Null);
                site.insert("email".to_owned(), Value::Null);
                site.insert(
                    "plan_note".to_owned(),
                    pending.shared("vaccination_site_plan_note"),
                );
                Value::Object(site)
            }
            Some(status) => json!({
                "status": status,
                "plan_note": pending.shared("vaccination_site_plan_note"),
            }),
            None => {
                // An empty status with other site cells filled would drop them silently.
                let status_empty = reader.cell("vaccination_site_status").is_none();
                let other_filled = SITE_FIELDS[1..]
                    .iter()
                    .any(|(key, _)| reader.cell(key).is_some());
                if status_empty && other_filled {
                    reader.problem("vaccination_site_status", codes::REQUIRED, Vec::new());
                }
                Value::Null
            }
        };
        self.current = Some(pending);
    }

    fn finish(mut self) -> Vec<Value> {
        if let Some(done) = self.current.take() {
            self.done.push(done.into_document());
        }
        self.done
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_back_as_their_digits() {
        assert_eq!(number_text(1_008_916.0), "1008916");
        assert_eq!(number_text(3.5), "3.5");
        assert_eq!(number_text(-0.0), "0");
    }

    #[test]
    fn whole_numbers_take_full_width_digits_and_refuse_the_rest() {
        assert_eq!(whole_number(&Cell::Text("１２".into())), Some(12));
        assert_eq!(whole_number(&Cell::Text("40".into())), Some(40));
        assert_eq!(whole_number(&Cell::Number(7.0)), Some(7));
        assert_eq!(whole_number(&Cell::Number(7.5)), None);
        assert_eq!(whole_number(&Cell::Number(-1.0)), None);
        assert_eq!(whole_number(&Cell::Text("12人".into())), None);
        assert_eq!(whole_number(&Cell::Text("-3".into())), None);
        assert_eq!(whole_number(&Cell::Text("99999999999".into())), None);
    }

    #[test]
    fn every_site_status_label_of_every_locale_is_known() {
        let labels = site_status_labels();
        for locale in Locale::ALL {
            for status in SITE_STATUSES {
                let label = Catalog::embedded().message(locale, &site_status_label_id(status), &[]);
                assert!(
                    labels
                        .iter()
                        .any(|(known, value)| *known == label && *value == status),
                    "{} {status}",
                    locale.tag()
                );
            }
        }
    }

    #[test]
    fn the_field_tables_name_template_columns() {
        let site = SITE_FIELDS.into_iter().map(|(key, _)| key);
        for key in ESTABLISHMENT_FIELDS
            .into_iter()
            .chain(site)
            .chain(LINE_FIELDS)
        {
            assert!(COLUMNS.iter().any(|(known, _)| *known == key), "{key}");
        }
        for key in REQUIRED {
            assert!(COLUMNS.iter().any(|(known, _)| *known == key), "{key}");
        }
    }
}
