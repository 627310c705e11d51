//! The domain service: the only place that orchestrates detect → seal → store on the way
//! in and look-up → scope and ctx check → open → splice on the way out.
//!
//! Determinism: within one tenant and one `ctx`, the same value of the same type gets the
//! same token, through the fingerprint index in the store (also across instances and
//! concurrent requests). Without a `ctx`, tokens are deterministic within one request
//! only, and their rows carry no fingerprint at all.
//!
//! Layout: this file is the way in (tokenize, policies); `reveal` the way out (look-ups
//! and detokenize); `sealed_cache` the reveal cache of sealed entries; `policy` the tenant
//! policy document; `token` the token grammar.

pub mod policy;
mod reveal;
mod sealed_cache;
pub mod token;

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

pub use policy::{CompiledPolicy, OutputAction, PolicyDocument, PolicyError};
pub use reveal::{DetokenizedText, Lookup, RevealScope};
pub use token::{Token, TokenId};

use crate::audit::AuditLog;
use crate::clock::Clock;
use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;

use crate::crypto::{self, CryptoError};
use crate::detect::{Detector, EntityType, Finding};
use crate::keys::{Keyring, KeyringError, TenantKeys, TenantStates};
use crate::store::{
    AuditEventRow, EntryRow, EntryWriteRow, EntryWrites, GroupCommit, NewEntryRow, StoreError,
    TenantStateRow, VaultStore,
};
use crate::tenant::TenantId;
use sealed_cache::{Generation, SealedCache};

/// Failures of the vault. None carries a value.
#[derive(Debug, thiserror::Error)]
pub enum VaultError {
    /// Loading or creating keys failed.
    #[error(transparent)]
    Keyring(#[from] KeyringError),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Sealing failed.
    #[error(transparent)]
    Crypto(#[from] CryptoError),
    /// The stored policy no longer compiles (edited outside the API).
    #[error("the stored tenant policy is invalid: {0}")]
    StoredPolicy(PolicyError),
    /// The service was started without a root key file it may rewrite.
    #[error("no root key file to rotate")]
    NoRootKeyFile,
    /// The second step of a two-step root rotation found no staged version.
    #[error("the root key file holds no staged version: run `promptvault keys rotate-root --stage` first")]
    NothingStaged,
    /// A policy written through the API is invalid.
    #[error(transparent)]
    Policy(PolicyError),
    /// The store answered with a token id this service never makes: the database was
    /// edited by hand.
    #[error("the store returned a malformed token id")]
    MalformedStoredId,
}

impl VaultError {
    /// The store's error underneath, whether the vault or the keyring met it.
    fn store_error(&self) -> Option<&StoreError> {
        match self {
            Self::Store(err) | Self::Keyring(KeyringError::Store(err)) => Some(err),
            _ => None,
        }
    }

    /// Whether the database refused a value the request carried.
    pub fn is_refused_value(&self) -> bool {
        matches!(self.store_error(), Some(StoreError::RefusedValue(_)))
    }

    /// Whether the tenant's keys do not open with the root key this service holds: the
    /// database is a copy from before a root rotation or a shred, or the key file is the
    /// wrong one. Nothing of the tenant can be revealed; it is not the caller's fault.
    pub fn is_key_unavailable(&self) -> bool {
        matches!(
            self,
            Self::Keyring(KeyringError::Unwrap(_))
                | Self::Crypto(CryptoError::UnknownRootVersion(_))
        )
    }

    /// Whether the database has no space left for the write.
    pub fn is_store_full(&self) -> bool {
        matches!(self.store_error(), Some(StoreError::Full(_)))
    }

    /// Whether the store could not be reached (as opposed to a bug or bad data).
    pub fn is_unavailable(&self) -> bool {
        matches!(self.store_error(), Some(StoreError::Unavailable(_)))
    }
}

/// Who asks to tokenize: the tenant, and the conversation that scopes determinism.
#[derive(Debug, Clone, Copy)]
pub struct TokenizeScope<'a> {
    /// The caller's tenant.
    pub tenant: &'a TenantId,
    /// The caller's `sub`, for the audit log.
    pub sub: &'a str,
    /// The request id, for the audit log.
    pub request_id: &'a str,
    /// The caller's conversation, if its JWT names one.
    pub ctx: Option<&'a str>,
}

/// One tokenized text and the tokens in it, in order of appearance.
#[derive(Debug)]
pub struct TokenizedText {
    /// The text with every finding replaced by its token.
    pub text: String,
    /// One token per replaced occurrence.
    pub tokens: Vec<Token>,
    /// How sure detection was of each occurrence, in the order of `tokens`.
    pub confidences: Vec<f32>,
}

/// The vault: tokenize and detokenize, under each tenant's policy. It shares the store,
/// the keyring and the tenant state cache with the key lifecycle ([`crate::keys`]), and
/// writes its reveal events through the audit log ([`crate::audit`]).
#[derive(Debug)]
pub struct Vault {
    store: Arc<dyn VaultStore>,
    keyring: Arc<Keyring>,
    detector: Arc<Detector>,
    clock: Arc<dyn Clock>,
    policies: RwLock<HashMap<String, Arc<CompiledPolicy>>>,
    states: Arc<TenantStates>,
    audit: Arc<AuditLog>,
    entry_writes: GroupCommit<EntryWrites>,
    sealed: SealedCache,
}

/// Attempts at storing a batch when a fresh random id collides with an existing one, and
/// at a request whose cached tenant state turned out stale.
const STORE_ATTEMPTS: usize = 3;
/// Tokenize batches in flight at once (see the store's group commit for why two).
const ENTRY_WRITERS: usize = 2;
/// Tokenize requests stored per transaction at most.
const MAX_ENTRY_BATCH: usize = 64;
/// Texts up to this many bytes in all are scanned on the async worker that serves the
/// request (a few hundred microseconds at most); larger ones go to the blocking pool, so
/// that a megabyte of text against a tenant's 64 patterns cannot hold a worker that other
/// requests wait for.
const INLINE_DETECTION_BYTES: usize = 16 * 1024;

impl Vault {
    /// A vault over `store` and `keyring`, sharing `states` with the key lifecycle, with
    /// `reveal_cache_bytes` of memory for the sealed entries of recent tokens.
    pub fn new(
        store: Arc<dyn VaultStore>,
        keyring: Arc<Keyring>,
        states: Arc<TenantStates>,
        audit: Arc<AuditLog>,
        detector: Detector,
        clock: Arc<dyn Clock>,
        reveal_cache_bytes: u64,
    ) -> Self {
        Self {
            entry_writes: GroupCommit::new(Arc::clone(&store), ENTRY_WRITERS, MAX_ENTRY_BATCH),
            sealed: SealedCache::new(reveal_cache_bytes),
            store,
            keyring,
            detector: Arc::new(detector),
            clock,
            policies: RwLock::new(HashMap::new()),
            states,
            audit,
        }
    }

    /// The store, for health checks.
    pub fn store(&self) -> &Arc<dyn VaultStore> {
        &self.store
    }

    /// The detection engine.
    pub fn detector(&self) -> &Detector {
        &self.detector
    }

    /// Replaces every sensitive value in `texts` with a token, storing each value sealed,
    /// in one store transaction. `only` restricts the types.
    ///
    /// # Errors
    /// Key, sealing or store failures; nothing is stored then.
    #[tracing::instrument(level = "debug", skip_all, fields(tenant = %scope.tenant, texts = texts.len()))]
    pub async fn tokenize(
        &self,
        scope: TokenizeScope<'_>,
        texts: &[String],
        only: Option<&[EntityType]>,
    ) -> Result<Vec<TokenizedText>, VaultError> {
        self.tokenize_inner(scope, texts, only, None).await
    }

    /// What [`Vault::tokenize`] would find in each text under the tenant's current policy,
    /// nothing stored: a caller is charged for the values before they are tokenized.
    ///
    /// # Errors
    /// Store failures, or a stored policy that no longer compiles.
    pub async fn find(
        &self,
        tenant: &TenantId,
        texts: &[String],
        only: Option<&[EntityType]>,
    ) -> Result<Vec<Vec<Finding>>, VaultError> {
        let state = self.tenant_state(tenant.as_str()).await?;
        let policy = self
            .policy(tenant, state.policy_version.unwrap_or(0))
            .await?;
        Ok(self.detect(&policy, texts, only).await)
    }

    /// Tokenizes exactly `findings` (one list per text, from [`Vault::find`] or
    /// [`Vault::sensitive_spans`]; detected again, limited to `only`, if the tenant's
    /// state turns out to have changed),
    /// without detecting again.
    ///
    /// # Errors
    /// As [`Vault::tokenize`].
    pub async fn tokenize_found(
        &self,
        scope: TokenizeScope<'_>,
        texts: &[String],
        only: Option<&[EntityType]>,
        findings: &[Vec<Finding>],
    ) -> Result<Vec<TokenizedText>, VaultError> {
        self.tokenize_inner(scope, texts, only, Some(findings))
            .await
    }

    async fn tokenize_inner(
        &self,
        scope: TokenizeScope<'_>,
        texts: &[String],
        only: Option<&[EntityType]>,
        given: Option<&[Vec<Finding>]>,
    ) -> Result<Vec<TokenizedText>, VaultError> {
        // The tenant's state (policy version, key epoch) is cached, and every write checks
        // it in the same statement: when another instance changed it, nothing is written
        // and the request runs again with the fresh state and policy.
        let mut given = given;
        for _ in 0..STORE_ATTEMPTS {
            let state = self.tenant_state(scope.tenant.as_str()).await?;
            if let Some(done) = self.tokenize_with(scope, texts, only, given, state).await? {
                return Ok(done);
            }
            self.states.forget(scope.tenant.as_str());
            // The findings came from a policy that may have changed too: detect again.
            given = None;
        }
        Err(VaultError::Keyring(KeyringError::Contended))
    }

    /// The tenant's state, from the cache or the store.
    async fn tenant_state(&self, tenant: &str) -> Result<TenantStateRow, VaultError> {
        if let Some(state) = self.states.get(tenant) {
            return Ok(state);
        }
        let state = self.store.tenant_state(tenant).await?;
        if state.key_epoch.is_some() {
            self.states.insert(tenant, state);
        }
        Ok(state)
    }

    /// One attempt; `None` when the state changed under it. The steps: detect, dedupe,
    /// seal and store (in one statement with the request's audit event), splice.
    async fn tokenize_with(
        &self,
        scope: TokenizeScope<'_>,
        texts: &[String],
        only: Option<&[EntityType]>,
        given: Option<&[Vec<Finding>]>,
        state: TenantStateRow,
    ) -> Result<Option<Vec<TokenizedText>>, VaultError> {
        self.keyring.follow_root(state.root_version).await?;
        let policy = self
            .policy(scope.tenant, state.policy_version.unwrap_or(0))
            .await?;
        let findings = match given {
            Some(given) => given.to_vec(),
            None => self.detect(&policy, texts, only).await,
        };
        // Written by the same statement as the entries: no tokens without their event.
        let event: AuditEventRow = self
            .audit
            .sign(self.audit.event(
                scope.tenant,
                scope.sub,
                scope.request_id,
                "tokenize",
                &tokenize_details(texts.len(), &findings, scope.ctx),
            ))
            .await?;
        let keys = self
            .keyring
            .for_sealing(scope.tenant.as_str(), state.key_epoch)
            .await?;
        let expected = TenantStateRow {
            key_epoch: Some(keys.epoch),
            ..state
        };
        if expected.key_epoch != state.key_epoch {
            // The keys came from a key change this instance's cached state missed.
            self.states.forget(scope.tenant.as_str());
        }
        let distinct = Distinct::of(texts, &findings);
        let stored = self
            .seal_and_store(scope, &keys, &policy, &distinct, (&event, &expected))
            .await?;
        let Some(ids) = stored else {
            return Ok(None);
        };
        let tokens = distinct
            .kinds
            .iter()
            .zip(&ids)
            .map(|(kind, id)| {
                TokenId::parse(id)
                    .map(|id| Token { kind: *kind, id })
                    .ok_or(VaultError::MalformedStoredId)
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Some(splice(texts, &distinct.occurrences, &tokens)))
    }

    /// The values to tokenize in each text, under the tenant's policy.
    async fn detect(
        &self,
        policy: &Arc<CompiledPolicy>,
        texts: &[String],
        only: Option<&[EntityType]>,
    ) -> Vec<Vec<Finding>> {
        detect_off_worker(&self.detector, policy, texts, only).await
    }

    /// Seals one entry per distinct value and stores them with the event; the stored
    /// token id of each (an existing one for a value seen before), or `None` when the
    /// tenant's state changed. A fresh id that collides is drawn again.
    async fn seal_and_store(
        &self,
        scope: TokenizeScope<'_>,
        keys: &TenantKeys,
        policy: &CompiledPolicy,
        distinct: &Distinct<'_>,
        (event, expected): (&AuditEventRow, &TenantStateRow),
    ) -> Result<Option<Vec<String>>, VaultError> {
        let determinism = scope.ctx.map(|ctx| format!("c:{ctx}"));
        for attempt in 1..=STORE_ATTEMPTS {
            let entries = self.seal_entries(
                scope,
                keys,
                determinism.as_deref(),
                policy.ttl_millis,
                &distinct.kinds,
                &distinct.values,
            )?;
            if let Some(active) = &keys.active {
                // Every seal used a nonce, stored or not.
                self.keyring
                    .note_seals(scope.tenant.as_str(), active.version(), entries.len());
            }
            let write = EntryWriteRow {
                tenant: scope.tenant.as_str().to_owned(),
                entries,
                event: event.clone(),
                expected: *expected,
            };
            let cached = self.cacheable(&write.entries);
            match self.entry_writes.write(write).await {
                Ok(stored) => {
                    if let (Some(ids), Some(at)) = (&stored, generation(*expected)) {
                        self.cache_new_entries(scope.tenant.as_str(), at, cached, ids);
                    }
                    return Ok(stored);
                }
                Err(StoreError::Conflict) if attempt < STORE_ATTEMPTS => continue,
                Err(err) => return Err(err.into()),
            }
        }
        Err(StoreError::Conflict.into())
    }

    /// The rows to cache once `entries` are stored, when there is a cache.
    fn cacheable(&self, entries: &[NewEntryRow]) -> Vec<EntryRow> {
        if !self.sealed.is_on() {
            return Vec::new();
        }
        entries
            .iter()
            .map(|e| EntryRow {
                token_id: e.token_id.clone(),
                entity_type: e.entity_type.clone(),
                key_version: e.key_version,
                sealed_value: e.sealed_value.clone(),
                ctx: e.ctx.clone(),
                expires_at: e.expires_at,
                honey: false,
            })
            .collect()
    }

    /// Caches the entries this request wrote itself (an existing entry that stands for
    /// one of its values is not ours to cache: it is read when first revealed).
    fn cache_new_entries(
        &self,
        tenant: &str,
        generation: Generation,
        rows: Vec<EntryRow>,
        ids: &[String],
    ) {
        for (row, id) in rows.into_iter().zip(ids) {
            if row.token_id == *id {
                self.sealed.insert(tenant, generation, row);
            }
        }
    }

    fn seal_entries(
        &self,
        scope: TokenizeScope<'_>,
        keys: &TenantKeys,
        determinism: Option<&str>,
        ttl_millis: Option<i64>,
        kinds: &[EntityType],
        values: &[&str],
    ) -> Result<Vec<NewEntryRow>, VaultError> {
        let now = self.clock.now_millis();
        let mut rng = rand::rng();
        let mut nonces = crypto::Nonces::draw(values.len())?;
        let (Some(key), Some(fingerprint_key)) = (&keys.active, &keys.fingerprint) else {
            return Err(VaultError::Keyring(KeyringError::Contended));
        };
        kinds
            .iter()
            .zip(values)
            .map(|(kind, value)| {
                let id = TokenId::generate(&mut rng);
                let label = kind.label();
                let aad =
                    crypto::value_aad(scope.tenant.as_str(), id.as_str(), label, key.version());
                let sealed_value = crypto::seal_value(key, &mut nonces, &aad, value.as_bytes())?;
                let fingerprint = determinism.map(|det| {
                    crypto::fingerprint(fingerprint_key, label, det, value.as_bytes()).to_vec()
                });
                Ok(NewEntryRow {
                    token_id: id.as_str().to_owned(),
                    entity_type: label.to_owned(),
                    key_version: i64::from(key.version()),
                    sealed_value,
                    fingerprint,
                    ctx: scope.ctx.map(str::to_owned),
                    created_at: now,
                    expires_at: ttl_millis.map(|ttl| now.saturating_add(ttl)),
                })
            })
            .collect()
    }

    /// The tenant's policy at `version` (read by the caller with the key epoch, one
    /// round trip per request); the compiled policy is cached per version, so a change
    /// made through any instance applies from the next request on, on every instance.
    ///
    /// # Errors
    /// Store failures, or a stored document that no longer compiles.
    async fn policy(
        &self,
        tenant: &TenantId,
        version: i64,
    ) -> Result<Arc<CompiledPolicy>, VaultError> {
        if let Some(cached) = self
            .cached_policy(tenant.as_str())
            .filter(|p| p.version == version)
        {
            return Ok(cached);
        }
        let (document, version) = match self.store.policy(tenant.as_str()).await? {
            Some(row) => {
                let json = self.open_policy_text(tenant, &row.document).await?;
                let document: PolicyDocument = serde_json::from_str(&json).map_err(|_| {
                    VaultError::StoredPolicy(PolicyError {
                        field: "document".to_owned(),
                        reason: "not a policy document".to_owned(),
                    })
                })?;
                (document, row.version)
            }
            None => (PolicyDocument::default(), 0),
        };
        let compiled = Arc::new(
            document
                .compile(None, version)
                .map_err(VaultError::StoredPolicy)?,
        );
        if let Ok(mut cache) = self.policies.write() {
            cache.insert(tenant.as_str().to_owned(), Arc::clone(&compiled));
        }
        Ok(compiled)
    }

    fn cached_policy(&self, tenant: &str) -> Option<Arc<CompiledPolicy>> {
        self.policies.read().ok()?.get(tenant).cloned()
    }

    /// The tenant's policy document and version (the defaults, version 0, when none).
    ///
    /// # Errors
    /// Store failures or an unreadable stored document.
    pub async fn policy_document(
        &self,
        tenant: &TenantId,
    ) -> Result<(PolicyDocument, i64), VaultError> {
        match self.store.policy(tenant.as_str()).await? {
            None => Ok((PolicyDocument::default(), 0)),
            Some(row) => serde_json::from_str(&self.open_policy_text(tenant, &row.document).await?)
                .map(|doc| (doc, row.version))
                .map_err(|_| {
                    VaultError::StoredPolicy(PolicyError {
                        field: "document".to_owned(),
                        reason: "not a policy document".to_owned(),
                    })
                }),
        }
    }

    /// Validates and stores a new policy; returns its version.
    ///
    /// # Errors
    /// [`VaultError::Policy`] when invalid; store failures.
    pub async fn put_policy(
        &self,
        tenant: &TenantId,
        document: &PolicyDocument,
        by: &str,
    ) -> Result<i64, VaultError> {
        document
            .compile(Some(tenant.as_str()), 0)
            .map_err(VaultError::Policy)?;
        let json = serde_json::to_string(document).map_err(|_| {
            VaultError::Policy(PolicyError {
                field: "document".to_owned(),
                reason: "cannot be serialized".to_owned(),
            })
        })?;
        let sealed = self.seal_policy_text(tenant, &json).await?;
        let version = self
            .store
            .put_policy(tenant.as_str(), &sealed, self.clock.now_millis(), by)
            .await?;
        self.states.forget(tenant.as_str());
        Ok(version)
    }

    /// A policy document as stored: sealed (AES-256-GCM under the tenant's policy key,
    /// bound to the tenant), since its dictionaries and allow-list may name what the
    /// tenant protects (project code names, its own addresses).
    ///
    /// # Errors
    /// Store or key failures.
    pub async fn seal_policy_text(
        &self,
        tenant: &TenantId,
        json: &str,
    ) -> Result<String, VaultError> {
        // Fresh, not cached: a policy sealed with keys a shred elsewhere destroyed would
        // never open again.
        let state = self.store.tenant_state(tenant.as_str()).await?;
        let key = self
            .policy_key(tenant, state.key_epoch)
            .await?
            .ok_or(VaultError::Keyring(KeyringError::Contended))?;
        let sealed = crypto::seal(&key, &policy_aad(tenant), json.as_bytes())?;
        Ok(format!("{SEALED_POLICY}{}", BASE64.encode(sealed)))
    }

    /// The key policies are sealed with, derived from the tenant's fingerprint key (none
    /// once the tenant was shredded).
    async fn policy_key(
        &self,
        tenant: &TenantId,
        epoch: Option<i64>,
    ) -> Result<Option<crypto::KeyBytes>, VaultError> {
        let keys = self.keyring.for_sealing(tenant.as_str(), epoch).await?;
        Ok(keys.fingerprint.as_ref().map(|f| f.policy_key()))
    }

    /// The JSON of a stored policy document: opened when sealed, as it is when written
    /// before policies were sealed.
    ///
    /// # Errors
    /// Store or key failures, or a sealed document that does not open.
    pub async fn open_policy_text(
        &self,
        tenant: &TenantId,
        stored: &str,
    ) -> Result<String, VaultError> {
        let Some(encoded) = stored.strip_prefix(SEALED_POLICY) else {
            return Ok(stored.to_owned());
        };
        let unreadable = || {
            VaultError::StoredPolicy(PolicyError {
                field: "document".to_owned(),
                reason: "the sealed document does not open".to_owned(),
            })
        };
        let sealed = BASE64.decode(encoded).map_err(|_| unreadable())?;
        let state = self.tenant_state(tenant.as_str()).await?;
        let key = self
            .policy_key(tenant, state.key_epoch)
            .await?
            .ok_or_else(unreadable)?;
        let json = crypto::open(&key, &policy_aad(tenant), &sealed).map_err(|_| unreadable())?;
        String::from_utf8(json.to_vec()).map_err(|_| unreadable())
    }

    /// The tenant's compiled policy as of now (cached per version).
    ///
    /// # Errors
    /// Store failures or a stored policy that no longer compiles.
    pub async fn current_policy(
        &self,
        tenant: &TenantId,
    ) -> Result<Arc<CompiledPolicy>, VaultError> {
        let state = self.tenant_state(tenant.as_str()).await?;
        self.policy(tenant, state.policy_version.unwrap_or(0)).await
    }

    /// The sensitive values in `text` under `policy` (its types, recognizers and
    /// allow-list), as byte ranges.
    pub fn sensitive_spans(&self, policy: &CompiledPolicy, text: &str) -> Vec<Finding> {
        let mut found =
            self.detector
                .find_with(text, policy.entities.as_deref(), &policy.recognizers);
        found.retain(|f| !policy.allows(&text[f.start..f.end]));
        found
    }
}

/// How a sealed policy document starts, before its base64; older documents are JSON.
const SEALED_POLICY: &str = "sealed:v1:";

/// The associated data of a tenant's sealed policy: it opens for that tenant only.
fn policy_aad(tenant: &TenantId) -> Vec<u8> {
    format!("pv:policy:v1|{tenant}").into_bytes()
}

/// The generation a tenant state's cached entries belong to; none without keys.
fn generation(state: TenantStateRow) -> Option<Generation> {
    state.key_epoch.map(|key_epoch| Generation {
        key_epoch,
        policy_version: state.policy_version,
    })
}

/// Where a value stands in its text: (start, end, index of the distinct value, the
/// finding's confidence).
type Occurrence = (usize, usize, usize, f32);

/// The distinct (type, value) pairs of a request, one entry each, and where each
/// occurrence stands in its text.
struct Distinct<'t> {
    kinds: Vec<EntityType>,
    values: Vec<&'t str>,
    /// Per text: (start, end, index into `kinds`/`values`, confidence).
    occurrences: Vec<Vec<Occurrence>>,
}

impl<'t> Distinct<'t> {
    fn of(texts: &'t [String], findings: &[Vec<Finding>]) -> Self {
        let mut index_of: HashMap<(EntityType, &str), usize> = HashMap::new();
        let mut distinct = Self {
            kinds: Vec::new(),
            values: Vec::new(),
            occurrences: Vec::with_capacity(texts.len()),
        };
        for (text, found) in texts.iter().zip(findings) {
            let mut in_text = Vec::with_capacity(found.len());
            for finding in found {
                let value = &text[finding.start..finding.end];
                let index = *index_of.entry((finding.kind, value)).or_insert_with(|| {
                    distinct.kinds.push(finding.kind);
                    distinct.values.push(value);
                    distinct.kinds.len() - 1
                });
                in_text.push((finding.start, finding.end, index, finding.confidence));
            }
            distinct.occurrences.push(in_text);
        }
        distinct
    }
}

/// Each text with its values replaced by their tokens.
fn splice(
    texts: &[String],
    occurrences: &[Vec<Occurrence>],
    tokens: &[Token],
) -> Vec<TokenizedText> {
    texts
        .iter()
        .zip(occurrences)
        .map(|(text, in_text)| {
            let mut out = String::with_capacity(text.len());
            let mut cursor = 0;
            let mut text_tokens = Vec::with_capacity(in_text.len());
            let mut confidences = Vec::with_capacity(in_text.len());
            for &(start, end, index, confidence) in in_text {
                out.push_str(&text[cursor..start]);
                let token = &tokens[index];
                out.push_str(&token.to_string());
                text_tokens.push(token.clone());
                confidences.push(confidence);
                cursor = end;
            }
            out.push_str(&text[cursor..]);
            TokenizedText {
                text: out,
                tokens: text_tokens,
                confidences,
            }
        })
        .collect()
}

/// Counts per type and the ctx; never a value.
fn tokenize_details(
    texts: usize,
    findings: &[Vec<crate::detect::Finding>],
    ctx: Option<&str>,
) -> serde_json::Value {
    let mut counts: std::collections::BTreeMap<&'static str, usize> =
        std::collections::BTreeMap::new();
    for finding in findings.iter().flatten() {
        *counts.entry(finding.kind.label()).or_default() += 1;
    }
    serde_json::json!({ "texts": texts, "counts": counts, "ctx": ctx })
}

/// The types to tokenize: the request's choice within the tenant's.
/// Every text's findings under `policy`, allow-listed values left out.
/// Detection for a request: small texts inline; larger ones (tenant regexes among the
/// recognizers) on the blocking pool, so that one request cannot stall the async workers
/// every other request runs on.
#[tracing::instrument(name = "detect", level = "debug", skip_all, fields(texts = texts.len()))]
async fn detect_off_worker(
    detector: &Arc<Detector>,
    policy: &Arc<CompiledPolicy>,
    texts: &[String],
    only: Option<&[EntityType]>,
) -> Vec<Vec<Finding>> {
    let only = effective_types(only, policy.entities.as_deref());
    if texts.iter().map(String::len).sum::<usize>() <= INLINE_DETECTION_BYTES {
        return detect_in(detector, policy, texts, only.as_deref());
    }
    let (detector, policy, texts) = (Arc::clone(detector), Arc::clone(policy), texts.to_vec());
    let scan =
        tokio::task::spawn_blocking(move || detect_in(&detector, &policy, &texts, only.as_deref()));
    match scan.await {
        Ok(found) => found,
        // A panic in detection is a bug: it reaches the request as one would inline.
        Err(failed) => std::panic::resume_unwind(failed.into_panic()),
    }
}

fn detect_in(
    detector: &Detector,
    policy: &CompiledPolicy,
    texts: &[String],
    only: Option<&[EntityType]>,
) -> Vec<Vec<Finding>> {
    texts
        .iter()
        .map(|text| {
            let mut found = detector.find_with(text, only, &policy.recognizers);
            found.retain(|f| !policy.allows(&text[f.start..f.end]));
            found
        })
        .collect()
}

fn effective_types(
    request: Option<&[EntityType]>,
    policy: Option<&[EntityType]>,
) -> Option<Vec<EntityType>> {
    match (request, policy) {
        (None, None) => None,
        (Some(only), None) | (None, Some(only)) => Some(only.to_vec()),
        (Some(request), Some(policy)) => Some(
            request
                .iter()
                .copied()
                .filter(|t| policy.contains(t))
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;
    use std::thread::ThreadId;

    use super::*;
    use crate::detect::Recognizer;
    use crate::vault::PolicyDocument;

    /// A tenant recognizer that notes the thread it runs on.
    #[derive(Debug, Default)]
    struct ThreadNote(Arc<Mutex<Vec<ThreadId>>>);

    impl Recognizer for ThreadNote {
        fn find(&self, _text: &str, _out: &mut Vec<Finding>) {
            if let Ok(mut seen) = self.0.lock() {
                seen.push(std::thread::current().id());
            }
        }
    }

    #[tokio::test(flavor = "current_thread")]
    async fn large_texts_are_scanned_off_the_async_worker() {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let mut policy = PolicyDocument::default()
            .compile(Some("t-test"), 0)
            .unwrap();
        policy
            .recognizers
            .push(Box::new(ThreadNote(Arc::clone(&seen))));
        let (policy, detector) = (Arc::new(policy), Arc::new(Detector::new()));
        let worker = std::thread::current().id();

        detect_off_worker(
            &detector,
            &policy,
            &["mail ann@example.org".to_owned()],
            None,
        )
        .await;
        let large = "word ".repeat(INLINE_DETECTION_BYTES / 5 + 1);
        detect_off_worker(&detector, &policy, &[large], None).await;

        let seen = seen.lock().unwrap().clone();
        assert_eq!(seen.len(), 2, "{seen:?}");
        assert_eq!(seen[0], worker, "a small text is scanned inline");
        assert_ne!(
            seen[1], worker,
            "a large text is scanned on the blocking pool"
        );
    }
}
