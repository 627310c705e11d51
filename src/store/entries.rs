//! Entries: the sealed values behind tokens. Writing and reading them is where the two
//! backends part ways (Postgres takes a whole request in one statement over arrays; SQLite
//! has no arrays), so [`impl_entry_store`] takes those statements from the backend's own
//! `entries` module and writes the rest once.

use super::{
    AuditEventRow, EntryRow, EntryWriteRow, JobProgress, NewEntryRow, ResealRow, StoreError,
    TenantStateRow,
};

/// Persistence of sealed entries.
#[async_trait::async_trait]
pub trait EntryStore: Send + Sync {
    /// Stores many tokenize requests' writes in one transaction: for each, its entries
    /// and its audit event, or nothing at all when the tenant's key epoch or policy
    /// version is no longer the `expected` one (another instance changed them; the
    /// outcome is then `None`). For each stored entry, the outcome holds the token id
    /// that stands for it: its own, or that of an existing entry with the same
    /// fingerprint (also one written earlier in the same batch).
    ///
    /// The check and the writes are one statement (Postgres: with a share lock on each
    /// tenant row, so a key change waits for it) or one transaction (SQLite: one writer
    /// at a time).
    async fn put_entry_writes(
        &self,
        writes: &[EntryWriteRow],
    ) -> Result<Vec<Option<Vec<String>>>, StoreError>;

    /// One request's write (see [`EntryStore::put_entry_writes`]).
    async fn put_entries(
        &self,
        tenant: &str,
        entries: &[NewEntryRow],
        event: &AuditEventRow,
        expected: &TenantStateRow,
    ) -> Result<Option<Vec<String>>, StoreError> {
        let write = EntryWriteRow {
            tenant: tenant.to_owned(),
            entries: entries.to_vec(),
            event: event.clone(),
            expected: *expected,
        };
        Ok(self
            .put_entry_writes(std::slice::from_ref(&write))
            .await?
            .pop()
            .flatten())
    }

    /// The entries of `tenant` among `token_ids`, in no particular order.
    async fn entries(
        &self,
        tenant: &str,
        token_ids: &[String],
    ) -> Result<Vec<EntryRow>, StoreError>;

    /// Up to `limit` records of the tenant sealed with another version than `active`, with
    /// token ids after `after`, in token id order.
    async fn stale_entries(
        &self,
        tenant: &str,
        active: i64,
        after: &str,
        limit: i64,
    ) -> Result<Vec<EntryRow>, StoreError>;

    /// Replaces sealed values (each only if still sealed with its old version) and
    /// records the job's progress, in one transaction. Returns the rows changed.
    async fn reseal_entries(
        &self,
        tenant: &str,
        rows: &[ResealRow],
        job: &JobProgress,
    ) -> Result<u64, StoreError>;

    /// Deletes up to `limit` records whose time to live ended before `now`.
    async fn purge_expired(&self, now: i64, limit: i64) -> Result<u64, StoreError>;
}

/// Implements [`EntryStore`] for a backend: `$dialect` is its module of the statements it
/// writes its own way (`put_entry_writes`, taking the store; `entries`, taking the pool; `reseal_entries`,
/// taking the transaction that also records the job's progress).
macro_rules! impl_entry_store {
    ($store:ty, $($dialect:ident)::+) => {
        #[async_trait::async_trait]
        impl $crate::store::EntryStore for $store {
            #[tracing::instrument(level = "debug", skip_all, fields(writes = writes.len()))]
            async fn put_entry_writes(
                &self,
                writes: &[$crate::store::EntryWriteRow],
            ) -> Result<Vec<Option<Vec<String>>>, $crate::store::StoreError> {
                if writes.is_empty() {
                    return Ok(Vec::new());
                }
                $($dialect)::+::put_entry_writes(self, writes).await
            }

            #[tracing::instrument(level = "debug", skip_all, fields(ids = token_ids.len()))]
            async fn entries(
                &self,
                tenant: &str,
                token_ids: &[String],
            ) -> Result<Vec<$crate::store::EntryRow>, $crate::store::StoreError> {
                if token_ids.is_empty() {
                    return Ok(Vec::new());
                }
                $($dialect)::+::entries(&self.pool, tenant, token_ids).await
            }

            #[tracing::instrument(level = "debug", skip_all)]
            async fn stale_entries(
                &self,
                tenant: &str,
                active: i64,
                after: &str,
                limit: i64,
            ) -> Result<Vec<$crate::store::EntryRow>, $crate::store::StoreError> {
                let rows: Vec<$crate::store::rows::EntryTuple> = sqlx::query_as(&format!(
                    "{}, FALSE FROM vault_entries \
                     WHERE tenant = $1 AND key_version <> $2 AND token_id > $3 \
                     ORDER BY token_id LIMIT $4",
                    $crate::store::rows::ENTRY_COLUMNS
                ))
                .bind(tenant)
                .bind(active)
                .bind(after)
                .bind(limit)
                .fetch_all(&self.pool)
                .await?;
                Ok(rows.into_iter().map($crate::store::rows::entry_row).collect())
            }

            #[tracing::instrument(level = "debug", skip_all, fields(rows = rows.len()))]
            async fn reseal_entries(
                &self,
                tenant: &str,
                rows: &[$crate::store::ResealRow],
                job: &$crate::store::JobProgress,
            ) -> Result<u64, $crate::store::StoreError> {
                let mut tx = self.writes().begin_with(Self::BEGIN_WRITE).await?;
                let changed = $($dialect)::+::reseal_entries(&mut tx, tenant, rows).await?;
                sqlx::query(
                    "UPDATE key_jobs SET processed = processed + $2, cursor_token = $3, \
                       updated_at = $4 WHERE id = $1",
                )
                .bind(&job.id)
                .bind(job.processed)
                .bind(&job.cursor_token)
                .bind(job.now)
                .execute(&mut *tx)
                .await?;
                tx.commit().await?;
                Ok(changed)
            }

            #[tracing::instrument(level = "debug", skip_all)]
            async fn purge_expired(
                &self,
                now: i64,
                limit: i64,
            ) -> Result<u64, $crate::store::StoreError> {
                Ok(sqlx::query(
                    "DELETE FROM vault_entries WHERE (tenant, token_id) IN \
                       (SELECT tenant, token_id FROM vault_entries WHERE expires_at < $1 LIMIT $2)",
                )
                .bind(now)
                .bind(limit)
                .execute(self.writes())
                .await?
                .rows_affected())
            }
        }
    };
}
pub(super) use impl_entry_store;

/// Existing rows with the same fingerprint keep their token id, unless their time to live
/// is over (then the new token replaces them; the old id stays unknown); either way they
/// take the new expiry. Both backends end their insert with this clause, followed by
/// their own `RETURNING`.
pub(super) const ON_FINGERPRINT_CONFLICT: &str = "ON CONFLICT (tenant, fingerprint) WHERE fingerprint IS NOT NULL DO UPDATE SET \
   token_id = CASE WHEN vault_entries.expires_at <= excluded.created_at THEN excluded.token_id ELSE vault_entries.token_id END, \
   entity_type = CASE WHEN vault_entries.expires_at <= excluded.created_at THEN excluded.entity_type ELSE vault_entries.entity_type END, \
   key_version = CASE WHEN vault_entries.expires_at <= excluded.created_at THEN excluded.key_version ELSE vault_entries.key_version END, \
   sealed_value = CASE WHEN vault_entries.expires_at <= excluded.created_at THEN excluded.sealed_value ELSE vault_entries.sealed_value END, \
   created_at = CASE WHEN vault_entries.expires_at <= excluded.created_at THEN excluded.created_at ELSE vault_entries.created_at END, \
   expires_at = excluded.expires_at";
