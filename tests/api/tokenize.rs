//! Tokenize and detokenize over HTTP: round trips, determinism, scopes, ctx, tenants.

use std::collections::HashSet;

use axum::http::StatusCode;
use proptest::prelude::*;
use serde_json::json;

use crate::helpers::{TestApp, TENANT};

pub const PROMPT: &str =
    "Hi, I'm Bob (bob.smith@example.com, +1 415 555 0132). Card 4111 1111 1111 1111, \
IBAN DE89 3704 0044 0532 0130 00, SSN 123-45-6789, server 192.168.1.20 and 2001:db8::1. Grüße! 🚀";
pub const VALUES: [&str; 7] = [
    "bob.smith@example.com",
    "+1 415 555 0132",
    "4111 1111 1111 1111",
    "DE89 3704 0044 0532 0130 00",
    "123-45-6789",
    "192.168.1.20",
    "2001:db8::1",
];

fn tokens_in(text: &str) -> Vec<String> {
    let re = regex::Regex::new(r"\[[A-Z_]+_[0-9a-z]{13}\]").unwrap();
    re.find_iter(text).map(|m| m.as_str().to_owned()).collect()
}

async fn tokenize_then_detokenize_round_trips(app: TestApp) {
    // Act
    let answer = app.post("/v1/tokenize", &json!({ "text": PROMPT })).await;
    let tokenized = answer.body["text"].as_str().unwrap().to_owned();
    let restored = app.detokenize(&tokenized).await;

    // Assert
    assert_eq!(answer.status, StatusCode::OK);
    for value in VALUES {
        assert!(
            !answer.raw.contains(value),
            "{value} leaked in {}",
            answer.raw
        );
    }
    let types: Vec<&str> = answer.body["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["type"].as_str().unwrap())
        .collect();
    assert_eq!(
        types,
        [
            "PERSON",
            "EMAIL",
            "PHONE",
            "CREDIT_CARD",
            "IBAN",
            "US_SSN",
            "IP_ADDRESS",
            "IP_ADDRESS"
        ],
        "in order of appearance"
    );
    let listed: Vec<String> = answer.body["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["token"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(listed, tokens_in(&tokenized));
    let confidences: Vec<f64> = answer.body["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["confidence"].as_f64().unwrap())
        .collect();
    assert!(
        confidences.iter().all(|c| (0.5..=1.0).contains(c)),
        "{confidences:?}"
    );
    // The e-mail address and the IBAN are validated shapes, at their recognizers' level.
    assert_eq!((confidences[1], confidences[4]), (0.95, 0.97));
    assert_eq!(restored["text"], PROMPT);
    assert_eq!(restored["detokenized"], 8);
    assert_eq!(restored["denied"], 0);
    assert_eq!(restored["unknown"], 0);
}
on_every_backend!(tokenize_then_detokenize_round_trips);

async fn batches_tokenize_and_detokenize_each_text(app: TestApp) {
    let texts = [
        "mail ann@example.org",
        "nothing here",
        "again ann@example.org and 10.0.0.1",
    ];
    let answer = app.post("/v1/tokenize", &json!({ "texts": texts })).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.raw);
    let out = answer.body["texts"].as_array().unwrap();
    let entities = answer.body["entities"].as_array().unwrap();
    assert_eq!(out.len(), 3);
    assert_eq!(entities[1].as_array().unwrap().len(), 0);
    assert_eq!(out[1], "nothing here");
    assert_eq!(
        entities[0][0]["token"], entities[2][0]["token"],
        "one request, one token per value"
    );

    let restored = app.post("/v1/detokenize", &json!({ "texts": out })).await;
    assert_eq!(restored.status, StatusCode::OK);
    assert_eq!(restored.body["texts"], json!(texts));
    assert_eq!(restored.body["detokenized"], 3);
}
on_every_backend!(batches_tokenize_and_detokenize_each_text);

async fn the_entities_field_restricts_the_types(app: TestApp) {
    let answer = app
        .post(
            "/v1/tokenize",
            &json!({ "text": "ann@example.org from 10.0.0.1", "entities": ["IP_ADDRESS"] }),
        )
        .await;
    assert_eq!(answer.status, StatusCode::OK);
    let text = answer.body["text"].as_str().unwrap();
    assert!(
        text.starts_with("ann@example.org from [IP_ADDRESS_"),
        "{text}"
    );
}
on_every_backend!(the_entities_field_restricts_the_types);

async fn the_same_value_gets_the_same_token_within_a_ctx_and_another_outside_it(app: TestApp) {
    let in_ctx = app.jwt(TENANT, "tokenize detokenize", Some("chat-1"));
    let other_ctx = app.jwt(TENANT, "tokenize detokenize", Some("chat-2"));
    let body = json!({ "text": "write to carol@example.net" });

    let first = app.post_as(&in_ctx, "/v1/tokenize", &body).await.body["text"].clone();
    let second = app.post_as(&in_ctx, "/v1/tokenize", &body).await.body["text"].clone();
    let elsewhere = app.post_as(&other_ctx, "/v1/tokenize", &body).await.body["text"].clone();
    let no_ctx_a = app.tokenize("write to carol@example.net").await;
    let no_ctx_b = app.tokenize("write to carol@example.net").await;

    assert_eq!(first, second);
    assert_ne!(first, elsewhere);
    assert_ne!(
        no_ctx_a, no_ctx_b,
        "without ctx, determinism is per request"
    );
}
on_every_backend!(the_same_value_gets_the_same_token_within_a_ctx_and_another_outside_it);

async fn concurrent_requests_in_one_ctx_agree_on_one_token(app: TestApp) {
    let bearer = app.jwt(TENANT, "tokenize", Some("race"));
    let app = std::sync::Arc::new(app);
    let mut tasks = Vec::new();
    for i in 0..24 {
        let app = std::sync::Arc::clone(&app);
        let bearer = bearer.clone();
        tasks.push(tokio::spawn(async move {
            let text = format!("req {i}: dave@example.com and 4111-1111-1111-1111");
            let answer = app
                .post_as(&bearer, "/v1/tokenize", &json!({ "text": text }))
                .await;
            assert_eq!(answer.status, StatusCode::OK, "{}", answer.raw);
            tokens_in(answer.body["text"].as_str().unwrap())
        }));
    }
    let mut seen = HashSet::new();
    for task in tasks {
        let tokens = task.await.unwrap();
        assert_eq!(tokens.len(), 2);
        seen.insert(tokens);
    }
    assert_eq!(
        seen.len(),
        1,
        "every request got the same two tokens: {seen:?}"
    );
}
on_every_backend!(concurrent_requests_in_one_ctx_agree_on_one_token);

async fn typed_scopes_reveal_only_their_type(app: TestApp) {
    let tokenized = app.tokenize("ann@example.org called from 10.0.0.1").await;
    let email_only = app.jwt(TENANT, "detokenize:EMAIL", None);
    let answer = app
        .post_as(&email_only, "/v1/detokenize", &json!({ "text": tokenized }))
        .await;
    let text = answer.body["text"].as_str().unwrap();
    assert_eq!(answer.status, StatusCode::OK);
    assert!(
        text.starts_with("ann@example.org called from [IP_ADDRESS_"),
        "{text}"
    );
    assert_eq!(answer.body["detokenized"], 1);
    assert_eq!(answer.body["denied"], 1);
}
on_every_backend!(typed_scopes_reveal_only_their_type);

async fn tokens_made_under_a_ctx_are_revealed_only_in_that_ctx(app: TestApp) {
    let maker = app.jwt(TENANT, "tokenize", Some("conv-9"));
    let tokenized = app
        .post_as(
            &maker,
            "/v1/tokenize",
            &json!({ "text": "eve@example.com" }),
        )
        .await
        .body["text"]
        .clone();

    let same = app.jwt(TENANT, "detokenize", Some("conv-9"));
    let other = app.jwt(TENANT, "detokenize", Some("conv-1"));
    let none = app.jwt(TENANT, "detokenize", None);
    let revealed = app
        .post_as(&same, "/v1/detokenize", &json!({ "text": tokenized }))
        .await;
    let in_other = app
        .post_as(&other, "/v1/detokenize", &json!({ "text": tokenized }))
        .await;
    let without = app
        .post_as(&none, "/v1/detokenize", &json!({ "text": tokenized }))
        .await;

    assert_eq!(revealed.body["text"], "eve@example.com");
    for answer in [in_other, without] {
        assert_eq!(answer.body["text"], tokenized);
        assert_eq!(answer.body["denied"], 1);
    }
}
on_every_backend!(tokens_made_under_a_ctx_are_revealed_only_in_that_ctx);

async fn another_tenants_token_is_indistinguishable_from_a_made_up_one(app: TestApp) {
    let tokenized = app.tokenize("frank@example.com").await;
    let stranger = app.jwt("other-tenant", "tokenize detokenize", None);
    // A made-up id that passes its check character: only a look-up can tell.
    let made_up = "[EMAIL_0000000000000]";

    let foreign = app
        .post_as(&stranger, "/v1/detokenize", &json!({ "text": tokenized }))
        .await;
    let invented = app
        .post_as(&stranger, "/v1/detokenize", &json!({ "text": made_up }))
        .await;
    let bad_check = app
        .post_as(
            &stranger,
            "/v1/detokenize",
            &json!({ "text": "[EMAIL_0000000000001]" }),
        )
        .await;

    assert_eq!(foreign.body["text"], tokenized);
    for answer in [&foreign, &invented, &bad_check] {
        assert_eq!(answer.status, StatusCode::OK);
        assert_eq!(answer.body["unknown"], 1);
        assert_eq!(answer.body["denied"], 0);
        assert_eq!(answer.body["detokenized"], 0);
    }
    // Also after the stranger's tenant exists.
    app.post_as(
        &stranger,
        "/v1/tokenize",
        &json!({ "text": "x@example.com" }),
    )
    .await;
    let again = app
        .post_as(&stranger, "/v1/detokenize", &json!({ "text": tokenized }))
        .await;
    assert_eq!(again.body["unknown"], 1);
}
on_every_backend!(another_tenants_token_is_indistinguishable_from_a_made_up_one);

async fn a_token_relabelled_with_another_type_is_unknown(app: TestApp) {
    let tokenized = app.tokenize("gina@example.com").await;
    let relabelled = tokenized.replace("[EMAIL_", "[PHONE_");
    let answer = app.detokenize(&relabelled).await;
    assert_eq!(answer["unknown"], 1);
    assert_eq!(answer["text"], relabelled);
}
on_every_backend!(a_token_relabelled_with_another_type_is_unknown);

async fn scopes_are_enforced_per_endpoint(app: TestApp) {
    let reveal_only = app.jwt(TENANT, "detokenize", None);
    let tokenize_only = app.jwt(TENANT, "tokenize", None);
    let tokenize = app
        .post_as(&reveal_only, "/v1/tokenize", &json!({ "text": "a@b.co" }))
        .await;
    let detokenize = app
        .post_as(&tokenize_only, "/v1/detokenize", &json!({ "text": "x" }))
        .await;
    for answer in [tokenize, detokenize] {
        assert_eq!(answer.status, StatusCode::FORBIDDEN);
        assert_eq!(answer.headers["content-type"], "application/problem+json");
        assert_eq!(answer.body["status"], 403);
    }
}
on_every_backend!(scopes_are_enforced_per_endpoint);

fn round_trip_property(app: &TestApp, runtime: &tokio::runtime::Runtime) {
    let values = prop::sample::select(VALUES.to_vec());
    let piece = prop_oneof![
        any::<String>(),
        "\\PC{0,40}",
        values.prop_map(str::to_owned)
    ];
    let strategy = prop::collection::vec(piece, 0..8).prop_map(|pieces| pieces.join(" "));
    let config = ProptestConfig {
        cases: 48,
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    proptest!(config, |(text in strategy)| {
        let (tokenized, restored) = runtime.block_on(async {
            let tokenized = app.tokenize(&text).await;
            let restored = app.detokenize(&tokenized).await;
            (tokenized, restored)
        });
        for value in VALUES {
            if text.contains(value) {
                prop_assert!(!tokenized.contains(value), "{} leaked", value);
            }
        }
        prop_assert_eq!(restored["text"].as_str().unwrap(), text.as_str());
    });
}

#[test]
fn arbitrary_unicode_text_round_trips_on_sqlite() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let app = runtime.block_on(crate::helpers::sqlite_app());
    round_trip_property(&app, &runtime);
}

#[test]
fn arbitrary_unicode_text_round_trips_on_postgres() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    if let Some(app) = runtime.block_on(crate::helpers::postgres_app()) {
        round_trip_property(&app, &runtime);
    }
}

async fn metrics_count_requests_tokens_and_audit_events_without_values(app: TestApp) {
    let tokenized = app
        .tokenize("mail ann@example.org or bob@example.org")
        .await;
    let email_only = app.jwt(TENANT, "detokenize:PHONE", None);
    app.detokenize(&tokenized).await;
    app.post_as(&email_only, "/v1/detokenize", &json!({ "text": tokenized }))
        .await;

    let answer = app.request("GET", "/metrics", None, None, Vec::new()).await;

    assert_eq!(answer.status, StatusCode::OK);
    let text = answer.raw;
    assert!(
        text.contains("promptvault_tokens_created_total{type=\"EMAIL\"} 2"),
        "{text}"
    );
    assert!(
        text.contains("promptvault_tokens_revealed_total{type=\"EMAIL\"} 2"),
        "{text}"
    );
    assert!(
        text.contains("promptvault_tokens_denied_total{type=\"EMAIL\"} 2"),
        "{text}"
    );
    assert!(
        text.contains("promptvault_audit_events_total{action=\"detokenize\"} 2"),
        "{text}"
    );
    assert!(
        text.contains("promptvault_http_requests_total{route=\"/v1/tokenize\",method=\"POST\",status=\"200\"} 1"),
        "{text}"
    );
    assert!(
        text.contains("promptvault_http_request_duration_seconds_bucket{le="),
        "{text}"
    );
    assert!(
        !text.contains("ann@example.org") && !text.contains(&tokenized[7..20]),
        "no value or token id"
    );
}
on_every_backend!(metrics_count_requests_tokens_and_audit_events_without_values);

async fn credentials_are_revealed_only_with_the_explicit_secret_scope(app: TestApp) {
    let prompt =
        "deploy with password=Zx9!qLr2#vT7 and key AKIAZ3MHQ7XWP4K2LD9N, mail ann@example.org";
    let tokenized = app.tokenize(prompt).await;
    let plain = app.jwt(TENANT, "detokenize", None);
    let explicit = app.jwt(TENANT, "detokenize detokenize:SECRET", None);

    let without = app
        .post_as(&plain, "/v1/detokenize", &json!({ "text": tokenized }))
        .await;
    let with = app
        .post_as(&explicit, "/v1/detokenize", &json!({ "text": tokenized }))
        .await;

    assert!(
        tokenized.contains("password=[SECRET_") && tokenized.contains("key [SECRET_"),
        "{tokenized}"
    );
    assert!(!tokenized.contains("Zx9!qLr2#vT7") && !tokenized.contains("AKIAZ3MHQ7XWP4K2LD9N"));
    assert_eq!(without.body["denied"], 2);
    assert_eq!(
        without.body["detokenized"], 1,
        "the e-mail address is revealed"
    );
    assert_eq!(with.body["text"], prompt);
}
on_every_backend!(credentials_are_revealed_only_with_the_explicit_secret_scope);
