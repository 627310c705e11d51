//! The root key file: JSON holding every root key version, either in the clear (mode
//! 0600, for development) or sealed with a key derived from a passphrase by Argon2id.
//!
//! ```json
//! {"format": "promptvault-root-key/v1", "keys": [{"version": 1, "key": "<base64>"}]}
//! {"format": "promptvault-root-key/v1", "sealed": {"kdf": "argon2id", "m_cost_kib": 65536,
//!  "t_cost": 3, "p_cost": 1, "salt": "<b64>", "nonce_and_ciphertext": "<b64>"}}
//! ```
//! The sealed form's plaintext is the `keys` array. Argon2id is slow on purpose; callers in
//! async code run this on a blocking thread.

use std::fs;
use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use argon2::{Algorithm, Argon2, Params, Version};
use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use rand::TryRngCore;
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::crypto::{open as open_sealed, seal, KeyBytes, RootKey, RootKeyring};

const FORMAT: &str = "promptvault-root-key/v1";
const SEAL_AAD: &[u8] = b"pv:root-key-file:v1";

/// Why the root key file could not be used. Messages tell the operator what to do and
/// never include key material or the passphrase.
#[derive(Debug, thiserror::Error)]
pub enum RootKeyFileError {
    /// Reading or writing the file failed.
    #[error("root key file {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The file is not a promptvault root key file.
    #[error("root key file {0} is not a valid promptvault root key file")]
    Malformed(PathBuf),
    /// The passphrase does not open the sealed file.
    #[error("wrong passphrase for the sealed root key file {0} (PROMPTVAULT_ROOT_KEY_PASSPHRASE)")]
    WrongPassphrase(PathBuf),
    /// The file is sealed but no passphrase was given.
    #[error("root key file {0} is sealed: set PROMPTVAULT_ROOT_KEY_PASSPHRASE")]
    PassphraseMissing(PathBuf),
    /// A passphrase was given but the file is not sealed.
    #[error("root key file {0} is not sealed, but PROMPTVAULT_ROOT_KEY_PASSPHRASE is set: unset it, or seal the file")]
    NotSealed(PathBuf),
    /// The file is readable by others than its owner (and the service's own group).
    #[error("root key file {0} is readable by group or others: chmod 600 it")]
    TooOpen(PathBuf),
    /// Key generation or sealing failed.
    #[error("could not generate or seal the root key")]
    Crypto,
}

#[derive(Serialize, Deserialize)]
struct RootKeyFile {
    format: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    keys: Option<Vec<StoredRootKey>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sealed: Option<SealedKeys>,
}

#[derive(Serialize, Deserialize)]
struct StoredRootKey {
    version: u32,
    key: String,
}

#[derive(Serialize, Deserialize)]
struct SealedKeys {
    kdf: String,
    m_cost_kib: u32,
    t_cost: u32,
    p_cost: u32,
    salt: String,
    nonce_and_ciphertext: String,
}

/// Loads the root keyring from `path`, creating a new file with one random key (version 1)
/// when none exists. Returns the keyring and whether the file was created.
///
/// # Errors
/// See [`RootKeyFileError`]: unreadable, malformed, too open, wrong or missing passphrase.
pub fn load_or_create_root_keyring(
    path: &Path,
    passphrase: Option<&SecretString>,
) -> Result<(RootKeyring, bool), RootKeyFileError> {
    match fs::read(path) {
        Ok(raw) => {
            let raw = Zeroizing::new(raw);
            check_permissions(path)?;
            Ok((parse(path, &raw, passphrase)?, false))
        }
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            let key = KeyBytes::generate().map_err(|_| RootKeyFileError::Crypto)?;
            let contents = serialize(&[(1, key.expose())], passphrase)?;
            write_new_file(path, &contents)?;
            let keyring =
                RootKeyring::new(vec![RootKey::new(1, key)]).ok_or(RootKeyFileError::Crypto)?;
            Ok((keyring, true))
        }
        Err(source) => Err(RootKeyFileError::Io {
            path: path.to_owned(),
            source,
        }),
    }
}

/// Loads an existing root key file; never creates one.
///
/// # Errors
/// As [`load_or_create_root_keyring`], and a missing file.
pub fn load_root_keyring(
    path: &Path,
    passphrase: Option<&SecretString>,
) -> Result<RootKeyring, RootKeyFileError> {
    let raw = Zeroizing::new(fs::read(path).map_err(|source| RootKeyFileError::Io {
        path: path.to_owned(),
        source,
    })?);
    check_permissions(path)?;
    parse(path, &raw, passphrase)
}

/// Writes every version of `keyring` to `path` (sealed when a passphrase is given),
/// replacing the file atomically: a temporary file with mode 0600 in the same folder,
/// synced, then renamed over the old one. A crash leaves the old or the new file, whole.
///
/// # Errors
/// I/O failures or sealing failures.
pub fn write_root_keyring(
    path: &Path,
    keyring: &RootKeyring,
    passphrase: Option<&SecretString>,
) -> Result<(), RootKeyFileError> {
    let keys: Vec<(u32, &[u8; 32])> = keyring
        .keys()
        .iter()
        .map(|k| (k.version(), k.bytes().expose()))
        .collect();
    let contents = serialize(&keys, passphrase)?;
    let temporary = path.with_extension(format!("tmp-{}", std::process::id()));
    let _ = fs::remove_file(&temporary);
    write_new_file(&temporary, &contents)?;
    fs::rename(&temporary, path).map_err(|source| RootKeyFileError::Io {
        path: path.to_owned(),
        source,
    })?;
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        if let Ok(dir) = fs::File::open(parent) {
            let _ = dir.sync_all();
        }
    }
    Ok(())
}

/// Only the owner may read the file; or, read-only, the service's own group too: that is
/// how Kubernetes hands a Secret to a pod that does not run as root (mode 0400 plus the
/// pod's `fsGroup` gives 0440, group-owned by the pod's group). Nothing wider.
fn check_permissions(path: &Path) -> Result<(), RootKeyFileError> {
    use std::os::unix::fs::MetadataExt;
    let meta = fs::metadata(path).map_err(|source| RootKeyFileError::Io {
        path: path.to_owned(),
        source,
    })?;
    let file = (meta.permissions().mode(), meta.uid(), meta.gid());
    let process = (effective_id("Uid:"), effective_id("Gid:"));
    if !private_enough(file, process) {
        return Err(RootKeyFileError::TooOpen(path.to_owned()));
    }
    Ok(())
}

/// Whether a key file of (mode, owner, group) is private enough for a process of
/// (effective uid, effective gid): nobody but its owner may read it, except, read-only,
/// the process's own group when that is not root's (which many share) and the owner is
/// root (the kubelet) or the process itself, so nobody else can rewrite the key.
fn private_enough(
    (mode, owner, group): (u32, u32, u32),
    (euid, egid): (Option<u32>, Option<u32>),
) -> bool {
    let open = mode & 0o077;
    if open == 0 {
        return true;
    }
    let own_group = egid.is_some_and(|gid| gid != 0 && gid == group);
    let trusted_owner = owner == 0 || euid == Some(owner);
    open == 0o040 && own_group && trusted_owner
}

/// This process's effective user or group id (`field` is `Uid:` or `Gid:`), from
/// `/proc/self/status` (`Gid: real effective saved filesystem`).
fn effective_id(field: &str) -> Option<u32> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(2)?.parse().ok()
}

fn parse(
    path: &Path,
    raw: &[u8],
    passphrase: Option<&SecretString>,
) -> Result<RootKeyring, RootKeyFileError> {
    let malformed = || RootKeyFileError::Malformed(path.to_owned());
    let file: RootKeyFile = serde_json::from_slice(raw).map_err(|_| malformed())?;
    if file.format != FORMAT {
        return Err(malformed());
    }
    let stored = match (file.keys, file.sealed, passphrase) {
        (Some(keys), None, None) => keys,
        (Some(_), None, Some(_)) => return Err(RootKeyFileError::NotSealed(path.to_owned())),
        (None, Some(_), None) => return Err(RootKeyFileError::PassphraseMissing(path.to_owned())),
        (None, Some(sealed), Some(passphrase)) => unseal(path, &sealed, passphrase)?,
        _ => return Err(malformed()),
    };
    let mut keys = Vec::with_capacity(stored.len());
    for entry in stored {
        let bytes = Zeroizing::new(
            BASE64
                .decode(entry.key.as_bytes())
                .map_err(|_| malformed())?,
        );
        let key = KeyBytes::from_slice(&bytes).ok_or_else(malformed)?;
        keys.push(RootKey::new(entry.version, key));
    }
    RootKeyring::new(keys).ok_or_else(malformed)
}

fn unseal(
    path: &Path,
    sealed: &SealedKeys,
    passphrase: &SecretString,
) -> Result<Vec<StoredRootKey>, RootKeyFileError> {
    let malformed = || RootKeyFileError::Malformed(path.to_owned());
    if sealed.kdf != "argon2id" {
        return Err(malformed());
    }
    let salt = BASE64.decode(&sealed.salt).map_err(|_| malformed())?;
    let blob = BASE64
        .decode(&sealed.nonce_and_ciphertext)
        .map_err(|_| malformed())?;
    let params = Params::new(sealed.m_cost_kib, sealed.t_cost, sealed.p_cost, Some(32))
        .map_err(|_| malformed())?;
    let kek = derive(passphrase, &salt, params).ok_or_else(malformed)?;
    let plain = open_sealed(&kek, SEAL_AAD, &blob)
        .map_err(|_| RootKeyFileError::WrongPassphrase(path.to_owned()))?;
    serde_json::from_slice(&plain).map_err(|_| malformed())
}

fn derive(passphrase: &SecretString, salt: &[u8], params: Params) -> Option<KeyBytes> {
    let mut out = Zeroizing::new([0u8; 32]);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(passphrase.expose_secret().as_bytes(), salt, out.as_mut())
        .ok()?;
    Some(KeyBytes::from_array(*out))
}

/// Serializes root keys, sealed when a passphrase is given.
fn serialize(
    keys: &[(u32, &[u8; 32])],
    passphrase: Option<&SecretString>,
) -> Result<Zeroizing<Vec<u8>>, RootKeyFileError> {
    let stored: Vec<StoredRootKey> = keys
        .iter()
        .map(|(version, key)| StoredRootKey {
            version: *version,
            key: BASE64.encode(key),
        })
        .collect();
    let file = match passphrase {
        None => RootKeyFile {
            format: FORMAT.to_owned(),
            keys: Some(stored),
            sealed: None,
        },
        Some(passphrase) => {
            let plain =
                Zeroizing::new(serde_json::to_vec(&stored).map_err(|_| RootKeyFileError::Crypto)?);
            let mut salt = [0u8; 16];
            rand::rngs::OsRng
                .try_fill_bytes(&mut salt)
                .map_err(|_| RootKeyFileError::Crypto)?;
            let (m_cost_kib, t_cost, p_cost) = (64 * 1024, 3, 1);
            let params = Params::new(m_cost_kib, t_cost, p_cost, Some(32))
                .map_err(|_| RootKeyFileError::Crypto)?;
            let kek = derive(passphrase, &salt, params).ok_or(RootKeyFileError::Crypto)?;
            let blob = seal(&kek, SEAL_AAD, &plain).map_err(|_| RootKeyFileError::Crypto)?;
            let sealed = SealedKeys {
                kdf: "argon2id".to_owned(),
                m_cost_kib,
                t_cost,
                p_cost,
                salt: BASE64.encode(salt),
                nonce_and_ciphertext: BASE64.encode(blob),
            };
            RootKeyFile {
                format: FORMAT.to_owned(),
                keys: None,
                sealed: Some(sealed),
            }
        }
    };
    serde_json::to_vec_pretty(&file)
        .map(Zeroizing::new)
        .map_err(|_| RootKeyFileError::Crypto)
}

/// Creates `path` with mode 0600, failing if it already exists (never overwrite a key).
fn write_new_file(path: &Path, contents: &[u8]) -> Result<(), RootKeyFileError> {
    let io_err = |source| RootKeyFileError::Io {
        path: path.to_owned(),
        source,
    };
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent).map_err(io_err)?;
    }
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(io_err)?;
    file.write_all(contents).map_err(io_err)?;
    file.sync_all().map_err(io_err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creates_a_0600_file_on_first_use_and_loads_the_same_key_after() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keys/root.key");
        let (first, created) = load_or_create_root_keyring(&path, None).unwrap();
        let (second, created_again) = load_or_create_root_keyring(&path, None).unwrap();
        assert!(created && !created_again);
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
        assert_eq!(
            first.active().bytes().expose(),
            second.active().bytes().expose()
        );
    }

    #[test]
    fn a_rewritten_file_keeps_every_version_and_its_mode() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("root.key");
        let (first, _) = load_or_create_root_keyring(&path, None).unwrap();
        let next = first.with_new_version().unwrap();
        let passphrase = SecretString::from("p4ss");
        write_root_keyring(&path, &next, Some(&passphrase)).unwrap();
        let back = load_root_keyring(&path, Some(&passphrase)).unwrap();
        assert_eq!(back.active().version(), 2);
        assert_eq!(
            back.get(1).unwrap().bytes().expose(),
            first.active().bytes().expose()
        );
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
        write_root_keyring(&path, &back.only_active(), None).unwrap();
        let only = load_root_keyring(&path, None).unwrap();
        assert!(only.get(1).is_none() && only.get(2).is_some());
    }

    #[test]
    fn a_sealed_file_needs_the_right_passphrase() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("root.key");
        let right = SecretString::from("correct horse battery staple");
        let wrong = SecretString::from("wrong");
        let (ring, _) = load_or_create_root_keyring(&path, Some(&right)).unwrap();
        let raw = fs::read_to_string(&path).unwrap();
        assert!(raw.contains("argon2id") && !raw.contains("\"keys\""));

        let (again, _) = load_or_create_root_keyring(&path, Some(&right)).unwrap();
        assert_eq!(
            ring.active().bytes().expose(),
            again.active().bytes().expose()
        );
        assert!(matches!(
            load_or_create_root_keyring(&path, Some(&wrong)),
            Err(RootKeyFileError::WrongPassphrase(_))
        ));
        assert!(matches!(
            load_or_create_root_keyring(&path, None),
            Err(RootKeyFileError::PassphraseMissing(_))
        ));
    }

    #[test]
    fn a_plain_file_with_a_passphrase_set_or_open_permissions_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("root.key");
        load_or_create_root_keyring(&path, None).unwrap();
        let passphrase = SecretString::from("p");
        assert!(matches!(
            load_or_create_root_keyring(&path, Some(&passphrase)),
            Err(RootKeyFileError::NotSealed(_))
        ));
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        assert!(matches!(
            load_or_create_root_keyring(&path, None),
            Err(RootKeyFileError::TooOpen(_))
        ));
        // Group-writable, or readable by others, is refused whoever owns it.
        for mode in [0o460, 0o444, 0o404] {
            fs::set_permissions(&path, fs::Permissions::from_mode(mode)).unwrap();
            assert!(
                matches!(
                    load_or_create_root_keyring(&path, None),
                    Err(RootKeyFileError::TooOpen(_))
                ),
                "{mode:o}"
            );
        }
    }

    #[test]
    fn group_read_is_accepted_only_for_the_services_own_group() {
        let service = (Some(10001), Some(10001));
        // A Kubernetes Secret with mode 0400 and fsGroup 10001: root-owned, 0440.
        assert!(private_enough((0o100_440, 0, 10001), service));
        assert!(private_enough((0o100_440, 10001, 10001), service));
        assert!(
            private_enough((0o100_400, 4242, 4242), service),
            "owner-only"
        );
        for (file, why) in [
            ((0o100_440, 0, 4242), "another group"),
            ((0o100_440, 4242, 10001), "another owner could rewrite it"),
            ((0o100_460, 0, 10001), "group-writable"),
            ((0o100_444, 0, 10001), "readable by others"),
            ((0o100_404, 0, 10001), "readable by others"),
        ] {
            assert!(!private_enough(file, service), "{why}");
        }
        // Root's group is shared by many: never enough.
        assert!(!private_enough((0o100_440, 0, 0), (Some(0), Some(0))));
        // Unknown ids (no /proc): only owner-only files.
        assert!(!private_enough((0o100_440, 0, 10001), (None, None)));
        assert!(private_enough((0o100_600, 0, 0), (None, None)));
    }
}
