//! Upgrading a database written by an earlier version: what it holds survives the
//! migrations, on both backends.

use std::borrow::Cow;
use std::sync::Arc;

use promptvault::audit::{event_hash, verify_chain, StoredEvent, GENESIS};
use promptvault::store::{AuditFilter, AuditLink, VaultStore};
use sqlx::migrate::Migrator;

const TENANT: &str = "t-old";

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
/// UPDATE), the third written but not linked yet.
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
    hashes
}

/// After the upgrade: the old links stand, the unlinked event is found and linked after
/// them, and the whole chain verifies.
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
    let third = StoredEvent::from(unlinked.events[0].clone());
    let hash = event_hash(&old_hashes[1], 3, &third.record);
    let link = AuditLink {
        seq: third.seq,
        chain_index: 3,
        prev_hash: old_hashes[1].clone(),
        hash,
    };
    store.link_audit(TENANT, &[link]).await.unwrap();
    store.raise_audit_floor(unlinked.horizon).await.unwrap();

    let events: Vec<StoredEvent> = store
        .audit_events(TENANT, &all)
        .await
        .unwrap()
        .into_iter()
        .map(StoredEvent::from)
        .collect();
    let report = verify_chain(TENANT, &events, &[], None);
    assert!(report.ok, "{report:?}");
    assert_eq!((report.events, report.pending), (3, 0));
    assert!(store.unlinked_audit(10).await.unwrap().events.is_empty());
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
