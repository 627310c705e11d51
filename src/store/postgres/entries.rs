//! Entries on Postgres: a whole batch of requests' entries, their audit events and the
//! freshness checks of their tenants' states in one statement over arrays.

use std::collections::{HashMap, HashSet};

use sqlx::postgres::PgPool;
use sqlx::{Postgres, Transaction};

use super::PgStore;
use crate::store::entries::ON_FINGERPRINT_CONFLICT;
use crate::store::rows::{entry_row, EntryTuple, ENTRY_COLUMNS};
use crate::store::{EntryRow, EntryWriteRow, NewEntryRow, ResealRow, StoreError};

/// Either a fresh request's index, or a stored entry's tenant, id and fingerprint.
type Returned = (Option<i32>, Option<String>, Option<String>, Option<Vec<u8>>);

/// Every request of the batch in one statement: one round trip, one commit, and no
/// tokens without their event. The state check joins each request to its tenant row
/// with a share lock, so a concurrent key change waits for this insert, or this insert
/// sees it. Locks are taken in one order (tenant rows by tenant, fingerprinted entries by
/// tenant and fingerprint), so two batches that share values wait for each other instead
/// of deadlocking. `ON CONFLICT DO UPDATE` (not `DO NOTHING`) so that `RETURNING` yields the existing
/// row's token id even when a concurrent transaction committed it after our snapshot was
/// taken. One statement may not update a row twice, so entries with equal fingerprints
/// in different requests of the batch are sent once (see [`BatchArrays`]). Entries without
/// a fingerprint cannot conflict and take a plain insert: `ON CONFLICT` makes every row a
/// speculative insertion, which costs more.
pub(super) async fn put_entry_writes(
    store: &PgStore,
    writes: &[EntryWriteRow],
) -> Result<Vec<Option<Vec<String>>>, StoreError> {
    if store.citus {
        return super::citus::put_entry_writes(store.writes(), writes).await;
    }
    let pool = store.writes();
    let arrays = BatchArrays::of(writes);
    let rows: Vec<Returned> =
        sqlx::query_as(&format!(
            "WITH request AS ( \
               SELECT * FROM UNNEST($1::int4[], $2::text[], $3::int8[], $4::int8[], $5::int8[], \
                                    $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], \
                                    $20::bytea[]) \
                 AS r(n, tenant, key_epoch, policy_version, at, sub, action, outcome, request_id, \
                      details, mac)), \
             fresh AS ( \
               SELECT r.* FROM request AS r JOIN tenants AS t \
                 ON t.tenant = r.tenant AND t.key_epoch = r.key_epoch \
               WHERE (SELECT p.version FROM tenant_policies AS p WHERE p.tenant = r.tenant) \
                     IS NOT DISTINCT FROM r.policy_version \
               ORDER BY r.tenant FOR SHARE OF t), \
             event AS ( \
               INSERT INTO audit_events (tenant, at, sub, action, outcome, request_id, details, \
                                         mac) \
               SELECT tenant, at, sub, action, outcome, request_id, details, mac FROM fresh \
               ORDER BY n), \
             entry AS ( \
               SELECT f.tenant, u.token_id, u.entity_type, u.key_version, u.sealed_value, \
                      u.fingerprint, u.ctx, u.created_at, u.expires_at \
               FROM UNNEST($11::int4[], $12::text[], $13::text[], $14::int8[], $15::bytea[], \
                           $16::bytea[], $17::text[], $18::int8[], $19::int8[]) \
                 AS u(n, token_id, entity_type, key_version, sealed_value, fingerprint, ctx, \
                      created_at, expires_at) \
               JOIN fresh AS f ON f.n = u.n), \
             unique_to_request AS ( \
               INSERT INTO vault_entries (tenant, token_id, entity_type, key_version, sealed_value, \
                                          fingerprint, ctx, created_at, expires_at) \
               SELECT * FROM entry WHERE fingerprint IS NULL), \
             stored AS ( \
               INSERT INTO vault_entries (tenant, token_id, entity_type, key_version, sealed_value, \
                                          fingerprint, ctx, created_at, expires_at) \
               SELECT * FROM entry WHERE fingerprint IS NOT NULL ORDER BY tenant, fingerprint \
               {ON_FINGERPRINT_CONFLICT} RETURNING tenant, token_id, fingerprint) \
           SELECT n, NULL, NULL, NULL FROM fresh \
           UNION ALL SELECT NULL, tenant, token_id, fingerprint FROM stored"
        ))
        .bind(&arrays.request)
        .bind(writes.iter().map(|w| w.tenant.as_str()).collect::<Vec<_>>())
        .bind(writes.iter().map(|w| w.expected.key_epoch).collect::<Vec<_>>())
        .bind(writes.iter().map(|w| w.expected.policy_version).collect::<Vec<_>>())
        .bind(writes.iter().map(|w| w.event.at).collect::<Vec<_>>())
        .bind(writes.iter().map(|w| w.event.sub.as_str()).collect::<Vec<_>>())
        .bind(writes.iter().map(|w| w.event.action.as_str()).collect::<Vec<_>>())
        .bind(writes.iter().map(|w| w.event.outcome.as_str()).collect::<Vec<_>>())
        .bind(writes.iter().map(|w| w.event.request_id.as_str()).collect::<Vec<_>>())
        .bind(writes.iter().map(|w| w.event.details.as_str()).collect::<Vec<_>>())
        .bind(&arrays.entry_request)
        .bind(arrays.entries.iter().map(|e| e.token_id.as_str()).collect::<Vec<_>>())
        .bind(arrays.entries.iter().map(|e| e.entity_type.as_str()).collect::<Vec<_>>())
        .bind(arrays.entries.iter().map(|e| e.key_version).collect::<Vec<_>>())
        .bind(arrays.entries.iter().map(|e| e.sealed_value.as_slice()).collect::<Vec<_>>())
        .bind(arrays.entries.iter().map(|e| e.fingerprint.as_deref()).collect::<Vec<_>>())
        .bind(arrays.entries.iter().map(|e| e.ctx.as_deref()).collect::<Vec<_>>())
        .bind(arrays.entries.iter().map(|e| e.created_at).collect::<Vec<_>>())
        .bind(arrays.entries.iter().map(|e| e.expires_at).collect::<Vec<_>>())
        .bind(writes.iter().map(|w| w.event.mac.as_deref()).collect::<Vec<_>>())
        .fetch_all(pool)
        .await?;
    outcomes(writes, rows)
}

/// Each request's outcome from the rows the statement returned: the indexes of the
/// fresh requests, and the (tenant, id, fingerprint) of each fingerprinted entry stored.
fn outcomes(
    writes: &[EntryWriteRow],
    rows: Vec<Returned>,
) -> Result<Vec<Option<Vec<String>>>, StoreError> {
    let mut fresh = vec![false; writes.len()];
    // Per tenant, per fingerprint: the id that stands for it.
    let mut by_fingerprint: HashMap<String, HashMap<Vec<u8>, String>> = HashMap::new();
    for (request, tenant, token_id, fingerprint) in rows {
        if let Some(n) = request.and_then(|n| usize::try_from(n).ok()) {
            if let Some(slot) = fresh.get_mut(n) {
                *slot = true;
            }
        } else if let (Some(tenant), Some(id), Some(fp)) = (tenant, token_id, fingerprint) {
            by_fingerprint.entry(tenant).or_default().insert(fp, id);
        }
    }
    writes
        .iter()
        .zip(fresh)
        .map(|(write, fresh)| {
            if !fresh {
                return Ok(None);
            }
            write
                .entries
                .iter()
                .map(|entry| match &entry.fingerprint {
                    None => Ok(entry.token_id.clone()),
                    // RETURNING yields every row inserted or updated, so this means the
                    // database was edited underneath; the batch is already committed.
                    Some(fp) => by_fingerprint
                        .get(write.tenant.as_str())
                        .and_then(|ids| ids.get(fp.as_slice()))
                        .cloned()
                        .ok_or(StoreError::Inconsistent(
                            "a stored fingerprint was not returned",
                        )),
                })
                .collect::<Result<Vec<_>, _>>()
                .map(Some)
        })
        .collect()
}

/// The entries of a batch as sent: each with the index of its request, and an entry
/// whose fingerprint an earlier request of the same tenant and state already sends left
/// out (the returned id serves both). Requests of the same tenant under different states
/// keep theirs: at most one of those states is current, so no row is written twice.
struct BatchArrays<'w> {
    /// The index of each request.
    request: Vec<i32>,
    /// The entries to send.
    entries: Vec<&'w NewEntryRow>,
    /// For each entry sent, the index of its request.
    entry_request: Vec<i32>,
}

impl<'w> BatchArrays<'w> {
    fn of(writes: &'w [EntryWriteRow]) -> Self {
        type Key<'a> = (&'a str, Option<i64>, Option<i64>, &'a [u8]);
        let mut seen: HashSet<Key<'w>> = HashSet::new();
        let mut arrays = Self {
            request: Vec::with_capacity(writes.len()),
            entries: Vec::new(),
            entry_request: Vec::new(),
        };
        for (n, write) in (0i32..).zip(writes) {
            arrays.request.push(n);
            for entry in &write.entries {
                if let Some(fp) = &entry.fingerprint {
                    let key = (
                        write.tenant.as_str(),
                        write.expected.key_epoch,
                        write.expected.policy_version,
                        fp.as_slice(),
                    );
                    if !seen.insert(key) {
                        continue;
                    }
                }
                arrays.entries.push(entry);
                arrays.entry_request.push(n);
            }
        }
        arrays
    }
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
