//! The store's contract, called through its traits (no HTTP, no vault) and run on both
//! backends: every method of every area trait is exercised here, so a backend that
//! drifts from the other fails one of these cases by name.

use std::sync::Arc;

use promptvault::store::{
    AuditAppendRow, AuditEventRow, AuditFilter, AuditLink, CallerBlockRow, CheckpointRow,
    DataKeyRow, DestroyOutcome, EntryWriteRow, HoneyTokenRow, JobProgress, JobRow, NewEntryRow,
    PendingActionRow, ResealRow, RewrappedKeyRow, StoreError, StoredAuditRow, TenantStateRow,
    VaultStore,
};

const T: &str = "t-contract";
const OTHER: &str = "t-other";
const NOW: i64 = 1_700_000_000_000;

/// Runs one scenario `fn(Arc<dyn VaultStore>)` on a fresh SQLite file, a fresh Postgres
/// schema, and a fresh schema of the Citus cluster when one is named.
macro_rules! on_every_store {
    ($case:ident) => {
        mod $case {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let (store, _dir) = super::sqlite_store().await;
                super::$case(store).await
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                if let Some(store) = super::postgres_store().await {
                    super::$case(store).await
                }
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn citus() {
                if let Some(store) = super::citus_store().await {
                    super::$case(store).await
                }
            }
        }
    };
}

async fn sqlite_store() -> (Arc<dyn VaultStore>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("contract.db").display());
    let store = promptvault::store::SqliteStore::connect(&url)
        .await
        .unwrap();
    (Arc::new(store), dir)
}

async fn postgres_store() -> Option<Arc<dyn VaultStore>> {
    let (pool, _schema) = crate::helpers::postgres_schema().await?;
    let store = promptvault::store::PgStore::from_pool(pool).await.unwrap();
    Some(Arc::new(store))
}

async fn citus_store() -> Option<Arc<dyn VaultStore>> {
    let (pool, _schema) = crate::helpers::citus_schema().await?;
    let store = promptvault::store::PgStore::from_pool(pool).await.unwrap();
    assert!(
        store.is_distributed(),
        "the Citus run's database has no Citus"
    );
    Some(Arc::new(store))
}

fn data_key(version: i64, root_key_version: i64) -> DataKeyRow {
    DataKeyRow {
        version,
        state: "active".to_owned(),
        wrapped_key: Some(vec![version as u8; 40]),
        root_key_version,
        created_at: NOW + version,
    }
}

async fn tenant(store: &dyn VaultStore, tenant: &str) {
    store
        .create_tenant(tenant, &[7; 40], &data_key(1, 1))
        .await
        .unwrap();
}

fn entry(id: &str, fingerprint: Option<&[u8]>, expires_at: Option<i64>) -> NewEntryRow {
    NewEntryRow {
        token_id: id.to_owned(),
        entity_type: "EMAIL".to_owned(),
        key_version: 1,
        sealed_value: format!("sealed:{id}").into_bytes(),
        fingerprint: fingerprint.map(<[u8]>::to_vec),
        ctx: Some("conv-1".to_owned()),
        created_at: NOW,
        expires_at,
    }
}

fn event(tenant: &str, at: i64, sub: &str, action: &str, details: &str) -> AuditEventRow {
    AuditEventRow {
        tenant: tenant.to_owned(),
        at,
        sub: sub.to_owned(),
        action: action.to_owned(),
        outcome: "ok".to_owned(),
        request_id: format!("req-{at}"),
        details: details.to_owned(),
        mac: Some(vec![b'm'; 32]),
    }
}

fn unconditional(events: Vec<AuditEventRow>) -> Vec<AuditAppendRow> {
    events
        .into_iter()
        .map(|event| AuditAppendRow {
            event,
            only_at_state: None,
        })
        .collect()
}

fn write(
    tenant: &str,
    entries: Vec<NewEntryRow>,
    at: i64,
    expected: TenantStateRow,
) -> EntryWriteRow {
    EntryWriteRow {
        tenant: tenant.to_owned(),
        entries,
        event: event(tenant, at, "app", "tokenize", "{}"),
        expected,
    }
}

/// Every audit event of the tenant, in insertion order.
async fn events_of(store: &dyn VaultStore, tenant: &str) -> Vec<StoredAuditRow> {
    let all = AuditFilter {
        limit: 1_000,
        ..AuditFilter::default()
    };
    store.audit_events(tenant, &all).await.unwrap()
}

async fn fresh_state(store: &dyn VaultStore, tenant: &str) -> TenantStateRow {
    store.tenant_state(tenant).await.unwrap()
}

async fn ping_answers(store: Arc<dyn VaultStore>) {
    store.ping().await.unwrap();
}
on_every_store!(ping_answers);

async fn a_tenant_is_created_once_with_its_first_key(store: Arc<dyn VaultStore>) {
    assert!(store.tenant_keys(T).await.unwrap().is_none());
    assert_eq!(fresh_state(&*store, T).await, TenantStateRow::default());
    tenant(&*store, T).await;
    // A second creation (another instance racing) changes nothing: the first writer wins.
    store
        .create_tenant(T, &[9; 40], &data_key(1, 5))
        .await
        .unwrap();
    let keys = store.tenant_keys(T).await.unwrap().unwrap();
    assert_eq!(keys.fingerprint_key, vec![7; 40]);
    assert_eq!(keys.fingerprint_root_version, 1);
    assert_eq!(keys.data_keys.len(), 1);
    assert_eq!(keys.data_keys[0].version, 1);
    assert_eq!(keys.data_keys[0].state, "active");
    assert_eq!(keys.data_keys[0].wrapped_key, Some(vec![1; 40]));
    assert_eq!(keys.data_keys[0].created_at, NOW + 1);
    let state = fresh_state(&*store, T).await;
    assert_eq!(state.key_epoch, Some(keys.key_epoch));
    assert_eq!(state.policy_version, None);
    assert_eq!(state.root_version, None);
    assert!(store.tenant_keys(OTHER).await.unwrap().is_none());
}
on_every_store!(a_tenant_is_created_once_with_its_first_key);

async fn a_rotation_adds_the_next_version_and_demotes_the_active_one(store: Arc<dyn VaultStore>) {
    tenant(&*store, T).await;
    let epoch = fresh_state(&*store, T).await.key_epoch.unwrap();
    store.add_data_key(T, &data_key(2, 1), None).await.unwrap();
    let keys = store.tenant_keys(T).await.unwrap().unwrap();
    let states: Vec<(i64, &str)> = keys
        .data_keys
        .iter()
        .map(|k| (k.version, k.state.as_str()))
        .collect();
    assert_eq!(states, vec![(1, "decrypt_only"), (2, "active")]);
    assert!(keys.key_epoch > epoch, "a rotation bumps the key epoch");
    // A concurrent rotation to the same version loses.
    let again = store.add_data_key(T, &data_key(2, 1), None).await;
    assert!(matches!(again, Err(StoreError::Conflict)), "{again:?}");
    assert!(matches!(
        store.add_data_key(OTHER, &data_key(2, 1), None).await,
        Err(StoreError::Conflict)
    ));
    // With a fingerprint key: a fresh start, wrapped by the key's root version.
    store
        .add_data_key(T, &data_key(3, 4), Some(&[8; 40]))
        .await
        .unwrap();
    let keys = store.tenant_keys(T).await.unwrap().unwrap();
    assert_eq!(keys.fingerprint_key, vec![8; 40]);
    assert_eq!(keys.fingerprint_root_version, 4);
    let counts = store.key_version_counts().await.unwrap();
    assert_eq!(
        counts,
        vec![("active".to_owned(), 1), ("decrypt_only".to_owned(), 2)]
    );
}
on_every_store!(a_rotation_adds_the_next_version_and_demotes_the_active_one);

async fn entries_are_deduplicated_by_fingerprint_and_bound_to_their_tenant(
    store: Arc<dyn VaultStore>,
) {
    tenant(&*store, T).await;
    tenant(&*store, OTHER).await;
    let state = fresh_state(&*store, T).await;
    let first = [
        entry("aaaa", Some(b"fp-1"), None),
        entry("bbbb", None, None),
    ];
    let ids = store
        .put_entries(T, &first, &event(T, NOW, "app", "tokenize", "{}"), &state)
        .await
        .unwrap();
    assert_eq!(ids, Some(vec!["aaaa".to_owned(), "bbbb".to_owned()]));
    // The same fingerprint again: the existing token stands for it.
    let ids = store
        .put_entries(
            T,
            &[entry("cccc", Some(b"fp-1"), None)],
            &event(T, NOW + 1, "app", "tokenize", "{}"),
            &state,
        )
        .await
        .unwrap();
    assert_eq!(ids, Some(vec!["aaaa".to_owned()]));
    // Another tenant's equal fingerprint is its own.
    let other_state = fresh_state(&*store, OTHER).await;
    let ids = store
        .put_entries(
            OTHER,
            &[entry("dddd", Some(b"fp-1"), None)],
            &event(OTHER, NOW, "app", "tokenize", "{}"),
            &other_state,
        )
        .await
        .unwrap();
    assert_eq!(ids, Some(vec!["dddd".to_owned()]));

    let wanted = ["aaaa", "bbbb", "cccc", "dddd"].map(str::to_owned);
    let mut rows = store.entries(T, &wanted).await.unwrap();
    rows.sort_by(|a, b| a.token_id.cmp(&b.token_id));
    let ids: Vec<&str> = rows.iter().map(|r| r.token_id.as_str()).collect();
    assert_eq!(
        ids,
        vec!["aaaa", "bbbb"],
        "no other tenant's rows, no lost ones"
    );
    assert_eq!(rows[0].sealed_value, b"sealed:aaaa");
    assert_eq!(rows[0].entity_type, "EMAIL");
    assert_eq!(rows[0].key_version, 1);
    assert_eq!(rows[0].ctx.as_deref(), Some("conv-1"));
    assert_eq!(rows[0].expires_at, None);
    assert!(!rows[0].honey);
    assert!(store.entries(T, &[]).await.unwrap().is_empty());
    // Each put wrote its audit event in the same transaction.
    assert_eq!(events_of(&*store, T).await.len(), 2);
}
on_every_store!(entries_are_deduplicated_by_fingerprint_and_bound_to_their_tenant);

async fn a_stale_tenant_state_writes_nothing(store: Arc<dyn VaultStore>) {
    tenant(&*store, T).await;
    let before = fresh_state(&*store, T).await;
    store.put_policy(T, "{}", NOW, "admin").await.unwrap();
    let written = store
        .put_entries(
            T,
            &[entry("aaaa", Some(b"fp"), None)],
            &event(T, NOW, "app", "tokenize", "{}"),
            &before,
        )
        .await
        .unwrap();
    assert_eq!(written, None);
    assert!(store
        .entries(T, &["aaaa".to_owned()])
        .await
        .unwrap()
        .is_empty());
    assert!(events_of(&*store, T).await.is_empty());
    // An unknown tenant is never fresh.
    let unknown = store
        .put_entries(
            OTHER,
            &[entry("bbbb", None, None)],
            &event(OTHER, NOW, "app", "tokenize", "{}"),
            &TenantStateRow::default(),
        )
        .await
        .unwrap();
    assert_eq!(unknown, None);
}
on_every_store!(a_stale_tenant_state_writes_nothing);

async fn a_batch_of_requests_is_written_together_and_each_checked(store: Arc<dyn VaultStore>) {
    tenant(&*store, T).await;
    tenant(&*store, OTHER).await;
    let state = fresh_state(&*store, T).await;
    let other_state = fresh_state(&*store, OTHER).await;
    let stale = TenantStateRow {
        key_epoch: state.key_epoch.map(|e| e - 1),
        ..state
    };
    let outcomes = store
        .put_entry_writes(&[
            write(
                T,
                vec![
                    entry("aaaa", Some(b"fp-1"), None),
                    entry("bbbb", None, None),
                ],
                NOW,
                state,
            ),
            // The same value in another request of the batch: the first one's token.
            write(
                T,
                vec![
                    entry("cccc", Some(b"fp-1"), None),
                    entry("dddd", Some(b"fp-2"), None),
                ],
                NOW + 1,
                state,
            ),
            // Sealed under an old epoch: nothing of it is written, the rest is.
            write(T, vec![entry("eeee", Some(b"fp-3"), None)], NOW + 2, stale),
            // Another tenant's equal fingerprint is its own.
            write(
                OTHER,
                vec![entry("ffff", Some(b"fp-1"), None)],
                NOW + 3,
                other_state,
            ),
            // A tenant that does not exist.
            write(
                "t-nobody",
                vec![entry("gggg", None, None)],
                NOW + 4,
                TenantStateRow::default(),
            ),
            // A request with no values still writes its event.
            write(T, vec![], NOW + 5, state),
        ])
        .await
        .unwrap();
    let ids = |list: &[&str]| Some(list.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>());
    assert_eq!(
        outcomes,
        vec![
            ids(&["aaaa", "bbbb"]),
            ids(&["aaaa", "dddd"]),
            None,
            ids(&["ffff"]),
            None,
            ids(&[]),
        ]
    );
    let wanted = ["aaaa", "bbbb", "cccc", "dddd", "eeee"].map(str::to_owned);
    let mut stored: Vec<String> = store
        .entries(T, &wanted)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.token_id)
        .collect();
    stored.sort();
    assert_eq!(stored, vec!["aaaa", "bbbb", "dddd"]);
    let events = events_of(&*store, T).await;
    let at: Vec<i64> = events.iter().map(|e| e.event.at).collect();
    assert_eq!(
        at,
        vec![NOW, NOW + 1, NOW + 5],
        "one event per written request, in order"
    );
    assert_eq!(events_of(&*store, OTHER).await.len(), 1);
    // A later batch finds the values of an earlier one.
    let again = store
        .put_entry_writes(&[write(
            T,
            vec![entry("hhhh", Some(b"fp-2"), None)],
            NOW + 6,
            state,
        )])
        .await
        .unwrap();
    assert_eq!(again, vec![ids(&["dddd"])]);
}
on_every_store!(a_batch_of_requests_is_written_together_and_each_checked);

async fn a_conditional_audit_event_needs_its_tenant_state(store: Arc<dyn VaultStore>) {
    tenant(&*store, T).await;
    let state = fresh_state(&*store, T).await;
    let epoch = state.key_epoch.unwrap();
    let append = |details: &str, only_at_state| AuditAppendRow {
        event: event(T, NOW, "reader", "detokenize", details),
        only_at_state,
    };
    let other_epoch = TenantStateRow {
        key_epoch: Some(epoch + 1),
        ..state
    };
    let other_policy = TenantStateRow {
        policy_version: Some(7),
        ..state
    };
    let stored = store
        .append_audits(&[
            append(r#"{"n":1}"#, Some(state)),
            append(r#"{"n":2}"#, Some(other_epoch)),
            append(r#"{"n":3}"#, None),
            append(r#"{"n":4}"#, Some(other_policy)),
        ])
        .await
        .unwrap();
    assert_eq!(stored, vec![true, false, true, false]);
    store.add_data_key(T, &data_key(2, 1), None).await.unwrap();
    let stored = store
        .append_audits(&[append(r#"{"n":5}"#, Some(state))])
        .await
        .unwrap();
    assert_eq!(stored, vec![false], "a rotation moved the epoch on");
    let rotated = fresh_state(&*store, T).await;
    store.put_policy(T, "{}", NOW, "admin").await.unwrap();
    let stored = store
        .append_audits(&[append(r#"{"n":6}"#, Some(rotated))])
        .await
        .unwrap();
    assert_eq!(stored, vec![false], "a policy change moved the version on");
    let details: Vec<String> = events_of(&*store, T)
        .await
        .into_iter()
        .map(|e| e.event.details)
        .collect();
    assert_eq!(details, vec![r#"{"n":1}"#, r#"{"n":3}"#]);
    // An unknown tenant has no state to match.
    let stored = store
        .append_audits(&[AuditAppendRow {
            event: event(OTHER, NOW, "reader", "detokenize", "{}"),
            only_at_state: Some(state),
        }])
        .await
        .unwrap();
    assert_eq!(stored, vec![false]);
}
on_every_store!(a_conditional_audit_event_needs_its_tenant_state);

async fn an_expired_entry_is_replaced_and_purged(store: Arc<dyn VaultStore>) {
    tenant(&*store, T).await;
    let state = fresh_state(&*store, T).await;
    let put = |id: &'static str, fp: &'static [u8], expires: i64| {
        let store = store.clone();
        async move {
            let mut row = entry(id, Some(fp), Some(expires));
            row.created_at = expires - 10;
            store
                .put_entries(T, &[row], &event(T, NOW, "app", "tokenize", "{}"), &state)
                .await
                .unwrap()
                .unwrap()
        }
    };
    assert_eq!(put("old1", b"fp-a", NOW + 100).await, vec!["old1"]);
    // Written after old1's time to live: the new token replaces it.
    assert_eq!(put("new1", b"fp-a", NOW + 300).await, vec!["new1"]);
    // Written while new1 lives: new1 stays, with the new expiry.
    assert_eq!(put("new2", b"fp-a", NOW + 305).await, vec!["new1"]);
    assert_eq!(put("keep", b"fp-b", NOW + 10_000).await, vec!["keep"]);
    let rows = store.entries(T, &["new1".to_owned()]).await.unwrap();
    assert_eq!(rows[0].expires_at, Some(NOW + 305));
    assert_eq!(store.purge_expired(NOW + 1_000, 10).await.unwrap(), 1);
    assert_eq!(store.purge_expired(NOW + 1_000, 10).await.unwrap(), 0);
    let left = store
        .entries(T, &["new1".to_owned(), "keep".to_owned()])
        .await
        .unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].token_id, "keep");
}
on_every_store!(an_expired_entry_is_replaced_and_purged);

async fn reencryption_moves_stale_entries_and_records_progress(store: Arc<dyn VaultStore>) {
    tenant(&*store, T).await;
    let state = fresh_state(&*store, T).await;
    let rows: Vec<NewEntryRow> = ["e1", "e2", "e3"]
        .iter()
        .map(|id| entry(id, None, None))
        .collect();
    store
        .put_entries(T, &rows, &event(T, NOW, "app", "tokenize", "{}"), &state)
        .await
        .unwrap();
    store.add_data_key(T, &data_key(2, 1), None).await.unwrap();
    assert_eq!(store.key_usage(T).await.unwrap(), vec![(1, 3)]);
    let job = JobRow {
        id: "job-1".to_owned(),
        tenant: T.to_owned(),
        kind: "reencrypt".to_owned(),
        target_version: 2,
        state: "running".to_owned(),
        processed: 0,
        cursor_token: String::new(),
        lease_until: NOW,
        created_at: NOW,
        updated_at: NOW,
    };
    store.create_job(&job).await.unwrap();
    let stale = store.stale_entries(T, 2, "", 2).await.unwrap();
    let ids: Vec<&str> = stale.iter().map(|r| r.token_id.as_str()).collect();
    assert_eq!(ids, vec!["e1", "e2"], "token id order, at most the limit");
    let reseal: Vec<ResealRow> = stale
        .iter()
        .map(|r| ResealRow {
            token_id: r.token_id.clone(),
            old_version: 1,
            new_version: 2,
            sealed_value: b"resealed".to_vec(),
        })
        .chain([ResealRow {
            token_id: "e3".to_owned(),
            old_version: 7,
            new_version: 2,
            sealed_value: b"not this".to_vec(),
        }])
        .collect();
    let progress = JobProgress {
        id: "job-1".to_owned(),
        processed: 2,
        cursor_token: "e2".to_owned(),
        now: NOW + 5,
    };
    assert_eq!(
        store.reseal_entries(T, &reseal, &progress).await.unwrap(),
        2
    );
    let job = store.job(T, "job-1").await.unwrap().unwrap();
    assert_eq!(
        (job.processed, job.cursor_token.as_str(), job.updated_at),
        (2, "e2", NOW + 5)
    );
    let stale = store.stale_entries(T, 2, "e2", 10).await.unwrap();
    assert_eq!(stale.len(), 1);
    assert_eq!(stale[0].token_id, "e3");
    let mut usage = store.key_usage(T).await.unwrap();
    usage.sort_unstable();
    assert_eq!(usage, vec![(1, 1), (2, 2)]);
    let moved = store.entries(T, &["e1".to_owned()]).await.unwrap();
    assert_eq!(
        (moved[0].key_version, moved[0].sealed_value.as_slice()),
        (2, &b"resealed"[..])
    );
}
on_every_store!(reencryption_moves_stale_entries_and_records_progress);

async fn a_data_key_is_destroyed_only_when_retired_and_unused(store: Arc<dyn VaultStore>) {
    tenant(&*store, T).await;
    let state = fresh_state(&*store, T).await;
    store
        .put_entries(
            T,
            &[entry("e1", None, None)],
            &event(T, NOW, "app", "tokenize", "{}"),
            &state,
        )
        .await
        .unwrap();
    assert_eq!(
        store.destroy_data_key(T, 9).await.unwrap(),
        DestroyOutcome::NotFound
    );
    assert_eq!(
        store.destroy_data_key(T, 1).await.unwrap(),
        DestroyOutcome::Active
    );
    store.add_data_key(T, &data_key(2, 1), None).await.unwrap();
    assert_eq!(
        store.destroy_data_key(T, 1).await.unwrap(),
        DestroyOutcome::InUse(1)
    );
    let progress = JobProgress {
        id: "none".to_owned(),
        processed: 1,
        cursor_token: "e1".to_owned(),
        now: NOW,
    };
    let moved = ResealRow {
        token_id: "e1".to_owned(),
        old_version: 1,
        new_version: 2,
        sealed_value: b"v2".to_vec(),
    };
    store.reseal_entries(T, &[moved], &progress).await.unwrap();
    assert_eq!(
        store.destroy_data_key(T, 1).await.unwrap(),
        DestroyOutcome::Destroyed
    );
    let keys = store.tenant_keys(T).await.unwrap().unwrap();
    assert_eq!(keys.data_keys[0].state, "destroyed");
    assert_eq!(keys.data_keys[0].wrapped_key, None);
}
on_every_store!(a_data_key_is_destroyed_only_when_retired_and_unused);

async fn shredding_erases_every_wrapped_key_of_the_tenant(store: Arc<dyn VaultStore>) {
    tenant(&*store, T).await;
    tenant(&*store, OTHER).await;
    store.add_data_key(T, &data_key(2, 1), None).await.unwrap();
    for (who, id) in [(T, "aaaa"), (OTHER, "bbbb")] {
        let state = fresh_state(&*store, who).await;
        let event = event(who, NOW, "app", "tokenize", "{}");
        let written = store
            .put_entries(who, &[entry(id, None, None)], &event, &state)
            .await
            .unwrap();
        assert!(written.is_some());
    }
    store
        .put_policy(T, r#"{"recognizers":[]}"#, NOW, "admin")
        .await
        .unwrap();
    assert!(store.shred_tenant(T, NOW).await.unwrap());
    let ids = ["aaaa", "bbbb"].map(str::to_owned);
    assert!(
        store.entries(T, &ids).await.unwrap().is_empty(),
        "the tenant's ciphertext is gone too"
    );
    assert_eq!(store.entries(OTHER, &ids).await.unwrap().len(), 1);
    let policy = store.policy(T).await.unwrap().unwrap();
    assert_eq!(
        (policy.document.as_str(), policy.version),
        ("{}", 2),
        "its policy emptied, its version moved on"
    );
    assert!(!store.shred_tenant("t-nobody", NOW).await.unwrap());
    let keys = store.tenant_keys(T).await.unwrap().unwrap();
    assert!(keys.fingerprint_key.is_empty());
    assert!(keys
        .data_keys
        .iter()
        .all(|k| k.state == "destroyed" && k.wrapped_key.is_none()));
    let wrapped = store.all_wrapped_keys().await.unwrap();
    assert!(wrapped.iter().all(|k| k.tenant == OTHER), "{wrapped:?}");
    assert_eq!(
        wrapped.len(),
        2,
        "the other tenant's data and fingerprint keys"
    );
}
on_every_store!(shredding_erases_every_wrapped_key_of_the_tenant);

async fn root_rotation_rewraps_every_key_or_none(store: Arc<dyn VaultStore>) {
    tenant(&*store, T).await;
    tenant(&*store, OTHER).await;
    let mut wrapped = store.all_wrapped_keys().await.unwrap();
    wrapped.sort_by(|a, b| (&a.tenant, a.version).cmp(&(&b.tenant, b.version)));
    assert_eq!(wrapped.len(), 4);
    assert!(wrapped.iter().all(|k| k.root_key_version == 1));
    let rewrapped: Vec<RewrappedKeyRow> = wrapped
        .iter()
        .map(|k| RewrappedKeyRow {
            wrapped_key: vec![0xAB; 40],
            root_key_version: 2,
            ..k.clone()
        })
        .collect();
    // Missing one key: the rotation would leave it behind, so nothing changes.
    let partial = store
        .rewrap_keys(rewrapped[0].root_key_version, &rewrapped[1..])
        .await;
    assert!(matches!(partial, Err(StoreError::Conflict)), "{partial:?}");
    assert!(store
        .all_wrapped_keys()
        .await
        .unwrap()
        .iter()
        .all(|k| k.root_key_version == 1));
    let epoch = fresh_state(&*store, T).await.key_epoch.unwrap();
    store
        .rewrap_keys(rewrapped[0].root_key_version, &rewrapped)
        .await
        .unwrap();
    let after = store.all_wrapped_keys().await.unwrap();
    assert!(after
        .iter()
        .all(|k| k.root_key_version == 2 && k.wrapped_key == vec![0xAB; 40]));
    let state = fresh_state(&*store, T).await;
    assert_eq!(state.root_version, Some(2));
    assert!(state.key_epoch.unwrap() > epoch);
    let keys = store.tenant_keys(OTHER).await.unwrap().unwrap();
    assert_eq!(keys.fingerprint_root_version, 2);
}
on_every_store!(root_rotation_rewraps_every_key_or_none);

/// A key wrapped by a root version a committed rotation left behind is refused, whether
/// it starts a tenant or rotates one: the instance that wrapped it had not seen the
/// rotation, and the version is about to leave the key file.
async fn a_key_wrapped_by_a_retired_root_version_is_refused(store: Arc<dyn VaultStore>) {
    tenant(&*store, T).await;
    let rewrapped: Vec<RewrappedKeyRow> = store
        .all_wrapped_keys()
        .await
        .unwrap()
        .into_iter()
        .map(|k| RewrappedKeyRow {
            root_key_version: 2,
            ..k
        })
        .collect();
    store.rewrap_keys(2, &rewrapped).await.unwrap();

    let created = store.create_tenant(OTHER, &[7; 40], &data_key(1, 1)).await;
    assert!(
        matches!(created, Err(StoreError::RootMoved(2))),
        "{created:?}"
    );
    assert!(store.tenant_keys(OTHER).await.unwrap().is_none());
    let rotated = store.add_data_key(T, &data_key(2, 1), None).await;
    assert!(
        matches!(rotated, Err(StoreError::RootMoved(2))),
        "{rotated:?}"
    );
    assert_eq!(
        store.tenant_keys(T).await.unwrap().unwrap().data_keys.len(),
        1
    );

    store
        .create_tenant(OTHER, &[7; 40], &data_key(1, 2))
        .await
        .unwrap();
    store.add_data_key(T, &data_key(2, 2), None).await.unwrap();
    assert_eq!(store.newest_wrapping_root_version().await.unwrap(), Some(2));
}
on_every_store!(a_key_wrapped_by_a_retired_root_version_is_refused);

/// Each shred of an existing tenant is owed a root retirement until one is recorded.
async fn a_shred_is_owed_its_root_retirement_until_settled(store: Arc<dyn VaultStore>) {
    assert_eq!(store.shreds_settled().await.unwrap(), (0, 0));
    tenant(&*store, T).await;
    tenant(&*store, OTHER).await;
    assert!(store.shred_tenant(T, NOW).await.unwrap());
    assert!(!store.shred_tenant("t-nobody", NOW).await.unwrap());
    assert_eq!(store.shreds_settled().await.unwrap(), (1, 0));
    assert!(store.shred_tenant(OTHER, NOW).await.unwrap());
    store.settle_shreds(1).await.unwrap();
    assert_eq!(store.shreds_settled().await.unwrap(), (2, 1));
    // A settlement that read an older count never moves the mark back.
    store.settle_shreds(2).await.unwrap();
    store.settle_shreds(1).await.unwrap();
    assert_eq!(store.shreds_settled().await.unwrap(), (2, 2));
}
on_every_store!(a_shred_is_owed_its_root_retirement_until_settled);

async fn a_pending_action_is_confirmed_once_by_another_admin(store: Arc<dyn VaultStore>) {
    let action = PendingActionRow {
        id: "act-1".to_owned(),
        tenant: T.to_owned(),
        action: "destroy_data_key".to_owned(),
        argument: Some(3),
        requested_by: "alice".to_owned(),
        requested_at: NOW,
        expires_at: NOW + 1_000,
        confirmed_by: None,
        document: None,
    };
    store.create_pending_action(&action).await.unwrap();
    assert_eq!(
        store.pending_action(T, "act-1").await.unwrap(),
        Some(action.clone())
    );
    assert_eq!(store.pending_action(OTHER, "act-1").await.unwrap(), None);
    assert!(!store
        .confirm_pending_action(T, "act-1", "alice", NOW + 1)
        .await
        .unwrap());
    assert!(!store
        .confirm_pending_action(OTHER, "act-1", "bob", NOW + 1)
        .await
        .unwrap());
    assert!(store
        .confirm_pending_action(T, "act-1", "bob", NOW + 1)
        .await
        .unwrap());
    assert!(!store
        .confirm_pending_action(T, "act-1", "carol", NOW + 2)
        .await
        .unwrap());
    let confirmed = store.pending_action(T, "act-1").await.unwrap().unwrap();
    assert_eq!(confirmed.confirmed_by.as_deref(), Some("bob"));
    let late = PendingActionRow {
        id: "act-2".to_owned(),
        action: "replace_policy".to_owned(),
        document: Some(r#"{"output":"pass"}"#.to_owned()),
        ..action
    };
    store.create_pending_action(&late).await.unwrap();
    assert_eq!(
        store
            .pending_action(T, "act-2")
            .await
            .unwrap()
            .unwrap()
            .document,
        late.document,
        "a pending policy keeps its document"
    );
    assert!(!store
        .confirm_pending_action(T, "act-2", "bob", NOW + 1_000)
        .await
        .unwrap());
}
on_every_store!(a_pending_action_is_confirmed_once_by_another_admin);

async fn audit_events_are_linked_once_and_listed_by_filter(store: Arc<dyn VaultStore>) {
    let stored = store
        .append_audits(&unconditional(vec![
            event(T, NOW, "alice", "tokenize", r#"{"tokens":["aaaa"]}"#),
            event(T, NOW + 10, "bob", "detokenize", r#"{"tokens":["bbbb"]}"#),
            event(OTHER, NOW + 20, "carol", "tokenize", "{}"),
            event(T, NOW + 30, "alice", "detokenize", r#"{"tokens":["aaaa"]}"#),
        ]))
        .await
        .unwrap();
    assert_eq!(stored, vec![true; 4]);
    let unlinked = store.unlinked_audit(10).await.unwrap();
    let order: Vec<(&str, i64)> = unlinked
        .events
        .iter()
        .map(|e| (e.event.tenant.as_str(), e.event.at - NOW))
        .collect();
    assert_eq!(
        order,
        vec![(T, 0), (T, 10), (T, 30), (OTHER, 20)],
        "by tenant, then insertion order"
    );
    assert!(unlinked.events.iter().all(|e| e.chain_index.is_none()));
    assert_eq!(
        store.audit_tenants().await.unwrap(),
        vec![T.to_owned(), OTHER.to_owned()],
        "ordered by tenant"
    );
    assert_eq!(store.audit_chain_head(T).await.unwrap(), None);
    assert_eq!(
        store.unlinked_audit(2).await.unwrap().events.len(),
        2,
        "at most the limit"
    );
    let links: Vec<AuditLink> = unlinked.events[..2]
        .iter()
        .enumerate()
        .map(|(i, e)| AuditLink {
            seq: e.seq,
            chain_index: i as i64 + 1,
            prev_hash: vec![i as u8; 32],
            hash: vec![i as u8 + 1; 32],
        })
        .collect();
    store
        .link_audit(T, &links, &checkpoint(2, 1), NOW)
        .await
        .unwrap();
    let twice = store.link_audit(T, &links, &checkpoint(2, 1), NOW).await;
    assert!(matches!(twice, Err(StoreError::Conflict)), "{twice:?}");
    let elsewhere = AuditLink {
        chain_index: 3,
        ..links[0].clone()
    };
    let moved = store
        .link_audit(T, &[elsewhere], &checkpoint(3, 1), NOW)
        .await;
    assert!(
        matches!(moved, Err(StoreError::Conflict)),
        "an event is linked once: {moved:?}"
    );
    assert_eq!(
        store.checkpoints(T, 0, i64::MAX).await.unwrap(),
        vec![checkpoint(2, 1)],
        "a refused link leaves no checkpoint"
    );
    assert_eq!(
        store.audit_chain_head(T).await.unwrap(),
        Some((2, vec![2; 32]))
    );
    let left = store.unlinked_audit(10).await.unwrap();
    assert_eq!(left.events.len(), 2, "OTHER's event and T's last");
    // The floor only rises; once raised past every event, they are no longer read. On
    // Postgres the horizon is the cluster's oldest running transaction, which another
    // test's open transaction may hold below these events for a moment: raise it again
    // until it passes them.
    store.raise_audit_floor(left.horizon).await.unwrap();
    store.raise_audit_floor(0).await.unwrap();
    let mut waited = 0;
    loop {
        let unlinked = store.unlinked_audit(10).await.unwrap();
        if unlinked.events.is_empty() {
            break;
        }
        assert!(waited < 100, "the floor never passed the events");
        store.raise_audit_floor(unlinked.horizon).await.unwrap();
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        waited += 1;
    }
    store
        .append_audits(&unconditional(vec![event(
            T,
            NOW + 40,
            "dave",
            "tokenize",
            "{}",
        )]))
        .await
        .unwrap();
    let new = store.unlinked_audit(10).await.unwrap();
    assert_eq!(new.events.len(), 1, "a new event is above the floor");
    assert!(new.horizon >= left.horizon);

    let list = |filter: AuditFilter| {
        let store = store.clone();
        async move {
            store
                .audit_events(T, &filter)
                .await
                .unwrap()
                .into_iter()
                .map(|e| e.event.at - NOW)
                .collect::<Vec<_>>()
        }
    };
    let all = AuditFilter {
        limit: 100,
        ..AuditFilter::default()
    };
    assert_eq!(list(all.clone()).await, vec![0, 10, 30, 40]);
    let by_sub = AuditFilter {
        sub: Some("alice".to_owned()),
        ..all.clone()
    };
    assert_eq!(list(by_sub).await, vec![0, 30]);
    let by_action = AuditFilter {
        action: Some("detokenize".to_owned()),
        ..all.clone()
    };
    assert_eq!(list(by_action).await, vec![10, 30]);
    let by_time = AuditFilter {
        since: Some(NOW + 5),
        until: Some(NOW + 30),
        ..all.clone()
    };
    assert_eq!(list(by_time).await, vec![10]);
    let by_token = AuditFilter {
        token_id: Some("aaaa".to_owned()),
        ..all.clone()
    };
    assert_eq!(list(by_token).await, vec![0, 30]);
    let first = store.audit_events(T, &all).await.unwrap()[0].seq;
    let paged = AuditFilter {
        after_seq: Some(first),
        limit: 1,
        ..all.clone()
    };
    assert_eq!(list(paged).await, vec![10]);
    let linked = store.audit_events(T, &all).await.unwrap();
    assert_eq!(linked[1].chain_index, Some(2));
    assert_eq!(linked[1].hash, Some(vec![2; 32]));
    assert_eq!(
        linked[1].event.mac,
        Some(vec![b'm'; 32]),
        "the event's MAC is kept"
    );
    assert_eq!(linked[2].chain_index, None);
    assert_eq!(store.unlinked_audit_count(T).await.unwrap(), 2);
    let in_chain_order = store.linked_audit(T, 1, 10).await.unwrap();
    assert_eq!(
        in_chain_order
            .iter()
            .map(|e| e.chain_index)
            .collect::<Vec<_>>(),
        vec![Some(2)]
    );
}

fn checkpoint(index: i64, mac_version: i64) -> CheckpointRow {
    CheckpointRow {
        chain_index: index,
        hash: vec![index as u8; 32],
        mac: vec![7; 32],
        mac_version,
    }
}
on_every_store!(audit_events_are_linked_once_and_listed_by_filter);

async fn checkpoints_are_read_by_range_and_by_version(store: Arc<dyn VaultStore>) {
    let events = store
        .append_audits(&unconditional(
            (0..5)
                .map(|i| event(T, NOW + i, "alice", "tokenize", "{}"))
                .collect(),
        ))
        .await
        .unwrap();
    assert_eq!(events.len(), 5);
    let unlinked = store.unlinked_audit(10).await.unwrap().events;
    for (i, (event, version)) in unlinked.iter().zip([1, 1, 2, 2, 2]).enumerate() {
        let index = i as i64 + 1;
        let link = AuditLink {
            seq: event.seq,
            chain_index: index,
            prev_hash: vec![0; 32],
            hash: vec![index as u8; 32],
        };
        store
            .link_audit(T, &[link], &checkpoint(index, version), NOW)
            .await
            .unwrap();
    }
    let between: Vec<i64> = store
        .checkpoints(T, 2, 4)
        .await
        .unwrap()
        .iter()
        .map(|c| c.chain_index)
        .collect();
    assert_eq!(between, vec![2, 3, 4]);
    assert_eq!(
        store.last_checkpoint_of_version(T, 1).await.unwrap(),
        Some(2)
    );
    assert_eq!(
        store.last_checkpoint_of_version(T, 2).await.unwrap(),
        Some(5)
    );
    assert_eq!(
        store.last_checkpoint_of_version(OTHER, 1).await.unwrap(),
        None
    );
    assert!(store
        .checkpoints(OTHER, 0, i64::MAX)
        .await
        .unwrap()
        .is_empty());
    let page: Vec<Option<i64>> = store
        .linked_audit(T, 2, 2)
        .await
        .unwrap()
        .iter()
        .map(|e| e.chain_index)
        .collect();
    assert_eq!(page, vec![Some(3), Some(4)]);
}
on_every_store!(checkpoints_are_read_by_range_and_by_version);

async fn a_job_is_leased_by_compare_and_swap(store: Arc<dyn VaultStore>) {
    let job = JobRow {
        id: "job-1".to_owned(),
        tenant: T.to_owned(),
        kind: "reencrypt".to_owned(),
        target_version: 2,
        state: "running".to_owned(),
        processed: 0,
        cursor_token: String::new(),
        lease_until: NOW + 100,
        created_at: NOW,
        updated_at: NOW,
    };
    assert_eq!(store.create_job(&job).await.unwrap(), job);
    let second = JobRow {
        id: "job-2".to_owned(),
        ..job.clone()
    };
    assert_eq!(
        store.create_job(&second).await.unwrap(),
        job,
        "the running job of the same kind is returned"
    );
    assert_eq!(store.job(T, "job-1").await.unwrap(), Some(job.clone()));
    assert_eq!(store.job(T, "job-2").await.unwrap(), None);
    assert_eq!(store.job(OTHER, "job-1").await.unwrap(), None);
    assert!(store.claimable_jobs(NOW + 50).await.unwrap().is_empty());
    assert_eq!(store.claimable_jobs(NOW + 200).await.unwrap(), vec![job]);
    assert!(store
        .claim_job("job-1", NOW + 100, NOW + 500)
        .await
        .unwrap());
    assert!(!store
        .claim_job("job-1", NOW + 100, NOW + 600)
        .await
        .unwrap());
    assert!(store.claimable_jobs(NOW + 200).await.unwrap().is_empty());
    store.finish_job("job-1", "done", NOW + 300).await.unwrap();
    let done = store.job(T, "job-1").await.unwrap().unwrap();
    assert_eq!((done.state.as_str(), done.updated_at), ("done", NOW + 300));
    assert!(store.claimable_jobs(NOW + 10_000).await.unwrap().is_empty());
}
on_every_store!(a_job_is_leased_by_compare_and_swap);

async fn a_policy_is_versioned_from_one(store: Arc<dyn VaultStore>) {
    assert!(store.policy(T).await.unwrap().is_none());
    assert_eq!(
        store
            .put_policy(T, r#"{"a":1}"#, NOW, "admin")
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        store
            .put_policy(T, r#"{"a":2}"#, NOW, "admin")
            .await
            .unwrap(),
        2
    );
    let policy = store.policy(T).await.unwrap().unwrap();
    assert_eq!(
        (policy.version, policy.document.as_str()),
        (2, r#"{"a":2}"#)
    );
    assert!(store.policy(OTHER).await.unwrap().is_none());
    assert_eq!(fresh_state(&*store, T).await.policy_version, Some(2));
}
on_every_store!(a_policy_is_versioned_from_one);

async fn rate_counters_add_up_per_window(store: Arc<dyn VaultStore>) {
    assert_eq!(store.add_rate_count("k", 100, 3).await.unwrap(), 3);
    assert_eq!(store.add_rate_count("k", 100, 4).await.unwrap(), 7);
    assert_eq!(store.add_rate_count("k", 200, 1).await.unwrap(), 1);
    assert_eq!(store.add_rate_count("j", 100, 2).await.unwrap(), 2);
    store.drop_rate_counts(200).await.unwrap();
    assert_eq!(
        store.add_rate_count("k", 100, 1).await.unwrap(),
        1,
        "dropped"
    );
    assert_eq!(store.add_rate_count("k", 200, 1).await.unwrap(), 2, "kept");
}
on_every_store!(rate_counters_add_up_per_window);

async fn honey_tokens_are_listed_and_reveal_as_honey(store: Arc<dyn VaultStore>) {
    let honey = |id: &str, at: i64| HoneyTokenRow {
        token_id: id.to_owned(),
        entity_type: "IBAN".to_owned(),
        created_at: at,
        created_by: "admin".to_owned(),
    };
    store
        .add_honey_token(T, &honey("hhh2", NOW + 1))
        .await
        .unwrap();
    store.add_honey_token(T, &honey("hhh1", NOW)).await.unwrap();
    let twice = store.add_honey_token(T, &honey("hhh1", NOW)).await;
    assert!(matches!(twice, Err(StoreError::Conflict)), "{twice:?}");
    assert_eq!(
        store.honey_tokens(T).await.unwrap(),
        vec![honey("hhh1", NOW), honey("hhh2", NOW + 1)]
    );
    assert!(store.honey_tokens(OTHER).await.unwrap().is_empty());
    let rows = store.entries(T, &["hhh1".to_owned()]).await.unwrap();
    assert_eq!(rows.len(), 1);
    assert!(rows[0].honey);
    assert_eq!(rows[0].entity_type, "IBAN");
    assert!(rows[0].sealed_value.is_empty());
}
on_every_store!(honey_tokens_are_listed_and_reveal_as_honey);

async fn a_block_is_extended_never_shortened_and_lifted(store: Arc<dyn VaultStore>) {
    let block = |sub: &str, until_at: i64, reason: &str| CallerBlockRow {
        tenant: T.to_owned(),
        sub: sub.to_owned(),
        until_at,
        reason: reason.to_owned(),
    };
    store
        .block_caller(&block("mallory", NOW + 100, "rate"))
        .await
        .unwrap();
    store
        .block_caller(&block("mallory", NOW + 50, "honey"))
        .await
        .unwrap();
    store
        .block_caller(&block("eve", NOW + 10, "rate"))
        .await
        .unwrap();
    let active = store.active_blocks(NOW + 20).await.unwrap();
    assert_eq!(active, vec![block("mallory", NOW + 100, "honey")]);
    assert!(store.unblock_caller(T, "mallory").await.unwrap());
    assert!(!store.unblock_caller(T, "mallory").await.unwrap());
    assert!(
        store.active_blocks(NOW).await.unwrap().is_empty(),
        "eve's block was dropped"
    );
}
on_every_store!(a_block_is_extended_never_shortened_and_lifted);

/// What the edge misses is still no 500: Postgres refuses a NUL in text (SQLSTATE class
/// 22), and the store says so as a refused value, which the API answers with a 400.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_refusing_a_value_is_a_refused_value_not_a_database_failure() {
    let Some(store) = postgres_store().await else {
        return;
    };
    let filter = AuditFilter {
        sub: Some("a\u{0}b".to_owned()),
        limit: 10,
        ..AuditFilter::default()
    };
    let refused = store.audit_events(T, &filter).await;
    assert!(
        matches!(refused, Err(StoreError::RefusedValue(_))),
        "{refused:?}"
    );
}
