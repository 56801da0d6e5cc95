//! Recent judgements — a document normalised once more, and everything the core rules and the
//! owning plugins find in it — kept so that the same stored text is not judged twice in a row:
//! the confirmation page checks a draft, then its submission judges the very same text. For a
//! franchisor's 20,000 establishments a judgement takes most of a second (P2 in
//! `docs/performance.md`).
//!
//! A judgement depends only on the text and the plugins in force (the core rules read nothing
//! else, not even the clock), so an entry is found by the SHA-256 of the text and used only
//! while the same plugin set is in force. The cache is per process: another instance judges
//! for itself. It is bounded in entries and in the size of the texts it was made from.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::CheckReport;
use crate::plugins::InstalledSet;

/// Entries kept at most.
const MAX_ENTRIES: usize = 64;
/// Stored text (bytes) the kept entries were judged from, at most; a larger text is not kept.
const MAX_TEXT_BYTES: usize = 32 << 20;

/// The normalised document and its findings.
pub(crate) type Judged = Arc<(Value, CheckReport)>;

#[derive(Default)]
pub(crate) struct JudgementCache {
    entries: Mutex<VecDeque<Entry>>,
}

impl std::fmt::Debug for JudgementCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JudgementCache").finish_non_exhaustive()
    }
}

struct Entry {
    key: [u8; 32],
    plugins: Arc<InstalledSet>,
    text_bytes: usize,
    judged: Judged,
}

/// The key of a stored text.
pub(crate) fn key_of(text: &str) -> [u8; 32] {
    Sha256::digest(text.as_bytes()).into()
}

impl JudgementCache {
    /// The judgement of this text under this plugin set, if kept.
    pub(crate) fn get(&self, key: &[u8; 32], plugins: &Arc<InstalledSet>) -> Option<Judged> {
        let entries = self.entries.lock().ok()?;
        entries
            .iter()
            .find(|e| &e.key == key && Arc::ptr_eq(&e.plugins, plugins))
            .map(|e| e.judged.clone())
    }

    /// Keeps a judgement, dropping the oldest entries beyond the bounds.
    pub(crate) fn put(
        &self,
        key: [u8; 32],
        plugins: Arc<InstalledSet>,
        text_bytes: usize,
        judged: Judged,
    ) {
        if text_bytes > MAX_TEXT_BYTES {
            return;
        }
        let Ok(mut entries) = self.entries.lock() else {
            return;
        };
        // Entries judged under another plugin set can never be used again.
        entries.retain(|e| e.key != key && Arc::ptr_eq(&e.plugins, &plugins));
        entries.push_back(Entry {
            key,
            plugins,
            text_bytes,
            judged,
        });
        let mut total: usize = entries.iter().map(|e| e.text_bytes).sum();
        while entries.len() > MAX_ENTRIES || total > MAX_TEXT_BYTES {
            match entries.pop_front() {
                Some(oldest) => total -= oldest.text_bytes,
                None => break,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judged(n: u64) -> Judged {
        Arc::new((
            Value::from(n),
            CheckReport {
                core: Vec::new(),
                plugins: Vec::new(),
            },
        ))
    }

    #[test]
    fn a_judgement_is_found_by_its_text_under_the_same_plugins_only() {
        let cache = JudgementCache::default();
        let plugins = Arc::new(InstalledSet::default());
        let key = key_of("{\"a\":1}");
        cache.put(key, plugins.clone(), 7, judged(1));
        assert_eq!(
            cache.get(&key, &plugins).map(|j| j.0.clone()),
            Some(1.into())
        );
        assert!(cache.get(&key_of("{\"a\":2}"), &plugins).is_none());
        let other = Arc::new(InstalledSet::default());
        assert!(
            cache.get(&key, &other).is_none(),
            "another plugin set judges again"
        );
        // A judgement under the new set drops those made under the old one.
        cache.put(key_of("x"), other.clone(), 1, judged(2));
        assert!(cache.get(&key, &plugins).is_none());
    }

    #[test]
    fn the_cache_keeps_the_newest_entries_within_its_bounds() {
        let cache = JudgementCache::default();
        let plugins = Arc::new(InstalledSet::default());
        for n in 0..(MAX_ENTRIES as u64 + 10) {
            cache.put(key_of(&n.to_string()), plugins.clone(), 1, judged(n));
        }
        assert!(
            cache.get(&key_of("0"), &plugins).is_none(),
            "oldest dropped"
        );
        let newest = (MAX_ENTRIES as u64 + 9).to_string();
        assert!(cache.get(&key_of(&newest), &plugins).is_some());
        // Texts beyond the byte budget are not kept, and big ones push out old ones.
        cache.put(
            key_of("huge"),
            plugins.clone(),
            MAX_TEXT_BYTES + 1,
            judged(0),
        );
        assert!(cache.get(&key_of("huge"), &plugins).is_none());
        cache.put(key_of("big"), plugins.clone(), MAX_TEXT_BYTES, judged(0));
        assert!(cache.get(&key_of("big"), &plugins).is_some());
        assert!(cache.get(&key_of(&newest), &plugins).is_none());
    }
}
