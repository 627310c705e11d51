//! Root rotation: a new root key version, every wrapped key rewrapped under it in one
//! transaction, and the root key file rewritten so that a crash at any point leaves a
//! usable file. No record is re-encrypted.

use std::sync::Arc;

use serde::Serialize;

use super::{KeyLifecycle, KeyringError};
use crate::crypto::RootKeyring;
use crate::store::{RewrappedKeyRow, StoreError};
use crate::vault::VaultError;

/// What a root rotation did.
#[derive(Debug, Serialize)]
pub struct RootRotationView {
    /// The new root key version.
    pub root_key_version: u32,
    /// Wrapped keys rewrapped (data keys and fingerprint keys of every tenant).
    pub rewrapped: usize,
    /// A copy of the previous root key file, to delete once the rotation is verified
    /// (none when the rotation ends a shred).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retired_file: Option<String>,
}

/// What a shred did.
#[derive(Debug, Serialize)]
pub struct ShredView {
    /// Whether the tenant existed.
    pub existed: bool,
    /// The root key version every other tenant's keys are wrapped by now.
    pub root_key_version: u32,
    /// Whether the root version the tenant's keys were wrapped by is destroyed already.
    /// `false` when another root rotation held the lease: any instance's background work
    /// finishes it within seconds (the debt is recorded in the database).
    pub old_root_destroyed: bool,
}

/// What becomes of the root version a rotation retires.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RetiredRoot {
    /// A copy of the old key file stays beside it, for the operator.
    KeepCopy,
    /// No copy anywhere: the old version is gone.
    Destroy,
}

/// How much of a rotation one call does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// All of it.
    Whole,
    /// Only a new version in the key file, beside the current one (which stays in use).
    Stage,
    /// Only the rest: every key rewrapped under the staged version, and the file left with
    /// that version alone.
    Finish,
}

/// Attempts at rewrapping when tenants are created or rotated meanwhile.
const REWRAP_ATTEMPTS: usize = 5;
/// How long a root rotation may hold its lease; one that crashed frees it after this.
const LEASE_MILLIS: i64 = 120_000;

impl KeyLifecycle {
    /// Root rotation: a new root key version; every data key and fingerprint key is
    /// rewrapped under it in one transaction; no record is touched. The root key file is
    /// first rewritten with both versions (so a crash at any point leaves a usable file),
    /// then with the new version alone; a copy of the previous file is left beside it.
    ///
    /// # Errors
    /// No root key file to write ([`VaultError::NoRootKeyFile`]), I/O, store or key failures.
    pub async fn rotate_root_key(&self) -> Result<RootRotationView, VaultError> {
        self.rotate_root(RetiredRoot::KeepCopy, Step::Whole).await
    }

    /// The first step of a rotation in two, for services that read the key file from a
    /// copy they cannot write (a Kubernetes Secret): the file gets a new version beside
    /// the current one, and nothing else changes. Publish that file to every instance,
    /// then [`KeyLifecycle::finish_staged_rotation`]: no instance ever meets a key
    /// wrapped by a version its file lacks. Staging again before finishing changes
    /// nothing. A copy of the file as it was is kept.
    ///
    /// # Errors
    /// As [`KeyLifecycle::rotate_root_key`].
    pub async fn stage_root_version(&self) -> Result<RootRotationView, VaultError> {
        self.rotate_root(RetiredRoot::KeepCopy, Step::Stage).await
    }

    /// The second step: every key rewrapped under the staged version, and the file left
    /// with that version alone; with `keep_no_copy`, copies of older files are destroyed
    /// and owed shred rotations settled.
    ///
    /// # Errors
    /// [`VaultError::NothingStaged`], or as [`KeyLifecycle::rotate_root_key`].
    pub async fn finish_staged_rotation(
        &self,
        keep_no_copy: bool,
    ) -> Result<RootRotationView, VaultError> {
        let retired = if keep_no_copy {
            RetiredRoot::Destroy
        } else {
            RetiredRoot::KeepCopy
        };
        self.rotate_root(retired, Step::Finish).await
    }

    /// A root rotation after which no retired root version survives: no copy of the old
    /// key file is kept, and copies earlier rotations left are destroyed. A shred ends
    /// this way, so that a database copy from before it plus the key files as they are
    /// after it reveal nothing.
    ///
    /// # Errors
    /// As [`KeyLifecycle::rotate_root_key`].
    pub async fn retire_root_key_entirely(&self) -> Result<RootRotationView, VaultError> {
        self.rotate_root(RetiredRoot::Destroy, Step::Whole).await
    }

    /// Pays the root rotation shreds are owed when the instance that shredded could not
    /// (it crashed, or another rotation held the lease). Whether a rotation ran.
    ///
    /// # Errors
    /// As [`KeyLifecycle::rotate_root_key`].
    pub async fn settle_owed_retirement(&self) -> Result<bool, VaultError> {
        let (shreds, retired) = self.store.shreds_settled().await?;
        if shreds <= retired || self.keyring.root_source().is_none() {
            return Ok(false);
        }
        self.retire_root_key_entirely().await?;
        Ok(true)
    }

    async fn rotate_root(
        &self,
        retired: RetiredRoot,
        step: Step,
    ) -> Result<RootRotationView, VaultError> {
        let _one_at_a_time = self.root_rotation.lock().await;
        // One rotation at a time across instances too: two rotations writing the shared
        // key file at once would each drop the other's new version.
        let holder = crate::vault::TokenId::generate(&mut rand::rng());
        let now = self.clock.now_millis();
        let leased = self
            .store
            .acquire_root_rotation_lease(holder.as_str(), now, now.saturating_add(LEASE_MILLIS))
            .await?;
        if !leased {
            return Err(VaultError::Keyring(KeyringError::Contended));
        }
        let rotated = self.rotate_root_leased(retired, step).await;
        if let Err(err) = self
            .store
            .release_root_rotation_lease(holder.as_str())
            .await
        {
            tracing::warn!(error = %err, "the root rotation lease could not be given back; it expires");
        }
        rotated
    }

    async fn rotate_root_leased(
        &self,
        retired: RetiredRoot,
        step: Step,
    ) -> Result<RootRotationView, VaultError> {
        let source = self
            .keyring
            .root_source()
            .cloned()
            .ok_or(VaultError::NoRootKeyFile)?;
        let unavailable = |_| VaultError::NoRootKeyFile;
        // The key file as it is now, not this instance's memory of it: another instance
        // may have rotated since, and a rotation built on a stale keyring would write a
        // file without the version the database's keys are wrapped by.
        let current = Arc::new(source.load().await.map_err(unavailable)?);
        let active = i64::from(current.active().version());
        let wrapped_by = self.store.newest_wrapping_root_version().await?;
        if wrapped_by.is_some_and(|v| v > active) {
            tracing::error!(
                "the root key file is older than the keys in the database; not rotating"
            );
            return Err(VaultError::NoRootKeyFile);
        }
        // Staged: the file holds more than one version, which only a stage (or a rotation
        // that stopped before its end) leaves; a finished rotation leaves one. Not the
        // wrapped keys' versions: an instance that loaded the staged file wraps new keys
        // under the staged version before the rotation finishes, and an empty database
        // wraps none.
        let staged = current.versions().len() > 1;
        let next = match step {
            Step::Finish if !staged => return Err(VaultError::NothingStaged),
            Step::Finish => current,
            Step::Stage if staged => return Ok(view(&current, 0, None)),
            Step::Stage | Step::Whole => {
                let retired_file = match retired {
                    RetiredRoot::KeepCopy => Some(
                        source
                            .keep_copy(current.active().version())
                            .await
                            .map_err(unavailable)?,
                    ),
                    RetiredRoot::Destroy => None,
                };
                let next = Arc::new(current.with_new_version()?);
                source.store(Arc::clone(&next)).await.map_err(unavailable)?;
                if step == Step::Stage {
                    tracing::warn!(staged = next.active().version(), "root key version staged");
                    return Ok(view(&next, 0, retired_file));
                }
                let mut view = self.finish_rotation(&source, &next, retired).await?;
                view.retired_file = retired_file;
                return Ok(view);
            }
        };
        self.finish_rotation(&source, &next, retired).await
    }

    /// Every key rewrapped under `next`'s active version, and the file left with it alone;
    /// with [`RetiredRoot::Destroy`], older copies destroyed and owed shreds settled.
    async fn finish_rotation(
        &self,
        source: &Arc<dyn super::RootKeyProvider>,
        next: &Arc<RootKeyring>,
        retired: RetiredRoot,
    ) -> Result<RootRotationView, VaultError> {
        // Read before the keys: every shred counted here has destroyed its keys already,
        // so none of them is rewrapped, and the old version leaving settles them all.
        let (shreds, _) = self.store.shreds_settled().await?;
        let rewrapped = self.rewrap_every_key(next).await?;
        let only_new = Arc::new(next.only_active());
        source
            .store(Arc::clone(&only_new))
            .await
            .map_err(|_| VaultError::NoRootKeyFile)?;
        self.keyring.replace_root(next.only_active());
        self.states.forget_all();
        if retired == RetiredRoot::Destroy {
            let discarded = source
                .discard_copies()
                .await
                .map_err(|_| VaultError::NoRootKeyFile)?;
            tracing::warn!(discarded, "retired root key copies destroyed");
            self.store.settle_shreds(shreds).await?;
        }
        let view = view(&only_new, rewrapped, None);
        tracing::warn!(
            root_key_version = view.root_key_version,
            rewrapped,
            "root key rotated"
        );
        Ok(view)
    }

    /// Rewraps every wrapped key under `next`'s active version in one transaction, again
    /// when tenants were created or rotated meanwhile; returns how many.
    async fn rewrap_every_key(&self, next: &RootKeyring) -> Result<usize, VaultError> {
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
            let root_version = i64::from(next.active().version());
            match self.store.rewrap_keys(root_version, &out).await {
                Ok(()) => return Ok(out.len()),
                Err(StoreError::Conflict) if attempt < REWRAP_ATTEMPTS => continue,
                Err(err) => return Err(err.into()),
            }
        }
        Err(StoreError::Conflict.into())
    }
}

fn view(root: &RootKeyring, rewrapped: usize, retired_file: Option<String>) -> RootRotationView {
    RootRotationView {
        root_key_version: root.active().version(),
        rewrapped,
        retired_file,
    }
}
