//! Entries on SQLite: one transaction, one row at a time (no arrays). The transaction
//! holds the write lock from its start, so the tenant's state cannot change between the
//! check and the writes.

use sqlx::sqlite::SqlitePool;
use sqlx::{Sqlite, Transaction};

use crate::store::entries::ON_FINGERPRINT_CONFLICT;
use crate::store::rows::{entry_row, EntryTuple, ENTRY_COLUMNS};
use crate::store::{EntryRow, EntryWriteRow, ResealRow, StoreError};

use super::audit::insert_audit;
use super::SqliteStore;

/// See [`crate::store::EntryStore::put_entry_writes`]: every request of the batch in one
/// transaction (one commit, one sync), each checked against its tenant's state first. A
/// later request's entry whose fingerprint an earlier one wrote finds that row through
/// the conflict clause.
pub(super) async fn put_entry_writes(
    store: &SqliteStore,
    writes: &[EntryWriteRow],
) -> Result<Vec<Option<Vec<String>>>, StoreError> {
    let mut tx = store.writes().begin_with(SqliteStore::BEGIN_WRITE).await?;
    let mut outcomes = Vec::with_capacity(writes.len());
    for write in writes {
        outcomes.push(put_write(&mut tx, write).await?);
    }
    tx.commit().await?;
    Ok(outcomes)
}

/// One request's write inside the batch's transaction; `None`, with nothing written,
/// when its tenant's state is not the expected one.
async fn put_write(
    tx: &mut Transaction<'_, Sqlite>,
    write: &EntryWriteRow,
) -> Result<Option<Vec<String>>, StoreError> {
    let (key_epoch, policy_version): (Option<i64>, Option<i64>) = sqlx::query_as(
        "SELECT (SELECT key_epoch FROM tenants WHERE tenant = $1), \
                (SELECT version FROM tenant_policies WHERE tenant = $1)",
    )
    .bind(&write.tenant)
    .fetch_one(&mut **tx)
    .await?;
    // An unknown tenant is never fresh, as on Postgres: its keys were never read.
    if key_epoch.is_none()
        || key_epoch != write.expected.key_epoch
        || policy_version != write.expected.policy_version
    {
        return Ok(None);
    }
    insert_audit(tx, &write.event).await?;
    let insert = format!(
        "INSERT INTO vault_entries (tenant, token_id, entity_type, key_version, sealed_value, \
           fingerprint, ctx, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) {ON_FINGERPRINT_CONFLICT} \
         RETURNING token_id"
    );
    let mut ids = Vec::with_capacity(write.entries.len());
    for entry in &write.entries {
        let (token_id,): (String,) = sqlx::query_as(&insert)
            .bind(&write.tenant)
            .bind(&entry.token_id)
            .bind(&entry.entity_type)
            .bind(entry.key_version)
            .bind(&entry.sealed_value)
            .bind(&entry.fingerprint)
            .bind(&entry.ctx)
            .bind(entry.created_at)
            .bind(entry.expires_at)
            .fetch_one(&mut **tx)
            .await?;
        ids.push(token_id);
    }
    Ok(Some(ids))
}

/// Entries and honey tokens among the ids. SQLite has no arrays: the ids go in as one
/// JSON array, expanded in SQL.
pub(super) async fn entries(
    pool: &SqlitePool,
    tenant: &str,
    token_ids: &[String],
) -> Result<Vec<EntryRow>, StoreError> {
    let ids_json = serde_json::to_string(token_ids)
        .map_err(|e| StoreError::Database(sqlx::Error::Encode(Box::new(e))))?;
    let rows: Vec<EntryTuple> = sqlx::query_as(&format!(
        "{ENTRY_COLUMNS}, 0 FROM vault_entries \
           WHERE tenant = $1 AND token_id IN (SELECT value FROM json_each($2)) \
         UNION ALL SELECT token_id, entity_type, 0, x'', NULL, NULL, 1 FROM honey_tokens \
           WHERE tenant = $1 AND token_id IN (SELECT value FROM json_each($2))"
    ))
    .bind(tenant)
    .bind(ids_json)
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(entry_row).collect())
}

/// One `UPDATE` per row, inside the caller's transaction.
pub(super) async fn reseal_entries(
    tx: &mut Transaction<'_, Sqlite>,
    tenant: &str,
    rows: &[ResealRow],
) -> Result<u64, StoreError> {
    let mut changed = 0;
    for row in rows {
        changed += sqlx::query(
            "UPDATE vault_entries SET sealed_value = $4, key_version = $5 \
             WHERE tenant = $1 AND token_id = $2 AND key_version = $3",
        )
        .bind(tenant)
        .bind(&row.token_id)
        .bind(row.old_version)
        .bind(&row.sealed_value)
        .bind(row.new_version)
        .execute(&mut **tx)
        .await?
        .rows_affected();
    }
    Ok(changed)
}
