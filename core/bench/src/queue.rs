//! The reviewer-queue data set: `n` submitted applications, every one involving the benchmarked
//! ministry ([`TENANT`]) and three in ten also another ministry.
//!
//! Shape (deterministic in the row number `i`):
//! - the document is the repository's example application with the applicant's name changed;
//! - names are unique (`株式会社さくら物流 123`), a tenth of them contain `物流`;
//! - submissions are four to a minute over about two years (ties exercise the keyset order);
//! - the oldest 70% are decided, the rest open, every tenth of those under inquiry.

use std::io::Write;
use std::sync::Arc;

use serde_json::Value;
use store::fixtures::QueueFixture;
use store::{Store, StoreError};

/// The ministry whose queue is measured.
pub const TENANT: &str = "mhlw";
/// The other ministries some applications also involve.
pub const OTHER_TENANTS: [&str; 7] = ["maff", "meti", "mlit", "mof", "fsa", "mic", "env"];
/// The counter row that marks a complete data set (written in the seeding transaction).
pub const MARKER: &str = "bench_queue_rows";

const START_MS: i64 = 1_767_225_600_000; // 2026-01-01T00:00:00+09:00 minus 9 h
const PREFIXES: [&str; 5] = [
    "株式会社",
    "有限会社",
    "社会福祉法人",
    "医療法人社団",
    "合同会社",
];
const BODIES: [&str; 8] = [
    "さくら",
    "みなと",
    "ひかり",
    "あおば",
    "やまと",
    "こだま",
    "みどり",
    "はやて",
];
const TRADES: [&str; 10] = [
    "物流",
    "食品",
    "電力",
    "交通",
    "介護サービス",
    "銀行",
    "ガス",
    "通信",
    "病院",
    "薬品",
];

/// The example application every generated row is built from.
const TEMPLATE: &str = include_str!("../../../tests/tests/fixtures/application.example.json");

/// The generator for `rows` applications.
#[derive(Debug, Clone)]
pub struct QueueData {
    rows: usize,
    template: Arc<Value>,
}

impl QueueData {
    /// A data set of `rows` applications.
    pub fn new(rows: usize) -> Self {
        let template: Value = match serde_json::from_str(TEMPLATE) {
            Ok(value) => value,
            Err(err) => panic!("the example application does not parse: {err}"),
        };
        QueueData {
            rows,
            template: Arc::new(template),
        }
    }

    /// How many applications.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// The applicant name of row `i`.
    pub fn name(i: usize) -> String {
        format!(
            "{}{}{} {i}",
            PREFIXES[i % PREFIXES.len()],
            BODIES[(i / 10) % BODIES.len()],
            TRADES[i % TRADES.len()],
        )
    }

    /// The application id of row `i` (time-ordered like the product's UUIDv7 ids).
    pub fn id(i: usize) -> String {
        let at = Self::submitted_at(i) as u128;
        uuid::Uuid::from_u128((at << 80) | (0x7 << 76) | (0x8 << 60) | i as u128).to_string()
    }

    /// When row `i` was submitted (Unix ms): four a minute.
    pub fn submitted_at(i: usize) -> i64 {
        START_MS + (i / 4) as i64 * 60_000
    }

    /// The status of row `i`'s task for [`TENANT`].
    pub fn status(&self, i: usize) -> &'static str {
        if i < self.rows / 10 * 7 {
            "decided"
        } else if i.is_multiple_of(10) {
            "inquiry"
        } else {
            "open"
        }
    }

    /// The keyset cursor just after row `i` (oldest first).
    pub fn cursor_after(i: usize) -> String {
        format!("{}.{}", Self::submitted_at(i), Self::id(i))
    }

    /// Row `i` as the store writes it.
    pub fn fixture(&self, i: usize) -> QueueFixture {
        let name = Self::name(i);
        let mut document = (*self.template).clone();
        if let Some(slot) = document.pointer_mut("/applicant/name") {
            *slot = Value::String(name.clone());
        }
        let lines = 1 + (i % 3) as i32;
        let mut tasks = vec![(TENANT.to_owned(), self.status(i), lines)];
        if matches!(i % 10, 1 | 4 | 7) {
            let other = OTHER_TENANTS[(i / 10) % OTHER_TENANTS.len()];
            tasks.push((other.to_owned(), self.status(i), 1));
        }
        QueueFixture {
            id: Self::id(i),
            applicant_name: name,
            document: document.to_string(),
            submitted_at: Self::submitted_at(i),
            tasks,
        }
    }

    /// The applications a reviewer has already looked at: every tenth, half of them changed
    /// since (seen before the last change).
    pub fn seen(&self) -> Vec<(String, i64)> {
        (3..self.rows)
            .step_by(10)
            .map(|i| {
                let at = Self::submitted_at(i);
                (Self::id(i), if i % 20 == 3 { at - 1 } else { at + 1 })
            })
            .collect()
    }

    /// Writes the whole set in one transaction, with the [`MARKER`] counter at the end, and
    /// reports progress on `progress`.
    pub async fn seed(&self, store: &Store, progress: &mut impl Write) -> Result<(), StoreError> {
        let tx = store.write().await?;
        let step = 50_000;
        for start in (0..self.rows).step_by(step) {
            let end = (start + step).min(self.rows);
            let rows: Vec<QueueFixture> = (start..end).map(|i| self.fixture(i)).collect();
            tx.insert_queue_fixtures(&rows).await?;
            let _ = writeln!(progress, "  seeded {end} / {} applications", self.rows);
        }
        tx.set_counter(MARKER, self.rows as i64).await?;
        tx.commit().await
    }

    /// Whether `store` holds a complete set of this size.
    pub async fn is_seeded(&self, store: &Store) -> Result<bool, StoreError> {
        let tx = store.read().await?;
        let value = tx.counter(MARKER).await?;
        tx.commit().await?;
        Ok(value == Some(self.rows as i64))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_deterministic_and_ordered() {
        let data = QueueData::new(1_000);
        assert_eq!(data.fixture(5).id, data.fixture(5).id);
        assert!(
            QueueData::id(4) > QueueData::id(3),
            "ids follow submission time"
        );
        assert_eq!(QueueData::submitted_at(0), QueueData::submitted_at(3));
        assert!(QueueData::submitted_at(4) > QueueData::submitted_at(3));
        assert_eq!(data.status(0), "decided");
        assert_eq!(data.status(700), "inquiry");
        assert_eq!(data.status(701), "open");
        let two = data.fixture(1);
        assert_eq!(two.tasks.len(), 2);
        assert!(two.document.contains(&QueueData::name(1)));
        assert_eq!(data.seen().len(), 100);
    }
}
