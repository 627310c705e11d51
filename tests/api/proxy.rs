//! The OpenAI-compatible proxy against a mock provider: a small axum server that records
//! what it receives and answers with the tokens it was sent, whole or streamed in pieces
//! split at every byte position.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use serde_json::{json, Value};

use crate::helpers::{AppOptions, TestApp, TENANT};

pub const PROVIDER_KEY: &str = "sk-provider-key-held-by-the-service-only";

/// What the mock received.
#[derive(Debug, Clone)]
pub struct Received {
    pub path: String,
    pub headers: HeaderMap,
    pub body: Value,
}

/// The mock provider. The answer text is `template` with `{0}`, `{1}`, … replaced by the
/// tokens found in the last message of the request, in order. Request fields the proxy
/// passes through untouched steer it: `mock_split` (byte positions where the streamed
/// content is cut), `mock_tool` (answer with a tool call instead of content),
/// `mock_status` (answer with that error status).
#[derive(Clone, Default)]
pub struct MockUpstream {
    pub received: Arc<Mutex<Vec<Received>>>,
    pub template: Arc<Mutex<String>>,
    /// Set when a slow stream (`mock_slow`) was dropped: its caller went away.
    pub slow_stream_dropped: Arc<std::sync::atomic::AtomicBool>,
}

/// Flags the end of a slow stream when dropped.
struct DropFlag(Arc<std::sync::atomic::AtomicBool>);

impl Drop for DropFlag {
    fn drop(&mut self) {
        self.0.store(true, std::sync::atomic::Ordering::SeqCst);
    }
}

static TOKEN: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"\[[A-Z_]+_[0-9a-z]{13}\]").unwrap());

impl MockUpstream {
    pub async fn start(&self) -> String {
        let mock = self.clone();
        let handler = move |uri: axum::http::Uri, headers: HeaderMap, body: axum::body::Bytes| {
            let mock = mock.clone();
            async move {
                let delay = serde_json::from_slice::<Value>(&body)
                    .ok()
                    .and_then(|b| b["mock_delay_ms"].as_u64());
                if let Some(ms) = delay {
                    tokio::time::sleep(Duration::from_millis(ms)).await;
                }
                mock.answer(&uri, headers, &body)
            }
        };
        let app = axum::Router::new().fallback(axum::routing::post(handler));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await });
        format!("http://{addr}")
    }

    pub fn last(&self) -> Received {
        self.received.lock().unwrap().last().cloned().unwrap()
    }

    fn answer(
        &self,
        uri: &axum::http::Uri,
        headers: HeaderMap,
        body: &[u8],
    ) -> axum::response::Response {
        let body: Value = serde_json::from_slice(body).unwrap_or(Value::Null);
        self.received.lock().unwrap().push(Received {
            path: uri.to_string(),
            headers,
            body: body.clone(),
        });
        if let Some(status) = body["mock_status"].as_u64() {
            let status = StatusCode::from_u16(status as u16).unwrap();
            let message = if status == StatusCode::UNAUTHORIZED {
                "Incorrect API key provided: sk-pro***only"
            } else {
                "slow down"
            };
            let error = json!({"error": {"message": message, "type": "rate_limit", "code": "x"}});
            return (
                status,
                [("content-type", "application/json"), ("retry-after", "7")],
                error.to_string(),
            )
                .into_response();
        }
        if uri.path().ends_with("/embeddings") {
            let answer = json!({"object": "list", "data": [{"object": "embedding", "index": 0, "embedding": [0.5, 0.25]}], "model": "e"});
            return axum::Json(answer).into_response();
        }
        // The last message (chat, Messages) or input item (Responses), as JSON.
        let last = body["messages"]
            .as_array()
            .and_then(|m| m.last())
            .map(|m| m["content"].to_string())
            .or_else(|| match &body["input"] {
                Value::Array(items) => items.last().map(Value::to_string),
                other => Some(other.to_string()),
            })
            .unwrap_or_default();
        let tokens: Vec<String> = TOKEN
            .find_iter(&last)
            .map(|m| m.as_str().to_owned())
            .collect();
        let mut text = self.template.lock().unwrap().clone();
        for (i, token) in tokens.iter().enumerate() {
            text = text.replace(&format!("{{{i}}}"), token);
        }
        let tool = body["mock_tool"].as_bool().unwrap_or(false);
        let arguments = json!({ "to": text }).to_string();
        if uri.path().ends_with("/messages") {
            return crate::provider_mocks::anthropic_answer(&body, &text, tool);
        }
        if uri.path().ends_with("/responses") {
            return crate::provider_mocks::responses_answer(&body, &text, tool);
        }
        if body["mock_plain"].as_bool() == Some(true) {
            return ([("content-type", "text/plain")], text).into_response();
        }
        if body["mock_parts"].as_bool() == Some(true) {
            let message = json!({"role": "assistant", "content": [{"type": "text", "text": text}]});
            return axum::Json(json!({
                "id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": "mock",
                "choices": [{"index": 0, "message": message, "finish_reason": "stop"}]
            }))
            .into_response();
        }
        if body["stream"].as_bool() != Some(true) {
            let message = if tool {
                json!({"role": "assistant", "content": null, "tool_calls": [
                    {"id": "call_1", "type": "function", "function": {"name": "send", "arguments": arguments}}]})
            } else {
                json!({"role": "assistant", "content": text})
            };
            return axum::Json(json!({
                "id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": "mock",
                "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
                "usage": {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3}
            }))
            .into_response();
        }
        if body["mock_slow"].as_bool() == Some(true) {
            let flag = DropFlag(Arc::clone(&self.slow_stream_dropped));
            let stream = futures_util::stream::unfold((flag, 0u32), |(flag, i)| async move {
                if i > 0 {
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
                let chunk = json!({"choices": [{"index": 0, "delta": {"content": "word "}, "finish_reason": null}]});
                (i < 10_000).then(|| {
                    (
                        Ok::<_, std::convert::Infallible>(axum::body::Bytes::from(format!(
                            "data: {chunk}\n\n"
                        ))),
                        (flag, i + 1),
                    )
                })
            });
            return (
                [("content-type", "text/event-stream")],
                axum::body::Body::from_stream(stream),
            )
                .into_response();
        }
        if body["mock_break"].as_bool() == Some(true) {
            let chunk = json!({"choices": [{"index": 0, "delta": {"content": text}, "finish_reason": null}]});
            let first = axum::body::Bytes::from(format!("data: {chunk}\n\n"));
            // The first chunk, then (once it surely went out) a broken connection.
            let stream = futures_util::stream::unfold(0u8, move |i| {
                let first = first.clone();
                async move {
                    match i {
                        0 => Some((Ok(first), 1)),
                        1 => {
                            tokio::time::sleep(Duration::from_millis(100)).await;
                            Some((Err(std::io::Error::other("connection reset")), 2))
                        }
                        _ => None,
                    }
                }
            });
            return (
                [("content-type", "text/event-stream")],
                axum::body::Body::from_stream(stream),
            )
                .into_response();
        }
        let streamed = if tool { arguments } else { text };
        let cuts = cuts_of(&body, &streamed);
        let chunk = |delta: Value, finish: Value| {
            let chunk = json!({"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1,
                "model": "mock", "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]});
            format!("data: {chunk}\n\n")
        };
        let mut events = vec![chunk(
            json!({"role": "assistant", "content": ""}),
            Value::Null,
        )];
        let mut from = 0;
        for cut in cuts {
            let piece = &streamed[from..cut];
            from = cut;
            let delta = if tool {
                json!({"tool_calls": [{"index": 0, "function": {"arguments": piece}}]})
            } else {
                json!({"content": piece})
            };
            events.push(chunk(delta, Value::Null));
        }
        events.push(chunk(json!({}), json!("stop")));
        events.push(
            "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"choices\":[],\"usage\":{\"total_tokens\":3}}\n\n"
                .to_owned(),
        );
        events.push("data: [DONE]\n\n".to_owned());
        if body["mock_two_tools"].as_bool() == Some(true) {
            // Two parallel tool calls, one after the other, each split at the cuts.
            let mut two = vec![events.remove(0)];
            for (index, key) in [(0, "to"), (1, "cc")] {
                let arguments = json!({ key: streamed }).to_string();
                let mut from = 0;
                for (n, cut) in cuts_of(&body, &arguments).into_iter().enumerate() {
                    let mut call =
                        json!({"index": index, "function": {"arguments": &arguments[from..cut]}});
                    if n == 0 {
                        call["id"] = json!(format!("call_{index}"));
                        call["type"] = json!("function");
                        call["function"]["name"] = json!("send");
                    }
                    from = cut;
                    two.push(chunk(json!({ "tool_calls": [call] }), Value::Null));
                }
            }
            two.push(chunk(json!({}), json!("tool_calls")));
            two.push("data: [DONE]\n\n".to_owned());
            events = two;
        }
        if body["mock_odd_framing"].as_bool() == Some(true) {
            // `id:` and `event:` lines, and a last event without its blank line.
            events = events
                .into_iter()
                .enumerate()
                .map(|(n, e)| format!("id: {n}\nevent: chunk\n{e}"))
                .collect();
            if let Some(last) = events.last_mut() {
                last.truncate(last.len() - 2);
            }
        }
        crate::provider_mocks::stream(events)
    }
}

/// Where the mock cuts `text` (`mock_split`, on character boundaries), ending with its end.
pub fn cuts_of(body: &Value, text: &str) -> Vec<usize> {
    let mut cuts: Vec<usize> = body["mock_split"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_u64)
        .map(|c| c as usize)
        .filter(|&c| c < text.len() && text.is_char_boundary(c))
        .collect();
    cuts.push(text.len());
    cuts.sort_unstable();
    cuts
}

pub async fn proxy_app(
    app_options: AppOptions,
    template: &str,
) -> (TestApp, MockUpstream, Arc<tempfile::TempDir>) {
    proxy_app_timing_out_after(app_options, template, Duration::from_secs(10)).await
}

/// As [`proxy_app`], with the upstream time limit `timeout`.
pub async fn proxy_app_timing_out_after(
    app_options: AppOptions,
    template: &str,
    timeout: Duration,
) -> (TestApp, MockUpstream, Arc<tempfile::TempDir>) {
    let mock = MockUpstream::default();
    *mock.template.lock().unwrap() = template.to_owned();
    let url = mock.start().await;
    let dir = Arc::new(tempfile::tempdir().unwrap());
    let key_file = dir.path().join("provider.key");
    std::fs::write(&key_file, format!("{PROVIDER_KEY}\n")).unwrap();
    let upstream = promptvault::proxy::Upstream::new(&url, &key_file, timeout).unwrap();
    let options = AppOptions {
        upstream: Some(Arc::new(upstream)),
        ..app_options
    };
    (crate::helpers::sqlite_app_with(&options).await, mock, dir)
}

const PROMPT: &str = "Write to ann@example.org and charge 4111 1111 1111 1111 for Jane Doe.";
const VALUES: [&str; 3] = ["ann@example.org", "4111 1111 1111 1111", "Jane Doe"];
const TEMPLATE: &str = "Done: mailed {0}, charged {1} for {2}. Ça va?";
const EXPECTED: &str =
    "Done: mailed ann@example.org, charged 4111 1111 1111 1111 for Jane Doe. Ça va?";

async fn chat(app: &TestApp, bearer: &str, body: Value) -> crate::helpers::Answer {
    app.post_as(bearer, "/v1/chat/completions", &body).await
}

fn request(extra: &Value) -> Value {
    let mut body = json!({
        "model": "gpt-test",
        "temperature": 0.2,
        "some_future_field": {"kept": true},
        "messages": [
            {"role": "system", "content": "You are terse."},
            {"role": "user", "content": PROMPT}
        ]
    });
    if let (Some(body), Some(extra)) = (body.as_object_mut(), extra.as_object()) {
        for (k, v) in extra {
            body.insert(k.clone(), v.clone());
        }
    }
    body
}

/// The streamed content of an SSE answer, and its events.
fn reassemble(raw: &str) -> (String, Vec<String>) {
    let events: Vec<String> = raw
        .split("\n\n")
        .filter(|e| !e.is_empty())
        .map(str::to_owned)
        .collect();
    let mut content = String::new();
    for event in &events {
        let data = event
            .strip_prefix("data: ")
            .unwrap_or_else(|| panic!("bad event {event}"));
        if data == "[DONE]" {
            continue;
        }
        let chunk: Value = serde_json::from_str(data).unwrap();
        assert!(chunk.get("error").is_none(), "{chunk}");
        for choice in chunk["choices"].as_array().unwrap() {
            if let Some(text) = choice["delta"]["content"].as_str() {
                content.push_str(text);
            }
            if let Some(calls) = choice["delta"]["tool_calls"].as_array() {
                for call in calls {
                    content.push_str(call["function"]["arguments"].as_str().unwrap_or(""));
                }
            }
        }
    }
    (content, events)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_provider_sees_tokens_and_its_own_key_and_the_caller_gets_values() {
    let (app, mock, _dir) = proxy_app(AppOptions::default(), TEMPLATE).await;
    let jwt = app.jwt(TENANT, "tokenize detokenize", None);
    let answer = chat(&app, &jwt, request(&json!({}))).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.raw);
    assert_eq!(answer.body["choices"][0]["message"]["content"], EXPECTED);
    assert_eq!(answer.body["usage"]["total_tokens"], 3);

    let received = mock.last();
    assert_eq!(received.path, "/v1/chat/completions");
    let sent = received.body.to_string();
    for value in VALUES {
        assert!(!sent.contains(value), "the provider received {value}");
    }
    assert_eq!(received.body["messages"][0]["content"], "You are terse.");
    assert_eq!(received.body["some_future_field"]["kept"], true);
    assert_eq!(received.body["temperature"], 0.2);
    assert_eq!(
        received.headers["authorization"].to_str().unwrap(),
        format!("Bearer {PROVIDER_KEY}")
    );
    assert!(!format!("{:?}", received.headers).contains(&jwt));

    // Without a detokenize scope the caller gets the tokens; with one type, that type.
    let tokens_only = app.jwt(TENANT, "tokenize", None);
    let answer = chat(&app, &tokens_only, request(&json!({}))).await;
    let content = answer.body["choices"][0]["message"]["content"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        content.contains("[EMAIL_") && content.contains("[PERSON_"),
        "{content}"
    );
    assert!(VALUES.iter().all(|v| !content.contains(v)));
    let emails = app.jwt(TENANT, "tokenize detokenize:EMAIL", None);
    let answer = chat(&app, &emails, request(&json!({}))).await;
    let content = answer.body["choices"][0]["message"]["content"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        content.contains("ann@example.org") && content.contains("[PERSON_"),
        "{content}"
    );

    // Every reveal is on record.
    let admin = app.jwt(TENANT, "admin", None);
    let audit = app
        .request(
            "GET",
            "/v1/admin/audit?action=detokenize",
            Some(&admin),
            None,
            Vec::new(),
        )
        .await;
    let events = audit.body["events"].as_array().unwrap();
    assert!(!events.is_empty());
    assert!(events
        .iter()
        .all(|e| e["details"].to_string().contains("proxy")));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_streamed_answer_split_at_every_byte_equals_the_whole_one() {
    let (app, mock, _dir) = proxy_app(AppOptions::default(), TEMPLATE).await;
    let jwt = app.jwt(TENANT, "tokenize detokenize", None);
    let whole = chat(&app, &jwt, request(&json!({}))).await;
    let expected = whole.body["choices"][0]["message"]["content"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(expected, EXPECTED);
    // The text the provider streams, tokens included.
    let tokenized = mock.last().body["messages"][1]["content"]
        .as_str()
        .unwrap()
        .to_owned();
    let tokens: Vec<&str> = TOKEN.find_iter(&tokenized).map(|m| m.as_str()).collect();
    let mut streamed = TEMPLATE.to_owned();
    for (i, token) in tokens.iter().enumerate() {
        streamed = streamed.replace(&format!("{{{i}}}"), token);
    }
    for cut in (0..=streamed.len()).filter(|&c| streamed.is_char_boundary(c)) {
        let answer = chat(
            &app,
            &jwt,
            request(&json!({"stream": true, "stream_options": {"include_usage": true}, "mock_split": [cut, cut + 3]})),
        )
        .await;
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.raw);
        assert_eq!(answer.headers["content-type"], "text/event-stream");
        let (content, events) = reassemble(&answer.raw);
        assert_eq!(content, expected, "split at {cut}");
        if cut == 13 {
            // Forwarded as it comes, not buffered whole: the first piece goes out alone.
            let first: Value = serde_json::from_str(&events[1]["data: ".len()..]).unwrap();
            assert_eq!(first["choices"][0]["delta"]["content"], "Done: mailed ");
        }
        assert_eq!(events.last().map(String::as_str), Some("data: [DONE]"));
        assert!(
            events.iter().any(|e| e.contains("\"usage\"")),
            "usage chunk kept"
        );
        assert!(events
            .iter()
            .any(|e| e.contains("\"finish_reason\":\"stop\"")));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tool_calls_round_trip_whole_and_streamed() {
    let (app, mock, _dir) = proxy_app(AppOptions::default(), "{0} \"quoted\"").await;
    let jwt = app.jwt(TENANT, "tokenize detokenize", None);
    let mut body = request(&json!({"mock_tool": true}));
    body["messages"] = json!([
        {"role": "user", "content": "Mail ann@example.org"},
        {"role": "assistant", "content": null, "tool_calls": [{"id": "c0", "type": "function",
            "function": {"name": "lookup", "arguments": "{\"email\":\"ann@example.org\"}"}}]},
        {"role": "tool", "tool_call_id": "c0", "content": "ann@example.org is Jane Doe"},
        {"role": "user", "content": "Now mail ann@example.org"}
    ]);
    let answer = chat(&app, &jwt, body.clone()).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.raw);
    let sent = mock.last().body.to_string();
    assert!(
        !sent.contains("ann@example.org") && !sent.contains("Jane Doe"),
        "{sent}"
    );
    let arguments = answer.body["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"]
        .as_str()
        .unwrap()
        .to_owned();
    let parsed: Value = serde_json::from_str(&arguments).unwrap();
    assert_eq!(parsed["to"], "ann@example.org \"quoted\"");

    let streamed_len = json!({"to": "[EMAIL_0123456789abc] \"quoted\""})
        .to_string()
        .len();
    for cut in 0..=streamed_len {
        body["stream"] = json!(true);
        body["mock_split"] = json!([cut]);
        let answer = chat(&app, &jwt, body.clone()).await;
        let (arguments, _) = reassemble(&answer.raw);
        assert_eq!(
            arguments,
            json!({"to": "ann@example.org \"quoted\""}).to_string(),
            "cut {cut}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tokens_the_model_altered_are_restored_only_when_certain() {
    let (app, mock, _dir) = proxy_app(AppOptions::default(), "placeholder").await;
    let jwt = app.jwt(TENANT, "tokenize detokenize", None);
    let first = chat(&app, &jwt, request(&json!({}))).await;
    assert_eq!(first.status, StatusCode::OK);
    let tokenized = mock.last().body["messages"][1]["content"]
        .as_str()
        .unwrap()
        .to_owned();
    let email = TOKEN.find(&tokenized).unwrap().as_str().to_owned();
    let bare = email.trim_matches(|c| c == '[' || c == ']').to_owned();
    let mut altered_id = bare.clone();
    let last = altered_id.pop().unwrap();
    altered_id.push(if last == 'a' { 'b' } else { 'a' });
    *mock.template.lock().unwrap() = format!(
        "A {} B {} C [{}] D {}",
        email.to_lowercase(),
        bare,
        altered_id,
        email.to_uppercase()
    );
    let answer = chat(&app, &jwt, request(&json!({}))).await;
    let content = answer.body["choices"][0]["message"]["content"]
        .as_str()
        .unwrap();
    assert_eq!(
        content,
        format!("A ann@example.org B ann@example.org C [{altered_id}] D ann@example.org")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn values_the_model_wrote_itself_follow_the_output_policy() {
    let (app, _mock, _dir) =
        proxy_app(AppOptions::default(), "Also ask bob@example.net, re {0}.").await;
    let jwt = app.jwt(TENANT, "tokenize detokenize", None);
    let admin = app.jwt(TENANT, "admin", None);
    let set = |output: &'static str| {
        let app = &app;
        let admin = admin.clone();
        async move {
            let answer = app
                .request(
                    "PUT",
                    "/v1/admin/policy",
                    Some(&admin),
                    Some("application/json"),
                    json!({ "output": output }).to_string().into_bytes(),
                )
                .await;
            assert_eq!(answer.status, StatusCode::OK, "{}", answer.raw);
        }
    };
    // Default: tokenize. The model's own address becomes a token; the prompt's is revealed.
    let answer = chat(&app, &jwt, request(&json!({}))).await;
    let content = answer.body["choices"][0]["message"]["content"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        !content.contains("bob@example.net") && content.contains("[EMAIL_"),
        "{content}"
    );
    assert!(content.contains("ann@example.org"), "{content}");

    set("pass").await;
    let answer = chat(&app, &jwt, request(&json!({}))).await;
    let content = answer.body["choices"][0]["message"]["content"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(content.contains("bob@example.net"), "{content}");

    set("block").await;
    let answer = chat(&app, &jwt, request(&json!({}))).await;
    assert_eq!(answer.status, StatusCode::BAD_GATEWAY, "{}", answer.raw);
    assert_eq!(answer.body["title"], "output_blocked");
    assert!(!answer.raw.contains("bob@example.net") && !answer.raw.contains("ann@example.org"));
    let streamed = chat(
        &app,
        &jwt,
        request(&json!({"stream": true, "mock_split": [5]})),
    )
    .await;
    assert!(streamed.raw.contains("output_blocked"), "{}", streamed.raw);
    assert!(!streamed.raw.contains("bob@example.net"));
    assert!(!streamed.raw.contains("[DONE]"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn provider_errors_azure_embeddings_and_refusals() {
    let (app, mock, _dir) = proxy_app(AppOptions::default(), "{0}").await;
    let jwt = app.jwt(TENANT, "tokenize detokenize", None);
    // An upstream error reaches the caller as the provider shaped it.
    let answer = chat(&app, &jwt, request(&json!({"mock_status": 429}))).await;
    assert_eq!(answer.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(answer.body["error"]["message"], "slow down");
    assert_eq!(answer.headers["retry-after"], "7");

    // Azure: the provider key goes in api-key; the caller may send its JWT the same way.
    let request_body = request(&json!({}));
    let azure = app
        .router
        .clone()
        .oneshot_request(
            "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21",
            &jwt,
            &request_body,
        )
        .await;
    assert_eq!(azure.0, StatusCode::OK, "{}", azure.1);
    let received = mock.last();
    assert_eq!(
        received.path,
        "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21"
    );
    assert_eq!(received.headers["api-key"], PROVIDER_KEY);
    assert!(received.headers.get("authorization").is_none());

    // Embeddings: the input is tokenized, the vectors come back untouched.
    let answer = app
        .post_as(
            &jwt,
            "/v1/embeddings",
            &json!({"model": "e", "input": ["Mail ann@example.org", 7]}),
        )
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.raw);
    assert_eq!(answer.body["data"][0]["embedding"][1], 0.25);
    let sent = mock.last().body;
    assert!(sent["input"][0]
        .as_str()
        .unwrap()
        .starts_with("Mail [EMAIL_"));
    assert_eq!(sent["input"][1], 7);

    // Bad input and bad callers never reach the provider.
    let before = mock.received.lock().unwrap().len();
    let bad = app
        .request(
            "POST",
            "/v1/chat/completions",
            Some(&jwt),
            Some("application/json"),
            b"{".to_vec(),
        )
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    let none = app
        .request(
            "POST",
            "/v1/chat/completions",
            None,
            Some("application/json"),
            b"{}".to_vec(),
        )
        .await;
    assert_eq!(none.status, StatusCode::UNAUTHORIZED);
    let reader = app.jwt(TENANT, "detokenize", None);
    assert_eq!(
        chat(&app, &reader, request(&json!({}))).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(mock.received.lock().unwrap().len(), before);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn streamed_values_the_model_wrote_are_seen_whole_whatever_the_split() {
    let template = "Card 5500 0000 0000 0004 or mail bob@example.net, re {0}.";
    let (app, _mock, _dir) = proxy_app(AppOptions::default(), template).await;
    let jwt = app.jwt(TENANT, "tokenize detokenize", None);
    for cut in 0..=70 {
        let answer = chat(
            &app,
            &jwt,
            request(&json!({"stream": true, "mock_split": [cut, cut + 5, cut + 9]})),
        )
        .await;
        let (content, _) = reassemble(&answer.raw);
        assert!(!content.contains("bob@example.net"), "cut {cut}: {content}");
        assert!(!content.contains("0004"), "cut {cut}: {content}");
        assert!(
            content.contains("ann@example.org") && content.matches("[EMAIL_").count() == 1,
            "cut {cut}: {content}"
        );
        assert!(content.contains("[CREDIT_CARD_"), "cut {cut}: {content}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_caller_that_goes_away_cancels_the_upstream_stream() {
    use http_body_util::BodyExt;
    let (app, mock, _dir) = proxy_app(AppOptions::default(), "x").await;
    let jwt = app.jwt(TENANT, "tokenize detokenize", None);
    let request = axum::http::Request::post("/v1/chat/completions")
        .header("authorization", format!("Bearer {jwt}"))
        .header("content-type", "application/json")
        .body(axum::body::Body::from(
            request(&json!({"stream": true, "mock_slow": true})).to_string(),
        ))
        .unwrap();
    let response = tower::ServiceExt::oneshot(app.router.clone(), request)
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let mut body = response.into_body();
    let first = body.frame().await.unwrap().unwrap();
    assert!(first.data_ref().is_some());
    assert!(!mock
        .slow_stream_dropped
        .load(std::sync::atomic::Ordering::SeqCst));
    drop(body);
    for _ in 0..100 {
        if mock
            .slow_stream_dropped
            .load(std::sync::atomic::Ordering::SeqCst)
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("the upstream stream was still running 2 s after the caller left");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_broken_upstream_stream_ends_with_an_error_event_and_a_refused_key_is_not_echoed() {
    let (app, _mock, _dir) = proxy_app(AppOptions::default(), "Hello {0}").await;
    let jwt = app.jwt(TENANT, "tokenize detokenize", None);
    let answer = chat(
        &app,
        &jwt,
        request(&json!({"stream": true, "mock_break": true})),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(answer.raw.contains("ann@example.org"), "{}", answer.raw);
    assert!(
        answer.raw.contains("upstream_disconnected"),
        "{}",
        answer.raw
    );
    assert!(!answer.raw.contains("[DONE]"));

    let refused = chat(&app, &jwt, request(&json!({"mock_status": 401}))).await;
    assert_eq!(refused.status, StatusCode::BAD_GATEWAY, "{}", refused.raw);
    assert_eq!(refused.body["title"], "upstream_credentials");
    assert!(!refused.raw.contains("sk-pro"), "{}", refused.raw);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_honey_token_echoed_by_the_model_stays_hidden_and_is_an_anomaly() {
    let (app, _mock, _dir) = proxy_app(AppOptions::default(), "See {0}.").await;
    let admin = app.jwt(TENANT, "admin", None);
    let honey = app
        .post_as(&admin, "/v1/admin/honeytokens", &json!({"type": "EMAIL"}))
        .await
        .body["token"]
        .as_str()
        .unwrap()
        .to_owned();
    let jwt = app.jwt_as("prober", TENANT, "tokenize detokenize", None, false);
    let mut body = request(&json!({}));
    body["messages"][1]["content"] = json!(format!("What is {honey}?"));
    let answer = chat(&app, &jwt, body).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.raw);
    assert_eq!(
        answer.body["choices"][0]["message"]["content"],
        format!("See {honey}.")
    );
    // The call's summary and anomaly check run just after the answer.
    for _ in 0..100 {
        let events = app
            .request(
                "GET",
                "/v1/admin/audit?action=anomaly",
                Some(&admin),
                None,
                Vec::new(),
            )
            .await
            .body["events"]
            .clone();
        if let Some(event) = events.as_array().and_then(|e| e.first()) {
            assert_eq!(event["outcome"], "honey_token");
            assert_eq!(event["sub"], "prober");
            return;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("no anomaly event for the honey token");
}

/// Per tool-call index, the arguments as a client accumulates them; checks that a call's
/// arguments are complete JSON when the next call starts (SDKs close it then).
fn tool_arguments(raw: &str) -> Vec<String> {
    let mut calls: Vec<String> = Vec::new();
    for event in raw.split("\n\n").filter(|e| e.starts_with("data: {")) {
        let chunk: Value = serde_json::from_str(&event["data: ".len()..]).unwrap();
        for call in chunk["choices"][0]["delta"]["tool_calls"]
            .as_array()
            .into_iter()
            .flatten()
        {
            let index = call["index"].as_u64().unwrap() as usize;
            if index == calls.len() {
                if let Some(previous) = calls.last() {
                    assert!(
                        serde_json::from_str::<Value>(previous).is_ok(),
                        "cut off: {previous}"
                    );
                }
                calls.push(String::new());
            }
            calls[index].push_str(call["function"]["arguments"].as_str().unwrap_or(""));
        }
    }
    calls
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn parallel_tool_calls_odd_framing_and_json_answers_stream_correctly() {
    let (app, _mock, _dir) = proxy_app(AppOptions::default(), "{0} \"q\"").await;
    let jwt = app.jwt(TENANT, "tokenize detokenize", None);
    let mut body = request(&json!({"stream": true, "mock_two_tools": true}));
    body["messages"][1]["content"] = json!("Mail ann@example.org");
    for cut in 0..40 {
        body["mock_split"] = json!([cut, cut + 4]);
        let answer = chat(&app, &jwt, body.clone()).await;
        let calls = tool_arguments(&answer.raw);
        assert_eq!(calls.len(), 2, "cut {cut}: {}", answer.raw);
        assert_eq!(
            calls[0],
            json!({"to": "ann@example.org \"q\""}).to_string(),
            "cut {cut}"
        );
        assert_eq!(
            calls[1],
            json!({"cc": "ann@example.org \"q\""}).to_string(),
            "cut {cut}"
        );
    }

    // `id:`/`event:` lines are kept, the data still rewritten; a last event without its
    // blank line is still processed.
    let (app, _mock, _dir) = proxy_app(AppOptions::default(), TEMPLATE).await;
    let jwt = app.jwt(TENANT, "tokenize detokenize", None);
    for cut in [0, 20, 31, 44] {
        let answer = chat(
            &app,
            &jwt,
            request(&json!({"stream": true, "mock_odd_framing": true, "mock_split": [cut]})),
        )
        .await;
        assert!(answer.raw.contains("event: chunk\n"), "{}", answer.raw);
        let content: String = answer
            .raw
            .split("\n\n")
            .filter_map(|e| e.lines().find_map(|l| l.strip_prefix("data: {")))
            .map(|data| serde_json::from_str::<Value>(&format!("{{{data}")).unwrap())
            .filter_map(|chunk| {
                chunk["choices"][0]["delta"]["content"]
                    .as_str()
                    .map(str::to_owned)
            })
            .collect();
        assert_eq!(content, EXPECTED, "cut {cut}");
        assert!(
            answer.raw.trim_end().ends_with("data: [DONE]"),
            "{}",
            answer.raw
        );
    }

    // A JSON answer gets revealed values escaped for JSON.
    let (app, _mock, _dir) = proxy_app(AppOptions::default(), "{\"name\": \"{0}\"}").await;
    let jwt = app.jwt(TENANT, "tokenize detokenize", None);
    let mut body = request(&json!({"response_format": {"type": "json_object"}}));
    body["messages"][1]["content"] = json!("Who is \"Jane Doe\"?");
    let answer = chat(&app, &jwt, body).await;
    let content = answer.body["choices"][0]["message"]["content"]
        .as_str()
        .unwrap();
    let parsed: Value =
        serde_json::from_str(content).unwrap_or_else(|_| panic!("not JSON: {content}"));
    assert_eq!(parsed["name"], "Jane Doe");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_provider_that_does_not_answer_in_time_gives_504() {
    let (app, _mock, _dir) =
        proxy_app_timing_out_after(AppOptions::default(), "{0}", Duration::from_millis(300)).await;
    let jwt = app.jwt(TENANT, "tokenize detokenize", None);
    let answer = chat(&app, &jwt, request(&json!({"mock_delay_ms": 2000}))).await;
    assert_eq!(answer.status, StatusCode::GATEWAY_TIMEOUT, "{}", answer.raw);
    assert_eq!(answer.body["title"], "upstream_timeout");
    assert_eq!(answer.headers["content-type"], "application/problem+json");
    let on_time = chat(&app, &jwt, request(&json!({"mock_delay_ms": 10}))).await;
    assert_eq!(on_time.status, StatusCode::OK, "{}", on_time.raw);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_an_upstream_the_proxy_routes_do_not_exist() {
    let app = crate::helpers::sqlite_app().await;
    let jwt = app.jwt(TENANT, "tokenize detokenize", None);
    let answer = chat(&app, &jwt, request(&json!({}))).await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
}

/// Sends a request with `api-key` instead of `Authorization`.
trait AzureRequest {
    async fn oneshot_request(self, path: &str, key: &str, body: &Value) -> (StatusCode, String);
}

impl AzureRequest for axum::Router {
    async fn oneshot_request(self, path: &str, key: &str, body: &Value) -> (StatusCode, String) {
        use http_body_util::BodyExt;
        use tower::ServiceExt;
        let request = axum::http::Request::post(path)
            .header("api-key", key)
            .header("content-type", "application/json")
            .body(axum::body::Body::from(body.to_string()))
            .unwrap();
        let response = self.oneshot(request).await.unwrap();
        let status = response.status();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        (status, String::from_utf8_lossy(&bytes).into_owned())
    }
}

/// An answer outside the usual shape is revealed and checked all the same: a 2xx that is
/// not JSON (its whole body is the text), and message content given as parts.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn plain_text_answers_and_content_parts_are_revealed_and_checked() {
    let template = "Done: mailed {0}; the model adds bob@elsewhere.example itself.";
    let (app, _mock, _dir) = proxy_app(AppOptions::default(), template).await;
    let bearer = app.jwt(TENANT, "tokenize detokenize", None);
    for shape in ["mock_plain", "mock_parts"] {
        let body = json!({
            "model": "m",
            "messages": [{"role": "user", "content": "write to ann@example.org"}],
            shape: true
        });
        let answer = app.post_as(&bearer, "/v1/chat/completions", &body).await;
        assert_eq!(answer.status, StatusCode::OK, "{shape}: {}", answer.raw);
        assert!(
            answer.raw.contains("mailed ann@example.org"),
            "{shape}: {}",
            answer.raw
        );
        assert!(
            !answer.raw.contains("bob@elsewhere.example") && answer.raw.contains("[EMAIL_"),
            "the model's own value is tokenized ({shape}): {}",
            answer.raw
        );
    }
}

/// Values the model wrote that the output policy tokenized cost the caller's tokenize
/// limit like values it sent: having the model echo guesses is no way around it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn values_the_model_wrote_count_against_the_tokenize_limit() {
    // More values than the whole limit: a charge that could be refused would count none.
    let template = "Ask a1@example.net, a2@example.net, a3@example.net, a4@example.net, \
                    a5@example.net, a6@example.net, a7@example.net, a8@example.net, \
                    a9@example.net and a10@example.net.";
    let options = AppOptions {
        rate_limits: Some(promptvault::guard::ratelimit::RateLimits {
            tokenize_per_sub: 8,
            ..Default::default()
        }),
        ..AppOptions::default()
    };
    let (app, _mock, _dir) = proxy_app(options, template).await;
    let jwt = app.jwt(TENANT, "tokenize detokenize", None);
    let body = json!({
        "model": "gpt-test",
        "messages": [{"role": "user", "content": "mail ann@example.org"}]
    });
    let answer = chat(&app, &jwt, body).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.raw);
    let content = answer.body["choices"][0]["message"]["content"]
        .as_str()
        .unwrap();
    assert_eq!(content.matches("[EMAIL_").count(), 10, "{content}");

    // One unit for the call and ten for the model's values: past 8 already.
    let more = app
        .post_as(
            &jwt,
            "/v1/tokenize",
            &json!({"text": "b@example.org c@example.org"}),
        )
        .await;
    assert_eq!(more.status, StatusCode::TOO_MANY_REQUESTS, "{}", more.raw);
}
