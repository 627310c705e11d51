//! Load generator: replays a prompts.jsonl corpus through `POST /v1/tokenize` of a running
//! service with N concurrent connections and reports prompts/s, MB/s, latency
//! percentiles and (with --pid) the service's peak resident memory.
//!
//! cargo run --release --example loadgen -- --url http://127.0.0.1:8080 \
//!     --jwt "$JWT" --corpus bench/prompts.jsonl --concurrency 32 --passes 3
//!
//! With `--mode detokenize` it tokenizes the corpus once (untimed), then times
//! `POST /v1/detokenize` of the tokenized texts (the JWT needs both scopes). With
//! `--mode healthz` it times `GET /healthz` as many times (the service's ceiling for a
//! request that does no work, to compare the others with in the same run). Several
//! `--jwt` (or a comma-separated `PV_JWT`) spread the prompts over their tenants: prompt
//! `i` of the corpus always goes with JWT `i mod n`.

#![allow(
    clippy::print_stdout,
    reason = "a command-line tool that prints its report"
)]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::Parser;

#[derive(Debug, Parser)]
struct Args {
    /// Base URL of the service.
    #[arg(long, default_value = "http://127.0.0.1:8080")]
    url: String,
    /// Bearer JWTs with the tokenize scope (and detokenize, for that mode).
    #[arg(long, env = "PV_JWT", value_delimiter = ',', required = true)]
    jwt: Vec<String>,
    /// The corpus (one JSON object with a "text" field per line).
    #[arg(long, default_value = "bench/prompts.jsonl")]
    corpus: String,
    /// Concurrent connections.
    #[arg(long, default_value_t = 32)]
    concurrency: usize,
    /// Passes over the corpus (the first one is also timed).
    #[arg(long, default_value_t = 3)]
    passes: usize,
    /// The service's pid, to read its peak memory (VmHWM) from /proc.
    #[arg(long)]
    pid: Option<u32>,
    /// `tokenize` or `detokenize`.
    #[arg(long, default_value = "tokenize")]
    mode: String,
}

/// Tokenizes every body once, `concurrency` at a time, and returns detokenize bodies.
async fn tokenized_bodies(
    client: &reqwest::Client,
    base: &str,
    auths: &[String],
    bodies: &[(usize, String)],
    concurrency: usize,
) -> Result<Vec<(usize, String)>, Box<dyn std::error::Error>> {
    let url = format!("{base}/v1/tokenize");
    let mut out = Vec::with_capacity(bodies.len());
    for (chunk_index, chunk) in bodies.chunks(concurrency.max(1)).enumerate() {
        let mut pending = Vec::new();
        for (offset, (_, body)) in chunk.iter().enumerate() {
            let auth = auth_for(auths, chunk_index * concurrency.max(1) + offset);
            let request = client
                .post(&url)
                .header("authorization", auth)
                .header("content-type", "application/json")
                .body(body.clone());
            pending.push(tokio::spawn(async move {
                let answer: serde_json::Value = request.send().await?.json().await?;
                Ok::<_, reqwest::Error>(answer)
            }));
        }
        for task in pending {
            let answer = task.await??;
            let text = answer["text"].as_str().unwrap_or_default().to_owned();
            out.push((text.len(), serde_json::json!({ "text": text }).to_string()));
        }
    }
    Ok(out)
}

/// The authorization header for prompt `i` of the corpus.
fn auth_for(auths: &[String], i: usize) -> &str {
    auths.get(i % auths.len().max(1)).map_or("", String::as_str)
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let raw = std::fs::read_to_string(&args.corpus)?;
    let bodies: Vec<(usize, String)> = raw
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_owned))
        .map(|text| (text.len(), serde_json::json!({ "text": text }).to_string()))
        .collect();
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(args.concurrency)
        .build()?;
    let base = args.url.trim_end_matches('/').to_owned();
    let auths: Arc<Vec<String>> =
        Arc::new(args.jwt.iter().map(|jwt| format!("Bearer {jwt}")).collect());
    let (bodies, url) = match args.mode.as_str() {
        "tokenize" => (bodies, format!("{base}/v1/tokenize")),
        "detokenize" => (
            tokenized_bodies(&client, &base, &auths, &bodies, args.concurrency).await?,
            format!("{base}/v1/detokenize"),
        ),
        "healthz" => (bodies, format!("{base}/healthz")),
        other => return Err(format!("unknown mode {other}").into()),
    };
    let get = args.mode == "healthz";
    let bodies = Arc::new(bodies);
    let total = bodies.len() * args.passes;
    let next = Arc::new(AtomicUsize::new(0));

    let started = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..args.concurrency {
        let (bodies, next, client, url, auths) = (
            Arc::clone(&bodies),
            Arc::clone(&next),
            client.clone(),
            url.clone(),
            Arc::clone(&auths),
        );
        let request = move |body: &str, prompt: usize| {
            if get {
                client.get(&url)
            } else {
                client
                    .post(&url)
                    .header("authorization", auth_for(&auths, prompt))
                    .header("content-type", "application/json")
                    .body(body.to_owned())
            }
        };
        workers.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let (mut bytes, mut failures) = (0usize, 0usize);
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= total {
                    break;
                }
                let prompt = i % bodies.len();
                let (len, body) = &bodies[prompt];
                let t0 = Instant::now();
                let response = request(body, prompt).send().await;
                match response {
                    Ok(r) if r.status().is_success() => {
                        let _ = r.bytes().await;
                        latencies.push(t0.elapsed());
                        bytes += len;
                    }
                    _ => failures += 1,
                }
            }
            (latencies, bytes, failures)
        }));
    }
    let mut latencies: Vec<Duration> = Vec::with_capacity(total);
    let (mut bytes, mut failures) = (0, 0);
    for worker in workers {
        let (l, b, f) = worker.await?;
        latencies.extend(l);
        bytes += b;
        failures += f;
    }
    let elapsed = started.elapsed().as_secs_f64();
    latencies.sort_unstable();
    let pct = |p: f64| {
        let index = ((latencies.len() as f64 * p).ceil() as usize).saturating_sub(1);
        latencies
            .get(index)
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    println!(
        "requests      {} ok, {} failed, {} concurrent",
        latencies.len(),
        failures,
        args.concurrency
    );
    println!(
        "throughput    {:.0} prompts/s, {:.2} MB/s of prompt text",
        latencies.len() as f64 / elapsed,
        bytes as f64 / elapsed / 1e6
    );
    println!(
        "latency       p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        pct(0.50),
        pct(0.99),
        pct(1.0)
    );
    if let Some(pid) = args.pid {
        let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
        for line in status
            .lines()
            .filter(|l| l.starts_with("VmHWM") || l.starts_with("VmRSS"))
        {
            println!(
                "memory        {}",
                line.split_whitespace().collect::<Vec<_>>().join(" ")
            );
        }
    }
    Ok(())
}
