//! Key types, envelope encryption and blind-index fingerprints. Pure functions and key
//! types: no I/O (the root key file is read and written by `keys`), no async, no HTTP.
//!
//! # Key hierarchy
//! A root key (KEK, versioned) wraps each tenant's data keys (DEK, versioned) and its
//! fingerprint key. Data keys seal values; the fingerprint key makes deterministic tokens
//! possible without storing anything that could be matched against a guessed value.
//!
//! # Wire format
//! A sealed value is `nonce (12 bytes) || AES-256-GCM ciphertext || tag (16 bytes)`.
//! The associated data binds the ciphertext to where it belongs:
//! - values: `pv:value:v1|tenant|token id|type|key version`;
//! - wrapped data keys: `pv:dek:v1|tenant|data key version|root key version`;
//! - wrapped fingerprint keys: `pv:fpk:v1|tenant|root key version`.
//!
//! Moving a ciphertext to another tenant, token, type or version therefore fails to open.
//!
//! # Invariants
//! - Nonces are random 96-bit values from the operating system's generator (drawn for a
//!   whole request at once, each used once: [`Nonces`]); a data key
//!   seals far fewer than 2^32 values before rotation is advised.
//! - Key bytes live only in `ZeroizeOnDrop` types whose `Debug` shows the version alone.
//! - Opening has one failure, [`CryptoError::Open`], whatever the cause.

mod envelope;
mod fingerprint;
mod keys;

pub use envelope::{open, open_value, seal, seal_value, value_aad, Aad, Nonces};
pub use fingerprint::fingerprint;
pub use keys::{DataKey, FingerprintKey, KeyBytes, RootKey, RootKeyring};

/// Failures of the cryptographic layer. None carries key material or plaintext.
#[derive(Debug, thiserror::Error)]
pub enum CryptoError {
    /// Wrong key, wrong associated data or tampered ciphertext: deliberately one case.
    #[error("decryption failed")]
    Open,
    /// The operating system's random generator failed.
    #[error("random generator unavailable")]
    Random,
    /// No root key with the version a wrapped key names.
    #[error("root key version {0} is not loaded")]
    UnknownRootVersion(u32),
}
