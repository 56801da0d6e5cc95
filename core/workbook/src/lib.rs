//! Excel workbooks: the establishment template that the pre-registration mail links to, one row
//! per establishment × business line, with lists for the prefectures and the vaccination-site
//! status and whole-number checks on the counts; and its importer ([`import_establishments`]:
//! an uploaded template becomes establishment documents plus a dry-run report per cell).
//! Catalogue drop-downs for business types join it with the pages issue.
//!
//! Row 1 holds the column labels in the applicant's language; row 2 holds the stable column
//! keys (the importer reads those, so a translated label never breaks an upload).

pub mod import;

pub use import::{CellProblem, Import, ImportError, ImportLimits, import_establishments};

use domain::prefecture;
use i18n::{Catalog, Locale};
use rust_xlsxwriter::{
    DataValidation, DataValidationRule, Format, FormatBorder, Formula, Workbook, XlsxError,
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
    ("business_type", ColumnKind::Text),
    ("sub_type_1", ColumnKind::Text),
    ("sub_type_2", ColumnKind::Text),
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
pub fn establishment_template(locale: Locale) -> Result<Vec<u8>, WorkbookError> {
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
    fn the_template_is_a_zip_package() {
        let bytes = establishment_template(Locale::Ja).expect("template");
        assert_eq!(&bytes[..2], b"PK");
    }
}
