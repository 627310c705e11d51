//! The audit log's rows: events appended once and never changed, their places in each
//! tenant's hash chain appended by the chainer as rows of their own (`audit_links`),
//! listed by filter, and the signed checkpoints of chain heads. Appending and linking many
//! rows at once, finding the events not linked yet, and the text search of the filter are
//! each backend's own ([`impl_audit_store`] takes them from its `audit` module); the rest
//! is written once.

use super::{
    AuditAppendRow, AuditFilter, AuditLink, CheckpointRow, StoreError, StoredAuditRow,
    UnlinkedAuditRows,
};

/// Persistence of the audit log.
#[async_trait::async_trait]
pub trait AuditStore: Send + Sync {
    /// Appends audit events (unlinked) in one transaction; an event conditional on a
    /// tenant state is stored only if its tenant is still at that key epoch and policy
    /// version (checked under a lock a key change must wait for). One flag per event:
    /// whether it was stored.
    async fn append_audits(&self, events: &[AuditAppendRow]) -> Result<Vec<bool>, StoreError>;

    /// Up to `limit` events no link names yet, at or above the chainer's floor, by tenant
    /// then insertion order; with the horizon the floor may be raised to once every such
    /// event is linked.
    async fn unlinked_audit(&self, limit: i64) -> Result<UnlinkedAuditRows, StoreError>;

    /// The last linked position of the tenant's chain and its hash.
    async fn audit_chain_head(&self, tenant: &str) -> Result<Option<(i64, Vec<u8>)>, StoreError>;

    /// Appends links into the tenant's chain and the checkpoint of its new head in one
    /// transaction; [`StoreError::Conflict`] when another chainer got there first (a
    /// position or an event linked twice).
    async fn link_audit(
        &self,
        tenant: &str,
        links: &[AuditLink],
        checkpoint: &CheckpointRow,
        at: i64,
    ) -> Result<(), StoreError>;

    /// Raises the chainer's floor to `horizon` (never lowers it).
    async fn raise_audit_floor(&self, horizon: i64) -> Result<(), StoreError>;

    /// The tenant's events matching `filter`, in insertion order.
    async fn audit_events(
        &self,
        tenant: &str,
        filter: &AuditFilter,
    ) -> Result<Vec<StoredAuditRow>, StoreError>;

    /// Up to `limit` of the tenant's linked events after chain position `after`, in chain
    /// order (verification reads a chain page by page this way).
    async fn linked_audit(
        &self,
        tenant: &str,
        after: i64,
        limit: i64,
    ) -> Result<Vec<StoredAuditRow>, StoreError>;

    /// How many of the tenant's events no link names yet.
    async fn unlinked_audit_count(&self, tenant: &str) -> Result<i64, StoreError>;

    /// Every tenant with audit events.
    async fn audit_tenants(&self) -> Result<Vec<String>, StoreError>;

    /// The tenant's checkpoints at chain positions `from..=to`, by position.
    async fn checkpoints(
        &self,
        tenant: &str,
        from: i64,
        to: i64,
    ) -> Result<Vec<CheckpointRow>, StoreError>;

    /// The highest position a checkpoint of `mac_version` covers in the tenant's chain.
    async fn last_checkpoint_of_version(
        &self,
        tenant: &str,
        mac_version: i64,
    ) -> Result<Option<i64>, StoreError>;
}

/// Implements [`AuditStore`] for a backend: `$dialect` is its module of what it writes
/// its own way (`append_audits` and `link_audit`, taking the pool; `HORIZON`, the query
/// of the position below which every event is visible, and `POSITION`, an event's
/// position; `DETAILS_CONTAIN_6`, the text search inside the shared `audit_events` filter).
macro_rules! impl_audit_store {
    ($store:ty, $($dialect:ident)::+) => {
        #[async_trait::async_trait]
        impl $crate::store::AuditStore for $store {
            async fn append_audits(
                &self,
                events: &[$crate::store::AuditAppendRow],
            ) -> Result<Vec<bool>, $crate::store::StoreError> {
                $($dialect)::+::append_audits(self, events).await
            }

            async fn unlinked_audit(
                &self,
                limit: i64,
            ) -> Result<$crate::store::UnlinkedAuditRows, $crate::store::StoreError> {
                // The horizon first: whatever lies below it was committed before the
                // events are read, so the read sees it.
                let (horizon,): (i64,) = sqlx::query_as($($dialect)::+::HORIZON)
                    .fetch_one(&self.pool)
                    .await?;
                let rows: Vec<$crate::store::rows::AuditTuple> = sqlx::query_as(&format!(
                    "{} WHERE {} >= (SELECT xact FROM audit_link_floor WHERE id = 1) \
                       AND l.seq IS NULL ORDER BY e.tenant, e.seq LIMIT $1",
                    $crate::store::rows::AUDIT_COLUMNS,
                    $($dialect)::+::POSITION
                ))
                .bind(limit)
                .fetch_all(&self.pool)
                .await?;
                Ok($crate::store::UnlinkedAuditRows {
                    horizon,
                    events: rows.into_iter().map($crate::store::rows::stored_event).collect(),
                })
            }

            async fn audit_chain_head(
                &self,
                tenant: &str,
            ) -> Result<Option<(i64, Vec<u8>)>, $crate::store::StoreError> {
                Ok(sqlx::query_as(
                    "SELECT chain_index, hash FROM audit_links WHERE tenant = $1 \
                     ORDER BY chain_index DESC LIMIT 1",
                )
                .bind(tenant)
                .fetch_optional(&self.pool)
                .await?)
            }

            async fn link_audit(
                &self,
                tenant: &str,
                links: &[$crate::store::AuditLink],
                checkpoint: &$crate::store::CheckpointRow,
                at: i64,
            ) -> Result<(), $crate::store::StoreError> {
                $($dialect)::+::link_audit(self.writes(), tenant, links, checkpoint, at).await
            }

            async fn raise_audit_floor(
                &self,
                horizon: i64,
            ) -> Result<(), $crate::store::StoreError> {
                sqlx::query("UPDATE audit_link_floor SET xact = $1 WHERE id = 1 AND xact < $1")
                    .bind(horizon)
                    .execute(self.writes())
                    .await?;
                Ok(())
            }

            async fn audit_events(
                &self,
                tenant: &str,
                filter: &$crate::store::AuditFilter,
            ) -> Result<Vec<$crate::store::StoredAuditRow>, $crate::store::StoreError> {
                // Each backend finds the token id in the details its own way; the rest of
                // the filter is the same SQL.
                let rows: Vec<$crate::store::rows::AuditTuple> = sqlx::query_as(&format!(
                    "{} WHERE e.tenant = $1 \
                       AND (CAST($2 AS BIGINT) IS NULL OR e.at >= $2) \
                       AND (CAST($3 AS BIGINT) IS NULL OR e.at < $3) \
                       AND (CAST($4 AS TEXT) IS NULL OR e.sub = $4) \
                       AND (CAST($5 AS TEXT) IS NULL OR e.action = $5) \
                       AND (CAST($6 AS TEXT) IS NULL OR {}) \
                       AND (CAST($7 AS BIGINT) IS NULL OR e.seq > $7) \
                     ORDER BY e.seq LIMIT $8",
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

            async fn linked_audit(
                &self,
                tenant: &str,
                after: i64,
                limit: i64,
            ) -> Result<Vec<$crate::store::StoredAuditRow>, $crate::store::StoreError> {
                let rows: Vec<$crate::store::rows::AuditTuple> = sqlx::query_as(&format!(
                    "{} WHERE l.tenant = $1 AND l.chain_index > $2 \
                     ORDER BY l.chain_index LIMIT $3",
                    $crate::store::rows::AUDIT_COLUMNS
                ))
                .bind(tenant)
                .bind(after)
                .bind(limit)
                .fetch_all(&self.pool)
                .await?;
                Ok(rows.into_iter().map($crate::store::rows::stored_event).collect())
            }

            async fn unlinked_audit_count(
                &self,
                tenant: &str,
            ) -> Result<i64, $crate::store::StoreError> {
                let (count,): (i64,) = sqlx::query_as(
                    "SELECT COUNT(*) FROM audit_events AS e WHERE e.tenant = $1 AND NOT EXISTS \
                     (SELECT 1 FROM audit_links AS l WHERE l.tenant = e.tenant AND l.seq = e.seq)",
                )
                .bind(tenant)
                .fetch_one(&self.pool)
                .await?;
                Ok(count)
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
                from: i64,
                to: i64,
            ) -> Result<Vec<$crate::store::CheckpointRow>, $crate::store::StoreError> {
                let rows: Vec<(i64, Vec<u8>, Vec<u8>, i64)> = sqlx::query_as(
                    "SELECT chain_index, hash, mac, CAST(mac_version AS BIGINT) \
                     FROM audit_checkpoints \
                     WHERE tenant = $1 AND chain_index >= $2 AND chain_index <= $3 \
                     ORDER BY chain_index",
                )
                .bind(tenant)
                .bind(from)
                .bind(to)
                .fetch_all(&self.pool)
                .await?;
                Ok(rows
                    .into_iter()
                    .map(|(chain_index, hash, mac, mac_version)| $crate::store::CheckpointRow {
                        chain_index,
                        hash,
                        mac,
                        mac_version,
                    })
                    .collect())
            }

            async fn last_checkpoint_of_version(
                &self,
                tenant: &str,
                mac_version: i64,
            ) -> Result<Option<i64>, $crate::store::StoreError> {
                let (last,): (Option<i64>,) = sqlx::query_as(
                    "SELECT MAX(chain_index) FROM audit_checkpoints \
                     WHERE tenant = $1 AND mac_version = $2",
                )
                .bind(tenant)
                .bind(mac_version)
                .fetch_one(&self.pool)
                .await?;
                Ok(last)
            }
        }
    };
}
pub(super) use impl_audit_store;
