//! The host with real plugins built from source (`cargo xtask build-plugins` puts them in
//! `target/plugins/`): every ministry plugin installs and reviews; every hostile fixture is
//! stopped within its limit and the host keeps serving.

use std::collections::HashSet;
use std::path::PathBuf;
use std::time::Duration;

use plugin_host::{HostConfig, InstallError, PluginFailure, PluginHost, visible_document};
use serde_json::{Value, json};

const MINISTRIES: [&str; 8] = ["env", "fsa", "maff", "meti", "mhlw", "mic", "mlit", "mof"];

fn plugin_dir() -> PathBuf {
    std::env::var_os("TOROKU_PLUGIN_DIR").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/plugins"),
        PathBuf::from,
    )
}

fn wasm(name: &str) -> Vec<u8> {
    let path = plugin_dir().join(format!("{name}.wasm"));
    std::fs::read(&path).unwrap_or_else(|err| {
        panic!(
            "{}: {err}; build the plugins first with `cargo xtask build-plugins`",
            path.display()
        )
    })
}

fn host() -> PluginHost {
    PluginHost::new(HostConfig {
        // Short, so the infinite loop is stopped quickly; long enough that the finding flood
        // (200,000 findings) is always stopped by the output limit, not the clock, even with
        // a build running beside the tests (at 200 ms it once was).
        call_timeout: Duration::from_secs(1),
        memory_limit_bytes: 64 << 20,
        ..HostConfig::default()
    })
    .expect("engine")
}

fn example() -> Value {
    serde_json::from_str(include_str!(
        "../../../tests/tests/fixtures/application.example.json"
    ))
    .expect("example")
}

#[test]
fn every_ministry_plugin_installs_and_together_they_own_each_type_once() {
    let host = host();
    let mut types = HashSet::new();
    for ministry in MINISTRIES {
        let plugin = host
            .load(&wasm(ministry))
            .unwrap_or_else(|e| panic!("{ministry}: {e}"));
        let catalogue = plugin.catalogue();
        assert_eq!(catalogue.ministry_id, ministry);
        assert_eq!(catalogue.plugin_version, "1.0.0");
        for business_type in &catalogue.business_types {
            assert!(
                types.insert(business_type.id.clone()),
                "{} declared twice",
                business_type.id
            );
        }
    }
    assert!(types.len() >= 38, "{} business types", types.len());
    assert!(types.contains("food-manufacturing"));
}

#[test]
fn every_ministry_plugin_speaks_every_locale() {
    let host = host();
    let maff = host.load(&wasm("maff")).expect("maff");
    let messages = i18n::PluginMessages::new(&maff.catalogue().resources).expect("bundles");
    let expected = [
        (i18n::Locale::Ja, "食料品製造業"),
        (i18n::Locale::En, "Food manufacturing"),
        (i18n::Locale::ZhHans, "食品制造业"),
        (i18n::Locale::Ko, "식료품 제조업"),
        (i18n::Locale::Vi, "Sản xuất thực phẩm"),
        (i18n::Locale::PtBr, "Fabricação de alimentos"),
        (
            i18n::Locale::JaEasy,
            "食料品製造業（しょくりょうひん せいぞうぎょう）",
        ),
    ];
    for (locale, label) in expected {
        assert_eq!(
            messages.message(locale, "maff-bt-food-manufacturing", &[]),
            label,
            "{}",
            locale.tag()
        );
    }
    let unknown = messages.message(
        i18n::Locale::Ko,
        "maff-sub-type-unknown",
        &[("sub_type", i18n::ArgValue::Text("x".to_owned()))],
    );
    assert!(
        unknown.contains("\"x\"") && unknown.contains("목록"),
        "{unknown}"
    );
    for ministry in MINISTRIES {
        let plugin = host.load(&wasm(ministry)).expect(ministry);
        let locales: Vec<&str> = plugin
            .catalogue()
            .resources
            .iter()
            .map(|(locale, _)| locale.as_str())
            .collect();
        let all: Vec<&str> = i18n::Locale::ALL.iter().map(|l| l.tag()).collect();
        assert_eq!(locales, all, "{ministry}");
    }
}

#[test]
fn the_food_ministry_reviews_only_its_lines_of_the_example() {
    let host = host();
    let maff = host.load(&wasm("maff")).expect("maff");
    let owned: HashSet<String> = maff
        .catalogue()
        .business_types
        .iter()
        .map(|t| t.id.clone())
        .collect();
    let mut document = example();
    document["establishments"][1]["business_lines"][0]["sub_type_1"] = json!("no-such-sub-type");
    let visible = visible_document(&document, |t| owned.contains(t));
    let findings = host.review(&maff, &visible).expect("review");
    let found: Vec<(&str, &str)> = findings
        .iter()
        .map(|f| (f.path.as_str(), f.message_id.as_str()))
        .collect();
    assert_eq!(
        found,
        [(
            "/establishments/1/business_lines/0/sub_type_1",
            "maff-sub-type-unknown"
        )]
    );
}

#[test]
fn another_ministry_sees_nothing_of_lines_it_does_not_own() {
    let host = host();
    let fsa = host.load(&wasm("fsa")).expect("fsa");
    let owned: HashSet<String> = fsa
        .catalogue()
        .business_types
        .iter()
        .map(|t| t.id.clone())
        .collect();
    let visible = visible_document(&example(), |t| owned.contains(t));
    assert_eq!(visible["establishments"], json!([null, null]));
    assert_eq!(
        visible["applicant"],
        example()["applicant"],
        "the applicant section is shown in full"
    );
    assert!(host.review(&fsa, &visible).expect("review").is_empty());
}

#[test]
fn hostile_plugins_are_stopped_within_their_limits_and_the_host_keeps_serving() {
    let host = host();
    // The fixture owns `fixture-type`: it sees establishment 1's line and nothing of establishment 0.
    let mut document = example();
    document["establishments"][1]["business_lines"][0]["business_type"] = json!("fixture-type");
    let document = visible_document(&document, |t| t == "fixture-type");
    assert!(document["establishments"][0].is_null());
    type Expected = fn(&PluginFailure) -> bool;
    let cases: [(&str, Expected); 7] = [
        ("infinite-loop", |f| matches!(f, PluginFailure::Timeout(_))),
        ("memory-hog", |f| {
            matches!(f, PluginFailure::OutOfMemory | PluginFailure::Trap(_))
        }),
        ("deep-recursion", |f| matches!(f, PluginFailure::Trap(_))),
        ("panic", |f| matches!(f, PluginFailure::Trap(_))),
        (
            "forged-message",
            |f| matches!(f, PluginFailure::BadOutput(m) if m.contains("core-application-approved")),
        ),
        (
            "hidden-path",
            |f| matches!(f, PluginFailure::BadOutput(m) if m.contains("does not exist")),
        ),
        (
            "finding-flood",
            |f| matches!(f, PluginFailure::BadOutput(m) if m.contains("findings")),
        ),
    ];
    let control = host
        .load(&wasm("hostile-control"))
        .expect("control installs");
    for (name, expected) in cases {
        let plugin = host
            .load(&wasm(&format!("hostile-{name}")))
            .unwrap_or_else(|e| panic!("{name} installs: {e}"));
        let failure = host.review(&plugin, &document).expect_err(name);
        assert!(expected(&failure), "{name}: {failure:?}");
        // A fresh instance per call: the control plugin is unaffected, every time.
        let findings = host
            .review(&control, &document)
            .unwrap_or_else(|e| panic!("after {name}: {e}"));
        assert_eq!(findings.len(), 1, "after {name}");
    }
}

#[test]
fn a_plugin_that_imports_wasi_is_refused_at_install() {
    let err = host().load(&wasm("hostile-wasi")).expect_err("refused");
    let InstallError::ForbiddenImports(imports) = err else {
        panic!("{err:?}")
    };
    assert!(
        imports.iter().any(|i| i.starts_with("wasi:")),
        "{imports:?}"
    );
}

#[test]
fn files_that_are_not_plugins_are_refused_with_a_clear_reason() {
    let host = host();
    let core_module = b"\0asm\x01\0\0\0".to_vec();
    let cases: [(&str, Vec<u8>); 3] = [
        ("empty", Vec::new()),
        ("text", b"not a plugin".to_vec()),
        ("core module", core_module),
    ];
    for (name, bytes) in cases {
        let err = host.load(&bytes).expect_err(name);
        assert!(
            matches!(err, InstallError::NotAComponent(_)),
            "{name}: {err:?}"
        );
    }
    let mut truncated = wasm("maff");
    truncated.truncate(truncated.len() / 2);
    assert!(matches!(
        host.load(&truncated),
        Err(InstallError::NotAComponent(_))
    ));
}

#[test]
fn compiled_plugins_are_cached_on_disk_and_a_tampered_artifact_is_recompiled() {
    let dir = std::env::temp_dir().join(format!("toroku-plugin-cache-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let config = HostConfig {
        cache_dir: Some(dir.clone()),
        ..HostConfig::default()
    };
    let first = PluginHost::new(config.clone()).expect("engine");
    first.load(&wasm("mic")).expect("compiles and caches");
    let artifacts: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("cache dir")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "cwasm"))
        .collect();
    assert_eq!(artifacts.len(), 1, "{artifacts:?}");
    // A new engine (a restart) loads from the cache and reviews.
    let second = PluginHost::new(config.clone()).expect("engine");
    let plugin = second.load(&wasm("mic")).expect("from cache");
    assert!(
        second
            .review(&plugin, &visible_document(&example(), |_| false))
            .is_ok()
    );
    // A tampered artifact fails its hash and is recompiled, not loaded.
    let original = std::fs::read(&artifacts[0]).expect("artifact");
    let mut tampered = original.clone();
    let middle = tampered.len() / 2;
    tampered[middle] ^= 0xff;
    std::fs::write(&artifacts[0], tampered).expect("tamper");
    let third = PluginHost::new(config).expect("engine");
    let plugin = third.load(&wasm("mic")).expect("recompiled");
    assert!(
        third
            .review(&plugin, &visible_document(&example(), |_| false))
            .is_ok()
    );
    let _ = std::fs::remove_dir_all(&dir);
}
