//! Audit rows on SQLite: one statement per event or link, inside one transaction.

use sqlx::sqlite::SqlitePool;
use sqlx::{Sqlite, Transaction};

use crate::store::{AuditAppendRow, AuditEventRow, AuditLink, CheckpointRow, StoreError};

/// How the audit filter finds a quoted token id in an event's details (`$6`).
pub(super) const DETAILS_CONTAIN_6: &str = "instr(e.details, $6) > 0";

/// One past the last event: one writer at a time makes events visible in insertion order,
/// so every event below it is visible.
pub(super) const HORIZON: &str = "SELECT COALESCE(MAX(seq), 0) + 1 FROM audit_events";

/// An event's position: its insertion number.
pub(super) const POSITION: &str = "e.seq";

/// Every event, in one transaction; an event conditional on a tenant state is left out
/// when its tenant is at another one (the transaction holds the write lock, so no key
/// change can come in between). Returns which were stored.
pub(super) async fn append_audits(
    store: &super::SqliteStore,
    appends: &[AuditAppendRow],
) -> Result<Vec<bool>, StoreError> {
    let mut tx = store
        .writes()
        .begin_with(super::SqliteStore::BEGIN_WRITE)
        .await?;
    let mut kept = Vec::with_capacity(appends.len());
    for append in appends {
        let current = match append.only_at_state {
            None => true,
            Some(state) => {
                let (same,): (bool,) = sqlx::query_as(
                    "SELECT EXISTS (SELECT 1 FROM tenants WHERE tenant = $1 AND key_epoch = $2) \
                       AND (SELECT version FROM tenant_policies WHERE tenant = $1) IS $3",
                )
                .bind(&append.event.tenant)
                .bind(state.key_epoch)
                .bind(state.policy_version)
                .fetch_one(&mut *tx)
                .await?;
                same
            }
        };
        if current {
            insert_audit(&mut tx, &append.event).await?;
        }
        kept.push(current);
    }
    tx.commit().await?;
    Ok(kept)
}

/// One unlinked event, inside the caller's transaction (tokenize writes its event this way).
pub(super) async fn insert_audit(
    tx: &mut Transaction<'_, Sqlite>,
    event: &AuditEventRow,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO audit_events (tenant, at, sub, action, outcome, request_id, details, mac) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&event.tenant)
    .bind(event.at)
    .bind(&event.sub)
    .bind(&event.action)
    .bind(&event.outcome)
    .bind(&event.request_id)
    .bind(&event.details)
    .bind(&event.mac)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Every link and the checkpoint of the new head in one transaction; the keys on
/// (tenant, position) and (tenant, event) refuse a second chainer's links, and the whole
/// batch with them.
pub(super) async fn link_audit(
    pool: &SqlitePool,
    tenant: &str,
    links: &[AuditLink],
    checkpoint: &CheckpointRow,
    at: i64,
) -> Result<(), StoreError> {
    let mut tx = pool.begin_with(super::SqliteStore::BEGIN_WRITE).await?;
    for link in links {
        sqlx::query(
            "INSERT INTO audit_links (tenant, chain_index, seq, prev_hash, hash) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(tenant)
        .bind(link.chain_index)
        .bind(link.seq)
        .bind(&link.prev_hash)
        .bind(&link.hash)
        .execute(&mut *tx)
        .await?;
    }
    sqlx::query(
        "INSERT INTO audit_checkpoints (tenant, chain_index, hash, mac, mac_version, at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(tenant)
    .bind(checkpoint.chain_index)
    .bind(&checkpoint.hash)
    .bind(&checkpoint.mac)
    .bind(checkpoint.mac_version)
    .bind(at)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}
