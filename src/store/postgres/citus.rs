//! Postgres with the Citus extension: the tables that grow with tenants and values
//! (`tenants`, `data_keys`, `tenant_policies`, `vault_entries`, `honey_tokens`) are
//! distributed by `tenant` and co-located, so one tenant's rows share a worker and every
//! statement about one tenant runs on that worker alone. The audit log and the small
//! control tables stay on the coordinator, where every transaction starts: their
//! append-only triggers keep working (Citus refuses triggers on distributed tables unless
//! `citus.enable_unsafe_triggers` is on) and the log's one order of transaction ids
//! stays true.
//!
//! Citus plans a statement that locks rows of several tenants, or writes them from
//! arrays, on the coordinator and refuses or slows it (`FOR SHARE` needs one shard;
//! `INSERT … SELECT FROM UNNEST` is pulled to the coordinator and committed in two
//! phases). So on Citus a batch is written tenant by tenant inside one transaction: a
//! share lock on the tenant's row, then its entries as multi-row `VALUES` with the
//! tenant a constant, each statement routed to one worker. Tenants are visited in order,
//! as the one-statement form locks them, so two batches never deadlock.

use std::collections::{BTreeMap, HashMap};

use sqlx::postgres::PgPool;
use sqlx::{Postgres, Transaction};

use crate::store::entries::ON_FINGERPRINT_CONFLICT;
use crate::store::{
    AuditAppendRow, AuditEventRow, EntryWriteRow, NewEntryRow, StoreError, TenantStateRow,
};

/// The distributed tables, `tenants` first: the others are co-located with it.
const DISTRIBUTED: [&str; 5] = [
    "tenants",
    "data_keys",
    "tenant_policies",
    "vault_entries",
    "honey_tokens",
];

/// Binds the tenant, then each row's eight other columns, in [`insert_entries`]' order.
macro_rules! bind_entries {
    ($query:expr, $tenant:expr, $rows:expr) => {{
        let mut query = $query.bind($tenant);
        for entry in $rows {
            query = query
                .bind(entry.token_id.as_str())
                .bind(entry.entity_type.as_str())
                .bind(entry.key_version)
                .bind(entry.sealed_value.as_slice())
                .bind(entry.fingerprint.as_deref())
                .bind(entry.ctx.as_deref())
                .bind(entry.created_at)
                .bind(entry.expires_at);
        }
        query
    }};
}

/// Entries per `INSERT`: nine parameters each stays well under Postgres's 65,535.
const ROWS_PER_INSERT: usize = 1_000;

/// Any number that other sessions of this service do not use for an advisory lock:
/// two instances migrating at once distribute each table once. (The lock is the
/// coordinator's, where every migration runs.)
const DISTRIBUTE_LOCK: i64 = 0x0070_7663_6974_7573;

/// Whether the database is a Citus coordinator with workers: the extension alone (a
/// plain Postgres where someone ran `CREATE EXTENSION citus`) leaves the tables where
/// they are, with a warning, rather than moving them onto a cluster that is not there.
///
/// # Errors
/// Database failures.
pub(super) async fn is_cluster(pool: &PgPool) -> Result<bool, StoreError> {
    let (installed,): (bool,) =
        sqlx::query_as("SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus')")
            .fetch_one(pool)
            .await?;
    if !installed {
        return Ok(false);
    }
    let (workers,): (i64,) = sqlx::query_as("SELECT count(*) FROM citus_get_active_worker_nodes()")
        .fetch_one(pool)
        .await?;
    if workers == 0 {
        tracing::warn!(
            "the citus extension is installed but the cluster has no active worker: \
             the tables stay local (add workers with citus_add_node, then migrate again)"
        );
    }
    Ok(workers > 0)
}

/// Distributes the tenant tables that are not yet distributed; running it again changes
/// nothing. Existing rows move to the workers (Citus copies them in the call).
///
/// # Errors
/// Database failures, or Citus refusing a table (see the module's notes).
pub(super) async fn distribute(pool: &PgPool) -> Result<(), StoreError> {
    let mut conn = pool.acquire().await?;
    sqlx::query("SELECT pg_advisory_lock($1)")
        .bind(DISTRIBUTE_LOCK)
        .execute(&mut *conn)
        .await?;
    let outcome = distribute_each(&mut conn).await;
    let unlocked = sqlx::query("SELECT pg_advisory_unlock($1)")
        .bind(DISTRIBUTE_LOCK)
        .execute(&mut *conn)
        .await;
    outcome?;
    unlocked?;
    Ok(())
}

async fn distribute_each(conn: &mut sqlx::PgConnection) -> Result<(), sqlx::Error> {
    for table in DISTRIBUTED {
        let (done,): (bool,) = sqlx::query_as(
            "SELECT EXISTS (SELECT 1 FROM pg_dist_partition \
                            WHERE logicalrelid = to_regclass($1))",
        )
        .bind(table)
        .fetch_one(&mut *conn)
        .await?;
        if done {
            continue;
        }
        let colocation = if table == "tenants" {
            "none"
        } else {
            "tenants"
        };
        sqlx::query(
            "SELECT create_distributed_table(CAST($1 AS regclass), 'tenant', \
                                             colocate_with => $2)",
        )
        .bind(table)
        .bind(colocation)
        .execute(&mut *conn)
        .await?;
        tracing::info!(table, "distributed by tenant on Citus");
    }
    Ok(())
}

/// The tenant's key epoch and policy version, its row share-locked (one worker's
/// statement); `None` for an unknown tenant.
async fn lock_tenant_state(
    tx: &mut Transaction<'_, Postgres>,
    tenant: &str,
) -> Result<Option<(i64, Option<i64>)>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT t.key_epoch, p.version FROM tenants AS t \
           LEFT JOIN tenant_policies AS p ON p.tenant = t.tenant \
         WHERE t.tenant = $1 FOR SHARE OF t",
    )
    .bind(tenant)
    .fetch_optional(&mut **tx)
    .await?)
}

/// Whether a request sealed under `expected` may be written at the locked state.
fn is_current(locked: Option<(i64, Option<i64>)>, expected: &TenantStateRow) -> bool {
    locked.is_some_and(|(epoch, policy)| {
        expected.key_epoch == Some(epoch) && expected.policy_version == policy
    })
}

/// See [`crate::store::EntryStore::put_entry_writes`]: one transaction, tenant by tenant.
pub(super) async fn put_entry_writes(
    pool: &PgPool,
    writes: &[EntryWriteRow],
) -> Result<Vec<Option<Vec<String>>>, StoreError> {
    let mut by_tenant: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (n, write) in writes.iter().enumerate() {
        by_tenant.entry(write.tenant.as_str()).or_default().push(n);
    }
    let mut outcomes: Vec<Option<Vec<String>>> = vec![None; writes.len()];
    let mut tx = pool.begin_with(super::PgStore::BEGIN_WRITE).await?;
    for (tenant, requests) in by_tenant {
        let locked = lock_tenant_state(&mut tx, tenant).await?;
        let fresh: Vec<(usize, &EntryWriteRow)> = requests
            .into_iter()
            .filter_map(|n| writes.get(n).map(|write| (n, write)))
            .filter(|(_, write)| is_current(locked, &write.expected))
            .collect();
        let ids = put_tenant_entries(&mut tx, tenant, fresh.iter().map(|(_, w)| *w)).await?;
        for (n, write) in fresh {
            let tokens = write
                .entries
                .iter()
                .map(|entry| match &entry.fingerprint {
                    None => Ok(entry.token_id.clone()),
                    Some(fp) => ids
                        .get(fp.as_slice())
                        .cloned()
                        .ok_or(StoreError::Inconsistent(
                            "a stored fingerprint was not returned",
                        )),
                })
                .collect::<Result<Vec<_>, _>>()?;
            if let Some(slot) = outcomes.get_mut(n) {
                *slot = Some(tokens);
            }
        }
    }
    let events = writes
        .iter()
        .zip(&outcomes)
        .filter(|(_, outcome)| outcome.is_some())
        .map(|(write, _)| &write.event);
    insert_events(&mut tx, events).await?;
    tx.commit().await?;
    Ok(outcomes)
}

/// One tenant's entries of its fresh requests: those without a fingerprint inserted
/// plainly, the others once per fingerprint (in fingerprint order, the lock order of
/// the one-statement form) through the conflict clause. Returns the id that stands for
/// each fingerprint.
async fn put_tenant_entries<'w>(
    tx: &mut Transaction<'_, Postgres>,
    tenant: &str,
    requests: impl Iterator<Item = &'w EntryWriteRow>,
) -> Result<HashMap<Vec<u8>, String>, StoreError> {
    let mut plain: Vec<&NewEntryRow> = Vec::new();
    let mut fingerprinted: BTreeMap<&[u8], &NewEntryRow> = BTreeMap::new();
    for entry in requests.flat_map(|write| &write.entries) {
        match &entry.fingerprint {
            None => plain.push(entry),
            Some(fp) => {
                fingerprinted.entry(fp.as_slice()).or_insert(entry);
            }
        }
    }
    for rows in plain.chunks(ROWS_PER_INSERT) {
        let sql = insert_entries(rows.len(), "");
        // Unprepared: the text changes with the row count, and would churn the
        // connection's statement cache.
        bind_entries!(sqlx::query(&sql).persistent(false), tenant, rows)
            .execute(&mut **tx)
            .await?;
    }
    let fingerprinted: Vec<&NewEntryRow> = fingerprinted.into_values().collect();
    let mut ids = HashMap::with_capacity(fingerprinted.len());
    let returning = format!("{ON_FINGERPRINT_CONFLICT} RETURNING fingerprint, token_id");
    for rows in fingerprinted.chunks(ROWS_PER_INSERT) {
        let sql = insert_entries(rows.len(), &returning);
        let stored: Vec<(Vec<u8>, String)> =
            bind_entries!(sqlx::query_as(&sql).persistent(false), tenant, rows)
                .fetch_all(&mut **tx)
                .await?;
        ids.extend(stored);
    }
    Ok(ids)
}

/// `INSERT INTO vault_entries … VALUES ($1, …), ($1, …) <tail>`: the tenant is one
/// parameter every row repeats, so Citus routes the statement to the tenant's shard.
fn insert_entries(rows: usize, tail: &str) -> String {
    let mut sql = String::from(
        "INSERT INTO vault_entries (tenant, token_id, entity_type, key_version, sealed_value, \
           fingerprint, ctx, created_at, expires_at) VALUES ",
    );
    for row in 0..rows {
        let first = 2 + row * 8;
        if row > 0 {
            sql.push_str(", ");
        }
        sql.push_str("($1");
        for n in first..first + 8 {
            sql.push_str(&format!(", ${n}"));
        }
        sql.push(')');
    }
    sql.push(' ');
    sql.push_str(tail);
    sql
}

/// See [`crate::store::AuditStore::append_audits`]: each conditional tenant's row
/// share-locked in tenant order (one worker's statement each), then the kept events in
/// one insert on the coordinator.
pub(super) async fn append_audits(
    pool: &PgPool,
    appends: &[AuditAppendRow],
) -> Result<Vec<bool>, StoreError> {
    let mut tenants: Vec<&str> = appends
        .iter()
        .filter(|a| a.only_at_state.is_some())
        .map(|a| a.event.tenant.as_str())
        .collect();
    tenants.sort_unstable();
    tenants.dedup();
    let mut tx = pool.begin_with(super::PgStore::BEGIN_WRITE).await?;
    let mut states = HashMap::with_capacity(tenants.len());
    for tenant in tenants {
        states.insert(tenant, lock_tenant_state(&mut tx, tenant).await?);
    }
    let kept: Vec<bool> = appends
        .iter()
        .map(|append| {
            append.only_at_state.as_ref().is_none_or(|expected| {
                let locked = states.get(append.event.tenant.as_str()).copied().flatten();
                is_current(locked, expected)
            })
        })
        .collect();
    let events = appends
        .iter()
        .zip(&kept)
        .filter(|(_, kept)| **kept)
        .map(|(append, _)| &append.event);
    insert_events(&mut tx, events).await?;
    tx.commit().await?;
    Ok(kept)
}

/// The events in one `INSERT … SELECT FROM UNNEST`, in their order (the audit log is a
/// coordinator table: arrays cost nothing there).
async fn insert_events<'e>(
    tx: &mut Transaction<'_, Postgres>,
    events: impl Iterator<Item = &'e AuditEventRow>,
) -> Result<(), StoreError> {
    let events: Vec<&AuditEventRow> = events.collect();
    if events.is_empty() {
        return Ok(());
    }
    sqlx::query(
        "INSERT INTO audit_events (tenant, at, sub, action, outcome, request_id, details, mac) \
         SELECT tenant, at, sub, action, outcome, request_id, details, mac \
         FROM UNNEST($1::text[], $2::int8[], $3::text[], $4::text[], $5::text[], $6::text[], \
                     $7::text[], $8::bytea[]) WITH ORDINALITY \
           AS e(tenant, at, sub, action, outcome, request_id, details, mac, n) \
         ORDER BY n",
    )
    .bind(events.iter().map(|e| e.tenant.as_str()).collect::<Vec<_>>())
    .bind(events.iter().map(|e| e.at).collect::<Vec<_>>())
    .bind(events.iter().map(|e| e.sub.as_str()).collect::<Vec<_>>())
    .bind(events.iter().map(|e| e.action.as_str()).collect::<Vec<_>>())
    .bind(
        events
            .iter()
            .map(|e| e.outcome.as_str())
            .collect::<Vec<_>>(),
    )
    .bind(
        events
            .iter()
            .map(|e| e.request_id.as_str())
            .collect::<Vec<_>>(),
    )
    .bind(
        events
            .iter()
            .map(|e| e.details.as_str())
            .collect::<Vec<_>>(),
    )
    .bind(events.iter().map(|e| e.mac.as_deref()).collect::<Vec<_>>())
    .execute(&mut **tx)
    .await?;
    Ok(())
}
