//! The audit log as a service: recording events (through the group-commit writer),
//! linking them into each tenant's hash chain, signing checkpoints, listing and verifying.

use std::sync::Arc;
use std::time::Duration;

use serde::Serialize;

use super::{
    checkpoint_mac, event_hash, verify_chain, AuditRecord, Checkpoint, StoredEvent, VerifyReport,
    GENESIS,
};
use crate::clock::Clock;
use crate::keys::{Keyring, KeyringError};
use crate::store::{
    AuditAppendRow, AuditAppends, AuditFilter, AuditLink, GroupCommit, StoreError, TenantStateRow,
    VaultStore,
};
use crate::tenant::TenantId;
use crate::vault::VaultError;

/// The pseudo-tenant whose fingerprint key is the checkpoint MAC key: wrapped by the root
/// key (and rewrapped with it), unreachable through the API since `#` is not allowed in
/// tenant ids, and never shredded with a tenant.
const AUDIT_KEY_OWNER: &str = "#audit";
/// Events linked per transaction.
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
}

impl AuditLog {
    /// The audit log over the store; checkpoints are signed with a key from `keyring`.
    pub fn new(store: Arc<dyn VaultStore>, keyring: Arc<Keyring>, clock: Arc<dyn Clock>) -> Self {
        Self {
            writer: GroupCommit::new(Arc::clone(&store), WRITERS, MAX_BATCH),
            store,
            keyring,
            clock,
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
            event: event.into(),
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
            event: event.into(),
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

    async fn mac_key(&self) -> Result<Vec<u8>, VaultError> {
        let state = self.store.tenant_state(AUDIT_KEY_OWNER).await?;
        let keys = self
            .keyring
            .for_sealing(AUDIT_KEY_OWNER, state.key_epoch)
            .await?;
        let key = keys
            .fingerprint
            .as_ref()
            .ok_or(VaultError::Keyring(KeyringError::Contended))?;
        Ok(key.bytes().expose().to_vec())
    }

    /// Links every tenant's new events into its chain and signs the new heads. Safe to
    /// run on every instance at once: a lost race changes nothing.
    ///
    /// # Errors
    /// Store or key failures.
    pub async fn link(&self) -> Result<usize, VaultError> {
        let mut linked = 0;
        let mut mac_key = None;
        loop {
            let unlinked = self.store.unlinked_audit(LINK_BATCH).await?;
            let complete = i64::try_from(unlinked.events.len()).unwrap_or(i64::MAX) < LINK_BATCH;
            let events: Vec<StoredEvent> =
                unlinked.events.into_iter().map(StoredEvent::from).collect();
            for tenant_events in events.chunk_by(|a, b| a.record.tenant == b.record.tenant) {
                let key = match &mac_key {
                    Some(key) => key,
                    None => mac_key.insert(self.mac_key().await?),
                };
                match self.link_tenant(tenant_events, key).await {
                    Ok(count) => linked += count,
                    // Another chainer is at work; it links the rest.
                    Err(VaultError::Store(StoreError::Conflict)) => return Ok(linked),
                    Err(err) => return Err(err),
                }
            }
            if complete {
                self.store.raise_audit_floor(unlinked.horizon).await?;
                return Ok(linked);
            }
        }
    }

    /// Links one tenant's new events (in insertion order) after its chain head and signs
    /// the new head.
    async fn link_tenant(
        &self,
        events: &[StoredEvent],
        mac_key: &[u8],
    ) -> Result<usize, VaultError> {
        let Some(tenant) = events.first().map(|e| e.record.tenant.as_str()) else {
            return Ok(0);
        };
        let (mut index, mut prev) = self
            .store
            .audit_chain_head(tenant)
            .await?
            .unwrap_or((0, GENESIS.to_vec()));
        let mut links = Vec::with_capacity(events.len());
        for event in events {
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
        self.store.link_audit(tenant, &links).await?;
        let mac = checkpoint_mac(mac_key, tenant, index, &prev);
        let checkpoint = Checkpoint {
            chain_index: index,
            hash: prev,
            mac,
        };
        self.store
            .add_checkpoint(tenant, &checkpoint.into(), self.clock.now_millis())
            .await?;
        Ok(links.len())
    }

    /// Links pending events, then checks the tenant's whole chain and its checkpoints.
    ///
    /// # Errors
    /// Store or key failures.
    pub async fn verify(&self, tenant: &str) -> Result<VerifyReport, VaultError> {
        self.link().await?;
        let filter = AuditFilter {
            limit: i64::MAX,
            ..AuditFilter::default()
        };
        let events: Vec<StoredEvent> = self
            .store
            .audit_events(tenant, &filter)
            .await?
            .into_iter()
            .map(StoredEvent::from)
            .collect();
        let checkpoints: Vec<Checkpoint> = self
            .store
            .checkpoints(tenant)
            .await?
            .into_iter()
            .map(Checkpoint::from)
            .collect();
        let mac_key = self.mac_key().await?;
        Ok(verify_chain(tenant, &events, &checkpoints, Some(&mac_key)))
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
