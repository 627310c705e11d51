//! Schema-driven tests: schemathesis (pinned, installed by `.ci/run`) generates requests
//! from `/openapi.json` for every operation, on both stores, against the real binary with
//! an upstream for the proxy routes, and checks that no answer is a server error and that
//! every answer matches the document (status codes, content types, bodies, headers) and
//! every request the document forbids is refused.
//!
//! One check is left out: that every request the document allows is accepted. A schema
//! cannot say which regular expressions compile or which type labels a tenant's policy
//! defines, so a policy or a tokenize call can be schema-valid and still rightly refused.

use std::path::Path;
use std::process::Command;

use reqwest::Method;
use serde_json::Value;

use crate::helpers::{in_ci, postgres_schema, postgres_url_for_schema, skip};
use crate::process::{call, sdk_python, Service};

/// Examples per operation and phase: enough to reach every branch of the validation,
/// bounded so that both stores take about a minute together.
const MAX_EXAMPLES: &str = "40";

/// A JWT for `sub` with every scope, signed with the service's development secret.
fn mint(dir: &Path, env: &[(&str, String)], sub: &str) -> String {
    let mut command = Command::new(env!("CARGO_BIN_EXE_promptvault"));
    command
        .args([
            "token", "--tenant", "acme", "--sub", sub, "--mfa", "--scope",
        ])
        .arg("tokenize detokenize detokenize:SECRET admin admin:system")
        .current_dir(dir)
        .env_clear();
    for (key, value) in env {
        command.env(key, value);
    }
    let out = command.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

/// Creates what the operations with path parameters need: a re-encryption job, a second
/// key version, and an action pending under dual control that another admin may confirm.
/// Returns the `[parameters]` of the schemathesis configuration.
async fn test_data(base: &str, requester: &str) -> String {
    let client = reqwest::Client::new();
    let (status, job) = call(
        &client,
        Method::POST,
        format!("{base}/v1/admin/keys/reencrypt"),
        requester,
        None,
    )
    .await;
    assert_eq!(status, 202, "{job}");
    let (status, _) = call(
        &client,
        Method::POST,
        format!("{base}/v1/admin/keys/rotate"),
        requester,
        None,
    )
    .await;
    assert_eq!(status, 200);
    let (status, pending) = call(
        &client,
        Method::DELETE,
        format!("{base}/v1/admin/keys/1"),
        requester,
        None,
    )
    .await;
    assert_eq!(status, 202, "{pending}");
    let id = |v: &Value| v["id"].as_str().unwrap().to_owned();
    format!(
        "[parameters]\njob = \"{}\"\nid = \"{}\"\nversion = 1\nsub = \"someone-blocked\"\n\
         deployment = \"gpt-4o\"\n",
        id(&job),
        id(&pending)
    )
}

/// How many operations the OpenAPI document declares.
fn operations() -> usize {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/api/openapi.json");
    let document: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    document["paths"]
        .as_object()
        .unwrap()
        .values()
        .map(|operations| operations.as_object().unwrap().len())
        .sum()
}

async fn schemathesis_finds_nothing(store_env: Vec<(&'static str, String)>) {
    let Some(python) = sdk_python() else {
        return;
    };
    let st = python.with_file_name("st");
    if !st.exists() {
        assert!(!in_ci(), "CI needs schemathesis at {}", st.display());
        skip(&format!(
            "no schemathesis at {} (.ci/run installs it)",
            st.display()
        ));
        return;
    }
    let mock = crate::proxy::MockUpstream::default();
    let upstream = mock.start().await;
    let dir = tempfile::tempdir().unwrap();
    let key_file = dir.path().join("provider.key");
    std::fs::write(&key_file, crate::proxy::PROVIDER_KEY).unwrap();
    let mut env = store_env;
    env.extend([
        ("PROMPTVAULT_UPSTREAM_URL", upstream.clone()),
        (
            "PROMPTVAULT_UPSTREAM_API_KEY_FILE",
            key_file.display().to_string(),
        ),
        ("PROMPTVAULT_ANTHROPIC_URL", upstream),
        (
            "PROMPTVAULT_ANTHROPIC_API_KEY_FILE",
            key_file.display().to_string(),
        ),
        ("PROMPTVAULT_ADMIN_DUAL_CONTROL", "true".to_owned()),
        // Generated prompts are random, not an attack: keep the caller unblocked.
        ("PROMPTVAULT_ANOMALY_BLOCK", "none".to_owned()),
        ("PROMPTVAULT_RATE_LIMIT_TOKENIZE_PER_SUB", "0".to_owned()),
        ("PROMPTVAULT_RATE_LIMIT_TOKENIZE_PER_TENANT", "0".to_owned()),
        ("PROMPTVAULT_RATE_LIMIT_DETOKENIZE_PER_SUB", "0".to_owned()),
        (
            "PROMPTVAULT_RATE_LIMIT_DETOKENIZE_PER_TENANT",
            "0".to_owned(),
        ),
    ]);
    let service = Service::start(dir.path(), &env);
    let requester = mint(dir.path(), &env, "first-admin");
    let config = test_data(&service.base, &requester).await;
    std::fs::write(dir.path().join("schemathesis.toml"), config).unwrap();
    // The second admin runs the tests, so that confirming the pending action is reached.
    let jwt = mint(dir.path(), &env, "second-admin");
    let base = service.base.clone();
    let work = dir.path().to_owned();
    let out = tokio::task::spawn_blocking(move || {
        Command::new(st)
            .current_dir(&work)
            .args(["--no-color", "run", &format!("{base}/openapi.json")])
            .args(["--header", &format!("Authorization: Bearer {jwt}")])
            .args([
                "--checks",
                "all",
                "--exclude-checks",
                "positive_data_acceptance",
            ])
            .args(["--max-examples", MAX_EXAMPLES, "--seed", "20261204"])
            .args(["--phases", "examples,coverage,fuzzing"])
            .env("SCHEMATHESIS_HOOKS", "")
            .output()
            .unwrap()
    })
    .await
    .unwrap();
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "schemathesis failed:\n{report}");
    // Schemathesis leaves out the operation that serves the document it reads.
    let every = operations() - 1;
    assert!(
        report.contains(&format!("Selected: {every}/{every}"))
            && report.contains(&format!("Tested: {every}\n")),
        "not every operation ran:\n{report}"
    );
    assert!(!report.contains("Schema Error"), "{report}");
    let logs = service.logs();
    assert!(!logs.contains("panic"), "{logs}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn schemathesis_finds_no_server_error_and_no_schema_mismatch_on_sqlite() {
    schemathesis_finds_nothing(Vec::new()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn schemathesis_finds_no_server_error_and_no_schema_mismatch_on_postgres() {
    let Some((pool, schema)) = postgres_schema().await else {
        return;
    };
    pool.close().await;
    schemathesis_finds_nothing(vec![(
        "PROMPTVAULT_DATABASE_URL",
        postgres_url_for_schema(&schema),
    )])
    .await;
}
