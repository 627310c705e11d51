//! Entries on Postgres: a whole request's entries, its audit event and the freshness
//! check of the tenant's state in one statement over arrays.

use std::collections::HashMap;

use sqlx::postgres::PgPool;
use sqlx::{Postgres, Transaction};

use crate::store::entries::ON_FINGERPRINT_CONFLICT;
use crate::store::rows::{entry_row, EntryTuple, ENTRY_COLUMNS};
use crate::store::{AuditEventRow, EntryRow, NewEntryRow, ResealRow, StoreError, TenantStateRow};

/// One round trip, one commit, and no tokens without their event. `ON CONFLICT DO
/// UPDATE` (not `DO NOTHING`) so that `RETURNING` yields the existing row's token id even
/// when a concurrent transaction committed it after our snapshot was taken. The state
/// check takes a share lock on the tenant row, so a concurrent key change waits for this
/// insert, or this insert sees it.
pub(super) async fn put_entries(
    pool: &PgPool,
    tenant: &str,
    entries: &[NewEntryRow],
    event: &AuditEventRow,
    expected: &TenantStateRow,
) -> Result<Option<Vec<String>>, StoreError> {
    let rows: Vec<(bool, Option<String>, Option<Vec<u8>>)> = sqlx::query_as(&format!(
        "WITH state AS ( \
           SELECT COALESCE((SELECT key_epoch = $16 FROM tenants WHERE tenant = $1 FOR SHARE), false) \
              AND (SELECT version FROM tenant_policies WHERE tenant = $1) IS NOT DISTINCT FROM $17::int8 \
              AS fresh), \
         event AS ( \
           INSERT INTO audit_events (tenant, at, sub, action, outcome, request_id, details) \
           SELECT $1, $10, $11, $12, $13, $14, $15 FROM state WHERE fresh), \
         stored AS ( \
         INSERT INTO vault_entries \
           (tenant, token_id, entity_type, key_version, sealed_value, fingerprint, ctx, created_at, expires_at) \
         SELECT $1, u.* FROM UNNEST($2::text[], $3::text[], $4::int8[], $5::bytea[], $6::bytea[], \
                                  $7::text[], $8::int8[], $9::int8[]) AS u \
         WHERE (SELECT fresh FROM state) \
         {ON_FINGERPRINT_CONFLICT}) \
         SELECT (SELECT fresh FROM state), s.token_id, s.fingerprint FROM (SELECT 1) AS one \
         LEFT JOIN stored AS s ON true"
    ))
    .bind(tenant)
    .bind(entries.iter().map(|e| e.token_id.as_str()).collect::<Vec<_>>())
    .bind(entries.iter().map(|e| e.entity_type.as_str()).collect::<Vec<_>>())
    .bind(entries.iter().map(|e| e.key_version).collect::<Vec<_>>())
    .bind(entries.iter().map(|e| e.sealed_value.as_slice()).collect::<Vec<_>>())
    .bind(entries.iter().map(|e| e.fingerprint.as_deref()).collect::<Vec<_>>())
    .bind(entries.iter().map(|e| e.ctx.as_deref()).collect::<Vec<_>>())
    .bind(entries.iter().map(|e| e.created_at).collect::<Vec<_>>())
    .bind(entries.iter().map(|e| e.expires_at).collect::<Vec<_>>())
    .bind(event.at)
    .bind(&event.sub)
    .bind(&event.action)
    .bind(&event.outcome)
    .bind(&event.request_id)
    .bind(&event.details)
    .bind(expected.key_epoch)
    .bind(expected.policy_version)
    .fetch_all(pool)
    .await?;
    if !rows.first().is_some_and(|(fresh, _, _)| *fresh) {
        return Ok(None);
    }
    let by_fingerprint: HashMap<Vec<u8>, String> = rows
        .into_iter()
        .filter_map(|(_, id, fp)| id.zip(fp).map(|(id, fp)| (fp, id)))
        .collect();
    entries
        .iter()
        .map(|entry| match &entry.fingerprint {
            None => Ok(entry.token_id.clone()),
            Some(fp) => by_fingerprint.get(fp).cloned().ok_or(StoreError::Conflict),
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

/// Entries and honey tokens among the ids, passed as one array.
pub(super) async fn entries(
    pool: &PgPool,
    tenant: &str,
    token_ids: &[String],
) -> Result<Vec<EntryRow>, StoreError> {
    let rows: Vec<EntryTuple> = sqlx::query_as(&format!(
        "{ENTRY_COLUMNS}, false FROM vault_entries WHERE tenant = $1 AND token_id = ANY($2) \
         UNION ALL SELECT token_id, entity_type, 0::int8, ''::bytea, NULL::text, NULL::int8, true \
         FROM honey_tokens WHERE tenant = $1 AND token_id = ANY($2)"
    ))
    .bind(tenant)
    .bind(token_ids)
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(entry_row).collect())
}

/// Every row of the batch in one `UPDATE … FROM UNNEST`.
pub(super) async fn reseal_entries(
    tx: &mut Transaction<'_, Postgres>,
    tenant: &str,
    rows: &[ResealRow],
) -> Result<u64, StoreError> {
    Ok(sqlx::query(
        "UPDATE vault_entries AS v SET sealed_value = u.sealed_value, key_version = u.new_version \
         FROM UNNEST($2::text[], $3::int8[], $4::int8[], $5::bytea[]) \
              AS u(token_id, old_version, new_version, sealed_value) \
         WHERE v.tenant = $1 AND v.token_id = u.token_id AND v.key_version = u.old_version",
    )
    .bind(tenant)
    .bind(rows.iter().map(|r| r.token_id.as_str()).collect::<Vec<_>>())
    .bind(rows.iter().map(|r| r.old_version).collect::<Vec<_>>())
    .bind(rows.iter().map(|r| r.new_version).collect::<Vec<_>>())
    .bind(
        rows.iter()
            .map(|r| r.sealed_value.as_slice())
            .collect::<Vec<_>>(),
    )
    .execute(&mut **tx)
    .await?
    .rows_affected())
}
