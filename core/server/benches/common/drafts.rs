//! Drafts ready to submit, written straight into the database, and the submission request:
//! shared by P1 (`benches/submit.rs`) and the crash harness (`tests/crash.rs`).

use sha2::{Digest, Sha256};
use store::Store;
use store::fixtures::DraftFixture;

/// A draft as the client knows it: its link's token.
#[derive(Debug, Clone)]
pub struct Draft {
    /// The draft link's token.
    pub token: String,
}

/// Writes `count` drafts of `document` with their links in one transaction.
pub async fn generate(store: &Store, document: &serde_json::Value, count: usize) -> Vec<Draft> {
    let now = chrono::Utc::now().timestamp_millis();
    let text = document.to_string();
    let run = uuid::Uuid::new_v4().simple().to_string();
    let mut fixtures = Vec::with_capacity(count);
    let mut drafts = Vec::with_capacity(count);
    for i in 0..count {
        // 43 URL-safe characters, as a real link's token.
        let token = format!("{}{i:011}", &run[..32]);
        fixtures.push(DraftFixture {
            id: uuid::Uuid::now_v7().to_string(),
            email: format!("d{i}-{}@drafts.example.jp", &run[..8]),
            document: text.clone(),
            token_hash: hex::encode(Sha256::digest(token.as_bytes())),
            created_at: now,
            expires_at: now + 48 * 3_600_000,
        });
        drafts.push(Draft { token });
    }
    let tx = store
        .write()
        .await
        .unwrap_or_else(|err| panic!("write: {err}"));
    tx.insert_draft_fixtures(&fixtures)
        .await
        .unwrap_or_else(|err| panic!("drafts: {err}"));
    tx.commit()
        .await
        .unwrap_or_else(|err| panic!("commit: {err}"));
    drafts
}

/// `POST /api/v1/drafts/{token}/submit` with an `Idempotency-Key`: the status and the
/// application id answered, or the transport error (no answer: the outcome is unknown).
pub async fn submit(
    client: &reqwest::Client,
    base: &str,
    token: &str,
    key: &str,
    body: &str,
) -> Result<(u16, String), reqwest::Error> {
    let response = client
        .post(format!("{base}/api/v1/drafts/{token}/submit"))
        .header("Idempotency-Key", key)
        .header("Content-Type", "application/json")
        .body(body.to_owned())
        .send()
        .await?;
    let status = response.status().as_u16();
    let answer: serde_json::Value = response.json().await?;
    let id = answer["application_id"].as_str().unwrap_or_default();
    Ok((status, id.to_owned()))
}
