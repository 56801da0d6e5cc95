//! The establishment template's package with its data sheet (and, after NUL separators, its
//! shared strings and its workbook part) replaced by the fuzzer's bytes, stored uncompressed:
//! every mutation reaches the XML reader and the importer's cell logic, not only the zip
//! container. What imports is then put into the example application and checked.
#![no_main]

use libfuzzer_sys::fuzz_target;
use toroku_fuzz::{SHARED_PART, SHEET_PART, WORKBOOK_PART};

fuzz_target!(|data: &[u8]| {
    let mut parts = data.split(|&b| b == 0);
    let mut replaced = vec![(SHEET_PART, parts.next().unwrap_or_default())];
    for name in [SHARED_PART, WORKBOOK_PART] {
        if let Some(part) = parts.next() {
            replaced.push((name, part));
        }
    }
    let bytes = toroku_fuzz::package(&replaced);
    let Ok(import) = workbook::import_establishments(&bytes, &toroku_fuzz::LIMITS) else {
        return;
    };
    assert!(
        import.rows_read <= toroku_fuzz::LIMITS.max_rows as usize,
        "read {} rows, over the limit",
        import.rows_read
    );
    let mut doc = toroku_fuzz::EXAMPLE.clone();
    doc["establishments"] = serde_json::Value::Array(import.establishments);
    toroku_fuzz::check_document(doc);
});
