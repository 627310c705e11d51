//! OpenTelemetry traces: the binary with `OTEL_EXPORTER_OTLP_ENDPOINT` pointing at a
//! collector stand-in (an HTTP server that keeps what it receives on `/v1/traces`) sends
//! spans for the request, authentication, detection, the store and the upstream call,
//! and none of them holds a value, a token, the JWT or the provider key.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{json, Value};

use crate::process::{mint, Service};

/// The collector stand-in: every OTLP/HTTP JSON body it was sent.
async fn collector() -> (String, Arc<Mutex<Vec<Value>>>) {
    let received = Arc::new(Mutex::new(Vec::new()));
    let kept = Arc::clone(&received);
    let app = axum::Router::new().route(
        "/v1/traces",
        axum::routing::post(move |body: axum::body::Bytes| {
            let kept = Arc::clone(&kept);
            async move {
                if let Ok(value) = serde_json::from_slice::<Value>(&body) {
                    kept.lock().unwrap().push(value);
                }
                axum::Json(json!({}))
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await });
    (format!("http://{addr}"), received)
}

/// The names of every span received so far.
fn span_names(received: &[Value]) -> Vec<String> {
    let mut names = Vec::new();
    for batch in received {
        for resource in batch["resourceSpans"].as_array().into_iter().flatten() {
            for scope in resource["scopeSpans"].as_array().into_iter().flatten() {
                for span in scope["spans"].as_array().into_iter().flatten() {
                    names.push(span["name"].as_str().unwrap_or("").to_owned());
                }
            }
        }
    }
    names
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn spans_reach_the_collector_and_hold_no_value() {
    let (endpoint, received) = collector().await;
    let mock = crate::proxy::MockUpstream::default();
    *mock.template.lock().unwrap() = "Sent to {0}.".to_owned();
    let upstream = mock.start().await;
    let dir = tempfile::tempdir().unwrap();
    let key_file = dir.path().join("provider.key");
    std::fs::write(&key_file, crate::proxy::PROVIDER_KEY).unwrap();
    let env = vec![
        ("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint),
        ("OTEL_BSP_SCHEDULE_DELAY", "100".to_owned()),
        ("PROMPTVAULT_UPSTREAM_URL", upstream),
        (
            "PROMPTVAULT_UPSTREAM_API_KEY_FILE",
            key_file.display().to_string(),
        ),
    ];
    let service = Service::start(dir.path(), &env);
    let jwt = mint(dir.path(), &env, "tokenize detokenize");
    let client = reqwest::Client::new();
    let prompt = "Mail ann@example.org about card 4111 1111 1111 1111.";
    let tokenized: Value = client
        .post(format!("{}/v1/tokenize", service.base))
        .bearer_auth(&jwt)
        .json(&json!({ "text": prompt }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let tokens = tokenized["text"].as_str().unwrap().to_owned();
    let revealed = client
        .post(format!("{}/v1/detokenize", service.base))
        .bearer_auth(&jwt)
        .json(&json!({ "text": tokens }))
        .send()
        .await
        .unwrap();
    assert_eq!(revealed.status(), 200);
    let chat = client
        .post(format!("{}/v1/chat/completions", service.base))
        .bearer_auth(&jwt)
        .json(&json!({"model": "m", "messages": [{"role": "user", "content": prompt}]}))
        .send()
        .await
        .unwrap();
    assert_eq!(chat.status(), 200);

    let wanted = ["request", "auth", "detect", "upstream"];
    let mut names = Vec::new();
    for _ in 0..100 {
        names = span_names(&received.lock().unwrap());
        if wanted.iter().all(|w| names.iter().any(|n| n == w)) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    for name in wanted {
        assert!(
            names.iter().any(|n| n == name),
            "no {name} span in {names:?}"
        );
    }
    let raw = serde_json::to_string(&*received.lock().unwrap()).unwrap();
    // Store spans, named after the store's operations.
    assert!(
        raw.contains("promptvault::store"),
        "no store span: {names:?}"
    );
    assert!(raw.contains("\"promptvault\""), "no service name");
    let token = tokens
        .split_whitespace()
        .find(|w| w.starts_with("[EMAIL_"))
        .unwrap();
    let id = token.trim_start_matches("[EMAIL_").trim_end_matches(']');
    for secret in [
        "ann@example.org",
        "4111 1111 1111 1111",
        id,
        jwt.as_str(),
        crate::proxy::PROVIDER_KEY,
    ] {
        assert!(!raw.contains(secret), "a span holds {secret}");
    }
}
