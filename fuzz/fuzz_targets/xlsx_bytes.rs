//! Any bytes as an upload: the importer must refuse or read them, never panic, whatever the
//! zip container, its central directory or its entries say.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = workbook::import_establishments(data, &toroku_fuzz::LIMITS);
});
