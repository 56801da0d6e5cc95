//! P5's data: the public register (公表) with one row per establishment × business type, as
//! registration writes it, generated in bulk.

use store::{RegisterEntryRow, Store, StoreError};

/// The counter that marks a complete data set (written in the same transaction).
const MARKER: &str = "bench_register_rows";

const PREFECTURES: [&str; 8] = [
    "北海道",
    "宮城県",
    "東京都",
    "神奈川県",
    "愛知県",
    "大阪府",
    "広島県",
    "福岡県",
];
const BUSINESS_TYPES: [&str; 6] = [
    "food-manufacturing",
    "food-wholesale",
    "electricity",
    "railways",
    "banking",
    "social-insurance-welfare-and-nursing-care",
];

/// A register of `rows` published rows.
#[derive(Debug, Clone, Copy)]
pub struct RegisterData {
    /// How many rows.
    pub rows: usize,
}

impl RegisterData {
    /// The data set of `rows` rows.
    pub fn new(rows: usize) -> Self {
        RegisterData { rows }
    }

    /// Row `n` (deterministic): ten establishments per registration, names with characters a
    /// CSV must quote now and then.
    pub fn row(&self, n: usize) -> RegisterEntryRow {
        let registration = n / 10;
        let applicant_name = if registration.is_multiple_of(97) {
            format!("株式会社\"ベンチ\",{registration}")
        } else {
            format!("株式会社ベンチ{registration}")
        };
        RegisterEntryRow {
            id: 0,
            registration_number: format!("TS-2026-{registration:06}"),
            application_id: format!("bench-{registration:08}"),
            search_key: applicant_name.to_lowercase(),
            applicant_name,
            business_type: BUSINESS_TYPES[n % BUSINESS_TYPES.len()].to_owned(),
            establishment_name: format!("第{}事業所", n % 10 + 1),
            prefecture: PREFECTURES[registration % PREFECTURES.len()].to_owned(),
            address: format!("中央区{}丁目{}番{}号", n % 9 + 1, n % 30 + 1, n % 20 + 1),
            registered_on: "2026-11-21".to_owned(),
        }
    }

    /// Whether `store` already holds this data set completely.
    pub async fn is_seeded(&self, store: &Store) -> Result<bool, StoreError> {
        let tx = store.read().await?;
        let marker = tx.counter(MARKER).await.unwrap_or(None);
        Ok(marker == Some(i64::try_from(self.rows).unwrap_or(i64::MAX)))
    }

    /// Writes the whole data set in one transaction (complete or absent), with progress.
    pub async fn seed(
        &self,
        store: &Store,
        mut progress: impl FnMut(usize),
    ) -> Result<(), StoreError> {
        let tx = store.write().await?;
        let chunk = 10_000;
        let mut n = 0;
        while n < self.rows {
            let end = (n + chunk).min(self.rows);
            let rows: Vec<RegisterEntryRow> = (n..end).map(|i| self.row(i)).collect();
            tx.insert_register_fixtures(&rows).await?;
            n = end;
            progress(n);
        }
        tx.set_counter(MARKER, i64::try_from(self.rows).unwrap_or(i64::MAX))
            .await?;
        tx.commit().await
    }
}
