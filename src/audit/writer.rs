//! Group commit for audit events written outside a tokenize statement (reveals, admin
//! actions, anomalies). Concurrent requests hand their event to a queue; a writer task
//! stores whatever has queued up in one transaction and then answers each of them: a
//! request still waits for its own event to be durable before it answers (no reveal
//! without its event), but a burst of N reveals costs one commit instead of N.

use std::sync::{Arc, OnceLock};

use tokio::sync::{mpsc, oneshot};

use crate::store::{AuditEventRow, StoreError, VaultStore};

/// Events stored per transaction at most.
const MAX_BATCH: usize = 256;
/// Batches in flight at once.
const WRITERS: usize = 3;

type Waiter = oneshot::Sender<Result<(), BatchFailure>>;

/// Why a batch failed, for every request in it.
#[derive(Debug, Clone, Copy)]
enum BatchFailure {
    Unavailable,
    Database,
}

/// The writer of one instance; its task starts with the first event.
#[derive(Debug, Default)]
pub(super) struct AuditWriter {
    queue: OnceLock<mpsc::UnboundedSender<(AuditEventRow, Waiter)>>,
}

impl AuditWriter {
    /// Stores `event`, durably, together with whatever else is waiting.
    pub(super) async fn append(
        &self,
        store: &Arc<dyn VaultStore>,
        event: AuditEventRow,
    ) -> Result<(), StoreError> {
        let queue = self.queue.get_or_init(|| spawn_writer(store));
        let (done, wait) = oneshot::channel();
        if queue.send((event, done)).is_err() {
            return Err(unavailable());
        }
        match wait.await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(BatchFailure::Database)) => Err(StoreError::Database(sqlx::Error::Protocol(
                "storing a batch of audit events failed".to_owned(),
            ))),
            Ok(Err(BatchFailure::Unavailable)) | Err(_) => Err(unavailable()),
        }
    }
}

fn unavailable() -> StoreError {
    StoreError::Unavailable(sqlx::Error::PoolTimedOut)
}

fn spawn_writer(store: &Arc<dyn VaultStore>) -> mpsc::UnboundedSender<(AuditEventRow, Waiter)> {
    let (queue, incoming) = mpsc::unbounded_channel::<(AuditEventRow, Waiter)>();
    let incoming = Arc::new(tokio::sync::Mutex::new(incoming));
    // A few writers take turns at the queue, so that a batch can be collected while
    // another one waits for its commit.
    for _ in 0..WRITERS {
        tokio::spawn(write_batches(Arc::clone(store), Arc::clone(&incoming)));
    }
    queue
}

type Queue = Arc<tokio::sync::Mutex<mpsc::UnboundedReceiver<(AuditEventRow, Waiter)>>>;

async fn write_batches(store: Arc<dyn VaultStore>, incoming: Queue) {
    let mut events = Vec::with_capacity(MAX_BATCH);
    let mut waiters = Vec::with_capacity(MAX_BATCH);
    loop {
        {
            let mut incoming = incoming.lock().await;
            let Some((event, waiter)) = incoming.recv().await else {
                return;
            };
            events.push(event);
            waiters.push(waiter);
            while events.len() < MAX_BATCH {
                match incoming.try_recv() {
                    Ok((event, waiter)) => {
                        events.push(event);
                        waiters.push(waiter);
                    }
                    Err(_) => break,
                }
            }
        }
        {
            match store.append_audits(&events).await {
                Ok(()) => {
                    for waiter in waiters.drain(..) {
                        let _ = waiter.send(Ok(()));
                    }
                }
                Err(StoreError::Unavailable(err)) => {
                    tracing::warn!(error = %err, events = events.len(), "audit events could not be stored");
                    for waiter in waiters.drain(..) {
                        let _ = waiter.send(Err(BatchFailure::Unavailable));
                    }
                }
                Err(err) => {
                    // One bad event must not fail the others: store them one by one.
                    tracing::warn!(error = %err, events = events.len(), "an audit batch failed; retrying its events one by one");
                    for (event, waiter) in events.iter().zip(waiters.drain(..)) {
                        let outcome = store
                            .append_audits(std::slice::from_ref(event))
                            .await
                            .map_err(|err| match err {
                                StoreError::Unavailable(_) => BatchFailure::Unavailable,
                                _ => BatchFailure::Database,
                            });
                        let _ = waiter.send(outcome);
                    }
                }
            }
            events.clear();
        }
    }
}
