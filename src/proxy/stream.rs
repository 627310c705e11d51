//! Streamed answers (server-sent events): events are cut out of the byte stream, each
//! chunk's text deltas pass through a [`Holdback`] per choice and field, and the chunk goes
//! out at once with whatever could be released. Events that are not chunks (comments,
//! `[DONE]`, errors, usage-only chunks) go out byte for byte.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::session::{AnswerSession, RenderError};
use super::tokens::Holdback;

/// Longest single event accepted from the provider.
pub const MAX_EVENT_BYTES: usize = 8 << 20;

/// Cuts server-sent events out of a byte stream.
#[derive(Debug, Default)]
pub struct EventSplitter {
    buffer: Vec<u8>,
    scanned: usize,
}

/// The provider sent an event longer than [`MAX_EVENT_BYTES`].
#[derive(Debug, Clone, Copy, thiserror::Error)]
#[error("the provider sent an oversized event")]
pub struct OversizedEvent;

impl EventSplitter {
    /// Adds bytes; returns every complete event (with its blank line).
    ///
    /// # Errors
    /// An event grows past [`MAX_EVENT_BYTES`].
    pub fn push(&mut self, bytes: &[u8]) -> Result<Vec<Vec<u8>>, OversizedEvent> {
        self.buffer.extend_from_slice(bytes);
        let mut events = Vec::new();
        // Resume the search a little before where the last one stopped, so that a
        // blank line split across two pieces is found, without rescanning the event.
        while let Some(end) = event_end(&self.buffer, self.scanned.saturating_sub(2)) {
            let rest = self.buffer.split_off(end);
            events.push(std::mem::replace(&mut self.buffer, rest));
            self.scanned = 0;
        }
        self.scanned = self.buffer.len();
        if self.buffer.len() > MAX_EVENT_BYTES {
            return Err(OversizedEvent);
        }
        Ok(events)
    }

    /// What is left when the stream ends (an event without its blank line).
    pub fn finish(&mut self) -> Option<Vec<u8>> {
        (!self.buffer.is_empty()).then(|| std::mem::take(&mut self.buffer))
    }
}

/// The end of the first event in `buffer` (after its blank line), searching from `from`.
fn event_end(buffer: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while i < buffer.len() {
        if buffer[i] == b'\n' {
            match buffer.get(i + 1) {
                Some(b'\n') => return Some(i + 2),
                Some(b'\r') if buffer.get(i + 2) == Some(&b'\n') => return Some(i + 3),
                _ => {}
            }
        }
        i += 1;
    }
    None
}

/// An event's `data:` payload, and its other lines (`event:`, `id:`, comments) as they
/// were; `None` without data or when not UTF-8.
pub(super) fn data_of(event: &[u8]) -> Option<(String, String)> {
    let text = std::str::from_utf8(event).ok()?;
    let mut data: Option<String> = None;
    let mut others = String::new();
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            continue;
        }
        let Some(payload) = line.strip_prefix("data:") else {
            others.push_str(line);
            others.push('\n');
            continue;
        };
        let payload = payload.strip_prefix(' ').unwrap_or(payload);
        match &mut data {
            Some(data) => {
                data.push('\n');
                data.push_str(payload);
            }
            None => data = Some(payload.to_owned()),
        }
    }
    data.map(|data| (others, data))
}

/// Which text of which choice a delta belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Field {
    Content,
    Refusal,
    ToolArguments(u64),
    FunctionArguments,
}

impl Field {
    fn json_string(self) -> bool {
        matches!(self, Self::ToolArguments(_) | Self::FunctionArguments)
    }
}

/// Rewrites the events of one streamed answer.
#[derive(Debug)]
pub struct StreamRewriter {
    session: AnswerSession,
    held: BTreeMap<(u64, Field), Holdback>,
    template: Option<Map<String, Value>>,
    json_content: bool,
}

impl StreamRewriter {
    /// A rewriter revealing through `session`; `json_content` when the caller asked for
    /// a JSON answer (`response_format`), so that revealed values are escaped in it.
    pub fn new(session: AnswerSession, json_content: bool) -> Self {
        Self {
            session,
            held: BTreeMap::new(),
            template: None,
            json_content,
        }
    }

    /// The session, for the tally once the stream is over.
    pub fn into_session(self) -> AnswerSession {
        self.session
    }

    /// The bytes to send for one upstream event.
    ///
    /// # Errors
    /// The output policy blocks the answer, or the store failed.
    pub async fn event(&mut self, event: Vec<u8>) -> Result<Vec<u8>, RenderError> {
        let Some((others, data)) = data_of(&event) else {
            return Ok(event);
        };
        let chunk = match serde_json::from_str::<Value>(&data) {
            Ok(Value::Object(chunk))
                if chunk
                    .get("choices")
                    .and_then(Value::as_array)
                    .is_some_and(|c| !c.is_empty()) =>
            {
                chunk
            }
            // `[DONE]`, usage-only chunks, errors, anything else: whatever is still held
            // goes out first, then the event as it came.
            _ => {
                let mut out = self.flush_all().await?;
                out.extend_from_slice(&event);
                return Ok(out);
            }
        };
        let mut chunk = chunk;
        let mut choices = match chunk.remove("choices") {
            Some(Value::Array(choices)) => choices,
            _ => Vec::new(),
        };
        for (position, choice) in choices.iter_mut().enumerate() {
            self.choice(choice, position as u64).await?;
        }
        let mut template = chunk.clone();
        template.remove("usage");
        self.template = Some(template);
        chunk.insert("choices".to_owned(), Value::Array(choices));
        let mut out = others.into_bytes();
        out.extend_from_slice(&frame(&Value::Object(chunk)));
        Ok(out)
    }

    /// What still has to go out when the upstream stream ended without `[DONE]`.
    ///
    /// # Errors
    /// As [`StreamRewriter::event`].
    pub async fn finish(&mut self) -> Result<Vec<u8>, RenderError> {
        self.flush_all().await
    }

    async fn choice(&mut self, choice: &mut Value, position: u64) -> Result<(), RenderError> {
        let index = choice
            .get("index")
            .and_then(Value::as_u64)
            .unwrap_or(position);
        if self.session.checks_output() {
            // Log probabilities spell out the model's own words, values included.
            strip_logprobs(choice);
        }
        let finished = choice
            .get("finish_reason")
            .is_some_and(|reason| !reason.is_null());
        let Some(choice) = choice.as_object_mut() else {
            return Ok(());
        };
        let delta = choice
            .entry("delta")
            .or_insert_with(|| Value::Object(Map::new()));
        if !delta.is_object() {
            if !finished {
                return Ok(());
            }
            *delta = Value::Object(Map::new());
        }
        let labels = self.session.labels().clone();
        let whole_values = self.session.checks_output();
        let present: Vec<Field> = delta_texts(delta).into_iter().map(|(f, _)| f).collect();
        for (field, text) in delta_texts(delta) {
            let hold = self.held.entry((index, field)).or_default();
            let released = if whole_values {
                hold.push_values(text, &labels)
            } else {
                hold.push(text, &labels)
            };
            *text = self
                .session
                .render(&released.text, released.before, self.json_string(field))
                .await?
                .to_string();
        }
        if !present.is_empty() {
            // The model moved on to another field (text, then a tool call; the next tool
            // call): what is held for the others is complete, and clients close a field
            // when the next one starts, so it goes out in this chunk, ahead of the rest.
            self.flush_fields(index, delta, |field| !present.contains(&field))
                .await?;
        }
        if finished {
            self.flush_choice(index, delta).await?;
        }
        Ok(())
    }

    /// Whether revealed values in `field` must be escaped for a JSON string: tool
    /// arguments always, content when the caller asked for a JSON answer.
    fn json_string(&self, field: Field) -> bool {
        field.json_string() || (field == Field::Content && self.json_content)
    }

    /// Appends whatever is held for choice `index` to its final `delta`.
    async fn flush_choice(&mut self, index: u64, delta: &mut Value) -> Result<(), RenderError> {
        self.flush_fields(index, delta, |_| true).await
    }

    /// Releases what is held for the fields of choice `index` that `which` selects into
    /// `delta`.
    async fn flush_fields(
        &mut self,
        index: u64,
        delta: &mut Value,
        which: impl Fn(Field) -> bool,
    ) -> Result<(), RenderError> {
        let fields: Vec<Field> = self
            .held
            .range((index, Field::Content)..)
            .take_while(|((i, _), _)| *i == index)
            .filter(|((_, field), hold)| !hold.is_empty() && which(*field))
            .map(|((_, field), _)| *field)
            .collect();
        for field in fields {
            let Some(mut hold) = self.held.remove(&(index, field)) else {
                continue;
            };
            let released = hold.finish();
            let rendered = self
                .session
                .render(&released.text, released.before, self.json_string(field))
                .await?;
            append_to_delta(delta, field, &rendered);
            // Keeps the character before the next piece of this field.
            self.held.insert((index, field), hold);
        }
        Ok(())
    }

    /// A chunk carrying everything still held, before `[DONE]` or the stream's end.
    async fn flush_all(&mut self) -> Result<Vec<u8>, RenderError> {
        let indices: Vec<u64> = self
            .held
            .iter()
            .filter(|(_, hold)| !hold.is_empty())
            .map(|((index, _), _)| *index)
            .collect();
        if indices.is_empty() {
            return Ok(Vec::new());
        }
        let mut choices = Vec::new();
        let mut seen = Vec::new();
        for index in indices {
            if seen.contains(&index) {
                continue;
            }
            seen.push(index);
            let mut delta = Value::Object(Map::new());
            self.flush_choice(index, &mut delta).await?;
            choices.push(serde_json::json!({
                "index": index,
                "delta": delta,
                "finish_reason": null,
            }));
        }
        let mut chunk = self.template.clone().unwrap_or_default();
        chunk.insert("choices".to_owned(), Value::Array(choices));
        Ok(frame(&Value::Object(chunk)))
    }
}

/// Drops `logprobs` from a choice (kept as `null`, the shape clients expect).
pub fn strip_logprobs(choice: &mut Value) {
    if let Some(logprobs) = choice.get_mut("logprobs") {
        *logprobs = Value::Null;
    }
}

fn frame(chunk: &Value) -> Vec<u8> {
    frame_event(None, chunk)
}

/// One server-sent event: an `event:` line when named, the data, the blank line.
pub(super) fn frame_event(name: Option<&str>, data: &Value) -> Vec<u8> {
    let mut out = Vec::new();
    if let Some(name) = name {
        out.extend_from_slice(b"event: ");
        out.extend_from_slice(name.as_bytes());
        out.push(b'\n');
    }
    out.extend_from_slice(b"data: ");
    out.extend_from_slice(data.to_string().as_bytes());
    out.extend_from_slice(b"\n\n");
    out
}

#[async_trait::async_trait]
impl super::pump::EventRewriter for StreamRewriter {
    async fn event(&mut self, event: Vec<u8>) -> Result<Vec<u8>, RenderError> {
        StreamRewriter::event(self, event).await
    }

    async fn finish(&mut self) -> Result<Vec<u8>, RenderError> {
        StreamRewriter::finish(self).await
    }

    fn error_event(&self, code: &str, message: &str) -> bytes::Bytes {
        super::pump::openai_error_event(code, message)
    }

    fn into_session(self: Box<Self>) -> AnswerSession {
        self.session
    }
}

/// The text fields of one delta.
fn delta_texts(delta: &mut Value) -> Vec<(Field, &mut String)> {
    let mut out = Vec::new();
    let Some(delta) = delta.as_object_mut() else {
        return out;
    };
    for (key, value) in delta.iter_mut() {
        match (key.as_str(), value) {
            ("content", Value::String(text)) => out.push((Field::Content, text)),
            ("refusal", Value::String(text)) => out.push((Field::Refusal, text)),
            ("tool_calls", Value::Array(calls)) => {
                for (position, call) in calls.iter_mut().enumerate() {
                    let index = call
                        .get("index")
                        .and_then(Value::as_u64)
                        .unwrap_or(position as u64);
                    if let Some(Value::String(arguments)) = call
                        .get_mut("function")
                        .and_then(|f| f.get_mut("arguments"))
                    {
                        out.push((Field::ToolArguments(index), arguments));
                    }
                }
            }
            ("function_call", call) => {
                if let Some(Value::String(arguments)) = call.get_mut("arguments") {
                    out.push((Field::FunctionArguments, arguments));
                }
            }
            _ => {}
        }
    }
    out
}

fn append_to_delta(delta: &mut Value, field: Field, text: &str) {
    let Some(delta) = delta.as_object_mut() else {
        return;
    };
    let append = |slot: &mut Value| match slot {
        Value::String(existing) => existing.push_str(text),
        other => *other = Value::String(text.to_owned()),
    };
    match field {
        Field::Content | Field::Refusal => {
            let key = if field == Field::Content {
                "content"
            } else {
                "refusal"
            };
            append(delta.entry(key).or_insert(Value::Null));
        }
        Field::FunctionArguments => {
            let call = delta
                .entry("function_call")
                .or_insert_with(|| serde_json::json!({}));
            if let Some(call) = call.as_object_mut() {
                append(call.entry("arguments").or_insert(Value::Null));
            }
        }
        Field::ToolArguments(index) => {
            let calls = delta
                .entry("tool_calls")
                .or_insert_with(|| Value::Array(Vec::new()));
            let Some(calls) = calls.as_array_mut() else {
                return;
            };
            let position = calls
                .iter()
                .position(|c| c.get("index").and_then(Value::as_u64) == Some(index));
            let call = match position {
                Some(position) => &mut calls[position],
                None => {
                    // In front: held text of an earlier call precedes the calls after it.
                    calls.insert(0, serde_json::json!({ "index": index, "function": {} }));
                    &mut calls[0]
                }
            };
            if let Some(function) = call
                .as_object_mut()
                .map(|c| c.entry("function").or_insert_with(|| serde_json::json!({})))
                .and_then(Value::as_object_mut)
            {
                append(function.entry("arguments").or_insert(Value::Null));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_are_cut_at_blank_lines_whatever_the_split() {
        let stream = b"data: {\"a\":1}\n\ndata: [DONE]\r\n\r\n: comment\n\n";
        for cut in 0..stream.len() {
            let mut splitter = EventSplitter::default();
            let mut events = splitter.push(&stream[..cut]).unwrap();
            events.extend(splitter.push(&stream[cut..]).unwrap());
            assert_eq!(events.len(), 3, "cut at {cut}");
            assert_eq!(events.concat(), stream.to_vec());
            assert!(splitter.finish().is_none());
        }
        assert_eq!(
            data_of(b"data: {\"a\":1}\n\n"),
            Some((String::new(), "{\"a\":1}".to_owned()))
        );
        assert_eq!(
            data_of(b"event: x\ndata: [DONE]\n\n"),
            Some(("event: x\n".to_owned(), "[DONE]".to_owned()))
        );
        assert_eq!(data_of(b": comment\n\n"), None);
    }

    #[test]
    fn held_text_lands_in_the_final_delta() {
        let mut delta = serde_json::json!({});
        append_to_delta(&mut delta, Field::Content, "x");
        append_to_delta(&mut delta, Field::ToolArguments(2), "{}");
        append_to_delta(&mut delta, Field::ToolArguments(2), "!");
        assert_eq!(
            delta,
            serde_json::json!({"content": "x", "tool_calls": [{"index": 2, "function": {"arguments": "{}!"}}]})
        );
    }
}
