//! The API error: RFC 9457 problem+json with a stable `type` per error. `Display` text is
//! shown to clients, so it never holds a value, a token, a JWT or an internal detail;
//! internal causes are logged once, here.

use axum::http::header::{CONTENT_TYPE, WWW_AUTHENTICATE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::vault::VaultError;

/// Errors a handler can return.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// No or invalid credentials.
    #[error("missing or invalid bearer token")]
    Unauthenticated,
    /// Valid credentials without the needed scope.
    #[error("the token lacks the `{0}` scope")]
    MissingScope(&'static str),
    /// An admin call without `"mfa"` in the JWT's `amr`.
    #[error("admin calls need a token with \"mfa\" in amr")]
    MfaRequired,
    /// The same admin tried to confirm their own destructive action.
    #[error("a second admin with another sub must confirm this action")]
    SecondAdminRequired,
    /// The caller is blocked after an anomaly, for this many more seconds.
    #[error("this caller is blocked after an anomaly; an admin of the tenant can lift the block")]
    CallerBlocked(u64),
    /// Malformed input.
    #[error("{0}")]
    InvalidRequest(String),
    /// Unknown route.
    #[error("no such resource")]
    NotFound,
    /// Known route, other method.
    #[error("method not allowed on this resource")]
    MethodNotAllowed,
    /// The request conflicts with the current state.
    #[error("{0}")]
    Conflict(String),
    /// The body is larger than PROMPTVAULT_MAX_BODY_BYTES.
    #[error("request body too large")]
    PayloadTooLarge,
    /// Not `application/json`.
    #[error("expected Content-Type: application/json")]
    UnsupportedMediaType,
    /// Too many requests; retry after this many seconds.
    #[error("rate limit reached, retry later")]
    RateLimited(u64),
    /// The model provider could not be reached.
    #[error("the model provider could not be reached")]
    UpstreamUnreachable,
    /// The model provider refused the service's own credentials (its answer, which may
    /// quote part of the provider key, is logged as a status only and not passed on).
    #[error("the model provider refused this service's credentials; an operator must check the provider key")]
    UpstreamCredentials,
    /// The model provider did not answer in time.
    #[error("the model provider did not answer in time")]
    UpstreamTimeout,
    /// The model's answer held a sensitive value and the tenant's output policy blocks it.
    #[error("the answer holds a sensitive value and the tenant's output policy blocks it")]
    OutputBlocked,
    /// The store cannot be reached.
    #[error("the store is unavailable, retry later")]
    Unavailable,
    /// The root key file could not be read or written for a root rotation.
    #[error("the root key file cannot be rotated now (an operator must check it); a shred that answered this destroyed the tenant's keys but not yet the old root key, which every instance retries in the background")]
    RootKeyFile,
    /// Another key change holds the keys; retry.
    #[error("another key change is in progress; retry")]
    KeyChangeInProgress,
    /// The database has no space left; nothing of the request was stored.
    #[error("the store has no space left: nothing was stored; an operator must free space")]
    StoreFull,
    /// The tenant's keys do not open with the root key the service holds.
    #[error("the tenant's keys cannot be opened with this service's root key: an operator must check the root key file against the database")]
    KeysUnavailable,
    /// Anything else. The source is logged, never shown.
    #[error("internal error")]
    Internal(#[source] anyhow::Error),
}

impl ApiError {
    fn status_and_code(&self) -> (StatusCode, &'static str) {
        match self {
            Self::Unauthenticated => (StatusCode::UNAUTHORIZED, "unauthenticated"),
            Self::MissingScope(_) => (StatusCode::FORBIDDEN, "missing_scope"),
            Self::MfaRequired => (StatusCode::FORBIDDEN, "mfa_required"),
            Self::SecondAdminRequired => (StatusCode::FORBIDDEN, "second_admin_required"),
            Self::CallerBlocked(_) => (StatusCode::FORBIDDEN, "caller_blocked"),
            Self::InvalidRequest(_) => (StatusCode::BAD_REQUEST, "invalid_request"),
            Self::NotFound => (StatusCode::NOT_FOUND, "not_found"),
            Self::MethodNotAllowed => (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed"),
            Self::Conflict(_) => (StatusCode::CONFLICT, "conflict"),
            Self::PayloadTooLarge => (StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large"),
            Self::UnsupportedMediaType => {
                (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type")
            }
            Self::RateLimited(_) => (StatusCode::TOO_MANY_REQUESTS, "rate_limited"),
            Self::UpstreamUnreachable => (StatusCode::BAD_GATEWAY, "upstream_unreachable"),
            Self::UpstreamTimeout => (StatusCode::GATEWAY_TIMEOUT, "upstream_timeout"),
            Self::UpstreamCredentials => (StatusCode::BAD_GATEWAY, "upstream_credentials"),
            Self::OutputBlocked => (StatusCode::BAD_GATEWAY, "output_blocked"),
            Self::Unavailable => (StatusCode::SERVICE_UNAVAILABLE, "store_unavailable"),
            Self::KeysUnavailable => (StatusCode::SERVICE_UNAVAILABLE, "keys_unavailable"),
            Self::StoreFull => (StatusCode::SERVICE_UNAVAILABLE, "store_full"),
            Self::RootKeyFile => (StatusCode::SERVICE_UNAVAILABLE, "root_key_file_unavailable"),
            Self::KeyChangeInProgress => (StatusCode::CONFLICT, "key_change_in_progress"),
            Self::Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, "internal"),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code) = self.status_and_code();
        if let Self::Internal(source) = &self {
            tracing::error!(error = %source, "request failed");
        }
        let body = serde_json::json!({
            "type": format!("https://promptvault.dev/errors/{code}"),
            "title": code,
            "status": status.as_u16(),
            "detail": self.to_string(),
        });
        let mut response = (status, body.to_string()).into_response();
        let headers = response.headers_mut();
        headers.insert(
            CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if status == StatusCode::UNAUTHORIZED {
            headers.insert(WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        if let Self::RateLimited(seconds) | Self::CallerBlocked(seconds) = &self {
            if let Ok(value) = HeaderValue::from_str(&seconds.to_string()) {
                headers.insert(axum::http::header::RETRY_AFTER, value);
            }
        }
        if status == StatusCode::SERVICE_UNAVAILABLE {
            headers.insert(
                axum::http::header::RETRY_AFTER,
                HeaderValue::from_static("1"),
            );
        }
        response
    }
}

impl From<crate::proxy::UpstreamError> for ApiError {
    fn from(err: crate::proxy::UpstreamError) -> Self {
        use crate::proxy::UpstreamError;
        match err {
            UpstreamError::Unreachable => Self::UpstreamUnreachable,
            UpstreamError::Timeout => Self::UpstreamTimeout,
            UpstreamError::Credentials => Self::UpstreamCredentials,
            UpstreamError::Encoding => {
                Self::InvalidRequest("the body cannot be re-encoded".to_owned())
            }
        }
    }
}

impl From<VaultError> for ApiError {
    fn from(err: VaultError) -> Self {
        if err.is_unavailable() {
            tracing::warn!(error = %err, "store unavailable");
            return Self::Unavailable;
        }
        if let VaultError::Policy(invalid) = &err {
            return Self::InvalidRequest(invalid.to_string());
        }
        if let VaultError::StoredPolicy(_) = &err {
            tracing::error!(error = %err, "the stored tenant policy cannot be used");
            return Self::Conflict(
                "the tenant's stored policy cannot be used; an admin must replace it".to_owned(),
            );
        }
        match &err {
            VaultError::NoRootKeyFile | VaultError::NothingStaged => {
                tracing::error!(error = %err, "the root key file could not be rotated");
                return Self::RootKeyFile;
            }
            VaultError::Keyring(crate::keys::KeyringError::Contended) => {
                return Self::KeyChangeInProgress;
            }
            _ => {}
        }
        if err.is_store_full() {
            tracing::error!(error = %err, "the store has no space left");
            return Self::StoreFull;
        }
        if err.is_key_unavailable() {
            tracing::error!(error = %err, "a tenant's keys do not open with the loaded root key");
            return Self::KeysUnavailable;
        }
        if err.is_refused_value() {
            tracing::warn!(error = %err, "the database refused a value of the request");
            return Self::InvalidRequest("a value of the request cannot be stored".to_owned());
        }
        Self::Internal(err.into())
    }
}
