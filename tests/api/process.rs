//! The real binary as a separate process: development-mode start, durability across
//! kill -9, logs free of values and JWTs, and refusing a wrong root key passphrase.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{json, Value};

use crate::helpers::{
    citus_schema, citus_url_for_schema, postgres_schema, postgres_url_for_schema,
};
use crate::tokenize::{PROMPT, VALUES};

pub(crate) struct Service {
    child: Child,
    pub(crate) base: String,
    output: Arc<Mutex<Vec<String>>>,
    /// The threads that copy stdout and stderr into `output`; they end with the process.
    readers: Vec<std::thread::JoinHandle<()>>,
}

impl Service {
    /// Starts `promptvault serve` in `dir` with `env`, waiting for its "listening" line.
    pub(crate) fn start(dir: &Path, env: &[(&str, String)]) -> Service {
        let mut command = Command::new(env!("CARGO_BIN_EXE_promptvault"));
        command
            .arg("serve")
            .current_dir(dir)
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("PROMPTVAULT_LISTEN", "127.0.0.1:0")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (key, value) in env {
            command.env(key, value);
        }
        let mut child = command.spawn().expect("the binary starts");
        let output = Arc::new(Mutex::new(Vec::new()));
        let (addr_tx, addr_rx) = std::sync::mpsc::channel();
        let mut readers = Vec::new();
        let stdout = child.stdout.take().unwrap();
        let stderr = child.stderr.take().unwrap();
        // Logs go to stderr; both streams are captured for the log checks.
        for stream in [
            Box::new(stdout) as Box<dyn std::io::Read + Send>,
            Box::new(stderr),
        ] {
            let output = Arc::clone(&output);
            let addr_tx = addr_tx.clone();
            readers.push(std::thread::spawn(move || {
                for line in BufReader::new(stream).lines().map_while(Result::ok) {
                    if let Some(addr) = listening_address(&line) {
                        let _ = addr_tx.send(addr);
                    }
                    output.lock().unwrap().push(line);
                }
            }));
        }
        let Ok(addr) = addr_rx.recv_timeout(Duration::from_secs(60)) else {
            let _ = child.kill();
            panic!("the service did not start: {:?}", output.lock().unwrap());
        };
        Service {
            child,
            base: format!("http://{addr}"),
            output,
            readers,
        }
    }

    /// Waits for the process to exit, then for its output to be read to the end.
    fn wait(&mut self) -> std::process::ExitStatus {
        let status = self.child.wait().unwrap();
        for reader in self.readers.drain(..) {
            reader.join().unwrap();
        }
        status
    }

    pub(crate) fn logs(&self) -> String {
        self.output.lock().unwrap().join("\n")
    }

    /// SIGKILL: no graceful shutdown, no flush.
    fn kill_hard(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

impl Drop for Service {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The address in the "listening" log event (JSON lines), or in the banner a terminal gets.
fn listening_address(line: &str) -> Option<String> {
    if let Ok(event) = serde_json::from_str::<Value>(line) {
        return (event["message"] == "listening")
            .then(|| event["addr"].as_str().unwrap_or_default().to_owned());
    }
    line.trim_start()
        .strip_prefix("listening  http://")
        .map(str::to_owned)
}

pub(crate) fn mint(dir: &Path, env: &[(&str, String)], scope: &str) -> String {
    mint_as(dir, env, scope, &[])
}

pub(crate) fn mint_as(dir: &Path, env: &[(&str, String)], scope: &str, extra: &[&str]) -> String {
    mint_for(dir, env, "tester", scope, extra)
}

/// A development JWT for tenant `acme`, minted by the binary (`promptvault token`).
pub(crate) fn mint_for(
    dir: &Path,
    env: &[(&str, String)],
    sub: &str,
    scope: &str,
    extra: &[&str],
) -> String {
    let mut command = Command::new(env!("CARGO_BIN_EXE_promptvault"));
    command
        .args(["token", "--tenant", "acme", "--scope", scope, "--sub", sub])
        .args(extra)
        .current_dir(dir)
        .env_clear();
    for (key, value) in env {
        command.env(key, value);
    }
    let out = command.output().unwrap();
    assert!(
        out.status.success(),
        "token failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

pub(crate) async fn post(
    client: &reqwest::Client,
    base: &str,
    jwt: &str,
    path: &str,
    body: Value,
) -> Value {
    let response = client
        .post(format!("{base}{path}"))
        .bearer_auth(jwt)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

fn prompts() -> Vec<String> {
    (0..40)
        .map(|i| format!("#{i} {PROMPT} and person{i}@example.org"))
        .collect()
}

async fn survives_kill_9(env: Vec<(&'static str, String)>, dir: &Path) {
    let client = reqwest::Client::new();
    let jwt = mint(dir, &env, "tokenize detokenize");
    let service = Service::start(dir, &env);
    let mut tokenized = Vec::new();
    for prompt in prompts() {
        let answer = post(
            &client,
            &service.base,
            &jwt,
            "/v1/tokenize",
            json!({ "text": prompt }),
        )
        .await;
        tokenized.push(answer["text"].as_str().unwrap().to_owned());
    }
    // Then under load: concurrent callers share group commits, and the process dies
    // while some of their requests are still in flight.
    let answered_under_load = load_until_killed(&client, service, &jwt).await;

    let restarted = Service::start(dir, &env);
    for (original, text) in prompts().iter().zip(&tokenized) {
        let answer = post(
            &client,
            &restarted.base,
            &jwt,
            "/v1/detokenize",
            json!({ "text": text }),
        )
        .await;
        assert_eq!(answer["text"].as_str().unwrap(), original);
        assert_eq!(answer["unknown"], 0);
    }
    let (originals, texts): (Vec<String>, Vec<String>) = answered_under_load.into_iter().unzip();
    let answer = post(
        &client,
        &restarted.base,
        &jwt,
        "/v1/detokenize",
        json!({ "texts": texts }),
    )
    .await;
    assert_eq!(answer["unknown"], 0, "every answered token survived");
    assert_eq!(answer["texts"], json!(originals));
}

/// Tokenizes from 16 callers at once until 200 answers came back, then kills the service
/// hard with requests in flight; returns every (prompt, tokenized) pair that was answered.
async fn load_until_killed(
    client: &reqwest::Client,
    service: Service,
    jwt: &str,
) -> Vec<(String, String)> {
    use std::sync::atomic::{AtomicBool, Ordering};
    let answered = Arc::new(std::sync::Mutex::new(Vec::new()));
    let stop = Arc::new(AtomicBool::new(false));
    let callers: Vec<_> = (0..16)
        .map(|caller| {
            let (client, base, jwt) = (client.clone(), service.base.clone(), jwt.to_owned());
            let (answered, stop) = (Arc::clone(&answered), Arc::clone(&stop));
            tokio::spawn(async move {
                for n in 0.. {
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let prompt = format!("load {caller}/{n}: mail caller{caller}x{n}@example.org");
                    let sent = client
                        .post(format!("{base}/v1/tokenize"))
                        .bearer_auth(&jwt)
                        .json(&json!({ "text": prompt }))
                        .send()
                        .await;
                    let Ok(response) = sent else { break };
                    if response.status() != 200 {
                        break;
                    }
                    let Ok(body) = response.json::<Value>().await else {
                        break;
                    };
                    let text = body["text"].as_str().unwrap_or_default().to_owned();
                    answered.lock().unwrap().push((prompt, text));
                }
            })
        })
        .collect();
    for _ in 0..500 {
        if answered.lock().unwrap().len() >= 200 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    service.kill_hard();
    stop.store(true, Ordering::Relaxed);
    for caller in callers {
        caller.await.unwrap();
    }
    let answered = std::mem::take(&mut *answered.lock().unwrap());
    assert!(
        answered.len() >= 200,
        "only {} answers before the kill",
        answered.len()
    );
    answered
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tokens_survive_kill_9_on_the_embedded_default() {
    let dir = tempfile::tempdir().unwrap();
    survives_kill_9(Vec::new(), dir.path()).await;
    // The embedded default created its files where the contract says.
    assert!(dir.path().join("data/promptvault.db").exists());
    use std::os::unix::fs::PermissionsExt;
    for key in ["keys/root.key", "keys/dev-jwt.secret"] {
        let mode = std::fs::metadata(dir.path().join(key))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{key}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tokens_survive_kill_9_on_postgres() {
    let Some((pool, schema)) = postgres_schema().await else {
        return;
    };
    pool.close().await;
    let dir = tempfile::tempdir().unwrap();
    survives_kill_9(
        vec![("PROMPTVAULT_DATABASE_URL", postgres_url_for_schema(&schema))],
        dir.path(),
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tokens_survive_kill_9_on_citus() {
    let Some((pool, schema)) = citus_schema().await else {
        return;
    };
    pool.close().await;
    let dir = tempfile::tempdir().unwrap();
    let url = citus_url_for_schema(&schema).unwrap();
    survives_kill_9(vec![("PROMPTVAULT_DATABASE_URL", url)], dir.path()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_logs_hold_no_value_and_no_jwt_even_at_debug_level() {
    let dir = tempfile::tempdir().unwrap();
    let env = vec![("PROMPTVAULT_LOG", "debug".to_owned())];
    let client = reqwest::Client::new();
    let jwt = mint(dir.path(), &env, "tokenize detokenize");
    let service = Service::start(dir.path(), &env);
    let answer = post(
        &client,
        &service.base,
        &jwt,
        "/v1/tokenize",
        json!({ "texts": [PROMPT, PROMPT] }),
    )
    .await;
    let tokens = answer["texts"][0].as_str().unwrap().to_owned();
    post(
        &client,
        &service.base,
        &jwt,
        "/v1/detokenize",
        json!({ "text": tokens }),
    )
    .await;
    // Errors too: a bad body quoting a value, and a forged JWT.
    let _ = client
        .post(format!("{}/v1/tokenize", service.base))
        .bearer_auth(&jwt)
        .header("content-type", "application/json")
        .body(format!("{{\"text\": [\"{}\"]}}", VALUES[0]))
        .send()
        .await
        .unwrap();
    let _ = client
        .post(format!("{}/v1/tokenize", service.base))
        .bearer_auth(format!("{jwt}x"))
        .json(&json!({"text": PROMPT}))
        .send()
        .await
        .unwrap();

    // A value in the path or in the request id header must not reach the logs either.
    let _ = client
        .get(format!(
            "{}/v1/nothing/{}",
            service.base,
            VALUES[2].replace(' ', "")
        ))
        .header("x-request-id", VALUES[0])
        .send()
        .await
        .unwrap();
    let logs = service.logs();
    assert!(
        logs.contains("listening") && logs.contains("request"),
        "logs were captured: {logs}"
    );
    assert!(
        logs.contains("development mode"),
        "the start-up says it is in development mode"
    );
    for value in VALUES {
        assert!(!logs.contains(value), "{value} appears in the logs");
    }
    assert!(
        !logs.contains(&VALUES[2].replace(' ', "")),
        "a path value appears in the logs"
    );
    assert!(
        !logs.contains(&jwt[jwt.len() - 20..]),
        "the JWT appears in the logs"
    );
    let token_id = &tokens[tokens.find("[EMAIL_").unwrap() + 7..][..13];
    assert!(!logs.contains(token_id), "a token appears in the logs");
}

#[test]
fn a_wrong_root_key_passphrase_stops_start_up_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let run = |passphrase: &str| {
        Command::new(env!("CARGO_BIN_EXE_promptvault"))
            .arg("migrate")
            .current_dir(dir.path())
            .env_clear()
            .env("PROMPTVAULT_ROOT_KEY_PASSPHRASE", passphrase)
            .output()
            .unwrap()
    };
    // `migrate` does not touch the root key; `serve` does. Create the sealed file first.
    let first = Command::new(env!("CARGO_BIN_EXE_promptvault"))
        .arg("serve")
        .current_dir(dir.path())
        .env_clear()
        .env("PROMPTVAULT_ROOT_KEY_PASSPHRASE", "right passphrase")
        .env("PROMPTVAULT_LISTEN", "not-an-address")
        .output()
        .unwrap();
    assert!(
        !first.status.success(),
        "binding a bad address fails after the key is created"
    );
    assert!(std::fs::read_to_string(dir.path().join("keys/root.key"))
        .unwrap()
        .contains("argon2id"));
    assert!(run("any").status.success());

    let wrong = Command::new(env!("CARGO_BIN_EXE_promptvault"))
        .arg("serve")
        .current_dir(dir.path())
        .env_clear()
        .env("PROMPTVAULT_ROOT_KEY_PASSPHRASE", "wrong passphrase")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&wrong.stderr);
    assert!(!wrong.status.success());
    assert!(stderr.contains("wrong passphrase"), "{stderr}");
    assert!(!stderr.contains("wrong passphrase for") || !stderr.contains("right passphrase"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_missing_root_key_file_is_not_replaced_while_the_database_holds_keys() {
    // Arrange: a service that made a tenant's keys, then lost its root key file.
    let dir = tempfile::tempdir().unwrap();
    let env = Vec::new();
    let mut service = Service::start(dir.path(), &env);
    let jwt = mint(dir.path(), &env, "tokenize");
    let client = reqwest::Client::new();
    let answer = post(
        &client,
        &service.base,
        &jwt,
        "/v1/tokenize",
        json!({ "text": "ann@example.org" }),
    )
    .await;
    assert!(
        answer["text"].as_str().unwrap().contains("[EMAIL_"),
        "{answer}"
    );
    service.child.kill().unwrap();
    service.wait();
    let key_file = dir.path().join("keys/root.key");
    std::fs::remove_file(&key_file).unwrap();

    // Act
    let out = Command::new(env!("CARGO_BIN_EXE_promptvault"))
        .arg("serve")
        .current_dir(dir.path())
        .env_clear()
        .env("PROMPTVAULT_LISTEN", "127.0.0.1:0")
        .output()
        .unwrap();

    // Assert
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        stderr.contains("root key file") && stderr.contains("is missing"),
        "{stderr}"
    );
    assert!(!key_file.exists(), "no new root key was written");
}

#[test]
fn token_refuses_to_sign_with_a_configured_secret() {
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("prod.secret");
    std::fs::write(
        &secret,
        "a-production-secret-that-is-long-enough-0123456789",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_promptvault"))
        .args(["token", "--tenant", "acme", "--scope", "admin", "--mfa"])
        .current_dir(dir.path())
        .env_clear()
        .env("PROMPTVAULT_JWT_HS256_SECRET_FILE", &secret)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("identity provider"), "{stderr}");
    assert!(out.stdout.is_empty());
}

#[test]
fn token_refuses_when_only_public_keys_are_configured() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_promptvault"))
        .args(["token", "--tenant", "acme", "--scope", "tokenize"])
        .current_dir(dir.path())
        .env_clear()
        .env(
            "PROMPTVAULT_JWT_PUBLIC_KEYS",
            crate::helpers::fixture("jwt/rsa_public.pem"),
        )
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no development secret"));
    assert!(out.stdout.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_shuts_down_gracefully_with_exit_code_zero() {
    let dir = tempfile::tempdir().unwrap();
    let mut service = Service::start(dir.path(), &[]);
    let health = reqwest::get(format!("{}/healthz", service.base))
        .await
        .unwrap();
    assert_eq!(health.status(), 200);

    let pid = service.child.id().to_string();
    assert!(Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap()
        .success());
    let status = service.wait();

    assert!(status.success(), "exit status {status:?}");
    assert!(service.logs().contains("shutting down"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_person_at_a_terminal_gets_a_banner_and_readable_lines() {
    let dir = tempfile::tempdir().unwrap();
    let text = [("PROMPTVAULT_LOG_FORMAT", "text".to_owned())];
    let mut service = Service::start(dir.path(), &text);
    let jwt = mint(dir.path(), &[], "tokenize");
    let client = reqwest::Client::new();
    post(
        &client,
        &service.base,
        &jwt,
        "/v1/tokenize",
        json!({ "text": PROMPT }),
    )
    .await;
    let pid = service.child.id().to_string();
    Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    assert!(service.wait().success());
    let logs = service.logs();
    let addr = service.base.trim_start_matches("http://");
    for expected in [
        format!("listening  http://{addr}"),
        "store      sqlite://data/promptvault.db".to_owned(),
        "mode       development".to_owned(),
        "promptvault token --tenant demo".to_owned(),
        "shutting down".to_owned(),
    ] {
        assert!(logs.contains(&expected), "no {expected:?} in {logs}");
    }
    assert!(
        logs.lines()
            .all(|l| serde_json::from_str::<Value>(l).is_err()),
        "no JSON lines when text is asked for: {logs}"
    );
    for value in VALUES {
        assert!(!logs.contains(value), "a value reached the log: {value}");
    }

    // Piped output (no terminal) stays JSON lines, and asking for JSON gets them too.
    let json_asked = [("PROMPTVAULT_LOG_FORMAT", "json".to_owned())];
    let dir = tempfile::tempdir().unwrap();
    let mut service = Service::start(dir.path(), &json_asked);
    // Serving (and so handling SIGTERM) once it answers.
    reqwest::get(format!("{}/healthz", service.base))
        .await
        .unwrap();
    let pid = service.child.id().to_string();
    Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    assert!(service.wait().success());
    let logs = service.logs();
    assert!(!logs.contains("mode       development"), "{logs}");
    assert!(logs
        .lines()
        .all(|l| serde_json::from_str::<Value>(l).is_ok()));
}

#[test]
fn detect_writes_code_point_predictions_and_eval_scores_them() {
    let corpus = crate::helpers::fixture("corpus.jsonl");
    let run = |command: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_promptvault"))
            .arg(command)
            .arg(&corpus)
            .env_clear()
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };

    let predictions: Vec<Value> = run("detect")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let report = run("eval");

    assert_eq!(predictions.len(), 4);
    assert_eq!(predictions[1]["id"], "f2");
    assert_eq!(
        predictions[1]["entities"][0],
        json!({ "type": "CREDIT_CARD", "start": 16, "end": 35 })
    );
    assert_eq!(predictions[2]["entities"], json!([]));
    let email = report.lines().find(|l| l.starts_with("EMAIL")).unwrap();
    let columns: Vec<&str> = email.split_whitespace().collect();
    assert_eq!(&columns[1..5], ["1", "1", "0", "0"], "{report}");
    assert!(report.lines().any(|l| l.starts_with("micro")), "{report}");
}

pub(crate) fn keys_command(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> String {
    let mut command = Command::new(env!("CARGO_BIN_EXE_promptvault"));
    command.arg("keys").args(args).current_dir(dir).env_clear();
    for (key, value) in env {
        command.env(key, value);
    }
    let out = command.output().unwrap();
    assert!(
        out.status.success(),
        "keys {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn offline_root_rotation_and_passphrase_changes_keep_every_token_readable() {
    let dir = tempfile::tempdir().unwrap();
    let client = reqwest::Client::new();
    let jwt = mint(dir.path(), &[], "tokenize detokenize");
    let service = Service::start(dir.path(), &[]);
    let answer = post(
        &client,
        &service.base,
        &jwt,
        "/v1/tokenize",
        json!({ "text": PROMPT }),
    )
    .await;
    let tokenized = answer["text"].as_str().unwrap().to_owned();
    service.kill_hard();

    let rotated: Value =
        serde_json::from_str(&keys_command(dir.path(), &["rotate-root"], &[])).unwrap();
    assert_eq!(rotated["root_key_version"], 2);
    let first = [("PROMPTVAULT_ROOT_KEY_PASSPHRASE", "first passphrase")];
    keys_command(dir.path(), &["seal"], &first);
    let sealed = std::fs::read_to_string(dir.path().join("keys/root.key")).unwrap();
    assert!(sealed.contains("argon2id") && !sealed.contains("\"keys\""));
    keys_command(
        dir.path(),
        &["change-passphrase"],
        &[
            first[0],
            ("PROMPTVAULT_NEW_ROOT_KEY_PASSPHRASE", "second passphrase"),
        ],
    );

    let env = vec![(
        "PROMPTVAULT_ROOT_KEY_PASSPHRASE",
        "second passphrase".to_owned(),
    )];
    let restarted = Service::start(dir.path(), &env);
    assert_eq!(
        reveal(&client, &restarted.base, &jwt, &tokenized).await,
        PROMPT
    );
    drop(restarted);

    keys_command(
        dir.path(),
        &["unseal"],
        &[("PROMPTVAULT_ROOT_KEY_PASSPHRASE", "second passphrase")],
    );
    let plain: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("keys/root.key")).unwrap())
            .unwrap();
    assert_eq!(plain["keys"][0]["version"], 2);

    // The rotation a shred owes, for a key file the service cannot write: no copy kept,
    // and the copy the first rotation left is destroyed.
    let copies = || {
        std::fs::read_dir(dir.path().join("keys"))
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .contains("retired")
            })
            .count()
    };
    assert_eq!(copies(), 1);
    let retired: Value = serde_json::from_str(&keys_command(
        dir.path(),
        &["rotate-root", "--no-copy"],
        &[],
    ))
    .unwrap();
    assert_eq!(retired["root_key_version"], 3);
    assert!(retired.get("retired_file").is_none(), "{retired}");
    assert_eq!(copies(), 0);
    let restarted = Service::start(dir.path(), &[]);
    assert_eq!(
        reveal(&client, &restarted.base, &jwt, &tokenized).await,
        PROMPT
    );
}

/// A root rotation in two steps, for instances that read the key file from a copy they
/// cannot write (a Kubernetes Secret): the staged file, published to the instance, lets
/// it open every key after the rewrap, before the final file reaches it. Without the
/// staged step, the same lag leaves the instance unable to open keys.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_staged_root_rotation_leaves_no_gap_for_an_instance_with_a_lagging_key_copy() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("pod")).unwrap();
    let pod_file = dir.path().join("pod/root.key");
    let operator_file = dir.path().join("keys/root.key");
    let pod = [("PROMPTVAULT_ROOT_KEY_FILE", pod_file.display().to_string())];
    let client = reqwest::Client::new();
    let jwt = mint(dir.path(), &[], "tokenize detokenize");
    let service = Service::start(dir.path(), &pod);
    let tokenize = |text: &'static str| {
        let (client, base, jwt) = (client.clone(), service.base.clone(), jwt.clone());
        async move {
            post(
                &client,
                &base,
                &jwt,
                "/v1/tokenize",
                json!({ "text": text }),
            )
            .await
        }
    };
    let first = tokenize("mail ann@example.org").await["text"]
        .as_str()
        .unwrap()
        .to_owned();
    // The operator works on its own copy; the pod's changes only when published.
    std::fs::copy(&pod_file, &operator_file).unwrap();
    let publish = || std::fs::copy(&operator_file, &pod_file).unwrap();

    let staged: Value =
        serde_json::from_str(&keys_command(dir.path(), &["rotate-root", "--stage"], &[])).unwrap();
    assert_eq!(staged["root_key_version"], 2);
    assert_eq!(
        staged["rewrapped"], 0,
        "staging changes nothing in the database"
    );
    publish();
    let finished: Value =
        serde_json::from_str(&keys_command(dir.path(), &["rotate-root", "--finish"], &[])).unwrap();
    assert_eq!(finished["root_key_version"], 2);
    // Not published yet: the pod still holds the staged file, which opens everything.
    assert_eq!(
        reveal(&client, &service.base, &jwt, &first).await,
        "mail ann@example.org"
    );
    let second = tokenize("mail bob@example.org").await["text"]
        .as_str()
        .unwrap()
        .to_owned();
    publish();

    // The same lag after a rotation in one step: the pod's copy lacks the new version.
    keys_command(dir.path(), &["rotate-root"], &[]);
    let (status, body) = call(
        &client,
        reqwest::Method::POST,
        format!("{}/v1/detokenize", service.base),
        &jwt,
        Some(json!({ "text": second })),
    )
    .await;
    assert_eq!(status, 503, "{body}");
    publish();
    assert_eq!(
        reveal(&client, &service.base, &jwt, &second).await,
        "mail bob@example.org"
    );
}

/// The text with its tokens revealed, by a caller who may see all of them.
async fn reveal(client: &reqwest::Client, base: &str, jwt: &str, text: &str) -> String {
    let answer = post(client, base, jwt, "/v1/detokenize", json!({ "text": text })).await;
    answer["text"].as_str().unwrap_or_default().to_owned()
}

/// Between the two steps an instance that loaded the staged file wraps new keys under
/// the staged version; the rotation still finishes, and every token still opens.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_staged_rotation_finishes_after_keys_were_wrapped_under_the_staged_version() {
    let dir = tempfile::tempdir().unwrap();
    let client = reqwest::Client::new();
    let jwt = mint(dir.path(), &[], "tokenize detokenize");
    let admin = mint_admin(dir.path(), &[]);
    let service = Service::start(dir.path(), &[]);
    let first = post(
        &client,
        &service.base,
        &jwt,
        "/v1/tokenize",
        json!({ "text": PROMPT }),
    )
    .await;
    drop(service);

    keys_command(dir.path(), &["rotate-root", "--stage"], &[]);
    let service = Service::start(dir.path(), &[]);
    let (status, keys) = call(
        &client,
        reqwest::Method::POST,
        format!("{}/v1/admin/keys/rotate", service.base),
        &admin,
        None,
    )
    .await;
    assert_eq!(status, 200, "{keys}");
    let second = post(
        &client,
        &service.base,
        &jwt,
        "/v1/tokenize",
        json!({ "text": PROMPT }),
    )
    .await;
    drop(service);

    let finished: Value =
        serde_json::from_str(&keys_command(dir.path(), &["rotate-root", "--finish"], &[])).unwrap();
    assert_eq!(finished["root_key_version"], 2, "{finished}");
    let service = Service::start(dir.path(), &[]);
    for tokenized in [&first, &second] {
        let text = tokenized["text"].as_str().unwrap();
        assert_eq!(reveal(&client, &service.base, &jwt, text).await, PROMPT);
    }
}

pub(crate) async fn call(
    client: &reqwest::Client,
    method: reqwest::Method,
    url: String,
    jwt: &str,
    body: Option<Value>,
) -> (u16, Value) {
    let mut request = client.request(method, url).bearer_auth(jwt);
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

fn mint_admin(dir: &Path, env: &[(&str, String)]) -> String {
    mint_as(dir, env, "admin", &["--mfa"])
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_on_one_postgres_honour_each_others_key_changes_at_once() {
    let Some((pool, schema)) = postgres_schema().await else {
        return;
    };
    pool.close().await;
    two_instances_honour_each_others_key_changes(postgres_url_for_schema(&schema)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_on_citus_honour_each_others_key_changes_at_once() {
    let Some((pool, schema)) = citus_schema().await else {
        return;
    };
    pool.close().await;
    two_instances_honour_each_others_key_changes(citus_url_for_schema(&schema).unwrap()).await;
}

async fn two_instances_honour_each_others_key_changes(url: String) {
    let dir = tempfile::tempdir().unwrap();
    let env = vec![("PROMPTVAULT_DATABASE_URL", url)];
    let client = reqwest::Client::new();
    let jwt = mint(dir.path(), &env, "tokenize detokenize");
    let admin = mint_admin(dir.path(), &env);
    let first = Service::start(dir.path(), &env);
    let second = Service::start(dir.path(), &env);

    // The second instance warms its caches with version 1.
    let warm = post(
        &client,
        &second.base,
        &jwt,
        "/v1/tokenize",
        json!({ "text": "warm@example.org" }),
    )
    .await;
    let (status, _) = call(
        &client,
        reqwest::Method::POST,
        format!("{}/v1/admin/keys/rotate", first.base),
        &admin,
        None,
    )
    .await;
    assert_eq!(status, 200);
    post(
        &client,
        &second.base,
        &jwt,
        "/v1/tokenize",
        json!({ "text": "after@example.org" }),
    )
    .await;
    let (_, keys) = call(
        &client,
        reqwest::Method::GET,
        format!("{}/v1/admin/keys", first.base),
        &admin,
        None,
    )
    .await;
    let v2 = keys["data_keys"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["version"] == 2)
        .unwrap();
    assert_eq!(
        v2["records"], 1,
        "the second instance sealed with the new version: {keys}"
    );

    let (status, _) = call(
        &client,
        reqwest::Method::DELETE,
        format!("{}/v1/admin/tenant", first.base),
        &admin,
        None,
    )
    .await;
    assert_eq!(status, 200);
    let revealed = post(
        &client,
        &second.base,
        &jwt,
        "/v1/detokenize",
        json!({ "text": warm["text"] }),
    )
    .await;
    assert_eq!(
        revealed["unknown"], 1,
        "the second instance reveals nothing of the shredded tenant"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reencryption_killed_halfway_resumes_after_restart_and_completes_on_postgres() {
    let Some((pool, schema)) = postgres_schema().await else {
        return;
    };
    pool.close().await;
    let dir = tempfile::tempdir().unwrap();
    let env = vec![("PROMPTVAULT_DATABASE_URL", postgres_url_for_schema(&schema))];
    reencryption_killed_halfway_resumes(dir.path(), env).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reencryption_killed_halfway_resumes_after_restart_and_completes_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    reencryption_killed_halfway_resumes(dir.path(), Vec::new()).await;
}

async fn reencryption_killed_halfway_resumes(dir: &Path, env: Vec<(&'static str, String)>) {
    let client = reqwest::Client::new();
    let jwt = mint(dir, &env, "tokenize detokenize");
    let admin = mint_admin(dir, &env);
    let service = Service::start(dir, &env);

    // 20,000 records under version 1.
    let mut batches = Vec::new();
    for batch in 0..20 {
        let texts: Vec<String> = (0..1000)
            .map(|i| format!("u{batch}x{i}@example.org"))
            .collect();
        let answer = post(
            &client,
            &service.base,
            &jwt,
            "/v1/tokenize",
            json!({ "texts": texts }),
        )
        .await;
        batches.push((texts, answer["texts"].clone()));
    }
    call(
        &client,
        reqwest::Method::POST,
        format!("{}/v1/admin/keys/rotate", service.base),
        &admin,
        None,
    )
    .await;
    let (status, job) = call(
        &client,
        reqwest::Method::POST,
        format!("{}/v1/admin/keys/reencrypt", service.base),
        &admin,
        None,
    )
    .await;
    assert_eq!(status, 202);
    let progress_url = |base: &str| {
        format!(
            "{base}/v1/admin/keys/reencrypt/{}",
            job["id"].as_str().unwrap()
        )
    };
    let mut halfway = Value::Null;
    for _ in 0..2000 {
        let (_, progress) = call(
            &client,
            reqwest::Method::GET,
            progress_url(&service.base),
            &admin,
            None,
        )
        .await;
        if progress["processed"].as_i64().unwrap_or(0) > 0 {
            halfway = progress;
            break;
        }
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    service.kill_hard();
    assert_eq!(
        halfway["state"], "running",
        "killed while running: {halfway}"
    );

    let restarted = Service::start(dir, &env);
    let mut done = Value::Null;
    for _ in 0..300 {
        let (_, progress) = call(
            &client,
            reqwest::Method::GET,
            progress_url(&restarted.base),
            &admin,
            None,
        )
        .await;
        if progress["state"] == "done" {
            done = progress;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(done["remaining"], 0, "resumed to completion: {done}");
    let (_, keys) = call(
        &client,
        reqwest::Method::GET,
        format!("{}/v1/admin/keys", restarted.base),
        &admin,
        None,
    )
    .await;
    let v1 = keys["data_keys"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["version"] == 1)
        .unwrap();
    assert_eq!(v1["records"], 0);
    for (texts, tokenized) in batches.iter().step_by(5) {
        let answer = post(
            &client,
            &restarted.base,
            &jwt,
            "/v1/detokenize",
            json!({ "texts": tokenized }),
        )
        .await;
        assert_eq!(answer["texts"], json!(texts));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn audit_verify_and_export_work_offline_and_verify_fails_on_tampering() {
    let dir = tempfile::tempdir().unwrap();
    let client = reqwest::Client::new();
    let jwt = mint(dir.path(), &[], "tokenize detokenize");
    let service = Service::start(dir.path(), &[]);
    let answer = post(
        &client,
        &service.base,
        &jwt,
        "/v1/tokenize",
        json!({ "text": PROMPT }),
    )
    .await;
    post(
        &client,
        &service.base,
        &jwt,
        "/v1/detokenize",
        json!({ "text": answer["text"] }),
    )
    .await;
    drop(service);
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_promptvault"))
            .args(args)
            .current_dir(dir.path())
            .env_clear()
            .output()
            .unwrap()
    };

    let verified = run(&["audit", "verify"]);
    let exported = run(&["audit", "export", "--tenant", "acme"]);

    assert!(
        verified.status.success(),
        "{}",
        String::from_utf8_lossy(&verified.stderr)
    );
    let report: Value = serde_json::from_slice(&verified.stdout).unwrap();
    assert_eq!(report["tenant"], "acme");
    assert_eq!(report["report"]["ok"], true);
    let lines: Vec<Value> = String::from_utf8(exported.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        lines
            .iter()
            .map(|e| e["action"].as_str().unwrap())
            .collect::<Vec<_>>(),
        ["tokenize", "detokenize"]
    );
    for value in VALUES {
        assert!(!lines.iter().any(|e| e.to_string().contains(value)));
    }

    let db = dir.path().join("data/promptvault.db");
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", db.display()))
        .await
        .unwrap();
    sqlx::query("DROP TRIGGER audit_events_no_update")
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query(
        "UPDATE audit_events SET sub = 'someone-else' \
         WHERE seq = (SELECT seq FROM audit_links WHERE chain_index = 1)",
    )
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;
    let tampered = run(&["audit", "verify"]);
    assert!(!tampered.status.success());
    let report: Value = serde_json::from_slice(&tampered.stdout).unwrap();
    assert_eq!(report["report"]["problems"][0]["chain_index"], 1);
}

/// The Python with the official OpenAI SDK: `PV_PYTHON`, or `.venv-e2e` (which `.ci/run`
/// creates); `None` (skip) only outside CI.
pub(crate) fn sdk_python() -> Option<std::path::PathBuf> {
    let candidate = std::env::var_os("PV_PYTHON")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join(".venv-e2e/bin/python"));
    if candidate.exists() {
        return Some(candidate);
    }
    assert!(
        !crate::helpers::in_ci(),
        "CI needs the OpenAI SDK at {}",
        candidate.display()
    );
    crate::helpers::skip(&format!(
        "no Python with the OpenAI SDK at {} (.ci/run creates it)",
        candidate.display()
    ));
    None
}

/// Runs `tests/e2e/<script>` with `python` against the service at `base` as `jwt`;
/// asserts it printed "ok".
async fn run_sdk_script(python: std::path::PathBuf, script: &str, base: &str, jwt: &str) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/e2e")
        .join(script);
    let (base, jwt) = (base.to_owned(), jwt.to_owned());
    let out = tokio::task::spawn_blocking(move || {
        Command::new(python)
            .arg(script)
            .env("PV_BASE_URL", base)
            .env("PV_JWT", jwt)
            .output()
            .unwrap()
    })
    .await
    .unwrap();
    assert!(
        out.status.success(),
        "the SDK script failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "ok");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_official_openai_sdk_works_through_the_proxy_whole_and_streamed() {
    let Some(python) = sdk_python() else {
        return;
    };
    let mock = crate::proxy::MockUpstream::default();
    *mock.template.lock().unwrap() = "Done: mailed {0}, charged {1} for {2}. Ça va?".to_owned();
    let upstream = mock.start().await;
    let dir = tempfile::tempdir().unwrap();
    let key_file = dir.path().join("provider.key");
    std::fs::write(&key_file, crate::proxy::PROVIDER_KEY).unwrap();
    let env = vec![
        ("PROMPTVAULT_UPSTREAM_URL", upstream),
        (
            "PROMPTVAULT_UPSTREAM_API_KEY_FILE",
            key_file.display().to_string(),
        ),
    ];
    let service = Service::start(dir.path(), &env);
    let jwt = mint(dir.path(), &env, "tokenize detokenize");
    run_sdk_script(python, "openai_sdk.py", &service.base, &jwt).await;
    // The provider saw tokens only, and its own key.
    let received = mock.received.lock().unwrap().clone();
    assert_eq!(received.len(), 3);
    for request in received {
        let sent = request.body.to_string();
        assert!(
            !sent.contains("ann@example.org") && !sent.contains("Jane Doe"),
            "{sent}"
        );
        let key = request
            .headers
            .get("authorization")
            .or_else(|| request.headers.get("api-key"))
            .unwrap()
            .to_str()
            .unwrap()
            .to_owned();
        assert!(key.ends_with(crate::proxy::PROVIDER_KEY), "{key}");
    }
    assert!(!service.logs().contains("ann@example.org"));
}

/// The Anthropic key the service holds for `/v1/messages`.
const ANTHROPIC_KEY: &str = "sk-ant-provider-key-held-by-the-service-only";

/// The official Anthropic SDK (x-api-key and bearer) and the OpenAI SDK's Responses API,
/// whole, streamed at many cuts, and with tool calls sent back: they work unchanged but
/// for base URL and key, and neither provider sees a value or the caller's JWT.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_anthropic_sdk_and_the_responses_api_work_through_the_proxy() {
    let Some(python) = sdk_python() else {
        return;
    };
    let has_anthropic = Command::new(&python)
        .args(["-c", "import anthropic"])
        .output()
        .is_ok_and(|out| out.status.success());
    if !has_anthropic {
        assert!(
            !crate::helpers::in_ci(),
            "CI needs the Anthropic SDK in {}",
            python.display()
        );
        crate::helpers::skip("no Anthropic SDK in the Python of .venv-e2e (.ci/run installs it)");
        return;
    }
    let mock = crate::proxy::MockUpstream::default();
    *mock.template.lock().unwrap() = "Done: mailed {0}, charged {1} for {2}. Ça va?".to_owned();
    let upstream = mock.start().await;
    let dir = tempfile::tempdir().unwrap();
    let (openai_key, anthropic_key) = (
        dir.path().join("openai.key"),
        dir.path().join("anthropic.key"),
    );
    std::fs::write(&openai_key, crate::proxy::PROVIDER_KEY).unwrap();
    std::fs::write(&anthropic_key, ANTHROPIC_KEY).unwrap();
    let env = vec![
        ("PROMPTVAULT_UPSTREAM_URL", upstream.clone()),
        (
            "PROMPTVAULT_UPSTREAM_API_KEY_FILE",
            openai_key.display().to_string(),
        ),
        ("PROMPTVAULT_ANTHROPIC_URL", upstream),
        (
            "PROMPTVAULT_ANTHROPIC_API_KEY_FILE",
            anthropic_key.display().to_string(),
        ),
    ];
    let service = Service::start(dir.path(), &env);
    let jwt = mint(dir.path(), &env, "tokenize detokenize");
    run_sdk_script(python, "anthropic_sdk.py", &service.base, &jwt).await;

    let received = mock.received.lock().unwrap().clone();
    let messages = received
        .iter()
        .filter(|r| r.path.ends_with("/v1/messages"))
        .count();
    let responses = received
        .iter()
        .filter(|r| r.path.ends_with("/v1/responses"))
        .count();
    assert_eq!(
        (messages, responses),
        (10, 5),
        "{:?}",
        received.iter().map(|r| &r.path).collect::<Vec<_>>()
    );
    for request in received {
        let sent = request.body.to_string();
        for value in [
            "ann@example.org",
            "4111 1111 1111 1111",
            "Jane Doe",
            jwt.as_str(),
        ] {
            assert!(
                !sent.contains(value),
                "{value} reached the provider: {sent}"
            );
        }
        let headers = format!("{:?}", request.headers);
        assert!(
            !headers.contains(jwt.as_str()),
            "the caller's JWT reached the provider"
        );
        if request.path.ends_with("/v1/messages") {
            assert_eq!(request.headers["x-api-key"], ANTHROPIC_KEY);
            assert!(request.headers.get("authorization").is_none());
            assert!(request.headers.contains_key("anthropic-version"));
        } else {
            let bearer = format!("Bearer {}", crate::proxy::PROVIDER_KEY);
            assert_eq!(request.headers["authorization"], bearer.as_str());
        }
    }
    assert!(!service.logs().contains("ann@example.org"));
}

#[test]
fn a_config_file_holding_a_secret_must_be_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("promptvault.toml");
    std::fs::write(&config, "root_key_passphrase = \"a long passphrase\"\n").unwrap();
    std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o644)).unwrap();
    let run = || {
        Command::new(env!("CARGO_BIN_EXE_promptvault"))
            .args(["--config", config.to_str().unwrap(), "migrate"])
            .current_dir(dir.path())
            .env_clear()
            .output()
            .unwrap()
    };
    let open = run();
    let stderr = String::from_utf8_lossy(&open.stderr);
    assert!(!open.status.success());
    assert!(stderr.contains("chmod 600"), "{stderr}");
    assert!(!stderr.contains("a long passphrase"), "{stderr}");
    std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o600)).unwrap();
    let private = run();
    assert!(
        private.status.success(),
        "{}",
        String::from_utf8_lossy(&private.stderr)
    );
}
