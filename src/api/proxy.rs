//! The proxy routes: `POST /v1/chat/completions`, `POST /v1/embeddings`, and their Azure
//! OpenAI twins under `/openai/deployments/{deployment}/…`. The caller authenticates
//! with its promptvault JWT (`Authorization: Bearer`, or `api-key` as Azure clients send
//! it); the provider only ever sees the service's own key and tokenized text.

use std::convert::Infallible;
use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::{FromRequestParts, Path, RawQuery, State};
use axum::http::header::{AUTHORIZATION, CONTENT_TYPE};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::Value;
use tokio::sync::mpsc;

use super::extract::{ApiJson, RequestId};
use super::guard::{admit, after_reveal};
use crate::app::AppState;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::proxy::messages::{chat_request_texts, embeddings_request_texts};
use crate::proxy::pump::{pump, render_answer};
use crate::proxy::session::{AnswerSession, RenderError};
use crate::proxy::stream::StreamRewriter;
use crate::proxy::{Dialect, Upstream};
use crate::vault::TokenizeScope;

/// The caller of a proxied call.
#[derive(Debug)]
pub(super) struct ProxyCaller(Caller);

impl FromRequestParts<AppState> for ProxyCaller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let bearer = parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split_once(' '))
            .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
            .map(|(_, token)| token.trim());
        let api_key = parts
            .headers
            .get("api-key")
            .and_then(|v| v.to_str().ok())
            .map(str::trim);
        let token = bearer.or(api_key).ok_or(ApiError::Unauthenticated)?;
        let caller = state
            .jwt
            .verify(token)
            .map_err(|_| ApiError::Unauthenticated)?;
        if !caller.scopes.has("tokenize") {
            return Err(ApiError::MissingScope("tokenize"));
        }
        Ok(Self(caller))
    }
}

/// What a proxied call asks the provider for.
#[derive(Debug, Clone, Copy)]
enum Operation {
    Chat,
    Embeddings,
}

impl Operation {
    /// The operation named by the end of a path (`chat/completions`, `embeddings`).
    fn named(tail: &str) -> Option<Self> {
        match tail {
            "chat/completions" => Some(Self::Chat),
            "embeddings" => Some(Self::Embeddings),
            _ => None,
        }
    }

    async fn run(self, call: Call, state: &AppState, body: Value) -> Result<Response, ApiError> {
        match self {
            Self::Chat => call.chat(state, body).await,
            Self::Embeddings => call.embeddings(state, body).await,
        }
    }
}

/// `POST /v1/chat/completions` and `POST /v1/embeddings`.
pub(super) async fn openai(
    State(state): State<AppState>,
    uri: Uri,
    ProxyCaller(caller): ProxyCaller,
    RequestId(request_id): RequestId,
    ApiJson(body): ApiJson<Value>,
) -> Result<Response, ApiError> {
    let path = uri.path();
    let operation = path
        .strip_prefix("/v1/")
        .and_then(Operation::named)
        .ok_or(ApiError::NotFound)?;
    let call = Call::new(&state, caller, request_id, Dialect::OpenAi, path)?;
    operation.run(call, &state, body).await
}

/// `POST /openai/deployments/{deployment}/chat/completions?api-version=…` and
/// `…/{deployment}/embeddings`.
pub(super) async fn azure(
    State(state): State<AppState>,
    Path((deployment, operation)): Path<(String, String)>,
    RawQuery(query): RawQuery,
    ProxyCaller(caller): ProxyCaller,
    RequestId(request_id): RequestId,
    ApiJson(body): ApiJson<Value>,
) -> Result<Response, ApiError> {
    let kind = Operation::named(&operation).ok_or(ApiError::NotFound)?;
    let path = azure_path(&deployment, &operation, query.as_deref())?;
    let call = Call::new(&state, caller, request_id, Dialect::Azure, &path)?;
    kind.run(call, &state, body).await
}

fn azure_path(deployment: &str, operation: &str, query: Option<&str>) -> Result<String, ApiError> {
    if deployment.is_empty()
        || deployment.starts_with('.')
        || !deployment
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.')
    {
        return Err(ApiError::InvalidRequest(
            "the deployment name may hold letters, digits, '-', '_' and '.' only".to_owned(),
        ));
    }
    // Only the API version goes upstream: nothing else a caller adds to the query.
    let version = query
        .unwrap_or_default()
        .split('&')
        .find(|pair| pair.starts_with("api-version="))
        .filter(|pair| {
            pair.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-=._".contains(&b))
        })
        .map(str::to_owned);
    let query = version.map(|v| format!("?{v}")).unwrap_or_default();
    Ok(format!(
        "/openai/deployments/{deployment}/{operation}{query}"
    ))
}

/// One proxied call.
struct Call {
    upstream: Arc<Upstream>,
    caller: Caller,
    request_id: String,
    dialect: Dialect,
    path: String,
}

impl Call {
    fn new(
        state: &AppState,
        caller: Caller,
        request_id: String,
        dialect: Dialect,
        path: &str,
    ) -> Result<Self, ApiError> {
        let upstream = state.upstream.clone().ok_or(ApiError::NotFound)?;
        Ok(Self {
            upstream,
            caller,
            request_id,
            dialect,
            path: path.to_owned(),
        })
    }

    /// Tokenizes `texts` in place, in one vault call; returns the new token ids.
    async fn tokenize(
        &self,
        state: &AppState,
        texts: Vec<&mut String>,
    ) -> Result<Vec<String>, ApiError> {
        admit(state, "tokenize", &self.caller).await?;
        if texts.is_empty() {
            return Ok(Vec::new());
        }
        // Taken, not copied: each slot gets its tokenized text back below.
        let mut texts = texts;
        let originals: Vec<String> = texts.iter_mut().map(|t| std::mem::take(*t)).collect();
        let scope = TokenizeScope {
            tenant: &self.caller.tenant,
            sub: &self.caller.sub,
            request_id: &self.request_id,
            ctx: self.caller.ctx.as_deref(),
        };
        let results = state.vault.tokenize(scope, &originals, None).await?;
        state.metrics.audit("tokenize");
        let mut ids = Vec::new();
        for (slot, result) in texts.into_iter().zip(results) {
            for token in &result.tokens {
                state
                    .metrics
                    .tokens_created
                    .get_or_create(&crate::metrics::TypeLabels {
                        r#type: token.kind.label().to_owned(),
                    })
                    .inc();
                ids.push(token.id.as_str().to_owned());
            }
            *slot = result.text;
        }
        state.anomalies.note_created(
            self.caller.tenant.as_str(),
            &self.caller.sub,
            ids.iter().map(String::as_str),
        );
        Ok(ids)
    }

    /// Sends the (tokenized) body upstream.
    async fn send(&self, body: &Value) -> Result<reqwest::Response, ApiError> {
        Ok(self.upstream.send(self.dialect, &self.path, body).await?)
    }

    /// The whole answer, within the provider's limits.
    async fn read_whole(&self, response: reqwest::Response) -> Result<Bytes, ApiError> {
        Ok(self.upstream.read_whole(response).await?)
    }

    async fn embeddings(self, state: &AppState, mut body: Value) -> Result<Response, ApiError> {
        self.tokenize(state, embeddings_request_texts(&mut body))
            .await?;
        let response = self.send(&body).await?;
        let status = response.status();
        let headers = passed_headers(response.headers());
        let bytes = self.read_whole(response).await?;
        Ok(reply(status, &headers, Body::from(bytes)))
    }

    async fn chat(self, state: &AppState, mut body: Value) -> Result<Response, ApiError> {
        if !body.is_object() {
            return Err(ApiError::InvalidRequest(
                "the body must be a JSON object".to_owned(),
            ));
        }
        if self.caller.scopes.may_detokenize_something() {
            // The answer reveals values: the caller's reveal limits apply as well.
            admit(state, "detokenize", &self.caller).await?;
        }
        let ids = self.tokenize(state, chat_request_texts(&mut body)).await?;
        let mut session = AnswerSession::start(
            (Arc::clone(&state.vault), Arc::clone(&state.audit)),
            self.caller.clone(),
            self.request_id.clone(),
        )
        .await?;
        // The model usually repeats the prompt's tokens: look them up while the
        // provider thinks.
        let (prefetched, response) = tokio::join!(session.prefetch(ids), self.send(&body));
        prefetched?;
        let response = response?;
        let status = response.status();
        let headers = passed_headers(response.headers());
        if !status.is_success() {
            // As the provider shaped it; its text is never detokenized.
            let bytes = self.read_whole(response).await?;
            return Ok(reply(status, &headers, Body::from(bytes)));
        }
        // Server-sent events by their content type, or (for providers that label them
        // loosely) a streamed request answered with anything but JSON.
        let content_type = headers
            .iter()
            .find(|(name, _)| name == CONTENT_TYPE)
            .and_then(|(_, value)| value.to_str().ok())
            .unwrap_or("")
            .to_ascii_lowercase();
        let asked_to_stream = body.get("stream").and_then(Value::as_bool) == Some(true);
        let streamed = content_type.starts_with("text/event-stream")
            || (asked_to_stream && !content_type.contains("json"));
        // A JSON answer (`response_format`) gets revealed values escaped for JSON.
        let json_content = matches!(
            body.pointer("/response_format/type")
                .and_then(Value::as_str),
            Some("json_object" | "json_schema")
        );
        if streamed {
            let rewriter = StreamRewriter::new(session, json_content);
            return Ok(self.stream(state.clone(), rewriter, response, status, &headers));
        }
        let bytes = self.read_whole(response).await?;
        let Ok(mut answer) = serde_json::from_slice::<Value>(&bytes) else {
            return Ok(reply(status, &headers, Body::from(bytes)));
        };
        let rendered = render_answer(&mut session, &mut answer, json_content).await;
        let outcome = match rendered {
            Ok(()) => "ok",
            Err(RenderError::Blocked) => "output_blocked",
            Err(RenderError::Vault(_)) => "failed",
        };
        let response = match rendered {
            Ok(()) => Ok(reply(status, &headers, Body::from(answer.to_string()))),
            Err(RenderError::Blocked) => Err(ApiError::OutputBlocked),
            Err(RenderError::Vault(err)) => Err(err.into()),
        };
        // Every reveal is on record already; the call's summary and the anomaly check
        // need not hold up the answer.
        let state = state.clone();
        tokio::spawn(async move {
            if let Err(err) = finish(&state, &self, &session, false, outcome).await {
                tracing::warn!(error = %err, "the proxied call could not be audited");
            }
        });
        response
    }

    /// Streams the answer through a rewriter on its own task: the caller's response
    /// body reads from a channel, so a caller that goes away drops the channel, the
    /// task stops, and the upstream request is dropped (cancelled) with it.
    fn stream(
        self,
        state: AppState,
        mut rewriter: StreamRewriter,
        response: reqwest::Response,
        status: reqwest::StatusCode,
        headers: &[(axum::http::HeaderName, HeaderValue)],
    ) -> Response {
        let (sender, receiver) = mpsc::channel::<Bytes>(16);
        tokio::spawn(async move {
            let metrics = Arc::clone(&state.metrics);
            let observe = |took: std::time::Duration| {
                metrics.proxy_event_seconds.observe(took.as_secs_f64());
            };
            let timeout = self.upstream.timeout;
            let outcome = pump(timeout, response, &mut rewriter, &sender, observe).await;
            let session = rewriter.into_session();
            if let Err(err) = finish(&state, &self, &session, true, outcome).await {
                tracing::warn!(error = %err, "the proxied call could not be audited");
            }
        });
        let body = futures_util::stream::unfold(receiver, |mut receiver| async move {
            receiver
                .recv()
                .await
                .map(|bytes| (Ok::<_, Infallible>(bytes), receiver))
        });
        reply(status, headers, Body::from_stream(body))
    }
}

/// Audits the call as a whole, counts its reveals and looks for anomalies in them.
async fn finish(
    state: &AppState,
    call: &Call,
    session: &AnswerSession,
    streamed: bool,
    outcome: &str,
) -> Result<(), ApiError> {
    let tally = &session.tally;
    let mut event = state.audit.event(
        &call.caller.tenant,
        &call.caller.sub,
        &call.request_id,
        "proxy.chat",
        &serde_json::json!({
            "stream": streamed,
            "revealed": tally.detokenized,
            "denied": tally.denied,
            "unknown": tally.unknown,
            "output_tokenized": session.output_tokenized,
            "output_passed": session.output_passed,
            "ctx": call.caller.ctx,
        }),
    );
    outcome.clone_into(&mut event.outcome);
    state.audit.record(event).await?;
    state.metrics.audit("proxy.chat");
    after_reveal(
        state,
        &call.caller,
        &call.request_id,
        std::slice::from_ref(tally),
    )
    .await
}

/// The upstream headers a caller may see: content type and the provider's rate-limit and
/// processing information; never cookies or anything naming the provider account.
fn passed_headers(
    headers: &reqwest::header::HeaderMap,
) -> Vec<(axum::http::HeaderName, HeaderValue)> {
    headers
        .iter()
        .filter(|(name, _)| {
            let name = name.as_str();
            name == "content-type"
                || name == "retry-after"
                || name.starts_with("x-ratelimit-")
                || name == "openai-processing-ms"
        })
        .filter_map(|(name, value)| {
            Some((
                axum::http::HeaderName::from_bytes(name.as_str().as_bytes()).ok()?,
                HeaderValue::from_bytes(value.as_bytes()).ok()?,
            ))
        })
        .collect()
}

fn reply(
    status: reqwest::StatusCode,
    headers: &[(axum::http::HeaderName, HeaderValue)],
    body: Body,
) -> Response {
    let status = StatusCode::from_u16(status.as_u16()).unwrap_or(StatusCode::BAD_GATEWAY);
    let mut response = (status, body).into_response();
    for (name, value) in headers {
        response.headers_mut().insert(name.clone(), value.clone());
    }
    response
}
