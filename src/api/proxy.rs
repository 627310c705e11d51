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
use crate::proxy::messages::{chat_answer_texts, chat_request_texts, embeddings_request_texts};
use crate::proxy::session::{AnswerSession, RenderError};
use crate::proxy::stream::{strip_logprobs, EventSplitter, StreamRewriter};
use crate::proxy::{Dialect, Upstream};
use crate::vault::TokenizeScope;

/// Largest non-streamed answer accepted from the provider.
const MAX_ANSWER_BYTES: usize = 32 << 20;

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

    /// Sends the (tokenized) body upstream. An answer refusing the provider key is not
    /// passed on: providers quote part of the key in it, and the caller can do nothing
    /// about it anyway.
    async fn send(&self, body: &Value) -> Result<reqwest::Response, ApiError> {
        let response = self.send_once(body).await?;
        let status = response.status().as_u16();
        if matches!(status, 401 | 403 | 407) {
            tracing::error!(status, "the model provider refused the provider key");
            return Err(ApiError::UpstreamCredentials);
        }
        Ok(response)
    }

    async fn send_once(&self, body: &Value) -> Result<reqwest::Response, ApiError> {
        let bytes = serde_json::to_vec(body)
            .map_err(|_| ApiError::InvalidRequest("the body cannot be re-encoded".to_owned()))?;
        let request = self.upstream.post(self.dialect, &self.path, bytes);
        match tokio::time::timeout(self.upstream.timeout, request.send()).await {
            Err(_) => Err(ApiError::UpstreamTimeout),
            Ok(Err(err)) => {
                tracing::warn!(error = %err.without_url(), "the upstream could not be reached");
                Err(ApiError::UpstreamUnreachable)
            }
            Ok(Ok(response)) => Ok(response),
        }
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

    /// The whole answer, within the time limit and [`MAX_ANSWER_BYTES`].
    async fn read_whole(&self, mut response: reqwest::Response) -> Result<Bytes, ApiError> {
        let mut body = Vec::new();
        let read = async {
            while let Some(piece) = response
                .chunk()
                .await
                .map_err(|_| ApiError::UpstreamUnreachable)?
            {
                if body.len() + piece.len() > MAX_ANSWER_BYTES {
                    tracing::warn!("the model provider's answer is too large");
                    return Err(ApiError::UpstreamUnreachable);
                }
                body.extend_from_slice(&piece);
            }
            Ok(())
        };
        match tokio::time::timeout(self.upstream.timeout, read).await {
            Err(_) => Err(ApiError::UpstreamTimeout),
            Ok(result) => result.map(|()| Bytes::from(body)),
        }
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
            let outcome = pump(&self, &state, response, &mut rewriter, &sender).await;
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

/// Moves events from the upstream to the caller until either side ends; the outcome.
async fn pump(
    call: &Call,
    state: &AppState,
    mut response: reqwest::Response,
    rewriter: &mut StreamRewriter,
    sender: &mpsc::Sender<Bytes>,
) -> &'static str {
    let mut splitter = EventSplitter::default();
    loop {
        let next = tokio::select! {
            // A caller that went away stops the call at once, upstream included.
            () = sender.closed() => return "client_disconnected",
            next = tokio::time::timeout(call.upstream.timeout, response.chunk()) => next,
        };
        let piece = match next {
            Err(_) => {
                let message = "the model provider stopped answering";
                return broken_off(rewriter, sender, "upstream_timeout", message).await;
            }
            Ok(Err(_)) => {
                let message = "the model provider's stream broke off";
                return broken_off(rewriter, sender, "upstream_disconnected", message).await;
            }
            Ok(Ok(None)) => break,
            Ok(Ok(Some(piece))) => piece,
        };
        let Ok(events) = splitter.push(&piece) else {
            let _ = sender
                .send(error_event(
                    "upstream_oversized",
                    "the model provider sent an oversized event",
                ))
                .await;
            return "upstream_oversized";
        };
        for event in events {
            let started = std::time::Instant::now();
            let rewritten = rewriter.event(event).await;
            state
                .metrics
                .proxy_event_seconds
                .observe(started.elapsed().as_secs_f64());
            match rewritten {
                Ok(bytes) if bytes.is_empty() => {}
                Ok(bytes) => {
                    if sender.send(Bytes::from(bytes)).await.is_err() {
                        return "client_disconnected";
                    }
                }
                Err(err) => return stop(sender, &err).await,
            }
        }
    }
    // A last event without its blank line still goes through the rewriter.
    let mut out = Vec::new();
    if let Some(mut tail) = splitter.finish() {
        tail.extend_from_slice(b"\n\n");
        match rewriter.event(tail).await {
            Ok(bytes) => out = bytes,
            Err(err) => return stop(sender, &err).await,
        }
    }
    match rewriter.finish().await {
        Ok(mut held) => {
            out.append(&mut held);
            if !out.is_empty() && sender.send(Bytes::from(out)).await.is_err() {
                return "client_disconnected";
            }
            "ok"
        }
        Err(err) => stop(sender, &err).await,
    }
}

/// The provider's stream ended early: what was held goes out (through the same checks),
/// then an error event the caller's SDK raises.
async fn broken_off(
    rewriter: &mut StreamRewriter,
    sender: &mpsc::Sender<Bytes>,
    code: &'static str,
    message: &str,
) -> &'static str {
    match rewriter.finish().await {
        Ok(held) if !held.is_empty() => {
            let _ = sender.send(Bytes::from(held)).await;
        }
        Ok(_) => {}
        Err(err) => return stop(sender, &err).await,
    }
    let _ = sender.send(error_event(code, message)).await;
    code
}

async fn stop(sender: &mpsc::Sender<Bytes>, err: &RenderError) -> &'static str {
    match err {
        RenderError::Blocked => {
            let _ = sender
                .send(error_event("output_blocked", &err.to_string()))
                .await;
            "output_blocked"
        }
        RenderError::Vault(inner) => {
            tracing::warn!(error = %inner, "revealing a streamed answer failed");
            let _ = sender
                .send(error_event(
                    "store_unavailable",
                    "the store is unavailable, retry later",
                ))
                .await;
            "failed"
        }
    }
}

/// An error inside a stream, shaped as OpenAI clients expect it.
fn error_event(code: &str, message: &str) -> Bytes {
    let error = serde_json::json!({
        "error": { "message": message, "type": "promptvault_error", "code": code }
    });
    Bytes::from(format!("data: {error}\n\n"))
}

async fn render_answer(
    session: &mut AnswerSession,
    answer: &mut Value,
    json_content: bool,
) -> Result<(), RenderError> {
    if session.checks_output() {
        if let Some(choices) = answer.get_mut("choices").and_then(Value::as_array_mut) {
            choices.iter_mut().for_each(strip_logprobs);
        }
    }
    for (text, json_string) in chat_answer_texts(answer, json_content) {
        let rendered = session.render(text, None, json_string).await?;
        *text = rendered.to_string();
    }
    Ok(())
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
