//! Excel workbooks: the establishment template that the pre-registration mail links to, one row
//! per establishment × business line, with lists for the prefectures and the vaccination-site
//! status and whole-number checks on the counts; and its importer ([`import_establishments`]:
//! an uploaded template becomes establishment documents plus a dry-run report per cell).
//! The business-type columns offer the installed catalogue as drop-downs (`label [code]`; the
//! importer keeps the code, and a bare code typed by hand is accepted too).
//!
//! Row 1 holds the column labels in the applicant's language; row 2 holds the stable column
//! keys (the importer reads those, so a translated label never breaks an upload).

pub mod import;

pub use import::{CellProblem, Import, ImportError, ImportLimits, import_establishments};

use domain::prefecture;
use i18n::{Catalog, Locale};
use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DataValidationRule, Format, FormatBorder, Formula,
    Workbook, XlsxError,
};

/// The columns of the template, in order: stable key and whether it takes a whole number.
pub const COLUMNS: &[(&str, ColumnKind)] = &[
    ("establishment_name", ColumnKind::Text),
    ("postal_code", ColumnKind::Text),
    ("prefecture", ColumnKind::Prefecture),
    ("city", ColumnKind::Text),
    ("street", ColumnKind::Text),
    ("phone", ColumnKind::Text),
    ("fax", ColumnKind::Text),
    ("email", ColumnKind::Text),
    ("total_staff", ColumnKind::Count),
    ("business_type", ColumnKind::Catalogue(0)),
    ("sub_type_1", ColumnKind::Catalogue(1)),
    ("sub_type_2", ColumnKind::Catalogue(2)),
    ("registered_staff_own", ColumnKind::Count),
    ("registered_staff_external", ColumnKind::Count),
    ("note", ColumnKind::Text),
    ("vaccination_site_status", ColumnKind::SiteStatus),
    ("vaccination_site_name", ColumnKind::Text),
    ("vaccination_site_name_kana", ColumnKind::Text),
    ("vaccination_site_postal_code", ColumnKind::Text),
    ("vaccination_site_prefecture", ColumnKind::Prefecture),
    ("vaccination_site_city", ColumnKind::Text),
    ("vaccination_site_street", ColumnKind::Text),
    ("vaccination_site_phone", ColumnKind::Text),
    ("vaccination_site_plan_note", ColumnKind::Text),
];

/// What a column accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    /// Free text (typed as text so leading zeros of codes and numbers survive).
    Text,
    /// A whole number ≥ 0.
    Count,
    /// One of the 47 prefectures.
    Prefecture,
    /// `secured` or `not_yet_secured`, shown as labels in the applicant's language.
    SiteStatus,
    /// A code of the installed catalogue: business type (0), sub-type (1) or second sub-type
    /// (2); offered as `label [code]`, of which the importer keeps the code.
    Catalogue(u8),
}

/// The installed catalogue as the template's drop-downs offer it: for business types, their
/// sub-types and second sub-types, each choice as `(code, label in the template's language)`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CatalogueChoices {
    /// Business types.
    pub business_types: Vec<(String, String)>,
    /// Sub-types of every business type (the label names its business type too).
    pub sub_types_1: Vec<(String, String)>,
    /// Second sub-types.
    pub sub_types_2: Vec<(String, String)>,
}

impl CatalogueChoices {
    fn level(&self, level: u8) -> &[(String, String)] {
        match level {
            0 => &self.business_types,
            1 => &self.sub_types_1,
            _ => &self.sub_types_2,
        }
    }
}

/// A drop-down entry: `label [code]`.
pub fn choice_text(code: &str, label: &str) -> String {
    format!("{label} [{code}]")
}

/// The code of a catalogue cell: what is inside the trailing `[…]` of a drop-down entry, or
/// the text itself (a code typed by hand).
pub fn choice_code(text: &str) -> &str {
    let text = text.trim();
    text.strip_suffix(']')
        .and_then(|rest| rest.rsplit_once('['))
        .map_or(text, |(_, code)| code.trim())
}

/// Rows the validations cover (an application may list thousands of establishments).
const DATA_ROWS: u32 = 20_000;
const FIRST_DATA_ROW: u32 = 2;
/// The name of the data sheet (not translated: the importer looks for it).
const DATA_SHEET: &str = "establishments";
/// The values of the vaccination-site status column, in list order; each is shown as the label
/// [`site_status_label_id`] names.
const SITE_STATUSES: [&str; 2] = ["secured", "not_yet_secured"];

/// The message id of a site status's label in the template's list.
fn site_status_label_id(status: &str) -> String {
    format!("workbook-site-{status}")
}

/// Building the workbook failed (a bug in this crate, not the user's input).
#[derive(Debug, thiserror::Error)]
#[error("building the workbook failed: {0}")]
pub struct WorkbookError(#[from] XlsxError);

/// The establishment template as `.xlsx` bytes, labelled in `locale`.
pub fn establishment_template(
    locale: Locale,
    choices: &CatalogueChoices,
) -> Result<Vec<u8>, WorkbookError> {
    let catalog = Catalog::embedded();
    let text = |id: &str| catalog.message(locale, id, &[]);
    let mut workbook = Workbook::new();

    let lists = workbook.add_worksheet();
    lists.set_name("lists")?;
    for (row, name) in (0u32..).zip(prefecture::ALL) {
        lists.write_string(row, 0, name)?;
    }
    for (row, status) in (0u32..).zip(SITE_STATUSES) {
        lists.write_string(row, 1, text(&site_status_label_id(status)))?;
    }
    // Columns C–E: the catalogue's choices, one column per level.
    for level in 0..3u8 {
        for (row, (code, label)) in (0u32..).zip(choices.level(level)) {
            lists.write_string(row, 2 + u16::from(level), choice_text(code, label))?;
        }
    }
    lists.set_hidden(true);

    let sheet = workbook.add_worksheet();
    sheet.set_name(DATA_SHEET)?;
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color("#DDEBF7")
        .set_border(FormatBorder::Thin);
    let key = Format::new().set_font_color("#595959").set_font_size(9);
    let text_cells = Format::new().set_num_format("@");
    for (column, (name, kind)) in (0u16..).zip(COLUMNS) {
        sheet.write_string_with_format(
            0,
            column,
            text(&format!("workbook-column-{name}")),
            &header,
        )?;
        sheet.write_string_with_format(1, column, *name, &key)?;
        sheet.set_column_width(column, 18)?;
        let last = FIRST_DATA_ROW + DATA_ROWS - 1;
        let validation = match kind {
            ColumnKind::Text => {
                sheet.set_column_format(column, &text_cells)?;
                None
            }
            ColumnKind::Count => Some(
                DataValidation::new()
                    .allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(0))
                    .set_error_message(text("workbook-error-count"))?,
            ),
            ColumnKind::Prefecture => Some(
                DataValidation::new()
                    .allow_list_formula(Formula::new("=lists!$A$1:$A$47"))
                    .set_error_message(text("workbook-error-prefecture"))?,
            ),
            ColumnKind::SiteStatus => Some(
                DataValidation::new()
                    .allow_list_formula(Formula::new("=lists!$B$1:$B$2"))
                    .set_error_message(text("workbook-error-site-status"))?,
            ),
            ColumnKind::Catalogue(level) => {
                sheet.set_column_format(column, &text_cells)?;
                let count = choices.level(*level).len();
                (count > 0)
                    .then(|| {
                        let letter = char::from(b'C' + *level);
                        DataValidation::new()
                            .allow_list_formula(Formula::new(format!(
                                "=lists!${letter}$1:${letter}${count}"
                            )))
                            // A warning, not a stop: a code typed by hand is accepted too.
                            .set_error_style(DataValidationErrorStyle::Warning)
                            .set_error_message(text("workbook-error-business-type"))
                    })
                    .transpose()?
            }
        };
        if let Some(validation) = validation {
            sheet.add_data_validation(FIRST_DATA_ROW, column, last, column, &validation)?;
        }
    }
    sheet.set_row_height(0, 45)?;
    sheet.set_freeze_panes(FIRST_DATA_ROW, 1)?;

    let guide = workbook.add_worksheet();
    guide.set_name("guide")?;
    for (row, id) in (0u32..).zip([
        "workbook-guide-title",
        "workbook-guide-rows",
        "workbook-guide-keys",
        "workbook-guide-counts",
        "workbook-guide-types",
        "workbook-guide-site",
        "workbook-guide-upload",
    ]) {
        guide.write_string(row, 0, text(id))?;
    }
    guide.set_column_width(0, 120)?;
    workbook.worksheet_from_name(DATA_SHEET)?.set_active(true);
    Ok(workbook.save_to_buffer()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_column_and_guide_line_has_a_label_in_every_locale() {
        let catalog = Catalog::embedded();
        for locale in Locale::ALL {
            for (name, _) in COLUMNS {
                let id = format!("workbook-column-{name}");
                assert!(catalog.has(locale, &id), "{} lacks {id}", locale.tag());
            }
        }
    }

    #[test]
    fn a_choice_keeps_its_code_and_a_typed_code_is_taken_as_it_is() {
        let text = choice_text("electricity", "電気業 [旧]");
        assert_eq!(choice_code(&text), "electricity");
        assert_eq!(choice_code(" electricity "), "electricity");
        assert_eq!(choice_code("電気業"), "電気業");
    }

    #[test]
    fn the_template_is_a_zip_package() {
        let bytes =
            establishment_template(Locale::Ja, &CatalogueChoices::default()).expect("template");
        assert_eq!(&bytes[..2], b"PK");
    }
}
