//! The way out: what a caller may learn about token ids (from the reveal cache or the
//! store, under the tenant's keys and the caller's scopes and ctx), and detokenize, which
//! answers only once its audit event is stored at the tenant state it used.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use zeroize::Zeroizing;

use super::{generation, token, Vault, VaultError, STORE_ATTEMPTS};
use crate::crypto;
use crate::keys::{KeyringError, TenantKeys};
use crate::store::{EntryRow, TenantStateRow};
use crate::tenant::TenantId;

/// Who asks to reveal, and what they may see.
pub struct RevealScope<'a> {
    /// The caller's tenant.
    pub tenant: &'a TenantId,
    /// The caller's `sub`, for the audit log.
    pub sub: &'a str,
    /// The request id, for the audit log.
    pub request_id: &'a str,
    /// The caller's conversation, if its JWT names one.
    pub ctx: Option<&'a str>,
    /// Whether the caller's scopes allow revealing values of a type, given its label
    /// (built-in or tenant-defined).
    pub may_reveal: &'a (dyn Fn(&str) -> bool + Sync),
}

impl fmt::Debug for RevealScope<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RevealScope")
            .field("tenant", self.tenant)
            .field("ctx", &self.ctx)
            .finish_non_exhaustive()
    }
}

/// What a caller may learn about one token id.
pub enum Lookup {
    /// Its value (the caller may see it).
    Reveal {
        /// The stored type label.
        label: String,
        /// The value; wiped when dropped.
        value: Zeroizing<String>,
    },
    /// That it exists, but not its value (scope or ctx).
    Denied {
        /// The stored type label.
        label: String,
    },
    /// Nothing: expired, or its key is gone.
    Unknown,
    /// A honey token: nothing to the caller, an anomaly to us.
    Honey,
}

impl fmt::Debug for Lookup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Reveal { label, .. } => write!(f, "Reveal({label})"),
            Self::Denied { label } => write!(f, "Denied({label})"),
            Self::Unknown => f.write_str("Unknown"),
            Self::Honey => f.write_str("Honey"),
        }
    }
}

/// One detokenized text and what happened to the tokens in it.
#[derive(Default)]
pub struct DetokenizedText {
    /// The text with revealed values spliced in; wiped when dropped.
    pub text: Zeroizing<String>,
    /// Tokens replaced by their value.
    pub detokenized: usize,
    /// Tokens the caller may not see (left as they are).
    pub denied: usize,
    /// Token-shaped strings this tenant cannot reveal (left as they are).
    pub unknown: usize,
    /// Per type label: (revealed, denied), for metrics.
    pub by_type: std::collections::BTreeMap<String, (usize, usize)>,
    /// Ids of the tokens revealed, for anomaly detection.
    pub revealed_ids: Vec<String>,
    /// Ids of honey tokens somebody tried to reveal (counted as unknown).
    pub honey_ids: Vec<String>,
}

impl DetokenizedText {
    /// Counts one token (its id's lookup, `None` when nothing is stored under the id,
    /// and the label as written) and returns the value to put in its place, if any.
    pub fn count<'a>(
        &mut self,
        lookup: Option<(&String, &'a Lookup)>,
        written_label: &str,
    ) -> Option<&'a str> {
        match lookup {
            Some((id, Lookup::Honey)) => {
                self.honey_ids.push(id.clone());
                self.unknown += 1;
                None
            }
            Some((id, Lookup::Reveal { label, value }))
                if label.eq_ignore_ascii_case(written_label) =>
            {
                self.detokenized += 1;
                self.revealed_ids.push(id.clone());
                self.by_type.entry(label.clone()).or_insert((0, 0)).0 += 1;
                Some(value.as_str())
            }
            Some((_, Lookup::Denied { label })) if label.eq_ignore_ascii_case(written_label) => {
                self.denied += 1;
                self.by_type.entry(label.clone()).or_insert((0, 0)).1 += 1;
                None
            }
            _ => {
                self.unknown += 1;
                None
            }
        }
    }
}

impl fmt::Debug for DetokenizedText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DetokenizedText")
            .field("detokenized", &self.detokenized)
            .field("denied", &self.denied)
            .field("unknown", &self.unknown)
            .finish_non_exhaustive()
    }
}

impl Vault {
    /// What the caller may learn about each of `ids`: the value, or only that it is
    /// denied, or nothing. Reads the tenant's current state (entries may come from the
    /// cache of that epoch); writes nothing (the caller audits).
    ///
    /// # Errors
    /// Key or store failures.
    pub async fn lookup_tokens(
        &self,
        scope: &RevealScope<'_>,
        ids: &[String],
    ) -> Result<HashMap<String, Lookup>, VaultError> {
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        let state = self.store.tenant_state(scope.tenant.as_str()).await?;
        Ok(self.lookup_at(scope, ids, state).await?.0)
    }

    /// [`Vault::lookup_tokens`] at the tenant `state` (as cached, perhaps stale); also the
    /// state the keys and entries used are valid for, which the reveal's audit event is
    /// then conditional on (`None` when the tenant has no keys: nothing can be revealed).
    async fn lookup_at(
        &self,
        scope: &RevealScope<'_>,
        ids: &[String],
        state: TenantStateRow,
    ) -> Result<(HashMap<String, Lookup>, Option<TenantStateRow>), VaultError> {
        let tenant = scope.tenant.as_str();
        let keys = self.keyring.for_opening(tenant, state.key_epoch).await?;
        let used = keys.as_ref().map(|k| TenantStateRow {
            key_epoch: Some(k.epoch),
            ..state
        });
        if used.is_some_and(|used| used.key_epoch != state.key_epoch) {
            // The keys came from a key change this instance's cached state missed.
            self.states.forget(tenant);
        }
        let generation = used.and_then(generation);
        let now = self.clock.now_millis();
        let mut rows = Vec::with_capacity(ids.len());
        let mut missing = Vec::new();
        for id in ids {
            match generation.and_then(|at| self.sealed.get(tenant, at, id)) {
                // A later expiry is not in the cached copy: read it again.
                Some(row) if row.expires_at.is_none_or(|at| at > now) => rows.push(row),
                _ => missing.push(id.clone()),
            }
        }
        if !missing.is_empty() {
            // Read even without keys: honey tokens outlive a shredded tenant's keys.
            for row in self.store.entries(tenant, &missing).await? {
                let row = Arc::new(row);
                if let Some(at) = generation {
                    self.sealed.insert(tenant, at, EntryRow::clone(&row));
                }
                rows.push(row);
            }
        }
        let found = rows
            .iter()
            .map(|row| {
                let lookup = judge(scope, keys.as_deref(), row, now);
                (row.token_id.clone(), lookup)
            })
            .collect();
        Ok((found, used))
    }

    /// Replaces every token in `texts` that the caller may see with its value.
    ///
    /// # Errors
    /// Key or store failures.
    #[tracing::instrument(level = "debug", skip_all, fields(tenant = %scope.tenant, texts = texts.len()))]
    pub async fn detokenize(
        &self,
        scope: &RevealScope<'_>,
        texts: &[String],
    ) -> Result<Vec<DetokenizedText>, VaultError> {
        let candidates: Vec<_> = texts
            .iter()
            .map(|text| token::find_candidates(text))
            .collect();
        let mut wanted: Vec<String> = candidates
            .iter()
            .flatten()
            .filter_map(|c| c.id.as_ref().map(|id| id.as_str().to_owned()))
            .collect();
        wanted.sort_unstable();
        wanted.dedup();
        // The tenant's state may come from the cache: the audit event is then stored only
        // if no key or policy change came in between, and otherwise the request starts
        // over with fresh state.
        for _ in 0..STORE_ATTEMPTS {
            let state = self.tenant_state(scope.tenant.as_str()).await?;
            let (found, used) = self.lookup_at(scope, &wanted, state).await?;
            let results = splice_values(texts, &candidates, &found);
            let event = self.audit.event(
                scope.tenant,
                scope.sub,
                scope.request_id,
                "detokenize",
                &detokenize_details(texts.len(), &wanted, &found, &results, scope.ctx),
            );
            // Written before anything is returned: no reveal without its event.
            match used {
                None => self.audit.record(event).await?,
                Some(used) if self.audit.record_at_state(event, used).await? => {}
                Some(_) => {
                    self.states.forget(scope.tenant.as_str());
                    continue;
                }
            }
            return Ok(results);
        }
        Err(VaultError::Keyring(KeyringError::Contended))
    }
}

/// What the caller may learn about one stored row.
fn judge(scope: &RevealScope<'_>, keys: Option<&TenantKeys>, row: &EntryRow, now: i64) -> Lookup {
    // A row whose key is gone (shredded, or its version destroyed) can be revealed to
    // nobody: it is unknown to every caller, whatever their scope, rather than denied to
    // some, which would tell them it was once there.
    let key_gone = || {
        let version = u32::try_from(row.key_version).ok();
        !keys.is_some_and(|keys| version.is_some_and(|v| keys.readable.contains_key(&v)))
    };
    if row.honey {
        Lookup::Honey
    } else if row.expires_at.is_some_and(|at| at <= now) || key_gone() {
        Lookup::Unknown
    } else if row
        .ctx
        .as_deref()
        .is_some_and(|bound| scope.ctx != Some(bound))
        || !(scope.may_reveal)(&row.entity_type)
    {
        Lookup::Denied {
            label: row.entity_type.clone(),
        }
    } else {
        match keys.and_then(|keys| open_row(scope.tenant.as_str(), keys, row)) {
            Some(value) => Lookup::Reveal {
                label: row.entity_type.clone(),
                value,
            },
            None => Lookup::Unknown,
        }
    }
}

/// Each text with the values the caller may see in place of their tokens.
fn splice_values(
    texts: &[String],
    candidates: &[Vec<token::TokenCandidate<'_>>],
    found: &HashMap<String, Lookup>,
) -> Vec<DetokenizedText> {
    let mut results = Vec::with_capacity(texts.len());
    for (text, in_text) in texts.iter().zip(candidates) {
        let mut out = Zeroizing::new(String::with_capacity(text.len()));
        let mut result = DetokenizedText::default();
        let mut cursor = 0;
        for candidate in in_text {
            out.push_str(&text[cursor..candidate.start]);
            cursor = candidate.end;
            let original = &text[candidate.start..candidate.end];
            let lookup = candidate
                .id
                .as_ref()
                .and_then(|id| found.get_key_value(id.as_str()));
            match result.count(lookup, candidate.label) {
                Some(value) => out.push_str(value),
                None => out.push_str(original),
            }
        }
        out.push_str(&text[cursor..]);
        result.text = out;
        results.push(result);
    }
    results
}

/// Unknown ids an event names at most: enough to see what a caller tried, too few for a
/// caller to fill the permanent audit log with made-up ids that pass the check character.
const MAX_UNKNOWN_IDS_RECORDED: usize = 16;

/// Counts and token ids; never a value. Every id of the tenant's (revealed, denied or a
/// honey token) is named; unknown ones only up to [`MAX_UNKNOWN_IDS_RECORDED`].
fn detokenize_details(
    texts: usize,
    wanted: &[String],
    found: &HashMap<String, Lookup>,
    results: &[DetokenizedText],
    ctx: Option<&str>,
) -> serde_json::Value {
    let (revealed, denied, unknown) = results.iter().fold((0, 0, 0), |(r, d, u), t| {
        (r + t.detokenized, d + t.denied, u + t.unknown)
    });
    let (known, unknown_ids): (Vec<&String>, Vec<&String>) = wanted
        .iter()
        .partition(|id| !matches!(found.get(id.as_str()), None | Some(Lookup::Unknown)));
    let sample: Vec<&String> = unknown_ids
        .into_iter()
        .take(MAX_UNKNOWN_IDS_RECORDED)
        .collect();
    serde_json::json!({
        "texts": texts,
        "token_ids": known,
        "unknown_ids": sample,
        "revealed": revealed,
        "denied": denied,
        "unknown": unknown,
        "ctx": ctx,
    })
}

/// Opens one stored row; `None` when its key version is gone or it does not open.
fn open_row(
    tenant: &str,
    keys: &TenantKeys,
    row: &crate::store::EntryRow,
) -> Option<Zeroizing<String>> {
    let version = u32::try_from(row.key_version).ok()?;
    let key = keys.readable.get(&version)?;
    let aad = crypto::value_aad(tenant, &row.token_id, &row.entity_type, version);
    match crypto::open_value(key, &aad, &row.sealed_value) {
        Ok(plain) => {
            let text = std::str::from_utf8(&plain).ok()?;
            Some(Zeroizing::new(text.to_owned()))
        }
        Err(_) => {
            tracing::warn!(key_version = version, "a stored value failed to open");
            None
        }
    }
}
