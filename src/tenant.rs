//! The tenant identifier: 1–64 characters of `a-z 0-9 _ -`, checked once at the edge so
//! that everything below may rely on it.

use std::fmt;

/// A validated tenant id.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TenantId(String);

/// A string that is not a valid tenant id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("tenant must be 1-64 characters of a-z, 0-9, _ and -")]
pub struct InvalidTenant;

impl TenantId {
    /// Validates `raw` as a tenant id.
    ///
    /// # Errors
    /// [`InvalidTenant`] when it is empty, longer than 64 bytes or has other characters.
    pub fn parse(raw: &str) -> Result<Self, InvalidTenant> {
        let valid_char =
            |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-';
        if raw.is_empty() || raw.len() > 64 || !raw.bytes().all(valid_char) {
            return Err(InvalidTenant);
        }
        Ok(Self(raw.to_owned()))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for TenantId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for TenantId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TenantId({})", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_lowercase_digits_underscore_and_dash() {
        assert!(TenantId::parse("acme_corp-2").is_ok());
        assert!(TenantId::parse(&"a".repeat(64)).is_ok());
    }

    #[test]
    fn rejects_empty_long_uppercase_and_other_characters() {
        for bad in ["", "Acme", "a b", "a/b", "ä", &"a".repeat(65)] {
            assert_eq!(TenantId::parse(bad), Err(InvalidTenant), "{bad:?}");
        }
    }
}
