//! Who is calling: JWT verification (algorithm allow-list, keys, claims) and the
//! [`Caller`] with its scopes. Nothing here trusts a claim before the signature, the
//! algorithm, `exp`, `aud` and (when configured) `iss` have been checked.

mod jwt;

use std::collections::BTreeSet;

pub use jwt::{
    jwt_claims, load_or_create_dev_secret, Audience, AuthError, Claims, JwtIssuer, JwtVerifier,
};

use crate::detect::EntityType;
use crate::tenant::TenantId;

/// The verified principal of a request.
#[derive(Debug, Clone)]
pub struct Caller {
    /// The JWT's `sub`.
    pub sub: String,
    /// The JWT's `tenant`.
    pub tenant: TenantId,
    /// The JWT's `scope`, parsed.
    pub scopes: Scopes,
    /// The JWT's `ctx`: the conversation its tokens are bound to.
    pub ctx: Option<String>,
    /// The JWT's `amr`.
    pub amr: Vec<String>,
}

/// Longest `sub` accepted, in bytes: enough for any identity provider's subject, short
/// enough that one caller cannot make every audit event it causes large.
pub const MAX_SUB_LEN: usize = 256;

/// Whether `sub` can name a caller: 1 to [`MAX_SUB_LEN`] bytes without control characters.
/// A NUL cannot be stored in a Postgres text column, and a line break or escape sequence
/// has no place in a name shown in logs and the audit log, so such a JWT is refused
/// before anything is written, and a path or filter naming such a `sub` finds nothing.
pub fn is_valid_sub(sub: &str) -> bool {
    !sub.is_empty() && sub.len() <= MAX_SUB_LEN && !sub.chars().any(char::is_control)
}

/// The scopes a caller holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scopes(BTreeSet<String>);

impl Scopes {
    /// Parses a space-separated `scope` claim.
    pub fn parse(raw: &str) -> Self {
        Self(raw.split_ascii_whitespace().map(str::to_owned).collect())
    }

    /// Whether the exact scope is held.
    pub fn has(&self, scope: &str) -> bool {
        self.0.contains(scope)
    }

    /// Whether any reveal scope is held (`detokenize` or `detokenize:TYPE`).
    pub fn may_detokenize_something(&self) -> bool {
        self.0
            .iter()
            .any(|s| s == "detokenize" || s.starts_with("detokenize:"))
    }

    /// Whether values of the type labelled `label` (built-in or tenant-defined) may be
    /// revealed. Credentials need the explicit `detokenize:SECRET`; plain `detokenize`
    /// covers every other type.
    pub fn may_reveal(&self, label: &str) -> bool {
        let explicit = self
            .0
            .iter()
            .any(|s| s.strip_prefix("detokenize:") == Some(label));
        explicit || (label != EntityType::Secret.label() && self.has("detokenize"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_detokenize_reveals_every_type_but_secret() {
        let scopes = Scopes::parse("tokenize detokenize");
        assert!(scopes.may_reveal("EMAIL"));
        assert!(scopes.may_reveal("PERSON"));
        assert!(!scopes.may_reveal("SECRET"));
        assert!(
            scopes.may_reveal("EMPLOYEE_ID"),
            "tenant-defined types count as non-secret"
        );
    }

    #[test]
    fn typed_scopes_reveal_their_type_only() {
        let scopes = Scopes::parse("detokenize:EMAIL  detokenize:SECRET");
        assert!(scopes.may_reveal("EMAIL"));
        assert!(scopes.may_reveal("SECRET"));
        assert!(!scopes.may_reveal("PHONE"));
        assert!(scopes.may_detokenize_something());
        assert!(!Scopes::parse("tokenize admin").may_detokenize_something());
        assert!(
            !Scopes::parse("detokenize:email").may_reveal("EMAIL"),
            "labels are upper case"
        );
    }
}
