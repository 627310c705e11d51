//! Anthropic Messages and OpenAI Responses through the proxy, against the mock provider:
//! whole answers, streams split at every byte (text and tool input), the whole copies a
//! Responses stream repeats, what the provider sees, and the routes without a provider.

use std::sync::Arc;

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::helpers::{AppOptions, TestApp, TENANT};
use crate::proxy::{MockUpstream, PROVIDER_KEY};

const PROMPT: &str = "Write to ann@example.org and charge 4111 1111 1111 1111 for Jane Doe.";
const TEMPLATE: &str = "Done: mailed {0}, charged {1} for {2}. Ça va?";
const EXPECTED: &str =
    "Done: mailed ann@example.org, charged 4111 1111 1111 1111 for Jane Doe. Ça va?";
const VALUES: [&str; 3] = ["ann@example.org", "4111 1111 1111 1111", "Jane Doe"];

/// An app whose OpenAI and Anthropic upstreams are the mock.
async fn app_with_both(template: &str) -> (TestApp, MockUpstream, tempfile::TempDir) {
    let mock = MockUpstream::default();
    *mock.template.lock().unwrap() = template.to_owned();
    let url = mock.start().await;
    let dir = tempfile::tempdir().unwrap();
    let key_file = dir.path().join("provider.key");
    std::fs::write(&key_file, PROVIDER_KEY).unwrap();
    let timeout = std::time::Duration::from_secs(10);
    let upstream = promptvault::proxy::Upstream::new(&url, &key_file, timeout).unwrap();
    let anthropic = promptvault::proxy::Upstream::configured_by(
        "PROMPTVAULT_ANTHROPIC_URL",
        &url,
        &key_file,
        timeout,
    )
    .unwrap();
    let options = AppOptions {
        upstream: Some(Arc::new(upstream)),
        anthropic: Some(Arc::new(anthropic)),
        ..AppOptions::default()
    };
    (crate::helpers::sqlite_app_with(&options).await, mock, dir)
}

/// The events of a stream: (name, data).
fn events(raw: &str) -> Vec<(String, Value)> {
    raw.split("\n\n")
        .filter(|e| !e.trim().is_empty())
        .map(|event| {
            let mut name = String::new();
            let mut data = Value::Null;
            for line in event.lines() {
                if let Some(n) = line.strip_prefix("event: ") {
                    name = n.to_owned();
                } else if let Some(d) = line.strip_prefix("data: ") {
                    data = serde_json::from_str(d).unwrap_or_else(|_| panic!("bad data {d}"));
                }
            }
            assert_eq!(name, data["type"].as_str().unwrap_or(""), "{event}");
            (name, data)
        })
        .collect()
}

/// The text the mock streams for `prompt` once tokenized (its tokens in the template).
async fn streamed_text(app: &TestApp, mock: &MockUpstream, path: &str, body: Value) -> String {
    let jwt = app.jwt(TENANT, "tokenize detokenize", None);
    let answer = app.post_as(&jwt, path, &body).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.raw);
    let sent = mock.last().body.to_string();
    let tokens: Vec<String> = regex::Regex::new(r"\[[A-Z_]+_[0-9a-z]{13}\]")
        .unwrap()
        .find_iter(&sent)
        .map(|m| m.as_str().to_owned())
        .collect();
    let mut text = TEMPLATE.to_owned();
    for (i, token) in tokens.iter().enumerate() {
        text = text.replace(&format!("{{{i}}}"), token);
    }
    text
}

fn messages_body(extra: &Value) -> Value {
    let mut body = json!({
        "model": "claude-test", "max_tokens": 64,
        "system": "You are terse.",
        "messages": [{"role": "user", "content": PROMPT}]
    });
    for (k, v) in extra.as_object().unwrap() {
        body[k] = v.clone();
    }
    body
}

fn responses_body(extra: &Value) -> Value {
    let mut body = json!({"model": "gpt-test", "instructions": "Be terse.", "input": PROMPT});
    for (k, v) in extra.as_object().unwrap() {
        body[k] = v.clone();
    }
    body
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn anthropic_messages_whole_and_streamed_at_every_split_equal() {
    let (app, mock, _dir) = app_with_both(TEMPLATE).await;
    let jwt = app.jwt(TENANT, "tokenize detokenize", None);
    let whole = app
        .post_as(&jwt, "/v1/messages", &messages_body(&json!({})))
        .await;
    assert_eq!(whole.status, StatusCode::OK, "{}", whole.raw);
    assert_eq!(whole.body["content"][0]["text"], EXPECTED, "{}", whole.raw);
    let tool = app
        .post_as(
            &jwt,
            "/v1/messages",
            &messages_body(&json!({"mock_tool": true})),
        )
        .await;
    assert_eq!(
        tool.body["content"][0]["input"],
        json!({"to": EXPECTED}),
        "{}",
        tool.raw
    );

    let text = streamed_text(&app, &mock, "/v1/messages", messages_body(&json!({}))).await;
    let arguments = json!({"to": text}).to_string();
    for (tool, streamed) in [(false, &text), (true, &arguments)] {
        for cut in (0..=streamed.len()).filter(|&c| streamed.is_char_boundary(c)) {
            let body = messages_body(
                &json!({"stream": true, "mock_tool": tool, "mock_split": [cut, cut + 5]}),
            );
            let answer = app.post_as(&jwt, "/v1/messages", &body).await;
            assert_eq!(answer.status, StatusCode::OK, "{}", answer.raw);
            let events = events(&answer.raw);
            let mut pieces = String::new();
            for (name, data) in &events {
                if name == "content_block_delta" {
                    pieces.push_str(
                        data["delta"]["text"]
                            .as_str()
                            .or(data["delta"]["partial_json"].as_str())
                            .unwrap(),
                    );
                }
            }
            if tool {
                let input: Value = serde_json::from_str(&pieces).unwrap();
                assert_eq!(input, json!({"to": EXPECTED}), "split at {cut}");
            } else {
                assert_eq!(pieces, EXPECTED, "split at {cut}");
            }
            // Every delta precedes its block's stop, and the stream ends as it came.
            let stop = events
                .iter()
                .position(|(n, _)| n == "content_block_stop")
                .unwrap();
            assert!(events[stop + 1..]
                .iter()
                .all(|(n, _)| n != "content_block_delta"));
            assert_eq!(events.last().unwrap().0, "message_stop");
        }
    }
    for request in mock.received.lock().unwrap().iter() {
        let sent = request.body.to_string();
        assert!(VALUES.iter().all(|v| !sent.contains(v)), "{sent}");
        assert_eq!(request.headers["x-api-key"], PROVIDER_KEY);
        assert!(!format!("{:?}", request.headers).contains(&jwt));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn openai_responses_whole_and_streamed_at_every_split_equal() {
    let (app, mock, _dir) = app_with_both(TEMPLATE).await;
    let jwt = app.jwt(TENANT, "tokenize detokenize", None);
    let whole = app
        .post_as(&jwt, "/v1/responses", &responses_body(&json!({})))
        .await;
    assert_eq!(whole.status, StatusCode::OK, "{}", whole.raw);
    assert_eq!(
        whole.body["output"][0]["content"][0]["text"], EXPECTED,
        "{}",
        whole.raw
    );
    let tool = app
        .post_as(
            &jwt,
            "/v1/responses",
            &responses_body(&json!({"mock_tool": true})),
        )
        .await;
    let arguments: Value =
        serde_json::from_str(tool.body["output"][0]["arguments"].as_str().unwrap()).unwrap();
    assert_eq!(arguments, json!({"to": EXPECTED}));

    let text = streamed_text(&app, &mock, "/v1/responses", responses_body(&json!({}))).await;
    let streamed_arguments = json!({"to": text}).to_string();
    for (tool, streamed) in [(false, &text), (true, &streamed_arguments)] {
        for cut in (0..=streamed.len()).filter(|&c| streamed.is_char_boundary(c)) {
            let body = responses_body(
                &json!({"stream": true, "mock_tool": tool, "mock_split": [cut, cut + 5]}),
            );
            let answer = app.post_as(&jwt, "/v1/responses", &body).await;
            assert_eq!(answer.status, StatusCode::OK, "{}", answer.raw);
            let mut pieces = String::new();
            let mut whole_copies = Vec::new();
            let events = events(&answer.raw);
            // Numbered anew, events the proxy added included: rising, none twice.
            let numbers: Vec<u64> = events
                .iter()
                .map(|(_, data)| data["sequence_number"].as_u64().unwrap())
                .collect();
            assert!(numbers.windows(2).all(|w| w[0] < w[1]), "{numbers:?}");
            for (name, data) in events {
                match name.as_str() {
                    "response.output_text.delta" | "response.function_call_arguments.delta" => {
                        pieces.push_str(data["delta"].as_str().unwrap());
                    }
                    "response.output_text.done" => whole_copies.push(data["text"].clone()),
                    "response.function_call_arguments.done" => {
                        whole_copies.push(data["arguments"].clone());
                    }
                    "response.content_part.done" => whole_copies.push(data["part"]["text"].clone()),
                    "response.completed" => {
                        let item = &data["response"]["output"][0];
                        whole_copies.push(if tool {
                            item["arguments"].clone()
                        } else {
                            item["content"][0]["text"].clone()
                        });
                    }
                    _ => {}
                }
            }
            let expected = if tool {
                json!({"to": EXPECTED}).to_string()
            } else {
                EXPECTED.to_owned()
            };
            assert_eq!(pieces, expected, "split at {cut}");
            assert!(whole_copies.len() >= 2);
            for copy in whole_copies {
                assert_eq!(
                    copy,
                    pieces.as_str(),
                    "a whole copy differs, split at {cut}"
                );
            }
        }
    }
    for request in mock.received.lock().unwrap().iter() {
        let sent = request.body.to_string();
        assert!(VALUES.iter().all(|v| !sent.contains(v)), "{sent}");
        assert_eq!(
            request.headers["authorization"],
            format!("Bearer {PROVIDER_KEY}").as_str()
        );
    }
}

/// The model's own values follow the output policy in an Anthropic stream too.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn values_the_model_wrote_are_tokenized_in_anthropic_and_responses_streams() {
    let (app, _mock, _dir) = app_with_both("Also ask bob@example.net, re {0}.").await;
    let jwt = app.jwt(TENANT, "tokenize detokenize", None);
    for (path, body) in [
        (
            "/v1/messages",
            messages_body(&json!({"stream": true, "mock_split": [12, 20]})),
        ),
        (
            "/v1/responses",
            responses_body(&json!({"stream": true, "mock_split": [12, 20]})),
        ),
        // One piece holds the whole value, and its log probabilities spell it out.
        (
            "/v1/responses",
            responses_body(&json!({"stream": true, "mock_split": [30]})),
        ),
    ] {
        let answer = app.post_as(&jwt, path, &body).await;
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.raw);
        assert!(
            !answer.raw.contains("bob@example.net"),
            "{path}: {}",
            answer.raw
        );
        assert!(
            answer.raw.contains("ann@example.org"),
            "{path}: {}",
            answer.raw
        );
    }
}

/// A Responses stream that sends its text only whole (no deltas) reveals each token
/// once, whatever number of whole copies repeat it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn whole_copies_without_deltas_are_revealed_once() {
    let (app, _mock, _dir) = app_with_both(TEMPLATE).await;
    let jwt = app.jwt(TENANT, "tokenize detokenize", None);
    let body = responses_body(&json!({"stream": true, "mock_no_deltas": true}));
    let answer = app.post_as(&jwt, "/v1/responses", &body).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.raw);
    let mut copies = 0;
    for (name, data) in events(&answer.raw) {
        if name == "response.output_text.done" {
            assert_eq!(data["text"], EXPECTED);
            copies += 1;
        }
        if name == "response.completed" {
            assert_eq!(
                data["response"]["output"][0]["content"][0]["text"],
                EXPECTED
            );
            copies += 1;
        }
    }
    assert_eq!(copies, 2);
    // The call's summary counts three reveals, not one per copy.
    let admin = app.jwt(TENANT, "admin", None);
    let mut revealed = Value::Null;
    for _ in 0..50 {
        let audit = app
            .request(
                "GET",
                "/v1/admin/audit?action=proxy.chat",
                Some(&admin),
                None,
                Vec::new(),
            )
            .await;
        if let Some(event) = audit.body["events"].as_array().and_then(|e| e.last()) {
            revealed = event["details"]["revealed"].clone();
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert_eq!(revealed, 3);
}

/// Without its provider configured, a route is not there, for anyone.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_route_without_its_provider_answers_404() {
    let app = crate::helpers::sqlite_app().await;
    let jwt = app.jwt(TENANT, "tokenize detokenize", None);
    for path in ["/v1/messages", "/v1/responses", "/v1/chat/completions"] {
        for bearer in [Some(jwt.as_str()), None] {
            let answer = app
                .request(
                    "POST",
                    path,
                    bearer,
                    Some("application/json"),
                    b"{}".to_vec(),
                )
                .await;
            assert_eq!(answer.status, StatusCode::NOT_FOUND, "{path}");
            assert_eq!(answer.headers["content-type"], "application/problem+json");
        }
    }
}

/// The caller's JWT as `x-api-key`; `anthropic-version` and every `anthropic-beta` go to
/// Anthropic as sent (several betas as one list), and nothing else of the caller's.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn anthropic_headers_pass_through_and_the_jwt_does_not() {
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    let (app, mock, _dir) = app_with_both(TEMPLATE).await;
    let jwt = app.jwt(TENANT, "tokenize detokenize", None);
    let request = axum::http::Request::post("/v1/messages")
        .header("x-api-key", &jwt)
        .header("content-type", "application/json")
        .header("anthropic-version", "2023-06-01")
        .header("anthropic-beta", "beta-one")
        .header("anthropic-beta", "beta-two")
        .header("x-custom", "not-forwarded")
        .body(axum::body::Body::from(
            messages_body(&json!({})).to_string(),
        ))
        .unwrap();
    let response = app.router.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let body = response.into_body().collect().await.unwrap().to_bytes();
    let answer: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(answer["content"][0]["text"], EXPECTED);
    let sent = mock.last();
    assert_eq!(sent.headers["anthropic-version"], "2023-06-01");
    assert_eq!(sent.headers["anthropic-beta"], "beta-one,beta-two");
    assert_eq!(sent.headers["x-api-key"], PROVIDER_KEY);
    assert!(sent.headers.get("x-custom").is_none());
    assert!(!format!("{:?}", sent.headers).contains(&jwt));
}
