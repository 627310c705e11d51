//! Bad input gets problem+json with the right status, never echoes a value, never 500.

use axum::http::StatusCode;
use serde_json::json;

use crate::helpers::{sqlite_app_with, AppOptions, TestApp};

const VALUE: &str = "leaky.value@example.com";

fn assert_problem(answer: &crate::helpers::Answer, status: StatusCode) {
    assert_eq!(answer.status, status, "{}", answer.raw);
    assert_eq!(answer.headers["content-type"], "application/problem+json");
    for field in ["type", "title", "status", "detail"] {
        assert!(
            !answer.body[field].is_null(),
            "{field} missing in {}",
            answer.raw
        );
    }
    assert_eq!(answer.body["status"], status.as_u16());
    assert!(
        !answer.raw.contains(VALUE),
        "the error echoes the input: {}",
        answer.raw
    );
}

async fn malformed_bodies_are_400_problems_that_echo_nothing(app: TestApp) {
    let bearer = app.bearer();
    let cases: Vec<Vec<u8>> = vec![
        format!("{{\"text\": \"{VALUE}\"").into_bytes(),
        format!("not json {VALUE}").into_bytes(),
        json!({ "text": [VALUE] }).to_string().into_bytes(),
        json!({ "texts": VALUE }).to_string().into_bytes(),
        json!({ "txt": VALUE }).to_string().into_bytes(),
        json!({}).to_string().into_bytes(),
        json!({ "text": VALUE, "texts": [VALUE] })
            .to_string()
            .into_bytes(),
        json!({ "text": VALUE, "entities": ["NOT_A_TYPE"] })
            .to_string()
            .into_bytes(),
        json!({ "text": VALUE, "entities": [VALUE] })
            .to_string()
            .into_bytes(),
        [
            b"{\"text\": \"".as_slice(),
            &[0xff, 0xfe],
            VALUE.as_bytes(),
            b"\"}",
        ]
        .concat(),
        b"".to_vec(),
    ];
    for (index, body) in cases.into_iter().enumerate() {
        for path in ["/v1/tokenize", "/v1/detokenize"] {
            let answer = app
                .request(
                    "POST",
                    path,
                    Some(&bearer),
                    Some("application/json"),
                    body.clone(),
                )
                .await;
            assert!(
                answer.status == StatusCode::BAD_REQUEST,
                "case {index} on {path}: {}",
                answer.raw
            );
            assert_problem(&answer, StatusCode::BAD_REQUEST);
        }
    }
}
on_every_backend!(malformed_bodies_are_400_problems_that_echo_nothing);

async fn a_wrong_or_missing_content_type_is_415(app: TestApp) {
    let bearer = app.bearer();
    let body = json!({ "text": VALUE }).to_string().into_bytes();
    for content_type in [
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
        None,
    ] {
        let answer = app
            .request(
                "POST",
                "/v1/tokenize",
                Some(&bearer),
                content_type,
                body.clone(),
            )
            .await;
        assert_problem(&answer, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    }
    let ok = app
        .request(
            "POST",
            "/v1/tokenize",
            Some(&bearer),
            Some("application/json; charset=utf-8"),
            body,
        )
        .await;
    assert_eq!(ok.status, StatusCode::OK);
}
on_every_backend!(a_wrong_or_missing_content_type_is_415);

#[tokio::test]
async fn a_body_over_the_limit_is_413_and_one_at_the_limit_passes() {
    let app = sqlite_app_with(&AppOptions {
        max_body_bytes: Some(4096),
        ..AppOptions::default()
    })
    .await;
    let bearer = app.bearer();
    let big = json!({ "text": format!("{VALUE} {}", "x".repeat(5000)) })
        .to_string()
        .into_bytes();
    let answer = app
        .request(
            "POST",
            "/v1/tokenize",
            Some(&bearer),
            Some("application/json"),
            big,
        )
        .await;
    assert_problem(&answer, StatusCode::PAYLOAD_TOO_LARGE);

    let filler = 4096 - json!({ "text": "" }).to_string().len();
    let exact = json!({ "text": "y".repeat(filler) })
        .to_string()
        .into_bytes();
    assert_eq!(exact.len(), 4096);
    let answer = app
        .request(
            "POST",
            "/v1/tokenize",
            Some(&bearer),
            Some("application/json"),
            exact,
        )
        .await;
    assert_eq!(answer.status, StatusCode::OK);
}

#[tokio::test]
async fn unknown_routes_and_methods_are_problems_too() {
    let app = crate::helpers::sqlite_app().await;
    let missing = app
        .request("GET", "/v1/nothing", None, None, Vec::new())
        .await;
    assert_problem(&missing, StatusCode::NOT_FOUND);
    let wrong_method = app
        .request("GET", "/v1/tokenize", None, None, Vec::new())
        .await;
    assert_problem(&wrong_method, StatusCode::METHOD_NOT_ALLOWED);
}

#[tokio::test]
async fn health_readiness_and_openapi_answer() {
    let app = crate::helpers::sqlite_app().await;
    assert_eq!(
        app.request("GET", "/healthz", None, None, Vec::new())
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        app.request("GET", "/readyz", None, None, Vec::new())
            .await
            .body["status"],
        "ready"
    );
    let spec = app
        .request("GET", "/openapi.json", None, None, Vec::new())
        .await;
    assert_eq!(spec.body["openapi"], "3.1.0");
    for (path, method) in [
        ("/v1/tokenize", "post"),
        ("/v1/detokenize", "post"),
        ("/v1/admin/keys", "get"),
        ("/v1/admin/keys/rotate", "post"),
        ("/v1/admin/tenant", "delete"),
        ("/v1/admin/root/rotate", "post"),
        ("/v1/admin/audit/verify", "get"),
        ("/metrics", "get"),
    ] {
        assert!(
            spec.body["paths"][path][method].is_object(),
            "{method} {path} missing from the spec"
        );
    }
}

#[tokio::test]
async fn readiness_is_503_when_the_store_is_gone() {
    let app = crate::helpers::sqlite_app().await;
    if let crate::helpers::Db::Sqlite(pool, _) = &app.db {
        pool.close().await;
    }
    let ready = app.request("GET", "/readyz", None, None, Vec::new()).await;
    assert_problem(&ready, StatusCode::SERVICE_UNAVAILABLE);
    let tokenize = app
        .post(
            "/v1/tokenize",
            &json!({ "text": "mail me at x@example.com" }),
        )
        .await;
    assert_problem(&tokenize, StatusCode::SERVICE_UNAVAILABLE);
}

async fn bursting_past_a_limit_across_two_instances_gets_429_with_retry_after(
    app: TestApp,
    options: AppOptions,
) {
    // Arrange: two instances on one database, a limit of 4 tokenize calls a minute per caller.
    let other = app.another_instance_with(&options).await;
    let body = json!({ "text": "hello" });
    let bearer = app.bearer();

    // Act: ten calls, alternating between the instances.
    let mut statuses = Vec::new();
    let mut retry_after = None;
    for i in 0..10 {
        let instance = if i % 2 == 0 { &app } else { &other };
        let answer = instance.post_as(&bearer, "/v1/tokenize", &body).await;
        if answer.status == StatusCode::TOO_MANY_REQUESTS {
            assert_problem(&answer, StatusCode::TOO_MANY_REQUESTS);
            retry_after = answer
                .headers
                .get("retry-after")
                .map(|v| v.to_str().unwrap().parse::<u64>().unwrap());
        }
        statuses.push(answer.status);
    }

    // Assert
    let accepted = statuses.iter().filter(|s| **s == StatusCode::OK).count();
    assert_eq!(
        accepted, 4,
        "the limit holds across instances: {statuses:?}"
    );
    assert!(
        retry_after.is_some_and(|s| (1..=60).contains(&s)),
        "{retry_after:?}"
    );
    let another_caller = app.jwt_as(
        "other-service",
        crate::helpers::TENANT,
        "tokenize",
        None,
        false,
    );
    assert_eq!(
        app.post_as(&another_caller, "/v1/tokenize", &body)
            .await
            .status,
        StatusCode::OK,
        "per caller"
    );
    let metrics = app
        .request("GET", "/metrics", None, None, Vec::new())
        .await
        .raw;
    assert!(
        metrics.contains("promptvault_rate_limited_total{action=\"tokenize\"}"),
        "{metrics}"
    );
}

fn limited() -> AppOptions {
    let limits = promptvault::guard::ratelimit::RateLimits {
        tokenize_per_sub: 4,
        ..Default::default()
    };
    AppOptions {
        rate_limits: Some(limits),
        ..AppOptions::default()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rate_limits_on_sqlite() {
    let options = limited();
    bursting_past_a_limit_across_two_instances_gets_429_with_retry_after(
        sqlite_app_with(&options).await,
        options,
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rate_limits_on_postgres() {
    let options = limited();
    if let Some(app) = crate::helpers::postgres_app_with(&options).await {
        bursting_past_a_limit_across_two_instances_gets_429_with_retry_after(app, options).await;
    }
}

/// A NUL cannot be stored in a Postgres text column; every way a caller could bring one
/// to a query is refused at the edge with a 4xx (before: 500 on Postgres).
async fn a_nul_anywhere_a_caller_controls_is_a_4xx_never_a_500(app: TestApp) {
    let tenant = crate::helpers::TENANT;
    for sub in ["bad\u{0}sub", "line\nbreak", &"s".repeat(257)] {
        let jwt = app.jwt_as(sub, tenant, "tokenize detokenize", None, true);
        for path in ["/v1/tokenize", "/v1/detokenize"] {
            let answer = app.post_as(&jwt, path, &json!({ "text": VALUE })).await;
            assert_problem(&answer, StatusCode::UNAUTHORIZED);
        }
    }
    let admin = app.jwt(tenant, "admin", None);
    let get = |path: &'static str| app.request("GET", path, Some(&admin), None, Vec::new());
    for path in [
        "/v1/admin/keys/reencrypt/%00",
        "/v1/admin/keys/reencrypt/abc%00def",
    ] {
        assert_problem(&get(path).await, StatusCode::NOT_FOUND);
    }
    for path in [
        "/v1/admin/audit?sub=%00",
        "/v1/admin/audit?action=%00",
        "/v1/admin/audit?action=keys.rotate%00",
        "/v1/admin/audit?token_id=%00",
    ] {
        assert_problem(&get(path).await, StatusCode::BAD_REQUEST);
    }
    for (method, path) in [
        ("DELETE", "/v1/admin/blocks/a%00b"),
        ("POST", "/v1/admin/actions/%00/confirm"),
    ] {
        let answer = app
            .request(method, path, Some(&admin), None, Vec::new())
            .await;
        assert_problem(&answer, StatusCode::NOT_FOUND);
    }
    // The audit log still answers, and filters on a plain sub.
    let page = app.admin_get("/v1/admin/audit?sub=tester").await;
    assert!(page["events"].is_array(), "{page}");
}
on_every_backend!(a_nul_anywhere_a_caller_controls_is_a_4xx_never_a_500);

async fn an_explicit_null_is_a_mistyped_field(app: TestApp) {
    for (path, body) in [
        ("/v1/tokenize", json!({ "text": VALUE, "texts": null })),
        ("/v1/tokenize", json!({ "text": null })),
        ("/v1/tokenize", json!({ "text": VALUE, "entities": null })),
        ("/v1/detokenize", json!({ "texts": null, "text": "x" })),
    ] {
        assert_problem(&app.post(path, &body).await, StatusCode::BAD_REQUEST);
    }
}
on_every_backend!(an_explicit_null_is_a_mistyped_field);

/// Tokenize is an equality test (deterministic tokens), so its limit counts values, not
/// calls: a call carrying many guesses costs as many, and one over the limit stores
/// nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_tokenize_limit_counts_values_not_calls() {
    let limits = promptvault::guard::ratelimit::RateLimits {
        tokenize_per_sub: 100,
        ..Default::default()
    };
    let app = sqlite_app_with(&AppOptions {
        rate_limits: Some(limits),
        ..AppOptions::default()
    })
    .await;
    let guesses = |n: usize, from: usize| {
        (from..from + n)
            .map(|i| format!("guess{i}@example.org"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let first = app
        .post("/v1/tokenize", &json!({ "text": guesses(60, 0) }))
        .await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.raw);
    let over = app
        .post("/v1/tokenize", &json!({ "text": guesses(60, 60) }))
        .await;
    assert_problem(&over, StatusCode::TOO_MANY_REQUESTS);
    // Nothing of the refused call was stored or audited.
    let events = app.admin_get("/v1/admin/audit?action=tokenize").await;
    assert_eq!(events["events"].as_array().unwrap().len(), 1);
    let small = app
        .post("/v1/tokenize", &json!({ "text": guesses(30, 200) }))
        .await;
    assert_eq!(small.status, StatusCode::OK, "{}", small.raw);
}
