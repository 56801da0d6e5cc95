//! Any bytes as a request body would bring them: parsed as JSON (as the API and the draft store
//! do), then the application document's `normalise` and `check` with their invariants
//! (`toroku_fuzz::check_document`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = serde_json::from_slice::<serde_json::Value>(data) {
        toroku_fuzz::check_document(doc);
    }
});
