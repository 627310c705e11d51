//! Dual control: with `PROMPTVAULT_ADMIN_DUAL_CONTROL`, a destructive action (shredding a
//! tenant, retiring a key version, rotating the root key, a policy change that lowers
//! protection) is recorded as pending and happens only when a second admin, another
//! `sub`, confirms it within the window.

use std::time::Duration;

use serde::Serialize;

use super::KeyLifecycle;
use crate::store::PendingActionRow;
use crate::tenant::TenantId;
use crate::vault::{TokenId, VaultError};

/// How long a destructive action waits for its second admin.
pub const DUAL_CONTROL_WINDOW: Duration = Duration::from_secs(15 * 60);

/// A destructive action waiting for a second admin, as admins see it.
#[derive(Debug, Serialize)]
pub struct PendingActionView {
    /// Always `pending_confirmation`.
    pub status: &'static str,
    /// Confirm with `POST /v1/admin/actions/{id}/confirm`.
    pub id: String,
    /// What will happen.
    pub action: String,
    /// The data key version, for `destroy_data_key`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
    /// Who asked.
    pub requested_by: String,
    /// Unix milliseconds after which it lapses.
    pub expires_at: i64,
}

/// Why a confirmation is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfirmRefusal {
    /// No such action for this tenant.
    NotFound,
    /// The same admin asked and confirmed.
    SameAdmin,
    /// The window passed, or it was already confirmed.
    Lapsed,
}

/// The destructive actions that, under dual control, wait for a second admin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdminAction {
    /// Crypto-shred the tenant.
    ShredTenant,
    /// Retire (destroy) one data-key version.
    DestroyDataKey(i64),
    /// Rotate the root key (needs `admin:system` to confirm too).
    RotateRootKey,
    /// Replace the policy with one that lowers protection (the document travels in the
    /// pending row).
    ReplacePolicy,
}

impl AdminAction {
    /// The name stored with a pending action and shown to admins.
    pub fn name(self) -> &'static str {
        match self {
            Self::ShredTenant => "shred_tenant",
            Self::DestroyDataKey(_) => "destroy_data_key",
            Self::RotateRootKey => "rotate_root_key",
            Self::ReplacePolicy => "replace_policy",
        }
    }

    /// The data-key version, for [`AdminAction::DestroyDataKey`].
    pub fn argument(self) -> Option<i64> {
        match self {
            Self::DestroyDataKey(version) => Some(version),
            Self::ShredTenant | Self::RotateRootKey | Self::ReplacePolicy => None,
        }
    }

    /// The action a stored row names; `None` for a row this version does not know.
    pub fn from_row(row: &PendingActionRow) -> Option<Self> {
        match (row.action.as_str(), row.argument) {
            ("shred_tenant", _) => Some(Self::ShredTenant),
            ("destroy_data_key", Some(version)) => Some(Self::DestroyDataKey(version)),
            ("rotate_root_key", _) => Some(Self::RotateRootKey),
            ("replace_policy", _) if row.document.is_some() => Some(Self::ReplacePolicy),
            _ => None,
        }
    }
}

impl KeyLifecycle {
    /// Records a destructive action for a second admin to confirm.
    ///
    /// # Errors
    /// Store failures.
    pub async fn request_action(
        &self,
        tenant: &TenantId,
        action: AdminAction,
        requested_by: &str,
        document: Option<String>,
    ) -> Result<PendingActionView, VaultError> {
        let argument = action.argument();
        let now = self.clock.now_millis();
        let window = i64::try_from(DUAL_CONTROL_WINDOW.as_millis()).unwrap_or(i64::MAX);
        let row = PendingActionRow {
            id: TokenId::generate(&mut rand::rng()).as_str().to_owned(),
            tenant: tenant.as_str().to_owned(),
            action: action.name().to_owned(),
            argument,
            requested_by: requested_by.to_owned(),
            requested_at: now,
            expires_at: now.saturating_add(window),
            confirmed_by: None,
            document,
        };
        self.store.create_pending_action(&row).await?;
        tracing::warn!(tenant = %tenant, action = action.name(), id = %row.id, "destructive action waits for a second admin");
        Ok(PendingActionView {
            status: "pending_confirmation",
            id: row.id,
            action: row.action,
            version: argument,
            requested_by: row.requested_by,
            expires_at: row.expires_at,
        })
    }

    /// The action a pending request of the tenant names; `None` for no such request (or
    /// one this version cannot carry out).
    ///
    /// # Errors
    /// Store failures.
    pub async fn pending_action(
        &self,
        tenant: &TenantId,
        id: &str,
    ) -> Result<Option<(AdminAction, PendingActionRow)>, VaultError> {
        let row = self.store.pending_action(tenant.as_str(), id).await?;
        Ok(row.and_then(|row| Some((AdminAction::from_row(&row)?, row))))
    }

    /// Confirms a pending action as `sub`; the caller then carries it out.
    ///
    /// # Errors
    /// Store failures; `Ok(Err(_))` says why the confirmation is refused.
    pub async fn confirm_action(
        &self,
        tenant: &TenantId,
        id: &str,
        sub: &str,
    ) -> Result<Result<(AdminAction, PendingActionRow), ConfirmRefusal>, VaultError> {
        let Some((action, row)) = self
            .store
            .pending_action(tenant.as_str(), id)
            .await?
            .and_then(|row| Some((AdminAction::from_row(&row)?, row)))
        else {
            return Ok(Err(ConfirmRefusal::NotFound));
        };
        if row.requested_by == sub {
            return Ok(Err(ConfirmRefusal::SameAdmin));
        }
        if !self
            .store
            .confirm_pending_action(tenant.as_str(), id, sub, self.clock.now_millis())
            .await?
        {
            return Ok(Err(ConfirmRefusal::Lapsed));
        }
        tracing::warn!(tenant = %tenant, action = %row.action, id, "destructive action confirmed by a second admin");
        Ok(Ok((action, row)))
    }
}
