//! The seal budget of a data key. AES-GCM with random 96-bit nonces stays within its
//! bounds (NIST SP 800-38D) for 2^32 seals under one key. Each instance counts the values
//! it seals per tenant and key version, and adds its counts to the key's row every few
//! seconds; a key whose total passed the budget is rotated, so new values go under a fresh
//! key while the old one keeps opening what it sealed.

use std::collections::HashMap;
use std::sync::Mutex;

/// Seals allowed under one data key: half the AES-GCM bound, which leaves room for the
/// seals other instances made but have not added up yet.
pub const DEFAULT_SEAL_BUDGET: i64 = 1 << 31;

/// Seals made by this instance and not yet added to the store, per (tenant, key version).
#[derive(Debug, Default)]
pub(super) struct SealCounts(Mutex<HashMap<(String, i64), i64>>);

impl SealCounts {
    /// Counts `seals` more values sealed under the tenant's key `version`.
    pub(super) fn note(&self, tenant: &str, version: i64, seals: i64) {
        let mut counts = match self.0.lock() {
            Ok(counts) => counts,
            Err(poisoned) => poisoned.into_inner(),
        };
        *counts.entry((tenant.to_owned(), version)).or_default() += seals;
    }

    /// Every count, leaving none behind.
    pub(super) fn take(&self) -> Vec<(String, i64, i64)> {
        let mut counts = match self.0.lock() {
            Ok(counts) => counts,
            Err(poisoned) => poisoned.into_inner(),
        };
        counts
            .drain()
            .map(|((tenant, version), seals)| (tenant, version, seals))
            .collect()
    }

    /// Puts counts back after the store could not take them.
    pub(super) fn restore(&self, counts: Vec<(String, i64, i64)>) {
        for (tenant, version, seals) in counts {
            self.note(&tenant, version, seals);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_add_up_per_key_and_are_taken_once() {
        let counts = SealCounts::default();
        counts.note("a", 1, 3);
        counts.note("a", 1, 4);
        counts.note("a", 2, 1);
        let mut taken = counts.take();
        taken.sort();
        assert_eq!(taken, vec![("a".to_owned(), 1, 7), ("a".to_owned(), 2, 1)]);
        assert!(counts.take().is_empty());
        counts.restore(taken);
        assert_eq!(counts.take().len(), 2);
    }
}
