//! Every JWT rejection case of the contract, and the accepted algorithms.

use axum::http::StatusCode;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use promptvault::clock::{Clock, SystemClock};
use serde_json::{json, Value};

use crate::helpers::{fixture, sqlite_app_with, AppOptions, TestApp, TENANT};

const SECRET: &[u8] = b"test-secret-that-is-long-enough-for-hs256-0123456789";

fn claims() -> Value {
    let now = SystemClock.now_seconds();
    json!({ "sub": "svc", "tenant": TENANT, "scope": "tokenize", "exp": now + 600, "aud": "promptvault" })
}

fn sign(alg: Algorithm, key: &EncodingKey, claims: &Value) -> String {
    jsonwebtoken::encode(&Header::new(alg), claims, key).unwrap()
}

fn hs256(claims: &Value) -> String {
    sign(Algorithm::HS256, &EncodingKey::from_secret(SECRET), claims)
}

fn pem(name: &str) -> Vec<u8> {
    std::fs::read(fixture(&format!("jwt/{name}"))).unwrap()
}

async fn status_with(app: &TestApp, bearer: &str) -> StatusCode {
    let answer = app
        .post_as(bearer, "/v1/tokenize", &json!({ "text": "hello" }))
        .await;
    if answer.status == StatusCode::UNAUTHORIZED {
        assert_eq!(answer.headers["content-type"], "application/problem+json");
        assert_eq!(answer.headers["www-authenticate"], "Bearer");
        assert!(
            bearer.len() < 8 || !answer.raw.contains(bearer),
            "the token must not be echoed"
        );
    }
    answer.status
}

fn with(mut base: Value, key: &str, value: Value) -> Value {
    base[key] = value;
    base
}

fn without(mut base: Value, key: &str) -> Value {
    base.as_object_mut().unwrap().remove(key);
    base
}

async fn rsa_app() -> TestApp {
    sqlite_app_with(&AppOptions {
        public_keys: Some(fixture("jwt/rsa_public.pem")),
        ..AppOptions::default()
    })
    .await
}

#[tokio::test]
async fn a_valid_hs256_token_is_accepted() {
    let app = rsa_app().await;
    assert_eq!(status_with(&app, &hs256(&claims())).await, StatusCode::OK);
}

#[tokio::test]
async fn a_missing_or_malformed_authorization_header_is_401() {
    let app = rsa_app().await;
    let no_header = app
        .request(
            "POST",
            "/v1/tokenize",
            None,
            Some("application/json"),
            b"{}".to_vec(),
        )
        .await;
    assert_eq!(no_header.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        status_with(&app, "not-a-jwt").await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(status_with(&app, "").await, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn alg_none_is_401() {
    let app = rsa_app().await;
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#);
    let body = URL_SAFE_NO_PAD.encode(claims().to_string());
    assert_eq!(
        status_with(&app, &format!("{header}.{body}.")).await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        status_with(&app, &format!("{header}.{body}")).await,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn hs256_signed_with_the_public_key_is_401() {
    let app = rsa_app().await;
    let forged = sign(
        Algorithm::HS256,
        &EncodingKey::from_secret(&pem("rsa_public.pem")),
        &claims(),
    );
    assert_eq!(status_with(&app, &forged).await, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn algorithms_outside_the_allow_list_are_401_even_with_the_right_secret() {
    let app = rsa_app().await;
    for alg in [Algorithm::HS384, Algorithm::HS512] {
        let token = sign(alg, &EncodingKey::from_secret(SECRET), &claims());
        assert_eq!(
            status_with(&app, &token).await,
            StatusCode::UNAUTHORIZED,
            "{alg:?}"
        );
    }
    let rs512 = sign(
        Algorithm::RS512,
        &EncodingKey::from_rsa_pem(&pem("rsa_private.pem")).unwrap(),
        &claims(),
    );
    assert_eq!(status_with(&app, &rs512).await, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_bad_signature_is_401() {
    let app = rsa_app().await;
    let other = sign(
        Algorithm::HS256,
        &EncodingKey::from_secret(b"another-secret-another-secret-another"),
        &claims(),
    );
    let mut tampered = hs256(&claims());
    // Change a character in the middle of the signature (the last one may carry only
    // padding bits, which base64 decoders ignore).
    let position = tampered.len() - 10;
    let replacement = if &tampered[position..=position] == "A" {
        "B"
    } else {
        "A"
    };
    tampered.replace_range(position..=position, replacement);
    assert_eq!(status_with(&app, &other).await, StatusCode::UNAUTHORIZED);
    assert_eq!(status_with(&app, &tampered).await, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_missing_or_expired_exp_is_401() {
    let app = rsa_app().await;
    let expired = with(claims(), "exp", json!(SystemClock.now_seconds() - 3600));
    assert_eq!(
        status_with(&app, &hs256(&expired)).await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        status_with(&app, &hs256(&without(claims(), "exp"))).await,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn a_wrong_or_missing_aud_is_401_and_a_list_containing_it_is_accepted() {
    let app = rsa_app().await;
    assert_eq!(
        status_with(&app, &hs256(&with(claims(), "aud", json!("other")))).await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        status_with(&app, &hs256(&without(claims(), "aud"))).await,
        StatusCode::UNAUTHORIZED
    );
    let listed = with(claims(), "aud", json!(["other", "promptvault"]));
    assert_eq!(status_with(&app, &hs256(&listed)).await, StatusCode::OK);
}

#[tokio::test]
async fn a_wrong_or_missing_iss_is_401_when_an_issuer_is_configured() {
    let app = sqlite_app_with(&AppOptions {
        issuer: Some("https://idp.example".to_owned()),
        ..AppOptions::default()
    })
    .await;
    let right = with(claims(), "iss", json!("https://idp.example"));
    assert_eq!(status_with(&app, &hs256(&right)).await, StatusCode::OK);
    assert_eq!(
        status_with(&app, &hs256(&with(claims(), "iss", json!("https://evil")))).await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        status_with(&app, &hs256(&claims())).await,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn a_missing_sub_or_a_missing_or_invalid_tenant_is_401() {
    let app = rsa_app().await;
    for bad in [
        without(claims(), "sub"),
        without(claims(), "tenant"),
        with(claims(), "tenant", json!("Upper Case")),
        with(claims(), "tenant", json!("")),
        with(claims(), "tenant", json!("a".repeat(65))),
    ] {
        assert_eq!(
            status_with(&app, &hs256(&bad)).await,
            StatusCode::UNAUTHORIZED,
            "{bad}"
        );
    }
}

#[tokio::test]
async fn a_valid_token_without_the_scope_is_403() {
    let app = rsa_app().await;
    let token = hs256(&with(claims(), "scope", json!("detokenize")));
    assert_eq!(status_with(&app, &token).await, StatusCode::FORBIDDEN);
    assert_eq!(
        status_with(&app, &hs256(&without(claims(), "scope"))).await,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn rs256_es256_and_eddsa_are_accepted_with_their_public_keys() {
    for (public, private, alg) in [
        ("rsa_public.pem", "rsa_private.pem", Algorithm::RS256),
        ("ec_public.pem", "ec_private.pem", Algorithm::ES256),
        ("ed_public.pem", "ed_private.pem", Algorithm::EdDSA),
    ] {
        let app = sqlite_app_with(&AppOptions {
            public_keys: Some(fixture(&format!("jwt/{public}"))),
            ..AppOptions::default()
        })
        .await;
        let key = match alg {
            Algorithm::RS256 => EncodingKey::from_rsa_pem(&pem(private)).unwrap(),
            Algorithm::ES256 => EncodingKey::from_ec_pem(&pem(private)).unwrap(),
            _ => EncodingKey::from_ed_pem(&pem(private)).unwrap(),
        };
        assert_eq!(
            status_with(&app, &sign(alg, &key, &claims())).await,
            StatusCode::OK,
            "{alg:?}"
        );
    }
}

#[tokio::test]
async fn an_asymmetric_token_without_a_configured_public_key_is_401() {
    let app = crate::helpers::sqlite_app().await;
    let token = sign(
        Algorithm::RS256,
        &EncodingKey::from_rsa_pem(&pem("rsa_private.pem")).unwrap(),
        &claims(),
    );
    assert_eq!(status_with(&app, &token).await, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_jwks_file_verifies_rs256_by_kid() {
    let app = sqlite_app_with(&AppOptions {
        public_keys: Some(fixture("jwt/jwks.json")),
        ..AppOptions::default()
    })
    .await;
    let key = EncodingKey::from_rsa_pem(&pem("rsa_private.pem")).unwrap();
    let mut header = Header::new(Algorithm::RS256);
    header.kid = Some("test-rsa".to_owned());
    let good = jsonwebtoken::encode(&header, &claims(), &key).unwrap();
    header.kid = Some("unknown-kid".to_owned());
    let wrong_kid = jsonwebtoken::encode(&header, &claims(), &key).unwrap();
    assert_eq!(status_with(&app, &good).await, StatusCode::OK);
    assert_eq!(
        status_with(&app, &wrong_kid).await,
        StatusCode::UNAUTHORIZED
    );
}
