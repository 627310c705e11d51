//! Audit rows on Postgres: many events appended or linked in one statement over arrays.

use sqlx::postgres::PgPool;

use super::PgStore;
use crate::store::{AuditAppendRow, AuditLink, CheckpointRow, StoreError};

/// How the audit filter finds a quoted token id in an event's details (`$6`).
pub(super) const DETAILS_CONTAIN_6: &str = "strpos(e.details, $6) > 0";

/// The oldest transaction still running: every event written by an older one is visible.
pub(super) const HORIZON: &str =
    "SELECT CAST(CAST(pg_snapshot_xmin(pg_current_snapshot()) AS TEXT) AS BIGINT)";

/// An event's position: the transaction that wrote it.
pub(super) const POSITION: &str = "e.xact";

/// Every event in one `INSERT … SELECT FROM UNNEST`; an event conditional on a tenant
/// state is left out when its tenant is at another one. The tenant rows checked are
/// share-locked (in tenant order), so a key change either waits for this commit or is
/// seen by it: a reveal is never answered after a shred that committed first. Returns
/// which events were stored.
pub(super) async fn append_audits(
    store: &PgStore,
    appends: &[AuditAppendRow],
) -> Result<Vec<bool>, StoreError> {
    if store.citus {
        return super::citus::append_audits(store.writes(), appends).await;
    }
    let pool = store.writes();
    let events = || appends.iter().map(|a| &a.event);
    let stored: Vec<(i64,)> = sqlx::query_as(
        "WITH event AS ( \
           SELECT * FROM UNNEST($1::text[], $2::int8[], $3::text[], $4::text[], $5::text[], \
                                $6::text[], $7::text[], $8::bool[], $9::int8[], $10::int8[], \
                                $11::bytea[]) \
             WITH ORDINALITY \
             AS e(tenant, at, sub, action, outcome, request_id, details, conditional, \
                  key_epoch, policy_version, mac, n)), \
         locked AS ( \
           SELECT t.tenant, t.key_epoch FROM tenants AS t \
           WHERE t.tenant IN (SELECT tenant FROM event WHERE conditional) \
           ORDER BY t.tenant FOR SHARE), \
         kept AS ( \
           SELECT e.* FROM event AS e WHERE NOT e.conditional OR ( \
             EXISTS (SELECT 1 FROM locked AS l \
                     WHERE l.tenant = e.tenant AND l.key_epoch = e.key_epoch) \
             AND (SELECT p.version FROM tenant_policies AS p WHERE p.tenant = e.tenant) \
                 IS NOT DISTINCT FROM e.policy_version)), \
         appended AS ( \
           INSERT INTO audit_events (tenant, at, sub, action, outcome, request_id, details, mac) \
           SELECT tenant, at, sub, action, outcome, request_id, details, mac FROM kept \
           ORDER BY n) \
         SELECT n FROM kept",
    )
    .bind(events().map(|e| e.tenant.as_str()).collect::<Vec<_>>())
    .bind(events().map(|e| e.at).collect::<Vec<_>>())
    .bind(events().map(|e| e.sub.as_str()).collect::<Vec<_>>())
    .bind(events().map(|e| e.action.as_str()).collect::<Vec<_>>())
    .bind(events().map(|e| e.outcome.as_str()).collect::<Vec<_>>())
    .bind(events().map(|e| e.request_id.as_str()).collect::<Vec<_>>())
    .bind(events().map(|e| e.details.as_str()).collect::<Vec<_>>())
    .bind(
        appends
            .iter()
            .map(|a| a.only_at_state.is_some())
            .collect::<Vec<_>>(),
    )
    .bind(
        appends
            .iter()
            .map(|a| a.only_at_state.and_then(|s| s.key_epoch))
            .collect::<Vec<_>>(),
    )
    .bind(
        appends
            .iter()
            .map(|a| a.only_at_state.and_then(|s| s.policy_version))
            .collect::<Vec<_>>(),
    )
    .bind(events().map(|e| e.mac.as_deref()).collect::<Vec<_>>())
    .fetch_all(pool)
    .await?;
    let mut kept = vec![false; appends.len()];
    for (n,) in stored {
        // WITH ORDINALITY counts from 1.
        if let Some(slot) = usize::try_from(n - 1).ok().and_then(|i| kept.get_mut(i)) {
            *slot = true;
        }
    }
    Ok(kept)
}

/// Every link and the checkpoint of the new head in one statement; the keys on (tenant,
/// position) and (tenant, event) refuse a second chainer's links, and the checkpoint with
/// them.
pub(super) async fn link_audit(
    pool: &PgPool,
    tenant: &str,
    links: &[AuditLink],
    checkpoint: &CheckpointRow,
    at: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "WITH linked AS ( \
           INSERT INTO audit_links (tenant, chain_index, seq, prev_hash, hash) \
           SELECT $1, * FROM UNNEST($2::int8[], $3::int8[], $4::bytea[], $5::bytea[])) \
         INSERT INTO audit_checkpoints (tenant, chain_index, hash, mac, mac_version, at) \
         VALUES ($1, $6, $7, $8, $9, $10)",
    )
    .bind(tenant)
    .bind(links.iter().map(|l| l.chain_index).collect::<Vec<_>>())
    .bind(links.iter().map(|l| l.seq).collect::<Vec<_>>())
    .bind(
        links
            .iter()
            .map(|l| l.prev_hash.as_slice())
            .collect::<Vec<_>>(),
    )
    .bind(links.iter().map(|l| l.hash.as_slice()).collect::<Vec<_>>())
    .bind(checkpoint.chain_index)
    .bind(&checkpoint.hash)
    .bind(&checkpoint.mac)
    .bind(checkpoint.mac_version)
    .bind(at)
    .execute(pool)
    .await?;
    Ok(())
}
