//! Where the root key comes from. The service only ever asks a [`RootKeyProvider`] for
//! the root keyring, to persist a rotated one, and to keep a copy of the previous one;
//! the file provider (plain, or sealed with an Argon2id-derived key) is the one shipped.
//! A cloud KMS provider fits the same trait: see "Root keys from a KMS" in the README.

use std::fmt::Debug;
use std::path::PathBuf;
use std::sync::Arc;

use secrecy::SecretString;

use super::root_key_file::{load_root_keyring, write_root_keyring, RootKeyFileError};
use crate::crypto::RootKeyring;

/// Failures of a root key provider. No key material in any message.
#[derive(Debug, thiserror::Error)]
pub enum RootKeyProviderError {
    /// The root key file failed.
    #[error(transparent)]
    File(#[from] RootKeyFileError),
    /// The provider cannot be reached or refused.
    #[error("the root key provider is unavailable")]
    Unavailable,
}

/// A source of root keys.
#[async_trait::async_trait]
pub trait RootKeyProvider: Debug + Send + Sync {
    /// Every root key version the provider holds (reloaded after a rotation elsewhere).
    async fn load(&self) -> Result<RootKeyring, RootKeyProviderError>;

    /// Persists the keyring after a rotation step.
    async fn store(&self, keyring: Arc<RootKeyring>) -> Result<(), RootKeyProviderError>;

    /// Keeps a copy of the current keys before a rotation, for the operator to delete
    /// once it is verified; returns where it is.
    async fn keep_copy(&self, version: u32) -> Result<String, RootKeyProviderError>;
}

/// The root key file (mode 0600), sealed when a passphrase is given.
#[derive(Debug, Clone)]
pub struct FileRootKeyProvider {
    /// The root key file.
    pub path: PathBuf,
    /// Its passphrase, when sealed.
    pub passphrase: Option<SecretString>,
}

#[async_trait::async_trait]
impl RootKeyProvider for FileRootKeyProvider {
    async fn load(&self) -> Result<RootKeyring, RootKeyProviderError> {
        let source = self.clone();
        // Argon2id is slow on purpose: keep it off the async workers.
        let loaded = tokio::task::spawn_blocking(move || {
            load_root_keyring(&source.path, source.passphrase.as_ref())
        })
        .await
        .map_err(|_| RootKeyProviderError::Unavailable)?;
        Ok(loaded?)
    }

    async fn store(&self, keyring: Arc<RootKeyring>) -> Result<(), RootKeyProviderError> {
        let source = self.clone();
        let written = tokio::task::spawn_blocking(move || {
            write_root_keyring(&source.path, &keyring, source.passphrase.as_ref())
        })
        .await
        .map_err(|_| RootKeyProviderError::Unavailable)?;
        Ok(written?)
    }

    async fn keep_copy(&self, version: u32) -> Result<String, RootKeyProviderError> {
        let copy = format!("{}.retired-v{version}", self.path.display());
        let (from, to) = (self.path.clone(), PathBuf::from(&copy));
        tokio::task::spawn_blocking(move || copy_private(&from, &to))
            .await
            .map_err(|_| RootKeyProviderError::Unavailable)?
            .map_err(|source| RootKeyFileError::Io {
                path: PathBuf::from(&copy),
                source,
            })?;
        Ok(copy)
    }
}

/// Copies a key file keeping it private (mode 0600).
fn copy_private(from: &std::path::Path, to: &std::path::Path) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let contents = zeroize::Zeroizing::new(std::fs::read(from)?);
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(to)?;
    file.write_all(&contents)?;
    file.sync_all()
}
