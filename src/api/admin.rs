//! Admin endpoints (scope `admin`, on the JWT's tenant; `"mfa"` in `amr` unless turned
//! off). This issue: tenant policy.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

use super::extract::{AdminCaller, ApiJson, RequestId, SystemAdminCaller};
use crate::app::AppState;
use crate::audit::AuditPage;
use crate::audit::VerifyReport;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::keys::{AdminAction, ConfirmRefusal, JobView, KeysView};
use crate::store::AuditFilter;
use crate::store::DestroyOutcome;
use crate::vault::PolicyDocument;
use crate::vault::{TokenId, VaultError};

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
    RequestId(request_id): RequestId,
    ApiJson(policy): ApiJson<PolicyDocument>,
) -> Result<Response, ApiError> {
    if state.admin_dual_control {
        // A current policy that cannot be read cannot be compared: its replacement then
        // waits for a second admin too, which is also how such a tenant gets repaired.
        let current = state.vault.policy_document(&caller.tenant).await.ok();
        if current.is_none_or(|(current, _)| policy.lowers_protection_of(&current)) {
            // Checked now, so that the second admin confirms a policy that applies.
            policy
                .compile(Some(caller.tenant.as_str()), 0)
                .map_err(VaultError::Policy)?;
            let json = serde_json::to_string(&policy)
                .map_err(|_| ApiError::InvalidRequest("the policy cannot be encoded".to_owned()))?;
            // Sealed like a stored policy: a pending row must not keep it in clear.
            let document = state.vault.seal_policy_text(&caller.tenant, &json).await?;
            let action = AdminAction::ReplacePolicy;
            let digest = Some(policy_digest(&json));
            return pending(&state, &caller, &request_id, action, Some(document), digest).await;
        }
    }
    apply_policy(&state, &caller, &request_id, &policy)
        .await
        .map(IntoResponse::into_response)
}

async fn apply_policy(
    state: &AppState,
    caller: &Caller,
    request_id: &str,
    policy: &PolicyDocument,
) -> Result<Json<PolicyResponse>, ApiError> {
    let requested = serde_json::json!({ "recognizers": policy.recognizers.len() });
    intent(state, caller, request_id, "policy.replace", requested).await?;
    let version = state
        .vault
        .put_policy(&caller.tenant, policy, &caller.sub)
        .await?;
    let details =
        serde_json::json!({ "version": version, "recognizers": policy.recognizers.len() });
    audit(state, caller, request_id, "policy.replace", "ok", details).await?;
    tracing::info!(version, "tenant policy replaced");
    Ok(Json(PolicyResponse {
        version,
        policy: policy.clone(),
    }))
}

/// `GET /v1/admin/keys`: data-key versions with state and use, and the root version.
#[tracing::instrument(skip_all, fields(tenant = %caller.tenant))]
pub(super) async fn list_keys(
    State(state): State<AppState>,
    AdminCaller(caller): AdminCaller,
) -> Result<Json<KeysView>, ApiError> {
    Ok(Json(state.keys.keys_view(&caller.tenant).await?))
}

/// `POST /v1/admin/keys/rotate`: a new active version, used by new tokens at once.
#[tracing::instrument(skip_all, fields(tenant = %caller.tenant))]
pub(super) async fn rotate_data_key(
    State(state): State<AppState>,
    AdminCaller(caller): AdminCaller,
    RequestId(request_id): RequestId,
) -> Result<Json<KeysView>, ApiError> {
    intent(
        &state,
        &caller,
        &request_id,
        "keys.rotate",
        serde_json::json!({}),
    )
    .await?;
    let version = state.keys.rotate_data_key(&caller.tenant).await?;
    audit(
        &state,
        &caller,
        &request_id,
        "keys.rotate",
        "ok",
        serde_json::json!({ "version": version }),
    )
    .await?;
    Ok(Json(state.keys.keys_view(&caller.tenant).await?))
}

/// `POST /v1/admin/keys/reencrypt`: starts (or reports) moving records to the active
/// version; 202 with the job.
#[tracing::instrument(skip_all, fields(tenant = %caller.tenant))]
pub(super) async fn start_reencryption(
    State(state): State<AppState>,
    AdminCaller(caller): AdminCaller,
    RequestId(request_id): RequestId,
) -> Result<(StatusCode, Json<JobView>), ApiError> {
    intent(
        &state,
        &caller,
        &request_id,
        "keys.reencrypt",
        serde_json::json!({}),
    )
    .await?;
    let job = state.keys.start_reencryption(&caller.tenant).await?;
    let details = serde_json::json!({ "job": job.id, "target_version": job.target_version });
    audit(
        &state,
        &caller,
        &request_id,
        "keys.reencrypt",
        "started",
        details,
    )
    .await?;
    Ok((StatusCode::ACCEPTED, Json(job)))
}

/// `GET /v1/admin/keys/reencrypt/{job}`: the job's progress.
#[tracing::instrument(skip_all, fields(tenant = %caller.tenant))]
pub(super) async fn reencryption_progress(
    State(state): State<AppState>,
    AdminCaller(caller): AdminCaller,
    Path(job): Path<String>,
) -> Result<Json<JobView>, ApiError> {
    let job = TokenId::parse(&job).ok_or(ApiError::NotFound)?;
    state
        .keys
        .job(&caller.tenant, job.as_str())
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
    RequestId(request_id): RequestId,
    Path(version): Path<String>,
) -> Result<Response, ApiError> {
    let version: i64 = version.parse().map_err(|_| ApiError::NotFound)?;
    if state.admin_dual_control {
        return pending(
            &state,
            &caller,
            &request_id,
            AdminAction::DestroyDataKey(version),
            None,
            None,
        )
        .await;
    }
    destroy_data_key(&state, &caller, &request_id, version).await
}

async fn destroy_data_key(
    state: &AppState,
    caller: &Caller,
    request_id: &str,
    version: i64,
) -> Result<Response, ApiError> {
    let requested = serde_json::json!({ "version": version });
    intent(state, caller, request_id, "keys.retire", requested).await?;
    let outcome = state.keys.destroy_data_key(&caller.tenant, version).await?;
    let result = match outcome {
        DestroyOutcome::Destroyed => "ok",
        DestroyOutcome::NotFound => "not_found",
        DestroyOutcome::Active | DestroyOutcome::InUse(_) => "refused",
    };
    audit(
        state,
        caller,
        request_id,
        "keys.retire",
        result,
        serde_json::json!({ "version": version }),
    )
    .await?;
    match outcome {
        DestroyOutcome::Destroyed => {
            Ok(Json(state.keys.keys_view(&caller.tenant).await?).into_response())
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
    request_id: &str,
    action: AdminAction,
    document: Option<String>,
    policy_sha256: Option<String>,
) -> Result<Response, ApiError> {
    let requested = serde_json::json!({ "action": action.name(), "version": action.argument() });
    intent(state, caller, request_id, "action.request", requested).await?;
    let view = state
        .keys
        .request_action(&caller.tenant, action, &caller.sub, document)
        .await?;
    let details = serde_json::json!({
        "pending": view.id,
        "action": action.name(),
        "version": action.argument(),
        "policy_sha256": policy_sha256,
    });
    audit(
        state,
        caller,
        request_id,
        "action.request",
        "pending",
        details,
    )
    .await?;
    Ok((StatusCode::ACCEPTED, Json(view)).into_response())
}

/// `DELETE /v1/admin/tenant`: crypto-shredding of the caller's tenant (under dual
/// control, 202 and a pending action).
#[tracing::instrument(skip_all, fields(tenant = %caller.tenant))]
pub(super) async fn shred_tenant(
    State(state): State<AppState>,
    AdminCaller(caller): AdminCaller,
    RequestId(request_id): RequestId,
) -> Result<Response, ApiError> {
    if state.admin_dual_control {
        let action = AdminAction::ShredTenant;
        return pending(&state, &caller, &request_id, action, None, None).await;
    }
    shred(&state, &caller, &request_id).await
}

async fn shred(state: &AppState, caller: &Caller, request_id: &str) -> Result<Response, ApiError> {
    intent(
        state,
        caller,
        request_id,
        "tenant.shred",
        serde_json::json!({}),
    )
    .await?;
    let shred = state.keys.shred_tenant(&caller.tenant).await?;
    let details = serde_json::json!({
        "existed": shred.existed,
        "root_key_version": shred.root_key_version,
        "old_root_destroyed": shred.old_root_destroyed,
    });
    audit(state, caller, request_id, "tenant.shred", "ok", details).await?;
    Ok(Json(serde_json::json!({
        "tenant": caller.tenant.as_str(),
        "shredded": shred.existed,
        "root_key_version": shred.root_key_version,
        "old_root_destroyed": shred.old_root_destroyed,
    }))
    .into_response())
}

/// `POST /v1/admin/root/rotate` (`admin:system`): a new root key version; every data key
/// is rewrapped; no record is touched (under dual control, 202 and a pending action).
#[tracing::instrument(skip_all, fields(sub = %caller.sub))]
pub(super) async fn rotate_root_key(
    State(state): State<AppState>,
    SystemAdminCaller(caller): SystemAdminCaller,
    RequestId(request_id): RequestId,
) -> Result<Response, ApiError> {
    if state.admin_dual_control {
        return pending(
            &state,
            &caller,
            &request_id,
            AdminAction::RotateRootKey,
            None,
            None,
        )
        .await;
    }
    rotate_root(&state, &caller, &request_id).await
}

async fn rotate_root(
    state: &AppState,
    caller: &Caller,
    request_id: &str,
) -> Result<Response, ApiError> {
    intent(
        state,
        caller,
        request_id,
        "root.rotate",
        serde_json::json!({}),
    )
    .await?;
    let view = state.keys.rotate_root_key().await?;
    let details = serde_json::json!({ "root_key_version": view.root_key_version, "rewrapped": view.rewrapped });
    audit(state, caller, request_id, "root.rotate", "ok", details).await?;
    Ok(Json(view).into_response())
}

/// `POST /v1/admin/actions/{id}/confirm`: a second admin (another `sub`) confirms a
/// pending destructive action within its window, which then takes effect.
#[tracing::instrument(skip_all, fields(tenant = %caller.tenant))]
pub(super) async fn confirm_action(
    State(state): State<AppState>,
    AdminCaller(caller): AdminCaller,
    RequestId(request_id): RequestId,
    Path(id): Path<String>,
    reviewed: Result<Query<ReviewedAction>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(reviewed) = reviewed.map_err(|e| ApiError::InvalidRequest(e.body_text()))?;
    let id = TokenId::parse(&id).ok_or(ApiError::NotFound)?;
    let id = id.as_str();
    let (action, pending) = state
        .keys
        .pending_action(&caller.tenant, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    if action == AdminAction::RotateRootKey && !caller.scopes.has("admin:system") {
        return Err(ApiError::MissingScope("admin:system"));
    }
    // The policy the second admin reviewed (GET /v1/admin/actions/{id}) must be the one
    // that applies; without `policy_sha256` the confirmation is blind, and the audit
    // event names the digest of what was applied either way.
    if pending.requested_by == caller.sub {
        return Err(ApiError::SecondAdminRequired);
    }
    let digest = reviewed_digest(&state, &caller, pending.document.as_deref(), &reviewed).await?;
    match state
        .keys
        .confirm_action(&caller.tenant, id, &caller.sub)
        .await?
    {
        Err(ConfirmRefusal::NotFound) => Err(ApiError::NotFound),
        Err(ConfirmRefusal::SameAdmin) => Err(ApiError::SecondAdminRequired),
        Err(ConfirmRefusal::Lapsed) => Err(ApiError::Conflict(
            "this action was already confirmed or its window has passed".to_owned(),
        )),
        Ok((action, row)) => {
            let details = serde_json::json!({
                "pending": row.id,
                "action": row.action,
                "requested_by": row.requested_by,
                "policy_sha256": digest,
            });
            audit(
                &state,
                &caller,
                &request_id,
                "action.confirm",
                "ok",
                details,
            )
            .await?;
            execute(
                &state,
                &caller,
                &request_id,
                action,
                row.document.as_deref(),
            )
            .await
        }
    }
}

/// The digest of a pending policy change, checked against the one the confirming admin
/// reviewed: required for a policy change (400 without), equal (409 otherwise).
async fn reviewed_digest(
    state: &AppState,
    caller: &Caller,
    document: Option<&str>,
    reviewed: &ReviewedAction,
) -> Result<Option<String>, ApiError> {
    let digest = match document {
        Some(sealed) => Some(policy_digest(
            &open_pending_policy(state, caller, sealed).await?,
        )),
        None => None,
    };
    match (&digest, &reviewed.policy_sha256) {
        (Some(_), None) => Err(ApiError::InvalidRequest(
            "a policy change is confirmed with the policy_sha256 that \
             GET /v1/admin/actions/{id} shows"
                .to_owned(),
        )),
        (_, Some(reviewed)) if digest.as_ref() != Some(reviewed) => Err(ApiError::Conflict(
            "the pending policy is not the one reviewed (policy_sha256 differs)".to_owned(),
        )),
        _ => Ok(digest),
    }
}

/// What the confirming admin reviewed.
#[derive(Debug, serde::Deserialize)]
pub(super) struct ReviewedAction {
    /// The digest `GET /v1/admin/actions/{id}` showed for a pending policy.
    policy_sha256: Option<String>,
}

/// `GET /v1/admin/actions/{id}`: a pending action as the second admin reviews it; for a
/// policy change, the policy itself and its SHA-256 (to pass to the confirmation).
#[tracing::instrument(skip_all, fields(tenant = %caller.tenant))]
pub(super) async fn read_action(
    State(state): State<AppState>,
    AdminCaller(caller): AdminCaller,
    Path(id): Path<String>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let id = TokenId::parse(&id).ok_or(ApiError::NotFound)?;
    let (action, row) = state
        .keys
        .pending_action(&caller.tenant, id.as_str())
        .await?
        .ok_or(ApiError::NotFound)?;
    let status = match (&row.confirmed_by, row.expires_at > state.clock.now_millis()) {
        (Some(_), _) => "confirmed",
        (None, true) => "pending_confirmation",
        (None, false) => "lapsed",
    };
    let mut view = serde_json::json!({
        "id": row.id,
        "status": status,
        "action": row.action,
        "version": action.argument(),
        "requested_by": row.requested_by,
        "requested_at": row.requested_at,
        "expires_at": row.expires_at,
        "confirmed_by": row.confirmed_by,
    });
    if let Some(sealed) = row.document.as_deref() {
        let json = open_pending_policy(&state, &caller, sealed).await?;
        view["policy_sha256"] = serde_json::Value::String(policy_digest(&json));
        view["policy"] = serde_json::from_str(&json).map_err(|_| unreadable_policy())?;
    }
    Ok(Json(view))
}

fn unreadable_policy() -> ApiError {
    ApiError::Conflict("the pending policy can no longer be read".to_owned())
}

async fn open_pending_policy(
    state: &AppState,
    caller: &Caller,
    sealed: &str,
) -> Result<String, ApiError> {
    state
        .vault
        .open_policy_text(&caller.tenant, sealed)
        .await
        .map_err(|_| unreadable_policy())
}

/// Lower-case hex SHA-256 of a policy's JSON text as it will apply.
fn policy_digest(json: &str) -> String {
    use std::fmt::Write;
    let digest = ring::digest::digest(&ring::digest::SHA256, json.as_bytes());
    digest
        .as_ref()
        .iter()
        .fold(String::with_capacity(64), |mut hex, b| {
            let _ = write!(hex, "{b:02x}");
            hex
        })
}

/// Carries out a confirmed destructive action.
async fn execute(
    state: &AppState,
    caller: &Caller,
    request_id: &str,
    action: AdminAction,
    document: Option<&str>,
) -> Result<Response, ApiError> {
    match action {
        AdminAction::ReplacePolicy => {
            let sealed = document.ok_or_else(unreadable_policy)?;
            let json = open_pending_policy(state, caller, sealed).await?;
            let policy: PolicyDocument =
                serde_json::from_str(&json).map_err(|_| unreadable_policy())?;
            apply_policy(state, caller, request_id, &policy)
                .await
                .map(IntoResponse::into_response)
        }
        AdminAction::ShredTenant => shred(state, caller, request_id).await,
        AdminAction::DestroyDataKey(version) => {
            destroy_data_key(state, caller, request_id, version).await
        }
        AdminAction::RotateRootKey => rotate_root(state, caller, request_id).await,
    }
}

/// Query of `GET /v1/admin/audit`: times are Unix milliseconds.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct AuditQuery {
    since: Option<i64>,
    until: Option<i64>,
    sub: Option<String>,
    action: Option<String>,
    token_id: Option<String>,
    after: Option<i64>,
    limit: Option<i64>,
}

/// `GET /v1/admin/audit?since=&until=&sub=&action=&token_id=&after=&limit=`.
#[tracing::instrument(skip_all, fields(tenant = %caller.tenant))]
pub(super) async fn list_audit(
    State(state): State<AppState>,
    AdminCaller(caller): AdminCaller,
    query: Result<Query<AuditQuery>, QueryRejection>,
) -> Result<Json<AuditPage>, ApiError> {
    let Query(query) = query
        .map_err(|_| ApiError::InvalidRequest("unknown or malformed query parameter".to_owned()))?;
    check_audit_query(&query)?;
    let filter = AuditFilter {
        since: query.since,
        until: query.until,
        sub: query.sub,
        action: query.action,
        token_id: query.token_id,
        after_seq: query.after,
        limit: query.limit.unwrap_or(100),
    };
    Ok(Json(state.audit.page(&caller.tenant, filter).await?))
}

/// Filters that no stored event can match are refused rather than searched for: a `sub`
/// no JWT may carry, an action name that is not one, a token id failing its check
/// character.
fn check_audit_query(query: &AuditQuery) -> Result<(), ApiError> {
    let invalid = |what: &str| Err(ApiError::InvalidRequest(format!("invalid `{what}` filter")));
    if query
        .sub
        .as_deref()
        .is_some_and(|sub| !crate::auth::is_valid_sub(sub))
    {
        return invalid("sub");
    }
    let action_name = |a: &str| {
        !a.is_empty()
            && a.len() <= 64
            && a.bytes()
                .all(|b| b.is_ascii_lowercase() || matches!(b, b'.' | b'_'))
    };
    if query.action.as_deref().is_some_and(|a| !action_name(a)) {
        return invalid("action");
    }
    if query
        .token_id
        .as_deref()
        .is_some_and(|id| TokenId::parse(id).is_none())
    {
        return invalid("token_id");
    }
    Ok(())
}

/// `GET /v1/admin/audit/verify`: checks the tenant's hash chain and checkpoints.
#[tracing::instrument(skip_all, fields(tenant = %caller.tenant))]
pub(super) async fn verify_audit(
    State(state): State<AppState>,
    AdminCaller(caller): AdminCaller,
) -> Result<Json<VerifyReport>, ApiError> {
    Ok(Json(state.audit.verify(caller.tenant.as_str()).await?))
}

/// Body of `POST /v1/admin/honeytokens`.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct HoneyTokenRequest {
    #[serde(rename = "type")]
    kind: String,
}

/// A honey token as shown to admins.
#[derive(Debug, Serialize)]
pub(super) struct HoneyTokenView {
    token: String,
    #[serde(rename = "type")]
    kind: String,
    created_at: i64,
    created_by: String,
}

/// `POST /v1/admin/honeytokens`: a new honey token of the given type.
#[tracing::instrument(skip_all, fields(tenant = %caller.tenant))]
pub(super) async fn create_honey_token(
    State(state): State<AppState>,
    AdminCaller(caller): AdminCaller,
    RequestId(request_id): RequestId,
    ApiJson(request): ApiJson<HoneyTokenRequest>,
) -> Result<(StatusCode, Json<HoneyTokenView>), ApiError> {
    if !crate::guard::honey::is_token_label(&request.kind) {
        return Err(ApiError::InvalidRequest(
            "type must be a type label: capitals, digits and _, starting with a capital".to_owned(),
        ));
    }
    let requested = serde_json::json!({ "type": request.kind });
    intent(&state, &caller, &request_id, "honeytoken.create", requested).await?;
    let (token, row) = crate::guard::honey::create(
        state.store.as_ref(),
        state.clock.as_ref(),
        &caller.tenant,
        &request.kind,
        &caller.sub,
    )
    .await
    .map_err(VaultError::from)?;
    audit(
        &state,
        &caller,
        &request_id,
        "honeytoken.create",
        "ok",
        serde_json::json!({ "token_id": row.token_id, "type": row.entity_type }),
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(HoneyTokenView {
            token,
            kind: row.entity_type,
            created_at: row.created_at,
            created_by: row.created_by,
        }),
    ))
}

/// `GET /v1/admin/honeytokens`.
#[tracing::instrument(skip_all, fields(tenant = %caller.tenant))]
pub(super) async fn list_honey_tokens(
    State(state): State<AppState>,
    AdminCaller(caller): AdminCaller,
) -> Result<Json<serde_json::Value>, ApiError> {
    let tokens: Vec<HoneyTokenView> =
        crate::guard::honey::list(state.store.as_ref(), &caller.tenant)
            .await
            .map_err(VaultError::from)?
            .into_iter()
            .map(|(token, row)| HoneyTokenView {
                token,
                kind: row.entity_type,
                created_at: row.created_at,
                created_by: row.created_by,
            })
            .collect();
    Ok(Json(serde_json::json!({ "honey_tokens": tokens })))
}

/// `GET /v1/admin/blocks`: the tenant's callers blocked after an anomaly.
#[tracing::instrument(skip_all, fields(tenant = %caller.tenant))]
pub(super) async fn list_blocks(
    State(state): State<AppState>,
    AdminCaller(caller): AdminCaller,
) -> Result<Json<serde_json::Value>, ApiError> {
    let rows = state
        .anomalies
        .blocks_of(caller.tenant.as_str())
        .await
        .map_err(crate::vault::VaultError::from)?;
    let blocks: Vec<serde_json::Value> = rows
        .into_iter()
        .map(|row| serde_json::json!({ "sub": row.sub, "until": row.until_at, "reason": row.reason }))
        .collect();
    Ok(Json(serde_json::json!({ "blocks": blocks })))
}

/// `DELETE /v1/admin/blocks/{sub}`: lifts a caller's block on every instance.
#[tracing::instrument(skip_all, fields(tenant = %caller.tenant))]
pub(super) async fn lift_block(
    State(state): State<AppState>,
    AdminCaller(caller): AdminCaller,
    RequestId(request_id): RequestId,
    Path(sub): Path<String>,
) -> Result<StatusCode, ApiError> {
    if !crate::auth::is_valid_sub(&sub) {
        // No caller can have such a sub, so none is blocked.
        return Err(ApiError::NotFound);
    }
    if sub == caller.sub {
        // A blocked admin must not be able to lift its own block.
        return Err(ApiError::SecondAdminRequired);
    }
    let details = serde_json::json!({ "sub": sub });
    intent(&state, &caller, &request_id, "block.lift", details.clone()).await?;
    let existed = state
        .anomalies
        .unblock(caller.tenant.as_str(), &sub)
        .await
        .map_err(crate::vault::VaultError::from)?;
    let outcome = if existed { "ok" } else { "not_found" };
    audit(&state, &caller, &request_id, "block.lift", outcome, details).await?;
    if !existed {
        return Err(ApiError::NotFound);
    }
    Ok(StatusCode::NO_CONTENT)
}

/// Records that an admin action is about to be carried out (outcome `requested`), before
/// anything changes: if the event cannot be stored the action does not happen, and an
/// action whose result event is lost (a crash, the store gone just after) is still on
/// record.
async fn intent(
    state: &AppState,
    caller: &Caller,
    request_id: &str,
    action: &str,
    details: serde_json::Value,
) -> Result<(), ApiError> {
    let mut event = state
        .audit
        .event(&caller.tenant, &caller.sub, request_id, action, &details);
    "requested".clone_into(&mut event.outcome);
    Ok(state.audit.record(event).await?)
}

/// Records an admin action in the audit log.
async fn audit(
    state: &AppState,
    caller: &Caller,
    request_id: &str,
    action: &str,
    outcome: &str,
    details: serde_json::Value,
) -> Result<(), ApiError> {
    let mut event = state
        .audit
        .event(&caller.tenant, &caller.sub, request_id, action, &details);
    outcome.clone_into(&mut event.outcome);
    state.audit.record(event).await?;
    state.metrics.audit(action);
    Ok(())
}
