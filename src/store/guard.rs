//! Abuse controls: rate counters shared by every instance, honey tokens, and callers
//! blocked after an anomaly. The same SQL on both backends ([`impl_guard_store`]).

use super::{CallerBlockRow, HoneyTokenRow, StoreError};

/// Persistence of rate counters, honey tokens and caller blocks.
#[async_trait::async_trait]
pub trait GuardStore: Send + Sync {
    /// Adds `delta` to a rate counter and returns its new total.
    async fn add_rate_count(
        &self,
        key: &str,
        window_start: i64,
        delta: i64,
    ) -> Result<i64, StoreError>;

    /// Deletes rate counters of windows that started before `before`.
    async fn drop_rate_counts(&self, before: i64) -> Result<(), StoreError>;

    /// Records a honey token.
    async fn add_honey_token(&self, tenant: &str, row: &HoneyTokenRow) -> Result<(), StoreError>;

    /// The tenant's honey tokens, oldest first.
    async fn honey_tokens(&self, tenant: &str) -> Result<Vec<HoneyTokenRow>, StoreError>;

    /// Blocks a caller until `row.until_at` (extending, never shortening, a block).
    async fn block_caller(&self, row: &CallerBlockRow) -> Result<(), StoreError>;

    /// Lifts a caller's block; whether there was one.
    async fn unblock_caller(&self, tenant: &str, sub: &str) -> Result<bool, StoreError>;

    /// Every block still in force at `now` (and drops the others).
    async fn active_blocks(&self, now: i64) -> Result<Vec<CallerBlockRow>, StoreError>;
}

/// Implements [`GuardStore`] for a backend whose struct holds its sqlx pool in `pool`.
macro_rules! impl_guard_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::store::GuardStore for $store {
            async fn add_rate_count(
                &self,
                key: &str,
                window_start: i64,
                delta: i64,
            ) -> Result<i64, $crate::store::StoreError> {
                let (count,): (i64,) = sqlx::query_as(
                    "INSERT INTO rate_counters (key, window_start, count) VALUES ($1, $2, $3) \
                     ON CONFLICT (key, window_start) \
                       DO UPDATE SET count = rate_counters.count + excluded.count \
                     RETURNING count",
                )
                .bind(key)
                .bind(window_start)
                .bind(delta)
                .fetch_one(self.writes())
                .await?;
                Ok(count)
            }

            async fn drop_rate_counts(&self, before: i64) -> Result<(), $crate::store::StoreError> {
                sqlx::query("DELETE FROM rate_counters WHERE window_start < $1")
                    .bind(before)
                    .execute(self.writes())
                    .await?;
                Ok(())
            }

            async fn add_honey_token(
                &self,
                tenant: &str,
                row: &$crate::store::HoneyTokenRow,
            ) -> Result<(), $crate::store::StoreError> {
                sqlx::query(
                    "INSERT INTO honey_tokens (tenant, token_id, entity_type, created_at, created_by) \
                     VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(tenant)
                .bind(&row.token_id)
                .bind(&row.entity_type)
                .bind(row.created_at)
                .bind(&row.created_by)
                .execute(self.writes())
                .await?;
                Ok(())
            }

            async fn honey_tokens(
                &self,
                tenant: &str,
            ) -> Result<Vec<$crate::store::HoneyTokenRow>, $crate::store::StoreError> {
                let rows: Vec<(String, String, i64, String)> = sqlx::query_as(
                    "SELECT token_id, entity_type, created_at, created_by FROM honey_tokens \
                     WHERE tenant = $1 ORDER BY created_at, token_id",
                )
                .bind(tenant)
                .fetch_all(&self.pool)
                .await?;
                Ok(rows
                    .into_iter()
                    .map(|(token_id, entity_type, created_at, created_by)| {
                        $crate::store::HoneyTokenRow {
                            token_id,
                            entity_type,
                            created_at,
                            created_by,
                        }
                    })
                    .collect())
            }

            async fn block_caller(
                &self,
                row: &$crate::store::CallerBlockRow,
            ) -> Result<(), $crate::store::StoreError> {
                sqlx::query(
                    "INSERT INTO caller_blocks (tenant, sub, until_at, reason) \
                     VALUES ($1, $2, $3, $4) \
                     ON CONFLICT (tenant, sub) DO UPDATE SET \
                       until_at = CASE WHEN excluded.until_at > caller_blocks.until_at \
                                  THEN excluded.until_at ELSE caller_blocks.until_at END, \
                       reason = excluded.reason",
                )
                .bind(&row.tenant)
                .bind(&row.sub)
                .bind(row.until_at)
                .bind(&row.reason)
                .execute(self.writes())
                .await?;
                Ok(())
            }

            async fn unblock_caller(
                &self,
                tenant: &str,
                sub: &str,
            ) -> Result<bool, $crate::store::StoreError> {
                let done = sqlx::query("DELETE FROM caller_blocks WHERE tenant = $1 AND sub = $2")
                    .bind(tenant)
                    .bind(sub)
                    .execute(self.writes())
                    .await?;
                Ok(done.rows_affected() > 0)
            }

            async fn active_blocks(
                &self,
                now: i64,
            ) -> Result<Vec<$crate::store::CallerBlockRow>, $crate::store::StoreError> {
                sqlx::query("DELETE FROM caller_blocks WHERE until_at <= $1")
                    .bind(now)
                    .execute(self.writes())
                    .await?;
                let rows: Vec<(String, String, i64, String)> = sqlx::query_as(
                    "SELECT tenant, sub, until_at, reason FROM caller_blocks WHERE until_at > $1",
                )
                .bind(now)
                .fetch_all(&self.pool)
                .await?;
                Ok(rows
                    .into_iter()
                    .map(|(tenant, sub, until_at, reason)| $crate::store::CallerBlockRow {
                        tenant,
                        sub,
                        until_at,
                        reason,
                    })
                    .collect())
            }
        }
    };
}
pub(super) use impl_guard_store;
