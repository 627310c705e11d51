//! Liveness, readiness and the OpenAPI document.

use axum::extract::State;
use axum::http::header::CONTENT_TYPE;
use axum::response::IntoResponse;
use axum::Json;
use serde_json::json;

use crate::app::AppState;
use crate::error::ApiError;

/// `GET /healthz`: the process answers.
pub(super) async fn alive() -> Json<serde_json::Value> {
    Json(json!({ "status": "ok" }))
}

/// `GET /readyz`: the store answers and the root key is loaded (it is, or the process
/// would not have started).
pub(super) async fn ready(
    State(state): State<AppState>,
) -> Result<Json<serde_json::Value>, ApiError> {
    state.store.ping().await.map_err(|err| {
        tracing::warn!(error = %err, "readiness check failed");
        ApiError::Unavailable
    })?;
    Ok(Json(json!({ "status": "ready" })))
}

/// `GET /openapi.json`.
pub(super) async fn openapi() -> impl IntoResponse {
    (
        [(CONTENT_TYPE, "application/json")],
        include_str!("openapi.json"),
    )
}

/// `GET /metrics`: Prometheus text format.
pub(super) async fn metrics(State(state): State<AppState>) -> impl IntoResponse {
    // Key versions are read at scrape time, so every instance reports the shared truth.
    match state.store.key_version_counts().await {
        Ok(counts) => {
            for key_state in ["active", "decrypt_only", "destroyed"] {
                let count = counts
                    .iter()
                    .find(|(s, _)| s == key_state)
                    .map_or(0, |(_, n)| *n);
                state
                    .metrics
                    .key_versions
                    .get_or_create(&crate::metrics::StateLabels {
                        state: key_state.to_owned(),
                    })
                    .set(count);
            }
        }
        Err(err) => tracing::warn!(error = %err, "key versions could not be counted"),
    }
    state
        .metrics
        .root_key_version
        .set(i64::from(state.keys.root_key_version()));
    (
        [(
            CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        state.metrics.render(),
    )
}
