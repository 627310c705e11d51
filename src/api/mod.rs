//! HTTP only: THE route table, layers, request and response types. No SQL, no crypto,
//! no business rules: handlers translate between HTTP and the vault.

mod admin;
mod console;
mod extract;
mod guard;
mod health;
mod proxy;
mod tokenize;

use std::time::Instant;

use axum::extract::{DefaultBodyLimit, MatchedPath, Request, State};
use axum::http::HeaderName;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::Router;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;

pub use extract::{AdminCaller, ApiJson, BearerCaller, RequestId, SystemAdminCaller};

use crate::app::AppState;
use crate::error::ApiError;
use crate::metrics::{LatencyLabels, RouteLabels};

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Counts every request by route pattern, method and status, and times it.
async fn record_request(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_owned(), |path| path.as_str().to_owned());
    let method = request.method().as_str().to_owned();
    let started = Instant::now();
    let response = next.run(request).await;
    let status = response.status().as_u16();
    let metrics = &state.metrics;
    metrics
        .http_requests
        .get_or_create(&RouteLabels {
            route: route.clone(),
            method,
            status,
        })
        .inc();
    metrics
        .http_latency
        .get_or_create(&LatencyLabels { route })
        .observe(started.elapsed().as_secs_f64());
    response
}

/// The proxy's routes, each only when its provider is configured: without one, any call
/// answers 404, whoever makes it.
fn with_proxy_routes(mut routes: Router<AppState>, state: &AppState) -> Router<AppState> {
    if state.upstream.is_some() {
        routes = routes
            .route("/v1/chat/completions", post(proxy::openai))
            .route("/v1/embeddings", post(proxy::openai))
            .route("/v1/responses", post(proxy::openai))
            .route(
                "/openai/deployments/{deployment}/{*operation}",
                post(proxy::azure),
            );
    }
    if state.anthropic.is_some() {
        routes = routes.route("/v1/messages", post(proxy::anthropic));
    }
    routes
}

/// Every route of the service, with its layers.
pub fn router(state: AppState) -> Router {
    let body_limit = state.max_body_bytes;
    let routes = Router::new()
        .route("/v1/tokenize", post(tokenize::tokenize_text))
        .route("/v1/detokenize", post(tokenize::detokenize_text))
        .route(
            "/v1/admin/policy",
            get(admin::read_policy).put(admin::replace_policy),
        )
        .route("/v1/admin/keys", get(admin::list_keys))
        .route("/v1/admin/keys/rotate", post(admin::rotate_data_key))
        .route("/v1/admin/keys/reencrypt", post(admin::start_reencryption))
        .route(
            "/v1/admin/keys/reencrypt/{job}",
            get(admin::reencryption_progress),
        )
        .route("/v1/admin/keys/{version}", delete(admin::retire_data_key))
        .route("/v1/admin/tenant", delete(admin::shred_tenant))
        .route("/v1/admin/root/rotate", post(admin::rotate_root_key))
        .route("/v1/admin/actions/{id}", get(admin::read_action))
        .route(
            "/v1/admin/actions/{id}/confirm",
            post(admin::confirm_action),
        )
        .route(
            "/v1/admin/honeytokens",
            get(admin::list_honey_tokens).post(admin::create_honey_token),
        )
        .route("/v1/admin/blocks", get(admin::list_blocks))
        .route("/v1/admin/blocks/{sub}", delete(admin::lift_block))
        .route("/v1/admin/audit", get(admin::list_audit))
        .route("/v1/admin/audit/verify", get(admin::verify_audit))
        .route("/healthz", get(health::alive))
        .route("/readyz", get(health::ready))
        .route("/openapi.json", get(health::openapi))
        .route("/metrics", get(health::metrics))
        .route("/console", get(console::page))
        .route("/console/{file}", get(console::file));
    with_proxy_routes(routes, &state)
        .fallback(|| async { ApiError::NotFound })
        .method_not_allowed_fallback(|| async { ApiError::MethodNotAllowed })
        .layer(DefaultBodyLimit::max(body_limit))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            record_request,
        ))
        .layer(
            // The span names the route pattern (never the raw path, which a client could
            // fill with a value) and a plain request id; never the body or headers.
            TraceLayer::new_for_http().make_span_with(|request: &Request| {
                let raw_id = request
                    .headers()
                    .get(&REQUEST_ID)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("");
                let request_id = extract::plain_request_id(raw_id);
                let route = request
                    .extensions()
                    .get::<MatchedPath>()
                    .map_or("unmatched", MatchedPath::as_str);
                tracing::info_span!("request", method = %request.method(), route, request_id)
            }),
        )
        // A panic is a bug, but its request still gets a problem+json answer (the hook in
        // `telemetry` logs where it happened, never its message) and its connection stays.
        .layer(CatchPanicLayer::custom(
            |_panic: Box<dyn std::any::Any + Send>| {
                ApiError::Internal(anyhow::anyhow!("the request's handler panicked"))
                    .into_response()
            },
        ))
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
        .with_state(state)
}
