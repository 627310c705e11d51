//! JWT verification and, for development, issuing.
//!
//! The algorithm is never taken on trust: HS256 is verified only with the configured
//! shared secret, RS256/ES256/EdDSA only with a configured public key of that family, and
//! anything else (`none` included) is refused. So a token signed with HS256 using the
//! public key as the secret fails like any other forgery.

use std::fmt;
use std::fs;
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use jsonwebtoken::jwk::{AlgorithmParameters, EllipticCurve, JwkSet};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use rand::TryRngCore;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::{Caller, Scopes};
use crate::tenant::TenantId;

/// Seconds of clock skew tolerated on `exp` and `nbf`.
const LEEWAY_SECONDS: u64 = 30;
/// The shortest shared secret accepted for HS256.
const MIN_SECRET_BYTES: usize = 32;
/// The longest `ctx` accepted.
const MAX_CTX_LEN: usize = 256;

/// Why a request is not authenticated, or why the verifier could not be built.
#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    /// No bearer token.
    #[error("missing bearer token")]
    Missing,
    /// The token failed verification. Deliberately one case: which check failed is
    /// logged at debug level, never told to the caller.
    #[error("invalid token")]
    Invalid,
    /// A key file could not be read or parsed.
    #[error("JWT key file {path}: {reason}")]
    KeyFile {
        /// The file.
        path: String,
        /// What is wrong, without key material.
        reason: String,
    },
}

/// The claims promptvault reads.
#[derive(Debug, Serialize, Deserialize)]
pub struct Claims {
    /// The subject: who calls.
    pub sub: String,
    /// The tenant the caller acts for.
    pub tenant: String,
    /// Space-separated scopes.
    #[serde(default)]
    pub scope: String,
    /// Expiry, Unix seconds.
    pub exp: i64,
    /// Audience: a string or a list.
    pub aud: Audience,
    /// Issuer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iss: Option<String>,
    /// Issued at, Unix seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iat: Option<i64>,
    /// The conversation tokens are bound to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ctx: Option<String>,
    /// Authentication methods (`mfa` for admin calls).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub amr: Vec<String>,
}

/// `aud` as a single string or a list.
#[derive(Debug, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Audience {
    /// One audience.
    One(String),
    /// Several.
    Many(Vec<String>),
}

struct PublicKey {
    kid: Option<String>,
    algorithm: Algorithm,
    key: DecodingKey,
}

/// Verifies bearer tokens against the configured keys and claims.
pub struct JwtVerifier {
    hs256: Option<DecodingKey>,
    public_keys: Vec<PublicKey>,
    issuer: Option<String>,
    audience: String,
}

impl fmt::Debug for JwtVerifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let algorithms: Vec<_> = self.public_keys.iter().map(|k| k.algorithm).collect();
        f.debug_struct("JwtVerifier")
            .field("hs256", &self.hs256.is_some())
            .field("public_key_algorithms", &algorithms)
            .field("issuer", &self.issuer)
            .field("audience", &self.audience)
            .finish()
    }
}

impl JwtVerifier {
    /// A verifier from an optional HS256 secret file and an optional PEM or JWKS file.
    ///
    /// # Errors
    /// [`AuthError::KeyFile`] when a file is unreadable, too short, or holds no usable key.
    pub fn from_files(
        hs256_secret_file: Option<&Path>,
        public_keys_file: Option<&Path>,
        issuer: Option<String>,
        audience: String,
    ) -> Result<Self, AuthError> {
        let hs256 = match hs256_secret_file {
            Some(path) => Some(DecodingKey::from_secret(&read_secret(path)?)),
            None => None,
        };
        let public_keys = match public_keys_file {
            Some(path) => read_public_keys(path)?,
            None => Vec::new(),
        };
        Ok(Self {
            hs256,
            public_keys,
            issuer,
            audience,
        })
    }

    /// Verifies `token` and returns its caller.
    ///
    /// # Errors
    /// [`AuthError::Invalid`] for any failure.
    #[tracing::instrument(name = "auth", level = "debug", skip_all)]
    pub fn verify(&self, token: &str) -> Result<Caller, AuthError> {
        let header = jsonwebtoken::decode_header(token).map_err(|_| AuthError::Invalid)?;
        let candidates: Vec<&DecodingKey> = match header.alg {
            Algorithm::HS256 => self.hs256.iter().collect(),
            Algorithm::RS256 | Algorithm::ES256 | Algorithm::EdDSA => self
                .public_keys
                .iter()
                .filter(|k| k.algorithm == header.alg)
                .filter(|k| match (&header.kid, &k.kid) {
                    (Some(wanted), Some(have)) => wanted == have,
                    _ => true,
                })
                .map(|k| &k.key)
                .collect(),
            _ => Vec::new(),
        };
        let mut validation = Validation::new(header.alg);
        validation.algorithms = vec![header.alg];
        validation.leeway = LEEWAY_SECONDS;
        validation.validate_nbf = true;
        validation.set_audience(&[&self.audience]);
        validation.set_required_spec_claims(&["exp", "aud", "sub"]);
        if let Some(issuer) = &self.issuer {
            validation.set_issuer(&[issuer]);
            validation.set_required_spec_claims(&["exp", "aud", "sub", "iss"]);
        }
        for key in candidates {
            match jsonwebtoken::decode::<Claims>(token, key, &validation) {
                Ok(data) => return caller_from(data.claims),
                Err(err) => tracing::debug!(reason = rejection(err.kind()), "JWT rejected"),
            }
        }
        Err(AuthError::Invalid)
    }
}

/// Why a JWT was rejected, as a fixed word: the library's errors can quote a claim (a
/// mistyped `sub` holding an address), which must not reach a log or a span.
fn rejection(kind: &jsonwebtoken::errors::ErrorKind) -> &'static str {
    use jsonwebtoken::errors::ErrorKind;
    match kind {
        ErrorKind::ExpiredSignature => "expired",
        ErrorKind::ImmatureSignature => "not_yet_valid",
        ErrorKind::InvalidSignature => "signature",
        ErrorKind::InvalidAudience => "audience",
        ErrorKind::InvalidIssuer => "issuer",
        ErrorKind::InvalidAlgorithm | ErrorKind::InvalidAlgorithmName => "algorithm",
        ErrorKind::MissingRequiredClaim(_) => "missing_claim",
        ErrorKind::Json(_)
        | ErrorKind::Utf8(_)
        | ErrorKind::Base64(_)
        | ErrorKind::InvalidToken => "malformed",
        _ => "other",
    }
}

fn caller_from(claims: Claims) -> Result<Caller, AuthError> {
    let tenant = TenantId::parse(&claims.tenant).map_err(|_| AuthError::Invalid)?;
    if !super::is_valid_sub(&claims.sub) {
        return Err(AuthError::Invalid);
    }
    if let Some(ctx) = &claims.ctx {
        if ctx.is_empty() || ctx.len() > MAX_CTX_LEN || ctx.chars().any(char::is_control) {
            return Err(AuthError::Invalid);
        }
    }
    Ok(Caller {
        sub: claims.sub,
        tenant,
        scopes: Scopes::parse(&claims.scope),
        ctx: claims.ctx,
        amr: claims.amr,
    })
}

fn key_file_error(path: &Path, reason: &str) -> AuthError {
    AuthError::KeyFile {
        path: path.display().to_string(),
        reason: reason.to_owned(),
    }
}

fn read_secret(path: &Path) -> Result<Zeroizing<Vec<u8>>, AuthError> {
    let raw = Zeroizing::new(fs::read(path).map_err(|e| key_file_error(path, &e.to_string()))?);
    let trimmed = raw.trim_ascii();
    if trimmed.len() < MIN_SECRET_BYTES {
        return Err(key_file_error(
            path,
            "an HS256 secret needs at least 32 bytes",
        ));
    }
    Ok(Zeroizing::new(trimmed.to_vec()))
}

fn read_public_keys(path: &Path) -> Result<Vec<PublicKey>, AuthError> {
    let raw = fs::read_to_string(path).map_err(|e| key_file_error(path, &e.to_string()))?;
    let keys = if raw.trim_start().starts_with('{') {
        let set: JwkSet =
            serde_json::from_str(&raw).map_err(|_| key_file_error(path, "not a JWKS document"))?;
        set.keys
            .iter()
            .filter_map(|jwk| {
                let algorithm = match &jwk.algorithm {
                    AlgorithmParameters::RSA(_) => Algorithm::RS256,
                    AlgorithmParameters::EllipticCurve(ec) if ec.curve == EllipticCurve::P256 => {
                        Algorithm::ES256
                    }
                    AlgorithmParameters::OctetKeyPair(okp)
                        if okp.curve == EllipticCurve::Ed25519 =>
                    {
                        Algorithm::EdDSA
                    }
                    _ => return None,
                };
                let key = DecodingKey::from_jwk(jwk).ok()?;
                Some(PublicKey {
                    kid: jwk.common.key_id.clone(),
                    algorithm,
                    key,
                })
            })
            .collect()
    } else {
        let bytes = raw.as_bytes();
        let parsed = DecodingKey::from_rsa_pem(bytes)
            .map(|key| (Algorithm::RS256, key))
            .or_else(|_| DecodingKey::from_ec_pem(bytes).map(|key| (Algorithm::ES256, key)))
            .or_else(|_| DecodingKey::from_ed_pem(bytes).map(|key| (Algorithm::EdDSA, key)))
            .map_err(|_| {
                key_file_error(path, "not an RSA, EC P-256 or Ed25519 public key in PEM")
            })?;
        vec![PublicKey {
            kid: None,
            algorithm: parsed.0,
            key: parsed.1,
        }]
    };
    if keys.is_empty() {
        return Err(key_file_error(
            path,
            "no RSA, EC P-256 or Ed25519 key in the JWKS",
        ));
    }
    Ok(keys)
}

/// Reads the development HS256 secret at `path`, creating it (mode 0600, 32 random
/// bytes, base64url) when absent. Returns whether it was created.
///
/// # Errors
/// [`AuthError::KeyFile`] when it cannot be read or written.
pub fn load_or_create_dev_secret(path: &Path) -> Result<bool, AuthError> {
    if path.exists() {
        return Ok(false);
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent).map_err(|e| key_file_error(path, &e.to_string()))?;
    }
    let mut bytes = Zeroizing::new([0u8; 32]);
    rand::rngs::OsRng
        .try_fill_bytes(bytes.as_mut())
        .map_err(|e| key_file_error(path, &e.to_string()))?;
    let encoded = Zeroizing::new(URL_SAFE_NO_PAD.encode(bytes.as_ref()));
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| key_file_error(path, &e.to_string()))?;
    file.write_all(encoded.as_bytes())
        .map_err(|e| key_file_error(path, &e.to_string()))?;
    Ok(true)
}

/// Issues HS256 tokens with a shared secret: for `promptvault token` and tests.
pub struct JwtIssuer {
    key: EncodingKey,
}

impl fmt::Debug for JwtIssuer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("JwtIssuer(..)")
    }
}

impl JwtIssuer {
    /// An issuer signing with the secret in `path`.
    ///
    /// # Errors
    /// [`AuthError::KeyFile`] when the file is unreadable or too short.
    pub fn from_secret_file(path: &Path) -> Result<Self, AuthError> {
        Ok(Self {
            key: EncodingKey::from_secret(&read_secret(path)?),
        })
    }

    /// Signs `claims`.
    ///
    /// # Errors
    /// [`AuthError::Invalid`] when they cannot be encoded.
    pub fn issue(&self, claims: &Claims) -> Result<String, AuthError> {
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), claims, &self.key)
            .map_err(|_| AuthError::Invalid)
    }
}

/// Claims for a token issued by promptvault itself (`promptvault token`, tests).
#[allow(
    clippy::too_many_arguments,
    reason = "each is one claim, named at the call site"
)]
pub fn jwt_claims(
    sub: &str,
    tenant: &str,
    scope: &str,
    issued_at: i64,
    expires_at: i64,
    audience: &str,
    issuer: Option<&str>,
    ctx: Option<&str>,
    mfa: bool,
) -> Claims {
    Claims {
        sub: sub.to_owned(),
        tenant: tenant.to_owned(),
        scope: scope.to_owned(),
        exp: expires_at,
        aud: Audience::One(audience.to_owned()),
        iss: issuer.map(str::to_owned),
        iat: Some(issued_at),
        ctx: ctx.map(str::to_owned),
        amr: if mfa {
            vec!["mfa".to_owned()]
        } else {
            Vec::new()
        },
    }
}
