//! The service when its surroundings fail: SQLite on a disk that fills up. (Kill -9 under
//! load is in `process`; Postgres restarted under load runs in its own test binary,
//! `tests/postgres_restart.rs`, so that no other test shares the database meanwhile.)

use std::path::{Path, PathBuf};
use std::process::Command;

use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::{in_ci, skip};
use crate::process::{call, Service};

/// A small tmpfs mounted for one test, unmounted when dropped.
struct SmallDisk(PathBuf);

impl SmallDisk {
    /// Mounts `size` (e.g. `1m`) at `path`; `None` where mounting is not allowed.
    fn mount(path: &Path, size: &str) -> Option<Self> {
        std::fs::create_dir_all(path).unwrap();
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(path)
            .output()
            .ok()?;
        mounted.status.success().then(|| Self(path.to_owned()))
    }

    fn grow(&self, size: &str) {
        let grown = Command::new("mount")
            .args(["-o", &format!("remount,size={size}")])
            .arg(&self.0)
            .status()
            .unwrap();
        assert!(grown.success());
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

/// POSTs `{"text": text}` to `path` and returns the status and body.
async fn post_text(service: &Service, jwt: &str, path: &str, text: &str) -> (u16, Value) {
    let client = reqwest::Client::new();
    let url = format!("{}{path}", service.base);
    call(
        &client,
        Method::POST,
        url,
        jwt,
        Some(json!({ "text": text })),
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_on_a_full_disk_answers_a_clear_error_and_loses_nothing() {
    // Arrange: the database on a 1 MiB disk.
    let dir = tempfile::tempdir().unwrap();
    let Some(disk) = SmallDisk::mount(&dir.path().join("disk"), "1m") else {
        assert!(!in_ci(), "CI needs to mount a tmpfs for the full-disk test");
        skip("cannot mount a tmpfs here (needs root)");
        return;
    };
    let env = vec![(
        "PROMPTVAULT_DATABASE_URL",
        format!("sqlite://{}/vault.db", disk.0.display()),
    )];
    let service = Service::start(dir.path(), &env);
    let jwt = crate::process::mint_as(dir.path(), &env, "tokenize detokenize", &[]);

    // Act: tokenize distinct values until the disk is full.
    let mut answered: Vec<(String, String)> = Vec::new();
    let refused = loop {
        let n = answered.len();
        let text = format!(
            "write to person{n}@example.org or call +1 415 555 {:04}",
            n % 10_000
        );
        let (status, body) = post_text(&service, &jwt, "/v1/tokenize", &text).await;
        if status != 200 {
            break (status, body);
        }
        answered.push((text, body["text"].as_str().unwrap().to_owned()));
        assert!(answered.len() < 20_000, "the disk never filled up");
    };

    // Assert: a clear 503, not a 500; the service stays up; once there is room again,
    // every answered token is revealed.
    assert_eq!(refused.0, 503, "{}", refused.1);
    assert_eq!(refused.1["title"], "store_full", "{}", refused.1);
    let again = post_text(&service, &jwt, "/v1/tokenize", "x@example.org").await;
    assert_ne!(again.0, 500, "{}\n{}", again.1, service.logs());
    disk.grow("16m");
    for (original, tokenized) in &answered {
        let (status, body) = post_text(&service, &jwt, "/v1/detokenize", tokenized).await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(body["text"], original.as_str());
    }
    assert!(
        !service.logs().contains("@example.org"),
        "no value in the logs"
    );
    drop(service);
}
