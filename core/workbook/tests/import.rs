//! The importer on real workbooks: the crate's own template filled in (its sheet XML extended
//! with data rows, everything else as the template wrote it), sheets written with
//! rust_xlsxwriter, and hostile packages.

use std::io::{Cursor, Read, Write};
use std::time::{Duration, Instant};

use i18n::Locale;
use rust_xlsxwriter::{Formula, Workbook};
use serde_json::{Value, json};
use workbook::{
    COLUMNS, CatalogueChoices, CellProblem, ImportError, ImportLimits, establishment_template,
    import_establishments,
};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

/// A value to put in a cell.
#[derive(Debug, Clone, Copy)]
enum In {
    Text(&'static str),
    Number(f64),
    /// A formula with its cached result, as Excel saves it.
    Formula(&'static str, f64),
}

use In::{Number as N, Text as T};

fn column_index(key: &str) -> usize {
    COLUMNS
        .iter()
        .position(|(known, _)| *known == key)
        .unwrap_or_else(|| panic!("no column {key}"))
}

fn column_letter(index: usize) -> String {
    let index = u8::try_from(index).expect("small column");
    assert!(index < 26, "single-letter columns only");
    char::from(b'A' + index).to_string()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A small catalogue for the drop-downs: two business types with a sub-type each.
fn food_choices() -> CatalogueChoices {
    let pair = |code: &str, label: &str| (code.to_owned(), label.to_owned());
    CatalogueChoices {
        business_types: vec![
            pair("food-manufacturing", "食料品製造業"),
            pair("food-wholesale", "食料品卸売業"),
        ],
        sub_types_1: vec![
            pair("bread-and-confectionery", "食料品製造業 › パン・菓子製造業"),
            pair(
                "food-and-beverage-wholesale",
                "食料品卸売業 › 飲食料品卸売業",
            ),
        ],
        sub_types_2: vec![pair("dairy", "牛乳・乳製品")],
    }
}

/// One part of a package, as text.
fn package_part(bytes: &[u8], name: &str) -> String {
    let mut archive = ZipArchive::new(Cursor::new(bytes)).expect("zip");
    let mut text = String::new();
    archive
        .by_name(name)
        .expect("part")
        .read_to_string(&mut text)
        .expect("utf-8");
    text
}

#[test]
fn the_template_offers_the_catalogue_as_drop_downs() {
    let template = establishment_template(Locale::Ja, &food_choices()).expect("template");
    let shared = package_part(&template, "xl/sharedStrings.xml");
    assert!(shared.contains("食料品卸売業 [food-wholesale]"), "{shared}");
    assert!(shared.contains("食料品製造業 › パン・菓子製造業 [bread-and-confectionery]"));
    assert!(shared.contains("牛乳・乳製品 [dairy]"));
    let sheet = package_part(&template, "xl/worksheets/sheet2.xml");
    for range in ["lists!$C$1:$C$2", "lists!$D$1:$D$2", "lists!$E$1:$E$1"] {
        assert!(sheet.contains(range), "no list validation on {range}");
    }
    // Without an installed catalogue there is nothing to offer, and no empty list.
    let bare = establishment_template(Locale::Ja, &CatalogueChoices::default()).expect("template");
    assert!(!package_part(&bare, "xl/worksheets/sheet2.xml").contains("lists!$C$"));
}

/// The template in `locale` with `rows` filled in from row 3, written into its sheet XML the way
/// Excel saves typed cells (inline strings, numbers, formulas with cached values).
fn filled_template(locale: Locale, rows: &[Vec<(&str, In)>]) -> Vec<u8> {
    let template = establishment_template(locale, &food_choices()).expect("template");
    let mut archive = ZipArchive::new(Cursor::new(template)).expect("template zip");
    // rust_xlsxwriter numbers sheets in order: lists, establishments, guide.
    let sheet_path = "xl/worksheets/sheet2.xml";
    let mut xml = String::new();
    archive
        .by_name(sheet_path)
        .expect("establishments sheet")
        .read_to_string(&mut xml)
        .expect("sheet xml");

    let mut data = String::new();
    for (row, cells) in (3u32..).zip(rows) {
        data.push_str(&format!(r#"<row r="{row}">"#));
        let mut cells = cells.clone();
        cells.sort_by_key(|(key, _)| column_index(key));
        for (key, value) in cells {
            let at = format!("{}{row}", column_letter(column_index(key)));
            data.push_str(&match value {
                In::Text(text) => format!(
                    r#"<c r="{at}" t="inlineStr"><is><t>{}</t></is></c>"#,
                    escape(text)
                ),
                In::Number(number) => format!(r#"<c r="{at}"><v>{number}</v></c>"#),
                In::Formula(formula, cached) => {
                    format!(r#"<c r="{at}"><f>{formula}</f><v>{cached}</v></c>"#)
                }
            });
        }
        data.push_str("</row>");
    }
    let last_row = 2 + rows.len();
    let last_column = column_letter(COLUMNS.len() - 1);
    let dimension = format!(r#"<dimension ref="A1:{last_column}2"/>"#);
    assert!(xml.contains(&dimension), "template dimension: {xml}");
    let xml = xml
        .replace(
            &dimension,
            &format!(r#"<dimension ref="A1:{last_column}{last_row}"/>"#),
        )
        .replace("</sheetData>", &format!("{data}</sheetData>"));

    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    for index in 0..archive.len() {
        let entry = archive.by_index_raw(index).expect("entry");
        if entry.name().expect("name") == sheet_path {
            drop(entry);
            let options =
                SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
            out.start_file(sheet_path, options).expect("start");
            out.write_all(xml.as_bytes()).expect("write");
        } else {
            out.raw_copy_file(entry).expect("copy");
        }
    }
    out.finish().expect("finish").into_inner()
}

/// A workbook with one sheet: an optional label row, then `keys` on the next row, then `rows`
/// (cells by key; keys not in `keys` are not written).
fn sheet_with(labels: bool, keys: &[&str], rows: &[Vec<(&str, In)>]) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let key_row = u32::from(labels);
    for (column, key) in (0u16..).zip(keys) {
        if labels {
            sheet
                .write_string(0, column, format!("label {key}"))
                .expect("label");
        }
        sheet.write_string(key_row, column, *key).expect("key");
    }
    for (row, cells) in (key_row + 1..).zip(rows) {
        for (key, value) in cells {
            let Some(column) = keys.iter().position(|known| known == key) else {
                continue;
            };
            let column = u16::try_from(column).expect("column");
            match *value {
                In::Text(text) => sheet.write_string(row, column, text),
                In::Number(number) => sheet.write_number(row, column, number),
                In::Formula(formula, cached) => sheet.write_formula(
                    row,
                    column,
                    Formula::new(formula).set_result(cached.to_string()),
                ),
            }
            .expect("cell");
        }
    }
    book.save_to_buffer().expect("workbook")
}

fn all_keys() -> Vec<&'static str> {
    COLUMNS.iter().map(|(key, _)| *key).collect()
}

/// A complete row of an establishment whose site is not yet secured.
fn good_row(name: &'static str) -> Vec<(&'static str, In)> {
    vec![
        ("establishment_name", T(name)),
        ("postal_code", T("1008916")),
        ("prefecture", T("東京都")),
        ("city", T("千代田区")),
        ("street", T("霞が関１丁目２番２号")),
        ("phone", T("0335953426")),
        ("total_staff", N(120.0)),
        ("business_type", T("food-manufacturing")),
        ("sub_type_1", T("bread-and-confectionery")),
        ("registered_staff_own", N(40.0)),
        ("registered_staff_external", N(4.0)),
        ("vaccination_site_status", T("未確保")),
        ("vaccination_site_plan_note", T("近隣の病院で実施を検討中")),
    ]
}

fn with(
    mut row: Vec<(&'static str, In)>,
    key: &'static str,
    value: Option<In>,
) -> Vec<(&'static str, In)> {
    row.retain(|(known, _)| *known != key);
    if let Some(value) = value {
        row.push((key, value));
    }
    row
}

fn problem(row: u32, column: &'static str, code: &'static str) -> CellProblem {
    CellProblem {
        row,
        column: Some(column),
        code,
        args: Vec::new(),
    }
}

fn import(bytes: &[u8]) -> workbook::Import {
    import_establishments(bytes, &ImportLimits::default()).expect("import")
}

#[test]
fn the_filled_template_reads_back_as_the_documents_establishments() {
    let factory = vec![
        ("establishment_name", T("本社工場")),
        ("postal_code", T("1008916")),
        ("prefecture", T("東京都")),
        ("city", T("千代田区")),
        ("street", T("霞が関１丁目２番２号")),
        ("phone", T("0335953426")),
        ("total_staff", In::Formula("100+20", 120.0)),
        ("business_type", T("food-manufacturing")),
        ("sub_type_1", T("bread-and-confectionery")),
        ("registered_staff_own", N(40.0)),
        ("registered_staff_external", N(4.0)),
        ("note", T("製造 32人、資材調達 6人、出荷 6人")),
        ("vaccination_site_status", T("確保済み")),
        ("vaccination_site_name", T("霞が関クリニック")),
        ("vaccination_site_name_kana", T("かすみがせきくりにっく")),
        ("vaccination_site_postal_code", T("1008916")),
        ("vaccination_site_prefecture", T("東京都")),
        ("vaccination_site_city", T("千代田区")),
        ("vaccination_site_street", T("霞が関１丁目２番２号")),
        ("vaccination_site_phone", T("0335950000")),
    ];
    // The second business line repeats the establishment's identity and leaves the rest empty.
    let factory_second_line = vec![
        ("establishment_name", T("本社工場")),
        ("postal_code", T("1008916")),
        ("street", T("霞が関１丁目２番２号")),
        ("business_type", T("food-wholesale")),
        ("sub_type_1", T("food-and-beverage-wholesale")),
        ("sub_type_2", T("  dairy  ")),
        ("registered_staff_own", T("３")),
        ("registered_staff_external", N(0.0)),
    ];
    let depot = vec![
        ("establishment_name", T("大阪配送センター")),
        ("postal_code", T("5300001")),
        ("prefecture", T("大阪府")),
        ("city", T("大阪市北区")),
        ("street", T("梅田１丁目１番１号")),
        ("phone", T("0663450000")),
        ("total_staff", N(30.0)),
        // As picked from the drop-downs: the code inside the brackets is what counts.
        ("business_type", T("食料品卸売業 [food-wholesale]")),
        (
            "sub_type_1",
            T("食料品卸売業 › 飲食料品卸売業 [food-and-beverage-wholesale]"),
        ),
        ("registered_staff_own", N(12.0)),
        ("registered_staff_external", N(0.0)),
        ("note", T("配達 12人")),
        ("vaccination_site_status", T("未確保")),
        ("vaccination_site_plan_note", T("近隣の病院で実施を検討中")),
    ];
    let bytes = filled_template(Locale::Ja, &[factory, factory_second_line, depot]);

    let imported = import(&bytes);

    assert_eq!(imported.problems, []);
    assert_eq!(imported.rows_read, 3);
    let expected = json!([
        {
            "name": "本社工場",
            "postal_code": "1008916",
            "prefecture": "東京都",
            "city": "千代田区",
            "street": "霞が関１丁目２番２号",
            "phone": "0335953426",
            "fax": null,
            "email": null,
            "total_staff": 120,
            "business_lines": [
                {
                    "business_type": "food-manufacturing",
                    "sub_type_1": "bread-and-confectionery",
                    "sub_type_2": null,
                    "registered_staff_own": 40,
                    "registered_staff_external": 4,
                    "note": "製造 32人、資材調達 6人、出荷 6人",
                    "extra": {}
                },
                {
                    "business_type": "food-wholesale",
                    "sub_type_1": "food-and-beverage-wholesale",
                    "sub_type_2": "dairy",
                    "registered_staff_own": 3,
                    "registered_staff_external": 0,
                    "note": null,
                    "extra": {}
                }
            ],
            "vaccination_site": {
                "status": "secured",
                "name": "霞が関クリニック",
                "name_kana": "かすみがせきくりにっく",
                "postal_code": "1008916",
                "prefecture": "東京都",
                "city": "千代田区",
                "street": "霞が関１丁目２番２号",
                "phone": "0335950000",
                "fax": null,
                "email": null,
                "plan_note": null
            }
        },
        {
            "name": "大阪配送センター",
            "postal_code": "5300001",
            "prefecture": "大阪府",
            "city": "大阪市北区",
            "street": "梅田１丁目１番１号",
            "phone": "0663450000",
            "fax": null,
            "email": null,
            "total_staff": 30,
            "business_lines": [
                {
                    "business_type": "food-wholesale",
                    "sub_type_1": "food-and-beverage-wholesale",
                    "sub_type_2": null,
                    "registered_staff_own": 12,
                    "registered_staff_external": 0,
                    "note": "配達 12人",
                    "extra": {}
                }
            ],
            "vaccination_site": {
                "status": "not_yet_secured",
                "plan_note": "近隣の病院で実施を検討中"
            }
        }
    ]);
    assert_eq!(Value::Array(imported.establishments.clone()), expected);
    // Field order follows the application document (the fixture's order).
    let keys: Vec<&str> = imported.establishments[0]
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "name",
            "postal_code",
            "prefecture",
            "city",
            "street",
            "phone",
            "fax",
            "email",
            "total_staff",
            "business_lines",
            "vaccination_site"
        ]
    );
}

#[test]
fn the_english_template_reads_its_own_site_labels() {
    let row = with(
        good_row("Depot"),
        "vaccination_site_status",
        Some(T("Not yet secured")),
    );
    let imported = import(&filled_template(Locale::En, &[row]));
    assert_eq!(imported.problems, []);
    assert_eq!(
        imported.establishments[0]["vaccination_site"]["status"],
        "not_yet_secured"
    );
}

#[test]
fn every_bad_cell_is_reported_with_its_row_and_column() {
    let rows = [
        with(good_row("A"), "total_staff", Some(T("many"))),
        with(good_row("B"), "prefecture", Some(T("東京"))),
        with(good_row("C"), "city", None),
        // Excel turned the postal code 0600001 into the number 600001.
        with(good_row("D"), "postal_code", Some(N(600_001.0))),
        good_row("E"),
    ];
    let imported = import(&sheet_with(true, &all_keys(), &rows));

    assert_eq!(
        imported.problems,
        [
            problem(3, "total_staff", "cell_not_a_whole_number"),
            problem(4, "prefecture", "cell_prefecture_unknown"),
            problem(5, "city", "cell_required"),
            CellProblem {
                args: vec![("digits", 6)],
                ..problem(6, "postal_code", "cell_leading_zero_lost")
            },
        ]
    );
    assert_eq!(imported.rows_read, 5);
    assert_eq!(imported.establishments.len(), 5);
    // A bad cell is null in the preview; the rest of its row is read.
    assert_eq!(imported.establishments[0]["total_staff"], Value::Null);
    assert_eq!(imported.establishments[0]["city"], "千代田区");
    assert_eq!(imported.establishments[3]["postal_code"], "600001");
}

#[test]
fn other_cell_problems_are_reported_too() {
    let rows = [
        // A mobile number typed as a number: 09012345678 became 9012345678.
        with(good_row("A"), "phone", Some(N(9_012_345_678.0))),
        with(good_row("B"), "vaccination_site_status", Some(T("maybe"))),
        with(good_row("C"), "registered_staff_own", Some(N(2.5))),
        with(good_row("D"), "business_type", None),
        // Site cells filled without a status would be lost.
        with(
            with(good_row("E"), "vaccination_site_status", None),
            "vaccination_site_name",
            Some(T("霞が関クリニック")),
        ),
        // A further line of E giving another total than its first row.
        with(
            with(good_row("E"), "total_staff", Some(N(99.0))),
            "vaccination_site_status",
            None,
        ),
    ];
    let imported = import(&sheet_with(false, &all_keys(), &rows));
    assert_eq!(
        imported.problems,
        [
            CellProblem {
                args: vec![("digits", 10)],
                ..problem(2, "phone", "cell_leading_zero_lost")
            },
            problem(3, "vaccination_site_status", "cell_site_status_unknown"),
            problem(4, "registered_staff_own", "cell_not_a_whole_number"),
            problem(5, "business_type", "cell_required"),
            problem(6, "vaccination_site_status", "cell_required"),
            CellProblem {
                args: vec![("first_row", 6)],
                ..problem(7, "total_staff", "cell_differs_from_first_row")
            },
        ]
    );
    assert_eq!(imported.establishments.len(), 5);
    assert_eq!(
        imported.establishments[4]["business_lines"]
            .as_array()
            .map(Vec::len),
        Some(2)
    );
}

#[test]
fn columns_in_any_order_with_unknown_ones_and_the_key_row_first() {
    let mut keys = all_keys();
    keys.reverse();
    keys.insert(3, "our_internal_id");
    let rows = [
        vec![
            ("our_internal_id", T("X-1")),
            ("establishment_name", T("本社工場")),
            ("postal_code", T("100-8916")),
            ("prefecture", T("東京都")),
            ("city", T("千代田区")),
            ("street", T("霞が関１丁目２番２号")),
            ("total_staff", T("１２０")),
            ("business_type", T("food-manufacturing")),
            ("sub_type_1", T("bread-and-confectionery")),
            ("registered_staff_own", In::Formula("20*2", 40.0)),
            ("vaccination_site_status", T("Secured")),
            ("vaccination_site_name", T("霞が関クリニック")),
        ],
        vec![],
        vec![
            ("establishment_name", T("大阪配送センター")),
            ("postal_code", N(5_300_001.0)),
            ("prefecture", T("大阪府")),
            ("city", T("大阪市北区")),
            ("street", T("梅田１丁目１番１号")),
            ("business_type", T("food-wholesale")),
            ("sub_type_1", T("food-and-beverage-wholesale")),
            ("registered_staff_own", N(12.0)),
            ("vaccination_site_status", T("not_yet_secured")),
        ],
    ];
    let imported = import(&sheet_with(false, &keys, &rows));

    assert_eq!(imported.problems, []);
    assert_eq!(imported.rows_read, 2, "the empty row is skipped");
    let [factory, depot] = &imported.establishments[..] else {
        panic!("two establishments: {:?}", imported.establishments);
    };
    assert_eq!(factory["postal_code"], "100-8916", "text is kept as typed");
    assert_eq!(factory["total_staff"], 120);
    assert_eq!(factory["business_lines"][0]["registered_staff_own"], 40);
    assert_eq!(factory["vaccination_site"]["status"], "secured");
    assert_eq!(factory["vaccination_site"]["name"], "霞が関クリニック");
    assert_eq!(
        depot["postal_code"], "5300001",
        "a 7-digit number lost nothing"
    );
    assert_eq!(
        depot["vaccination_site"],
        json!({"status": "not_yet_secured", "plan_note": null})
    );
}

#[test]
fn missing_required_columns_and_a_missing_key_row_are_refused() {
    let keys: Vec<&str> = all_keys()
        .into_iter()
        .filter(|key| !matches!(*key, "city" | "sub_type_1"))
        .collect();
    assert_eq!(
        import_establishments(&sheet_with(true, &keys, &[]), &ImportLimits::default()),
        Err(ImportError::MissingColumns(vec!["city", "sub_type_1"]))
    );

    let labels_only = sheet_with(false, &["事業所名", "郵便番号"], &[]);
    assert_eq!(
        import_establishments(&labels_only, &ImportLimits::default()),
        Err(ImportError::NoKeyRow)
    );
}

#[test]
fn rows_beyond_the_limit_are_refused() {
    let limits = ImportLimits {
        max_rows: 10,
        ..ImportLimits::default()
    };
    let rows = |count| -> Vec<Vec<(&str, In)>> { (0..count).map(|_| good_row("A")).collect() };

    let at_limit = import_establishments(&sheet_with(true, &all_keys(), &rows(10)), &limits)
        .expect("10 rows are fine");
    assert_eq!(at_limit.rows_read, 10);
    assert_eq!(
        import_establishments(&sheet_with(true, &all_keys(), &rows(11)), &limits),
        Err(ImportError::TooManyRows { max: 10 })
    );
}

#[test]
fn a_sheet_declaring_too_many_rows_or_columns_is_refused() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(1, 0, "establishment_name").expect("key");
    sheet.write_number(1_000_000, 0, 1.0).expect("far cell");
    assert_eq!(
        import_establishments(
            &book.save_to_buffer().expect("xlsx"),
            &ImportLimits::default()
        ),
        Err(ImportError::TooManyRows { max: 20_000 })
    );

    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(1, 0, "establishment_name").expect("key");
    sheet.write_string(2, 200, "far").expect("far cell");
    assert_eq!(
        import_establishments(
            &book.save_to_buffer().expect("xlsx"),
            &ImportLimits::default()
        ),
        Err(ImportError::TooManyColumns { max: 64 })
    );
}

#[test]
fn a_file_over_the_size_limit_is_refused_unread() {
    let limits = ImportLimits {
        max_bytes: 100,
        ..ImportLimits::default()
    };
    let bytes = establishment_template(Locale::Ja, &CatalogueChoices::default()).expect("template");
    assert_eq!(
        import_establishments(&bytes, &limits),
        Err(ImportError::TooLarge { max: 100 })
    );
}

#[test]
fn files_that_are_not_xlsx_are_refused() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
    let text = "事業所名,郵便番号\n本社工場,1008916\n".as_bytes();
    let mut other_zip = ZipWriter::new(Cursor::new(Vec::new()));
    other_zip
        .start_file("readme.txt", SimpleFileOptions::default())
        .expect("start");
    other_zip.write_all(b"not a workbook").expect("write");
    let other_zip = other_zip.finish().expect("zip").into_inner();

    for bytes in [&png[..], text, &b""[..], &other_zip[..]] {
        assert_eq!(
            import_establishments(bytes, &ImportLimits::default()),
            Err(ImportError::NotXlsx)
        );
    }
}

/// A package whose one entry unpacks to 200 MB of zeros (about 200 KB compressed).
fn zip_bomb() -> Vec<u8> {
    let mut bomb = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    bomb.start_file("xl/worksheets/sheet1.xml", options)
        .expect("start");
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..200 {
        bomb.write_all(&zeros).expect("write");
    }
    bomb.finish().expect("zip").into_inner()
}

#[test]
fn a_zip_bomb_is_refused_from_its_central_directory_at_once() {
    let bomb = zip_bomb();
    assert!(bomb.len() < 1 << 20, "compressed to {} bytes", bomb.len());

    let started = Instant::now();
    let result = import_establishments(&bomb, &ImportLimits::default());
    let took = started.elapsed();

    assert_eq!(
        result,
        Err(ImportError::TooLargeUncompressed {
            max: 64 * 1024 * 1024
        })
    );
    eprintln!("zip bomb refused in {took:?}");
    assert!(took < Duration::from_millis(100), "took {took:?}");
}

/// The template with its data sheet replaced by `xml`, whose declared sizes in the local header
/// and the central directory are then overwritten with `declared`.
fn template_with_lying_sheet(xml: &[u8], declared: u32) -> Vec<u8> {
    let template =
        establishment_template(Locale::Ja, &CatalogueChoices::default()).expect("template");
    let mut archive = ZipArchive::new(Cursor::new(template)).expect("template zip");
    let sheet_path = "xl/worksheets/sheet2.xml";
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    for index in 0..archive.len() {
        let entry = archive.by_index_raw(index).expect("entry");
        if entry.name().expect("name") == sheet_path {
            drop(entry);
            let options =
                SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
            out.start_file(sheet_path, options).expect("start");
            out.write_all(xml).expect("write");
        } else {
            out.raw_copy_file(entry).expect("copy");
        }
    }
    let mut bytes = out.finish().expect("zip").into_inner();
    // Local header: size at offset 22; central directory entry: size at offset 24; both are
    // followed (after fixed fields) by the name.
    let name = sheet_path.as_bytes();
    for (signature, size_at, name_at) in [(b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)] {
        let start = (0..bytes.len() - name_at)
            .find(|&i| bytes[i..].starts_with(signature) && bytes[i + name_at..].starts_with(name))
            .expect("header");
        bytes[start + size_at..start + size_at + 4].copy_from_slice(&declared.to_le_bytes());
    }
    bytes
}

#[test]
fn an_entry_lying_about_its_size_is_not_inflated_past_what_it_declares() {
    let mut xml = br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>"#.to_vec();
    xml.resize(xml.len() + 200 * (1 << 20), b'a');
    let bytes = template_with_lying_sheet(&xml, 4096);
    assert!(bytes.len() < 1 << 20, "compressed to {} bytes", bytes.len());
    // The zip reader stops just past the declared size with an error (what the
    // central-directory check relies on).
    let mut archive = ZipArchive::new(Cursor::new(&bytes[..])).expect("zip");
    let mut entry = archive.by_name("xl/worksheets/sheet2.xml").expect("sheet");
    let mut inflated = Vec::new();
    assert!(entry.read_to_end(&mut inflated).is_err());
    assert!(
        inflated.len() < 64 * 1024,
        "inflated {} bytes",
        inflated.len()
    );
    drop(entry);

    let started = Instant::now();
    let result = import_establishments(&bytes, &ImportLimits::default());
    let took = started.elapsed();

    assert_eq!(result, Err(ImportError::NotXlsx));
    eprintln!("lying entry refused in {took:?}");
    assert!(took < Duration::from_millis(500), "took {took:?}");
}

/// Found by the `xlsx_sheet` and `xlsx_bytes` fuzz targets: calamine reads a cell reference into
/// a `u32` unchecked, so a long one panicked here ("attempt to multiply with overflow", in a
/// build with overflow checks) or moved the cell (without); a range ending before its start
/// panicked likewise ("attempt to subtract with overflow"). Such references are refused before
/// calamine reads the sheet; the grid's last cell is still accepted.
#[test]
fn a_cell_reference_calamine_would_misread_is_refused_before_it_is_read() {
    let sheet = |dimension: &str, attributes: &str| {
        let xml = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="{dimension}"/><sheetData><row r="2"><c r="A2" t="inlineStr"><is><t>establishment_name</t></is></c></row><row {attributes}><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>"#
        );
        template_with_lying_sheet(xml.as_bytes(), u32::try_from(xml.len()).expect("small"))
    };
    for (dimension, attributes) in [
        ("A1:X3", r#"r="3"><c r="AAAAAAAAA3""#),
        ("A1:X3", r#"r="3"><c r = 'ZZZZZZZ3'"#),
        ("A1:X3", r#"r="3"><c t="n"r="A99999999999""#),
        ("A1:X3", r#"r="4294967296""#),
        ("A1:X3", r#"r="3"><c r="XFDA1""#),
        ("A1:X3", "r=\"3\"><c\nr\n=\n\"a1048577\""),
        ("A1:XFE3", r#"r="3""#),
        ("B3:A1", r#"r="3""#),
        ("A3:A1", r#"r="3""#),
    ] {
        assert_eq!(
            import_establishments(&sheet(dimension, attributes), &ImportLimits::default()),
            Err(ImportError::NotXlsx),
            "{dimension} {attributes}"
        );
    }
    // At the grid's edge the sheet is read (and refused for its size, not as unreadable).
    assert_eq!(
        import_establishments(&sheet("A1:X3", r#"r="1048576""#), &ImportLimits::default()),
        Err(ImportError::TooManyColumns { max: 64 })
    );
}
