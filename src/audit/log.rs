//! The audit log as a service: recording events (through the group-commit writer),
//! linking them into each tenant's hash chain, signing checkpoints, listing and verifying.

use std::sync::Arc;
use std::time::Duration;

use serde::Serialize;

use tokio::sync::OnceCell;
use zeroize::Zeroizing;

use super::{
    checkpoint_mac, event_hash, event_mac, AuditRecord, ChainVerifier, Checkpoint, StoredEvent,
    VerifyReport, CHECKPOINT_MAC_VERSION, GENESIS,
};
use crate::clock::Clock;
use crate::keys::{Keyring, KeyringError};
use crate::store::{
    AuditAppendRow, AuditAppends, AuditEventRow, AuditFilter, AuditLink, GroupCommit, StoreError,
    TenantStateRow, VaultStore,
};
use crate::tenant::TenantId;
use crate::vault::VaultError;

/// The pseudo-tenant whose fingerprint key is the audit key (event and checkpoint MACs,
/// each under its own label): wrapped by the root key (and rewrapped with it),
/// unreachable through the API since `#` is not allowed in tenant ids, and never shredded
/// with a tenant.
const AUDIT_KEY_OWNER: &str = "#audit";
/// Events linked per transaction, and read per page by verification.
const LINK_BATCH: i64 = 1000;
/// Events listed per page at most.
pub const MAX_PAGE: i64 = 1000;
/// How often new audit events are linked into their chain.
const LINK_PERIOD: Duration = Duration::from_secs(1);
/// Batches of events in flight at once (see the store's group commit for why one).
const WRITERS: usize = 1;
/// Events stored per transaction at most.
const MAX_BATCH: usize = 256;

/// One page of audit events.
#[derive(Debug, Serialize)]
pub struct AuditPage {
    /// The events, oldest first.
    pub events: Vec<StoredEvent>,
    /// Pass as `after` for the next page; absent on the last one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_after: Option<i64>,
}

/// The audit log of every tenant.
#[derive(Debug)]
pub struct AuditLog {
    store: Arc<dyn VaultStore>,
    keyring: Arc<Keyring>,
    clock: Arc<dyn Clock>,
    writer: GroupCommit<AuditAppends>,
    /// The audit key, unwrapped once: its bytes never change (root rotations rewrap it).
    key: OnceCell<Zeroizing<Vec<u8>>>,
}

impl AuditLog {
    /// The audit log over the store; checkpoints are signed with a key from `keyring`.
    pub fn new(store: Arc<dyn VaultStore>, keyring: Arc<Keyring>, clock: Arc<dyn Clock>) -> Self {
        Self {
            writer: GroupCommit::new(Arc::clone(&store), WRITERS, MAX_BATCH),
            store,
            keyring,
            clock,
            key: OnceCell::new(),
        }
    }

    /// An event of this instant, outcome `ok`.
    pub fn event(
        &self,
        tenant: &TenantId,
        sub: &str,
        request_id: &str,
        action: &str,
        details: &serde_json::Value,
    ) -> AuditRecord {
        AuditRecord {
            tenant: tenant.as_str().to_owned(),
            at: self.clock.now_millis(),
            sub: sub.to_owned(),
            action: action.to_owned(),
            outcome: "ok".to_owned(),
            request_id: request_id.to_owned(),
            details: details.to_string(),
        }
    }

    /// Appends an event and returns once it is durable (events of concurrent requests
    /// share one commit).
    ///
    /// # Errors
    /// Store failures.
    pub async fn record(&self, event: AuditRecord) -> Result<(), VaultError> {
        let append = AuditAppendRow {
            event: self.sign(event).await?,
            only_at_state: None,
        };
        self.writer.write(append).await?;
        Ok(())
    }

    /// Appends an event only if its tenant is still at `state`'s key epoch and policy
    /// version, and returns once it is durable; `false` (nothing stored) when it moved
    /// on. A reveal made with keys and entries cached at that state records itself this
    /// way: its answer leaves only if no key change (rotation, destruction, shredding) and
    /// no policy change came first.
    ///
    /// # Errors
    /// Store failures.
    pub async fn record_at_state(
        &self,
        event: AuditRecord,
        state: TenantStateRow,
    ) -> Result<bool, VaultError> {
        let append = AuditAppendRow {
            event: self.sign(event).await?,
            only_at_state: Some(state),
        };
        Ok(self.writer.write(append).await?)
    }

    /// Links new events every second until the process ends. Every instance runs it; a
    /// lost race changes nothing.
    pub fn spawn_linker(self: &Arc<Self>) {
        let log = Arc::clone(self);
        tokio::spawn(async move {
            let mut ticker = tokio::time::interval(LINK_PERIOD);
            loop {
                ticker.tick().await;
                if let Err(err) = log.link().await {
                    tracing::warn!(error = %err, "linking audit events failed; will retry");
                }
            }
        });
    }

    async fn key(&self) -> Result<&[u8], VaultError> {
        let key = self
            .key
            .get_or_try_init(|| async {
                let state = self.store.tenant_state(AUDIT_KEY_OWNER).await?;
                let keys = self
                    .keyring
                    .for_sealing(AUDIT_KEY_OWNER, state.key_epoch)
                    .await?;
                let key = keys
                    .fingerprint
                    .as_ref()
                    .ok_or(VaultError::Keyring(KeyringError::Contended))?;
                Ok::<_, VaultError>(Zeroizing::new(key.bytes().expose().to_vec()))
            })
            .await?;
        Ok(key.as_slice())
    }

    /// The row to store for `event`, with the service's MAC over it: every event the
    /// service writes goes through here.
    ///
    /// # Errors
    /// The audit key could not be loaded.
    pub async fn sign(&self, event: AuditRecord) -> Result<AuditEventRow, VaultError> {
        let mac = event_mac(self.key().await?, &event);
        Ok(event.signed(mac))
    }

    /// Links every tenant's new events into its chain and signs the new heads. Safe to
    /// run on every instance at once: a lost race changes nothing.
    ///
    /// # Errors
    /// Store or key failures.
    pub async fn link(&self) -> Result<usize, VaultError> {
        let mut linked = 0;
        // A tenant whose links were refused (another chainer got there first, or a row
        // someone inserted blocks its next position) is skipped for this pass, and the
        // floor stays where it is so that its events are read again.
        let mut skipped = false;
        loop {
            let unlinked = self.store.unlinked_audit(LINK_BATCH).await?;
            let complete = i64::try_from(unlinked.events.len()).unwrap_or(i64::MAX) < LINK_BATCH;
            let events: Vec<StoredEvent> =
                unlinked.events.into_iter().map(StoredEvent::from).collect();
            for tenant_events in events.chunk_by(|a, b| a.record.tenant == b.record.tenant) {
                match self.link_tenant(tenant_events).await {
                    Ok(count) => linked += count,
                    Err(VaultError::Store(StoreError::Conflict)) => {
                        tracing::warn!(
                            tenant = tenant_events[0].record.tenant.as_str(),
                            "linking refused for this tenant; skipped this pass"
                        );
                        skipped = true;
                    }
                    Err(err) => return Err(err),
                }
            }
            if complete || skipped {
                if !skipped {
                    self.store.raise_audit_floor(unlinked.horizon).await?;
                }
                return Ok(linked);
            }
        }
    }

    /// Links one tenant's new events (in insertion order) after its chain head, with the
    /// checkpoint of the new head in the same transaction.
    async fn link_tenant(&self, events: &[StoredEvent]) -> Result<usize, VaultError> {
        let Some(tenant) = events.first().map(|e| e.record.tenant.as_str()) else {
            return Ok(0);
        };
        let key = self.key().await?;
        let (mut index, mut prev) = self
            .store
            .audit_chain_head(tenant)
            .await?
            .unwrap_or((0, GENESIS.to_vec()));
        let mut links = Vec::with_capacity(events.len());
        for event in events {
            let genuine = event.mac.as_deref().is_some_and(|mac| {
                bool::from(subtle::ConstantTimeEq::ct_eq(
                    mac,
                    event_mac(key, &event.record).as_slice(),
                ))
            });
            if !genuine {
                // Linked all the same: the chain records what the table held, and
                // verification names the event.
                tracing::warn!(
                    tenant,
                    seq = event.seq,
                    "an audit event without the service's MAC was found; verify reports it"
                );
            }
            index += 1;
            let hash = event_hash(&prev, index, &event.record);
            links.push(AuditLink {
                seq: event.seq,
                chain_index: index,
                prev_hash: prev,
                hash: hash.clone(),
            });
            prev = hash;
        }
        let checkpoint = Checkpoint {
            chain_index: index,
            mac: checkpoint_mac(key, CHECKPOINT_MAC_VERSION, tenant, index, &prev),
            hash: prev,
            mac_version: CHECKPOINT_MAC_VERSION,
        };
        self.store
            .link_audit(tenant, &links, &checkpoint.into(), self.clock.now_millis())
            .await?;
        Ok(links.len())
    }

    /// Links pending events, then checks the tenant's whole chain and its checkpoints,
    /// a page at a time.
    ///
    /// # Errors
    /// Store or key failures.
    pub async fn verify(&self, tenant: &str) -> Result<VerifyReport, VaultError> {
        self.link().await?;
        let key = self.key().await?;
        let legacy_until = self
            .store
            .last_checkpoint_of_version(tenant, 1)
            .await?
            .unwrap_or(0);
        let mut verifier = ChainVerifier::new(tenant, key, legacy_until);
        let mut after = 0;
        loop {
            let events: Vec<StoredEvent> = self
                .store
                .linked_audit(tenant, after, LINK_BATCH)
                .await?
                .into_iter()
                .map(StoredEvent::from)
                .collect();
            let Some(last) = events.last().and_then(|e| e.chain_index) else {
                break;
            };
            let checkpoints = self.checkpoints(tenant, after + 1, last).await?;
            verifier.page(&events, &checkpoints);
            after = last;
        }
        let past_head = self.checkpoints(tenant, after + 1, i64::MAX).await?;
        let pending = self.store.unlinked_audit_count(tenant).await?;
        Ok(verifier.finish(usize::try_from(pending).unwrap_or(0), &past_head))
    }

    async fn checkpoints(
        &self,
        tenant: &str,
        from: i64,
        to: i64,
    ) -> Result<Vec<Checkpoint>, VaultError> {
        Ok(self
            .store
            .checkpoints(tenant, from, to)
            .await?
            .into_iter()
            .map(Checkpoint::from)
            .collect())
    }

    /// One page of the tenant's events matching `filter`.
    ///
    /// # Errors
    /// Store failures.
    pub async fn page(
        &self,
        tenant: &TenantId,
        mut filter: AuditFilter,
    ) -> Result<AuditPage, VaultError> {
        filter.limit = filter.limit.clamp(1, MAX_PAGE);
        let events: Vec<StoredEvent> = self
            .store
            .audit_events(tenant.as_str(), &filter)
            .await?
            .into_iter()
            .map(StoredEvent::from)
            .collect();
        let next_after = (i64::try_from(events.len()).unwrap_or(0) == filter.limit)
            .then(|| events.last().map(|e| e.seq))
            .flatten();
        Ok(AuditPage { events, next_after })
    }

    /// Every tenant that has audit events (for the CLI).
    ///
    /// # Errors
    /// Store failures.
    pub async fn tenants(&self) -> Result<Vec<String>, VaultError> {
        Ok(self.store.audit_tenants().await?)
    }
}
