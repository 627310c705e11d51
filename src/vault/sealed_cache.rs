//! The sealed entries of recent tokens, in memory, so that revealing a token needs no
//! database read. It holds what the database holds (the ciphertext, the type label, the
//! ctx, the expiry), never a value or a key, within a fixed memory budget (S3-FIFO
//! eviction, which a scan of one-off ids cannot flush).
//!
//! Entries are cached under the tenant's generation (its key epoch and policy version),
//! and a reveal answers only if its audit event is stored while the tenant is still at
//! that generation. Every key change (rotation, destroying a version, shredding, root
//! rotation) moves the epoch on, every policy change the version, so entries of an older
//! generation are never read again and age out. Within one generation a stored entry
//! changes only by re-encryption (the cached copy still opens: its key version is
//! readable until destroyed, which is a key change), by a later expiry (tokenizing the
//! value again under the same time to live), or by deletion after its expiry; a cached
//! entry past its expiry is therefore read again. An expiry can only come earlier through
//! a policy change (a shorter or a new time to live), which starts a new generation.

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use quick_cache::{sync::Cache, Equivalent, Weighter};

use crate::store::EntryRow;

/// Bytes counted per entry beyond its strings: the key, the `Arc`, the table slot.
const OVERHEAD_BYTES: u64 = 96;

/// What a tenant's cached entries are valid for: its key epoch and policy version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct Generation {
    /// The tenant's key epoch.
    pub(super) key_epoch: i64,
    /// The tenant's policy version, if it has a policy.
    pub(super) policy_version: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct CacheKey {
    tenant: Box<str>,
    generation: Generation,
    token_id: Box<str>,
}

/// The key as looked up, borrowed: hashes as [`CacheKey`] does.
struct KeyRef<'a> {
    tenant: &'a str,
    generation: Generation,
    token_id: &'a str,
}

impl Hash for KeyRef<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.tenant.hash(state);
        self.generation.hash(state);
        self.token_id.hash(state);
    }
}

impl Equivalent<CacheKey> for KeyRef<'_> {
    fn equivalent(&self, key: &CacheKey) -> bool {
        self.generation == key.generation
            && *self.token_id == *key.token_id
            && *self.tenant == *key.tenant
    }
}

#[derive(Debug, Clone)]
struct ByBytes;

impl Weighter<CacheKey, Arc<EntryRow>> for ByBytes {
    fn weight(&self, key: &CacheKey, row: &Arc<EntryRow>) -> u64 {
        let strings = key.tenant.len()
            + key.token_id.len()
            + row.token_id.len()
            + row.entity_type.len()
            + row.sealed_value.len()
            + row.ctx.as_ref().map_or(0, String::len);
        OVERHEAD_BYTES + strings as u64
    }
}

/// The cache; one per instance, shared by every tenant.
pub(super) struct SealedCache {
    entries: Option<Cache<CacheKey, Arc<EntryRow>, ByBytes>>,
}

impl std::fmt::Debug for SealedCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SealedCache")
            .field("entries", &self.entries.as_ref().map_or(0, Cache::len))
            .finish()
    }
}

impl SealedCache {
    /// A cache holding at most about `bytes` of entries; none when 0.
    pub(super) fn new(bytes: u64) -> Self {
        let estimated_items = usize::try_from(bytes / 256).unwrap_or(usize::MAX).max(16);
        Self {
            entries: (bytes > 0).then(|| Cache::with_weighter(estimated_items, bytes, ByBytes)),
        }
    }

    /// Whether it caches anything.
    pub(super) fn is_on(&self) -> bool {
        self.entries.is_some()
    }

    /// The tenant's entry `token_id` as cached at `generation`.
    pub(super) fn get(
        &self,
        tenant: &str,
        generation: Generation,
        token_id: &str,
    ) -> Option<Arc<EntryRow>> {
        self.entries.as_ref()?.get(&KeyRef {
            tenant,
            generation,
            token_id,
        })
    }

    /// Caches an entry of the tenant as stored at `generation`.
    pub(super) fn insert(&self, tenant: &str, generation: Generation, row: EntryRow) {
        if let Some(entries) = &self.entries {
            let key = CacheKey {
                tenant: tenant.into(),
                generation,
                token_id: row.token_id.as_str().into(),
            };
            entries.insert(key, Arc::new(row));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: &str) -> EntryRow {
        EntryRow {
            token_id: id.to_owned(),
            entity_type: "EMAIL".to_owned(),
            key_version: 1,
            sealed_value: vec![7; 40],
            ctx: None,
            expires_at: None,
            honey: false,
        }
    }

    fn at(key_epoch: i64, policy_version: Option<i64>) -> Generation {
        Generation {
            key_epoch,
            policy_version,
        }
    }

    #[test]
    fn an_entry_is_found_only_under_its_tenant_and_generation() {
        let cache = SealedCache::new(1 << 20);
        cache.insert("acme", at(3, None), row("abc"));
        assert_eq!(
            cache
                .get("acme", at(3, None), "abc")
                .map(|r| r.sealed_value.clone()),
            Some(vec![7; 40])
        );
        assert!(
            cache.get("acme", at(4, None), "abc").is_none(),
            "another epoch"
        );
        assert!(
            cache.get("acme", at(3, Some(1)), "abc").is_none(),
            "another policy"
        );
        assert!(
            cache.get("other", at(3, None), "abc").is_none(),
            "another tenant"
        );
        assert!(
            cache.get("acme", at(3, None), "abd").is_none(),
            "another id"
        );
    }

    #[test]
    fn a_zero_budget_caches_nothing() {
        let cache = SealedCache::new(0);
        cache.insert("acme", at(1, None), row("abc"));
        assert!(cache.get("acme", at(1, None), "abc").is_none());
    }

    #[test]
    fn the_budget_bounds_what_is_kept() {
        let cache = SealedCache::new(64 * 1024);
        for n in 0..10_000 {
            cache.insert("acme", at(1, None), row(&format!("id{n:05}")));
        }
        let kept = (0..10_000)
            .filter(|n| {
                cache
                    .get("acme", at(1, None), &format!("id{n:05}"))
                    .is_some()
            })
            .count();
        assert!(kept > 0 && kept < 1_000, "kept {kept} of 10,000");
    }
}
