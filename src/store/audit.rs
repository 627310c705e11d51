//! The audit log's rows: events appended unlinked, linked into each tenant's hash chain by
//! the chainer, listed by filter, and the signed checkpoints of chain heads. Appending and
//! linking many rows at once, and the text search of the filter, are each backend's own
//! ([`impl_audit_store`] takes them from its `audit` module); the rest is written once.

use super::{AuditAppendRow, AuditFilter, AuditLink, CheckpointRow, StoreError, StoredAuditRow};

/// Persistence of the audit log.
#[async_trait::async_trait]
pub trait AuditStore: Send + Sync {
    /// Appends audit events (unlinked) in one transaction; an event conditional on a key
    /// epoch is stored only if its tenant is still at that epoch. One flag per event:
    /// whether it was stored.
    async fn append_audits(&self, events: &[AuditAppendRow]) -> Result<Vec<bool>, StoreError>;

    /// Tenants with audit events not linked into their chain yet.
    async fn tenants_with_unlinked_audit(&self) -> Result<Vec<String>, StoreError>;

    /// The last linked position of the tenant's chain and its hash.
    async fn audit_chain_head(&self, tenant: &str) -> Result<Option<(i64, Vec<u8>)>, StoreError>;

    /// Up to `limit` unlinked events of the tenant, in insertion order.
    async fn unlinked_audit(
        &self,
        tenant: &str,
        limit: i64,
    ) -> Result<Vec<StoredAuditRow>, StoreError>;

    /// Links events into the chain in one transaction; [`StoreError::Conflict`] when
    /// another chainer got there first.
    async fn link_audit(&self, tenant: &str, links: &[AuditLink]) -> Result<(), StoreError>;

    /// The tenant's events matching `filter`, in insertion order.
    async fn audit_events(
        &self,
        tenant: &str,
        filter: &AuditFilter,
    ) -> Result<Vec<StoredAuditRow>, StoreError>;

    /// Stores a signed chain head (a second one for the same position is ignored).
    async fn add_checkpoint(
        &self,
        tenant: &str,
        checkpoint: &CheckpointRow,
        at: i64,
    ) -> Result<(), StoreError>;

    /// Every tenant with audit events.
    async fn audit_tenants(&self) -> Result<Vec<String>, StoreError>;

    /// The tenant's checkpoints, by chain position.
    async fn checkpoints(&self, tenant: &str) -> Result<Vec<CheckpointRow>, StoreError>;
}

/// Implements [`AuditStore`] for a backend: `$dialect` is its module of what it writes
/// its own way (`append_audits` and `link_audit`, taking the pool, and
/// `DETAILS_CONTAIN_6`, the text search inside the shared `audit_events` filter).
macro_rules! impl_audit_store {
    ($store:ty, $($dialect:ident)::+) => {
        #[async_trait::async_trait]
        impl $crate::store::AuditStore for $store {
            async fn append_audits(
                &self,
                events: &[$crate::store::AuditAppendRow],
            ) -> Result<Vec<bool>, $crate::store::StoreError> {
                $($dialect)::+::append_audits(self.writes(), events).await
            }

            async fn tenants_with_unlinked_audit(
                &self,
            ) -> Result<Vec<String>, $crate::store::StoreError> {
                let rows: Vec<(String,)> = sqlx::query_as(
                    "SELECT DISTINCT tenant FROM audit_events WHERE chain_index IS NULL",
                )
                .fetch_all(&self.pool)
                .await?;
                Ok(rows.into_iter().map(|(t,)| t).collect())
            }

            async fn audit_chain_head(
                &self,
                tenant: &str,
            ) -> Result<Option<(i64, Vec<u8>)>, $crate::store::StoreError> {
                Ok(sqlx::query_as(
                    "SELECT chain_index, hash FROM audit_events \
                     WHERE tenant = $1 AND chain_index IS NOT NULL \
                     ORDER BY chain_index DESC LIMIT 1",
                )
                .bind(tenant)
                .fetch_optional(&self.pool)
                .await?)
            }

            async fn unlinked_audit(
                &self,
                tenant: &str,
                limit: i64,
            ) -> Result<Vec<$crate::store::StoredAuditRow>, $crate::store::StoreError> {
                let rows: Vec<$crate::store::rows::AuditTuple> = sqlx::query_as(&format!(
                    "{} WHERE tenant = $1 AND chain_index IS NULL ORDER BY seq LIMIT $2",
                    $crate::store::rows::AUDIT_COLUMNS
                ))
                .bind(tenant)
                .bind(limit)
                .fetch_all(&self.pool)
                .await?;
                Ok(rows.into_iter().map($crate::store::rows::stored_event).collect())
            }

            async fn link_audit(
                &self,
                tenant: &str,
                links: &[$crate::store::AuditLink],
            ) -> Result<(), $crate::store::StoreError> {
                $($dialect)::+::link_audit(self.writes(), tenant, links).await
            }

            async fn audit_events(
                &self,
                tenant: &str,
                filter: &$crate::store::AuditFilter,
            ) -> Result<Vec<$crate::store::StoredAuditRow>, $crate::store::StoreError> {
                // Each backend finds the token id in the details its own way; the rest of
                // the filter is the same SQL.
                let rows: Vec<$crate::store::rows::AuditTuple> = sqlx::query_as(&format!(
                    "{} WHERE tenant = $1 \
                       AND (CAST($2 AS BIGINT) IS NULL OR at >= $2) \
                       AND (CAST($3 AS BIGINT) IS NULL OR at < $3) \
                       AND (CAST($4 AS TEXT) IS NULL OR sub = $4) \
                       AND (CAST($5 AS TEXT) IS NULL OR action = $5) \
                       AND (CAST($6 AS TEXT) IS NULL OR {}) \
                       AND (CAST($7 AS BIGINT) IS NULL OR seq > $7) \
                     ORDER BY seq LIMIT $8",
                    $crate::store::rows::AUDIT_COLUMNS,
                    $($dialect)::+::DETAILS_CONTAIN_6
                ))
                .bind(tenant)
                .bind(filter.since)
                .bind(filter.until)
                .bind(&filter.sub)
                .bind(&filter.action)
                .bind(filter.token_id.as_ref().map(|id| format!("\"{id}\"")))
                .bind(filter.after_seq)
                .bind(filter.limit)
                .fetch_all(&self.pool)
                .await?;
                Ok(rows.into_iter().map($crate::store::rows::stored_event).collect())
            }

            async fn add_checkpoint(
                &self,
                tenant: &str,
                checkpoint: &$crate::store::CheckpointRow,
                at: i64,
            ) -> Result<(), $crate::store::StoreError> {
                sqlx::query(
                    "INSERT INTO audit_checkpoints (tenant, chain_index, hash, mac, at) \
                     VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
                )
                .bind(tenant)
                .bind(checkpoint.chain_index)
                .bind(&checkpoint.hash)
                .bind(&checkpoint.mac)
                .bind(at)
                .execute(self.writes())
                .await?;
                Ok(())
            }

            async fn audit_tenants(&self) -> Result<Vec<String>, $crate::store::StoreError> {
                let rows: Vec<(String,)> =
                    sqlx::query_as("SELECT DISTINCT tenant FROM audit_events ORDER BY tenant")
                        .fetch_all(&self.pool)
                        .await?;
                Ok(rows.into_iter().map(|(t,)| t).collect())
            }

            async fn checkpoints(
                &self,
                tenant: &str,
            ) -> Result<Vec<$crate::store::CheckpointRow>, $crate::store::StoreError> {
                let rows: Vec<(i64, Vec<u8>, Vec<u8>)> = sqlx::query_as(
                    "SELECT chain_index, hash, mac FROM audit_checkpoints \
                     WHERE tenant = $1 ORDER BY chain_index",
                )
                .bind(tenant)
                .fetch_all(&self.pool)
                .await?;
                Ok(rows
                    .into_iter()
                    .map(|(chain_index, hash, mac)| $crate::store::CheckpointRow {
                        chain_index,
                        hash,
                        mac,
                    })
                    .collect())
            }
        }
    };
}
pub(super) use impl_audit_store;
