//! Tenant policy through the admin API: custom recognizers, allow-lists and the types to
//! tokenize take effect on the next request, on every instance, on both stores.

use std::sync::Arc;
use std::time::Duration;

use axum::http::StatusCode;
use promptvault::clock::ManualClock;
use serde_json::{json, Value};

use crate::helpers::{postgres_app_with, sqlite_app_with, AppOptions, TestApp, TENANT};

const PROMPT: &str =
    "EMP-123456 asked support@acme.example to call bob@example.com about Project Falcon.";

async fn put_policy(app: &TestApp, policy: &Value) -> crate::helpers::Answer {
    let admin = app.jwt(TENANT, "admin", None);
    let answer = app
        .request(
            "PUT",
            "/v1/admin/policy",
            Some(&admin),
            Some("application/json"),
            policy.to_string().into_bytes(),
        )
        .await;
    answer
}

async fn custom_recognizers_and_the_allow_list_apply_from_the_next_request_on_every_instance(
    app: TestApp,
) {
    // Arrange: a second instance with its own caches, on the same database.
    let other = app.another_instance().await;
    let before = app.tokenize(PROMPT).await;
    let before_other = other.tokenize(PROMPT).await;

    // Act
    let answer = put_policy(
        &app,
        &json!({
            "recognizers": [
                { "name": "employee ids", "type": "EMPLOYEE_ID", "pattern": "EMP-[0-9]{6}" },
                { "name": "code names", "type": "PROJECT", "dictionary": ["project falcon"] }
            ],
            "allow_list": ["Support@Acme.example"]
        }),
    )
    .await;
    let after = app.tokenize(PROMPT).await;
    let after_other = other.tokenize(PROMPT).await;

    // Assert
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.raw);
    assert_eq!(answer.body["version"], 1);
    for text in [&before, &before_other] {
        assert!(text.starts_with("EMP-123456 asked [EMAIL_"), "{text}");
        assert!(text.contains("about Project Falcon."), "{text}");
    }
    for text in [&after, &after_other] {
        assert!(text.starts_with("[EMPLOYEE_ID_"), "{text}");
        assert!(
            text.contains(" asked support@acme.example to call [EMAIL_"),
            "{text}"
        );
        assert!(text.contains(" about [PROJECT_"), "{text}");
    }
    let restored = app.detokenize(&after).await;
    assert_eq!(restored["text"], PROMPT);
    let email_only = app.jwt(TENANT, "detokenize:EMAIL", None);
    let partial = app
        .post_as(&email_only, "/v1/detokenize", &json!({ "text": after }))
        .await;
    assert_eq!(
        partial.body["denied"], 2,
        "tenant-defined types need their scope"
    );
    let typed = app.jwt(TENANT, "detokenize:EMPLOYEE_ID", None);
    let only_ids = app
        .post_as(&typed, "/v1/detokenize", &json!({ "text": after }))
        .await;
    assert!(only_ids.body["text"]
        .as_str()
        .unwrap()
        .starts_with("EMP-123456 asked"));
}
on_every_backend!(
    custom_recognizers_and_the_allow_list_apply_from_the_next_request_on_every_instance
);

async fn the_policy_chooses_which_types_are_tokenized(app: TestApp) {
    put_policy(&app, &json!({ "entities": ["IP_ADDRESS"] })).await;
    let text = app.tokenize("mail ann@example.org from 10.1.2.3").await;
    assert!(
        text.starts_with("mail ann@example.org from [IP_ADDRESS_"),
        "{text}"
    );

    let answer = put_policy(&app, &json!({})).await;
    assert_eq!(answer.body["version"], 2);
    let text = app.tokenize("mail ann@example.org from 10.1.2.3").await;
    assert!(
        text.starts_with("mail [EMAIL_"),
        "back to every type: {text}"
    );
}
on_every_backend!(the_policy_chooses_which_types_are_tokenized);

async fn validators_keep_only_checksum_valid_pattern_matches(app: TestApp) {
    put_policy(
        &app,
        &json!({ "recognizers": [{ "name": "loyalty", "type": "LOYALTY_CARD", "pattern": "LC[0-9]{8}", "validator": "luhn" }] }),
    )
    .await;
    let text = app.tokenize("cards LC12345674 and LC12345678").await;
    assert!(text.starts_with("cards [LOYALTY_CARD_"), "{text}");
    assert!(text.ends_with(" and LC12345678"), "{text}");
}
on_every_backend!(validators_keep_only_checksum_valid_pattern_matches);

async fn the_policy_reads_back_and_policies_are_per_tenant(app: TestApp) {
    let policy = json!({ "allow_list": ["ann@example.org"] });
    put_policy(&app, &policy).await;
    let admin = app.jwt(TENANT, "admin", None);
    let read = app
        .request("GET", "/v1/admin/policy", Some(&admin), None, Vec::new())
        .await;
    assert_eq!(read.status, StatusCode::OK);
    assert_eq!(read.body["version"], 1);
    assert_eq!(
        read.body["policy"]["allow_list"],
        json!(["ann@example.org"])
    );

    let stranger = app.jwt("other-tenant", "tokenize admin", None);
    let text = app
        .post_as(
            &stranger,
            "/v1/tokenize",
            &json!({ "text": "ann@example.org" }),
        )
        .await;
    assert!(
        text.body["text"].as_str().unwrap().starts_with("[EMAIL_"),
        "another tenant's allow-list does not apply"
    );
    let theirs = app
        .request("GET", "/v1/admin/policy", Some(&stranger), None, Vec::new())
        .await;
    assert_eq!(theirs.body["version"], 0);
}
on_every_backend!(the_policy_reads_back_and_policies_are_per_tenant);

async fn admin_calls_need_the_admin_scope_and_mfa(app: TestApp) {
    let body = json!({}).to_string().into_bytes();
    let no_scope = app.jwt(TENANT, "tokenize detokenize", None);
    let no_mfa = app.jwt_as("ops", TENANT, "admin", None, false);
    for bearer in [&no_scope, &no_mfa] {
        let put = app
            .request(
                "PUT",
                "/v1/admin/policy",
                Some(bearer),
                Some("application/json"),
                body.clone(),
            )
            .await;
        let get = app
            .request("GET", "/v1/admin/policy", Some(bearer), None, Vec::new())
            .await;
        assert_eq!(put.status, StatusCode::FORBIDDEN);
        assert_eq!(get.status, StatusCode::FORBIDDEN);
        assert_eq!(put.headers["content-type"], "application/problem+json");
    }
    let mfa = app
        .request("GET", "/v1/admin/policy", Some(&no_mfa), None, Vec::new())
        .await;
    assert_eq!(mfa.body["title"], "mfa_required");
}
on_every_backend!(admin_calls_need_the_admin_scope_and_mfa);

async fn an_invalid_policy_is_a_400_naming_the_field_and_changes_nothing(app: TestApp) {
    put_policy(&app, &json!({ "allow_list": ["keep@example.org"] })).await;
    for (policy, field) in [
        (
            json!({ "recognizers": [{ "name": "x", "type": "ID", "pattern": "(unclosed" }] }),
            "recognizers[0].pattern",
        ),
        (
            json!({ "recognizers": [{ "name": "x", "type": "lower", "pattern": "a" }] }),
            "recognizers[0].type",
        ),
        (json!({ "entities": ["NOT A TYPE"] }), "entities[0]"),
        (
            json!({ "entities": (0..65).map(|i| format!("TYPE_{i}")).collect::<Vec<_>>() }),
            "entities",
        ),
        (
            json!({ "recognizers": [{ "name": "x", "type": "ID", "pattern": ".*" }] }),
            "recognizers[0].pattern",
        ),
    ] {
        let answer = put_policy(&app, &policy).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{}", answer.raw);
        assert!(
            answer.body["detail"].as_str().unwrap().starts_with(field),
            "{}",
            answer.raw
        );
    }
    let unknown_field = put_policy(&app, &json!({ "allowlist": [] })).await;
    assert_eq!(unknown_field.status, StatusCode::BAD_REQUEST);
    let admin = app.jwt(TENANT, "admin", None);
    let read = app
        .request("GET", "/v1/admin/policy", Some(&admin), None, Vec::new())
        .await;
    assert_eq!(read.body["version"], 1);
    assert_eq!(app.tokenize("keep@example.org").await, "keep@example.org");
}
on_every_backend!(an_invalid_policy_is_a_400_naming_the_field_and_changes_nothing);

async fn expired_tokens_are_unknown_replaced_on_reuse_and_purged(app: TestApp, clock: ManualClock) {
    // Arrange
    put_policy(&app, &json!({ "token_ttl_seconds": 60 })).await;
    let in_ctx = app.jwt(TENANT, "tokenize detokenize", Some("chat"));
    let body = json!({ "text": "ttl@example.org" });
    let first = app.post_as(&in_ctx, "/v1/tokenize", &body).await.body["text"].clone();
    let again = app.post_as(&in_ctx, "/v1/tokenize", &body).await.body["text"].clone();
    let revealed = app
        .post_as(&in_ctx, "/v1/detokenize", &json!({ "text": first }))
        .await;

    // Act
    clock.advance(Duration::from_secs(61));
    let expired = app
        .post_as(&in_ctx, "/v1/detokenize", &json!({ "text": first }))
        .await;
    let renewed = app.post_as(&in_ctx, "/v1/tokenize", &body).await.body["text"].clone();
    let purged = app.state.keys.purge_expired().await.unwrap();

    // Assert
    assert_eq!(first, again, "deterministic while alive");
    assert_eq!(revealed.body["text"], "ttl@example.org");
    assert_eq!(expired.body["unknown"], 1);
    assert_eq!(expired.body["text"], first);
    assert_ne!(renewed, first, "an expired token is not handed out again");
    let fresh = app
        .post_as(&in_ctx, "/v1/detokenize", &json!({ "text": renewed }))
        .await;
    assert_eq!(fresh.body["text"], "ttl@example.org");
    assert_eq!(
        purged, 0,
        "the renewed row replaced the expired one in place"
    );

    // A token without ctx expires too, and the purge deletes it.
    let lonely = app.tokenize("lonely@example.org").await;
    clock.advance(Duration::from_secs(61));
    assert_eq!(app.state.keys.purge_expired().await.unwrap(), 2);
    assert_eq!(app.detokenize(&lonely).await["unknown"], 1);
    let admin = app.jwt(TENANT, "admin", None);
    let keys = app
        .request("GET", "/v1/admin/keys", Some(&admin), None, Vec::new())
        .await;
    assert_eq!(
        keys.body["data_keys"][0]["records"], 0,
        "the purged rows are gone: {}",
        keys.raw
    );
}

async fn a_renewed_token_stays_revealable_past_its_first_expiry(app: TestApp, clock: ManualClock) {
    // Arrange: revealed once (so this instance holds its sealed entry), then renewed by
    // tokenizing the same value again halfway through its time to live.
    put_policy(&app, &json!({ "token_ttl_seconds": 60 })).await;
    let in_ctx = app.jwt(TENANT, "tokenize detokenize", Some("chat"));
    let body = json!({ "text": "renew@example.org" });
    let token = app.post_as(&in_ctx, "/v1/tokenize", &body).await.body["text"].clone();
    let reveal_body = json!({ "text": token });
    let reveal = || app.post_as(&in_ctx, "/v1/detokenize", &reveal_body);
    assert_eq!(reveal().await.body["text"], "renew@example.org");
    clock.advance(Duration::from_secs(30));
    let renewed = app.post_as(&in_ctx, "/v1/tokenize", &body).await.body["text"].clone();

    // Act: past the first expiry, within the renewed one.
    clock.advance(Duration::from_secs(40));
    let revealed = reveal().await;

    // Assert
    assert_eq!(renewed, token, "the live token is handed out again");
    assert_eq!(
        revealed.body["text"], "renew@example.org",
        "{}",
        revealed.raw
    );
    clock.advance(Duration::from_secs(60));
    assert_eq!(
        reveal().await.body["unknown"],
        1,
        "and it ends with the renewed expiry"
    );
}

async fn a_time_to_live_added_later_ends_a_cached_token_too(app: TestApp, clock: ManualClock) {
    // Arrange: a token without expiry, revealed once (so this instance caches it), then
    // given an expiry by a new policy and tokenizing the value again.
    let in_ctx = app.jwt(TENANT, "tokenize detokenize", Some("chat"));
    let body = json!({ "text": "later@example.org" });
    let token = app.post_as(&in_ctx, "/v1/tokenize", &body).await.body["text"].clone();
    let reveal_body = json!({ "text": token });
    let reveal = || app.post_as(&in_ctx, "/v1/detokenize", &reveal_body);
    assert_eq!(reveal().await.body["text"], "later@example.org");
    put_policy(&app, &json!({ "token_ttl_seconds": 60 })).await;
    let again = app.post_as(&in_ctx, "/v1/tokenize", &body).await.body["text"].clone();

    // Act: past the new expiry, after the purge.
    clock.advance(Duration::from_secs(61));
    let purged = app.state.keys.purge_expired().await.unwrap();
    let revealed = reveal().await;

    // Assert
    assert_eq!(again, token, "the same token, now with an expiry");
    assert_eq!(purged, 1);
    assert_eq!(revealed.body["unknown"], 1, "{}", revealed.raw);
    assert_eq!(revealed.body["text"], token);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_later_time_to_live_on_sqlite() {
    let clock = ManualClock::starting_now();
    let options = AppOptions {
        clock: Some(Arc::new(clock.clone())),
        ..AppOptions::default()
    };
    a_time_to_live_added_later_ends_a_cached_token_too(sqlite_app_with(&options).await, clock)
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_later_time_to_live_on_postgres() {
    let clock = ManualClock::starting_now();
    let options = AppOptions {
        clock: Some(Arc::new(clock.clone())),
        ..AppOptions::default()
    };
    if let Some(app) = postgres_app_with(&options).await {
        a_time_to_live_added_later_ends_a_cached_token_too(app, clock).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn token_renewal_on_sqlite() {
    let clock = ManualClock::starting_now();
    let options = AppOptions {
        clock: Some(Arc::new(clock.clone())),
        ..AppOptions::default()
    };
    a_renewed_token_stays_revealable_past_its_first_expiry(sqlite_app_with(&options).await, clock)
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn token_renewal_on_postgres() {
    let clock = ManualClock::starting_now();
    let options = AppOptions {
        clock: Some(Arc::new(clock.clone())),
        ..AppOptions::default()
    };
    if let Some(app) = postgres_app_with(&options).await {
        a_renewed_token_stays_revealable_past_its_first_expiry(app, clock).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn token_ttl_on_sqlite() {
    let clock = ManualClock::starting_now();
    let options = AppOptions {
        clock: Some(Arc::new(clock.clone())),
        ..AppOptions::default()
    };
    expired_tokens_are_unknown_replaced_on_reuse_and_purged(sqlite_app_with(&options).await, clock)
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn token_ttl_on_postgres() {
    let clock = ManualClock::starting_now();
    let options = AppOptions {
        clock: Some(Arc::new(clock.clone())),
        ..AppOptions::default()
    };
    if let Some(app) = postgres_app_with(&options).await {
        expired_tokens_are_unknown_replaced_on_reuse_and_purged(app, clock).await;
    }
}

/// `/metrics` needs no JWT: a tenant's own type names (what it protects) are counted as
/// `CUSTOM`, never shown.
async fn metrics_name_built_in_types_only(app: TestApp) {
    put_policy(
        &app,
        &json!({ "recognizers": [
            { "name": "codes", "type": "PROJECT_NIGHTJAR", "pattern": "NJ-[0-9]{4}" }
        ] }),
    )
    .await;
    let tokenized = app.tokenize("ship NJ-1234 to ann@example.org").await;
    app.detokenize(&tokenized).await;
    let metrics = app
        .request("GET", "/metrics", None, None, Vec::new())
        .await
        .raw;
    assert!(!metrics.contains("NIGHTJAR"), "{metrics}");
    assert!(metrics.contains("type=\"CUSTOM\""), "{metrics}");
    assert!(metrics.contains("type=\"EMAIL\""), "{metrics}");
}
on_every_backend!(metrics_name_built_in_types_only);

/// A tenant's dictionary terms and allow-list say what it protects (project code names,
/// its own addresses): the stored policy, and one pending under dual control, are sealed.
async fn the_stored_policy_holds_no_term_in_clear(app: TestApp) {
    let answer = put_policy(
        &app,
        &json!({
            "recognizers": [{ "name": "code", "type": "PROJECT", "dictionary": ["Nightjar Falls"] }],
            "allow_list": ["press@quietcorp.example"]
        }),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.raw);
    let dump = app.dump_database().await;
    assert!(!dump.contains("Nightjar"), "a dictionary term in clear");
    assert!(
        !dump.contains("quietcorp"),
        "an allow-listed value in clear"
    );
    // It still applies, and reads back for admins.
    assert!(app
        .tokenize("about Nightjar Falls")
        .await
        .contains("[PROJECT_"));
    let admin = app.jwt(TENANT, "admin", None);
    let read = app
        .request("GET", "/v1/admin/policy", Some(&admin), None, Vec::new())
        .await;
    assert_eq!(
        read.body["policy"]["recognizers"][0]["dictionary"][0],
        "Nightjar Falls"
    );
    let other = app.another_instance().await;
    assert!(other
        .tokenize("see Nightjar Falls")
        .await
        .contains("[PROJECT_"));
    // A policy an earlier version stored in clear still reads.
    app.state
        .store
        .put_policy(TENANT, r#"{"entities":["EMAIL"]}"#, 1, "earlier")
        .await
        .unwrap();
    let fresh = app.another_instance().await;
    let read = fresh
        .request("GET", "/v1/admin/policy", Some(&admin), None, Vec::new())
        .await;
    assert_eq!(
        read.body["policy"]["entities"],
        json!(["EMAIL"]),
        "{}",
        read.raw
    );
    assert_eq!(
        fresh.tokenize("call +1 415 555 0100").await,
        "call +1 415 555 0100"
    );
}
on_every_backend!(the_stored_policy_holds_no_term_in_clear);
