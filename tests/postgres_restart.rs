//! Postgres restarted under load: while it is down the service answers 503, and it
//! recovers by itself once Postgres is back (no restart of the service), with every
//! answered token revealable. Its own test binary: restarting the database would break
//! the other tests' connections, and cargo runs one test binary at a time.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails loudly"
)]

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// Says past the harness's capture that the test skips, and why.
fn skip(reason: &str) {
    let _ = writeln!(std::io::stderr(), "SKIPPED postgres_restart: {reason}");
}

fn postgres_url() -> String {
    std::env::var("DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_owned())
}

/// The local cluster's `pg_ctlcluster` arguments (version and name), if this machine has one.
fn cluster() -> Option<(String, String)> {
    let versions = std::fs::read_dir("/etc/postgresql").ok()?;
    let version = versions
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .max()?;
    Some((version, "main".to_owned()))
}

fn pg_ctl(action: &str) -> bool {
    let Some((version, name)) = cluster() else {
        return false;
    };
    Command::new("pg_ctlcluster")
        .args(["--skip-systemctl-redirect", &version, &name, action])
        .output()
        .is_ok_and(|out| out.status.success())
}

/// Starts Postgres again when dropped, so that a failing test does not leave it down.
struct BringsPostgresBack;

impl Drop for BringsPostgresBack {
    fn drop(&mut self) {
        pg_ctl("start");
    }
}

struct Service(Child, String);

impl Drop for Service {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn start(dir: &std::path::Path, database_url: &str) -> Service {
    let mut child = Command::new(env!("CARGO_BIN_EXE_promptvault"))
        .arg("serve")
        .current_dir(dir)
        .env_clear()
        .env("PROMPTVAULT_LISTEN", "127.0.0.1:0")
        .env("PROMPTVAULT_DATABASE_URL", database_url)
        .env("PROMPTVAULT_LOG_FORMAT", "json")
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Ok(event) = serde_json::from_str::<Value>(&line) {
                if event["message"] == "listening" {
                    let _ = tx.send(event["addr"].as_str().unwrap_or_default().to_owned());
                }
            }
        }
    });
    let addr = rx
        .recv_timeout(Duration::from_secs(60))
        .expect("the service starts");
    Service(child, format!("http://{addr}"))
}

fn mint(dir: &std::path::Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_promptvault"))
        .args([
            "token",
            "--tenant",
            "acme",
            "--scope",
            "tokenize detokenize",
        ])
        .current_dir(dir)
        .env_clear()
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

async fn call(
    client: &reqwest::Client,
    base: &str,
    jwt: &str,
    path: &str,
    text: &str,
) -> (u16, Value) {
    match client
        .post(format!("{base}{path}"))
        .bearer_auth(jwt)
        .json(&json!({ "text": text }))
        .timeout(Duration::from_secs(30))
        .send()
        .await
    {
        Ok(response) => {
            let status = response.status().as_u16();
            (status, response.json().await.unwrap_or(Value::Null))
        }
        Err(err) => panic!("the service did not answer: {err}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_restarted_under_load_is_503_then_recovery_without_restarting_the_service() {
    // Arrange: a schema of its own, the service on it, Postgres controllable.
    let url = postgres_url();
    let admin = match sqlx::PgPool::connect(&url).await {
        Ok(pool) => pool,
        Err(err) if !in_ci() => return skip(&format!("cannot reach Postgres at {url}: {err}")),
        Err(err) => panic!("CI needs Postgres at {url}: {err}"),
    };
    if cluster().is_none() {
        assert!(!in_ci(), "CI needs a local Postgres cluster it may restart");
        return skip("no local Postgres cluster to restart");
    }
    let schema = format!("pvrestart_{:08x}", rand::random::<u32>());
    sqlx::query(&format!("CREATE SCHEMA {schema}"))
        .execute(&admin)
        .await
        .unwrap();
    admin.close().await;
    let separator = if url.contains('?') { '&' } else { '?' };
    let service_url = format!("{url}{separator}options=-c%20search_path%3D{schema}");
    let dir = tempfile::tempdir().unwrap();
    let service = start(dir.path(), &service_url);
    let jwt = mint(dir.path());
    let client = reqwest::Client::new();

    // Act: load before, during and after a restart.
    let mut answered = Vec::new();
    let mut statuses = Vec::new();
    let mut restarted = false;
    let _back = BringsPostgresBack;
    let deadline = Instant::now() + Duration::from_secs(120);
    while Instant::now() < deadline {
        let n = answered.len() + statuses.len();
        let text = format!("mail person{n}@example.org");
        let (status, body) = call(&client, &service.1, &jwt, "/v1/tokenize", &text).await;
        statuses.push(status);
        if status == 200 {
            answered.push((text, body["text"].as_str().unwrap().to_owned()));
        }
        if !restarted && answered.len() == 20 {
            assert!(pg_ctl("stop"), "stopping Postgres");
            let (down, body) = call(
                &client,
                &service.1,
                &jwt,
                "/v1/tokenize",
                "mail down@example.org",
            )
            .await;
            assert_eq!(down, 503, "while Postgres is down: {body}");
            assert_eq!(body["title"], "store_unavailable");
            assert!(pg_ctl("start"), "starting Postgres");
            restarted = true;
        }
        if restarted && answered.len() >= 40 {
            break;
        }
        if status != 200 {
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    // Assert
    assert!(
        restarted && answered.len() >= 40,
        "no recovery: {statuses:?}"
    );
    assert!(
        statuses.iter().all(|s| *s == 200 || *s == 503),
        "only 200 and 503: {statuses:?}"
    );
    for (original, tokenized) in &answered {
        let (status, body) = call(&client, &service.1, &jwt, "/v1/detokenize", tokenized).await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(body["text"], original.as_str());
    }
    drop(service);
    if let Ok(admin) = sqlx::PgPool::connect(&url).await {
        let _ = sqlx::query(&format!("DROP SCHEMA {schema} CASCADE"))
            .execute(&admin)
            .await;
    }
}
