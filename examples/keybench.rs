//! Re-encryption benchmark: fills a tenant with N records through the API, rotates its
//! data key, starts re-encryption and reports records/s until it is done.
//!
//! cargo run --release --example keybench -- --url http://127.0.0.1:8080 \
//!     --jwt "$JWT" --admin-jwt "$ADMIN" --records 1000000

#![allow(
    clippy::print_stdout,
    reason = "a command-line tool that prints its report"
)]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::Parser;
use serde_json::{json, Value};

#[derive(Debug, Parser)]
struct Args {
    #[arg(long, default_value = "http://127.0.0.1:8080")]
    url: String,
    /// JWT with the tokenize scope.
    #[arg(long)]
    jwt: String,
    /// JWT with admin scope and mfa, same tenant.
    #[arg(long)]
    admin_jwt: String,
    /// Records to create first (0: use what is there).
    #[arg(long, default_value_t = 1_000_000)]
    records: usize,
    /// Values per tokenize request while filling.
    #[arg(long, default_value_t = 1000)]
    batch: usize,
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let client = reqwest::Client::new();
    let base = args.url.trim_end_matches('/').to_owned();

    if args.records > 0 {
        let started = Instant::now();
        let next = Arc::new(AtomicUsize::new(0));
        let batches = args.records.div_ceil(args.batch);
        let mut workers = Vec::new();
        for _ in 0..8 {
            let (client, base, jwt, next, batch) = (
                client.clone(),
                base.clone(),
                args.jwt.clone(),
                Arc::clone(&next),
                args.batch,
            );
            workers.push(tokio::spawn(async move {
                loop {
                    let b = next.fetch_add(1, Ordering::Relaxed);
                    if b >= batches {
                        break;
                    }
                    let texts: Vec<String> = (0..batch)
                        .map(|i| format!("user{b}.{i}@example.org"))
                        .collect();
                    let response = client
                        .post(format!("{base}/v1/tokenize"))
                        .bearer_auth(&jwt)
                        .json(&json!({ "texts": texts }))
                        .send()
                        .await;
                    if !response.is_ok_and(|r| r.status().is_success()) {
                        println!("fill request failed");
                    }
                }
            }));
        }
        for worker in workers {
            worker.await?;
        }
        let secs = started.elapsed().as_secs_f64();
        println!(
            "filled        {} records in {secs:.1} s ({:.0} records/s)",
            args.records,
            args.records as f64 / secs
        );
    }

    let admin = |method: reqwest::Method, path: &str| {
        client
            .request(method, format!("{base}{path}"))
            .bearer_auth(&args.admin_jwt)
    };
    admin(reqwest::Method::POST, "/v1/admin/keys/rotate")
        .send()
        .await?
        .error_for_status()?;
    let started = Instant::now();
    let job: Value = admin(reqwest::Method::POST, "/v1/admin/keys/reencrypt")
        .send()
        .await?
        .json()
        .await?;
    let id = job["id"].as_str().unwrap_or_default().to_owned();
    loop {
        tokio::time::sleep(Duration::from_millis(250)).await;
        let progress: Value = admin(
            reqwest::Method::GET,
            &format!("/v1/admin/keys/reencrypt/{id}"),
        )
        .send()
        .await?
        .json()
        .await?;
        if progress["state"] != "running" {
            let secs = started.elapsed().as_secs_f64();
            let processed = progress["processed"].as_f64().unwrap_or(0.0);
            println!(
                "re-encrypted  {processed:.0} records in {secs:.1} s ({:.0} records/s), state {}",
                processed / secs,
                progress["state"]
            );
            break;
        }
    }
    Ok(())
}
