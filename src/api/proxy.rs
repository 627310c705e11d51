//! The proxy routes: `POST /v1/chat/completions`, `POST /v1/embeddings`,
//! `POST /v1/responses`, their Azure OpenAI twins under `/openai/deployments/{deployment}/…`,
//! and Anthropic's `POST /v1/messages`. The caller authenticates with its promptvault JWT
//! (`Authorization: Bearer`, `api-key` as Azure clients send it, or `x-api-key` as
//! Anthropic's do); the provider only ever sees the service's own key and tokenized text. The call
//! itself is `proxy::call`; here are the routes, the caller, what the call asks of the
//! service ([`ProxyHost`] over the app state), and the response.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{FromRequestParts, Path, RawQuery, State};
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use super::extract::{ApiJson, RequestId};
use super::guard::{admit, after_reveal, charge_output_tokens, tokenize_charged};
use crate::app::AppState;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::proxy::call::{Answer, Call, Operation, ProxyHost};
use crate::proxy::session::AnswerSession;
use crate::proxy::Dialect;
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
        let api_key = ["api-key", "x-api-key"].into_iter().find_map(|name| {
            parts
                .headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::trim)
        });
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
        .filter(|operation| *operation != Operation::Messages)
        .ok_or(ApiError::NotFound)?;
    let upstream = state.upstream.clone().ok_or(ApiError::NotFound)?;
    let call = Call::new(upstream, caller, request_id, Dialect::OpenAi, path);
    let answer = call.run(operation, Arc::new(state), body).await?;
    Ok(respond(answer))
}

/// `POST /v1/messages` (Anthropic Messages): `anthropic-version` and `anthropic-beta` go
/// to the provider as the caller sent them.
pub(super) async fn anthropic(
    State(state): State<AppState>,
    headers: axum::http::HeaderMap,
    ProxyCaller(caller): ProxyCaller,
    RequestId(request_id): RequestId,
    ApiJson(body): ApiJson<Value>,
) -> Result<Response, ApiError> {
    let upstream = state.anthropic.clone().ok_or(ApiError::NotFound)?;
    let forwarded = ["anthropic-version", "anthropic-beta"]
        .into_iter()
        .filter_map(|name| {
            // Repeated headers (several betas) go on as one comma-separated list.
            let values: Vec<&str> = headers
                .get_all(name)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .collect();
            let value = axum::http::HeaderValue::from_str(&values.join(",")).ok()?;
            (!values.is_empty()).then(|| (axum::http::HeaderName::from_static(name), value))
        })
        .collect();
    let path = "/v1/messages";
    let call =
        Call::new(upstream, caller, request_id, Dialect::Anthropic, path).forwarding(forwarded);
    let answer = call.run(Operation::Messages, Arc::new(state), body).await?;
    Ok(respond(answer))
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
    let kind = Operation::named(&operation)
        .filter(|kind| matches!(kind, Operation::Chat | Operation::Embeddings))
        .ok_or(ApiError::NotFound)?;
    let path = azure_path(&deployment, &operation, query.as_deref())?;
    let upstream = state.upstream.clone().ok_or(ApiError::NotFound)?;
    let call = Call::new(upstream, caller, request_id, Dialect::Azure, &path);
    let answer = call.run(kind, Arc::new(state), body).await?;
    Ok(respond(answer))
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

#[async_trait::async_trait]
impl ProxyHost for AppState {
    async fn admit(&self, action: &'static str, caller: &Caller) -> Result<(), ApiError> {
        admit(self, action, caller).await
    }

    async fn tokenize(
        &self,
        caller: &Caller,
        request_id: &str,
        mut texts: Vec<&mut String>,
    ) -> Result<Vec<String>, ApiError> {
        if texts.is_empty() {
            return Ok(Vec::new());
        }
        // Taken, not copied: each slot gets its tokenized text back below.
        let originals: Vec<String> = texts.iter_mut().map(|t| std::mem::take(*t)).collect();
        let scope = TokenizeScope {
            tenant: &caller.tenant,
            sub: &caller.sub,
            request_id,
            ctx: caller.ctx.as_deref(),
        };
        let results = tokenize_charged(self, caller, scope, &originals, None).await?;
        self.metrics.audit("tokenize");
        let mut ids = Vec::new();
        for (slot, result) in texts.into_iter().zip(results) {
            for token in &result.tokens {
                self.metrics
                    .tokens_created
                    .get_or_create(&crate::metrics::TypeLabels::of(token.kind.label()))
                    .inc();
                ids.push(token.id.as_str().to_owned());
            }
            *slot = result.text;
        }
        self.anomalies.note_created(
            caller.tenant.as_str(),
            &caller.sub,
            ids.iter().map(String::as_str),
        );
        Ok(ids)
    }

    async fn session(&self, caller: &Caller, request_id: &str) -> Result<AnswerSession, ApiError> {
        let services = (Arc::clone(&self.vault), Arc::clone(&self.audit));
        Ok(AnswerSession::start(services, caller.clone(), request_id.to_owned()).await?)
    }

    fn observe_event(&self, took: Duration) {
        self.metrics.proxy_event_seconds.observe(took.as_secs_f64());
    }

    async fn charge_output_tokens(&self, caller: &Caller, values: usize) {
        charge_output_tokens(self, caller, values).await;
    }

    /// Audits the call as a whole, counts its reveals and looks for anomalies in them.
    async fn finish(
        &self,
        caller: &Caller,
        request_id: &str,
        session: &AnswerSession,
        streamed: bool,
        outcome: &str,
    ) -> Result<(), ApiError> {
        let tally = &session.tally;
        let mut event = self.audit.event(
            &caller.tenant,
            &caller.sub,
            request_id,
            "proxy.chat",
            &serde_json::json!({
                "stream": streamed,
                "revealed": tally.detokenized,
                "denied": tally.denied,
                "unknown": tally.unknown,
                "output_tokenized": session.output_tokenized,
                "output_passed": session.output_passed,
                "ctx": caller.ctx,
            }),
        );
        outcome.clone_into(&mut event.outcome);
        self.audit.record(event).await?;
        self.metrics.audit("proxy.chat");
        after_reveal(self, caller, request_id, std::slice::from_ref(tally)).await
    }
}

/// The call's answer as the HTTP response.
fn respond(answer: Answer) -> Response {
    match answer {
        Answer::Whole {
            status,
            headers,
            body,
        } => reply(status, &headers, Body::from(body)),
        Answer::Stream {
            status,
            headers,
            events,
        } => {
            let body = futures_util::stream::unfold(events, |mut events| async move {
                events
                    .recv()
                    .await
                    .map(|bytes| (Ok::<_, Infallible>(bytes), events))
            });
            reply(status, &headers, Body::from_stream(body))
        }
    }
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
