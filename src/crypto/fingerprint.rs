//! Blind index: HMAC-SHA256 under the tenant's fingerprint key, so that equal values get
//! equal tokens without the database holding anything a guessed value could be checked
//! against.

use ring::hmac;

use super::FingerprintKey;

/// The fingerprint of a value of type `entity_type` within determinism scope `scope`.
/// Each part is length-prefixed so that no two different inputs share an encoding.
pub fn fingerprint(key: &FingerprintKey, entity_type: &str, scope: &str, value: &[u8]) -> [u8; 32] {
    let key = hmac::Key::new(hmac::HMAC_SHA256, key.bytes().expose());
    let mut context = hmac::Context::with_key(&key);
    context.update(b"pv:fp:v1");
    for part in [entity_type.as_bytes(), scope.as_bytes(), value] {
        context.update(&u64::try_from(part.len()).unwrap_or(u64::MAX).to_be_bytes());
        context.update(part);
    }
    let tag = context.sign();
    let mut out = [0u8; 32];
    out.copy_from_slice(tag.as_ref());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::KeyBytes;

    #[test]
    fn equal_inputs_match_and_any_part_changes_the_fingerprint() {
        let key = FingerprintKey::from_bytes(KeyBytes::from_array([3; 32]));
        let base = fingerprint(&key, "EMAIL", "c:chat-1", b"bob@example.com");
        assert_eq!(
            base,
            fingerprint(&key, "EMAIL", "c:chat-1", b"bob@example.com")
        );
        assert_ne!(
            base,
            fingerprint(&key, "PHONE", "c:chat-1", b"bob@example.com")
        );
        assert_ne!(
            base,
            fingerprint(&key, "EMAIL", "c:chat-2", b"bob@example.com")
        );
        assert_ne!(
            base,
            fingerprint(&key, "EMAIL", "c:chat-1", b"bob@example.org")
        );
        assert_ne!(
            fingerprint(&key, "EMAIL", "ab", b"c"),
            fingerprint(&key, "EMAIL", "a", b"bc"),
            "length prefixes keep the parts apart"
        );
        let other = FingerprintKey::from_bytes(KeyBytes::from_array([4; 32]));
        assert_ne!(
            base,
            fingerprint(&other, "EMAIL", "c:chat-1", b"bob@example.com")
        );
    }
}
