//! The model provider: where it is, the key only the service holds, and one exchange with
//! it (a POST, then the whole answer within the time and size limits).

use std::time::Duration;

use anyhow::Context;
use bytes::Bytes;
use secrecy::{ExposeSecret, SecretString};
use serde_json::Value;

/// Largest non-streamed answer accepted from the provider.
const MAX_ANSWER_BYTES: usize = 32 << 20;

/// Why the provider could not be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum UpstreamError {
    /// Not reached, broke off, or answered too much.
    #[error("the model provider could not be reached")]
    Unreachable,
    /// No answer within the time limit.
    #[error("the model provider did not answer in time")]
    Timeout,
    /// It refused the service's provider key (its answer, which quotes the key, is
    /// dropped).
    #[error("the model provider refused the provider key")]
    Credentials,
    /// The request body could not be encoded again.
    #[error("the request body cannot be re-encoded")]
    Encoding,
}

/// Which provider API a call speaks: it decides how the provider key is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// OpenAI: `Authorization: Bearer <key>`.
    OpenAi,
    /// Azure OpenAI: `api-key: <key>`.
    Azure,
    /// Anthropic: `x-api-key: <key>`.
    Anthropic,
}

/// The model provider behind the proxy.
pub struct Upstream {
    base: String,
    api_key: SecretString,
    client: reqwest::Client,
    /// How long a whole answer, or the gap between two streamed pieces, may take.
    pub timeout: Duration,
}

impl std::fmt::Debug for Upstream {
    // The base URL could carry credentials (userinfo): only its host is shown.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Upstream")
            .field(
                "host",
                &reqwest::Url::parse(&self.base)
                    .ok()
                    .and_then(|u| u.host_str().map(str::to_owned)),
            )
            .finish_non_exhaustive()
    }
}

impl Upstream {
    /// The upstream at `base` (scheme, host and optional path prefix), with the provider
    /// key read from `key_file`.
    ///
    /// # Errors
    /// An unreadable or empty key file, or an HTTP client that cannot be built.
    pub fn new(base: &str, key_file: &std::path::Path, timeout: Duration) -> anyhow::Result<Self> {
        Self::configured_by("PROMPTVAULT_UPSTREAM_URL", base, key_file, timeout)
    }

    /// As [`Upstream::new`], for the provider whose URL the variable `variable` names
    /// (in messages).
    ///
    /// # Errors
    /// As [`Upstream::new`].
    pub fn configured_by(
        variable: &str,
        base: &str,
        key_file: &std::path::Path,
        timeout: Duration,
    ) -> anyhow::Result<Self> {
        // Read into a buffer wiped on drop: only the SecretString below keeps the key.
        let key =
            zeroize::Zeroizing::new(std::fs::read_to_string(key_file).with_context(|| {
                format!("reading the provider key file {}", key_file.display())
            })?);
        let key = key.trim();
        anyhow::ensure!(
            !key.is_empty(),
            "the provider key file {} is empty",
            key_file.display()
        );
        let parsed =
            reqwest::Url::parse(base).with_context(|| format!("{variable} is not a URL"))?;
        anyhow::ensure!(
            matches!(parsed.scheme(), "https" | "http"),
            "{variable} must be an http or https URL"
        );
        if parsed.scheme() == "http"
            && !matches!(parsed.host_str(), Some("localhost" | "127.0.0.1" | "[::1]"))
        {
            tracing::warn!(
                "the upstream is plain http: the provider key and tokenized prompts cross the network unencrypted"
            );
        }
        let client = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(10))
            // A redirect would resend the provider key (reqwest keeps `api-key` across
            // hosts) and the prompt to wherever it points.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .context("building the upstream HTTP client")?;
        Ok(Self {
            base: base.trim_end_matches('/').to_owned(),
            api_key: SecretString::from(key.to_owned()),
            client,
            timeout,
        })
    }

    /// A POST of `body` to `path` (which starts with `/`, query included), with the
    /// caller's `forwarded` headers.
    pub fn post(
        &self,
        dialect: Dialect,
        path: &str,
        forwarded: &[(reqwest::header::HeaderName, reqwest::header::HeaderValue)],
        body: Vec<u8>,
    ) -> reqwest::RequestBuilder {
        // A base configured as `https://api.openai.com/v1` must not give `/v1/v1/…`.
        let path = match path.strip_prefix("/v1/") {
            Some(rest) if self.base.ends_with("/v1") => format!("/{rest}"),
            _ => path.to_owned(),
        };
        let mut request = self
            .client
            .post(format!("{}{path}", self.base))
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(body);
        for (name, value) in forwarded {
            request = request.header(name, value);
        }
        match dialect {
            Dialect::OpenAi => request.bearer_auth(self.api_key.expose_secret()),
            Dialect::Azure => request.header("api-key", self.api_key.expose_secret()),
            Dialect::Anthropic => request.header("x-api-key", self.api_key.expose_secret()),
        }
    }
}

impl Upstream {
    /// Sends `body` (already tokenized) to `path`. An answer refusing the provider key is
    /// not passed on: providers quote part of the key in it, and the caller can do
    /// nothing about it anyway.
    ///
    /// # Errors
    /// Unreachable, too slow, or refusing the key.
    #[tracing::instrument(name = "upstream", level = "debug", skip_all, fields(dialect = ?dialect))]
    pub async fn send(
        &self,
        dialect: Dialect,
        path: &str,
        forwarded: &[(reqwest::header::HeaderName, reqwest::header::HeaderValue)],
        body: &Value,
    ) -> Result<reqwest::Response, UpstreamError> {
        let bytes = serde_json::to_vec(body).map_err(|_| UpstreamError::Encoding)?;
        let request = self.post(dialect, path, forwarded, bytes);
        let response = match tokio::time::timeout(self.timeout, request.send()).await {
            Err(_) => return Err(UpstreamError::Timeout),
            Ok(Err(err)) => {
                tracing::warn!(error = %err.without_url(), "the upstream could not be reached");
                return Err(UpstreamError::Unreachable);
            }
            Ok(Ok(response)) => response,
        };
        let status = response.status().as_u16();
        if matches!(status, 401 | 403 | 407) {
            tracing::error!(status, "the model provider refused the provider key");
            return Err(UpstreamError::Credentials);
        }
        Ok(response)
    }

    /// The whole answer, within the time limit and [`MAX_ANSWER_BYTES`].
    ///
    /// # Errors
    /// Too slow, broken off or too large.
    pub async fn read_whole(
        &self,
        mut response: reqwest::Response,
    ) -> Result<Bytes, UpstreamError> {
        let mut body = Vec::new();
        let read = async {
            while let Some(piece) = response
                .chunk()
                .await
                .map_err(|_| UpstreamError::Unreachable)?
            {
                if body.len() + piece.len() > MAX_ANSWER_BYTES {
                    tracing::warn!("the model provider's answer is too large");
                    return Err(UpstreamError::Unreachable);
                }
                body.extend_from_slice(&piece);
            }
            Ok(())
        };
        match tokio::time::timeout(self.timeout, read).await {
            Err(_) => Err(UpstreamError::Timeout),
            Ok(result) => result.map(|()| Bytes::from(body)),
        }
    }
}
