//! Admin endpoints (scope `admin`, on the JWT's tenant; `"mfa"` in `amr` unless turned
//! off). This issue: tenant policy.

use axum::extract::State;
use axum::Json;
use serde::Serialize;

use super::extract::{AdminCaller, ApiJson};
use crate::app::AppState;
use crate::error::ApiError;
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
