//! Differences between two versions of an application document, as leaf changes addressed by
//! JSON Pointer: what an inquiry's correction or a change notification changed.

use serde_json::Value;

/// One changed value. A value present on one side only has `Null` on the other.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Change {
    /// JSON Pointer of the changed value.
    pub path: String,
    /// The value before (`Null` when added).
    pub before: Value,
    /// The value after (`Null` when removed).
    pub after: Value,
}

/// Every leaf change from `before` to `after`: objects are compared key by key and arrays
/// index by index; anything else that differs (including a whole object added or removed) is
/// one change at its path.
pub fn changes(before: &Value, after: &Value) -> Vec<Change> {
    let mut out = Vec::new();
    walk(String::new(), before, after, &mut out);
    out
}

fn escape(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

fn walk(path: String, before: &Value, after: &Value, out: &mut Vec<Change>) {
    match (before, after) {
        (Value::Object(a), Value::Object(b)) => {
            for (key, value) in a {
                walk(
                    format!("{path}/{}", escape(key)),
                    value,
                    b.get(key).unwrap_or(&Value::Null),
                    out,
                );
            }
            for (key, value) in b.iter().filter(|(k, _)| !a.contains_key(*k)) {
                walk(format!("{path}/{}", escape(key)), &Value::Null, value, out);
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            for i in 0..a.len().max(b.len()) {
                walk(
                    format!("{path}/{i}"),
                    a.get(i).unwrap_or(&Value::Null),
                    b.get(i).unwrap_or(&Value::Null),
                    out,
                );
            }
        }
        _ if before == after => {}
        _ => out.push(Change {
            path,
            before: before.clone(),
            after: after.clone(),
        }),
    }
}

/// Whether `path` is `prefix` or lies inside it (`/a/b` is inside `/a`, `/ab` is not).
pub fn is_within(path: &str, prefix: &str) -> bool {
    prefix.is_empty()
        || path == prefix
        || (path.starts_with(prefix) && path.as_bytes().get(prefix.len()) == Some(&b'/'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reports_leaf_changes_by_pointer() {
        let before = json!({"a": {"b": 1, "c": [1, 2]}, "d": "x", "k/e": 1});
        let after = json!({"a": {"b": 2, "c": [1]}, "d": "x", "k/e": 1, "n": {"m": 1}});
        let paths: Vec<_> = changes(&before, &after)
            .into_iter()
            .map(|c| (c.path, c.before, c.after))
            .collect();
        assert_eq!(
            paths,
            vec![
                ("/a/b".to_owned(), json!(1), json!(2)),
                ("/a/c/1".to_owned(), json!(2), Value::Null),
                ("/n".to_owned(), Value::Null, json!({"m": 1})),
            ]
        );
        assert!(changes(&before, &before).is_empty());
        assert_eq!(
            changes(&json!({"a/b": 1}), &json!({"a/b": 2}))[0].path,
            "/a~1b"
        );
    }

    #[test]
    fn within_respects_segment_boundaries() {
        assert!(is_within("/a/b", "/a"));
        assert!(is_within("/a", "/a"));
        assert!(!is_within("/ab", "/a"));
        assert!(is_within("/anything", ""));
    }
}
