//! Admin endpoints (scope `admin`, on the JWT's tenant; `"mfa"` in `amr` unless turned
//! off). This issue: tenant policy.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

use super::extract::{AdminCaller, ApiJson, SystemAdminCaller};
use crate::app::AppState;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::store::DestroyOutcome;
use crate::vault::lifecycle::{ConfirmRefusal, JobView, KeysView};
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
/// material; 409 while it is active or records still use it. Under dual control, 202 and
/// a pending action for a second admin.
#[tracing::instrument(skip_all, fields(tenant = %caller.tenant))]
pub(super) async fn retire_data_key(
    State(state): State<AppState>,
    AdminCaller(caller): AdminCaller,
    Path(version): Path<String>,
) -> Result<Response, ApiError> {
    let version: i64 = version.parse().map_err(|_| ApiError::NotFound)?;
    if state.admin_dual_control {
        return pending(&state, &caller, "destroy_data_key", Some(version)).await;
    }
    destroy_data_key(&state, &caller, version).await
}

async fn destroy_data_key(
    state: &AppState,
    caller: &Caller,
    version: i64,
) -> Result<Response, ApiError> {
    match state
        .vault
        .destroy_data_key(&caller.tenant, version)
        .await?
    {
        DestroyOutcome::Destroyed => {
            Ok(Json(state.vault.keys_view(&caller.tenant).await?).into_response())
        }
        DestroyOutcome::NotFound => Err(ApiError::NotFound),
        DestroyOutcome::Active => Err(ApiError::Conflict(
            "the active version cannot be retired: rotate first".to_owned(),
        )),
        DestroyOutcome::InUse(records) => Err(ApiError::Conflict(format!(
            "{records} records still use this version: re-encrypt first"
        ))),
    }
}

async fn pending(
    state: &AppState,
    caller: &Caller,
    action: &str,
    argument: Option<i64>,
) -> Result<Response, ApiError> {
    let view = state
        .vault
        .request_action(&caller.tenant, action, argument, &caller.sub)
        .await?;
    Ok((StatusCode::ACCEPTED, Json(view)).into_response())
}

/// `DELETE /v1/admin/tenant`: crypto-shredding of the caller's tenant (under dual
/// control, 202 and a pending action).
#[tracing::instrument(skip_all, fields(tenant = %caller.tenant))]
pub(super) async fn shred_tenant(
    State(state): State<AppState>,
    AdminCaller(caller): AdminCaller,
) -> Result<Response, ApiError> {
    if state.admin_dual_control {
        return pending(&state, &caller, "shred_tenant", None).await;
    }
    shred(&state, &caller).await
}

async fn shred(state: &AppState, caller: &Caller) -> Result<Response, ApiError> {
    let existed = state.vault.shred_tenant(&caller.tenant).await?;
    Ok(
        Json(serde_json::json!({ "tenant": caller.tenant.as_str(), "shredded": existed }))
            .into_response(),
    )
}

/// `POST /v1/admin/root/rotate` (`admin:system`): a new root key version; every data key
/// is rewrapped; no record is touched (under dual control, 202 and a pending action).
#[tracing::instrument(skip_all, fields(sub = %caller.sub))]
pub(super) async fn rotate_root_key(
    State(state): State<AppState>,
    SystemAdminCaller(caller): SystemAdminCaller,
) -> Result<Response, ApiError> {
    if state.admin_dual_control {
        return pending(&state, &caller, "rotate_root_key", None).await;
    }
    Ok(Json(state.vault.rotate_root_key().await?).into_response())
}

/// `POST /v1/admin/actions/{id}/confirm`: a second admin (another `sub`) confirms a
/// pending destructive action within its window, which then takes effect.
#[tracing::instrument(skip_all, fields(tenant = %caller.tenant))]
pub(super) async fn confirm_action(
    State(state): State<AppState>,
    AdminCaller(caller): AdminCaller,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let action = state
        .vault
        .pending_action(&caller.tenant, &id)
        .await?
        .ok_or(ApiError::NotFound)?;
    if action.action == "rotate_root_key" && !caller.scopes.has("admin:system") {
        return Err(ApiError::MissingScope("admin:system"));
    }
    match state
        .vault
        .confirm_action(&caller.tenant, &id, &caller.sub)
        .await?
    {
        Err(ConfirmRefusal::NotFound) => Err(ApiError::NotFound),
        Err(ConfirmRefusal::SameAdmin) => Err(ApiError::SecondAdminRequired),
        Err(ConfirmRefusal::Lapsed) => Err(ApiError::Conflict(
            "this action was already confirmed or its window has passed".to_owned(),
        )),
        Ok(action) => match (action.action.as_str(), action.argument) {
            ("shred_tenant", _) => shred(&state, &caller).await,
            ("destroy_data_key", Some(version)) => destroy_data_key(&state, &caller, version).await,
            ("rotate_root_key", _) => {
                Ok(Json(state.vault.rotate_root_key().await?).into_response())
            }
            _ => Err(ApiError::NotFound),
        },
    }
}
