//! The key lifecycle over HTTP: rotate, re-encrypt, retire, shred, on both stores.

use std::sync::Arc;
use std::time::Duration;

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::helpers::{
    postgres_app_with, sqlite_app_with, Answer, AppOptions, TestApp, ALL_SCOPES, TENANT,
};

async fn admin(app: &TestApp, method: &str, path: &str) -> Answer {
    let bearer = app.jwt(TENANT, "admin", None);
    app.request(method, path, Some(&bearer), None, Vec::new())
        .await
}

fn version_row(keys: &Value, version: i64) -> Value {
    keys["data_keys"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["version"] == version)
        .cloned()
        .unwrap_or(Value::Null)
}

async fn wait_for_job(app: &TestApp, id: &str) -> Value {
    for _ in 0..200 {
        let job = admin(app, "GET", &format!("/v1/admin/keys/reencrypt/{id}"))
            .await
            .body;
        if job["state"] != "running" {
            return job;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the re-encryption did not finish");
}

async fn rotation_keeps_old_tokens_readable_and_new_tokens_use_the_new_version(app: TestApp) {
    // Arrange
    let before = app.tokenize("old: ann@example.org and 10.0.0.1").await;

    // Act
    let rotated = admin(&app, "POST", "/v1/admin/keys/rotate").await;
    let after = app.tokenize("new: bob@example.org").await;
    let keys = admin(&app, "GET", "/v1/admin/keys").await;

    // Assert
    assert_eq!(rotated.status, StatusCode::OK, "{}", rotated.raw);
    assert_eq!(version_row(&keys.body, 1)["state"], "decrypt_only");
    assert_eq!(version_row(&keys.body, 1)["records"], 2);
    assert_eq!(version_row(&keys.body, 2)["state"], "active");
    assert_eq!(version_row(&keys.body, 2)["records"], 1);
    assert_eq!(keys.body["root_key_version"], 1);
    assert_eq!(
        app.detokenize(&before).await["text"],
        "old: ann@example.org and 10.0.0.1"
    );
    assert_eq!(app.detokenize(&after).await["text"], "new: bob@example.org");
}
on_every_backend!(rotation_keeps_old_tokens_readable_and_new_tokens_use_the_new_version);

async fn an_old_version_can_be_retired_only_after_reencryption(app: TestApp) {
    let texts: Vec<String> = (0..30).map(|i| format!("user{i}@example.org")).collect();
    let tokenized = app
        .post("/v1/tokenize", &json!({ "texts": texts }))
        .await
        .body["texts"]
        .clone();
    admin(&app, "POST", "/v1/admin/keys/rotate").await;

    let refused = admin(&app, "DELETE", "/v1/admin/keys/1").await;
    let active = admin(&app, "DELETE", "/v1/admin/keys/2").await;
    let missing = admin(&app, "DELETE", "/v1/admin/keys/9").await;
    assert_eq!(refused.status, StatusCode::CONFLICT, "{}", refused.raw);
    assert!(refused.body["detail"]
        .as_str()
        .unwrap()
        .starts_with("30 records"));
    assert_eq!(active.status, StatusCode::CONFLICT);
    assert_eq!(missing.status, StatusCode::NOT_FOUND);

    let started = admin(&app, "POST", "/v1/admin/keys/reencrypt").await;
    assert_eq!(started.status, StatusCode::ACCEPTED, "{}", started.raw);
    let job = wait_for_job(&app, started.body["id"].as_str().unwrap()).await;
    assert_eq!(job["state"], "done");
    assert_eq!(job["processed"], 30);
    assert_eq!(job["remaining"], 0);

    let retired = admin(&app, "DELETE", "/v1/admin/keys/1").await;
    assert_eq!(retired.status, StatusCode::OK, "{}", retired.raw);
    assert_eq!(version_row(&retired.body, 1)["state"], "destroyed");
    let restored = app
        .post("/v1/detokenize", &json!({ "texts": tokenized }))
        .await;
    assert_eq!(restored.body["texts"], json!(texts));
    assert_eq!(restored.body["unknown"], 0);
}
on_every_backend!(an_old_version_can_be_retired_only_after_reencryption);

async fn reencryption_under_concurrent_traffic_fails_no_request(app: TestApp) {
    let app = Arc::new(app);
    let texts: Vec<String> = (0..600).map(|i| format!("load{i}@example.org")).collect();
    let tokenized = app
        .post("/v1/tokenize", &json!({ "texts": texts }))
        .await
        .body["texts"]
        .clone();
    admin(&app, "POST", "/v1/admin/keys/rotate").await;
    let started = admin(&app, "POST", "/v1/admin/keys/reencrypt").await;

    let mut traffic = Vec::new();
    for worker in 0..4 {
        let app = Arc::clone(&app);
        let tokenized = tokenized.clone();
        let texts = texts.clone();
        traffic.push(tokio::spawn(async move {
            for round in 0..15 {
                let fresh = format!("w{worker}r{round}@example.net");
                let t = app.post("/v1/tokenize", &json!({ "text": fresh })).await;
                assert_eq!(t.status, StatusCode::OK, "{}", t.raw);
                let d = app
                    .post("/v1/detokenize", &json!({ "texts": tokenized }))
                    .await;
                assert_eq!(d.status, StatusCode::OK, "{}", d.raw);
                assert_eq!(d.body["texts"], json!(texts));
            }
        }));
    }
    for task in traffic {
        task.await.unwrap();
    }
    let job = wait_for_job(&app, started.body["id"].as_str().unwrap()).await;
    assert_eq!(job["state"], "done");
    let keys = admin(&app, "GET", "/v1/admin/keys").await;
    assert_eq!(version_row(&keys.body, 1)["records"], 0);
}
on_every_backend!(reencryption_under_concurrent_traffic_fails_no_request);

async fn shredding_makes_the_tenants_tokens_unknown_and_leaves_others_alone(app: TestApp) {
    let mine = app.tokenize("ann@example.org").await;
    let other_bearer = app.jwt("other-tenant", "tokenize detokenize", None);
    let theirs = app
        .post_as(
            &other_bearer,
            "/v1/tokenize",
            &json!({ "text": "bob@example.org" }),
        )
        .await
        .body["text"]
        .clone();

    let shredded = admin(&app, "DELETE", "/v1/admin/tenant").await;
    let after = app.detokenize(&mine).await;
    let others = app
        .post_as(&other_bearer, "/v1/detokenize", &json!({ "text": theirs }))
        .await;

    assert_eq!(shredded.status, StatusCode::OK, "{}", shredded.raw);
    assert_eq!(shredded.body["shredded"], true);
    assert_eq!(after["unknown"], 1);
    assert_eq!(after["text"], mine);
    assert_eq!(others.body["text"], "bob@example.org");
    let keys = admin(&app, "GET", "/v1/admin/keys").await;
    assert!(keys.body["data_keys"]
        .as_array()
        .unwrap()
        .iter()
        .all(|k| k["state"] == "destroyed"));

    // The tenant can start afresh; the old records stay unreadable.
    let fresh = app.tokenize("carol@example.org").await;
    assert_eq!(app.detokenize(&fresh).await["text"], "carol@example.org");
    assert_eq!(app.detokenize(&mine).await["unknown"], 1);
}
on_every_backend!(shredding_makes_the_tenants_tokens_unknown_and_leaves_others_alone);

async fn a_rotation_through_one_instance_is_used_by_another_at_once(app: TestApp) {
    let other = app.another_instance().await;
    let warm = other.tokenize("warm@example.org").await;
    admin(&app, "POST", "/v1/admin/keys/rotate").await;
    other.tokenize("after@example.org").await;
    let keys = admin(&other, "GET", "/v1/admin/keys").await;
    assert_eq!(version_row(&keys.body, 2)["records"], 1, "{}", keys.raw);

    // The other instance reveals from what it holds in memory, until a key change.
    assert_eq!(other.detokenize(&warm).await["text"], "warm@example.org");
    admin(&app, "DELETE", "/v1/admin/tenant").await;
    assert_eq!(
        other.detokenize(&warm).await["unknown"],
        1,
        "the other instance reveals nothing after shredding"
    );
    // One event per reveal: the attempt made with the stale epoch left none.
    let events = admin(&app, "GET", "/v1/admin/audit?action=detokenize").await;
    let revealed: Vec<Value> = events.body["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["details"]["revealed"].clone())
        .collect();
    assert_eq!(revealed, vec![json!(1), json!(0)], "{}", events.raw);
}
on_every_backend!(a_rotation_through_one_instance_is_used_by_another_at_once);

async fn key_admin_calls_need_admin_and_mfa(app: TestApp) {
    let no_mfa = app.jwt_as("ops", TENANT, "admin", None, false);
    let no_admin = app.jwt(TENANT, "tokenize detokenize", None);
    for bearer in [&no_mfa, &no_admin] {
        for (method, path) in [
            ("GET", "/v1/admin/keys"),
            ("POST", "/v1/admin/keys/rotate"),
            ("POST", "/v1/admin/keys/reencrypt"),
            ("DELETE", "/v1/admin/keys/1"),
            ("DELETE", "/v1/admin/tenant"),
        ] {
            let answer = app
                .request(method, path, Some(bearer), None, Vec::new())
                .await;
            assert_eq!(answer.status, StatusCode::FORBIDDEN, "{method} {path}");
        }
    }
}
on_every_backend!(key_admin_calls_need_admin_and_mfa);

async fn root_rotation_rewraps_every_key_and_a_restart_needs_only_the_new_file(app: TestApp) {
    // Arrange
    let mine = app.tokenize("ann@example.org").await;
    let other_bearer = app.jwt("other-tenant", "tokenize detokenize", None);
    let theirs = app
        .post_as(
            &other_bearer,
            "/v1/tokenize",
            &json!({ "text": "bob@example.org" }),
        )
        .await
        .body["text"]
        .clone();
    let system = app.jwt(TENANT, "admin:system", None);

    // Act
    let rotated = app
        .request(
            "POST",
            "/v1/admin/root/rotate",
            Some(&system),
            None,
            Vec::new(),
        )
        .await;

    // Assert
    assert_eq!(rotated.status, StatusCode::OK, "{}", rotated.raw);
    assert_eq!(rotated.body["root_key_version"], 2);
    assert_eq!(
        rotated.body["rewrapped"], 6,
        "two tenants and the audit key's owner, a data key and a fingerprint key each"
    );
    assert_eq!(
        admin(&app, "GET", "/v1/admin/keys").await.body["root_key_version"],
        2
    );
    assert_eq!(app.detokenize(&mine).await["text"], "ann@example.org");

    // A restart on the new file alone, after the retired copy is deleted.
    std::fs::remove_file(rotated.body["retired_file"].as_str().unwrap()).unwrap();
    let restarted = app.another_instance().await;
    assert_eq!(restarted.detokenize(&mine).await["text"], "ann@example.org");
    let answer = restarted
        .post_as(&other_bearer, "/v1/detokenize", &json!({ "text": theirs }))
        .await;
    assert_eq!(answer.body["text"], "bob@example.org");
    let fresh = restarted.tokenize("carol@example.org").await;
    assert_eq!(app.detokenize(&fresh).await["text"], "carol@example.org");
}
on_every_backend!(root_rotation_rewraps_every_key_and_a_restart_needs_only_the_new_file);

async fn root_rotation_needs_admin_system(app: TestApp) {
    let tenant_admin = app.jwt(TENANT, "admin", None);
    let answer = app
        .request(
            "POST",
            "/v1/admin/root/rotate",
            Some(&tenant_admin),
            None,
            Vec::new(),
        )
        .await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
    let no_mfa = app.jwt_as("ops", TENANT, "admin:system", None, false);
    let answer = app
        .request(
            "POST",
            "/v1/admin/root/rotate",
            Some(&no_mfa),
            None,
            Vec::new(),
        )
        .await;
    assert_eq!(answer.body["title"], "mfa_required");
}
on_every_backend!(root_rotation_needs_admin_system);

async fn dual_control_needs_a_second_admin_to_confirm(app: TestApp) {
    // Arrange
    let tokenized = app.tokenize("ann@example.org").await;
    let alice = app.jwt_as("alice", TENANT, "admin", None, true);
    let bob = app.jwt_as("bob", TENANT, "admin", None, true);
    let confirm = |id: &str| format!("/v1/admin/actions/{id}/confirm");

    // Act: alice asks, alice cannot confirm, bob can, once.
    let asked = app
        .request("DELETE", "/v1/admin/tenant", Some(&alice), None, Vec::new())
        .await;
    let id = asked.body["id"].as_str().unwrap().to_owned();
    let still_readable = app.detokenize(&tokenized).await;
    let by_alice = app
        .request("POST", &confirm(&id), Some(&alice), None, Vec::new())
        .await;
    let by_bob = app
        .request("POST", &confirm(&id), Some(&bob), None, Vec::new())
        .await;
    let twice = app
        .request("POST", &confirm(&id), Some(&bob), None, Vec::new())
        .await;
    let unknown = app
        .request("POST", &confirm("nope"), Some(&bob), None, Vec::new())
        .await;

    // Assert
    assert_eq!(asked.status, StatusCode::ACCEPTED, "{}", asked.raw);
    assert_eq!(asked.body["status"], "pending_confirmation");
    assert_eq!(asked.body["action"], "shred_tenant");
    assert_eq!(
        still_readable["text"], "ann@example.org",
        "nothing happens before confirmation"
    );
    assert_eq!(by_alice.status, StatusCode::FORBIDDEN);
    assert_eq!(by_alice.body["title"], "second_admin_required");
    assert_eq!(by_bob.status, StatusCode::OK, "{}", by_bob.raw);
    assert_eq!(by_bob.body["shredded"], true);
    assert_eq!(
        by_bob.body["root_key_version"], 2,
        "a shred retires the root key"
    );
    assert_eq!(twice.status, StatusCode::CONFLICT);
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!(app.detokenize(&tokenized).await["unknown"], 1);

    // Root rotation under dual control: the confirming admin needs admin:system too.
    let root_alice = app.jwt_as("alice", TENANT, "admin admin:system", None, true);
    let asked = app
        .request(
            "POST",
            "/v1/admin/root/rotate",
            Some(&root_alice),
            None,
            Vec::new(),
        )
        .await;
    let id = asked.body["id"].as_str().unwrap().to_owned();
    let plain_bob = app
        .request("POST", &confirm(&id), Some(&bob), None, Vec::new())
        .await;
    let root_bob = app.jwt_as("bob", TENANT, "admin admin:system", None, true);
    let system_bob = app
        .request("POST", &confirm(&id), Some(&root_bob), None, Vec::new())
        .await;
    assert_eq!(plain_bob.status, StatusCode::FORBIDDEN);
    assert_eq!(system_bob.status, StatusCode::OK, "{}", system_bob.raw);
    assert_eq!(system_bob.body["root_key_version"], 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dual_control_on_sqlite() {
    let options = AppOptions {
        dual_control: true,
        ..AppOptions::default()
    };
    dual_control_needs_a_second_admin_to_confirm(sqlite_app_with(&options).await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dual_control_on_postgres() {
    let options = AppOptions {
        dual_control: true,
        ..AppOptions::default()
    };
    if let Some(app) = postgres_app_with(&options).await {
        dual_control_needs_a_second_admin_to_confirm(app).await;
    }
}

/// The reveal cache, on and off, seen from outside: a row removed behind the service's
/// back (by hand, in the database; a shred moves the key epoch on instead) is still
/// revealed from memory when the cache holds it, and is unknown when the cache is off.
async fn the_reveal_cache_serves_from_memory_only_when_it_is_on(cache_bytes: u64) -> Value {
    let options = AppOptions {
        reveal_cache_bytes: Some(cache_bytes),
        ..AppOptions::default()
    };
    let app = sqlite_app_with(&options).await;
    let token = app.tokenize("cached@example.org").await;
    let crate::helpers::Db::Sqlite(pool, _) = &app.db else {
        unreachable!()
    };
    sqlx::query("DELETE FROM vault_entries")
        .execute(pool)
        .await
        .unwrap();
    app.detokenize(&token).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reveal_after_tokenize_needs_no_read_with_the_cache_on() {
    let revealed = the_reveal_cache_serves_from_memory_only_when_it_is_on(1 << 20).await;
    assert_eq!(revealed["text"], "cached@example.org", "{revealed}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_the_cache_off_every_reveal_reads_the_store() {
    let revealed = the_reveal_cache_serves_from_memory_only_when_it_is_on(0).await;
    assert_eq!(revealed["unknown"], 1, "{revealed}");
}

/// A database backup taken before a shred, restored beside the key files as they are after
/// it, reveals none of the shredded tenant's values: the shred deleted its ciphertext and
/// retired the root key version its keys were wrapped by, keeping no copy of it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_from_before_a_shred_reveals_nothing_with_the_key_files_after_it() {
    // Arrange: values of the tenant to shred and of another, a backup, an earlier
    // rotation's retired copy of the key file.
    let app = crate::helpers::sqlite_app().await;
    let tokenized = app
        .tokenize("mail ann@example.org or call +1 415 555 0100")
        .await;
    let system = app.jwt(TENANT, "admin admin:system", None);
    let rotated = app
        .request(
            "POST",
            "/v1/admin/root/rotate",
            Some(&system),
            None,
            Vec::new(),
        )
        .await;
    assert_eq!(rotated.status, StatusCode::OK, "{}", rotated.raw);
    let retired_copy = rotated.body["retired_file"].as_str().unwrap().to_owned();
    assert!(std::path::Path::new(&retired_copy).exists());
    let crate::helpers::Db::Sqlite(pool, path) = &app.db else {
        unreachable!()
    };
    let backup = path.with_file_name("backup.db");
    sqlx::query(&format!("VACUUM INTO '{}'", backup.display()))
        .execute(pool)
        .await
        .unwrap();

    // Act
    let shredded = app.admin_delete("/v1/admin/tenant").await;
    let restored = app.on_sqlite_file(&backup).await;
    let revealed = restored
        .post("/v1/detokenize", &json!({ "text": tokenized }))
        .await;

    // Assert
    assert_eq!(shredded.status, StatusCode::OK, "{}", shredded.raw);
    assert_eq!(shredded.body["root_key_version"], 3);
    assert!(
        !std::path::Path::new(&retired_copy).exists(),
        "the earlier rotation's copy of the key file is destroyed too"
    );
    assert!(
        !revealed.raw.contains("ann@example.org") && !revealed.raw.contains("555 0100"),
        "{}",
        revealed.raw
    );
    // Not a 500: the restored copy's keys do not open with the current root key.
    assert_eq!(
        revealed.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        revealed.raw
    );
    assert_eq!(revealed.body["title"], "keys_unavailable");
    // The live database holds none of the tenant's ciphertext any more.
    let (left,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM vault_entries WHERE tenant = $1")
        .bind(TENANT)
        .fetch_one(pool)
        .await
        .unwrap();
    assert_eq!(left, 0);
}

/// Records whose keys are gone (a tenant shredded by an earlier version kept them) are
/// unknown to every caller: one without the scope for their type must not learn, by a
/// `denied`, that they were once there.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_whose_key_is_gone_is_unknown_even_to_a_caller_without_its_scope() {
    let app = crate::helpers::sqlite_app().await;
    let tokenized = app.tokenize("password=Hunter2-Correct-Horse").await;
    assert!(tokenized.contains("[SECRET_"), "{tokenized}");
    let crate::helpers::Db::Sqlite(pool, _) = &app.db else {
        unreachable!()
    };
    for sql in [
        "UPDATE data_keys SET state = 'destroyed', wrapped_key = NULL WHERE tenant = $1",
        "UPDATE tenants SET key_epoch = key_epoch + 1, fingerprint_key = x'' WHERE tenant = $1",
    ] {
        sqlx::query(sql).bind(TENANT).execute(pool).await.unwrap();
    }
    let fresh = app.another_instance().await;
    let plain = fresh.jwt(TENANT, "detokenize", None);
    let answer = fresh
        .post_as(&plain, "/v1/detokenize", &json!({ "text": tokenized }))
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.raw);
    assert_eq!(answer.body["denied"], 0, "{}", answer.raw);
    assert_eq!(answer.body["unknown"], 1, "{}", answer.raw);
}

/// Under dual control a policy change that lowers protection waits for a second admin;
/// one that only adds protection applies at once.
async fn a_policy_lowering_protection_needs_a_second_admin(app: TestApp) {
    let alice = app.jwt_as("alice", TENANT, "admin", None, true);
    let bob = app.jwt_as("bob", TENANT, "admin", None, true);
    let put = |bearer: String, policy: Value| {
        let app = &app;
        async move {
            app.request(
                "PUT",
                "/v1/admin/policy",
                Some(&bearer),
                Some("application/json"),
                policy.to_string().into_bytes(),
            )
            .await
        }
    };
    for weaker in [
        json!({ "output": "pass" }),
        json!({ "entities": ["EMAIL"] }),
        json!({ "allow_list": ["ann@example.org"] }),
    ] {
        let asked = put(alice.clone(), weaker.clone()).await;
        assert_eq!(
            asked.status,
            StatusCode::ACCEPTED,
            "{weaker}: {}",
            asked.raw
        );
        assert_eq!(asked.body["action"], "replace_policy");
    }
    assert!(
        app.tokenize("ann@example.org").await.starts_with("[EMAIL_"),
        "nothing changed before confirmation"
    );
    let stronger = json!({ "recognizers": [
        { "name": "ids", "type": "EMPLOYEE_ID", "pattern": "EMP-[0-9]{6}" }
    ] });
    let applied = put(alice.clone(), stronger).await;
    assert_eq!(applied.status, StatusCode::OK, "{}", applied.raw);

    let asked = put(alice.clone(), json!({ "allow_list": ["ann@example.org"] })).await;
    let id = asked.body["id"].as_str().unwrap().to_owned();
    // Bob reviews what he is asked to confirm: the policy itself and its digest.
    let review = app
        .request(
            "GET",
            &format!("/v1/admin/actions/{id}"),
            Some(&bob),
            None,
            Vec::new(),
        )
        .await;
    assert_eq!(review.status, StatusCode::OK, "{}", review.raw);
    assert_eq!(
        review.body["status"], "pending_confirmation",
        "{}",
        review.raw
    );
    assert_eq!(review.body["requested_by"], "alice");
    assert_eq!(
        review.body["policy"]["allow_list"],
        json!(["ann@example.org"])
    );
    let digest = review.body["policy_sha256"].as_str().unwrap().to_owned();
    assert_eq!(digest.len(), 64);
    let confirm = format!("/v1/admin/actions/{id}/confirm");
    let by_alice = app
        .request("POST", &confirm, Some(&alice), None, Vec::new())
        .await;
    assert_eq!(by_alice.status, StatusCode::FORBIDDEN);
    let blind = app
        .request("POST", &confirm, Some(&bob), None, Vec::new())
        .await;
    assert_eq!(blind.status, StatusCode::BAD_REQUEST, "{}", blind.raw);
    let other_digest = format!("{confirm}?policy_sha256={}", "0".repeat(64));
    let not_reviewed = app
        .request("POST", &other_digest, Some(&bob), None, Vec::new())
        .await;
    assert_eq!(
        not_reviewed.status,
        StatusCode::CONFLICT,
        "{}",
        not_reviewed.raw
    );
    assert!(
        app.tokenize("ann@example.org").await.starts_with("[EMAIL_"),
        "a confirmation of another policy changes nothing"
    );
    let by_bob = app
        .request(
            "POST",
            &format!("{confirm}?policy_sha256={digest}"),
            Some(&bob),
            None,
            Vec::new(),
        )
        .await;
    assert_eq!(by_bob.status, StatusCode::OK, "{}", by_bob.raw);
    assert_eq!(app.tokenize("ann@example.org").await, "ann@example.org");
    let reviewed = app
        .request(
            "GET",
            &format!("/v1/admin/actions/{id}"),
            Some(&bob),
            None,
            Vec::new(),
        )
        .await;
    assert_eq!(reviewed.body["status"], "confirmed", "{}", reviewed.raw);
    assert_eq!(reviewed.body["confirmed_by"], "bob");
    // Both audit events name the digest, so the log says which policy was confirmed.
    let events = app.admin_get("/v1/admin/audit?action=action.confirm").await;
    let event = &events["events"][0];
    assert_eq!(
        event["details"]["policy_sha256"],
        digest.as_str(),
        "{events}"
    );
    let events = app.admin_get("/v1/admin/audit?action=action.request").await;
    assert!(
        events["events"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["details"]["policy_sha256"] == digest.as_str()),
        "{events}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn policy_dual_control_on_sqlite() {
    let options = AppOptions {
        dual_control: true,
        ..AppOptions::default()
    };
    a_policy_lowering_protection_needs_a_second_admin(sqlite_app_with(&options).await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn policy_dual_control_on_postgres() {
    let options = AppOptions {
        dual_control: true,
        ..AppOptions::default()
    };
    if let Some(app) = postgres_app_with(&options).await {
        a_policy_lowering_protection_needs_a_second_admin(app).await;
    }
}

/// A data key that sealed its budget of values is rotated, with an audit event by the
/// service; the values it sealed keep opening under it.
async fn a_data_key_past_its_seal_budget_is_rotated(app: TestApp) {
    let first = app
        .tokenize("a1@example.org a2@example.org a3@example.org a4@example.org")
        .await;
    assert_eq!(
        promptvault::app::rotate_spent_keys(&app.state)
            .await
            .unwrap(),
        0
    );
    let second = app
        .tokenize("b1@example.org b2@example.org b3@example.org b4@example.org")
        .await;
    assert_eq!(
        promptvault::app::rotate_spent_keys(&app.state)
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        promptvault::app::rotate_spent_keys(&app.state)
            .await
            .unwrap(),
        0,
        "once"
    );
    let keys = app.admin_get("/v1/admin/keys").await;
    let active: Vec<i64> = keys["data_keys"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|k| k["state"] == "active")
        .map(|k| k["version"].as_i64().unwrap())
        .collect();
    assert_eq!(active, vec![2], "{keys}");
    let events = app.admin_get("/v1/admin/audit?action=keys.rotate").await;
    let event = &events["events"][0];
    assert_eq!(event["sub"], "promptvault");
    assert_eq!(event["details"]["reason"], "seal_budget");
    for (tokenized, n) in [(&first, "a"), (&second, "b")] {
        let revealed = app.detokenize(tokenized).await;
        assert_eq!(
            revealed["text"],
            format!("{n}1@example.org {n}2@example.org {n}3@example.org {n}4@example.org")
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seal_budget_on_sqlite() {
    let options = AppOptions {
        seal_budget: Some(6),
        ..AppOptions::default()
    };
    a_data_key_past_its_seal_budget_is_rotated(sqlite_app_with(&options).await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seal_budget_on_postgres() {
    let options = AppOptions {
        seal_budget: Some(6),
        ..AppOptions::default()
    };
    if let Some(app) = postgres_app_with(&options).await {
        a_data_key_past_its_seal_budget_is_rotated(app).await;
    }
}

/// A root rotation through an instance that has not seen the last one (its keyring is a
/// version behind) builds on the key file as it is, not on its memory: every key still
/// opens afterwards, on a fresh instance too.
async fn a_rotation_through_a_stale_instance_keeps_every_key(app: TestApp) {
    let stale = app.another_instance().await;
    // Through the stale instance, so that it holds the tenant's and the audit key
    // already and nothing it does next makes it reload the root key file.
    let tokenized = stale.tokenize("mail ann@example.org").await;
    let system = app.jwt(TENANT, "admin admin:system", None);
    let first = app
        .request(
            "POST",
            "/v1/admin/root/rotate",
            Some(&system),
            None,
            Vec::new(),
        )
        .await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.raw);
    let second = stale
        .request(
            "POST",
            "/v1/admin/root/rotate",
            Some(&system),
            None,
            Vec::new(),
        )
        .await;
    assert_eq!(second.status, StatusCode::OK, "{}", second.raw);
    assert_eq!(second.body["root_key_version"], 3, "{}", second.raw);
    let fresh = app.another_instance().await;
    assert_eq!(
        fresh.detokenize(&tokenized).await["text"],
        "mail ann@example.org"
    );
    assert_eq!(
        app.detokenize(&tokenized).await["text"],
        "mail ann@example.org"
    );
}
on_every_backend!(a_rotation_through_a_stale_instance_keeps_every_key);

/// A data-key rotation through an instance that has not seen a root rotation made
/// elsewhere wraps the new key by the new root version: every instance opens it, and a
/// value sealed by it reveals everywhere.
async fn a_data_key_made_by_a_stale_instance_is_wrapped_by_the_current_root(app: TestApp) {
    let stale = app.another_instance().await;
    // Through the stale instance, so that it holds the tenant's and the audit key
    // already and nothing it does next makes it reload the root key file.
    let before = stale.tokenize("mail ann@example.org").await;
    let system = app.jwt(TENANT, "admin admin:system", None);
    let rotated = app
        .request(
            "POST",
            "/v1/admin/root/rotate",
            Some(&system),
            None,
            Vec::new(),
        )
        .await;
    assert_eq!(rotated.status, StatusCode::OK, "{}", rotated.raw);
    let new_key = stale
        .request(
            "POST",
            "/v1/admin/keys/rotate",
            Some(&system),
            None,
            Vec::new(),
        )
        .await;
    assert_eq!(new_key.status, StatusCode::OK, "{}", new_key.raw);

    let after = app.tokenize("mail bob@example.org").await;
    let fresh = app.another_instance().await;
    for instance in [&app, &stale, &fresh] {
        let revealed = instance.detokenize(&format!("{before} {after}")).await;
        assert_eq!(
            revealed["text"], "mail ann@example.org mail bob@example.org",
            "{revealed}"
        );
    }
    let keys = fresh.admin_get("/v1/admin/keys").await;
    assert_eq!(keys["root_key_version"], 2, "{keys}");
}
on_every_backend!(a_data_key_made_by_a_stale_instance_is_wrapped_by_the_current_root);

/// An instance that crashed between a shred and its root rotation leaves the rotation
/// owed in the database; any instance's background work pays it, once.
async fn a_shred_interrupted_before_its_root_rotation_is_finished_later(app: TestApp) {
    let other_bearer = app.jwt("t-other", ALL_SCOPES, None);
    let kept = app
        .post_as(
            &other_bearer,
            "/v1/tokenize",
            &serde_json::json!({"text": "mail ann@example.org"}),
        )
        .await;
    assert_eq!(kept.status, StatusCode::OK, "{}", kept.raw);
    app.tokenize("mail bob@example.org").await;
    // What the shredding instance committed before it crashed.
    assert!(app.state.store.shred_tenant(TENANT, 1).await.unwrap());
    assert_eq!(app.admin_get("/v1/admin/keys").await["root_key_version"], 1);

    let other = app.another_instance().await;
    assert!(other.state.keys.settle_owed_retirement().await.unwrap());
    assert!(
        !app.state.keys.settle_owed_retirement().await.unwrap(),
        "paid once"
    );
    let keys = app.admin_get("/v1/admin/keys").await;
    assert_eq!(keys["root_key_version"], 2, "{keys}");
    let revealed = app
        .post_as(
            &other_bearer,
            "/v1/detokenize",
            &serde_json::json!({"text": kept.body["text"]}),
        )
        .await;
    assert_eq!(
        revealed.body["text"], "mail ann@example.org",
        "{}",
        revealed.raw
    );
}
on_every_backend!(a_shred_interrupted_before_its_root_rotation_is_finished_later);

/// With a key file the service cannot write (a read-only Secret), a shred still destroys
/// the tenant and says 200, with its root rotation owed and on record.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_shred_with_a_read_only_root_key_answers_200_with_its_rotation_owed() {
    let options = AppOptions {
        read_only_root_key: true,
        ..AppOptions::default()
    };
    let app = sqlite_app_with(&options).await;
    let tokenized = app.tokenize("mail ann@example.org").await;
    let shred = app.admin_delete("/v1/admin/tenant").await;
    assert_eq!(shred.status, StatusCode::OK, "{}", shred.raw);
    assert_eq!(shred.body["shredded"], true);
    assert_eq!(shred.body["old_root_destroyed"], false, "{}", shred.raw);
    assert_eq!(app.detokenize(&tokenized).await["unknown"], 1);
    assert_eq!(app.state.store.shreds_settled().await.unwrap(), (1, 0));
    let events = app.admin_get("/v1/admin/audit?action=tenant.shred").await;
    let done = events["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["outcome"] == "ok")
        .unwrap_or_else(|| panic!("no completed shred event: {events}"));
    assert_eq!(done["details"]["old_root_destroyed"], false);
}
