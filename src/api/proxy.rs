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
use axum::http::{HeaderValue, StatusCode};
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
use crate::proxy::stream::{EventSplitter, StreamRewriter};
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

/// `POST /v1/chat/completions`.
pub(super) async fn openai_chat(
    State(state): State<AppState>,
    ProxyCaller(caller): ProxyCaller,
    RequestId(request_id): RequestId,
    ApiJson(body): ApiJson<Value>,
) -> Result<Response, ApiError> {
    let call = Call::new(
        &state,
        caller,
        request_id,
        Dialect::OpenAi,
        "/v1/chat/completions",
    )?;
    call.chat(&state, body).await
}

/// `POST /openai/deployments/{deployment}/chat/completions?api-version=…`.
pub(super) async fn azure_chat(
    State(state): State<AppState>,
    Path(deployment): Path<String>,
    RawQuery(query): RawQuery,
    ProxyCaller(caller): ProxyCaller,
    RequestId(request_id): RequestId,
    ApiJson(body): ApiJson<Value>,
) -> Result<Response, ApiError> {
    let path = azure_path(&deployment, "chat/completions", query.as_deref())?;
    let call = Call::new(&state, caller, request_id, Dialect::Azure, &path)?;
    call.chat(&state, body).await
}

/// `POST /v1/embeddings`.
pub(super) async fn openai_embeddings(
    State(state): State<AppState>,
    ProxyCaller(caller): ProxyCaller,
    RequestId(request_id): RequestId,
    ApiJson(body): ApiJson<Value>,
) -> Result<Response, ApiError> {
    let call = Call::new(
        &state,
        caller,
        request_id,
        Dialect::OpenAi,
        "/v1/embeddings",
    )?;
    call.embeddings(&state, body).await
}

/// `POST /openai/deployments/{deployment}/embeddings?api-version=…`.
pub(super) async fn azure_embeddings(
    State(state): State<AppState>,
    Path(deployment): Path<String>,
    RawQuery(query): RawQuery,
    ProxyCaller(caller): ProxyCaller,
    RequestId(request_id): RequestId,
    ApiJson(body): ApiJson<Value>,
) -> Result<Response, ApiError> {
    let path = azure_path(&deployment, "embeddings", query.as_deref())?;
    let call = Call::new(&state, caller, request_id, Dialect::Azure, &path)?;
    call.embeddings(&state, body).await
}

fn azure_path(deployment: &str, operation: &str, query: Option<&str>) -> Result<String, ApiError> {
    if deployment.is_empty()
        || !deployment
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.')
    {
        return Err(ApiError::InvalidRequest(
            "the deployment name may hold letters, digits, '-', '_' and '.' only".to_owned(),
        ));
    }
    let query = query.map(|q| format!("?{q}")).unwrap_or_default();
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
        let originals: Vec<String> = texts.iter().map(|t| (**t).clone()).collect();
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

    async fn read_whole(&self, response: reqwest::Response) -> Result<Bytes, ApiError> {
        match tokio::time::timeout(self.upstream.timeout, response.bytes()).await {
            Err(_) => Err(ApiError::UpstreamTimeout),
            Ok(Err(_)) => Err(ApiError::UpstreamUnreachable),
            Ok(Ok(bytes)) => Ok(bytes),
        }
    }

    async fn chat(self, state: &AppState, mut body: Value) -> Result<Response, ApiError> {
        if !body.is_object() {
            return Err(ApiError::InvalidRequest(
                "the body must be a JSON object".to_owned(),
            ));
        }
        let ids = self.tokenize(state, chat_request_texts(&mut body)).await?;
        let mut session = AnswerSession::start(
            Arc::clone(&state.vault),
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
        let streamed = headers.iter().any(|(name, value)| {
            name == CONTENT_TYPE
                && value
                    .to_str()
                    .is_ok_and(|v| v.starts_with("text/event-stream"))
        });
        if streamed {
            return Ok(self.stream(state.clone(), session, response, status, &headers));
        }
        let bytes = self.read_whole(response).await?;
        let Ok(mut answer) = serde_json::from_slice::<Value>(&bytes) else {
            return Ok(reply(status, &headers, Body::from(bytes)));
        };
        let rendered = render_answer(&mut session, &mut answer).await;
        let outcome = match rendered {
            Ok(()) => "ok",
            Err(RenderError::Blocked) => "output_blocked",
            Err(RenderError::Vault(_)) => "failed",
        };
        finish(state, &self, &session, false, outcome).await?;
        match rendered {
            Ok(()) => Ok(reply(status, &headers, Body::from(answer.to_string()))),
            Err(RenderError::Blocked) => Err(ApiError::OutputBlocked),
            Err(RenderError::Vault(err)) => Err(err.into()),
        }
    }

    /// Streams the answer through a rewriter on its own task: the caller's response
    /// body reads from a channel, so a caller that goes away drops the channel, the
    /// task stops, and the upstream request is dropped (cancelled) with it.
    fn stream(
        self,
        state: AppState,
        session: AnswerSession,
        response: reqwest::Response,
        status: reqwest::StatusCode,
        headers: &[(axum::http::HeaderName, HeaderValue)],
    ) -> Response {
        let (sender, receiver) = mpsc::channel::<Bytes>(16);
        tokio::spawn(async move {
            let mut rewriter = StreamRewriter::new(session);
            let outcome = pump(&self, response, &mut rewriter, &sender).await;
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
    mut response: reqwest::Response,
    rewriter: &mut StreamRewriter,
    sender: &mpsc::Sender<Bytes>,
) -> &'static str {
    let mut splitter = EventSplitter::default();
    loop {
        let piece = match tokio::time::timeout(call.upstream.timeout, response.chunk()).await {
            Err(_) => {
                let _ = sender
                    .send(error_event(
                        "upstream_timeout",
                        "the model provider stopped answering",
                    ))
                    .await;
                return "upstream_timeout";
            }
            Ok(Err(_)) => {
                let _ = sender
                    .send(error_event(
                        "upstream_disconnected",
                        "the model provider's stream broke off",
                    ))
                    .await;
                return "upstream_disconnected";
            }
            Ok(Ok(None)) => break,
            Ok(Ok(Some(piece))) => piece,
        };
        for event in splitter.push(&piece) {
            match rewriter.event(event).await {
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
    let mut tail = splitter.finish().unwrap_or_default();
    match rewriter.finish().await {
        Ok(mut held) => {
            held.append(&mut tail);
            if !held.is_empty() && sender.send(Bytes::from(held)).await.is_err() {
                return "client_disconnected";
            }
            "ok"
        }
        Err(err) => stop(sender, &err).await,
    }
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

async fn render_answer(session: &mut AnswerSession, answer: &mut Value) -> Result<(), RenderError> {
    for (text, json_string) in chat_answer_texts(answer) {
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
    let mut event = state.vault.audit_record(
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
    state.vault.record(&event).await?;
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
