//! Where the text is in OpenAI-shaped JSON: what gets tokenized on the way up, and what
//! gets detokenized on the way back. Everything else passes through untouched.

use serde_json::Value;

/// The texts of a chat request: every message's content (a string, or the `text` or
/// `refusal` of each content part), refusals, tool results, the arguments of earlier
/// tool and function calls, participant `name`s, predicted output
/// (`prediction.content`), `user`, and the descriptions in tool definitions (their schema
/// keys stay). Image and audio parts pass as they are.
pub fn chat_request_texts(body: &mut Value) -> Vec<&mut String> {
    let mut out = Vec::new();
    let Some(body) = body.as_object_mut() else {
        return out;
    };
    for (key, value) in body.iter_mut() {
        match (key.as_str(), value) {
            ("messages", Value::Array(messages)) => message_list_texts(messages, &mut out),
            ("user" | "safety_identifier", Value::String(text)) => out.push(text),
            ("metadata", metadata) => string_leaves(metadata, &mut out),
            ("tools", Value::Array(tools)) => {
                for function in tools.iter_mut().filter_map(|t| t.get_mut("function")) {
                    let Some(function) = function.as_object_mut() else {
                        continue;
                    };
                    for (field, value) in function.iter_mut() {
                        match (field.as_str(), value) {
                            ("description", Value::String(text)) => out.push(text),
                            ("parameters", schema) => schema_descriptions(schema, &mut out),
                            _ => {}
                        }
                    }
                }
            }
            ("prediction", prediction) => match prediction.get_mut("content") {
                Some(Value::String(text)) => out.push(text),
                Some(Value::Array(parts)) => parts_texts(parts, &mut out),
                _ => {}
            },
            _ => {}
        }
    }
    out
}

fn parts_texts<'a>(parts: &'a mut [Value], out: &mut Vec<&'a mut String>) {
    for part in parts {
        let Some(part) = part.as_object_mut() else {
            continue;
        };
        for (key, value) in part.iter_mut() {
            if let ("text" | "refusal", Value::String(text)) = (key.as_str(), value) {
                out.push(text);
            }
        }
    }
}

fn message_list_texts<'a>(messages: &'a mut [Value], out: &mut Vec<&'a mut String>) {
    for message in messages {
        let Some(message) = message.as_object_mut() else {
            continue;
        };
        for (key, value) in message.iter_mut() {
            match (key.as_str(), value) {
                ("content" | "refusal" | "name", Value::String(text)) => out.push(text),
                ("content", Value::Array(parts)) => parts_texts(parts, out),
                ("tool_calls", Value::Array(calls)) => {
                    for call in calls {
                        if let Some(Value::String(arguments)) = call
                            .get_mut("function")
                            .and_then(|f| f.get_mut("arguments"))
                        {
                            out.push(arguments);
                        }
                    }
                }
                ("function_call", call) => {
                    if let Some(Value::String(arguments)) = call.get_mut("arguments") {
                        out.push(arguments);
                    }
                }
                _ => {}
            }
        }
    }
}

/// Every string value in `value` (not the keys): a tool call's input.
pub(super) fn string_leaves<'a>(value: &'a mut Value, out: &mut Vec<&'a mut String>) {
    match value {
        Value::String(text) => out.push(text),
        Value::Array(items) => items.iter_mut().for_each(|item| string_leaves(item, out)),
        Value::Object(fields) => fields.values_mut().for_each(|v| string_leaves(v, out)),
        _ => {}
    }
}

/// The `description` strings of a JSON schema, at any depth: they are prose a user may
/// have written anything into; property names and types stay as they are.
pub(super) fn schema_descriptions<'a>(schema: &'a mut Value, out: &mut Vec<&'a mut String>) {
    match schema {
        Value::Object(fields) => {
            for (key, value) in fields.iter_mut() {
                match (key.as_str(), value) {
                    ("description", Value::String(text)) => out.push(text),
                    (_, value) => schema_descriptions(value, out),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|i| schema_descriptions(i, out)),
        _ => {}
    }
}

/// Re-encodes every JSON document the request carries as tool arguments (chat
/// `tool_calls` and `function_call`, Responses `function_call` items) before detection:
/// a client may have escaped characters (`"Jos\u00e9"`), which detection would not read
/// as the value they spell. serde writes them as the characters themselves.
pub fn normalize_arguments(body: &mut Value) {
    let Some(body) = body.as_object_mut() else {
        return;
    };
    let mut arguments: Vec<&mut String> = Vec::new();
    for (key, value) in body.iter_mut() {
        match (key.as_str(), value) {
            ("messages", Value::Array(messages)) => {
                for message in messages.iter_mut().filter_map(Value::as_object_mut) {
                    for (field, value) in message.iter_mut() {
                        match (field.as_str(), value) {
                            ("tool_calls", Value::Array(calls)) => {
                                for call in calls {
                                    if let Some(Value::String(text)) =
                                        call.pointer_mut("/function/arguments")
                                    {
                                        arguments.push(text);
                                    }
                                }
                            }
                            ("function_call", call) => {
                                if let Some(Value::String(text)) = call.get_mut("arguments") {
                                    arguments.push(text);
                                }
                            }
                            _ => {}
                        }
                    }
                }
            }
            ("input", Value::Array(items)) => {
                for item in items.iter_mut() {
                    if item.get("type").and_then(Value::as_str) == Some("function_call") {
                        if let Some(Value::String(text)) = item.get_mut("arguments") {
                            arguments.push(text);
                        }
                    }
                }
            }
            _ => {}
        }
    }
    for text in arguments {
        if text.contains("\\u") {
            if let Ok(document) = serde_json::from_str::<Value>(text) {
                *text = document.to_string();
            }
        }
    }
}

/// A participant `name` must match `^[a-zA-Z0-9_-]{1,64}$`: the tokens in it lose their
/// brackets (`PERSON_k3j9…`), a form the answer's reveal still recognises.
pub fn unbracket_names(body: &mut Value) {
    let Some(messages) = body.get_mut("messages").and_then(Value::as_array_mut) else {
        return;
    };
    for message in messages {
        if let Some(Value::String(name)) = message.get_mut("name") {
            if name.contains('[') {
                name.retain(|c| c != '[' && c != ']');
            }
        }
    }
}

/// The texts of an embeddings request: `input`, one string or a list of them.
pub fn embeddings_request_texts(body: &mut Value) -> Vec<&mut String> {
    match body.get_mut("input") {
        Some(Value::String(text)) => vec![text],
        Some(Value::Array(items)) => items
            .iter_mut()
            .filter_map(|item| match item {
                Value::String(text) => Some(text),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// A text of an answer, and whether it lies inside a JSON document (tool arguments).
pub type AnswerText<'a> = (&'a mut String, bool);

/// The texts of one message: `content` (inside a JSON document when `json_content`),
/// `refusal`, tool-call and function-call arguments.
pub fn message_texts(message: &mut Value, json_content: bool) -> Vec<AnswerText<'_>> {
    let mut out = Vec::new();
    let Some(message) = message.as_object_mut() else {
        return out;
    };
    for (key, value) in message.iter_mut() {
        match (key.as_str(), value) {
            ("content", Value::String(text)) => out.push((text, json_content)),
            // Content as parts: each text (or refusal) part is a text of the answer.
            ("content", Value::Array(parts)) => {
                for part in parts.iter_mut().filter_map(Value::as_object_mut) {
                    for (field, value) in part.iter_mut() {
                        match (field.as_str(), value) {
                            ("text", Value::String(text)) => out.push((text, json_content)),
                            ("refusal", Value::String(text)) => out.push((text, false)),
                            _ => {}
                        }
                    }
                }
            }
            ("refusal", Value::String(text)) => out.push((text, false)),
            ("audio", audio) => {
                if let Some(Value::String(transcript)) = audio.get_mut("transcript") {
                    out.push((transcript, false));
                }
            }
            ("tool_calls", Value::Array(calls)) => {
                for call in calls {
                    if let Some(Value::String(arguments)) = call
                        .get_mut("function")
                        .and_then(|f| f.get_mut("arguments"))
                    {
                        out.push((arguments, true));
                    }
                }
            }
            ("function_call", call) => {
                if let Some(Value::String(arguments)) = call.get_mut("arguments") {
                    out.push((arguments, true));
                }
            }
            _ => {}
        }
    }
    out
}

/// The texts of a whole (non-streamed) chat answer.
pub fn chat_answer_texts(body: &mut Value, json_content: bool) -> Vec<AnswerText<'_>> {
    let Some(choices) = body.get_mut("choices").and_then(Value::as_array_mut) else {
        return Vec::new();
    };
    choices
        .iter_mut()
        .filter_map(|choice| choice.get_mut("message"))
        .flat_map(|message| message_texts(message, json_content))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn request_texts_cover_contents_parts_tool_results_and_arguments_only() {
        let mut body = json!({
            "model": "m", "user": "keep-me",
            "messages": [
                {"role": "system", "content": "a"},
                {"role": "user", "name": "keep", "content": [
                    {"type": "text", "text": "b"},
                    {"type": "image_url", "image_url": {"url": "keep"}}
                ]},
                {"role": "assistant", "content": null, "tool_calls": [
                    {"id": "1", "type": "function", "function": {"name": "keep", "arguments": "{\"c\":1}"}}
                ]},
                {"role": "tool", "tool_call_id": "1", "content": "d"},
                {"role": "assistant", "function_call": {"name": "f", "arguments": "e"}}
            ],
            "prediction": {"type": "content", "content": "f"}
        });
        let texts: Vec<String> = chat_request_texts(&mut body)
            .into_iter()
            .map(|t| t.clone())
            .collect();
        assert_eq!(
            texts,
            ["a", "b", "keep", "{\"c\":1}", "d", "e", "f", "keep-me"]
        );
        for text in chat_request_texts(&mut body) {
            text.push('!');
        }
        assert_eq!(body["messages"][1]["content"][0]["text"], "b!");
        assert_eq!(body["messages"][1]["name"], "keep!");
        assert_eq!(body["user"], "keep-me!");
        assert_eq!(body["model"], "m");
    }

    #[test]
    fn escaped_arguments_are_read_as_the_characters_they_spell() {
        let mut body = json!({
            "messages": [{"role": "assistant", "tool_calls": [{"function": {
                "name": "send", "arguments": "{\"to\": \"Jos\\u00e9 Garc\\u00eda\"}"}}]}],
            "input": [{"type": "function_call", "arguments": "{\"to\":\"Ren\\u00e9e\"}"}]
        });
        normalize_arguments(&mut body);
        let arguments = body["messages"][0]["tool_calls"][0]["function"]["arguments"]
            .as_str()
            .unwrap();
        assert!(arguments.contains("José García"), "{arguments}");
        assert!(body["input"][0]["arguments"]
            .as_str()
            .unwrap()
            .contains("Renée"));
        // Not JSON: left as it is.
        let mut odd = json!({"messages": [{"function_call": {"arguments": "\\u00e9 {"}}]});
        normalize_arguments(&mut odd);
        assert_eq!(
            odd["messages"][0]["function_call"]["arguments"],
            "\\u00e9 {"
        );
    }

    #[test]
    fn answer_texts_and_embeddings() {
        let mut answer = json!({"choices": [{"message": {"content": "x", "tool_calls": [
            {"function": {"arguments": "{}"}}]}}]});
        let texts: Vec<(String, bool)> = chat_answer_texts(&mut answer, false)
            .into_iter()
            .map(|(t, j)| (t.clone(), j))
            .collect();
        assert_eq!(texts, [("x".to_owned(), false), ("{}".to_owned(), true)]);
        let mut input = json!({"input": ["a", 3, "b"]});
        assert_eq!(embeddings_request_texts(&mut input).len(), 2);
    }
}
