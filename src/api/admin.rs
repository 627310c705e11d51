//! Admin endpoints (scope `admin`, on the JWT's tenant; `"mfa"` in `amr` unless turned
//! off). This issue: tenant policy.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use serde::Serialize;

use super::extract::{AdminCaller, ApiJson, SystemAdminCaller};
use crate::app::AppState;
use crate::error::ApiError;
use crate::store::DestroyOutcome;
use crate::vault::lifecycle::{JobView, KeysView, RootRotationView};
use crate::vault::PolicyDocument;

/// A policy with its version.
#[derive(Debug, Serialize)]
pub(super) struct PolicyResponse {
    version: i64,
    policy: PolicyDocument,
}

/// `GET /v1/admin/policy`.
#[tracing::instrument(skip_all, fields(tenant = %caller.tenant))]
pub(super) async fn read_policy(
    State(state): State<AppState>,
    AdminCaller(caller): AdminCaller,
) -> Result<Json<PolicyResponse>, ApiError> {
    let (policy, version) = state.vault.policy_document(&caller.tenant).await?;
    Ok(Json(PolicyResponse { version, policy }))
}

/// `PUT /v1/admin/policy`: replaces the policy; applies from the next request on.
#[tracing::instrument(skip_all, fields(tenant = %caller.tenant))]
pub(super) async fn replace_policy(
    State(state): State<AppState>,
    AdminCaller(caller): AdminCaller,
    ApiJson(policy): ApiJson<PolicyDocument>,
) -> Result<Json<PolicyResponse>, ApiError> {
    let version = state
        .vault
        .put_policy(&caller.tenant, &policy, &caller.sub)
        .await?;
    tracing::info!(version, "tenant policy replaced");
    Ok(Json(PolicyResponse { version, policy }))
}

/// `GET /v1/admin/keys`: data-key versions with state and use, and the root version.
#[tracing::instrument(skip_all, fields(tenant = %caller.tenant))]
pub(super) async fn list_keys(
    State(state): State<AppState>,
    AdminCaller(caller): AdminCaller,
) -> Result<Json<KeysView>, ApiError> {
    Ok(Json(state.vault.keys_view(&caller.tenant).await?))
}

/// `POST /v1/admin/keys/rotate`: a new active version, used by new tokens at once.
#[tracing::instrument(skip_all, fields(tenant = %caller.tenant))]
pub(super) async fn rotate_data_key(
    State(state): State<AppState>,
    AdminCaller(caller): AdminCaller,
) -> Result<Json<KeysView>, ApiError> {
    state.vault.rotate_data_key(&caller.tenant).await?;
    Ok(Json(state.vault.keys_view(&caller.tenant).await?))
}

/// `POST /v1/admin/keys/reencrypt`: starts (or reports) moving records to the active
/// version; 202 with the job.
#[tracing::instrument(skip_all, fields(tenant = %caller.tenant))]
pub(super) async fn start_reencryption(
    State(state): State<AppState>,
    AdminCaller(caller): AdminCaller,
) -> Result<(StatusCode, Json<JobView>), ApiError> {
    let job = state.vault.start_reencryption(&caller.tenant).await?;
    Ok((StatusCode::ACCEPTED, Json(job)))
}

/// `GET /v1/admin/keys/reencrypt/{job}`: the job's progress.
#[tracing::instrument(skip_all, fields(tenant = %caller.tenant))]
pub(super) async fn reencryption_progress(
    State(state): State<AppState>,
    AdminCaller(caller): AdminCaller,
    Path(job): Path<String>,
) -> Result<Json<JobView>, ApiError> {
    state
        .vault
        .job(&caller.tenant, &job)
        .await?
        .map(Json)
        .ok_or(ApiError::NotFound)
}

/// `DELETE /v1/admin/keys/{version}`: retires an old version by destroying its key
/// material; 409 while it is active or records still use it.
#[tracing::instrument(skip_all, fields(tenant = %caller.tenant))]
pub(super) async fn retire_data_key(
    State(state): State<AppState>,
    AdminCaller(caller): AdminCaller,
    Path(version): Path<String>,
) -> Result<Json<KeysView>, ApiError> {
    let version: i64 = version.parse().map_err(|_| ApiError::NotFound)?;
    match state
        .vault
        .destroy_data_key(&caller.tenant, version)
        .await?
    {
        DestroyOutcome::Destroyed => Ok(Json(state.vault.keys_view(&caller.tenant).await?)),
        DestroyOutcome::NotFound => Err(ApiError::NotFound),
        DestroyOutcome::Active => Err(ApiError::Conflict(
            "the active version cannot be retired: rotate first".to_owned(),
        )),
        DestroyOutcome::InUse(records) => Err(ApiError::Conflict(format!(
            "{records} records still use this version: re-encrypt first"
        ))),
    }
}

/// `DELETE /v1/admin/tenant`: crypto-shredding of the caller's tenant.
#[tracing::instrument(skip_all, fields(tenant = %caller.tenant))]
pub(super) async fn shred_tenant(
    State(state): State<AppState>,
    AdminCaller(caller): AdminCaller,
) -> Result<Json<serde_json::Value>, ApiError> {
    let existed = state.vault.shred_tenant(&caller.tenant).await?;
    Ok(Json(
        serde_json::json!({ "tenant": caller.tenant.as_str(), "shredded": existed }),
    ))
}

/// `POST /v1/admin/root/rotate` (`admin:system`): a new root key version; every data key
/// is rewrapped; no record is touched.
#[tracing::instrument(skip_all, fields(sub = %caller.sub))]
pub(super) async fn rotate_root_key(
    State(state): State<AppState>,
    SystemAdminCaller(caller): SystemAdminCaller,
) -> Result<Json<RootRotationView>, ApiError> {
    Ok(Json(state.vault.rotate_root_key().await?))
}
