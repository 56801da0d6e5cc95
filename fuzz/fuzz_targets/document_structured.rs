//! The example application with edits chosen by the fuzzer: any node replaced by document-like
//! JSON (the document's keys, the words its rules know, every kind of number), members removed
//! or added, establishments and lines repeated. Most inputs stay close to a valid application,
//! so normalisation, every rule and the typed model are reached, not only the first type check.
#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use toroku_fuzz::Json;

/// Every node's JSON Pointer, parents before children.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let path = format!("{at}/{}", key.replace('~', "~0").replace('/', "~1"));
                out.push(path.clone());
                pointers(child, path, out);
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                let path = format!("{at}/{index}");
                out.push(path.clone());
                pointers(child, path, out);
            }
        }
        _ => {}
    }
}

fn edit(doc: &mut Value, u: &mut Unstructured<'_>) -> arbitrary::Result<()> {
    let mut all = Vec::new();
    pointers(doc, String::new(), &mut all);
    let Ok(at) = u.choose(&all).cloned() else {
        *doc = Json::arbitrary(u)?.0;
        return Ok(());
    };
    let (parent_path, key) = at.rsplit_once('/').unwrap_or(("", ""));
    let key = key.replace("~1", "/").replace("~0", "~");
    match u.int_in_range(0..=4)? {
        // Replace the node.
        0 | 1 => {
            if let Some(node) = doc.pointer_mut(&at) {
                *node = Json::arbitrary(u)?.0;
            }
        }
        // Remove it from its parent.
        2 => match doc.pointer_mut(parent_path) {
            Some(Value::Object(map)) => {
                map.shift_remove(&key);
            }
            Some(Value::Array(items)) => {
                if let Ok(index) = key.parse::<usize>()
                    && index < items.len()
                {
                    items.remove(index);
                }
            }
            _ => {}
        },
        // Repeat it in its array (another establishment, another line).
        3 => {
            if let Some(Value::Array(items)) = doc.pointer_mut(parent_path)
                && let Ok(index) = key.parse::<usize>()
                && let Some(item) = items.get(index).cloned()
                && items.len() < 64
            {
                items.push(item);
            }
        }
        // Add a member to it, if it is an object.
        _ => {
            if let Some(Value::Object(map)) = doc.pointer_mut(&at) {
                let Json(value) = Json::arbitrary(u)?;
                let Json(name) = Json::arbitrary(u)?;
                map.insert(name.as_str().unwrap_or("extra").to_owned(), value);
            }
        }
    }
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let mut doc = toroku_fuzz::EXAMPLE.clone();
    let mut u = Unstructured::new(data);
    for _ in 0..16 {
        if u.is_empty() || edit(&mut doc, &mut u).is_err() {
            break;
        }
    }
    toroku_fuzz::check_document(doc);
});
