//! The web console: its headers and assets over HTTP, and the whole of it in a real
//! browser (Debian's chromium driven by Playwright, `tests/e2e/console/console.mjs`)
//! against the real binary.

use std::path::{Path, PathBuf};
use std::process::Command;

use axum::http::StatusCode;
use serde_json::json;

use crate::helpers::{in_ci, skip, sqlite_app};
use crate::process::{call, mint_for, post, Service};
use reqwest::Method;

const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_console_is_served_with_a_strict_content_security_policy() {
    let app = sqlite_app().await;
    for (path, kind) in [
        ("/console", "text/html; charset=utf-8"),
        ("/console/console.js", "text/javascript; charset=utf-8"),
        ("/console/console.css", "text/css; charset=utf-8"),
    ] {
        let answer = app.request("GET", path, None, None, Vec::new()).await;
        assert_eq!(answer.status, StatusCode::OK, "{path}");
        let header = |name: &str| {
            answer
                .headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned()
        };
        assert_eq!(header("content-type"), kind, "{path}");
        assert_eq!(header("content-security-policy"), CSP, "{path}");
        assert_eq!(header("x-content-type-options"), "nosniff", "{path}");
        assert_eq!(header("x-frame-options"), "DENY", "{path}");
        assert_eq!(header("referrer-policy"), "no-referrer", "{path}");
        assert_eq!(header("cache-control"), "no-store", "{path}");
    }
    let page = app
        .request("GET", "/console", None, None, Vec::new())
        .await
        .raw;
    // Nothing inline (the policy would refuse it) and nothing from another host.
    assert!(
        !page.contains("<script>") && !page.contains(" style="),
        "{page}"
    );
    assert!(
        !page.contains("http://") && !page.contains("https://"),
        "{page}"
    );
    let missing = app
        .request("GET", "/console/other.js", None, None, Vec::new())
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
}

/// Node, the Playwright package and chromium, or why the browser test cannot run.
fn browser_tools() -> Result<(PathBuf, PathBuf), String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/e2e/console");
    let chromium = std::env::var("PV_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_owned());
    if !Path::new(&chromium).exists() {
        return Err(format!("{chromium} is missing (apt-get install chromium)"));
    }
    if !dir.join("node_modules/playwright-core").exists() {
        return Err(format!(
            "playwright-core is not installed (cd {} && npm ci)",
            dir.display()
        ));
    }
    match Command::new("node").arg("--version").output() {
        Ok(out) if out.status.success() => Ok((dir, PathBuf::from(chromium))),
        _ => Err("node is not on PATH".to_owned()),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_console_works_in_a_browser_page_by_page() {
    let (tests, chromium) = match browser_tools() {
        Ok(tools) => tools,
        Err(reason) if !in_ci() => return skip(&reason),
        Err(reason) => panic!("CI runs the browser tests: {reason}"),
    };
    let dir = tempfile::tempdir().unwrap();
    let admin = mint_for(
        dir.path(),
        &[],
        "console-admin",
        "tokenize detokenize admin",
        &["--mfa"],
    );
    let mallory = mint_for(dir.path(), &[], "mallory", "detokenize", &[]);
    let service = Service::start(dir.path(), &[]);
    let client = reqwest::Client::new();

    // A caller blocked for touching a honey token, for the console to lift.
    let (status, honey) = call(
        &client,
        Method::POST,
        format!("{}/v1/admin/honeytokens", service.base),
        &admin,
        Some(json!({ "type": "EMAIL" })),
    )
    .await;
    assert_eq!(status, 201, "{honey}");
    let token = honey["token"].as_str().unwrap();
    post(
        &client,
        &service.base,
        &mallory,
        "/v1/detokenize",
        json!({ "text": token }),
    )
    .await;

    // Pictures of an earlier run must not stand in for this one's.
    let screenshots = Path::new(env!("CARGO_TARGET_TMPDIR")).join("console-screenshots");
    let _ = std::fs::remove_dir_all(&screenshots);
    let out = Command::new("node")
        .arg(tests.join("console.mjs"))
        .current_dir(&tests)
        .env("PV_BASE", &service.base)
        .env("PV_JWT", &admin)
        .env("PV_BLOCKED", "mallory")
        .env("PV_SCREENSHOTS", &screenshots)
        .env("PV_CHROMIUM", &chromium)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "the browser test failed:\n{stdout}\n{}\nservice:\n{}",
        String::from_utf8_lossy(&out.stderr),
        service.logs()
    );
    assert!(stdout.contains("console: all pages passed"), "{stdout}");
    for page in [
        "signin",
        "try",
        "keys",
        "audit",
        "anomalies",
        "policy",
        "glance",
    ] {
        assert!(
            screenshots.join(format!("{page}.png")).exists(),
            "no screenshot of {page}"
        );
    }
    // The browser's calls went through the API and are on record like any other.
    let (_, audit) = call(
        &client,
        Method::GET,
        format!("{}/v1/admin/audit?action=block.lift", service.base),
        &admin,
        None,
    )
    .await;
    assert_eq!(audit["events"][0]["sub"], "console-admin", "{audit}");
}
