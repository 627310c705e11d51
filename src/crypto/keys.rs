//! Key types. Each holds its bytes in a zeroize-on-drop buffer; none implements `Clone`,
//! `Serialize` or `Display`, and `Debug` shows only the version.

use std::fmt;

use aes_gcm::{Aes256Gcm, Key, KeyInit};
use rand::TryRngCore;
use zeroize::{ZeroizeOnDrop, Zeroizing};

use super::{envelope, CryptoError};

/// 32 bytes of key material, wiped on drop.
#[derive(ZeroizeOnDrop)]
pub struct KeyBytes([u8; 32]);

impl KeyBytes {
    /// Fresh random key material from the operating system.
    ///
    /// # Errors
    /// [`CryptoError::Random`] when the generator fails.
    pub fn generate() -> Result<Self, CryptoError> {
        let mut bytes = [0u8; 32];
        rand::rngs::OsRng
            .try_fill_bytes(&mut bytes)
            .map_err(|_| CryptoError::Random)?;
        Ok(Self(bytes))
    }

    /// Takes ownership of existing bytes.
    pub fn from_array(bytes: [u8; 32]) -> Self {
        Self(bytes)
    }

    /// Copies from a slice of exactly 32 bytes.
    pub fn from_slice(bytes: &[u8]) -> Option<Self> {
        let array: [u8; 32] = bytes.try_into().ok()?;
        Some(Self(array))
    }

    pub(crate) fn expose(&self) -> &[u8; 32] {
        &self.0
    }
}

impl fmt::Debug for KeyBytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("KeyBytes(..)")
    }
}

/// One version of the root key (key-encryption key).
pub struct RootKey {
    version: u32,
    bytes: KeyBytes,
}

impl RootKey {
    /// A root key of the given version.
    pub fn new(version: u32, bytes: KeyBytes) -> Self {
        Self { version, bytes }
    }

    /// Its version number.
    pub fn version(&self) -> u32 {
        self.version
    }

    pub(crate) fn bytes(&self) -> &KeyBytes {
        &self.bytes
    }

    /// A second copy of the key, for building a new keyring during rotation. Deliberately
    /// not `Clone`: copies of key material are made only here, and each is zeroized on drop.
    fn duplicate(&self) -> RootKey {
        RootKey {
            version: self.version,
            bytes: KeyBytes::from_array(*self.bytes.expose()),
        }
    }
}

impl fmt::Debug for RootKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RootKey")
            .field("version", &self.version)
            .finish_non_exhaustive()
    }
}

/// Every loaded root key version; the highest one wraps new keys.
#[derive(Debug)]
pub struct RootKeyring {
    keys: Vec<RootKey>,
}

impl RootKeyring {
    /// A keyring from its versions. Returns `None` when `keys` is empty.
    pub fn new(mut keys: Vec<RootKey>) -> Option<Self> {
        keys.sort_by_key(RootKey::version);
        if keys.is_empty() {
            return None;
        }
        Some(Self { keys })
    }

    /// The version that wraps new keys.
    pub fn active(&self) -> &RootKey {
        // `new` refuses an empty list, so there is always a last key.
        &self.keys[self.keys.len() - 1]
    }

    pub(crate) fn keys(&self) -> &[RootKey] {
        &self.keys
    }

    /// Every loaded version, ascending.
    pub fn versions(&self) -> Vec<u32> {
        self.keys.iter().map(RootKey::version).collect()
    }

    /// A keyring with every version of this one plus a new random one, one above the
    /// highest, which becomes active.
    ///
    /// # Errors
    /// [`CryptoError::Random`] when the generator fails.
    pub fn with_new_version(&self) -> Result<RootKeyring, CryptoError> {
        let mut keys: Vec<RootKey> = self.keys.iter().map(RootKey::duplicate).collect();
        keys.push(RootKey::new(
            self.active().version() + 1,
            KeyBytes::generate()?,
        ));
        Ok(RootKeyring { keys })
    }

    /// A keyring with the active version alone.
    pub fn only_active(&self) -> RootKeyring {
        RootKeyring {
            keys: vec![self.active().duplicate()],
        }
    }

    /// The key of one version, if loaded.
    pub fn get(&self, version: u32) -> Option<&RootKey> {
        self.keys.iter().find(|key| key.version == version)
    }

    /// Wraps a data key for `tenant` under the active root key.
    ///
    /// # Errors
    /// [`CryptoError::Random`] when no nonce can be drawn.
    pub fn wrap_data_key(
        &self,
        tenant: &str,
        key: &DataKey,
    ) -> Result<(Vec<u8>, u32), CryptoError> {
        let root = self.active();
        let aad = dek_aad(tenant, key.version, root.version);
        let wrapped = envelope::seal(root.bytes(), &aad, key.bytes.expose())?;
        Ok((wrapped, root.version))
    }

    /// Unwraps a data key that was wrapped under root version `root_version`.
    ///
    /// # Errors
    /// [`CryptoError::UnknownRootVersion`] when that root key is not loaded;
    /// [`CryptoError::Open`] when the wrapped key does not open.
    pub fn unwrap_data_key(
        &self,
        tenant: &str,
        version: u32,
        root_version: u32,
        wrapped: &[u8],
    ) -> Result<DataKey, CryptoError> {
        let root = self
            .get(root_version)
            .ok_or(CryptoError::UnknownRootVersion(root_version))?;
        let aad = dek_aad(tenant, version, root_version);
        let plain = envelope::open(root.bytes(), &aad, wrapped)?;
        let bytes = KeyBytes::from_slice(&plain).ok_or(CryptoError::Open)?;
        Ok(DataKey::from_bytes(version, bytes))
    }

    /// Unwraps a data key wrapped under any loaded version and wraps it again under the
    /// active version (root rotation). Returns the new wrapped key and the active version.
    ///
    /// # Errors
    /// As [`RootKeyring::unwrap_data_key`].
    pub fn rewrap_data_key(
        &self,
        tenant: &str,
        version: u32,
        root_version: u32,
        wrapped: &[u8],
    ) -> Result<(Vec<u8>, u32), CryptoError> {
        let key = self.unwrap_data_key(tenant, version, root_version, wrapped)?;
        self.wrap_data_key(tenant, &key)
    }

    /// As [`RootKeyring::rewrap_data_key`], for a fingerprint key.
    ///
    /// # Errors
    /// As [`RootKeyring::unwrap_fingerprint_key`].
    pub fn rewrap_fingerprint_key(
        &self,
        tenant: &str,
        root_version: u32,
        wrapped: &[u8],
    ) -> Result<(Vec<u8>, u32), CryptoError> {
        let key = self.unwrap_fingerprint_key(tenant, root_version, wrapped)?;
        self.wrap_fingerprint_key(tenant, &key)
    }

    /// Wraps a tenant's fingerprint key under the active root key.
    ///
    /// # Errors
    /// [`CryptoError::Random`] when no nonce can be drawn.
    pub fn wrap_fingerprint_key(
        &self,
        tenant: &str,
        key: &FingerprintKey,
    ) -> Result<(Vec<u8>, u32), CryptoError> {
        let root = self.active();
        let aad = fpk_aad(tenant, root.version);
        Ok((
            envelope::seal(root.bytes(), &aad, key.0.expose())?,
            root.version,
        ))
    }

    /// Unwraps a tenant's fingerprint key.
    ///
    /// # Errors
    /// As [`RootKeyring::unwrap_data_key`].
    pub fn unwrap_fingerprint_key(
        &self,
        tenant: &str,
        root_version: u32,
        wrapped: &[u8],
    ) -> Result<FingerprintKey, CryptoError> {
        let root = self
            .get(root_version)
            .ok_or(CryptoError::UnknownRootVersion(root_version))?;
        let plain = envelope::open(root.bytes(), &fpk_aad(tenant, root_version), wrapped)?;
        KeyBytes::from_slice(&plain)
            .map(FingerprintKey)
            .ok_or(CryptoError::Open)
    }
}

fn dek_aad(tenant: &str, version: u32, root_version: u32) -> Zeroizing<Vec<u8>> {
    Zeroizing::new(format!("pv:dek:v1|{tenant}|{version}|{root_version}").into_bytes())
}

fn fpk_aad(tenant: &str, root_version: u32) -> Zeroizing<Vec<u8>> {
    Zeroizing::new(format!("pv:fpk:v1|{tenant}|{root_version}").into_bytes())
}

/// One version of a tenant's data key (DEK): seals and opens values. It keeps its cipher
/// (the expanded AES key and the GHASH key) so that each value does not expand the key
/// again; both are wiped when the key is dropped.
pub struct DataKey {
    version: u32,
    bytes: KeyBytes,
    cipher: Aes256Gcm,
}

impl DataKey {
    /// A fresh random data key of the given version.
    ///
    /// # Errors
    /// [`CryptoError::Random`] when the generator fails.
    pub fn generate(version: u32) -> Result<Self, CryptoError> {
        Ok(Self::from_bytes(version, KeyBytes::generate()?))
    }

    fn from_bytes(version: u32, bytes: KeyBytes) -> Self {
        let cipher = Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(bytes.expose()));
        Self {
            version,
            bytes,
            cipher,
        }
    }

    pub(crate) fn cipher(&self) -> &Aes256Gcm {
        &self.cipher
    }

    /// Its version number.
    pub fn version(&self) -> u32 {
        self.version
    }
}

impl fmt::Debug for DataKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DataKey")
            .field("version", &self.version)
            .finish_non_exhaustive()
    }
}

/// A tenant's HMAC key for fingerprints (blind index).
pub struct FingerprintKey(KeyBytes);

impl FingerprintKey {
    /// A fingerprint key from existing bytes.
    pub fn from_bytes(bytes: KeyBytes) -> Self {
        Self(bytes)
    }

    /// A fresh random fingerprint key.
    ///
    /// # Errors
    /// [`CryptoError::Random`] when the generator fails.
    pub fn generate() -> Result<Self, CryptoError> {
        Ok(Self(KeyBytes::generate()?))
    }

    pub(crate) fn bytes(&self) -> &KeyBytes {
        &self.0
    }

    /// The key that seals the tenant's policy document at rest: HMAC-SHA256 of a fixed
    /// label under the fingerprint key, which lives exactly as long as the tenant's data
    /// (root rotations rewrap it, a shred destroys it).
    pub fn policy_key(&self) -> KeyBytes {
        let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, self.0.expose());
        let tag = ring::hmac::sign(&key, b"pv:policy-key:v1");
        let mut bytes = [0u8; 32];
        bytes.copy_from_slice(tag.as_ref());
        let derived = KeyBytes::from_array(bytes);
        zeroize::Zeroize::zeroize(&mut bytes);
        derived
    }
}

impl fmt::Debug for FingerprintKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("FingerprintKey(..)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keyring() -> RootKeyring {
        RootKeyring::new(vec![RootKey::new(1, KeyBytes::from_array([0xAB; 32]))]).unwrap()
    }

    #[test]
    fn the_cipher_a_data_key_keeps_wipes_its_expanded_keys_on_drop() {
        // Compiles only while AES's round keys are zeroized on drop (GHASH and POLYVAL
        // wipe theirs in `Drop` under the same feature, without the marker trait).
        fn wiped_on_drop<T: zeroize::ZeroizeOnDrop>() {}
        wiped_on_drop::<aes::Aes256>();
    }

    #[test]
    fn debug_output_shows_the_version_but_never_the_key_bytes() {
        let root = RootKey::new(7, KeyBytes::from_array([0xAB; 32]));
        let data = DataKey::from_bytes(3, KeyBytes::from_array([0xAB; 32]));
        for shown in [
            format!("{root:?}"),
            format!("{data:?}"),
            format!("{:?}", keyring()),
        ] {
            assert!(
                !shown.contains("171") && !shown.to_lowercase().contains("ab, "),
                "{shown}"
            );
        }
        assert!(format!("{root:?}").contains('7'));
        assert_eq!(
            format!("{:?}", FingerprintKey(KeyBytes::from_array([1; 32]))),
            "FingerprintKey(..)"
        );
    }

    #[test]
    fn a_wrapped_data_key_unwraps_only_for_its_tenant_and_version() {
        let ring = keyring();
        let key = DataKey::generate(2).unwrap();
        let (wrapped, root_version) = ring.wrap_data_key("acme", &key).unwrap();
        let back = ring
            .unwrap_data_key("acme", 2, root_version, &wrapped)
            .unwrap();
        assert_eq!(back.bytes.expose(), key.bytes.expose());
        assert!(matches!(
            ring.unwrap_data_key("other", 2, root_version, &wrapped),
            Err(CryptoError::Open)
        ));
        assert!(matches!(
            ring.unwrap_data_key("acme", 3, root_version, &wrapped),
            Err(CryptoError::Open)
        ));
        assert!(matches!(
            ring.unwrap_data_key("acme", 2, 9, &wrapped),
            Err(CryptoError::UnknownRootVersion(9))
        ));
    }

    #[test]
    fn the_highest_root_version_is_active() {
        let ring = RootKeyring::new(vec![
            RootKey::new(2, KeyBytes::from_array([2; 32])),
            RootKey::new(1, KeyBytes::from_array([1; 32])),
        ])
        .unwrap();
        assert_eq!(ring.active().version(), 2);
        assert!(RootKeyring::new(Vec::new()).is_none());
    }
}
