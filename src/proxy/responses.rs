//! OpenAI's Responses API: where the text is in its requests and answers, and its event
//! stream. Tokenized on the way up: `instructions`, `input` (a string, or items: messages
//! with text parts, function call outputs, earlier function calls' arguments), tool
//! descriptions and `user`. Revealed on the way back: output text and refusal parts and
//! function-call arguments (escaped for JSON). Reasoning items pass as they are.
//!
//! The stream sends each text in deltas and then again whole (`….done`, the finished
//! item, the finished response). The deltas go through the hold-back; the whole copies
//! are replaced by what was sent of that text, so the caller sees one text and each token
//! is counted once.

use bytes::Bytes;
use serde_json::{json, Map, Value};

use super::held::HeldTexts;
use super::messages::{schema_descriptions, string_leaves, AnswerText};
use super::pump::EventRewriter;
use super::session::{AnswerSession, RenderError};
use super::stream::{data_of, frame_event};

/// The texts of a Responses request.
pub fn responses_request_texts(body: &mut Value) -> Vec<&mut String> {
    let mut out = Vec::new();
    let Some(body) = body.as_object_mut() else {
        return out;
    };
    for (key, value) in body.iter_mut() {
        match (key.as_str(), value) {
            ("instructions" | "input" | "user" | "safety_identifier", Value::String(text)) => {
                out.push(text);
            }
            // Free-form key-value pairs and prompt template variables: any string in them.
            ("metadata", metadata) => string_leaves(metadata, &mut out),
            ("prompt", prompt) => {
                if let Some(variables) = prompt.get_mut("variables") {
                    string_leaves(variables, &mut out);
                }
            }
            ("input", Value::Array(items)) => {
                for item in items.iter_mut() {
                    input_item_texts(item, &mut out);
                }
            }
            ("tools", Value::Array(tools)) => {
                for tool in tools.iter_mut().filter_map(Value::as_object_mut) {
                    for (field, value) in tool.iter_mut() {
                        match (field.as_str(), value) {
                            ("description", Value::String(text)) => out.push(text),
                            ("parameters", schema) => schema_descriptions(schema, &mut out),
                            _ => {}
                        }
                    }
                }
            }
            _ => {}
        }
    }
    out
}

fn input_item_texts<'a>(item: &'a mut Value, out: &mut Vec<&'a mut String>) {
    let Some(item) = item.as_object_mut() else {
        return;
    };
    // A message may leave out its `type`.
    let kind = item
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or("message")
        .to_owned();
    match kind.as_str() {
        "message" => match item.get_mut("content") {
            Some(Value::String(text)) => out.push(text),
            Some(Value::Array(parts)) => part_texts(parts, out),
            _ => {}
        },
        "function_call_output" | "custom_tool_call_output" => match item.get_mut("output") {
            Some(Value::String(text)) => out.push(text),
            Some(Value::Array(parts)) => part_texts(parts, out),
            _ => {}
        },
        // What tools gave back (shell output, patches, MCP results): every string in it.
        kind if kind.ends_with("_output") => {
            if let Some(output) = item.get_mut("output") {
                string_leaves(output, out);
            }
        }
        "mcp_call" => {
            for (field, value) in item.iter_mut() {
                if let ("arguments" | "output" | "error", Value::String(text)) =
                    (field.as_str(), value)
                {
                    out.push(text);
                }
            }
        }
        "function_call" => {
            if let Some(Value::String(arguments)) = item.get_mut("arguments") {
                out.push(arguments);
            }
        }
        "custom_tool_call" => {
            if let Some(Value::String(input)) = item.get_mut("input") {
                out.push(input);
            }
        }
        _ => {}
    }
}

/// Text parts of a message: `input_text`, `output_text`, `refusal`; files and images pass.
fn part_texts<'a>(parts: &'a mut [Value], out: &mut Vec<&'a mut String>) {
    for part in parts.iter_mut().filter_map(Value::as_object_mut) {
        for (field, value) in part.iter_mut() {
            if let ("text" | "refusal", Value::String(text)) = (field.as_str(), value) {
                out.push(text);
            }
        }
    }
}

/// Which text of the answer a piece belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Key {
    /// Output item `o`, content part `c`: its text or refusal.
    Part(u64, u64),
    /// Output item `o`: a function call's arguments, or a custom tool call's input.
    Call(u64),
}

impl Key {
    fn output_index(self) -> u64 {
        match self {
            Self::Part(o, _) | Self::Call(o) => o,
        }
    }
}

/// What a text of the answer is, which decides whether revealed values are escaped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// An `output_text` part: escaped when the caller asked for a JSON answer.
    OutputText,
    /// A `refusal` part, or a custom tool call's free-form input: never escaped.
    Plain,
    /// Function-call arguments, a JSON document: always escaped.
    Arguments,
}

impl Kind {
    fn json_string(self, json_content: bool) -> bool {
        match self {
            Self::OutputText => json_content,
            Self::Plain => false,
            Self::Arguments => true,
        }
    }
}

/// The texts of a whole Responses answer (the `response` object); `json_content` when
/// the caller asked for a JSON answer (`text.format`).
pub fn responses_answer_texts(response: &mut Value, json_content: bool) -> Vec<AnswerText<'_>> {
    keyed_answer_texts(response)
        .into_iter()
        .map(|(_, text, kind)| (text, kind.json_string(json_content)))
        .collect()
}

/// As [`responses_answer_texts`], each with the key its streamed deltas had.
fn keyed_answer_texts(response: &mut Value) -> Vec<(Key, &mut String, Kind)> {
    let mut out = Vec::new();
    let Some(Value::Array(items)) = response.get_mut("output") else {
        return out;
    };
    for (o, item) in items.iter_mut().enumerate() {
        item_texts(o as u64, item, &mut out);
    }
    out
}

fn item_texts<'a>(o: u64, item: &'a mut Value, out: &mut Vec<(Key, &'a mut String, Kind)>) {
    let Some(item) = item.as_object_mut() else {
        return;
    };
    let (field, kind) = match item.get("type").and_then(Value::as_str) {
        Some("message") => {
            let Some(Value::Array(parts)) = item.get_mut("content") else {
                return;
            };
            for (c, part) in parts.iter_mut().enumerate() {
                if let Some((text, kind)) = part_text(part) {
                    out.push((Key::Part(o, c as u64), text, kind));
                }
            }
            return;
        }
        Some("function_call") => ("arguments", Kind::Arguments),
        Some("custom_tool_call") => ("input", Kind::Plain),
        _ => return,
    };
    if let Some(Value::String(text)) = item.get_mut(field) {
        out.push((Key::Call(o), text, kind));
    }
}

/// The text of an output part (`output_text`'s `text`, `refusal`'s `refusal`).
fn part_text(part: &mut Value) -> Option<(&mut String, Kind)> {
    let part = part.as_object_mut()?;
    let (field, kind) = match part.get("type").and_then(Value::as_str) {
        Some("output_text") => ("text", Kind::OutputText),
        Some("refusal") => ("refusal", Kind::Plain),
        _ => return None,
    };
    match part.get_mut(field) {
        Some(Value::String(text)) => Some((text, kind)),
        _ => None,
    }
}

/// Log probabilities spell out the model's words, held-back values included: emptied
/// wherever they occur when the output policy checks what the model writes.
pub fn empty_logprobs(value: &mut Value) {
    match value {
        Value::Object(fields) => {
            for (key, value) in fields.iter_mut() {
                if key == "logprobs" {
                    *value = Value::Array(Vec::new());
                } else {
                    empty_logprobs(value);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(empty_logprobs),
        _ => {}
    }
}

/// The streamed events that carry a piece of a text: (the field with the piece, whether
/// it is a call's text, its kind).
fn delta_event(kind: &str) -> Option<(bool, Kind)> {
    match kind {
        "response.output_text.delta" => Some((false, Kind::OutputText)),
        "response.refusal.delta" => Some((false, Kind::Plain)),
        "response.function_call_arguments.delta" => Some((true, Kind::Arguments)),
        "response.custom_tool_call_input.delta" => Some((true, Kind::Plain)),
        _ => None,
    }
}

/// The events that repeat a text whole once its deltas are done: (the field, whether it
/// is a call's text, its kind).
fn done_event(kind: &str) -> Option<(&'static str, bool, Kind)> {
    match kind {
        "response.output_text.done" => Some(("text", false, Kind::OutputText)),
        "response.refusal.done" => Some(("refusal", false, Kind::Plain)),
        "response.function_call_arguments.done" => Some(("arguments", true, Kind::Arguments)),
        "response.custom_tool_call_input.done" => Some(("input", true, Kind::Plain)),
        _ => None,
    }
}

/// Rewrites the events of one streamed Responses answer.
#[derive(Debug)]
pub struct ResponsesStream {
    session: AnswerSession,
    held: HeldTexts<Key>,
    /// Of the last delta event of each text, what shapes the one that releases its rest
    /// (its type and indices; never its text).
    templates: std::collections::HashMap<Key, Map<String, Value>>,
    json_content: bool,
    /// The caller's events are numbered anew: an event the proxy adds gets a number of
    /// its own, and the numbers keep rising.
    next_sequence: u64,
}

impl ResponsesStream {
    /// A rewriter revealing through `session`; `json_content` when the caller asked for
    /// a JSON answer (`text.format`), so that revealed values are escaped in it.
    pub fn new(session: AnswerSession, json_content: bool) -> Self {
        Self {
            session,
            held: HeldTexts::remembering_sent(),
            templates: std::collections::HashMap::new(),
            json_content,
            next_sequence: 0,
        }
    }

    fn key_of(event: &Value, call: bool) -> Key {
        let number = |field: &str| event.get(field).and_then(Value::as_u64).unwrap_or(0);
        if call {
            Key::Call(number("output_index"))
        } else {
            Key::Part(number("output_index"), number("content_index"))
        }
    }

    /// One event as it goes out, numbered.
    fn frame(&mut self, name: Option<&str>, mut event: Value) -> Vec<u8> {
        if let Some(number) = event.get_mut("sequence_number") {
            *number = Value::from(self.next_sequence);
            self.next_sequence += 1;
        }
        frame_event(name, &event)
    }

    /// Releases what `key` still holds, as a delta event shaped like its last one.
    async fn flush(&mut self, key: Key) -> Result<Vec<u8>, RenderError> {
        let rest = self.held.flush(&mut self.session, &key).await?;
        if rest.is_empty() {
            return Ok(Vec::new());
        }
        let mut event = self.templates.get(&key).cloned().unwrap_or_default();
        event.insert("delta".to_owned(), Value::String(rest));
        event.insert("sequence_number".to_owned(), Value::from(0));
        let name = event.get("type").and_then(Value::as_str).map(str::to_owned);
        Ok(self.frame(name.as_deref(), Value::Object(event)))
    }

    async fn flush_where(&mut self, which: impl Fn(Key) -> bool) -> Result<Vec<u8>, RenderError> {
        let mut out = Vec::new();
        for key in self.held.holding().into_iter().filter(|k| which(*k)) {
            out.extend(self.flush(key).await?);
        }
        Ok(out)
    }

    /// A whole copy of a text: what was sent of it (streamed, or rendered for an earlier
    /// copy), else revealed now and remembered, so each token is revealed once.
    async fn whole(&mut self, key: Key, text: &mut String, kind: Kind) -> Result<(), RenderError> {
        // An empty copy (a part as it starts) says nothing of what was sent.
        if let Some(sent) = self.held.sent(&key).filter(|sent| !sent.is_empty()) {
            sent.clone_into(text);
            return Ok(());
        }
        let json = kind.json_string(self.json_content);
        let rendered = self.session.render(text, None, json).await?;
        if !rendered.is_empty() {
            self.held.remember(&key, &rendered)?;
        }
        *text = rendered.to_string();
        Ok(())
    }

    /// A piece of a text: through the hold-back; the event's shape is kept for the one
    /// that may release the text's rest.
    async fn delta(
        &mut self,
        event: &mut Value,
        call: bool,
        kind: Kind,
    ) -> Result<(), RenderError> {
        let key = Self::key_of(event, call);
        if let Some(template) = event.as_object() {
            let shape = ["type", "item_id", "output_index", "content_index"]
                .into_iter()
                .filter_map(|field| Some((field.to_owned(), template.get(field)?.clone())))
                .collect();
            self.templates.insert(key, shape);
        }
        let json = kind.json_string(self.json_content);
        if let Some(Value::String(piece)) = event.get_mut("delta") {
            *piece = self.held.push(&mut self.session, key, piece, json).await?;
        }
        Ok(())
    }

    /// Rewrites one parsed event in place; returns what must go out before it.
    async fn rewrite(&mut self, event: &mut Value) -> Result<Vec<u8>, RenderError> {
        if self.session.checks_output() {
            empty_logprobs(event);
        }
        let kind = event
            .get("type")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned();
        if let Some((call, text_kind)) = delta_event(&kind) {
            self.delta(event, call, text_kind).await?;
            return Ok(Vec::new());
        }
        if let Some((field, call, text_kind)) = done_event(&kind) {
            let key = Self::key_of(event, call);
            let out = self.flush(key).await?;
            if let Some(Value::String(text)) = event.get_mut(field) {
                self.whole(key, text, text_kind).await?;
            }
            return Ok(out);
        }
        match kind.as_str() {
            "response.content_part.added" | "response.content_part.done" => {
                let key = Self::key_of(event, false);
                let out = if kind.ends_with("done") {
                    self.flush(key).await?
                } else {
                    Vec::new()
                };
                if let Some((text, text_kind)) = event.get_mut("part").and_then(part_text) {
                    self.whole(key, text, text_kind).await?;
                }
                Ok(out)
            }
            "response.output_item.added" | "response.output_item.done" => {
                let o = event
                    .get("output_index")
                    .and_then(Value::as_u64)
                    .unwrap_or(0);
                let out = if kind.ends_with("done") {
                    self.flush_where(|k| k.output_index() == o).await?
                } else {
                    Vec::new()
                };
                if let Some(item) = event.get_mut("item") {
                    let mut texts = Vec::new();
                    item_texts(o, item, &mut texts);
                    for (key, text, text_kind) in texts {
                        self.whole(key, text, text_kind).await?;
                    }
                }
                Ok(out)
            }
            // The answer is over: every text is complete.
            "response.completed" | "response.incomplete" | "response.failed" | "error" => {
                let out = self.flush_where(|_| true).await?;
                self.response_texts(event).await?;
                Ok(out)
            }
            // `response.created`, annotations and anything new: no text ends here.
            _ => {
                self.response_texts(event).await?;
                Ok(Vec::new())
            }
        }
    }

    async fn response_texts(&mut self, event: &mut Value) -> Result<(), RenderError> {
        let Some(response) = event.get_mut("response") else {
            return Ok(());
        };
        for (key, text, kind) in keyed_answer_texts(response) {
            self.whole(key, text, kind).await?;
        }
        Ok(())
    }
}

#[async_trait::async_trait]
impl EventRewriter for ResponsesStream {
    async fn event(&mut self, event: Vec<u8>) -> Result<Vec<u8>, RenderError> {
        let Some((others, data)) = data_of(&event) else {
            return Ok(event);
        };
        let Ok(mut parsed) = serde_json::from_str::<Value>(&data) else {
            let mut out = self.flush_where(|_| true).await?;
            out.extend_from_slice(&event);
            return Ok(out);
        };
        let mut out = self.rewrite(&mut parsed).await?;
        out.extend_from_slice(others.as_bytes());
        out.extend_from_slice(&self.frame(None, parsed));
        Ok(out)
    }

    async fn finish(&mut self) -> Result<Vec<u8>, RenderError> {
        self.flush_where(|_| true).await
    }

    fn error_event(&self, code: &str, message: &str) -> Bytes {
        let error = json!({"type": "error", "code": code, "message": message, "param": null});
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
    fn request_texts_cover_instructions_items_outputs_and_arguments() {
        let mut body = json!({
            "model": "gpt", "instructions": "a", "user": "b", "safety_identifier": "i",
            "metadata": {"customer": "j"}, "prompt": {"id": "keep", "variables": {"name": "k"}},
            "tools": [{"type": "function", "name": "keep", "description": "c",
                "parameters": {"type": "object", "properties": {"to": {"type": "string", "description": "d"}}}}],
            "input": [
                {"role": "user", "content": "e"},
                {"type": "message", "role": "user", "content": [
                    {"type": "input_text", "text": "f"},
                    {"type": "input_image", "image_url": "keep"}
                ]},
                {"type": "function_call", "call_id": "keep", "name": "keep", "arguments": "{\"to\":\"g\"}"},
                {"type": "function_call_output", "call_id": "keep", "output": "h"},
                {"type": "reasoning", "summary": [{"type": "summary_text", "text": "keep"}]},
                {"type": "local_shell_call_output", "id": "keep", "output": "l"},
                {"type": "mcp_call", "id": "keep", "name": "keep", "arguments": "m", "output": "n"}
            ]
        });
        let mut texts: Vec<String> = responses_request_texts(&mut body)
            .into_iter()
            .map(|t| t.clone())
            .collect();
        texts.sort();
        assert_eq!(
            texts,
            [
                "a",
                "b",
                "c",
                "d",
                "e",
                "f",
                "h",
                "i",
                "j",
                "k",
                "l",
                "m",
                "n",
                "{\"to\":\"g\"}"
            ]
        );
        let mut plain = json!({"input": "x"});
        assert_eq!(responses_request_texts(&mut plain).len(), 1);
    }

    #[test]
    fn answer_texts_are_output_text_refusals_and_arguments() {
        let mut response = json!({"output": [
            {"type": "reasoning", "summary": []},
            {"type": "message", "content": [
                {"type": "output_text", "text": "x", "annotations": []},
                {"type": "refusal", "refusal": "y"}
            ]},
            {"type": "function_call", "arguments": "{}"}
        ]});
        let texts: Vec<(String, bool)> = responses_answer_texts(&mut response, false)
            .into_iter()
            .map(|(t, j)| (t.clone(), j))
            .collect();
        assert_eq!(
            texts,
            [
                ("x".to_owned(), false),
                ("y".to_owned(), false),
                ("{}".to_owned(), true)
            ]
        );
    }
}
