//! Anomaly alerts: honey tokens, reveal-rate jumps and never-seen tokens leave an
//! `anomaly` audit event, a metric and a signed webhook call, and block the caller by
//! policy, on every instance.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::http::{HeaderMap, StatusCode};
use promptvault::clock::{Clock, ManualClock};
use promptvault::guard::anomaly::{AnomalySettings, BlockPolicy, Webhook};
use serde_json::{json, Value};

use crate::helpers::{sqlite_app_with, AppOptions, TestApp, TENANT};

const WEBHOOK_KEY: &[u8] = b"webhook-key-shared-with-the-receiver";

type Calls = Arc<Mutex<Vec<(HeaderMap, Vec<u8>)>>>;

/// A local webhook receiver that records every call.
#[derive(Clone, Default)]
struct Receiver {
    calls: Calls,
}

impl Receiver {
    async fn start(&self) -> String {
        let calls = Arc::clone(&self.calls);
        let app = axum::Router::new().route(
            "/hook",
            axum::routing::post(move |headers: HeaderMap, body: axum::body::Bytes| {
                let calls = Arc::clone(&calls);
                async move {
                    calls.lock().unwrap().push((headers, body.to_vec()));
                    StatusCode::NO_CONTENT
                }
            }),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await });
        format!("http://{addr}/hook")
    }

    async fn wait_for_call(&self) -> (HeaderMap, Vec<u8>) {
        for _ in 0..100 {
            if let Some(call) = self.calls.lock().unwrap().first().cloned() {
                return call;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("the webhook was not called within 5 s");
    }
}

/// Checks `t=…,v1=…` the way a receiver would: HMAC-SHA256 over "t.body".
fn signature_is_valid(header: &str, body: &[u8]) -> bool {
    let mut timestamp = None;
    let mut tag = None;
    for part in header.split(',') {
        match part.split_once('=') {
            Some(("t", t)) => timestamp = Some(t.to_owned()),
            Some(("v1", v)) => tag = Some(v.to_owned()),
            _ => {}
        }
    }
    let (Some(timestamp), Some(tag)) = (timestamp, tag) else {
        return false;
    };
    let Ok(tag) = (0..tag.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(tag.get(i..i + 2).unwrap_or("zz"), 16))
        .collect::<Result<Vec<u8>, _>>()
    else {
        return false;
    };
    let mut signed = format!("{timestamp}.").into_bytes();
    signed.extend_from_slice(body);
    let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, WEBHOOK_KEY);
    ring::hmac::verify(&key, &signed, &tag).is_ok()
}

fn settings(webhook: Option<String>, block: BlockPolicy) -> Arc<AnomalySettings> {
    Arc::new(AnomalySettings {
        rate_factor: 3.0,
        rate_floor: 8,
        new_tokens_per_minute: 5,
        block,
        block_seconds: 600,
        webhook: webhook.map(|url| Webhook {
            url,
            secret: secrecy::SecretBox::new(Box::new(WEBHOOK_KEY.to_vec())),
        }),
    })
}

async fn anomaly_events(app: &TestApp) -> Vec<Value> {
    app.admin_get("/v1/admin/audit?action=anomaly").await["events"]
        .as_array()
        .unwrap()
        .clone()
}

async fn honey_token_reveal(app: TestApp, receiver: Receiver) {
    let admin = app.jwt(TENANT, "admin", None);
    let created = app
        .post_as(&admin, "/v1/admin/honeytokens", &json!({ "type": "EMAIL" }))
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.raw);
    let honey = created.body["token"].as_str().unwrap().to_owned();
    assert!(
        honey.starts_with("[EMAIL_") && honey.ends_with(']'),
        "{honey}"
    );
    let listed = app.admin_get("/v1/admin/honeytokens").await;
    assert_eq!(listed["honey_tokens"][0]["token"], honey.as_str());

    // An ordinary reveal is no anomaly.
    let tokenized = app.tokenize("write to ann@example.org").await;
    app.detokenize(&tokenized).await;
    assert!(anomaly_events(&app).await.is_empty());

    // A scraper tries the honey token among others: it stays as it is, like any unknown.
    let scraper = app.jwt_as("scraper", TENANT, "detokenize", None, false);
    let text = format!("{tokenized} and {honey}");
    let answer = app
        .post_as(&scraper, "/v1/detokenize", &json!({ "text": text }))
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.raw);
    assert_eq!(answer.body["unknown"], 1);
    assert_eq!(answer.body["detokenized"], 1);
    assert!(answer.body["text"].as_str().unwrap().ends_with(&honey));

    let events = anomaly_events(&app).await;
    assert_eq!(events.len(), 1, "{events:?}");
    let event = &events[0];
    assert_eq!(event["sub"], "scraper");
    assert_eq!(event["outcome"], "honey_token");
    let details: Value = match &event["details"] {
        Value::String(raw) => serde_json::from_str(raw).unwrap(),
        other => other.clone(),
    };
    let honey_id = &honey[7..honey.len() - 1];
    assert_eq!(details["details"]["token_ids"][0], honey_id);
    assert!(details["blocked_until"].as_i64().is_some());

    // Signed webhook call.
    let (headers, body) = receiver.wait_for_call().await;
    let signature = headers["x-promptvault-signature"].to_str().unwrap();
    assert!(
        signature_is_valid(signature, &body),
        "bad signature {signature}"
    );
    let mut forged = body.clone();
    forged.push(b' ');
    assert!(!signature_is_valid(signature, &forged));
    let posted: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(posted["anomaly"]["kind"], "honey_token");
    assert_eq!(posted["anomaly"]["sub"], "scraper");
    assert!(!String::from_utf8_lossy(&body).contains("ann@example.org"));

    // The scraper is blocked, here and on another instance; others are not.
    let again = app
        .post_as(&scraper, "/v1/detokenize", &json!({ "text": "x" }))
        .await;
    assert_eq!(again.status, StatusCode::FORBIDDEN, "{}", again.raw);
    assert_eq!(again.body["title"], "caller_blocked");
    assert!(again.headers.contains_key("retry-after"));
    let other = app.another_instance().await;
    other.state.anomalies.refresh().await.unwrap();
    let elsewhere = other
        .post_as(&scraper, "/v1/detokenize", &json!({ "text": "x" }))
        .await;
    assert_eq!(elsewhere.status, StatusCode::FORBIDDEN, "{}", elsewhere.raw);
    app.detokenize(&tokenized).await;

    let blocks = app.admin_get("/v1/admin/blocks").await;
    assert_eq!(blocks["blocks"][0]["sub"], "scraper");
    assert_eq!(blocks["blocks"][0]["reason"], "honey_token");

    let metrics = app
        .request("GET", "/metrics", None, None, Vec::new())
        .await
        .raw;
    assert!(
        metrics.contains("promptvault_anomalies_total{kind=\"honey_token\"} 1"),
        "{metrics}"
    );

    // An admin lifts the block.
    let lifted = app.admin_delete("/v1/admin/blocks/scraper").await;
    assert_eq!(lifted.status, StatusCode::NO_CONTENT, "{}", lifted.raw);
    let after = app
        .post_as(&scraper, "/v1/detokenize", &json!({ "text": "x" }))
        .await;
    assert_eq!(after.status, StatusCode::OK, "{}", after.raw);
    let gone = app.admin_delete("/v1/admin/blocks/scraper").await;
    assert_eq!(gone.status, StatusCode::NOT_FOUND);

    // Both admin actions are on record, each announced before it happened; an admin
    // cannot lift its own block.
    for (action, outcomes) in [
        ("honeytoken.create", vec!["requested", "ok"]),
        (
            "block.lift",
            vec!["requested", "ok", "requested", "not_found"],
        ),
    ] {
        let events = app
            .admin_get(&format!("/v1/admin/audit?action={action}"))
            .await;
        let recorded: Vec<&str> = events["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["outcome"].as_str().unwrap())
            .collect();
        assert_eq!(recorded, outcomes, "{action}");
    }
    let own = app.admin_delete("/v1/admin/blocks/tester").await;
    assert_eq!(own.status, StatusCode::FORBIDDEN, "{}", own.raw);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn honey_token_reveal_on_sqlite() {
    let receiver = Receiver::default();
    let url = receiver.start().await;
    let options = AppOptions {
        anomaly: Some(settings(Some(url), BlockPolicy::Honey)),
        ..AppOptions::default()
    };
    honey_token_reveal(sqlite_app_with(&options).await, receiver).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn honey_token_reveal_on_postgres() {
    let receiver = Receiver::default();
    let url = receiver.start().await;
    let options = AppOptions {
        anomaly: Some(settings(Some(url), BlockPolicy::Honey)),
        ..AppOptions::default()
    };
    if let Some(app) = crate::helpers::postgres_app_with(&options).await {
        honey_token_reveal(app, receiver).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reveal_rate_far_above_the_callers_baseline_is_an_anomaly() {
    let clock = Arc::new(ManualClock::starting_now());
    let options = AppOptions {
        clock: Some(clock.clone() as Arc<dyn Clock>),
        anomaly: Some(settings(None, BlockPolicy::Honey)),
        ..AppOptions::default()
    };
    let app = sqlite_app_with(&options).await;
    let tokenized = app
        .tokenize("ann@example.org, 10.0.0.1 and +1 415 555 0100")
        .await;
    // Eight quiet minutes of 3 reveals each: the baseline climbs to about 2.5 a minute.
    for _ in 0..8 {
        app.detokenize(&tokenized).await;
        clock.advance(Duration::from_secs(60));
    }
    assert!(anomaly_events(&app).await.is_empty());
    // Then 12 in a minute: above the floor (8) and above 3 × the baseline.
    for _ in 0..4 {
        app.detokenize(&tokenized).await;
    }
    let events = anomaly_events(&app).await;
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0]["outcome"], "reveal_rate");
    // Alerted once per minute, and not blocked under the `honey` policy.
    app.detokenize(&tokenized).await;
    assert_eq!(anomaly_events(&app).await.len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn revealing_many_tokens_the_caller_never_saw_is_an_anomaly_and_can_block() {
    let options = AppOptions {
        anomaly: Some(settings(None, BlockPolicy::All)),
        ..AppOptions::default()
    };
    let app = sqlite_app_with(&options).await;
    let texts: Vec<String> = (0..6).map(|i| format!("user{i}@example.org")).collect();
    let answer = app.post("/v1/tokenize", &json!({ "texts": texts })).await;
    assert_eq!(answer.status, StatusCode::OK);
    let tokens = answer.body["texts"].as_array().unwrap().clone();
    // Their creator reveals them: expected.
    app.post("/v1/detokenize", &json!({ "texts": tokens }))
        .await;
    assert!(anomaly_events(&app).await.is_empty());
    // Another caller reveals six it never saw (threshold 5).
    let stranger = app.jwt_as("stranger", TENANT, "detokenize", None, false);
    let answer = app
        .post_as(&stranger, "/v1/detokenize", &json!({ "texts": tokens }))
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.raw);
    let events = anomaly_events(&app).await;
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0]["outcome"], "new_tokens");
    assert_eq!(events[0]["sub"], "stranger");
    let blocked = app
        .post_as(&stranger, "/v1/detokenize", &json!({ "text": "x" }))
        .await;
    assert_eq!(blocked.status, StatusCode::FORBIDDEN);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn honey_token_types_must_be_labels() {
    let app = crate::helpers::sqlite_app().await;
    let admin = app.jwt(TENANT, "admin", None);
    for body in [
        json!({ "type": "email" }),
        json!({}),
        json!({ "type": "EMAIL", "x": 1 }),
    ] {
        let answer = app.post_as(&admin, "/v1/admin/honeytokens", &body).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{body}");
    }
    let caller = app.jwt(TENANT, "tokenize detokenize", None);
    let answer = app
        .post_as(
            &caller,
            "/v1/admin/honeytokens",
            &json!({ "type": "EMAIL" }),
        )
        .await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_report_key_versions_by_state() {
    let app = crate::helpers::sqlite_app().await;
    app.tokenize("ann@example.org").await;
    let admin = app.jwt(TENANT, "admin", None);
    let rotated = app
        .request(
            "POST",
            "/v1/admin/keys/rotate",
            Some(&admin),
            None,
            Vec::new(),
        )
        .await;
    assert_eq!(rotated.status, StatusCode::OK, "{}", rotated.raw);
    let metrics = app
        .request("GET", "/metrics", None, None, Vec::new())
        .await
        .raw;
    assert!(
        metrics.contains("promptvault_data_key_versions{state=\"active\"} 1"),
        "{metrics}"
    );
    assert!(
        metrics.contains("promptvault_data_key_versions{state=\"decrypt_only\"} 1"),
        "{metrics}"
    );
    assert!(
        metrics.contains("promptvault_root_key_version 1"),
        "{metrics}"
    );
}

/// The webhook call goes to the configured receiver only: a redirect it answers is not
/// followed to wherever it points.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_webhook_does_not_follow_redirects() {
    let receiver = Receiver::default();
    let elsewhere = receiver.start().await;
    let redirects = axum::Router::new().route(
        "/hook",
        axum::routing::post(move || {
            let to = elsewhere.clone();
            async move { (StatusCode::TEMPORARY_REDIRECT, [("location", to)]) }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, redirects).await });
    let options = AppOptions {
        anomaly: Some(settings(
            Some(format!("http://{addr}/hook")),
            BlockPolicy::Honey,
        )),
        ..AppOptions::default()
    };
    let app = sqlite_app_with(&options).await;
    let admin = app.jwt(TENANT, "admin", None);
    let created = app
        .post_as(&admin, "/v1/admin/honeytokens", &json!({ "type": "EMAIL" }))
        .await;
    let honey = created.body["token"].as_str().unwrap().to_owned();
    let scraper = app.jwt_as("scraper", TENANT, "detokenize", None, false);
    app.post_as(&scraper, "/v1/detokenize", &json!({ "text": honey }))
        .await;
    assert_eq!(anomaly_events(&app).await.len(), 1, "the anomaly happened");
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(
        receiver.calls.lock().unwrap().is_empty(),
        "the redirect was followed"
    );
}

/// A caller blocked after tripping a honey token loses its admin calls too; another admin
/// can still lift the block.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_blocked_caller_loses_its_admin_calls() {
    let options = AppOptions {
        anomaly: Some(settings(None, BlockPolicy::Honey)),
        ..AppOptions::default()
    };
    let app = sqlite_app_with(&options).await;
    let admin = app.jwt(TENANT, "admin", None);
    let created = app
        .post_as(&admin, "/v1/admin/honeytokens", &json!({ "type": "EMAIL" }))
        .await;
    let honey = created.body["token"].as_str().unwrap().to_owned();
    let stolen = app.jwt_as("stolen", TENANT, "detokenize admin", None, true);
    app.post_as(&stolen, "/v1/detokenize", &json!({ "text": honey }))
        .await;

    let keys = app
        .request("GET", "/v1/admin/keys", Some(&stolen), None, Vec::new())
        .await;
    assert_eq!(keys.status, StatusCode::FORBIDDEN, "{}", keys.raw);
    assert_eq!(keys.body["title"], "caller_blocked");
    let shred = app
        .request(
            "DELETE",
            "/v1/admin/tenant",
            Some(&stolen),
            None,
            Vec::new(),
        )
        .await;
    assert_eq!(shred.status, StatusCode::FORBIDDEN, "{}", shred.raw);
    let lifted = app.admin_delete("/v1/admin/blocks/stolen").await;
    assert_eq!(lifted.status, StatusCode::NO_CONTENT, "{}", lifted.raw);
}

/// A tokenize call that is a list of values with hardly any prose, the shape of guesses
/// sent to compare tokens, is an anomaly on record; ordinary prompts are not.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tokenize_call_shaped_like_guesses_is_an_anomaly() {
    let app = sqlite_app_with(&AppOptions::default()).await;
    app.tokenize("Please write to ann@example.org about the invoice for Jane Doe.")
        .await;
    assert!(anomaly_events(&app).await.is_empty());
    let guesses: Vec<String> = (0..250).map(|i| format!("g{i}@example.org")).collect();
    let answer = app
        .post("/v1/tokenize", &json!({ "text": guesses.join(" ") }))
        .await;
    assert_eq!(answer.status, StatusCode::OK, "alert only by default");
    let events = anomaly_events(&app).await;
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0]["outcome"], "guessing");
    assert_eq!(events[0]["details"]["details"]["values"], 250);
}
