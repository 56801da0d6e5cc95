//! Cost of the postal-code table: parsing the embedded data on first use, and a lookup after.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};

fn first_use(c: &mut Criterion) {
    c.bench_function("parse embedded data (first use)", |b| {
        b.iter(postal::parse_embedded_uncached);
    });
}

fn lookups(c: &mut Criterion) {
    assert!(
        !postal::lookup("1008916").is_empty(),
        "table is warm and the code is known"
    );
    c.bench_function("lookup known code", |b| {
        b.iter(|| postal::lookup(black_box("5300001")));
    });
    c.bench_function("lookup unknown code", |b| {
        b.iter(|| postal::lookup(black_box("1008999")));
    });
    c.bench_function("lookup malformed code", |b| {
        b.iter(|| postal::lookup(black_box("530-0001")));
    });
}

criterion_group!(benches, first_use, lookups);
criterion_main!(benches);
