//! Audit rows on Postgres: many events appended or linked in one statement over arrays.

use sqlx::postgres::PgPool;

use crate::store::{AuditAppendRow, AuditLink, StoreError};

/// How the audit filter finds a quoted token id in an event's details (`$6`).
pub(super) const DETAILS_CONTAIN_6: &str = "strpos(details, $6) > 0";

/// Every event in one `INSERT … SELECT FROM UNNEST`; an event conditional on a key
/// epoch is left out when its tenant's epoch is another. Returns which were stored.
pub(super) async fn append_audits(
    pool: &PgPool,
    appends: &[AuditAppendRow],
) -> Result<Vec<bool>, StoreError> {
    let events = || appends.iter().map(|a| &a.event);
    let stored: Vec<(i64,)> = sqlx::query_as(
        "WITH event AS ( \
           SELECT * FROM UNNEST($1::text[], $2::int8[], $3::text[], $4::text[], $5::text[], \
                                $6::text[], $7::text[], $8::int8[]) WITH ORDINALITY \
             AS e(tenant, at, sub, action, outcome, request_id, details, key_epoch, n)), \
         kept AS ( \
           SELECT e.* FROM event AS e WHERE e.key_epoch IS NULL OR EXISTS ( \
             SELECT 1 FROM tenants AS t WHERE t.tenant = e.tenant AND t.key_epoch = e.key_epoch)), \
         appended AS ( \
           INSERT INTO audit_events (tenant, at, sub, action, outcome, request_id, details) \
           SELECT tenant, at, sub, action, outcome, request_id, details FROM kept ORDER BY n) \
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
            .map(|a| a.only_at_key_epoch)
            .collect::<Vec<_>>(),
    )
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

/// Every link in one `UPDATE … FROM UNNEST`; a row already linked (another chainer won)
/// leaves the count short, and the unique chain index refuses a second link outright.
pub(super) async fn link_audit(
    pool: &PgPool,
    tenant: &str,
    links: &[AuditLink],
) -> Result<(), StoreError> {
    let linked = sqlx::query(
        "UPDATE audit_events AS a SET chain_index = l.chain_index, prev_hash = l.prev_hash, hash = l.hash \
         FROM UNNEST($2::int8[], $3::int8[], $4::bytea[], $5::bytea[]) AS l(seq, chain_index, prev_hash, hash) \
         WHERE a.tenant = $1 AND a.seq = l.seq AND a.chain_index IS NULL",
    )
    .bind(tenant)
    .bind(links.iter().map(|l| l.seq).collect::<Vec<_>>())
    .bind(links.iter().map(|l| l.chain_index).collect::<Vec<_>>())
    .bind(links.iter().map(|l| l.prev_hash.as_slice()).collect::<Vec<_>>())
    .bind(links.iter().map(|l| l.hash.as_slice()).collect::<Vec<_>>())
    .execute(pool)
    .await
    .map_err(|_| StoreError::Conflict)?
    .rows_affected();
    if linked != links.len() as u64 {
        return Err(StoreError::Conflict);
    }
    Ok(())
}
