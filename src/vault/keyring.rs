//! The tenant keyring: loads a tenant's wrapped keys from the store, unwraps them with the
//! root keyring and caches them in memory (zeroized when the last reference drops).
//! Creates a tenant's keys on its first request; when two instances race, the first
//! writer wins and both read the winner's keys back.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use crate::clock::Clock;
use crate::crypto::{CryptoError, DataKey, FingerprintKey, RootKeyring};
use crate::store::{DataKeyRow, StoreError, VaultStore};

/// A tenant's unwrapped keys.
#[derive(Debug)]
pub struct TenantKeys {
    /// Seals new values.
    pub active: Arc<DataKey>,
    /// Every version that can still open values, the active one included.
    pub readable: HashMap<u32, Arc<DataKey>>,
    /// The blind-index key.
    pub fingerprint: FingerprintKey,
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
    /// The tenant has no active data key (its keys were destroyed).
    #[error("the tenant has no active data key")]
    NoActiveKey,
}

/// Cache of unwrapped tenant keys in front of the store.
#[derive(Debug)]
pub struct Keyring {
    root: RootKeyring,
    store: Arc<dyn VaultStore>,
    clock: Arc<dyn Clock>,
    cache: RwLock<HashMap<String, Arc<TenantKeys>>>,
}

impl Keyring {
    /// A keyring over `store`, unwrapping with `root`.
    pub fn new(root: RootKeyring, store: Arc<dyn VaultStore>, clock: Arc<dyn Clock>) -> Self {
        Self {
            root,
            store,
            clock,
            cache: RwLock::new(HashMap::new()),
        }
    }

    /// The root keyring's active version.
    pub fn root_version(&self) -> u32 {
        self.root.active().version()
    }

    /// The tenant's keys, creating them on first use.
    ///
    /// # Errors
    /// Store failures, unwrap failures, or a tenant without an active key.
    pub async fn for_tenant(&self, tenant: &str) -> Result<Arc<TenantKeys>, KeyringError> {
        if let Some(keys) = self.cached(tenant) {
            return Ok(keys);
        }
        let keys = match self.load(tenant).await? {
            Some(keys) => keys,
            None => {
                self.create(tenant).await?;
                self.load(tenant).await?.ok_or(KeyringError::NoActiveKey)?
            }
        };
        let keys = Arc::new(keys);
        if let Ok(mut cache) = self.cache.write() {
            cache.insert(tenant.to_owned(), Arc::clone(&keys));
        }
        Ok(keys)
    }

    /// The tenant's keys if it exists, without creating it (for reveals).
    ///
    /// # Errors
    /// Store or unwrap failures.
    pub async fn existing(&self, tenant: &str) -> Result<Option<Arc<TenantKeys>>, KeyringError> {
        if let Some(keys) = self.cached(tenant) {
            return Ok(Some(keys));
        }
        match self.load(tenant).await {
            Ok(Some(keys)) => {
                let keys = Arc::new(keys);
                if let Ok(mut cache) = self.cache.write() {
                    cache.insert(tenant.to_owned(), Arc::clone(&keys));
                }
                Ok(Some(keys))
            }
            Ok(None) | Err(KeyringError::NoActiveKey) => Ok(None),
            Err(err) => Err(err),
        }
    }

    fn cached(&self, tenant: &str) -> Option<Arc<TenantKeys>> {
        self.cache.read().ok()?.get(tenant).cloned()
    }

    async fn load(&self, tenant: &str) -> Result<Option<TenantKeys>, KeyringError> {
        let Some(row) = self.store.tenant_keys(tenant).await? else {
            return Ok(None);
        };
        let fingerprint = self.root.unwrap_fingerprint_key(
            tenant,
            version(row.fingerprint_root_version),
            &row.fingerprint_key,
        )?;
        let mut readable = HashMap::new();
        let mut active = None;
        for key_row in &row.data_keys {
            let Some(wrapped) = &key_row.wrapped_key else {
                continue;
            };
            let key = Arc::new(self.root.unwrap_data_key(
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
        let active = active.ok_or(KeyringError::NoActiveKey)?;
        Ok(Some(TenantKeys {
            active,
            readable,
            fingerprint,
        }))
    }

    async fn create(&self, tenant: &str) -> Result<(), KeyringError> {
        let fingerprint = FingerprintKey::generate()?;
        let (wrapped_fingerprint, _) = self.root.wrap_fingerprint_key(tenant, &fingerprint)?;
        let data_key = DataKey::generate(1)?;
        let (wrapped_key, root_version) = self.root.wrap_data_key(tenant, &data_key)?;
        let row = DataKeyRow {
            version: 1,
            state: "active".to_owned(),
            wrapped_key: Some(wrapped_key),
            root_key_version: i64::from(root_version),
            created_at: self.clock.now_millis(),
        };
        self.store
            .create_tenant(tenant, &wrapped_fingerprint, &row)
            .await?;
        Ok(())
    }
}

fn version(stored: i64) -> u32 {
    u32::try_from(stored).unwrap_or(0)
}
