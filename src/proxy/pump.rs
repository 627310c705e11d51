//! Moving a streamed answer from the provider to the caller through the rewriter, and
//! rendering a whole one: what goes out when the provider stops, breaks off or the
//! output policy blocks, shaped as OpenAI clients expect errors inside a stream.

use bytes::Bytes;
use serde_json::Value;
use tokio::sync::mpsc;

use super::messages::chat_answer_texts;
use super::session::{AnswerSession, RenderError};
use super::stream::{strip_logprobs, EventSplitter};

/// Rewrites the events of one streamed answer, in the provider's own event shapes.
#[async_trait::async_trait]
pub trait EventRewriter: Send {
    /// The bytes to send for one upstream event (with what it released before it).
    ///
    /// # Errors
    /// The output policy blocks the answer, or the store failed.
    async fn event(&mut self, event: Vec<u8>) -> Result<Vec<u8>, RenderError>;

    /// What still has to go out when the upstream stream ended.
    ///
    /// # Errors
    /// As [`EventRewriter::event`].
    async fn finish(&mut self) -> Result<Vec<u8>, RenderError>;

    /// An error inside the stream, shaped as this provider's clients expect it.
    fn error_event(&self, code: &str, message: &str) -> Bytes;

    /// The session, for the tally once the stream is over.
    fn into_session(self: Box<Self>) -> AnswerSession;
}

/// Moves events from the upstream to the caller until either side ends; the outcome.
///
/// `timeout` bounds the gap between two pieces; `observe` is told how long each event
/// took to rewrite.
pub async fn pump(
    timeout: std::time::Duration,
    mut response: reqwest::Response,
    rewriter: &mut dyn EventRewriter,
    sender: &mpsc::Sender<Bytes>,
    observe: impl Fn(std::time::Duration),
) -> &'static str {
    let mut splitter = EventSplitter::default();
    loop {
        let next = tokio::select! {
            // A caller that went away stops the call at once, upstream included.
            () = sender.closed() => return "client_disconnected",
            next = tokio::time::timeout(timeout, response.chunk()) => next,
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
            let message = "the model provider sent an oversized event";
            return broken_off(rewriter, sender, "upstream_oversized", message).await;
        };
        for event in events {
            let started = std::time::Instant::now();
            let rewritten = rewriter.event(event).await;
            observe(started.elapsed());
            match rewritten {
                Ok(bytes) if bytes.is_empty() => {}
                Ok(bytes) => {
                    if sender.send(Bytes::from(bytes)).await.is_err() {
                        return "client_disconnected";
                    }
                }
                Err(err) => return stop(rewriter, sender, &err).await,
            }
        }
    }
    // A last event without its blank line still goes through the rewriter.
    let mut out = Vec::new();
    if let Some(mut tail) = splitter.finish() {
        tail.extend_from_slice(b"\n\n");
        match rewriter.event(tail).await {
            Ok(bytes) => out = bytes,
            Err(err) => return stop(rewriter, sender, &err).await,
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
        Err(err) => stop(rewriter, sender, &err).await,
    }
}

/// The provider's stream ended early: what was held goes out (through the same checks),
/// then an error event the caller's SDK raises.
async fn broken_off(
    rewriter: &mut dyn EventRewriter,
    sender: &mpsc::Sender<Bytes>,
    code: &'static str,
    message: &str,
) -> &'static str {
    match rewriter.finish().await {
        Ok(held) if !held.is_empty() => {
            let _ = sender.send(Bytes::from(held)).await;
        }
        Ok(_) => {}
        Err(err) => return stop(rewriter, sender, &err).await,
    }
    let _ = sender.send(rewriter.error_event(code, message)).await;
    code
}

async fn stop(
    rewriter: &mut dyn EventRewriter,
    sender: &mpsc::Sender<Bytes>,
    err: &RenderError,
) -> &'static str {
    match err {
        RenderError::Blocked => {
            let _ = sender
                .send(rewriter.error_event("output_blocked", &err.to_string()))
                .await;
            "output_blocked"
        }
        RenderError::Oversized => {
            let _ = sender
                .send(rewriter.error_event("upstream_oversized", &err.to_string()))
                .await;
            "upstream_oversized"
        }
        RenderError::Vault(inner) => {
            tracing::warn!(error = %inner, "revealing a streamed answer failed");
            let _ = sender
                .send(
                    rewriter
                        .error_event("store_unavailable", "the store is unavailable, retry later"),
                )
                .await;
            "failed"
        }
    }
}

/// An error inside a stream, shaped as OpenAI clients expect it.
pub fn openai_error_event(code: &str, message: &str) -> Bytes {
    let error = serde_json::json!({
        "error": { "message": message, "type": "promptvault_error", "code": code }
    });
    Bytes::from(format!("data: {error}\n\n"))
}

/// Reveals the tokens of a whole (non-streamed) chat answer in place, under the
/// session's output policy.
///
/// # Errors
/// A blocked output, or the vault failing.
pub async fn render_answer(
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
