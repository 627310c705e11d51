//! Upgrading a database written by an earlier version: what it holds survives the
//! migrations, on both backends.

use std::borrow::Cow;
use std::sync::Arc;

use promptvault::audit::{
    checkpoint_mac, event_hash, ChainVerifier, Checkpoint, StoredEvent, CHECKPOINT_MAC_VERSION,
    GENESIS,
};
use promptvault::store::{AuditFilter, AuditLink, VaultStore};
use sqlx::migrate::Migrator;

const TENANT: &str = "t-old";
/// The audit key the old version signed its checkpoints with.
const AUDIT_KEY: [u8; 32] = [9; 32];

/// The migrations up to and including `version`.
fn up_to(mut migrator: Migrator, version: i64) -> Migrator {
    migrator.migrations = Cow::Owned(
        migrator
            .migrations
            .iter()
            .filter(|m| m.version <= version)
            .cloned()
            .collect(),
    );
    migrator
}

/// Three events as version 11 stored them: the first two linked in place (the one-time
/// UPDATE) under a checkpoint of that time, the third written but not linked yet.
async fn old_audit_log<'e, E>(db: E) -> Vec<Vec<u8>>
where
    E: sqlx::Executor<'e> + Copy,
    for<'q> <E::Database as sqlx::Database>::Arguments<'q>: sqlx::IntoArguments<'q, E::Database>,
    i64: sqlx::Encode<'e, E::Database> + sqlx::Type<E::Database>,
    Vec<u8>: sqlx::Encode<'e, E::Database> + sqlx::Type<E::Database>,
{
    let mut hashes = Vec::new();
    let mut prev = GENESIS.to_vec();
    for n in 1..=3_i64 {
        sqlx::query(&format!(
            "INSERT INTO audit_events (tenant, at, sub, action, outcome, request_id, details) \
             VALUES ('{TENANT}', {n}, 'app', 'tokenize', 'ok', 'req-{n}', '{{}}')"
        ))
        .execute(db)
        .await
        .unwrap();
        if n < 3 {
            let record = promptvault::audit::AuditRecord {
                tenant: TENANT.to_owned(),
                at: n,
                sub: "app".to_owned(),
                action: "tokenize".to_owned(),
                outcome: "ok".to_owned(),
                request_id: format!("req-{n}"),
                details: "{}".to_owned(),
            };
            let hash = event_hash(&prev, n, &record);
            sqlx::query(
                "UPDATE audit_events SET chain_index = $1, prev_hash = $2, hash = $3 \
                 WHERE at = $1",
            )
            .bind(n)
            .bind(prev.clone())
            .bind(hash.clone())
            .execute(db)
            .await
            .unwrap();
            hashes.push(hash.clone());
            prev = hash;
        }
    }
    let mac = checkpoint_mac(&AUDIT_KEY, 1, TENANT, 2, &prev);
    // The tenant is written out: the query must outlive the generic executor's borrow.
    sqlx::query(
        "INSERT INTO audit_checkpoints (tenant, chain_index, hash, mac, at) \
         VALUES ('t-old', 2, $1, $2, 2)",
    )
    .bind(prev)
    .bind(mac)
    .execute(db)
    .await
    .unwrap();
    hashes
}

/// After the upgrade: the old links stand, the unlinked event is found and linked after
/// them, and the chain verifies up to where the old checkpoint vouches for events that have
/// no MAC; the old event that was never linked has none and is named, since nothing tells
/// it apart from a row someone inserted (the README's upgrade note: let the old version
/// link everything first).
async fn the_chain_carries_over(store: Arc<dyn VaultStore>, old_hashes: Vec<Vec<u8>>) {
    let all = AuditFilter {
        limit: 10,
        ..AuditFilter::default()
    };
    let events = store.audit_events(TENANT, &all).await.unwrap();
    let chain: Vec<Option<i64>> = events.iter().map(|e| e.chain_index).collect();
    assert_eq!(chain, vec![Some(1), Some(2), None]);
    assert_eq!(events[1].hash.as_ref(), Some(&old_hashes[1]));

    let unlinked = store.unlinked_audit(10).await.unwrap();
    assert_eq!(unlinked.events.len(), 1, "only the event never linked");
    assert_eq!(store.unlinked_audit_count(TENANT).await.unwrap(), 1);
    let third = StoredEvent::from(unlinked.events[0].clone());
    let hash = event_hash(&old_hashes[1], 3, &third.record);
    let link = AuditLink {
        seq: third.seq,
        chain_index: 3,
        prev_hash: old_hashes[1].clone(),
        hash: hash.clone(),
    };
    let checkpoint = Checkpoint {
        chain_index: 3,
        mac: checkpoint_mac(&AUDIT_KEY, CHECKPOINT_MAC_VERSION, TENANT, 3, &hash),
        hash,
        mac_version: CHECKPOINT_MAC_VERSION,
    };
    store
        .link_audit(TENANT, &[link], &checkpoint.into(), 3)
        .await
        .unwrap();
    store.raise_audit_floor(unlinked.horizon).await.unwrap();
    assert!(store.unlinked_audit(10).await.unwrap().events.is_empty());

    let legacy_until = store.last_checkpoint_of_version(TENANT, 1).await.unwrap();
    assert_eq!(legacy_until, Some(2));
    let events: Vec<StoredEvent> = store
        .linked_audit(TENANT, 0, 10)
        .await
        .unwrap()
        .into_iter()
        .map(StoredEvent::from)
        .collect();
    let checkpoints: Vec<Checkpoint> = store
        .checkpoints(TENANT, 1, 3)
        .await
        .unwrap()
        .into_iter()
        .map(Checkpoint::from)
        .collect();
    let mut verifier = ChainVerifier::new(TENANT, &AUDIT_KEY, 2);
    verifier.page(&events, &checkpoints);
    let report = verifier.finish(0, &[]);
    let problems: Vec<(&str, i64)> = report
        .problems
        .iter()
        .map(|p| (p.kind, p.chain_index))
        .collect();
    assert_eq!(
        problems,
        vec![("not_written_by_the_service", 3)],
        "{report:?}"
    );
    assert_eq!(
        (report.events, report.legacy_unsigned, report.checkpoints),
        (3, 2, 2)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn audit_links_written_in_place_move_to_their_own_table_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("old.db").display());
    let options: sqlx::sqlite::SqliteConnectOptions = url.parse().unwrap();
    let pool = sqlx::SqlitePool::connect_with(options.create_if_missing(true))
        .await
        .unwrap();
    up_to(sqlx::migrate!("migrations/sqlite"), 11)
        .run(&pool)
        .await
        .unwrap();
    let hashes = old_audit_log(&pool).await;
    pool.close().await;

    let store = promptvault::store::SqliteStore::connect(&url)
        .await
        .unwrap();
    the_chain_carries_over(Arc::new(store), hashes).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn audit_links_written_in_place_move_to_their_own_table_on_postgres() {
    let Some((pool, _schema)) = crate::helpers::postgres_schema().await else {
        return;
    };
    up_to(sqlx::migrate!("migrations/postgres"), 11)
        .run(&pool)
        .await
        .unwrap();
    let hashes = old_audit_log(&pool).await;

    let store = promptvault::store::PgStore::from_pool(pool).await.unwrap();
    the_chain_carries_over(Arc::new(store), hashes).await;
}
