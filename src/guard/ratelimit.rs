//! Rate limits per caller (`sub`) and per tenant, for tokenize and detokenize, held across
//! every instance through counters in the database (fixed one-minute windows).
//!
//! Far below a limit, an instance counts locally and adds its counts to the shared
//! counter in the background (every 100 ms), so requests do not wait on the database.
//! From half the limit on, every request increments the shared counter in the database
//! and reads the total back before it is let through, so the limit itself is exact across
//! instances. Rejected requests count too, as in any fixed-window limiter.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::clock::Clock;
use crate::store::{StoreError, VaultStore};

const WINDOW_MILLIS: i64 = 60_000;
const FLUSH_PERIOD: Duration = Duration::from_millis(100);

/// Requests per minute; 0 turns a limit off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimits {
    /// Tokenize calls per minute per caller.
    pub tokenize_per_sub: i64,
    /// Tokenize calls per minute per tenant.
    pub tokenize_per_tenant: i64,
    /// Detokenize calls per minute per caller.
    pub detokenize_per_sub: i64,
    /// Detokenize calls per minute per tenant.
    pub detokenize_per_tenant: i64,
}

impl Default for RateLimits {
    fn default() -> Self {
        Self {
            tokenize_per_sub: 300_000,
            tokenize_per_tenant: 1_200_000,
            detokenize_per_sub: 60_000,
            detokenize_per_tenant: 300_000,
        }
    }
}

#[derive(Debug, Default, Clone, Copy)]
struct Count {
    /// The shared total as last read.
    known: i64,
    /// Counted here, not yet added to the shared counter.
    pending: i64,
}

/// The limiter of one instance.
#[derive(Debug)]
pub struct RateLimiter {
    limits: RateLimits,
    store: Arc<dyn VaultStore>,
    clock: Arc<dyn Clock>,
    counts: Mutex<HashMap<(String, i64), Count>>,
}

/// A refused request: retry after this many seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryAfter(pub u64);

impl RateLimiter {
    /// A limiter over the shared counters in `store`.
    pub fn new(limits: RateLimits, store: Arc<dyn VaultStore>, clock: Arc<dyn Clock>) -> Self {
        Self {
            limits,
            store,
            clock,
            counts: Mutex::new(HashMap::new()),
        }
    }

    /// Counts one `action` (`tokenize` or `detokenize`) by `sub` of `tenant`.
    ///
    /// # Errors
    /// Store failures while checking near a limit.
    pub async fn check(
        &self,
        action: &str,
        tenant: &str,
        sub: &str,
    ) -> Result<Result<(), RetryAfter>, StoreError> {
        self.charge(action, tenant, sub, 1).await
    }

    /// As [`RateLimiter::check`], for a request that costs `cost` units of the limit
    /// (tokenize: one per value).
    ///
    /// # Errors
    /// Store failures.
    pub async fn charge(
        &self,
        action: &str,
        tenant: &str,
        sub: &str,
        cost: i64,
    ) -> Result<Result<(), RetryAfter>, StoreError> {
        let (per_sub, per_tenant) = match action {
            "tokenize" => (
                self.limits.tokenize_per_sub,
                self.limits.tokenize_per_tenant,
            ),
            _ => (
                self.limits.detokenize_per_sub,
                self.limits.detokenize_per_tenant,
            ),
        };
        let now = self.clock.now_millis();
        let window = now - now.rem_euclid(WINDOW_MILLIS);
        let retry = RetryAfter(
            u64::try_from((window + WINDOW_MILLIS - now + 999) / 1000)
                .unwrap_or(1)
                .max(1),
        );
        for (key, limit) in [
            (format!("s|{tenant}|{sub}|{action}"), per_sub),
            (format!("t|{tenant}|{action}"), per_tenant),
        ] {
            if limit > 0 && !self.admit(key, window, limit, cost.max(1)).await? {
                return Ok(Err(retry));
            }
        }
        Ok(Ok(()))
    }

    async fn admit(
        &self,
        key: String,
        window: i64,
        limit: i64,
        cost: i64,
    ) -> Result<bool, StoreError> {
        let exact_delta = {
            let Ok(mut counts) = self.counts.lock() else {
                return Ok(true);
            };
            let count = counts.entry((key.clone(), window)).or_default();
            if count.known + count.pending + cost > limit {
                return Ok(false);
            }
            if (count.known + count.pending + cost) * 2 < limit {
                count.pending += cost;
                return Ok(true);
            }
            let delta = count.pending + cost;
            count.pending = 0;
            delta
        };
        let total = self.store.add_rate_count(&key, window, exact_delta).await?;
        if let Ok(mut counts) = self.counts.lock() {
            let count = counts.entry((key, window)).or_default();
            count.known = count.known.max(total);
        }
        Ok(total <= limit)
    }

    /// Counts `cost` units of `action` whatever the limit: for work already done (values
    /// the model wrote that were tokenized), so that a caller past its limit is refused
    /// from its next call on. The shared counters get it with the next flush.
    pub fn consume(&self, action: &str, tenant: &str, sub: &str, cost: i64) {
        let now = self.clock.now_millis();
        let window = now - now.rem_euclid(WINDOW_MILLIS);
        let Ok(mut counts) = self.counts.lock() else {
            return;
        };
        for key in [
            format!("s|{tenant}|{sub}|{action}"),
            format!("t|{tenant}|{action}"),
        ] {
            let count = counts.entry((key, window)).or_default();
            count.pending = count.pending.saturating_add(cost.max(0));
        }
    }

    /// Adds pending local counts to the shared counters and refreshes the totals.
    ///
    /// # Errors
    /// Store failures (the counts are kept for the next attempt).
    pub async fn flush(&self) -> Result<(), StoreError> {
        let now = self.clock.now_millis();
        let current = now - now.rem_euclid(WINDOW_MILLIS);
        let pending: Vec<((String, i64), i64)> = match self.counts.lock() {
            Ok(mut counts) => {
                counts.retain(|(_, window), _| *window >= current - WINDOW_MILLIS);
                counts
                    .iter_mut()
                    .filter(|(_, c)| c.pending > 0)
                    .map(|(k, c)| {
                        let delta = c.pending;
                        c.pending = 0;
                        (k.clone(), delta)
                    })
                    .collect()
            }
            Err(_) => return Ok(()),
        };
        for ((key, window), delta) in pending {
            match self.store.add_rate_count(&key, window, delta).await {
                Ok(total) => {
                    if let Ok(mut counts) = self.counts.lock() {
                        let count = counts.entry((key, window)).or_default();
                        count.known = count.known.max(total);
                    }
                }
                Err(err) => {
                    if let Ok(mut counts) = self.counts.lock() {
                        counts.entry((key, window)).or_default().pending += delta;
                    }
                    return Err(err);
                }
            }
        }
        Ok(())
    }

    /// Flushes every 100 ms and drops old windows, until the process ends.
    pub fn spawn_flusher(self: &Arc<Self>) {
        let limiter = Arc::clone(self);
        tokio::spawn(async move {
            let mut ticker = tokio::time::interval(FLUSH_PERIOD);
            let mut ticks = 0u64;
            loop {
                ticker.tick().await;
                if let Err(err) = limiter.flush().await {
                    tracing::warn!(error = %err, "rate counters could not be flushed");
                }
                ticks += 1;
                if ticks % 600 == 0 {
                    let before = limiter.clock.now_millis() - 2 * WINDOW_MILLIS;
                    let _ = limiter.store.drop_rate_counts(before).await;
                }
            }
        });
    }
}
