//! Plugin cost: a fresh instance + review of 0, 1, 100 and 10,000 establishments by the MAFF
//! plugin as a wasm component, beside the same rules run natively on the same document.
//! Needs `cargo xtask build-plugins` first. Run: `cargo bench -p plugin-host --bench review`.

use std::collections::HashSet;
use std::path::PathBuf;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use plugin_api::{Plugin, Review};
use plugin_host::{HostConfig, PluginHost, visible_document};
use serde_json::{Value, json};

fn document(establishments: usize) -> Value {
    let establishment = json!({
        "name": "本社工場", "postal_code": "1008916", "prefecture": "東京都", "city": "千代田区",
        "street": "霞が関１丁目２番２号", "phone": "0335953426", "total_staff": 120,
        "business_lines": [{
            "business_type": "food-manufacturing", "sub_type_1": "bread-and-confectionery",
            "sub_type_2": null, "registered_staff_own": 40, "registered_staff_external": 4,
            "note": "製造 32人、資材調達 6人、出荷 6人", "extra": {}
        }],
        "vaccination_site": { "status": "not_yet_secured", "plan_note": "近隣の病院で実施を検討中" }
    });
    json!({
        "program": "tokutei", "founder": "private",
        "applicant": { "name": "株式会社みなと食品", "email": "soumu@minato-foods.example.jp" },
        "establishments": vec![establishment; establishments],
    })
}

fn bench(c: &mut Criterion) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/plugins/maff.wasm");
    let wasm =
        std::fs::read(&path).expect("target/plugins/maff.wasm: run `cargo xtask build-plugins`");
    let host = PluginHost::new(HostConfig::default()).expect("engine");
    let plugin = host.load(&wasm).expect("maff installs");
    let owned: HashSet<String> = plugin
        .catalogue()
        .business_types
        .iter()
        .map(|t| t.id.clone())
        .collect();
    let mut group = c.benchmark_group("review");
    // A plugin with almost no embedded data: what instantiation alone costs.
    let tiny_path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/plugins/hostile-control.wasm");
    let tiny = host
        .load(&std::fs::read(&tiny_path).expect("hostile-control.wasm"))
        .expect("control installs");
    let empty = document(0);
    group.bench_function("wasm-tiny-plugin/0", |b| {
        b.iter(|| host.review(&tiny, &empty).expect("review"));
    });
    for establishments in [0usize, 1, 100, 10_000] {
        let full = document(establishments);
        let visible = visible_document(&full, |t| owned.contains(t));
        group.bench_with_input(
            BenchmarkId::new("wasm", establishments),
            &visible,
            |b, doc| {
                b.iter(|| host.review(&plugin, doc).expect("review"));
            },
        );
        group.bench_with_input(
            BenchmarkId::new("native", establishments),
            &visible,
            |b, doc| {
                b.iter(|| maff::Maff::review(&Review::new(doc)));
            },
        );
        // The same hand-off the wasm path pays: serialise, parse, review.
        group.bench_with_input(
            BenchmarkId::new("native-json", establishments),
            &visible,
            |b, doc| {
                b.iter(|| {
                    let bytes = doc.to_string().into_bytes();
                    let parsed: Value = serde_json::from_slice(&bytes).expect("json");
                    maff::Maff::review(&Review::new(&parsed))
                });
            },
        );
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
