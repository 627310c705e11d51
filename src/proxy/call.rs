//! One proxied call: tokenize the request, send it to the provider with the service's key,
//! and reveal the answer for the caller, whole or streamed. What the call needs from the
//! service around it (abuse controls, tokenizing, the answer session, the call's record)
//! comes through [`ProxyHost`]; the answer goes back as an [`Answer`] for the HTTP layer
//! to send.

use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue, CONTENT_TYPE};
use reqwest::StatusCode;
use serde_json::Value;
use tokio::sync::mpsc;

use super::anthropic::{messages_answer_texts, messages_request_texts, MessagesStream};
use super::messages::{
    chat_request_texts, embeddings_request_texts, normalize_arguments, unbracket_names,
};
use super::pump::{pump, render_answer, EventRewriter};
use super::responses::{
    empty_logprobs, responses_answer_texts, responses_request_texts, ResponsesStream,
};
use super::session::{AnswerSession, RenderError};
use super::stream::StreamRewriter;
use super::{Dialect, Upstream};
use crate::auth::Caller;
use crate::error::ApiError;

/// What a proxied call needs from the service around it.
#[async_trait::async_trait]
pub trait ProxyHost: Send + Sync + 'static {
    /// Refuses a blocked or rate-limited caller (`action` is `tokenize` or `detokenize`).
    async fn admit(&self, action: &'static str, caller: &Caller) -> Result<(), ApiError>;

    /// Tokenizes `texts` in place in one vault call; returns the new token ids.
    async fn tokenize(
        &self,
        caller: &Caller,
        request_id: &str,
        texts: Vec<&mut String>,
    ) -> Result<Vec<String>, ApiError>;

    /// A session that reveals the answer's tokens for the caller.
    async fn session(&self, caller: &Caller, request_id: &str) -> Result<AnswerSession, ApiError>;

    /// How long one streamed event took to rewrite.
    fn observe_event(&self, took: Duration);

    /// Charges the caller's tokenize limit for values the model wrote that became tokens.
    async fn charge_output_tokens(&self, caller: &Caller, values: usize);

    /// Records the finished call and checks its reveals for anomalies.
    async fn finish(
        &self,
        caller: &Caller,
        request_id: &str,
        session: &AnswerSession,
        streamed: bool,
        outcome: &str,
    ) -> Result<(), ApiError>;
}

/// The provider's headers a caller may see.
pub type PassedHeaders = Vec<(HeaderName, HeaderValue)>;

/// The answer to send back.
#[derive(Debug)]
pub enum Answer {
    /// A whole answer, as the provider shaped it (its tokens revealed).
    Whole {
        /// The provider's status.
        status: StatusCode,
        /// The headers a caller may see.
        headers: PassedHeaders,
        /// The body.
        body: Bytes,
    },
    /// A streamed answer: its events arrive on `events` until the call ends.
    Stream {
        /// The provider's status.
        status: StatusCode,
        /// The headers a caller may see.
        headers: PassedHeaders,
        /// The rewritten events.
        events: mpsc::Receiver<Bytes>,
    },
}

/// What a proxied call asks the provider for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operation {
    /// OpenAI chat completions: the answer is revealed.
    Chat,
    /// OpenAI embeddings: only the request is tokenized.
    Embeddings,
    /// OpenAI Responses: the answer is revealed.
    Responses,
    /// Anthropic Messages: the answer is revealed.
    Messages,
}

impl Operation {
    /// The operation named by the end of a path (`chat/completions`, `embeddings`,
    /// `responses`, `messages`).
    pub fn named(tail: &str) -> Option<Self> {
        match tail {
            "chat/completions" => Some(Self::Chat),
            "embeddings" => Some(Self::Embeddings),
            "responses" => Some(Self::Responses),
            "messages" => Some(Self::Messages),
            _ => None,
        }
    }

    /// The texts of a request of this operation, to tokenize.
    fn request_texts(self, body: &mut Value) -> Vec<&mut String> {
        match self {
            Self::Chat => chat_request_texts(body),
            Self::Embeddings => embeddings_request_texts(body),
            Self::Responses => responses_request_texts(body),
            Self::Messages => messages_request_texts(body),
        }
    }

    /// Whether the caller asked for a JSON answer, so revealed values in the answer's
    /// text are escaped for it.
    fn json_content(self, body: &Value) -> bool {
        let format = match self {
            Self::Chat => body.pointer("/response_format/type"),
            Self::Responses => body.pointer("/text/format/type"),
            Self::Messages => body.pointer("/output_format/type"),
            Self::Embeddings => None,
        };
        matches!(
            format.and_then(Value::as_str),
            Some("json_object" | "json_schema")
        )
    }

    /// What rewrites this operation's event stream.
    fn rewriter(self, session: AnswerSession, json_content: bool) -> Box<dyn EventRewriter> {
        match self {
            Self::Responses => Box::new(ResponsesStream::new(session, json_content)),
            Self::Messages => Box::new(MessagesStream::new(session, json_content)),
            Self::Chat | Self::Embeddings => Box::new(StreamRewriter::new(session, json_content)),
        }
    }

    /// Reveals the tokens of a whole answer in place, under the output policy.
    async fn render_whole(
        self,
        session: &mut AnswerSession,
        answer: &mut Value,
        json_content: bool,
    ) -> Result<(), RenderError> {
        let texts = match self {
            Self::Chat | Self::Embeddings => {
                return render_answer(session, answer, json_content).await
            }
            Self::Responses => {
                if session.checks_output() {
                    empty_logprobs(answer);
                }
                responses_answer_texts(answer, json_content)
            }
            Self::Messages => messages_answer_texts(answer, json_content),
        };
        for (text, json_string) in texts {
            let rendered = session.render(text, None, json_string).await?;
            *text = rendered.to_string();
        }
        Ok(())
    }
}

/// One proxied call.
#[derive(Debug)]
pub struct Call {
    upstream: Arc<Upstream>,
    caller: Caller,
    request_id: String,
    dialect: Dialect,
    path: String,
    forwarded: PassedHeaders,
}

impl Call {
    /// A call of `caller` to `path` (query included) on the provider.
    pub fn new(
        upstream: Arc<Upstream>,
        caller: Caller,
        request_id: String,
        dialect: Dialect,
        path: &str,
    ) -> Self {
        Self {
            upstream,
            caller,
            request_id,
            dialect,
            path: path.to_owned(),
            forwarded: Vec::new(),
        }
    }

    /// Request headers of the caller's that go to the provider as they are
    /// (`anthropic-version`, `anthropic-beta`).
    #[must_use]
    pub fn forwarding(mut self, headers: PassedHeaders) -> Self {
        self.forwarded = headers;
        self
    }

    /// Runs the call.
    ///
    /// # Errors
    /// Refused callers, tokenizing or provider failures, a blocked output.
    pub async fn run(
        self,
        operation: Operation,
        host: Arc<dyn ProxyHost>,
        body: Value,
    ) -> Result<Answer, ApiError> {
        // Every OpenAI request body is an object; anything else is refused here rather
        // than passed on for the provider to judge.
        if !body.is_object() {
            return Err(ApiError::InvalidRequest(
                "the body must be a JSON object".to_owned(),
            ));
        }
        match operation {
            Operation::Embeddings => self.embeddings(host.as_ref(), body).await,
            _ => self.converse(operation, host, body).await,
        }
    }

    async fn tokenize(
        &self,
        host: &dyn ProxyHost,
        texts: Vec<&mut String>,
    ) -> Result<Vec<String>, ApiError> {
        host.admit("tokenize", &self.caller).await?;
        host.tokenize(&self.caller, &self.request_id, texts).await
    }

    async fn embeddings(self, host: &dyn ProxyHost, mut body: Value) -> Result<Answer, ApiError> {
        self.tokenize(host, embeddings_request_texts(&mut body))
            .await?;
        let response = self.send(&body).await?;
        let status = response.status();
        let headers = passed_headers(response.headers());
        let body = self.upstream.read_whole(response).await?;
        Ok(Answer::Whole {
            status,
            headers,
            body,
        })
    }

    async fn send(&self, body: &Value) -> Result<reqwest::Response, super::UpstreamError> {
        self.upstream
            .send(self.dialect, &self.path, &self.forwarded, body)
            .await
    }

    /// A call whose answer is revealed: chat completions, Responses, Messages.
    async fn converse(
        self,
        operation: Operation,
        host: Arc<dyn ProxyHost>,
        mut body: Value,
    ) -> Result<Answer, ApiError> {
        if self.caller.scopes.may_detokenize_something() {
            // The answer reveals values: the caller's reveal limits apply as well.
            host.admit("detokenize", &self.caller).await?;
        }
        normalize_arguments(&mut body);
        let ids = self
            .tokenize(host.as_ref(), operation.request_texts(&mut body))
            .await?;
        if operation == Operation::Chat {
            unbracket_names(&mut body);
        }
        let mut session = host.session(&self.caller, &self.request_id).await?;
        // The model usually repeats the prompt's tokens: look them up while the
        // provider thinks.
        let sent = self.send(&body);
        let (prefetched, response) = tokio::join!(session.prefetch(ids), sent);
        prefetched?;
        let response = response?;
        let status = response.status();
        let headers = passed_headers(response.headers());
        if !status.is_success() {
            // As the provider shaped it; its text is never detokenized.
            let body = self.upstream.read_whole(response).await?;
            return Ok(Answer::Whole {
                status,
                headers,
                body,
            });
        }
        // A JSON answer (`response_format`, `text.format`) gets revealed values escaped.
        let json_content = operation.json_content(&body);
        if streamed(&body, &headers) {
            let rewriter = operation.rewriter(session, json_content);
            let events = self.stream(host, rewriter, response);
            return Ok(Answer::Stream {
                status,
                headers,
                events,
            });
        }
        let bytes = self.upstream.read_whole(response).await?;
        let rendered = match serde_json::from_slice::<Value>(&bytes) {
            Ok(mut answer) => operation
                .render_whole(&mut session, &mut answer, json_content)
                .await
                .map(|()| Bytes::from(answer.to_string())),
            Err(_) => render_plain(&mut session, &bytes).await,
        };
        self.answer_whole(host, session, rendered, status, headers)
            .await
    }

    /// The whole answer as it goes back, or the error it became; its cost charged and its
    /// summary audited.
    async fn answer_whole(
        self,
        host: Arc<dyn ProxyHost>,
        session: AnswerSession,
        rendered: Result<Bytes, RenderError>,
        status: StatusCode,
        headers: PassedHeaders,
    ) -> Result<Answer, ApiError> {
        let (outcome, result) = match rendered {
            Ok(body) => (
                "ok",
                Ok(Answer::Whole {
                    status,
                    headers,
                    body,
                }),
            ),
            Err(RenderError::Blocked) => ("output_blocked", Err(ApiError::OutputBlocked)),
            Err(RenderError::Oversized) => (
                "upstream_oversized",
                Err(super::UpstreamError::Unreachable.into()),
            ),
            Err(RenderError::Vault(err)) => ("failed", Err(err.into())),
        };
        // Charged before the answer leaves, so the caller's next call sees the cost.
        host.charge_output_tokens(&self.caller, session.output_tokenized)
            .await;
        // Every reveal is on record already; the call's summary and the anomaly check
        // need not hold up the answer.
        tokio::spawn(async move {
            let finished = host
                .finish(&self.caller, &self.request_id, &session, false, outcome)
                .await;
            if let Err(err) = finished {
                tracing::warn!(error = %err, "the proxied call could not be audited");
            }
        });
        result
    }

    /// Streams the answer through a rewriter on its own task: the caller's response
    /// body reads from the channel, so a caller that goes away drops the channel, the
    /// task stops, and the upstream request is dropped (cancelled) with it.
    fn stream(
        self,
        host: Arc<dyn ProxyHost>,
        mut rewriter: Box<dyn EventRewriter>,
        response: reqwest::Response,
    ) -> mpsc::Receiver<Bytes> {
        let (sender, receiver) = mpsc::channel::<Bytes>(16);
        tokio::spawn(async move {
            let observe = |took: Duration| host.observe_event(took);
            let timeout = self.upstream.timeout;
            let outcome = pump(timeout, response, rewriter.as_mut(), &sender, observe).await;
            let session = rewriter.into_session();
            host.charge_output_tokens(&self.caller, session.output_tokenized)
                .await;
            let finished = host
                .finish(&self.caller, &self.request_id, &session, true, outcome)
                .await;
            if let Err(err) = finished {
                tracing::warn!(error = %err, "the proxied call could not be audited");
            }
        });
        receiver
    }
}

/// Server-sent events by their content type, or (for providers that label them loosely)
/// a streamed request answered with anything but JSON.
fn streamed(request: &Value, headers: &PassedHeaders) -> bool {
    let content_type = headers
        .iter()
        .find(|(name, _)| name == CONTENT_TYPE)
        .and_then(|(_, value)| value.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let asked_to_stream = request.get("stream").and_then(Value::as_bool) == Some(true);
    content_type.starts_with("text/event-stream")
        || (asked_to_stream && !content_type.contains("json"))
}

/// The upstream headers a caller may see: content type and the provider's rate-limit and
/// processing information; never cookies or anything naming the provider account.
fn passed_headers(headers: &HeaderMap) -> PassedHeaders {
    headers
        .iter()
        .filter(|(name, _)| {
            let name = name.as_str();
            name == "content-type"
                || name == "retry-after"
                || name.starts_with("x-ratelimit-")
                || name.starts_with("anthropic-ratelimit-")
                || name == "request-id"
                || name == "openai-processing-ms"
        })
        .map(|(name, value)| (name.clone(), value.clone()))
        .collect()
}

/// A successful answer that is not JSON: its whole body is the answer's text, revealed
/// and checked by the output policy like any other; bytes that are not even text pass
/// only when the policy passes everything, since nothing in them could be checked.
async fn render_plain(session: &mut AnswerSession, bytes: &Bytes) -> Result<Bytes, RenderError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Bytes::from(
            session.render(text, None, false).await?.to_string(),
        )),
        Err(_) if session.checks_output() => Err(RenderError::Blocked),
        Err(_) => Ok(bytes.clone()),
    }
}
