//! Proxy latency: runs a mock model provider on `--mock-listen`, then times chat calls
//! sent to it directly and through a running promptvault whose PROMPTVAULT_UPSTREAM_URL
//! points at it. Reports, per non-streamed call, the latency direct and proxied (the
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
}

const PROMPT: &str = "Please write to ann.lee@example.org, call +1 415 555 0134 and \
    refund card 4111 1111 1111 1111 for Ann Lee; her IBAN is DE89 3704 0044 0532 0130 00.";
const ANSWER: &str = "Sure. I wrote to {0} and will call {1} today. The refund for \
    card {2} goes to {3}, IBAN {4}. Anything else I can do for you?";

static TOKEN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"\[[A-Z_]+_[0-9a-z]{13}\]").unwrap_or_else(|_| unreachable!())
});

/// The mock provider: answers with the tokens of the last message put into ANSWER,
/// whole, or streamed in 4-byte pieces `gap` apart (like model tokens).
async fn mock(body: axum::body::Bytes, gap: Duration) -> axum::response::Response {
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let last = body["messages"][0]["content"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let mut text = ANSWER.to_owned();
    for (i, token) in TOKEN.find_iter(&last).enumerate() {
        text = text.replace(&format!("{{{i}}}"), token.as_str());
    }
    if body["stream"].as_bool() != Some(true) {
        return axum::Json(json!({"id": "c", "object": "chat.completion", "created": 1,
            "model": "m", "choices": [{"index": 0, "finish_reason": "stop",
            "message": {"role": "assistant", "content": text}}]}))
        .into_response();
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
    let stream = futures_util::stream::unfold((pieces, 0usize), move |(pieces, i)| async move {
        let event = if i < pieces.len() {
            if i > 0 {
                tokio::time::sleep(gap).await;
            }
            let chunk = json!({"id": "c", "object": "chat.completion.chunk", "created": 1,
                "model": "m", "choices": [{"index": 0, "delta": {"content": pieces[i]},
                "finish_reason": null}]});
            format!("data: {chunk}\n\n")
        } else if i == pieces.len() {
            "data: [DONE]\n\n".to_owned()
        } else {
            return None;
        };
        Some((
            Ok::<_, std::convert::Infallible>(axum::body::Bytes::from(event)),
            (pieces, i + 1),
        ))
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
    let app = axum::Router::new().fallback(axum::routing::post(move |body| mock(body, gap)));
    let listener = tokio::net::TcpListener::bind(&args.mock_listen).await?;
    tokio::spawn(async move { axum::serve(listener, app).await });

    let client = reqwest::Client::new();
    let base = args.url.trim_end_matches('/');
    let proxied = format!("{base}/v1/chat/completions");
    let direct = format!("http://{}/v1/chat/completions", args.mock_listen);
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
    let direct_body =
        json!({"model": "m", "messages": [{"role": "user", "content": tokenized["text"]}]});
    let proxied_body = json!({"model": "m", "messages": [{"role": "user", "content": PROMPT}]});
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
        "{} sequential calls each; prompt with 5 values, answer repeating them",
        args.calls
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
