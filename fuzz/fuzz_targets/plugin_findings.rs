//! A plugin's review output as the host receives it (`plugin_host::validate::findings`): message
//! ids, JSON Pointer paths (built from the document's own tokens, escapes and junk), message
//! arguments, against the example application as one ministry sees it (`visible_document`:
//! other ministries' lines `null`) or against arbitrary JSON.
#![no_main]

use std::collections::HashSet;

use arbitrary::{Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;
use plugin_host::{ArgValue, PluginFinding, Severity, validate};
use toroku_fuzz::Json;

const IDS: &[&str] = &["demo-late", "demo-missing-permit", "demo-"];

const TOKENS: &[&str] = &[
    "applicant",
    "establishments",
    "business_lines",
    "extra",
    "name",
    "vaccination_site",
    "0",
    "1",
    "01",
    "-",
    "",
    "~0",
    "~1",
    "~",
    "~2",
    "18446744073709551616",
];

fn path(u: &mut Unstructured<'_>) -> arbitrary::Result<String> {
    if u.ratio(1, 8)? {
        return u.arbitrary();
    }
    let mut path = String::new();
    for _ in 0..u.int_in_range(0..=6)? {
        path.push('/');
        if u.ratio(1, 8)? {
            path.push_str(u.arbitrary()?);
        } else {
            path.push_str(u.choose(TOKENS)?);
        }
    }
    Ok(path)
}

fn finding(u: &mut Unstructured<'_>) -> arbitrary::Result<PluginFinding> {
    let mut args = Vec::new();
    for _ in 0..u.int_in_range(0..=18)? {
        let value = if u.arbitrary()? {
            ArgValue::Number(u.arbitrary()?)
        } else if u.ratio(1, 16)? {
            ArgValue::Text("あ".repeat(u.int_in_range(990..=1010)?))
        } else {
            ArgValue::Text(u.arbitrary()?)
        };
        args.push((u.arbitrary()?, value));
    }
    Ok(PluginFinding {
        severity: *u.choose(&[Severity::Error, Severity::Warning, Severity::Info])?,
        message_id: if u.ratio(7, 8)? {
            u.choose(IDS)?.to_string()
        } else {
            u.arbitrary()?
        },
        args,
        path: path(u)?,
    })
}

fn run(u: &mut Unstructured<'_>) -> arbitrary::Result<()> {
    let document = if u.ratio(3, 4)? {
        let example = &*toroku_fuzz::EXAMPLE;
        let owned: Vec<String> = Vec::arbitrary(u)?;
        let visible = plugin_host::visible_document(example, |t| {
            t == "food-manufacturing" && owned.is_empty() || owned.iter().any(|o| o == t)
        });
        assert_eq!(
            visible["establishments"].as_array().map(Vec::len),
            example["establishments"].as_array().map(Vec::len),
            "visible_document keeps positions"
        );
        visible
    } else {
        let Json(document) = Json::arbitrary(u)?;
        let _ = plugin_host::visible_document(&document, |t| t.len() % 2 == 0);
        document
    };
    let mut findings = Vec::new();
    for _ in 0..u.int_in_range(0..=8)? {
        findings.push(finding(u)?);
    }
    let ids: HashSet<String> = IDS.iter().map(|s| (*s).to_owned()).collect();
    if let Ok(checked) = validate::findings(findings.clone(), &ids, &document) {
        // Compared as text when NaN arguments (not equal to themselves) make `==` fail.
        assert!(
            checked == findings || format!("{checked:?}") == format!("{findings:?}"),
            "accepted findings pass through unchanged"
        );
    }
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let _ = run(&mut Unstructured::new(data));
});
