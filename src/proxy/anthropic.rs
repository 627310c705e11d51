//! Anthropic's Messages API: where the text is in its requests and answers, and its event
//! stream. Tokenized on the way up: `system` (a string or blocks), text blocks, tool
//! results, earlier `tool_use` inputs, tool descriptions and `metadata.user_id`. Revealed
//! on the way back: text blocks and `tool_use` input (escaped for JSON while it streams as
//! `partial_json`). Thinking blocks pass as they are: they are signed by the provider, and
//! a changed one would be refused when sent back.

use std::collections::HashMap;

use bytes::Bytes;
use serde_json::{json, Value};

use super::held::HeldTexts;
use super::messages::{schema_descriptions, string_leaves, AnswerText};
use super::pump::EventRewriter;
use super::session::{AnswerSession, RenderError};
use super::stream::{data_of, frame_event};

/// The texts of a Messages request.
pub fn messages_request_texts(body: &mut Value) -> Vec<&mut String> {
    let mut out = Vec::new();
    let Some(body) = body.as_object_mut() else {
        return out;
    };
    for (key, value) in body.iter_mut() {
        match (key.as_str(), value) {
            ("system", Value::String(text)) => out.push(text),
            ("system", Value::Array(blocks)) => block_texts(blocks, &mut out),
            ("messages", Value::Array(messages)) => {
                for message in messages {
                    match message.get_mut("content") {
                        Some(Value::String(text)) => out.push(text),
                        Some(Value::Array(blocks)) => block_texts(blocks, &mut out),
                        _ => {}
                    }
                }
            }
            ("tools", Value::Array(tools)) => {
                for tool in tools.iter_mut().filter_map(Value::as_object_mut) {
                    for (field, value) in tool.iter_mut() {
                        match (field.as_str(), value) {
                            ("description", Value::String(text)) => out.push(text),
                            ("input_schema", schema) => schema_descriptions(schema, &mut out),
                            _ => {}
                        }
                    }
                }
            }
            ("metadata", metadata) => {
                if let Some(Value::String(user)) = metadata.get_mut("user_id") {
                    out.push(user);
                }
            }
            _ => {}
        }
    }
    out
}

/// The texts of request content blocks: text, tool results (a string or blocks), the
/// inputs of earlier tool calls, plain-text documents. Images and thinking pass.
fn block_texts<'a>(blocks: &'a mut [Value], out: &mut Vec<&'a mut String>) {
    for block in blocks.iter_mut().filter_map(Value::as_object_mut) {
        let kind = block.get("type").and_then(Value::as_str).unwrap_or("");
        match kind {
            "text" => {
                if let Some(Value::String(text)) = block.get_mut("text") {
                    out.push(text);
                }
            }
            "tool_result" => match block.get_mut("content") {
                Some(Value::String(text)) => out.push(text),
                Some(Value::Array(inner)) => block_texts(inner, out),
                _ => {}
            },
            "tool_use" | "server_tool_use" => {
                if let Some(input) = block.get_mut("input") {
                    string_leaves(input, out);
                }
            }
            "document" | "search_result" => {
                for (field, value) in block.iter_mut() {
                    match (field.as_str(), value) {
                        ("title" | "context", Value::String(text)) => out.push(text),
                        // A search result's text blocks.
                        ("content", Value::Array(inner)) => block_texts(inner, out),
                        ("source", source) => document_source_texts(source, out),
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
}

/// The text of a document's source: plain text, or content given as a string or as
/// blocks. Base64 (PDF) and URL sources pass as they are.
fn document_source_texts<'a>(source: &'a mut Value, out: &mut Vec<&'a mut String>) {
    let Some(source) = source.as_object_mut() else {
        return;
    };
    match source.get("type").and_then(Value::as_str) {
        Some("text") => {
            if let Some(Value::String(data)) = source.get_mut("data") {
                out.push(data);
            }
        }
        Some("content") => match source.get_mut("content") {
            Some(Value::String(text)) => out.push(text),
            Some(Value::Array(blocks)) => block_texts(blocks, out),
            _ => {}
        },
        _ => {}
    }
}

/// The texts of a whole Messages answer (or of `message_start`'s message);
/// `json_content` when the caller asked for a JSON answer (`output_format`).
pub fn messages_answer_texts(message: &mut Value, json_content: bool) -> Vec<AnswerText<'_>> {
    let mut out = Vec::new();
    let Some(Value::Array(blocks)) = message.get_mut("content") else {
        return out;
    };
    for block in blocks.iter_mut() {
        content_block_texts(block, json_content, &mut out);
    }
    out
}

/// The texts of one answer content block: its text, or the string values of a tool
/// call's input (re-encoded as JSON afterwards, so revealed values need no escaping).
fn content_block_texts<'a>(
    block: &'a mut Value,
    json_content: bool,
    out: &mut Vec<AnswerText<'a>>,
) {
    let Some(block) = block.as_object_mut() else {
        return;
    };
    match block.get("type").and_then(Value::as_str) {
        Some("text") => {
            if let Some(Value::String(text)) = block.get_mut("text") {
                out.push((text, json_content));
            }
        }
        Some("tool_use" | "server_tool_use") => {
            if let Some(input) = block.get_mut("input") {
                let mut leaves = Vec::new();
                string_leaves(input, &mut leaves);
                out.extend(leaves.into_iter().map(|text| (text, false)));
            }
        }
        _ => {}
    }
}

/// How a content block streams.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BlockKind {
    /// `text_delta` pieces of text.
    Text,
    /// `input_json_delta` pieces of a JSON document.
    Json,
}

/// Rewrites the events of one streamed Messages answer.
#[derive(Debug)]
pub struct MessagesStream {
    session: AnswerSession,
    held: HeldTexts<u64>,
    kinds: HashMap<u64, BlockKind>,
    json_content: bool,
}

impl MessagesStream {
    /// A rewriter revealing through `session`; `json_content` when the caller asked for
    /// a JSON answer (`output_format`), so that revealed values are escaped in it.
    pub fn new(session: AnswerSession, json_content: bool) -> Self {
        Self {
            session,
            held: HeldTexts::default(),
            kinds: HashMap::new(),
            json_content,
        }
    }

    /// A `content_block_delta` event carrying `text` for block `index`.
    fn delta_event(&self, index: u64, text: &str) -> Vec<u8> {
        let delta = match self.kinds.get(&index) {
            Some(BlockKind::Json) => json!({"type": "input_json_delta", "partial_json": text}),
            _ => json!({"type": "text_delta", "text": text}),
        };
        let event = json!({"type": "content_block_delta", "index": index, "delta": delta});
        frame_event(Some("content_block_delta"), &event)
    }

    /// Releases what block `index` still holds, as an event of its own.
    async fn flush(&mut self, index: u64) -> Result<Vec<u8>, RenderError> {
        let rest = self.held.flush(&mut self.session, &index).await?;
        if rest.is_empty() {
            return Ok(Vec::new());
        }
        Ok(self.delta_event(index, &rest))
    }

    async fn flush_all(&mut self) -> Result<Vec<u8>, RenderError> {
        let mut out = Vec::new();
        for index in self.held.holding() {
            out.extend(self.flush(index).await?);
        }
        Ok(out)
    }

    /// Rewrites one parsed event in place; returns what must go out before it.
    async fn rewrite(&mut self, event: &mut Value) -> Result<Vec<u8>, RenderError> {
        let kind = event
            .get("type")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned();
        let index = event.get("index").and_then(Value::as_u64).unwrap_or(0);
        match kind.as_str() {
            "message_start" => {
                if let Some(message) = event.get_mut("message") {
                    for (text, json_string) in messages_answer_texts(message, self.json_content) {
                        *text = self
                            .session
                            .render(text, None, json_string)
                            .await?
                            .to_string();
                    }
                }
                Ok(Vec::new())
            }
            "content_block_start" => {
                let Some(block) = event.get_mut("content_block") else {
                    return Ok(Vec::new());
                };
                let json = matches!(
                    block.get("type").and_then(Value::as_str),
                    Some("tool_use" | "server_tool_use")
                );
                let kind = if json {
                    BlockKind::Json
                } else {
                    BlockKind::Text
                };
                self.kinds.insert(index, kind);
                let mut texts = Vec::new();
                content_block_texts(block, self.json_content, &mut texts);
                for (text, json_string) in texts {
                    *text = if json {
                        self.session.render(text, None, false).await?.to_string()
                    } else {
                        // A first piece of the text: it continues in the deltas.
                        self.held
                            .push(&mut self.session, index, text, json_string)
                            .await?
                    };
                }
                Ok(Vec::new())
            }
            "content_block_delta" => {
                let Some(delta) = event.get_mut("delta").and_then(Value::as_object_mut) else {
                    return Ok(Vec::new());
                };
                let (field, json_string) = match delta.get("type").and_then(Value::as_str) {
                    Some("text_delta") => ("text", self.json_content),
                    Some("input_json_delta") => ("partial_json", true),
                    // Thinking, signatures, citations: as they are.
                    _ => return Ok(Vec::new()),
                };
                if let Some(Value::String(piece)) = delta.get_mut(field) {
                    *piece = self
                        .held
                        .push(&mut self.session, index, piece, json_string)
                        .await?;
                }
                Ok(Vec::new())
            }
            "content_block_stop" => self.flush(index).await,
            // The answer is over: every text is complete.
            "message_delta" | "message_stop" | "error" => self.flush_all().await,
            // `ping` and anything new: no text ends here.
            _ => Ok(Vec::new()),
        }
    }
}

#[async_trait::async_trait]
impl EventRewriter for MessagesStream {
    async fn event(&mut self, event: Vec<u8>) -> Result<Vec<u8>, RenderError> {
        let Some((others, data)) = data_of(&event) else {
            return Ok(event);
        };
        let Ok(mut parsed) = serde_json::from_str::<Value>(&data) else {
            let mut out = self.flush_all().await?;
            out.extend_from_slice(&event);
            return Ok(out);
        };
        let mut out = self.rewrite(&mut parsed).await?;
        out.extend_from_slice(others.as_bytes());
        out.extend_from_slice(&frame_event(None, &parsed));
        Ok(out)
    }

    async fn finish(&mut self) -> Result<Vec<u8>, RenderError> {
        self.flush_all().await
    }

    fn error_event(&self, code: &str, message: &str) -> Bytes {
        let error = json!({
            "type": "error",
            "error": {"type": "api_error", "message": message, "code": code}
        });
        Bytes::from(frame_event(Some("error"), &error))
    }

    fn into_session(self: Box<Self>) -> AnswerSession {
        self.session
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_texts_cover_system_blocks_tool_results_inputs_and_descriptions() {
        let mut body = json!({
            "model": "claude", "max_tokens": 10,
            "system": [{"type": "text", "text": "a", "cache_control": {"type": "ephemeral"}}],
            "metadata": {"user_id": "b"},
            "tools": [{"name": "keep", "description": "c", "input_schema": {
                "type": "object",
                "properties": {"to": {"type": "string", "description": "d"}}
            }}],
            "messages": [
                {"role": "user", "content": "e"},
                {"role": "assistant", "content": [
                    {"type": "text", "text": "f"},
                    {"type": "thinking", "thinking": "keep", "signature": "keep"},
                    {"type": "tool_use", "id": "keep", "name": "keep", "input": {"to": "g", "n": 1, "cc": ["h"]}}
                ]},
                {"role": "user", "content": [
                    {"type": "tool_result", "tool_use_id": "keep", "content": [{"type": "text", "text": "i"}]},
                    {"type": "tool_result", "tool_use_id": "keep", "content": "j"},
                    {"type": "image", "source": {"type": "base64", "data": "keep"}},
                    {"type": "search_result", "source": "keep", "title": "k",
                     "content": [{"type": "text", "text": "l"}]},
                    {"type": "document", "source": {"type": "content", "content": [
                        {"type": "text", "text": "m"}]}},
                    {"type": "document", "source": {"type": "base64", "data": "keep"}}
                ]}
            ]
        });
        let texts: Vec<String> = messages_request_texts(&mut body)
            .into_iter()
            .map(|t| t.clone())
            .collect();
        let mut sorted = texts.clone();
        sorted.sort();
        assert_eq!(
            sorted,
            ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m"],
            "{texts:?}"
        );
    }

    #[test]
    fn answer_texts_are_text_blocks_and_tool_input_strings() {
        let mut answer = json!({"content": [
            {"type": "text", "text": "x"},
            {"type": "tool_use", "id": "t", "name": "n", "input": {"to": "y", "n": 2}},
            {"type": "thinking", "thinking": "keep"}
        ]});
        let texts: Vec<(String, bool)> = messages_answer_texts(&mut answer, false)
            .into_iter()
            .map(|(t, j)| (t.clone(), j))
            .collect();
        assert_eq!(texts, [("x".to_owned(), false), ("y".to_owned(), false)]);
    }
}
