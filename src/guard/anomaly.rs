//! Anomaly alerts on reveals: a caller (`sub`) whose reveal rate jumps far above its own
//! recent baseline, a caller revealing many distinct tokens it never saw before, and any
//! attempt to reveal a honey token; and on tokenize, a call shaped like a list of guesses. Each anomaly becomes an `anomaly` audit event, a
//! metric, optionally a signed webhook call, and (by policy) a block of the caller that
//! every instance honours.
//!
//! The statistics are kept per instance. Behind a load balancer each instance sees its
//! share of a caller's traffic, so a jump against the caller's own baseline shows on each
//! of them alike; the absolute floors apply per instance.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, RandomState};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use ring::hmac;
use secrecy::{ExposeSecret, SecretBox};
use serde::Serialize;

use crate::clock::Clock;
use crate::store::{CallerBlockRow, StoreError, VaultStore};

const WINDOW_MILLIS: i64 = 60_000;
/// Weight of the last minute in the baseline (an exponential moving average).
const BASELINE_WEIGHT: f64 = 0.2;
/// Token ids remembered per caller; past this the memory starts afresh.
const SEEN_PER_CALLER: usize = 100_000;
/// Callers idle for this long are forgotten.
const IDLE_MILLIS: i64 = 3_600_000;
const BLOCK_REFRESH: Duration = Duration::from_secs(1);
const WEBHOOK_ATTEMPTS: u32 = 3;
/// Values one tokenize call must hold to look like a list of guesses.
pub const GUESSING_MIN_VALUES: usize = 200;
/// ... with fewer than this many bytes of text per value.
pub const GUESSING_BYTES_PER_VALUE: usize = 40;

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AnomalyKind {
    /// Somebody tried to reveal a honey token.
    HoneyToken,
    /// A caller's reveals per minute jumped far above its own baseline.
    RevealRate,
    /// A caller revealed many distinct tokens it had never seen.
    NewTokens,
    /// One tokenize call packed with values and little else: the shape of guesses sent
    /// to compare their (deterministic) tokens with one the caller holds.
    Guessing,
}

impl AnomalyKind {
    /// The name used in audit events, metrics and webhooks.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::HoneyToken => "honey_token",
            Self::RevealRate => "reveal_rate",
            Self::NewTokens => "new_tokens",
            Self::Guessing => "guessing",
        }
    }
}

/// Which anomalies block the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockPolicy {
    /// Never block; alert only.
    None,
    /// Block on honey-token reveals only (they have no innocent explanation).
    Honey,
    /// Block on every anomaly.
    All,
}

impl BlockPolicy {
    /// Parses `none`, `honey` or `all`.
    pub fn parse(raw: &str) -> Option<Self> {
        match raw.trim().to_ascii_lowercase().as_str() {
            "none" => Some(Self::None),
            "honey" => Some(Self::Honey),
            "all" => Some(Self::All),
            _ => None,
        }
    }

    fn blocks(self, kind: AnomalyKind) -> bool {
        match self {
            Self::None => false,
            Self::Honey => kind == AnomalyKind::HoneyToken,
            Self::All => true,
        }
    }
}

/// Where anomalies are posted, and the key that signs them.
pub struct Webhook {
    /// The receiver's URL.
    pub url: String,
    /// The HMAC-SHA256 key shared with the receiver.
    pub secret: SecretBox<Vec<u8>>,
}

impl std::fmt::Debug for Webhook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Webhook")
            .field("url", &"<set>")
            .finish_non_exhaustive()
    }
}

/// Thresholds and responses.
#[derive(Debug)]
pub struct AnomalySettings {
    /// A minute's reveals above this many times the caller's baseline is a jump.
    pub rate_factor: f64,
    /// ... provided they are at least this many (reveals per minute).
    pub rate_floor: u64,
    /// Distinct never-seen tokens revealed in one minute that make an anomaly.
    pub new_tokens_per_minute: u64,
    /// Which anomalies block the caller.
    pub block: BlockPolicy,
    /// How long a block lasts.
    pub block_seconds: u64,
    /// Where to post anomalies, if anywhere.
    pub webhook: Option<Webhook>,
}

impl Default for AnomalySettings {
    fn default() -> Self {
        Self {
            rate_factor: 10.0,
            rate_floor: 600,
            new_tokens_per_minute: 1_000,
            block: BlockPolicy::Honey,
            block_seconds: 900,
            webhook: None,
        }
    }
}

/// One anomaly, as audited and posted. Never a value.
#[derive(Debug, Clone, Serialize)]
pub struct Anomaly {
    /// What happened.
    #[serde(serialize_with = "kind_name")]
    pub kind: AnomalyKind,
    /// The caller's tenant.
    pub tenant: String,
    /// The caller.
    pub sub: String,
    /// Unix milliseconds.
    pub at: i64,
    /// The request that set it off.
    pub request_id: String,
    /// Counts, thresholds and (for honey tokens) the token ids.
    pub details: serde_json::Value,
    /// Until when the caller is blocked, if the policy blocks it.
    pub blocked_until: Option<i64>,
}

fn kind_name<S: serde::Serializer>(kind: &AnomalyKind, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(kind.as_str())
}

#[derive(Debug, Default)]
struct CallerStats {
    window: i64,
    revealed: u64,
    new_tokens: u64,
    baseline: f64,
    alerted_rate: bool,
    alerted_new: bool,
    seen: HashSet<u64>,
    last_at: i64,
}

impl CallerStats {
    /// Moves to the window of `now`, folding the minutes in between into the baseline.
    fn roll(&mut self, now: i64) {
        let window = now - now.rem_euclid(WINDOW_MILLIS);
        if self.window == 0 {
            self.window = window;
        }
        let mut missed = (window - self.window) / WINDOW_MILLIS;
        if missed <= 0 {
            return;
        }
        // A minute's count; then idle minutes, at most an hour's worth (the average
        // has long forgotten what came before).
        self.baseline =
            self.baseline * (1.0 - BASELINE_WEIGHT) + self.revealed as f64 * BASELINE_WEIGHT;
        missed -= 1;
        for _ in 0..missed.min(60) {
            self.baseline *= 1.0 - BASELINE_WEIGHT;
        }
        self.window = window;
        self.revealed = 0;
        self.new_tokens = 0;
        self.alerted_rate = false;
        self.alerted_new = false;
    }

    fn remember(&mut self, id_hash: u64) -> bool {
        if self.seen.len() >= SEEN_PER_CALLER {
            self.seen.clear();
        }
        self.seen.insert(id_hash)
    }
}

/// The monitor of one instance.
#[derive(Debug)]
pub struct AnomalyMonitor {
    settings: Arc<AnomalySettings>,
    store: Arc<dyn VaultStore>,
    clock: Arc<dyn Clock>,
    callers: Mutex<HashMap<(String, String), CallerStats>>,
    blocks: RwLock<HashMap<(String, String), i64>>,
    hasher: RandomState,
    http: reqwest::Client,
}

impl AnomalyMonitor {
    /// A monitor with `settings`, sharing blocks through `store`.
    pub fn new(
        settings: Arc<AnomalySettings>,
        store: Arc<dyn VaultStore>,
        clock: Arc<dyn Clock>,
    ) -> Self {
        Self {
            settings,
            store,
            clock,
            callers: Mutex::new(HashMap::new()),
            blocks: RwLock::new(HashMap::new()),
            hasher: RandomState::new(),
            http: reqwest::Client::builder()
                .timeout(Duration::from_secs(5))
                // The alert (and its signature) goes to the configured receiver only,
                // never to wherever a redirect points.
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap_or_default(),
        }
    }

    /// Remembers tokens handed to a caller by tokenize: revealing them later is expected.
    pub fn note_created<'a>(&self, tenant: &str, sub: &str, ids: impl Iterator<Item = &'a str>) {
        let now = self.clock.now_millis();
        let Ok(mut callers) = self.callers.lock() else {
            return;
        };
        let stats = callers
            .entry((tenant.to_owned(), sub.to_owned()))
            .or_default();
        stats.last_at = now;
        for id in ids {
            stats.remember(self.hasher.hash_one(id));
        }
    }

    /// Looks at one detokenize call: the ids it revealed and the honey tokens it tried.
    pub fn observe_reveal(
        &self,
        tenant: &str,
        sub: &str,
        request_id: &str,
        revealed: &[&str],
        honey: &[&str],
    ) -> Vec<Anomaly> {
        let now = self.clock.now_millis();
        let mut found = Vec::new();
        let anomaly = |kind, details| Anomaly {
            kind,
            tenant: tenant.to_owned(),
            sub: sub.to_owned(),
            at: now,
            request_id: request_id.to_owned(),
            details,
            blocked_until: None,
        };
        if !honey.is_empty() {
            found.push(anomaly(
                AnomalyKind::HoneyToken,
                serde_json::json!({ "token_ids": honey }),
            ));
        }
        if revealed.is_empty() {
            return found;
        }
        let Ok(mut callers) = self.callers.lock() else {
            return found;
        };
        let stats = callers
            .entry((tenant.to_owned(), sub.to_owned()))
            .or_default();
        stats.roll(now);
        stats.last_at = now;
        stats.revealed += revealed.len() as u64;
        for id in revealed {
            if stats.remember(self.hasher.hash_one(id)) {
                stats.new_tokens += 1;
            }
        }
        let rate_threshold =
            (self.settings.rate_factor * stats.baseline).max(self.settings.rate_floor as f64);
        if !stats.alerted_rate && stats.revealed as f64 > rate_threshold {
            stats.alerted_rate = true;
            found.push(anomaly(
                AnomalyKind::RevealRate,
                serde_json::json!({
                    "revealed_this_minute": stats.revealed,
                    "baseline_per_minute": (stats.baseline * 10.0).round() / 10.0,
                    "threshold": rate_threshold.ceil(),
                }),
            ));
        }
        if !stats.alerted_new && stats.new_tokens > self.settings.new_tokens_per_minute {
            stats.alerted_new = true;
            found.push(anomaly(
                AnomalyKind::NewTokens,
                serde_json::json!({
                    "new_tokens_this_minute": stats.new_tokens,
                    "threshold": self.settings.new_tokens_per_minute,
                }),
            ));
        }
        found
    }

    /// A tokenize call of `values` values in `text_bytes` bytes of text is an anomaly when
    /// it holds at least [`GUESSING_MIN_VALUES`] values with fewer than
    /// [`GUESSING_BYTES_PER_VALUE`] bytes of text per value: a list of values with hardly
    /// any prose, the shape of guesses tokenized to compare their tokens with one held.
    /// Prompts average hundreds of bytes per value. An export of contacts has the same
    /// shape, which is why this alerts (and blocks only under `PROMPTVAULT_ANOMALY_BLOCK=all`).
    pub fn observe_tokenize(
        &self,
        tenant: &str,
        sub: &str,
        request_id: &str,
        values: usize,
        text_bytes: usize,
    ) -> Option<Anomaly> {
        let dense = text_bytes < values.saturating_mul(GUESSING_BYTES_PER_VALUE);
        (values >= GUESSING_MIN_VALUES && dense).then(|| Anomaly {
            kind: AnomalyKind::Guessing,
            tenant: tenant.to_owned(),
            sub: sub.to_owned(),
            at: self.clock.now_millis(),
            request_id: request_id.to_owned(),
            details: serde_json::json!({ "values": values, "text_bytes": text_bytes }),
            blocked_until: None,
        })
    }

    /// Until when the block policy blocks the caller of `anomaly`, if it does.
    pub fn planned_block(&self, anomaly: &Anomaly) -> Option<i64> {
        if !self.settings.block.blocks(anomaly.kind) || self.settings.block_seconds == 0 {
            return None;
        }
        let seconds = i64::try_from(self.settings.block_seconds).unwrap_or(i64::MAX / 1000);
        Some(anomaly.at.saturating_add(seconds.saturating_mul(1000)))
    }

    /// Blocks the caller of `anomaly` until `until`, here and for every instance.
    ///
    /// # Errors
    /// Store failures while recording the block.
    pub async fn block(&self, anomaly: &Anomaly, until: i64) -> Result<(), StoreError> {
        // Stored first, so that a refresh running meanwhile cannot drop it here.
        self.store
            .block_caller(&CallerBlockRow {
                tenant: anomaly.tenant.clone(),
                sub: anomaly.sub.clone(),
                until_at: until,
                reason: anomaly.kind.as_str().to_owned(),
            })
            .await?;
        if let Ok(mut blocks) = self.blocks.write() {
            let entry = blocks
                .entry((anomaly.tenant.clone(), anomaly.sub.clone()))
                .or_insert(until);
            *entry = (*entry).max(until);
        }
        Ok(())
    }

    /// Seconds until the caller's block ends, when it is blocked.
    pub fn blocked_for(&self, tenant: &str, sub: &str) -> Option<u64> {
        let now = self.clock.now_millis();
        let blocks = self.blocks.read().ok()?;
        let until = *blocks.get(&(tenant.to_owned(), sub.to_owned()))?;
        (until > now).then(|| u64::try_from((until - now + 999) / 1000).unwrap_or(1))
    }

    /// Lifts a block here and for every instance.
    ///
    /// # Errors
    /// Store failures.
    pub async fn unblock(&self, tenant: &str, sub: &str) -> Result<bool, StoreError> {
        let existed = self.store.unblock_caller(tenant, sub).await?;
        if let Ok(mut blocks) = self.blocks.write() {
            blocks.remove(&(tenant.to_owned(), sub.to_owned()));
        }
        Ok(existed)
    }

    /// The blocks in force for one tenant, as every instance sees them.
    ///
    /// # Errors
    /// Store failures.
    pub async fn blocks_of(&self, tenant: &str) -> Result<Vec<CallerBlockRow>, StoreError> {
        let now = self.clock.now_millis();
        let mut rows = self.store.active_blocks(now).await?;
        rows.retain(|row| row.tenant == tenant);
        Ok(rows)
    }

    /// Reloads the blocks every instance has set, and forgets idle callers.
    ///
    /// # Errors
    /// Store failures.
    pub async fn refresh(&self) -> Result<(), StoreError> {
        let now = self.clock.now_millis();
        let rows = self.store.active_blocks(now).await?;
        if let Ok(mut blocks) = self.blocks.write() {
            *blocks = rows
                .into_iter()
                .map(|row| ((row.tenant, row.sub), row.until_at))
                .collect();
        }
        if let Ok(mut callers) = self.callers.lock() {
            callers.retain(|_, stats| now - stats.last_at < IDLE_MILLIS);
        }
        Ok(())
    }

    /// Refreshes blocks every second until the process ends.
    pub fn spawn_refresher(self: &Arc<Self>) {
        let monitor = Arc::clone(self);
        tokio::spawn(async move {
            let mut ticker = tokio::time::interval(BLOCK_REFRESH);
            loop {
                ticker.tick().await;
                if let Err(err) = monitor.refresh().await {
                    tracing::warn!(error = %err, "caller blocks could not be refreshed");
                }
            }
        });
    }

    /// Posts `anomaly` to the webhook in the background, retrying a few times.
    pub fn notify(self: &Arc<Self>, anomaly: &Anomaly) {
        let Some(webhook) = &self.settings.webhook else {
            return;
        };
        let Ok(body) = serde_json::to_vec(&serde_json::json!({
            "type": "promptvault.anomaly",
            "anomaly": anomaly,
        })) else {
            return;
        };
        let timestamp = self.clock.now_millis() / 1000;
        let signature = sign_webhook(webhook.secret.expose_secret(), timestamp, &body);
        let url = webhook.url.clone();
        let http = self.http.clone();
        let kind = anomaly.kind.as_str();
        tokio::spawn(async move {
            for attempt in 1..=WEBHOOK_ATTEMPTS {
                let sent = http
                    .post(&url)
                    .header(reqwest::header::CONTENT_TYPE, "application/json")
                    .header("x-promptvault-signature", &signature)
                    .body(body.clone())
                    .send()
                    .await;
                match sent {
                    Ok(response) if response.status().is_success() => return,
                    Ok(response) => tracing::warn!(
                        kind,
                        attempt,
                        status = response.status().as_u16(),
                        "the anomaly webhook refused a call"
                    ),
                    Err(err) => tracing::warn!(
                        kind,
                        attempt,
                        error = %err.without_url(),
                        "the anomaly webhook could not be reached"
                    ),
                }
                tokio::time::sleep(Duration::from_secs(u64::from(attempt))).await;
            }
        });
    }
}

/// `t=<unix seconds>,v1=<hex HMAC-SHA256 over "<t>.<body>">`: the receiver recomputes it
/// with the shared key and refuses stale timestamps, so a captured call cannot be replayed
/// later.
pub fn sign_webhook(secret: &[u8], timestamp: i64, body: &[u8]) -> String {
    let key = hmac::Key::new(hmac::HMAC_SHA256, secret);
    let mut context = hmac::Context::with_key(&key);
    context.update(timestamp.to_string().as_bytes());
    context.update(b".");
    context.update(body);
    let tag = context.sign();
    let hex: String = tag.as_ref().iter().map(|b| format!("{b:02x}")).collect();
    format!("t={timestamp},v1={hex}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_caller_alerts_at_the_floor_and_a_steady_one_far_above_its_baseline() {
        let mut stats = CallerStats::default();
        let minute = |m: i64| 1_000_000 * WINDOW_MILLIS + m * WINDOW_MILLIS + 5;
        stats.roll(minute(0));
        for m in 1..=30 {
            stats.revealed = 100;
            stats.roll(minute(m));
        }
        assert!((stats.baseline - 100.0).abs() < 1.0, "{}", stats.baseline);
        stats.revealed = 5;
        stats.roll(minute(40));
        assert!(stats.baseline < 30.0, "idle minutes lower the baseline");
    }

    #[test]
    fn the_signature_is_an_hmac_over_timestamp_and_body() {
        let signature = sign_webhook(b"key", 1_700_000_000, b"{}");
        let key = hmac::Key::new(hmac::HMAC_SHA256, b"key");
        let expected = hmac::sign(&key, b"1700000000.{}");
        let hex: String = expected
            .as_ref()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(signature, format!("t=1700000000,v1={hex}"));
        assert_ne!(signature, sign_webhook(b"key", 1_700_000_001, b"{}"));
    }

    #[test]
    fn block_policies() {
        assert_eq!(BlockPolicy::parse("HONEY"), Some(BlockPolicy::Honey));
        assert!(BlockPolicy::Honey.blocks(AnomalyKind::HoneyToken));
        assert!(!BlockPolicy::Honey.blocks(AnomalyKind::RevealRate));
        assert!(BlockPolicy::All.blocks(AnomalyKind::NewTokens));
        assert!(!BlockPolicy::None.blocks(AnomalyKind::HoneyToken));
        assert_eq!(BlockPolicy::parse("sometimes"), None);
    }
}
