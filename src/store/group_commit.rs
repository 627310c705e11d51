//! Group commit: concurrent requests hand their write to a queue, and a writer task takes
//! whatever has queued up, stores it in one transaction, then answers every request in
//! it (a kind of write may have more than one writer taking turns at the queue). A
//! request still waits for its own write to be durable before it answers, but a
//! burst of N requests costs one commit (and, on Postgres, one statement) instead of N.
//! Batches size themselves to the load: the writer never waits for more requests to
//! arrive, so a lone request pays only the hand-off between tasks, and the requests that
//! arrive while a batch commits make up the next one.
//!
//! How many writers, measured on the 2-core benchmark machine: reveal events, one (one
//! writer revealed 9,300 prompts/s, two 8,800 and four 7,800: more writers make smaller
//! batches, and every batch costs the database a transaction); tokenize, two (each batch
//! keeps a database backend busy for milliseconds, and a second one overlaps it: 4,050 to
//! 4,160 prompts/s against 3,640 to 3,930 with one).
//!
//! Two kinds of write go this way: tokenize's entries with their audit event
//! ([`EntryWrites`]) and audit events written on their own ([`AuditAppends`]: reveals,
//! admin actions, anomalies).

use std::sync::{Arc, OnceLock};

use tokio::sync::{mpsc, oneshot, Mutex};

use super::{AuditAppendRow, EntryWriteRow, StoreError, VaultStore};

/// A kind of write that many requests can share one transaction for.
#[async_trait::async_trait]
pub trait BatchWrite: Send + Sync + 'static {
    /// One request's write.
    type Item: Send + Sync + 'static;
    /// What the request learns once its write is durable.
    type Outcome: Send + 'static;
    /// The tenant an item belongs to (a store distributed by tenant commits each
    /// tenant's items on their own).
    fn tenant(item: &Self::Item) -> &str;

    /// Stores every item in one transaction; one outcome per item, in order.
    async fn write_batch(
        store: &dyn VaultStore,
        items: &[Self::Item],
    ) -> Result<Vec<Self::Outcome>, StoreError>;
}

/// Tokenize's writes: each request's sealed entries, its audit event and the tenant
/// state it sealed under. The outcome is each entry's token id, or `None` when the
/// tenant's state changed (nothing of that request is written).
#[derive(Debug)]
pub struct EntryWrites;

#[async_trait::async_trait]
impl BatchWrite for EntryWrites {
    type Item = EntryWriteRow;
    type Outcome = Option<Vec<String>>;

    fn tenant(item: &EntryWriteRow) -> &str {
        &item.tenant
    }

    async fn write_batch(
        store: &dyn VaultStore,
        items: &[EntryWriteRow],
    ) -> Result<Vec<Self::Outcome>, StoreError> {
        store.put_entry_writes(items).await
    }
}

/// Audit events written on their own. The outcome is whether the event was stored: one
/// conditional on a key epoch is not when the tenant's epoch moved on.
#[derive(Debug)]
pub struct AuditAppends;

#[async_trait::async_trait]
impl BatchWrite for AuditAppends {
    type Item = AuditAppendRow;
    type Outcome = bool;

    fn tenant(item: &AuditAppendRow) -> &str {
        &item.event.tenant
    }

    async fn write_batch(
        store: &dyn VaultStore,
        items: &[AuditAppendRow],
    ) -> Result<Vec<bool>, StoreError> {
        store.append_audits(items).await
    }
}

type Waiter<W> = oneshot::Sender<Result<<W as BatchWrite>::Outcome, StoreError>>;
type Job<W> = (<W as BatchWrite>::Item, Waiter<W>);
type Queue<W> = Arc<Mutex<mpsc::UnboundedReceiver<Job<W>>>>;

/// The group commit of one kind of write in one instance; its writer tasks start with the
/// first write.
#[derive(Debug)]
pub struct GroupCommit<W: BatchWrite> {
    store: Arc<dyn VaultStore>,
    writers: usize,
    max_batch: usize,
    queue: OnceLock<mpsc::UnboundedSender<Job<W>>>,
}

impl<W: BatchWrite> GroupCommit<W> {
    /// `writers` batches in flight at once, each of at most `max_batch` writes.
    pub fn new(store: Arc<dyn VaultStore>, writers: usize, max_batch: usize) -> Self {
        Self {
            store,
            writers: writers.max(1),
            max_batch: max_batch.max(1),
            queue: OnceLock::new(),
        }
    }

    /// Stores `item` together with whatever else is waiting; returns once it is durable.
    ///
    /// # Errors
    /// The store's failure for this item. A batch whose statement or transaction failed
    /// (so nothing of it was stored) is retried item by item, so one bad write fails
    /// alone; an unreachable database or an answer that cannot be trusted fails the whole
    /// batch, which is never written twice.
    pub async fn write(&self, item: W::Item) -> Result<W::Outcome, StoreError> {
        let queue = self.queue.get_or_init(|| {
            let (queue, incoming) = mpsc::unbounded_channel::<Job<W>>();
            let incoming: Queue<W> = Arc::new(Mutex::new(incoming));
            for _ in 0..self.writers {
                tokio::spawn(write_batches::<W>(
                    Arc::clone(&self.store),
                    Arc::clone(&incoming),
                    self.max_batch,
                ));
            }
            queue
        });
        let (done, wait) = oneshot::channel();
        if queue.send((item, done)).is_err() {
            return Err(unavailable());
        }
        wait.await.unwrap_or_else(|_| Err(unavailable()))
    }
}

/// The store could not be asked: the queue is gone, or the database is unreachable.
fn unavailable() -> StoreError {
    StoreError::Unavailable(sqlx::Error::PoolTimedOut)
}

/// One writer: takes its turn at the queue, collects what is there, commits it.
async fn write_batches<W: BatchWrite>(
    store: Arc<dyn VaultStore>,
    incoming: Queue<W>,
    max_batch: usize,
) {
    let mut batch: Vec<Job<W>> = Vec::with_capacity(max_batch);
    loop {
        {
            let mut incoming = incoming.lock().await;
            let Some(job) = incoming.recv().await else {
                return;
            };
            batch.push(job);
            while batch.len() < max_batch {
                let Ok(job) = incoming.try_recv() else {
                    break;
                };
                batch.push(job);
            }
        }
        if store.writes_tenant_by_tenant() {
            commit_tenant_by_tenant::<W>(&*store, &mut batch).await;
        } else {
            let (items, waiters): (Vec<_>, Vec<_>) = batch.drain(..).unzip();
            commit::<W>(&*store, &items, waiters.into_iter()).await;
        }
    }
}

/// How many tenants' transactions one writer runs at once on a store distributed by
/// tenant: the connections they take are the ones reads need too.
const TENANTS_AT_ONCE: usize = 4;

/// On a store distributed by tenant (Citus), a transaction that writes two tenants
/// spans two workers and commits in two phases; one that writes one tenant writes one
/// worker (and the coordinator's audit table). So each tenant's part of the batch is its
/// own transaction, [`TENANTS_AT_ONCE`] at a time. Each tenant's items keep their order.
async fn commit_tenant_by_tenant<W: BatchWrite>(store: &dyn VaultStore, batch: &mut Vec<Job<W>>) {
    batch.sort_by(|(a, _), (b, _)| W::tenant(a).cmp(W::tenant(b)));
    let (items, waiters): (Vec<_>, Vec<_>) = batch.drain(..).unzip();
    let mut waiters = waiters.into_iter();
    let mut commits = Vec::new();
    let mut rest = items.as_slice();
    while let Some(first) = rest.first() {
        let same = rest
            .iter()
            .take_while(|item| W::tenant(item) == W::tenant(first))
            .count();
        let (tenant_items, after) = rest.split_at(same);
        let tenant_waiters: Vec<_> = waiters.by_ref().take(same).collect();
        commits.push(commit::<W>(store, tenant_items, tenant_waiters.into_iter()));
        rest = after;
    }
    let mut commits = commits.into_iter();
    loop {
        let wave: Vec<_> = commits.by_ref().take(TENANTS_AT_ONCE).collect();
        if wave.is_empty() {
            break;
        }
        futures_util::future::join_all(wave).await;
    }
}

/// Stores one batch and answers its waiters.
async fn commit<W: BatchWrite>(
    store: &dyn VaultStore,
    items: &[W::Item],
    waiters: impl Iterator<Item = Waiter<W>>,
) {
    match W::write_batch(store, items).await {
        Ok(outcomes) if outcomes.len() == items.len() => {
            for (waiter, outcome) in waiters.zip(outcomes) {
                let _ = waiter.send(Ok(outcome));
            }
        }
        Ok(_) => {
            // Committed, but the answers cannot be matched to the requests: writing
            // again would duplicate them, so each request fails.
            tracing::error!(
                writes = items.len(),
                "a batch returned the wrong number of outcomes"
            );
            for waiter in waiters {
                let _ = waiter.send(Err(StoreError::Inconsistent(
                    "a batch returned the wrong number of outcomes",
                )));
            }
        }
        Err(StoreError::Conflict | StoreError::Database(_) | StoreError::RefusedValue(_)) => {
            // The batch's statement or transaction failed, so nothing of it is stored;
            // one bad write must not fail the others: each is stored alone.
            tracing::warn!(
                writes = items.len(),
                "a batch failed; storing its writes one by one"
            );
            for (item, waiter) in items.iter().zip(waiters) {
                let outcome = W::write_batch(store, std::slice::from_ref(item))
                    .await
                    .and_then(|mut outcomes| match (outcomes.pop(), outcomes.is_empty()) {
                        (Some(outcome), true) => Ok(outcome),
                        _ => Err(StoreError::Inconsistent("a write returned no outcome")),
                    });
                let _ = waiter.send(outcome);
            }
        }
        Err(err) => {
            if matches!(err, StoreError::Full(_)) {
                store.recover_from_full().await;
            }
            // Unreachable database, or an answer after a commit that cannot be trusted:
            // every request of the batch fails, and none is written again.
            tracing::warn!(error = %err, writes = items.len(), "a batch of writes could not be stored");
            for waiter in waiters {
                let failure = match &err {
                    StoreError::Unavailable(_) => unavailable(),
                    // The transaction failed for want of space: nothing of it is stored,
                    // and storing each write alone would only fail again.
                    StoreError::Full(_) => StoreError::Full(sqlx::Error::Protocol(
                        "the database has no space left".to_owned(),
                    )),
                    _ => StoreError::Inconsistent("a batch's answer could not be used"),
                };
                let _ = waiter.send(Err(failure));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use super::*;

    /// Items are (tenant, n); the outcome is n, and every batch's items are recorded.
    struct Recorder;

    static BATCHES: Mutex<Vec<Vec<String>>> = Mutex::new(Vec::new());

    #[async_trait::async_trait]
    impl BatchWrite for Recorder {
        type Item = (String, u32);
        type Outcome = u32;

        fn tenant(item: &(String, u32)) -> &str {
            &item.0
        }

        async fn write_batch(
            _store: &dyn VaultStore,
            items: &[(String, u32)],
        ) -> Result<Vec<u32>, StoreError> {
            let tenants = items
                .iter()
                .map(|(tenant, n)| format!("{tenant}{n}"))
                .collect();
            BATCHES
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(tenants);
            Ok(items.iter().map(|(_, n)| *n).collect())
        }
    }

    #[tokio::test]
    async fn a_batch_split_by_tenant_answers_each_request_its_own_outcome() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let url = format!("sqlite://{}", dir.path().join("split.db").display());
        let store = crate::store::SqliteStore::connect(&url)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let mut batch = Vec::new();
        let mut answers = Vec::new();
        for (n, tenant) in (0u32..).zip(["b", "a", "c", "a", "b", "a"]) {
            let (done, answer) = oneshot::channel();
            batch.push(((tenant.to_owned(), n), done));
            answers.push((n, answer));
        }
        commit_tenant_by_tenant::<Recorder>(&store, &mut batch).await;

        for (n, answer) in answers {
            assert_eq!(answer.await.ok().and_then(Result::ok), Some(n));
        }
        let mut batches = BATCHES.lock().unwrap_or_else(|e| e.into_inner()).clone();
        batches.sort();
        assert_eq!(
            batches,
            [vec!["a1", "a3", "a5"], vec!["b0", "b4"], vec!["c2"]],
            "one batch per tenant, each in the order its requests came"
        );
    }
}
