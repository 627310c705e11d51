//! The key lifecycle of a tenant: look at its data-key versions, rotate, re-encrypt
//! records to the active version in resumable batches, retire (destroy) old versions, and
//! crypto-shred the whole tenant. Also the background work: resuming jobs whose lease
//! expired (after a crash or restart) and purging expired tokens.

use std::sync::Arc;
use std::time::Duration;

use serde::Serialize;

use super::{Vault, VaultError};
use crate::crypto;
use crate::store::{
    DestroyOutcome, JobProgress, JobRow, PendingActionRow, ResealRow, RewrappedKeyRow, StoreError,
};
use crate::tenant::TenantId;

/// Records re-encrypted per transaction.
const REENCRYPT_BATCH: i64 = 500;
/// How long a job's lease lasts; it is renewed with every batch.
const LEASE_MILLIS: i64 = 5_000;
/// How often an instance looks for orphaned jobs and expired tokens.
const BACKGROUND_PERIOD: Duration = Duration::from_secs(2);
/// How often new audit events are linked into their chain.
const AUDIT_LINK_PERIOD: Duration = Duration::from_secs(1);
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

impl Vault {
    /// The active root key version.
    pub fn root_key_version(&self) -> u32 {
        self.keyring.root().active().version()
    }

    /// The tenant's data-key versions with their use, and the root key version.
    ///
    /// # Errors
    /// Store failures.
    pub async fn keys_view(&self, tenant: &TenantId) -> Result<KeysView, VaultError> {
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
            root_key_version: self.keyring.root().active().version(),
        })
    }

    /// A new active data-key version; the previous one stays readable (`decrypt_only`).
    ///
    /// # Errors
    /// Store failures or lost races.
    pub async fn rotate_data_key(&self, tenant: &TenantId) -> Result<i64, VaultError> {
        let version = self.keyring.rotate(tenant.as_str()).await?;
        self.forget_state(tenant.as_str());
        tracing::info!(tenant = %tenant, version, "data key rotated");
        Ok(version)
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
        self.forget_state(tenant.as_str());
        tracing::info!(tenant = %tenant, version, outcome = ?outcome, "data key destruction requested");
        Ok(outcome)
    }

    /// Crypto-shredding: destroys every key of the tenant; its tokens become unknown.
    ///
    /// # Errors
    /// Store failures.
    pub async fn shred_tenant(&self, tenant: &TenantId) -> Result<bool, VaultError> {
        let existed = self
            .store
            .shred_tenant(tenant.as_str(), self.clock.now_millis())
            .await?;
        self.forget_state(tenant.as_str());
        tracing::warn!(tenant = %tenant, existed, "tenant keys shredded");
        Ok(existed)
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
            id: super::TokenId::generate(&mut rand::thread_rng())
                .as_str()
                .to_owned(),
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
        let vault = Arc::clone(self);
        tokio::spawn(async move { vault.work_on(job).await });
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
                sealed_value: crypto::seal_value(&target_key, &new_aad, &plain)?,
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
        let linker = Arc::clone(self);
        tokio::spawn(async move {
            let mut ticker = tokio::time::interval(AUDIT_LINK_PERIOD);
            loop {
                ticker.tick().await;
                if let Err(err) = linker.link_audit().await {
                    tracing::warn!(error = %err, "linking audit events failed; will retry");
                }
            }
        });
        let vault = Arc::clone(self);
        tokio::spawn(async move {
            let mut ticker = tokio::time::interval(BACKGROUND_PERIOD);
            loop {
                ticker.tick().await;
                let now = vault.clock.now_millis();
                if let Ok(jobs) = vault.store.claimable_jobs(now).await {
                    for job in jobs {
                        tracing::info!(job = %job.id, "resuming re-encryption");
                        Arc::clone(&vault).work_on(job).await;
                    }
                }
                match vault.purge_expired().await {
                    Ok(0) => {}
                    Ok(purged) => tracing::info!(purged, "expired tokens purged"),
                    Err(err) => tracing::warn!(error = %err, "purging expired tokens failed"),
                }
            }
        });
    }
}

/// What a root rotation did.
#[derive(Debug, Serialize)]
pub struct RootRotationView {
    /// The new root key version.
    pub root_key_version: u32,
    /// Wrapped keys rewrapped (data keys and fingerprint keys of every tenant).
    pub rewrapped: usize,
    /// A copy of the previous root key file, to delete once the rotation is verified.
    pub retired_file: String,
}

/// Attempts at rewrapping when tenants are created or rotated meanwhile.
const REWRAP_ATTEMPTS: usize = 5;

impl Vault {
    /// Root rotation: a new root key version; every data key and fingerprint key is
    /// rewrapped under it in one transaction; no record is touched. The root key file is
    /// first rewritten with both versions (so a crash at any point leaves a usable file),
    /// then with the new version alone; a copy of the previous file is left beside it.
    ///
    /// # Errors
    /// No root key file to write ([`VaultError::NoRootKeyFile`]), I/O, store or key failures.
    pub async fn rotate_root_key(&self) -> Result<RootRotationView, VaultError> {
        let source = self
            .keyring
            .root_source()
            .cloned()
            .ok_or(VaultError::NoRootKeyFile)?;
        let _one_at_a_time = self.root_rotation.lock().await;
        let current = self.keyring.root();
        let retired_file = source
            .keep_copy(current.active().version())
            .await
            .map_err(|_| VaultError::NoRootKeyFile)?;
        let next = Arc::new(current.with_new_version()?);
        source
            .store(Arc::clone(&next))
            .await
            .map_err(|_| VaultError::NoRootKeyFile)?;

        let mut rewrapped = 0;
        for attempt in 1..=REWRAP_ATTEMPTS {
            let rows = self.store.all_wrapped_keys().await?;
            let mut out = Vec::with_capacity(rows.len());
            for row in rows {
                let root_version = u32::try_from(row.root_key_version).unwrap_or(0);
                let (wrapped_key, new_root) = match row.version {
                    Some(version) => next.rewrap_data_key(
                        &row.tenant,
                        u32::try_from(version).unwrap_or(0),
                        root_version,
                        &row.wrapped_key,
                    )?,
                    None => {
                        next.rewrap_fingerprint_key(&row.tenant, root_version, &row.wrapped_key)?
                    }
                };
                out.push(RewrappedKeyRow {
                    wrapped_key,
                    root_key_version: i64::from(new_root),
                    ..row
                });
            }
            match self.store.rewrap_keys(&out).await {
                Ok(()) => {
                    rewrapped = out.len();
                    break;
                }
                Err(StoreError::Conflict) if attempt < REWRAP_ATTEMPTS => continue,
                Err(err) => return Err(err.into()),
            }
        }
        let only_new = Arc::new(next.only_active());
        source
            .store(Arc::clone(&only_new))
            .await
            .map_err(|_| VaultError::NoRootKeyFile)?;
        self.keyring.replace_root(next.only_active());
        self.forget_all_states();
        let root_key_version = only_new.active().version();
        tracing::warn!(root_key_version, rewrapped, "root key rotated");
        Ok(RootRotationView {
            root_key_version,
            rewrapped,
            retired_file,
        })
    }
}

/// How long a destructive action waits for its second admin.
pub const DUAL_CONTROL_WINDOW: Duration = Duration::from_secs(15 * 60);

/// A destructive action waiting for a second admin, as admins see it.
#[derive(Debug, Serialize)]
pub struct PendingActionView {
    /// Always `pending_confirmation`.
    pub status: &'static str,
    /// Confirm with `POST /v1/admin/actions/{id}/confirm`.
    pub id: String,
    /// What will happen.
    pub action: String,
    /// The data key version, for `destroy_data_key`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
    /// Who asked.
    pub requested_by: String,
    /// Unix milliseconds after which it lapses.
    pub expires_at: i64,
}

/// Why a confirmation is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfirmRefusal {
    /// No such action for this tenant.
    NotFound,
    /// The same admin asked and confirmed.
    SameAdmin,
    /// The window passed, or it was already confirmed.
    Lapsed,
}

impl Vault {
    /// Records a destructive action for a second admin to confirm.
    ///
    /// # Errors
    /// Store failures.
    pub async fn request_action(
        &self,
        tenant: &TenantId,
        action: &str,
        argument: Option<i64>,
        requested_by: &str,
    ) -> Result<PendingActionView, VaultError> {
        let now = self.clock.now_millis();
        let window = i64::try_from(DUAL_CONTROL_WINDOW.as_millis()).unwrap_or(i64::MAX);
        let row = PendingActionRow {
            id: super::TokenId::generate(&mut rand::thread_rng())
                .as_str()
                .to_owned(),
            tenant: tenant.as_str().to_owned(),
            action: action.to_owned(),
            argument,
            requested_by: requested_by.to_owned(),
            requested_at: now,
            expires_at: now.saturating_add(window),
            confirmed_by: None,
        };
        self.store.create_pending_action(&row).await?;
        tracing::warn!(tenant = %tenant, action, id = %row.id, "destructive action waits for a second admin");
        Ok(PendingActionView {
            status: "pending_confirmation",
            id: row.id,
            action: row.action,
            version: argument,
            requested_by: row.requested_by,
            expires_at: row.expires_at,
        })
    }

    /// Looks up a pending action of the tenant.
    ///
    /// # Errors
    /// Store failures.
    pub async fn pending_action(
        &self,
        tenant: &TenantId,
        id: &str,
    ) -> Result<Option<PendingActionRow>, VaultError> {
        Ok(self.store.pending_action(tenant.as_str(), id).await?)
    }

    /// Confirms a pending action as `sub`; the caller then carries it out.
    ///
    /// # Errors
    /// Store failures; `Ok(Err(_))` says why the confirmation is refused.
    pub async fn confirm_action(
        &self,
        tenant: &TenantId,
        id: &str,
        sub: &str,
    ) -> Result<Result<PendingActionRow, ConfirmRefusal>, VaultError> {
        let Some(row) = self.store.pending_action(tenant.as_str(), id).await? else {
            return Ok(Err(ConfirmRefusal::NotFound));
        };
        if row.requested_by == sub {
            return Ok(Err(ConfirmRefusal::SameAdmin));
        }
        if !self
            .store
            .confirm_pending_action(tenant.as_str(), id, sub, self.clock.now_millis())
            .await?
        {
            return Ok(Err(ConfirmRefusal::Lapsed));
        }
        tracing::warn!(tenant = %tenant, action = %row.action, id, "destructive action confirmed by a second admin");
        Ok(Ok(row))
    }
}
