//! The tenant keyring: loads a tenant's wrapped keys from the store, unwraps them with the
//! root keyring and caches them in memory (zeroized when the last reference drops).
//!
//! Every request passes the tenant's current key epoch (read from the store with the
//! policy version, one round trip); a cached entry of another epoch is reloaded. So a
//! rotation, destruction or shredding made through any instance is honoured by every
//! instance from its next request on, and no instance seals with a key another one
//! retired.
//!
//! Creates a tenant's keys on its first request; when two instances race, the first
//! writer wins and both read the winner's keys back.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use super::root_provider::RootKeyProvider;
use super::seal_budget::{SealCounts, DEFAULT_SEAL_BUDGET};
use crate::clock::Clock;
use crate::crypto::{CryptoError, DataKey, FingerprintKey, RootKeyring};
use crate::store::{DataKeyRow, StoreError, TenantKeysRow, VaultStore};

/// A tenant's unwrapped keys, as of one key epoch.
#[derive(Debug)]
pub struct TenantKeys {
    /// The key epoch these keys were loaded at.
    pub epoch: i64,
    /// Seals new values; `None` once the tenant was shredded.
    pub active: Option<Arc<DataKey>>,
    /// Every version that can still open values, the active one included.
    pub readable: HashMap<u32, Arc<DataKey>>,
    /// The blind-index key; `None` once the tenant was shredded.
    pub fingerprint: Option<FingerprintKey>,
}

/// Failures while loading keys.
#[derive(Debug, thiserror::Error)]
pub enum KeyringError {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A wrapped key did not unwrap: wrong root key file, or tampering.
    #[error("a tenant key could not be unwrapped with the loaded root key")]
    Unwrap(#[from] CryptoError),
    /// Concurrent key changes kept a rotation from applying.
    #[error("the tenant's keys changed concurrently; retry")]
    Contended,
}

/// Cache of unwrapped tenant keys in front of the store.
#[derive(Debug)]
pub struct Keyring {
    root: RwLock<Arc<RootKeyring>>,
    root_source: Option<Arc<dyn RootKeyProvider>>,
    store: Arc<dyn VaultStore>,
    clock: Arc<dyn Clock>,
    cache: RwLock<HashMap<String, Arc<TenantKeys>>>,
    seals: SealCounts,
    seal_budget: i64,
}

/// Attempts at a key change that lost a race with another one.
const KEY_CHANGE_ATTEMPTS: usize = 5;

impl Keyring {
    /// A keyring over `store`, unwrapping with `root`.
    pub fn new(
        root: RootKeyring,
        root_source: Option<Arc<dyn RootKeyProvider>>,
        store: Arc<dyn VaultStore>,
        clock: Arc<dyn Clock>,
    ) -> Self {
        Self {
            root: RwLock::new(Arc::new(root)),
            root_source,
            store,
            clock,
            cache: RwLock::new(HashMap::new()),
            seals: SealCounts::default(),
            seal_budget: DEFAULT_SEAL_BUDGET,
        }
    }

    /// The same keyring with another seal budget per data key (tests use a small one).
    #[must_use]
    pub fn with_seal_budget(mut self, budget: i64) -> Self {
        self.seal_budget = budget.max(1);
        self
    }

    /// Counts `seals` values sealed under the tenant's data key `version`.
    pub fn note_seals(&self, tenant: &str, version: u32, seals: usize) {
        let seals = i64::try_from(seals).unwrap_or(i64::MAX);
        self.seals.note(tenant, i64::from(version), seals);
    }

    /// Adds this instance's seal counts to the store; returns the keys (tenant, version)
    /// whose total reached the budget.
    ///
    /// # Errors
    /// Store failures (the counts are kept for the next attempt).
    pub async fn add_up_seals(&self) -> Result<Vec<(String, i64)>, KeyringError> {
        let counts = self.seals.take();
        if counts.is_empty() {
            return Ok(Vec::new());
        }
        match self.store.add_seals(&counts).await {
            Ok(totals) => Ok(totals
                .into_iter()
                .filter(|(_, _, total)| *total >= self.seal_budget)
                .map(|(tenant, version, _)| (tenant, version))
                .collect()),
            Err(err) => {
                self.seals.restore(counts);
                Err(err.into())
            }
        }
    }

    /// Reloads the root key file when the store says a newer root version wraps the keys
    /// (a rotation made through another instance), before this instance wraps anything.
    ///
    /// # Errors
    /// The file cannot be read or does not hold that version.
    pub async fn follow_root(&self, stored: Option<i64>) -> Result<(), KeyringError> {
        let Some(stored) = stored.and_then(|v| u32::try_from(v).ok()) else {
            return Ok(());
        };
        if stored <= self.root().active().version() {
            return Ok(());
        }
        let source = self
            .root_source
            .as_ref()
            .ok_or(CryptoError::UnknownRootVersion(stored))?;
        let reloaded = source
            .load()
            .await
            .map_err(|_| CryptoError::UnknownRootVersion(stored))?;
        if reloaded.active().version() < stored {
            return Err(CryptoError::UnknownRootVersion(stored).into());
        }
        tracing::info!(
            root_version = reloaded.active().version(),
            "root key file reloaded"
        );
        self.replace_root(reloaded);
        Ok(())
    }

    /// Where the root key file is, if this keyring was loaded from one.
    pub fn root_source(&self) -> Option<&Arc<dyn RootKeyProvider>> {
        self.root_source.as_ref()
    }

    /// The root keyring in use.
    pub fn root(&self) -> Arc<RootKeyring> {
        match self.root.read() {
            Ok(root) => Arc::clone(&root),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    /// Replaces the root keyring (after a root rotation) and forgets every cached key.
    /// Never goes back: a keyring whose active version is older than the one in use (a
    /// reload racing a rotation) is ignored.
    pub fn replace_root(&self, root: RootKeyring) {
        let mut current = match self.root.write() {
            Ok(current) => current,
            Err(poisoned) => poisoned.into_inner(),
        };
        if root.active().version() < current.active().version() {
            return;
        }
        *current = Arc::new(root);
        drop(current);
        if let Ok(mut cache) = self.cache.write() {
            cache.clear();
        }
    }

    /// The tenant's keys able to seal, creating them on first use (and afresh after the
    /// tenant was shredded). `epoch` is the tenant's current key epoch, if it exists.
    ///
    /// # Errors
    /// Store failures, unwrap failures, or lost races with concurrent key changes.
    pub async fn for_sealing(
        &self,
        tenant: &str,
        epoch: Option<i64>,
    ) -> Result<Arc<TenantKeys>, KeyringError> {
        for _ in 0..KEY_CHANGE_ATTEMPTS {
            match self.current(tenant, epoch).await? {
                Some(keys) if keys.active.is_some() && keys.fingerprint.is_some() => {
                    return Ok(keys)
                }
                Some(_) => self.start_afresh(tenant).await?,
                None => self.create(tenant).await?,
            }
            if let Some(keys) = self.load(tenant).await? {
                if keys.active.is_some() && keys.fingerprint.is_some() {
                    return Ok(keys);
                }
            }
        }
        Err(KeyringError::Contended)
    }

    /// The tenant's keys if it exists, without creating anything (for reveals).
    ///
    /// # Errors
    /// Store or unwrap failures.
    pub async fn for_opening(
        &self,
        tenant: &str,
        epoch: Option<i64>,
    ) -> Result<Option<Arc<TenantKeys>>, KeyringError> {
        if epoch.is_none() {
            return Ok(None);
        }
        self.current(tenant, epoch).await
    }

    async fn current(
        &self,
        tenant: &str,
        epoch: Option<i64>,
    ) -> Result<Option<Arc<TenantKeys>>, KeyringError> {
        let Some(epoch) = epoch else { return Ok(None) };
        if let Some(keys) = self.cached(tenant).filter(|k| k.epoch == epoch) {
            return Ok(Some(keys));
        }
        self.load(tenant).await
    }

    fn cached(&self, tenant: &str) -> Option<Arc<TenantKeys>> {
        self.cache.read().ok()?.get(tenant).cloned()
    }

    /// Reads and unwraps the tenant's keys and caches them.
    async fn load(&self, tenant: &str) -> Result<Option<Arc<TenantKeys>>, KeyringError> {
        let Some(row) = self.store.tenant_keys(tenant).await? else {
            return Ok(None);
        };
        let keys = match self.unwrap_row(tenant, &row) {
            Err(KeyringError::Unwrap(CryptoError::UnknownRootVersion(version))) => {
                // Another instance rotated the root key: the shared file has the new version.
                let source = self
                    .root_source
                    .as_ref()
                    .ok_or(CryptoError::UnknownRootVersion(version))?;
                let reloaded = source
                    .load()
                    .await
                    .map_err(|_| CryptoError::UnknownRootVersion(version))?;
                tracing::info!(
                    root_version = reloaded.active().version(),
                    "root key file reloaded"
                );
                self.replace_root(reloaded);
                self.unwrap_row(tenant, &row)?
            }
            other => other?,
        };
        let keys = Arc::new(keys);
        if let Ok(mut cache) = self.cache.write() {
            cache.insert(tenant.to_owned(), Arc::clone(&keys));
        }
        Ok(Some(keys))
    }

    fn unwrap_row(&self, tenant: &str, row: &TenantKeysRow) -> Result<TenantKeys, KeyringError> {
        let root = self.root();
        let fingerprint = if row.fingerprint_key.is_empty() {
            None
        } else {
            Some(root.unwrap_fingerprint_key(
                tenant,
                version(row.fingerprint_root_version),
                &row.fingerprint_key,
            )?)
        };
        let mut readable = HashMap::new();
        let mut active = None;
        for key_row in &row.data_keys {
            let Some(wrapped) = &key_row.wrapped_key else {
                continue;
            };
            let key = Arc::new(root.unwrap_data_key(
                tenant,
                version(key_row.version),
                version(key_row.root_key_version),
                wrapped,
            )?);
            if key_row.state == "active" {
                active = Some(Arc::clone(&key));
            }
            readable.insert(key.version(), key);
        }
        Ok(TenantKeys {
            epoch: row.key_epoch,
            active,
            readable,
            fingerprint,
        })
    }

    async fn create(&self, tenant: &str) -> Result<(), KeyringError> {
        for _ in 0..KEY_CHANGE_ATTEMPTS {
            let root = self.root();
            let fingerprint = FingerprintKey::generate()?;
            let (wrapped_fingerprint, _) = root.wrap_fingerprint_key(tenant, &fingerprint)?;
            let row = self.wrapped_data_key(&root, tenant, 1)?;
            match self
                .store
                .create_tenant(tenant, &wrapped_fingerprint, &row)
                .await
            {
                Err(StoreError::RootMoved(now)) => self.follow_root(Some(now)).await?,
                other => return Ok(other?),
            }
        }
        Err(KeyringError::Contended)
    }

    /// After shredding: a new fingerprint key and a new data key version; the old records
    /// stay unreadable.
    async fn start_afresh(&self, tenant: &str) -> Result<(), KeyringError> {
        for _ in 0..KEY_CHANGE_ATTEMPTS {
            let root = self.root();
            let Some(row) = self.store.tenant_keys(tenant).await? else {
                return Ok(());
            };
            let next = row.data_keys.iter().map(|k| k.version).max().unwrap_or(0) + 1;
            let fingerprint = FingerprintKey::generate()?;
            let (wrapped_fingerprint, _) = root.wrap_fingerprint_key(tenant, &fingerprint)?;
            let key = self.wrapped_data_key(&root, tenant, next)?;
            match self
                .store
                .add_data_key(tenant, &key, Some(&wrapped_fingerprint))
                .await
            {
                Ok(()) | Err(StoreError::Conflict) => return Ok(()),
                Err(StoreError::RootMoved(now)) => self.follow_root(Some(now)).await?,
                Err(err) => return Err(err.into()),
            }
        }
        Err(KeyringError::Contended)
    }

    /// Makes a new data key version the active one; returns its version.
    ///
    /// # Errors
    /// Store failures, or [`KeyringError::Contended`] after repeated lost races.
    pub async fn rotate(&self, tenant: &str) -> Result<i64, KeyringError> {
        for _ in 0..KEY_CHANGE_ATTEMPTS {
            let Some(row) = self.store.tenant_keys(tenant).await? else {
                self.create(tenant).await?;
                continue;
            };
            let next = row.data_keys.iter().map(|k| k.version).max().unwrap_or(0) + 1;
            let key = self.wrapped_data_key(&self.root(), tenant, next)?;
            match self.store.add_data_key(tenant, &key, None).await {
                Ok(()) => return Ok(next),
                Err(StoreError::Conflict) => continue,
                Err(StoreError::RootMoved(now)) => self.follow_root(Some(now)).await?,
                Err(err) => return Err(err.into()),
            }
        }
        Err(KeyringError::Contended)
    }

    fn wrapped_data_key(
        &self,
        root: &RootKeyring,
        tenant: &str,
        version_number: i64,
    ) -> Result<DataKeyRow, KeyringError> {
        let data_key = DataKey::generate(version(version_number))?;
        let (wrapped_key, root_version) = root.wrap_data_key(tenant, &data_key)?;
        Ok(DataKeyRow {
            version: version_number,
            state: "active".to_owned(),
            wrapped_key: Some(wrapped_key),
            root_key_version: i64::from(root_version),
            created_at: self.clock.now_millis(),
        })
    }
}

fn version(stored: i64) -> u32 {
    u32::try_from(stored).unwrap_or(0)
}
