//! The tenants' state as this instance last read it (policy version, key epoch, root
//! version). The vault checks it in every write; a key change made on this instance drops
//! the tenant's entry at once, one made elsewhere is caught by that check.

use std::collections::HashMap;
use std::sync::RwLock;

use crate::store::TenantStateRow;

/// A cache of tenant states, shared by the vault and the key lifecycle.
#[derive(Debug, Default)]
pub struct TenantStates {
    states: RwLock<HashMap<String, TenantStateRow>>,
}

impl TenantStates {
    /// The cached state of a tenant.
    pub fn get(&self, tenant: &str) -> Option<TenantStateRow> {
        self.states.read().ok().and_then(|c| c.get(tenant).copied())
    }

    /// Caches a tenant's state.
    pub fn insert(&self, tenant: &str, state: TenantStateRow) {
        if let Ok(mut cache) = self.states.write() {
            cache.insert(tenant.to_owned(), state);
        }
    }

    /// Drops a tenant's state (after a change made here, or a failed check).
    pub fn forget(&self, tenant: &str) {
        if let Ok(mut cache) = self.states.write() {
            cache.remove(tenant);
        }
    }

    /// Drops every state (after a root rotation).
    pub fn forget_all(&self) {
        if let Ok(mut cache) = self.states.write() {
            cache.clear();
        }
    }
}
