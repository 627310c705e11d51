//! AES-256-GCM seal and open with a random 96-bit nonce prepended to the ciphertext.

use aes_gcm::aead::{Aead, Payload};
use aes_gcm::{Aes256Gcm, Key, KeyInit, Nonce};
use rand::TryRngCore;
use zeroize::Zeroizing;

use super::{CryptoError, DataKey, KeyBytes};

const NONCE_LEN: usize = 12;
const TAG_LEN: usize = 16;

/// Associated data for a sealed value.
pub type Aad = Zeroizing<Vec<u8>>;

/// The associated data that binds a value to its tenant, token id, type and key version.
pub fn value_aad(tenant: &str, token_id: &str, entity_type: &str, key_version: u32) -> Aad {
    let mut aad = Vec::with_capacity(24 + tenant.len() + token_id.len() + entity_type.len());
    aad.extend_from_slice(b"pv:value:v1|");
    for part in [tenant, token_id, entity_type] {
        aad.extend_from_slice(part.as_bytes());
        aad.push(b'|');
    }
    aad.extend_from_slice(key_version.to_string().as_bytes());
    Zeroizing::new(aad)
}

/// Nonces drawn from the operating system's generator in one call, each handed out once:
/// sealing many values costs one system call instead of one per value.
pub struct Nonces {
    bytes: Vec<u8>,
}

impl Nonces {
    /// `count` fresh nonces.
    ///
    /// # Errors
    /// [`CryptoError::Random`] when the generator fails.
    pub fn draw(count: usize) -> Result<Self, CryptoError> {
        let mut bytes = vec![0u8; count.saturating_mul(NONCE_LEN)];
        rand::rngs::OsRng
            .try_fill_bytes(&mut bytes)
            .map_err(|_| CryptoError::Random)?;
        Ok(Self { bytes })
    }

    /// The next unused nonce; it is removed, so it cannot be handed out twice.
    fn take(&mut self) -> Result<[u8; NONCE_LEN], CryptoError> {
        let start = self
            .bytes
            .len()
            .checked_sub(NONCE_LEN)
            .ok_or(CryptoError::Random)?;
        let mut nonce = [0u8; NONCE_LEN];
        nonce.copy_from_slice(&self.bytes[start..]);
        self.bytes.truncate(start);
        Ok(nonce)
    }
}

impl std::fmt::Debug for Nonces {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Nonces({} left)", self.bytes.len() / NONCE_LEN)
    }
}

/// Seals `plaintext` under a tenant data key, with the next of `nonces`.
///
/// # Errors
/// [`CryptoError::Random`] when `nonces` has none left.
pub fn seal_value(
    key: &DataKey,
    nonces: &mut Nonces,
    aad: &[u8],
    plaintext: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    seal_with(key.cipher(), nonces.take()?, aad, plaintext)
}

/// Seals `plaintext` with `key`: `nonce || ciphertext || tag`.
///
/// # Errors
/// [`CryptoError::Random`] when no nonce can be drawn.
pub fn seal(key: &KeyBytes, aad: &[u8], plaintext: &[u8]) -> Result<Vec<u8>, CryptoError> {
    let cipher = Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(key.expose()));
    seal_with(&cipher, Nonces::draw(1)?.take()?, aad, plaintext)
}

fn seal_with(
    cipher: &Aes256Gcm,
    nonce: [u8; NONCE_LEN],
    aad: &[u8],
    plaintext: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    let sealed = cipher
        .encrypt(
            Nonce::from_slice(&nonce),
            Payload {
                msg: plaintext,
                aad,
            },
        )
        .map_err(|_| CryptoError::Open)?;
    let mut out = Vec::with_capacity(NONCE_LEN + sealed.len());
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&sealed);
    Ok(out)
}

/// Opens what [`seal`] produced.
///
/// # Errors
/// [`CryptoError::Open`] for any failure: short input, wrong key, wrong AAD, tampering.
pub fn open(key: &KeyBytes, aad: &[u8], sealed: &[u8]) -> Result<Zeroizing<Vec<u8>>, CryptoError> {
    if sealed.len() < NONCE_LEN + TAG_LEN {
        return Err(CryptoError::Open);
    }
    let cipher = Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(key.expose()));
    open_with(&cipher, aad, sealed)
}

fn open_with(
    cipher: &Aes256Gcm,
    aad: &[u8],
    sealed: &[u8],
) -> Result<Zeroizing<Vec<u8>>, CryptoError> {
    if sealed.len() < NONCE_LEN + TAG_LEN {
        return Err(CryptoError::Open);
    }
    let (nonce, ciphertext) = sealed.split_at(NONCE_LEN);
    cipher
        .decrypt(
            Nonce::from_slice(nonce),
            Payload {
                msg: ciphertext,
                aad,
            },
        )
        .map(Zeroizing::new)
        .map_err(|_| CryptoError::Open)
}

/// Opens a value sealed by [`seal_value`].
///
/// # Errors
/// [`CryptoError::Open`] for any failure.
pub fn open_value(
    key: &DataKey,
    aad: &[u8],
    sealed: &[u8],
) -> Result<Zeroizing<Vec<u8>>, CryptoError> {
    open_with(key.cipher(), aad, sealed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(s: &str) -> Vec<u8> {
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect()
    }

    /// NIST GCM test vector (gcmEncryptExtIV256.rsp, Count 0 of [Keylen = 256] [IVlen = 96]
    /// [PTlen = 128] [AADlen = 128] [Taglen = 128]), laid out in our nonce-first wire format.
    #[test]
    fn opens_a_nist_gcm_vector_in_the_wire_format() {
        let key = KeyBytes::from_slice(&hex(
            "92e11dcdaa866f5ce790fd24501f92509aacf4cb8b1339d50c9c1240935dd08b",
        ))
        .unwrap();
        let iv = hex("ac93a1a6145299bde902f21a");
        let pt = hex("2d71bcfa914e4ac045b2aa60955fad24");
        let aad = hex("1e0889016f67601c8ebea4943bc23ad6");
        let ct = hex("8995ae2e6df3dbf96fac7b7137bae67f");
        let tag = hex("eca5aa77d51d4a0a14d9c51e1da474ab");
        let wire = [iv, ct, tag].concat();
        assert_eq!(open(&key, &aad, &wire).unwrap().as_slice(), pt.as_slice());
    }

    #[test]
    fn seal_then_open_round_trips_and_any_change_fails_alike() {
        let key = KeyBytes::from_array([7; 32]);
        let aad = value_aad("acme", "abc", "EMAIL", 1);
        let sealed = seal(&key, &aad, b"bob@example.com").unwrap();
        assert_eq!(
            open(&key, &aad, &sealed).unwrap().as_slice(),
            b"bob@example.com"
        );

        let mut tampered = sealed.clone();
        tampered[20] ^= 1;
        let other_aad = value_aad("acme", "abc", "EMAIL", 2);
        let other_key = KeyBytes::from_array([8; 32]);
        assert!(matches!(
            open(&key, &aad, &tampered),
            Err(CryptoError::Open)
        ));
        assert!(matches!(
            open(&key, &other_aad, &sealed),
            Err(CryptoError::Open)
        ));
        assert!(matches!(
            open(&other_key, &aad, &sealed),
            Err(CryptoError::Open)
        ));
        assert!(matches!(
            open(&key, &aad, &sealed[..10]),
            Err(CryptoError::Open)
        ));
    }

    #[test]
    fn two_seals_of_one_value_differ() {
        let key = KeyBytes::from_array([7; 32]);
        let a = seal(&key, b"x", b"same").unwrap();
        let b = seal(&key, b"x", b"same").unwrap();
        assert_ne!(a, b);
    }

    #[test]
    fn a_batch_of_nonces_hands_each_out_once_and_then_refuses() {
        let key = DataKey::generate(1).unwrap();
        let mut nonces = Nonces::draw(3).unwrap();
        let sealed: Vec<Vec<u8>> = (0..3)
            .map(|_| seal_value(&key, &mut nonces, b"aad", b"value").unwrap())
            .collect();
        let mut used: Vec<&[u8]> = sealed.iter().map(|s| &s[..NONCE_LEN]).collect();
        used.sort_unstable();
        used.dedup();
        assert_eq!(used.len(), 3, "three different nonces");
        for one in &sealed {
            assert_eq!(&open_value(&key, b"aad", one).unwrap()[..], b"value");
        }
        assert!(matches!(
            seal_value(&key, &mut nonces, b"aad", b"value"),
            Err(CryptoError::Random)
        ));
    }
}
