//! Extractors: the authenticated caller, and JSON bodies whose rejections are
//! problem+json (400, 413, 415; never 422) and never echo the input.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::header::{AUTHORIZATION, CONTENT_TYPE};
use axum::http::request::Parts;
use axum::http::StatusCode;
use serde::de::DeserializeOwned;

use crate::app::AppState;
use crate::auth::Caller;
use crate::error::ApiError;

/// The caller, verified from `Authorization: Bearer <JWT>`.
#[derive(Debug)]
pub struct BearerCaller(pub Caller);

impl FromRequestParts<AppState> for BearerCaller {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let header = parts
            .headers
            .get(AUTHORIZATION)
            .ok_or(ApiError::Unauthenticated)?;
        let value = header.to_str().map_err(|_| ApiError::Unauthenticated)?;
        let (scheme, token) = value.split_once(' ').ok_or(ApiError::Unauthenticated)?;
        if !scheme.eq_ignore_ascii_case("bearer") {
            return Err(ApiError::Unauthenticated);
        }
        state
            .jwt
            .verify(token.trim())
            .map(BearerCaller)
            .map_err(|_| ApiError::Unauthenticated)
    }
}

/// A caller allowed to use the admin API of its tenant: scope `admin`, and `"mfa"` in
/// `amr` when the configuration asks for it.
#[derive(Debug)]
pub struct AdminCaller(pub Caller);

/// A caller allowed to manage the root key: scope `admin:system`, and `"mfa"` in `amr`
/// when the configuration asks for it.
#[derive(Debug)]
pub struct SystemAdminCaller(pub Caller);

/// The bearer, if it holds `scope` and (when required) multi-factor authentication.
async fn admin_with(
    parts: &mut Parts,
    state: &AppState,
    scope: &'static str,
) -> Result<Caller, ApiError> {
    let BearerCaller(caller) = BearerCaller::from_request_parts(parts, state).await?;
    if !caller.scopes.has(scope) {
        return Err(ApiError::MissingScope(scope));
    }
    if state.admin_require_mfa && !caller.amr.iter().any(|m| m == "mfa") {
        return Err(ApiError::MfaRequired);
    }
    // A caller blocked after an anomaly loses its admin calls too: a stolen admin
    // token that tripped a honey token must not go on to rotate or shred keys.
    if let Some(seconds) = state
        .anomalies
        .blocked_for(caller.tenant.as_str(), &caller.sub)
    {
        return Err(ApiError::CallerBlocked(seconds));
    }
    Ok(caller)
}

impl FromRequestParts<AppState> for AdminCaller {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        admin_with(parts, state, "admin").await.map(Self)
    }
}

impl FromRequestParts<AppState> for SystemAdminCaller {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        admin_with(parts, state, "admin:system").await.map(Self)
    }
}

/// The request id (`x-request-id`, set by the request-id layer when the client sent
/// none). A client-sent id is kept only if short and plain, since it lands in the audit
/// log; anything else becomes `invalid`.
#[derive(Debug, Clone)]
pub struct RequestId(pub String);

impl<S: Send + Sync> FromRequestParts<S> for RequestId {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let raw = parts
            .headers
            .get("x-request-id")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        Ok(Self(plain_request_id(raw).to_owned()))
    }
}

/// A request id fit for logs and the audit log: the client's own only if it is short and
/// plain (a client could otherwise put a value in it), else `invalid`.
pub(super) fn plain_request_id(raw: &str) -> &str {
    let plain = !raw.is_empty()
        && raw.len() <= 64
        && raw
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'));
    if plain {
        raw
    } else {
        "invalid"
    }
}

/// A JSON body of type `T`.
#[derive(Debug)]
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        if !is_json(
            req.headers()
                .get(CONTENT_TYPE)
                .and_then(|v| v.to_str().ok()),
        ) {
            return Err(ApiError::UnsupportedMediaType);
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::PayloadTooLarge
            } else {
                ApiError::InvalidRequest("the request body could not be read".to_owned())
            }
        })?;
        serde_json::from_slice(&bytes).map(ApiJson).map_err(|err| {
            // serde's own message can quote the input; say only what kind of problem and where.
            let detail = match err.classify() {
                serde_json::error::Category::Io | serde_json::error::Category::Syntax => {
                    "the body is not valid JSON"
                }
                serde_json::error::Category::Eof => "the body ends early",
                serde_json::error::Category::Data => {
                    "a field is missing, unknown or of the wrong type"
                }
            };
            ApiError::InvalidRequest(format!(
                "{detail} (line {}, column {})",
                err.line(),
                err.column()
            ))
        })
    }
}

fn is_json(content_type: Option<&str>) -> bool {
    let Some(content_type) = content_type else {
        return false;
    };
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

/// For an optional request field: absent is `None`, but an explicit `null` is refused
/// like any other value of the wrong type (a client sending `"texts": null` beside
/// `"text"` has a bug worth a 400, not a guess).
pub(super) fn non_null<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    T::deserialize(deserializer).map(Some)
}

#[cfg(test)]
mod tests {
    use super::is_json;

    #[test]
    fn only_short_plain_request_ids_are_kept() {
        use super::plain_request_id;
        assert_eq!(
            plain_request_id("3f2c1a9e-77b1-4c0e-9e57-0a2b4c6d8e10"),
            "3f2c1a9e-77b1-4c0e-9e57-0a2b4c6d8e10"
        );
        assert_eq!(plain_request_id("ann@example.org"), "invalid");
        assert_eq!(plain_request_id(&"a".repeat(65)), "invalid");
        assert_eq!(plain_request_id(""), "invalid");
    }

    #[test]
    fn json_content_types_are_recognised_with_parameters_and_suffixes() {
        assert!(is_json(Some("application/json")));
        assert!(is_json(Some("Application/JSON; charset=utf-8")));
        assert!(is_json(Some("application/merge-patch+json")));
        assert!(!is_json(Some("text/plain")));
        assert!(!is_json(Some("application/jsonx")));
        assert!(!is_json(None));
    }
}
