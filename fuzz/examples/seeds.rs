//! Writes the committed seed corpus, `fuzz/corpus-seed/<target>/`, from the product's own
//! artefacts: the example application and the establishment template (as written, and filled in
//! the way Excel saves typed cells). The `regression-*` inputs of the xlsx targets are crashes
//! the fuzzers found, copied from `fuzz/artifacts/`, not written here. Run again when the
//! template changes:
//!
//!     cargo run --manifest-path fuzz/Cargo.toml --example seeds

use std::path::Path;

use serde_json::json;
use toroku_fuzz::{EXAMPLE, SHARED_PART, SHEET_PART, TEMPLATE_PARTS, WORKBOOK_PART};

fn write(dir: &Path, target: &str, name: &str, bytes: &[u8]) {
    let dir = dir.join(target);
    std::fs::create_dir_all(&dir).unwrap_or_else(|err| panic!("{}: {err}", dir.display()));
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
}

fn part(name: &str) -> String {
    String::from_utf8(TEMPLATE_PARTS[name].clone()).unwrap_or_else(|err| panic!("{name}: {err}"))
}

/// The template's data sheet with rows from row 3: inline strings, numbers, a formula with its
/// cached value, an error value, a shared string (index 0) and a full-width code.
fn filled_sheet() -> String {
    let cell =
        |at: &str, text: &str| format!(r#"<c r="{at}" t="inlineStr"><is><t>{text}</t></is></c>"#);
    let number = |at: &str, n: &str| format!(r#"<c r="{at}"><v>{n}</v></c>"#);
    let rows = [
        [
            cell("A3", "本社工場"),
            cell("B3", "1008916"),
            cell("C3", "東京都"),
            cell("D3", "千代田区"),
            cell("E3", "霞が関１丁目２番２号"),
            cell("F3", "0335953426"),
            r#"<c r="I3"><f>100+20</f><v>120</v></c>"#.to_owned(),
            cell("J3", "食料品製造業 [food-manufacturing]"),
            cell("K3", "bread-and-confectionery"),
            number("M3", "40"),
            number("N3", "4"),
            cell("P3", "確保済み"),
            cell("Q3", "霞が関クリニック"),
            cell("R3", "かすみがせきくりにっく"),
            cell("S3", "１００－８９１６"),
            cell("T3", "東京都"),
            cell("U3", "千代田区"),
            cell("V3", "霞が関１丁目２番２号"),
            cell("W3", "0335950000"),
        ]
        .concat(),
        [
            cell("A4", "本社工場"),
            cell("J4", "food-wholesale"),
            r#"<c r="K4" t="s"><v>0</v></c>"#.to_owned(),
            number("M4", "2.5"),
            r#"<c r="N4" t="e"><v>#DIV/0!</v></c>"#.to_owned(),
        ]
        .concat(),
        [
            cell("A5", "大阪配送センター"),
            number("B5", "5300001"),
            cell("C5", "大阪府"),
            cell("D5", "大阪市北区"),
            cell("E5", "梅田１丁目１番１号"),
            cell("J5", "food-wholesale"),
            cell("K5", "food-and-beverage-wholesale"),
            number("M5", "12"),
            cell("P5", "未確保"),
            cell("X5", "近隣の病院で実施を検討中"),
        ]
        .concat(),
    ];
    let data: String = rows
        .iter()
        .enumerate()
        .map(|(i, cells)| format!(r#"<row r="{}">{cells}</row>"#, i + 3))
        .collect();
    let sheet = part(SHEET_PART);
    let sheet = sheet.replace("</sheetData>", &format!("{data}</sheetData>"));
    let declared = sheet
        .find("<dimension ref=\"")
        .unwrap_or_else(|| panic!("the template's sheet declares no dimension"));
    let end = sheet[declared..]
        .find("/>")
        .map(|e| declared + e + 2)
        .unwrap_or_else(|| panic!("unterminated dimension"));
    format!(
        "{}<dimension ref=\"A1:X5\"/>{}",
        &sheet[..declared],
        &sheet[end..]
    )
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "fuzz/corpus-seed".to_owned());
    let dir = Path::new(&dir);

    // The document as bytes: the example, a public body's report typed with full-width digits
    // and half-width kana (normalisation), and an empty object.
    let example = serde_json::to_vec_pretty(&*EXAMPLE).unwrap_or_default();
    write(dir, "document_json", "example.json", &example);
    let mut public = EXAMPLE.clone();
    public["founder"] = json!("public");
    public["public_body_class"] = json!("municipality");
    public["applicant"]["postal_code"] = json!("１００－８９１６");
    public["applicant"]["phone"] = json!("03-3595-3426");
    public["applicant"]["name_kana"] = json!("ｶﾌﾞｼｷｶﾞｲｼｬ");
    public["establishments"][0]["business_lines"][0]["extra"] =
        json!({"permit": "AB-1234", "grade": "a", "capacity": 10});
    let public = serde_json::to_vec_pretty(&public).unwrap_or_default();
    write(dir, "document_json", "public-full-width.json", &public);
    write(dir, "document_json", "empty-object.json", b"{}");
    // What the document_structured target found: a null `extra` that check accepted and the
    // typed model refused.
    let mut null_extra = EXAMPLE.clone();
    null_extra["establishments"][1]["business_lines"][0]["extra"] = serde_json::Value::Null;
    let null_extra = serde_json::to_vec_pretty(&null_extra).unwrap_or_default();
    write(
        dir,
        "document_json",
        "regression-null-extra.json",
        &null_extra,
    );

    // Edits of the example: none (the example as it is), and a few short edit scripts.
    write(dir, "document_structured", "no-edit", b"");
    write(
        dir,
        "document_structured",
        "edits-a",
        b"\x05\x00\x02\x07\x03\x01",
    );
    write(
        dir,
        "document_structured",
        "edits-b",
        b"\x40\x03\x10\x04\x02\x21\x33\x00\x05",
    );

    // The xlsx importer: the template as written (deflated), and filled (stored entries).
    let template = workbook::establishment_template(i18n::Locale::Ja, &toroku_fuzz::choices())
        .unwrap_or_else(|err| panic!("the template: {err}"));
    write(dir, "xlsx_bytes", "template.xlsx", &template);
    let filled = filled_sheet();
    let filled_package = toroku_fuzz::package(&[(SHEET_PART, filled.as_bytes())]);
    write(dir, "xlsx_bytes", "filled-stored.xlsx", &filled_package);
    // The parts the xlsx_sheet target replaces: sheet, shared strings, workbook (NUL between).
    let joined = |sheet: &str| [sheet, &part(SHARED_PART), &part(WORKBOOK_PART)].join("\0");
    write(
        dir,
        "xlsx_sheet",
        "template",
        joined(&part(SHEET_PART)).as_bytes(),
    );
    write(dir, "xlsx_sheet", "filled", joined(&filled).as_bytes());
    write(dir, "xlsx_sheet", "filled-sheet-only", filled.as_bytes());

    // The plugin targets read structured values from bytes; these are starting points.
    for target in ["plugin_findings", "plugin_description"] {
        write(dir, target, "zeros", &[0; 64]);
        write(dir, target, "ones", &[1; 64]);
        write(dir, target, "counting", &(0..=255).collect::<Vec<u8>>());
    }

    // Each import seed must import, or it seeds nothing.
    for (name, bytes) in [("template", &template), ("filled", &filled_package)] {
        let import = workbook::import_establishments(bytes, &toroku_fuzz::LIMITS)
            .unwrap_or_else(|err| panic!("the {name} seed does not import: {err}"));
        eprintln!(
            "seeds: {name}: {} rows, {} establishments, {} problems",
            import.rows_read,
            import.establishments.len(),
            import.problems.len()
        );
    }
    eprintln!("seeds: written under {}", dir.display());
}
