//! Benchmarks and their data generators. Each bench prints its figures next to their limits;
//! how to run them and the latest figures are in `docs/performance.md`.

pub mod queue;
pub mod register;
pub mod report;

use std::path::PathBuf;

/// Where generated data sets are kept between runs (`target/bench-data`).
pub fn data_dir() -> PathBuf {
    let dir = std::env::var_os("TOROKU_BENCH_DATA_DIR").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/bench-data"),
        PathBuf::from,
    );
    if let Err(err) = std::fs::create_dir_all(&dir) {
        panic!("cannot create {}: {err}", dir.display());
    }
    dir
}

/// The PostgreSQL server the benches use (`TOROKU_BENCH_DATABASE_URL`, else the test server).
pub fn postgres_admin_url() -> String {
    std::env::var("TOROKU_BENCH_DATABASE_URL")
        .or_else(|_| std::env::var("TOROKU_TEST_DATABASE_URL"))
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}
