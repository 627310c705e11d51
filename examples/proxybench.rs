//! Proxy latency: runs a mock model provider on `--mock-listen`, then times calls of one
//! API (`--api chat`, `responses` or `messages`) sent to it directly and through a running
//! promptvault whose PROMPTVAULT_UPSTREAM_URL (and PROMPTVAULT_ANTHROPIC_URL) points at it. Reports, per non-streamed call, the latency direct and proxied (the
//! difference is what the proxy adds: the mock answers at once); per streamed call, time
//! to first byte direct and proxied; and the proxy's own time per streamed event, read
//! from its /metrics histogram.
//!
//! cargo run --release --example proxybench -- --url http://127.0.0.1:8080 --jwt "$JWT"

#![allow(
    clippy::print_stdout,
    reason = "a command-line tool that prints its report"
)]

use std::time::{Duration, Instant};

use axum::response::IntoResponse;
use clap::Parser;
use serde_json::{json, Value};

#[derive(Debug, Parser)]
struct Args {
    /// Base URL of the running service.
    #[arg(long, default_value = "http://127.0.0.1:8080")]
    url: String,
    /// A JWT with the tokenize and detokenize scopes.
    #[arg(long, env = "PV_JWT")]
    jwt: String,
    /// Where the mock provider listens (the service's PROMPTVAULT_UPSTREAM_URL).
    #[arg(long, default_value = "127.0.0.1:9911")]
    mock_listen: String,
    /// Calls per measurement.
    #[arg(long, default_value_t = 300)]
    calls: usize,
    /// Milliseconds between two streamed chunks of the mock.
    #[arg(long, default_value_t = 1)]
    gap_ms: u64,
    /// Which API: `chat` (chat completions), `responses` or `messages` (Anthropic).
    #[arg(long, default_value = "chat")]
    api: String,
}

const PROMPT: &str = "Please write to ann.lee@example.org, call +1 415 555 0134 and \
    refund card 4111 1111 1111 1111 for Ann Lee; her IBAN is DE89 3704 0044 0532 0130 00.";
const ANSWER: &str = "Sure. I wrote to {0} and will call {1} today. The refund for \
    card {2} goes to {3}, IBAN {4}. Anything else I can do for you?";

static TOKEN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"\[[A-Z_]+_[0-9a-z]{13}\]").unwrap_or_else(|_| unreachable!())
});

/// The mock provider: answers with the tokens of the prompt put into ANSWER, in the shape
/// of the API the path names, whole, or streamed in 4-byte pieces `gap` apart (like model
/// tokens).
async fn mock(
    uri: axum::http::Uri,
    body: axum::body::Bytes,
    gap: Duration,
) -> axum::response::Response {
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let path = uri.path().to_owned();
    let last = body["messages"][0]["content"]
        .as_str()
        .or(body["input"].as_str())
        .unwrap_or_default()
        .to_owned();
    let mut text = ANSWER.to_owned();
    for (i, token) in TOKEN.find_iter(&last).enumerate() {
        text = text.replace(&format!("{{{i}}}"), token.as_str());
    }
    if body["stream"].as_bool() != Some(true) {
        let answer = if path.ends_with("/responses") {
            json!({"id": "r", "object": "response", "status": "completed", "output": [
                {"type": "message", "id": "m", "role": "assistant", "status": "completed",
                 "content": [{"type": "output_text", "text": text, "annotations": []}]}]})
        } else if path.ends_with("/messages") {
            json!({"id": "m", "type": "message", "role": "assistant", "model": "m",
                "content": [{"type": "text", "text": text}], "stop_reason": "end_turn"})
        } else {
            json!({"id": "c", "object": "chat.completion", "created": 1,
                "model": "m", "choices": [{"index": 0, "finish_reason": "stop",
                "message": {"role": "assistant", "content": text}}]})
        };
        return axum::Json(answer).into_response();
    }
    let mut pieces = Vec::new();
    let mut from = 0;
    while from < text.len() {
        let mut to = (from + 4).min(text.len());
        while !text.is_char_boundary(to) {
            to += 1;
        }
        pieces.push(text[from..to].to_owned());
        from = to;
    }
    let (delta, last_events): (fn(&str) -> String, Vec<String>) = if path.ends_with("/responses") {
        (
            |piece| {
                let event = json!({"type": "response.output_text.delta", "item_id": "m",
                    "output_index": 0, "content_index": 0, "delta": piece});
                format!("event: response.output_text.delta\ndata: {event}\n\n")
            },
            vec![format!(
                "event: response.output_text.done\ndata: {}\n\n",
                json!({"type": "response.output_text.done", "item_id": "m", "output_index": 0,
                    "content_index": 0, "text": text})
            )],
        )
    } else if path.ends_with("/messages") {
        (
            |piece| {
                let event = json!({"type": "content_block_delta", "index": 0,
                    "delta": {"type": "text_delta", "text": piece}});
                format!("event: content_block_delta\ndata: {event}\n\n")
            },
            vec![
                "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n".to_owned(),
                "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n".to_owned(),
            ],
        )
    } else {
        (
            |piece| {
                let chunk = json!({"id": "c", "object": "chat.completion.chunk", "created": 1,
                    "model": "m", "choices": [{"index": 0, "delta": {"content": piece},
                    "finish_reason": null}]});
                format!("data: {chunk}\n\n")
            },
            vec!["data: [DONE]\n\n".to_owned()],
        )
    };
    let mut events: Vec<String> = pieces.iter().map(|p| delta(p)).collect();
    let deltas = events.len();
    events.extend(last_events);
    let stream = futures_util::stream::unfold((events, 0usize), move |(events, i)| async move {
        if i >= events.len() {
            return None;
        }
        if i > 0 && i < deltas {
            tokio::time::sleep(gap).await;
        }
        let event = axum::body::Bytes::from(events[i].clone());
        Some((Ok::<_, std::convert::Infallible>(event), (events, i + 1)))
    });
    (
        [("content-type", "text/event-stream")],
        axum::body::Body::from_stream(stream),
    )
        .into_response()
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let index = ((sorted.len() as f64 * p).ceil() as usize).saturating_sub(1);
    sorted.get(index).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
}

/// `calls` sequential calls; whole-call latencies, or times to first byte when streamed.
async fn measure(
    client: &reqwest::Client,
    url: &str,
    auth: &str,
    body: &Value,
    calls: usize,
) -> Result<Vec<Duration>, Box<dyn std::error::Error>> {
    let mut times = Vec::with_capacity(calls);
    for _ in 0..calls {
        let started = Instant::now();
        let mut response = client
            .post(url)
            .header("authorization", auth)
            .json(body)
            .send()
            .await?;
        if !response.status().is_success() {
            return Err(format!("{url} answered {}", response.status()).into());
        }
        if body["stream"].as_bool() == Some(true) {
            let _ = response.chunk().await?;
            times.push(started.elapsed());
            while response.chunk().await?.is_some() {}
        } else {
            let _ = response.bytes().await?;
            times.push(started.elapsed());
        }
    }
    times.sort_unstable();
    Ok(times)
}

/// The proxy's per-event histogram: (count, sum) and the bucket counts.
async fn event_histogram(
    client: &reqwest::Client,
    base: &str,
) -> Result<Vec<(f64, f64)>, Box<dyn std::error::Error>> {
    let text = client
        .get(format!("{base}/metrics"))
        .send()
        .await?
        .text()
        .await?;
    let mut buckets = Vec::new();
    for line in text.lines() {
        if let Some(rest) =
            line.strip_prefix("promptvault_proxy_stream_event_duration_seconds_bucket{le=\"")
        {
            let (le, count) = rest.split_once("\"} ").unwrap_or(("0", "0"));
            let le = if le == "+Inf" {
                f64::INFINITY
            } else {
                le.parse()?
            };
            buckets.push((le, count.parse()?));
        }
    }
    Ok(buckets)
}

fn histogram_percentile(before: &[(f64, f64)], after: &[(f64, f64)], p: f64) -> (f64, f64) {
    let counts: Vec<(f64, f64)> = after
        .iter()
        .map(|(le, count)| {
            let old = before
                .iter()
                .find(|(l, _)| l == le)
                .map_or(0.0, |(_, c)| *c);
            (*le, count - old)
        })
        .collect();
    let total = counts.last().map_or(0.0, |(_, c)| *c);
    let bound = counts
        .iter()
        .find(|(_, c)| *c >= total * p)
        .map_or(f64::INFINITY, |(le, _)| *le);
    (bound * 1000.0, total)
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let gap = Duration::from_millis(args.gap_ms);
    let app =
        axum::Router::new().fallback(axum::routing::post(move |uri, body| mock(uri, body, gap)));
    let listener = tokio::net::TcpListener::bind(&args.mock_listen).await?;
    tokio::spawn(async move { axum::serve(listener, app).await });

    let client = reqwest::Client::new();
    let base = args.url.trim_end_matches('/');
    let route = match args.api.as_str() {
        "chat" => "/v1/chat/completions",
        "responses" => "/v1/responses",
        "messages" => "/v1/messages",
        other => return Err(format!("unknown --api {other}: chat, responses or messages").into()),
    };
    let proxied = format!("{base}{route}");
    let direct = format!("http://{}{route}", args.mock_listen);
    let auth = format!("Bearer {}", args.jwt);
    // The direct call gets the tokenized prompt the provider would see.
    let tokenized: Value = client
        .post(format!("{base}/v1/tokenize"))
        .header("authorization", &auth)
        .json(&json!({ "text": PROMPT }))
        .send()
        .await?
        .json()
        .await?;
    let body = |prompt: &Value| match args.api.as_str() {
        "responses" => json!({"model": "m", "input": prompt}),
        "messages" => json!({"model": "m", "max_tokens": 256,
            "messages": [{"role": "user", "content": prompt}]}),
        _ => json!({"model": "m", "messages": [{"role": "user", "content": prompt}]}),
    };
    let direct_body = body(&tokenized["text"]);
    let proxied_body = body(&json!(PROMPT));
    let streamed = |body: &Value| {
        let mut body = body.clone();
        body["stream"] = json!(true);
        body
    };

    // Warm up both paths.
    measure(&client, &direct, &auth, &direct_body, 20).await?;
    measure(&client, &proxied, &auth, &proxied_body, 20).await?;

    let whole_direct = measure(&client, &direct, &auth, &direct_body, args.calls).await?;
    let whole_proxied = measure(&client, &proxied, &auth, &proxied_body, args.calls).await?;
    let before = event_histogram(&client, base).await?;
    let first_direct =
        measure(&client, &direct, &auth, &streamed(&direct_body), args.calls).await?;
    let first_proxied = measure(
        &client,
        &proxied,
        &auth,
        &streamed(&proxied_body),
        args.calls,
    )
    .await?;
    let after = event_histogram(&client, base).await?;

    println!(
        "{}: {} sequential calls each; prompt with 5 values, answer repeating them",
        args.api, args.calls
    );
    for (label, direct, proxied) in [
        ("non-streamed call", &whole_direct, &whole_proxied),
        ("streamed, first byte", &first_direct, &first_proxied),
    ] {
        println!(
            "{label:22} direct p50 {:.2} ms p99 {:.2} ms | proxied p50 {:.2} ms p99 {:.2} ms | added p50 {:.2} ms p99 {:.2} ms",
            percentile(direct, 0.5),
            percentile(direct, 0.99),
            percentile(proxied, 0.5),
            percentile(proxied, 0.99),
            percentile(proxied, 0.5) - percentile(direct, 0.5),
            percentile(proxied, 0.99) - percentile(direct, 0.99),
        );
    }
    let (p50, events) = histogram_percentile(&before, &after, 0.5);
    let (p99, _) = histogram_percentile(&before, &after, 0.99);
    let (p999, _) = histogram_percentile(&before, &after, 0.999);
    println!(
        "per streamed event     {events:.0} events: proxy time p50 ≤ {p50:.3} ms, p99 ≤ {p99:.3} ms, p99.9 ≤ {p999:.3} ms (histogram bucket bounds)"
    );
    Ok(())
}
