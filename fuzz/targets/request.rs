//! Request bodies as the proxy reads them: any bytes that parse as JSON, taken as a chat
//! completions, embeddings or answer body, must not panic; every text handed out for
//! tokenizing is a string of the body, and writing them back leaves a body that still
//! serializes.

use promptvault::proxy::messages::{chat_answer_texts, chat_request_texts, embeddings_request_texts};
use serde_json::Value;

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let Ok(original) = serde_json::from_slice::<Value>(data) else {
            return;
        };
        let strings = count_strings(&original);
        let mut body = original.clone();
        let texts = chat_request_texts(&mut body);
        assert!(texts.len() <= strings, "more texts than strings");
        for text in texts {
            text.push_str(" [EMAIL_0000000000000]");
        }
        assert!(serde_json::to_vec(&body).is_ok());

        let mut body = original.clone();
        assert!(embeddings_request_texts(&mut body).len() <= strings);
        let mut body = original;
        for json_content in [false, true] {
            assert!(chat_answer_texts(&mut body, json_content).len() <= strings);
        }
    });
}

fn count_strings(value: &Value) -> usize {
    match value {
        Value::String(_) => 1,
        Value::Array(items) => items.iter().map(count_strings).sum(),
        Value::Object(fields) => fields.values().map(count_strings).sum(),
        _ => 0,
    }
}
