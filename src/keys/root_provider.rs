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

    /// Destroys every copy [`RootKeyProvider::keep_copy`] left (after a shred, a retired
    /// root version must not survive anywhere the provider wrote); returns how many.
    async fn discard_copies(&self) -> Result<usize, RootKeyProviderError>;
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

    async fn discard_copies(&self) -> Result<usize, RootKeyProviderError> {
        let path = self.path.clone();
        tokio::task::spawn_blocking(move || discard_retired_copies(&path))
            .await
            .map_err(|_| RootKeyProviderError::Unavailable)?
            .map_err(|source| {
                RootKeyProviderError::File(RootKeyFileError::Io {
                    path: self.path.clone(),
                    source,
                })
            })
    }
}

/// Overwrites with zeros, syncs and removes every `<file>.retired-v*` beside the key file.
/// Overwriting is best effort: a copy-on-write or journaling file system, or an SSD, may
/// keep the old blocks, which is why the README asks for the key directory on storage
/// that is not snapshotted.
fn discard_retired_copies(key_file: &std::path::Path) -> std::io::Result<usize> {
    use std::io::Write;
    let Some(name) = key_file.file_name().and_then(|n| n.to_str()) else {
        return Ok(0);
    };
    let prefix = format!("{name}.retired-v");
    let dir = match key_file.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut discarded = 0;
    for entry in std::fs::read_dir(&dir)? {
        let entry = entry?;
        if !entry
            .file_name()
            .to_str()
            .is_some_and(|n| n.starts_with(&prefix))
        {
            continue;
        }
        let path = entry.path();
        let len = usize::try_from(entry.metadata()?.len()).unwrap_or(0);
        let mut file = std::fs::OpenOptions::new().write(true).open(&path)?;
        file.write_all(&vec![0; len])?;
        file.sync_all()?;
        std::fs::remove_file(&path)?;
        discarded += 1;
    }
    Ok(discarded)
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
