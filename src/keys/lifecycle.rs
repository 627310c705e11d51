//! The key lifecycle of a tenant: look at its data-key versions, rotate, re-encrypt
//! records to the active version in resumable batches, retire (destroy) old versions, and
//! crypto-shred the whole tenant. Also the background work: resuming jobs whose lease
//! expired (after a crash or restart) and purging expired tokens.

use std::sync::Arc;
use std::time::Duration;

use serde::Serialize;

use super::root_rotation::ShredView;
use super::{Keyring, KeyringError, TenantStates};
use crate::clock::Clock;
use crate::crypto;
use crate::store::{DestroyOutcome, JobProgress, JobRow, ResealRow, VaultStore};
use crate::tenant::TenantId;
use crate::vault::{TokenId, VaultError};

/// Records re-encrypted per transaction.
const REENCRYPT_BATCH: i64 = 500;
/// How long a job's lease lasts; it is renewed with every batch.
const LEASE_MILLIS: i64 = 5_000;
/// How often an instance looks for orphaned jobs and expired tokens.
const BACKGROUND_PERIOD: Duration = Duration::from_secs(2);
/// Background periods to wait after an owed root retirement failed: about a minute.
const RETIREMENT_RETRY_TICKS: u32 = 30;
/// Expired tokens deleted per statement.
const PURGE_BATCH: i64 = 1000;

/// One data-key version as admins see it.
#[derive(Debug, Serialize)]
pub struct KeyVersionView {
    /// Version number.
    pub version: i64,
    /// `active`, `decrypt_only` or `destroyed`.
    pub state: String,
    /// Unix milliseconds.
    pub created_at: i64,
    /// Records sealed with it.
    pub records: i64,
}

/// The tenant's keys as admins see them.
#[derive(Debug, Serialize)]
pub struct KeysView {
    /// Data-key versions, oldest first.
    pub data_keys: Vec<KeyVersionView>,
    /// The root key version in use.
    pub root_key_version: u32,
}

/// A re-encryption job as admins see it.
#[derive(Debug, Serialize)]
pub struct JobView {
    /// Job id.
    pub id: String,
    /// `running`, `done` or `failed`.
    pub state: String,
    /// The version records move to.
    pub target_version: i64,
    /// Records moved so far.
    pub processed: i64,
    /// Records still sealed with another version.
    pub remaining: i64,
}

/// The key lifecycle of every tenant, and the root key's. Shares the keyring and the
/// tenant state cache with the vault, so that a change made here is seen by the next
/// tokenize on this instance at once (other instances see it by the key epoch).
#[derive(Debug)]
pub struct KeyLifecycle {
    pub(super) store: Arc<dyn VaultStore>,
    pub(super) keyring: Arc<Keyring>,
    pub(super) states: Arc<TenantStates>,
    pub(super) clock: Arc<dyn Clock>,
    /// One root rotation at a time on this instance.
    pub(super) root_rotation: tokio::sync::Mutex<()>,
}

impl KeyLifecycle {
    /// The lifecycle over the vault's store, keyring and state cache.
    pub fn new(
        store: Arc<dyn VaultStore>,
        keyring: Arc<Keyring>,
        states: Arc<TenantStates>,
        clock: Arc<dyn Clock>,
    ) -> Self {
        Self {
            store,
            keyring,
            states,
            clock,
            root_rotation: tokio::sync::Mutex::new(()),
        }
    }

    /// The active root key version.
    pub fn root_key_version(&self) -> u32 {
        self.keyring.root().active().version()
    }

    /// The tenant's data-key versions with their use, and the root key version.
    ///
    /// # Errors
    /// Store failures.
    pub async fn keys_view(&self, tenant: &TenantId) -> Result<KeysView, VaultError> {
        // The root version as stored, not as this instance last loaded it: a rotation
        // through another instance shows here at once (without reloading anything).
        let stored = self.store.tenant_state(tenant.as_str()).await?;
        let root_key_version = stored
            .root_version
            .and_then(|v| u32::try_from(v).ok())
            .unwrap_or(0)
            .max(self.keyring.root().active().version());
        let usage = self.store.key_usage(tenant.as_str()).await?;
        let data_keys = match self.store.tenant_keys(tenant.as_str()).await? {
            None => Vec::new(),
            Some(row) => row
                .data_keys
                .into_iter()
                .map(|key| KeyVersionView {
                    records: usage
                        .iter()
                        .find(|(v, _)| *v == key.version)
                        .map_or(0, |(_, n)| *n),
                    version: key.version,
                    state: key.state,
                    created_at: key.created_at,
                })
                .collect(),
        };
        Ok(KeysView {
            data_keys,
            root_key_version,
        })
    }

    /// A new active data-key version; the previous one stays readable (`decrypt_only`).
    ///
    /// # Errors
    /// Store failures or lost races.
    pub async fn rotate_data_key(&self, tenant: &TenantId) -> Result<i64, VaultError> {
        let version = self.keyring.rotate(tenant.as_str()).await?;
        self.states.forget(tenant.as_str());
        tracing::info!(tenant = %tenant, version, "data key rotated");
        Ok(version)
    }

    /// Adds this instance's seal counts up and rotates every data key that reached its
    /// seal budget and is still the active one; returns (tenant, spent version, new
    /// version) for each rotation.
    ///
    /// # Errors
    /// Store or key failures.
    pub async fn rotate_spent_keys(&self) -> Result<Vec<(TenantId, i64, i64)>, VaultError> {
        let mut rotated = Vec::new();
        for (tenant, version) in self.keyring.add_up_seals().await? {
            let Ok(tenant) = TenantId::parse(&tenant) else {
                continue; // the audit key's owner seals nothing
            };
            let active = self
                .store
                .tenant_keys(tenant.as_str())
                .await?
                .and_then(|keys| {
                    keys.data_keys
                        .into_iter()
                        .find(|k| k.state == "active")
                        .map(|k| k.version)
                });
            if active != Some(version) {
                continue; // rotated already, here or on another instance
            }
            let next = self.rotate_data_key(&tenant).await?;
            tracing::warn!(tenant = %tenant, version, next, "data key reached its seal budget and was rotated");
            rotated.push((tenant, version, next));
        }
        Ok(rotated)
    }

    /// Retires an old data-key version: its key material is destroyed. Refused for the
    /// active version and while records still use it.
    ///
    /// # Errors
    /// Store failures.
    pub async fn destroy_data_key(
        &self,
        tenant: &TenantId,
        version: i64,
    ) -> Result<DestroyOutcome, VaultError> {
        let outcome = self
            .store
            .destroy_data_key(tenant.as_str(), version)
            .await?;
        self.states.forget(tenant.as_str());
        tracing::info!(tenant = %tenant, version, outcome = ?outcome, "data key destruction requested");
        Ok(outcome)
    }

    /// Crypto-shredding: destroys every key of the tenant and deletes its sealed records;
    /// its tokens become unknown. The root key is then rotated with no copy of the old
    /// version kept (and earlier copies destroyed): a database backup from before the
    /// shred holds the tenant's keys wrapped by a root version that no longer exists.
    /// Returns whether the tenant existed and the new root version.
    ///
    /// # Errors
    /// Store failures of the shred itself. A root rotation that cannot run now is owed,
    /// not an error: the answer says `old_root_destroyed: false`.
    pub async fn shred_tenant(&self, tenant: &TenantId) -> Result<ShredView, VaultError> {
        let existed = self
            .store
            .shred_tenant(tenant.as_str(), self.clock.now_millis())
            .await?;
        self.states.forget(tenant.as_str());
        tracing::warn!(tenant = %tenant, existed, "tenant keys and records shredded");
        if !existed {
            // Nothing was wrapped for it, so no backup holds anything of it.
            return Ok(ShredView {
                existed,
                root_key_version: self.keyring.root().active().version(),
                old_root_destroyed: true,
            });
        }
        match self.retire_root_key_entirely().await {
            Ok(rotation) => Ok(ShredView {
                existed,
                root_key_version: rotation.root_key_version,
                old_root_destroyed: true,
            }),
            // The shred itself is done and its rotation owed (recorded with it): another
            // rotation holding the lease, or a key file this instance cannot write (a
            // read-only Secret), leaves the debt for the background work or an operator.
            Err(err) => {
                if matches!(err, VaultError::Keyring(KeyringError::Contended)) {
                    tracing::warn!(tenant = %tenant, "root rotation busy; the shred's rotation is owed");
                } else {
                    tracing::error!(tenant = %tenant, error = %err, "the shred's root rotation failed and is owed");
                }
                Ok(ShredView {
                    existed,
                    root_key_version: self.keyring.root().active().version(),
                    old_root_destroyed: false,
                })
            }
        }
    }

    /// Starts moving the tenant's records to the active version (or returns the job
    /// already running). The work runs in the background of this instance; any instance
    /// resumes it if this one stops.
    ///
    /// # Errors
    /// Store or key failures.
    pub async fn start_reencryption(
        self: &Arc<Self>,
        tenant: &TenantId,
    ) -> Result<JobView, VaultError> {
        let state = self.store.tenant_state(tenant.as_str()).await?;
        let keys = self
            .keyring
            .for_sealing(tenant.as_str(), state.key_epoch)
            .await?;
        let target = keys.active.as_ref().map_or(0, |k| i64::from(k.version()));
        let now = self.clock.now_millis();
        let job = JobRow {
            id: TokenId::generate(&mut rand::rng()).as_str().to_owned(),
            tenant: tenant.as_str().to_owned(),
            kind: "reencrypt".to_owned(),
            target_version: target,
            state: "running".to_owned(),
            processed: 0,
            cursor_token: String::new(),
            lease_until: 0,
            created_at: now,
            updated_at: now,
        };
        let job = self.store.create_job(&job).await?;
        let view = self.job_view(&job).await?;
        let lifecycle = Arc::clone(self);
        tokio::spawn(async move { lifecycle.work_on(job).await });
        Ok(view)
    }

    /// A job of the tenant, with its progress.
    ///
    /// # Errors
    /// Store failures.
    pub async fn job(&self, tenant: &TenantId, id: &str) -> Result<Option<JobView>, VaultError> {
        match self.store.job(tenant.as_str(), id).await? {
            None => Ok(None),
            Some(job) => Ok(Some(self.job_view(&job).await?)),
        }
    }

    async fn job_view(&self, job: &JobRow) -> Result<JobView, VaultError> {
        let usage = self.store.key_usage(&job.tenant).await?;
        let remaining = usage
            .iter()
            .filter(|(v, _)| *v != job.target_version)
            .map(|(_, n)| n)
            .sum();
        Ok(JobView {
            id: job.id.clone(),
            state: job.state.clone(),
            target_version: job.target_version,
            processed: job.processed,
            remaining,
        })
    }

    /// Claims the job's lease and moves batches until nothing is left; stops quietly when
    /// another instance holds the lease.
    async fn work_on(self: Arc<Self>, job: JobRow) {
        let mut lease = job.lease_until;
        let mut cursor = job.cursor_token.clone();
        loop {
            let until = self.clock.now_millis() + LEASE_MILLIS;
            match self.store.claim_job(&job.id, lease, until).await {
                Ok(true) => lease = until,
                Ok(false) => return,
                Err(err) => {
                    tracing::warn!(job = %job.id, error = %err, "re-encryption paused; another instance or a restart resumes it");
                    return;
                }
            }
            match self.reencrypt_batch(&job, &cursor).await {
                Ok(Some(next)) => cursor = next,
                Ok(None) => {
                    let _ = self
                        .store
                        .finish_job(&job.id, "done", self.clock.now_millis())
                        .await;
                    tracing::info!(job = %job.id, tenant = %job.tenant, "re-encryption done");
                    return;
                }
                Err(err) => {
                    tracing::warn!(job = %job.id, error = %err, "re-encryption batch failed; will resume");
                    return;
                }
            }
        }
    }

    /// One batch; `None` when nothing is left to move.
    async fn reencrypt_batch(
        &self,
        job: &JobRow,
        cursor: &str,
    ) -> Result<Option<String>, VaultError> {
        let tenant = job.tenant.as_str();
        let rows = self
            .store
            .stale_entries(tenant, job.target_version, cursor, REENCRYPT_BATCH)
            .await?;
        let Some(last) = rows.last().map(|r| r.token_id.clone()) else {
            return Ok(None);
        };
        let state = self.store.tenant_state(tenant).await?;
        let keys = self.keyring.for_opening(tenant, state.key_epoch).await?;
        let target = u32::try_from(job.target_version).ok();
        let target_key = keys
            .as_ref()
            .zip(target)
            .and_then(|(k, v)| k.readable.get(&v).cloned());
        let (Some(keys), Some(target_key)) = (keys, target_key) else {
            // The target version is gone (shredded or destroyed): nothing can move.
            return Ok(None);
        };
        let mut resealed = Vec::with_capacity(rows.len());
        let mut nonces = crypto::Nonces::draw(rows.len())?;
        for row in &rows {
            let Ok(old) = u32::try_from(row.key_version) else {
                continue;
            };
            // A record whose key is already destroyed can never be read again: skip it.
            let Some(old_key) = keys.readable.get(&old) else {
                continue;
            };
            let old_aad = crypto::value_aad(tenant, &row.token_id, &row.entity_type, old);
            let Ok(plain) = crypto::open_value(old_key, &old_aad, &row.sealed_value) else {
                continue;
            };
            let new_aad = crypto::value_aad(
                tenant,
                &row.token_id,
                &row.entity_type,
                target_key.version(),
            );
            resealed.push(ResealRow {
                token_id: row.token_id.clone(),
                old_version: row.key_version,
                new_version: i64::from(target_key.version()),
                sealed_value: crypto::seal_value(&target_key, &mut nonces, &new_aad, &plain)?,
            });
        }
        let progress = JobProgress {
            id: job.id.clone(),
            processed: i64::try_from(resealed.len()).unwrap_or(i64::MAX),
            cursor_token: last.clone(),
            now: self.clock.now_millis(),
        };
        self.store
            .reseal_entries(tenant, &resealed, &progress)
            .await?;
        Ok(Some(last))
    }

    /// Deletes up to one batch of tokens whose time to live is over; returns how many.
    ///
    /// # Errors
    /// Store failures.
    pub async fn purge_expired(&self) -> Result<u64, VaultError> {
        Ok(self
            .store
            .purge_expired(self.clock.now_millis(), PURGE_BATCH)
            .await?)
    }

    /// Resumes orphaned jobs and purges expired tokens, every few seconds, until the
    /// process ends. Every instance runs it; leases keep them from doubling work.
    pub fn spawn_background_work(self: &Arc<Self>) {
        let lifecycle = Arc::clone(self);
        tokio::spawn(async move {
            let mut ticker = tokio::time::interval(BACKGROUND_PERIOD);
            // A key file this instance cannot write (a read-only Secret) fails every try:
            // said once, and tried again only every minute (each try takes the lease).
            let mut retirement_failing = false;
            let mut retirement_wait = 0u32;
            loop {
                ticker.tick().await;
                let now = lifecycle.clock.now_millis();
                if let Ok(jobs) = lifecycle.store.claimable_jobs(now).await {
                    for job in jobs {
                        tracing::info!(job = %job.id, "resuming re-encryption");
                        Arc::clone(&lifecycle).work_on(job).await;
                    }
                }
                if retirement_wait > 0 {
                    retirement_wait -= 1;
                } else {
                    match lifecycle.settle_owed_retirement().await {
                        Ok(false) | Err(VaultError::Keyring(KeyringError::Contended)) => {}
                        Ok(true) => {
                            retirement_failing = false;
                            tracing::warn!("an owed root retirement was completed");
                        }
                        Err(err) => {
                            retirement_wait = RETIREMENT_RETRY_TICKS;
                            if !retirement_failing {
                                retirement_failing = true;
                                tracing::error!(
                                    error = %err,
                                    "a shred's root rotation is owed and fails here; if the key file is read-only, run `promptvault keys rotate-root --no-copy` where it is writable"
                                );
                            }
                        }
                    }
                }
                match lifecycle.purge_expired().await {
                    Ok(0) => {}
                    Ok(purged) => tracing::info!(purged, "expired tokens purged"),
                    Err(err) => tracing::warn!(error = %err, "purging expired tokens failed"),
                }
            }
        });
    }
}
