//! Latency samples and the table every bench prints (figure, limit, verdict).

use std::io::Write;
use std::time::{Duration, Instant};

/// Latencies of one scenario.
#[derive(Debug, Clone)]
pub struct Latencies {
    sorted: Vec<Duration>,
}

impl Latencies {
    /// From raw samples (any order).
    pub fn new(mut samples: Vec<Duration>) -> Self {
        samples.sort_unstable();
        Latencies { sorted: samples }
    }

    /// How many samples.
    pub fn count(&self) -> usize {
        self.sorted.len()
    }

    /// The `p`-th percentile (nearest rank), e.g. `0.99`.
    pub fn percentile(&self, p: f64) -> Duration {
        if self.sorted.is_empty() {
            return Duration::ZERO;
        }
        let rank = (p * self.sorted.len() as f64).ceil() as usize;
        self.sorted[rank.clamp(1, self.sorted.len()) - 1]
    }

    /// The slowest sample.
    pub fn max(&self) -> Duration {
        self.sorted.last().copied().unwrap_or_default()
    }
}

/// Runs `f` for `warmup` untimed rounds, then times it up to `iterations` times or until
/// `budget` has passed (at least 20 samples).
pub async fn sample<F, Fut>(
    warmup: usize,
    iterations: usize,
    budget: Duration,
    mut f: F,
) -> Latencies
where
    F: FnMut(usize) -> Fut,
    Fut: Future<Output = ()>,
{
    for i in 0..warmup {
        f(i).await;
    }
    let started = Instant::now();
    let mut samples = Vec::with_capacity(iterations);
    for i in 0..iterations {
        let t = Instant::now();
        f(i).await;
        samples.push(t.elapsed());
        if samples.len() >= 20 && started.elapsed() > budget {
            break;
        }
    }
    Latencies::new(samples)
}

/// One printed row: a scenario, its p50/p99/max and the p99 limit.
#[derive(Debug, Clone)]
pub struct Row {
    /// Database engine.
    pub backend: &'static str,
    /// What was measured.
    pub scenario: String,
    /// The samples.
    pub latencies: Latencies,
    /// The p99 limit, if the scenario has one.
    pub limit: Option<Duration>,
}

impl Row {
    /// Whether p99 is within the limit (a scenario without limit passes).
    pub fn within_limit(&self) -> bool {
        self.limit
            .is_none_or(|limit| self.latencies.percentile(0.99) <= limit)
    }
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

/// Prints the rows as a Markdown table (so it can be pasted into `docs/performance.md`).
pub fn print_table(out: &mut impl Write, rows: &[Row]) -> std::io::Result<()> {
    writeln!(
        out,
        "| backend | scenario | n | p50 | p99 | max | p99 limit | verdict |"
    )?;
    writeln!(out, "|---|---|---|---|---|---|---|---|")?;
    for row in rows {
        let l = &row.latencies;
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            row.backend,
            row.scenario,
            l.count(),
            ms(l.percentile(0.5)),
            ms(l.percentile(0.99)),
            ms(l.max()),
            row.limit.map_or_else(|| "—".to_owned(), ms),
            match (row.limit, row.within_limit()) {
                (None, _) => "—",
                (Some(_), true) => "ok",
                (Some(_), false) => "OVER",
            }
        )?;
    }
    Ok(())
}

/// The verdict word of a figure: `ok`, `OVER`, or `smoke` in a smoke run (no limits applied
/// to debug figures).
pub fn verdict(full: bool, ok: bool) -> &'static str {
    match (full, ok) {
        (false, _) => "smoke",
        (true, true) => "ok",
        (true, false) => "OVER",
    }
}

/// One line for the harness's summary table (`cargo xtask bench` gathers every line that
/// starts with `summary: ` into one table at the end of the run).
pub fn summary(
    out: &mut impl Write,
    bench: &str,
    what: &str,
    (figure, limit): (&str, &str),
    verdict: &str,
) {
    let _ = writeln!(
        out,
        "summary: {bench} | {what} | {figure} | {limit} | {verdict}"
    );
}

/// [`summary`] for each row of a latency table: its p99 against its limit.
pub fn summarise_rows(out: &mut impl Write, bench: &str, rows: &[Row]) {
    for row in rows {
        if let Some(limit) = row.limit {
            summary(
                out,
                bench,
                &format!("{}: {} (p99)", row.backend, row.scenario),
                (
                    &ms(row.latencies.percentile(0.99)),
                    &format!("≤ {}", ms(limit)),
                ),
                if row.within_limit() { "ok" } else { "OVER" },
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_use_nearest_rank() {
        let l = Latencies::new((1..=100).rev().map(Duration::from_millis).collect());
        assert_eq!(l.percentile(0.5), Duration::from_millis(50));
        assert_eq!(l.percentile(0.99), Duration::from_millis(99));
        assert_eq!(l.max(), Duration::from_millis(100));
        assert_eq!(Latencies::new(vec![]).percentile(0.99), Duration::ZERO);
    }
}
