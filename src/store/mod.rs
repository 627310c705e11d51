//! Persistence of sealed entries and wrapped keys. Implementations store opaque bytes and
//! ids: they never see a plaintext value or a key they could use, and never import
//! `crate::crypto`. The backend is chosen from the database URL's scheme at start-up.

mod audit_rows;
mod postgres;
mod sqlite;

use std::fmt::Debug;
use std::sync::Arc;

use crate::audit::{AuditRecord, Checkpoint, StoredEvent};

pub use postgres::PgStore;
pub use sqlite::SqliteStore;

/// A tenant's wrapped keys, as stored.
#[derive(Debug, Clone)]
pub struct TenantKeysRow {
    /// The fingerprint key, wrapped by root key version `fingerprint_root_version`.
    pub fingerprint_key: Vec<u8>,
    /// Which root key version wraps the fingerprint key.
    pub fingerprint_root_version: i64,
    /// Changes with every key event of the tenant.
    pub key_epoch: i64,
    /// Every data key version.
    pub data_keys: Vec<DataKeyRow>,
}

/// One data key version, as stored.
#[derive(Debug, Clone)]
pub struct DataKeyRow {
    /// Version number, from 1.
    pub version: i64,
    /// `active`, `decrypt_only` or `destroyed`.
    pub state: String,
    /// The key wrapped by the root key; `None` once destroyed.
    pub wrapped_key: Option<Vec<u8>>,
    /// Which root key version wraps it.
    pub root_key_version: i64,
    /// Unix milliseconds.
    pub created_at: i64,
}

/// A new entry to store.
#[derive(Debug, Clone)]
pub struct NewEntryRow {
    /// The token id (without type and brackets).
    pub token_id: String,
    /// The entity type label.
    pub entity_type: String,
    /// The data key version that sealed the value.
    pub key_version: i64,
    /// `nonce || ciphertext || tag`.
    pub sealed_value: Vec<u8>,
    /// HMAC fingerprint for determinism; `None` when the token is unique to its request.
    pub fingerprint: Option<Vec<u8>>,
    /// The conversation the token is bound to, if any.
    pub ctx: Option<String>,
    /// Unix milliseconds.
    pub created_at: i64,
    /// Unix milliseconds after which the token is unknown; `None` for never.
    pub expires_at: Option<i64>,
}

/// A stored entry, as read back.
#[derive(Debug, Clone)]
pub struct EntryRow {
    /// The token id.
    pub token_id: String,
    /// The entity type label.
    pub entity_type: String,
    /// The data key version that sealed the value.
    pub key_version: i64,
    /// `nonce || ciphertext || tag`.
    pub sealed_value: Vec<u8>,
    /// The conversation the token is bound to, if any.
    pub ctx: Option<String>,
    /// Unix milliseconds after which the token is unknown.
    pub expires_at: Option<i64>,
    /// A honey token: it has no value, and any attempt to reveal it is an anomaly.
    pub honey: bool,
}

/// A honey token of a tenant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoneyTokenRow {
    /// The token id.
    pub token_id: String,
    /// The type label it carries.
    pub entity_type: String,
    /// Unix milliseconds.
    pub created_at: i64,
    /// The `sub` that planted it.
    pub created_by: String,
}

/// A caller blocked after an anomaly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallerBlockRow {
    /// The caller's tenant.
    pub tenant: String,
    /// The caller.
    pub sub: String,
    /// Unix milliseconds until which it is blocked.
    pub until_at: i64,
    /// The anomaly kind that caused it.
    pub reason: String,
}

/// Persistence for the vault. All methods are one round trip or one transaction.
#[async_trait::async_trait]
pub trait VaultStore: Debug + Send + Sync + 'static {
    /// Checks that the database answers.
    async fn ping(&self) -> Result<(), StoreError>;

    /// A tenant's wrapped keys, or `None` before its first request.
    async fn tenant_keys(&self, tenant: &str) -> Result<Option<TenantKeysRow>, StoreError>;

    /// Creates a tenant with its fingerprint key and data key version 1, in one
    /// transaction, unless it exists already (then nothing changes: the first writer wins).
    async fn create_tenant(
        &self,
        tenant: &str,
        fingerprint_key: &[u8],
        first_data_key: &DataKeyRow,
    ) -> Result<(), StoreError>;

    /// Stores entries and the request's audit event in one transaction. For each input
    /// entry, returns the token id that stands for it: its own, or the id of an existing
    /// entry with the same fingerprint. Entries with equal fingerprints must not repeat
    /// within one call.
    ///
    /// Nothing is written, and `None` returned, when the tenant's key epoch or policy
    /// version is no longer the `expected` one (another instance changed them); the check
    /// and the write are one statement (Postgres: with a share lock on the tenant row, so
    /// a key change waits for it) or one transaction (SQLite: one writer at a time).
    async fn put_entries(
        &self,
        tenant: &str,
        entries: &[NewEntryRow],
        event: &AuditRecord,
        expected: &TenantStateRow,
    ) -> Result<Option<Vec<String>>, StoreError>;

    /// Appends audit events (unlinked) in one transaction.
    async fn append_audits(&self, events: &[AuditRecord]) -> Result<(), StoreError>;

    /// Tenants with audit events not linked into their chain yet.
    async fn tenants_with_unlinked_audit(&self) -> Result<Vec<String>, StoreError>;

    /// The last linked position of the tenant's chain and its hash.
    async fn audit_chain_head(&self, tenant: &str) -> Result<Option<(i64, Vec<u8>)>, StoreError>;

    /// Up to `limit` unlinked events of the tenant, in insertion order.
    async fn unlinked_audit(
        &self,
        tenant: &str,
        limit: i64,
    ) -> Result<Vec<StoredEvent>, StoreError>;

    /// Links events into the chain in one transaction; [`StoreError::Conflict`] when
    /// another chainer got there first.
    async fn link_audit(&self, tenant: &str, links: &[AuditLink]) -> Result<(), StoreError>;

    /// The tenant's events matching `filter`, in insertion order.
    async fn audit_events(
        &self,
        tenant: &str,
        filter: &AuditFilter,
    ) -> Result<Vec<StoredEvent>, StoreError>;

    /// Stores a signed chain head.
    async fn add_checkpoint(
        &self,
        tenant: &str,
        checkpoint: &Checkpoint,
        at: i64,
    ) -> Result<(), StoreError>;

    /// Adds `delta` to a rate counter and returns its new total.
    async fn add_rate_count(
        &self,
        key: &str,
        window_start: i64,
        delta: i64,
    ) -> Result<i64, StoreError>;

    /// Deletes rate counters of windows that started before `before`.
    async fn drop_rate_counts(&self, before: i64) -> Result<(), StoreError>;

    /// Records a honey token.
    async fn add_honey_token(&self, tenant: &str, row: &HoneyTokenRow) -> Result<(), StoreError>;

    /// The tenant's honey tokens, oldest first.
    async fn honey_tokens(&self, tenant: &str) -> Result<Vec<HoneyTokenRow>, StoreError>;

    /// Blocks a caller until `row.until_at` (extending, never shortening, a block).
    async fn block_caller(&self, row: &CallerBlockRow) -> Result<(), StoreError>;

    /// Lifts a caller's block; whether there was one.
    async fn unblock_caller(&self, tenant: &str, sub: &str) -> Result<bool, StoreError>;

    /// Every block still in force at `now` (and drops the others).
    async fn active_blocks(&self, now: i64) -> Result<Vec<CallerBlockRow>, StoreError>;

    /// Data-key versions of all tenants, counted by state.
    async fn key_version_counts(&self) -> Result<Vec<(String, i64)>, StoreError>;

    /// Every tenant with audit events.
    async fn audit_tenants(&self) -> Result<Vec<String>, StoreError>;

    /// The tenant's checkpoints.
    async fn checkpoints(&self, tenant: &str) -> Result<Vec<Checkpoint>, StoreError>;

    /// The entries of `tenant` among `token_ids`, in no particular order.
    async fn entries(
        &self,
        tenant: &str,
        token_ids: &[String],
    ) -> Result<Vec<EntryRow>, StoreError>;

    /// The tenant's policy version and key epoch, in one round trip; both `None` before
    /// the tenant exists.
    async fn tenant_state(&self, tenant: &str) -> Result<TenantStateRow, StoreError>;

    /// Adds data key version `key.version` as the active one, demoting the current
    /// active version to `decrypt_only`, in one transaction. When the tenant's highest
    /// version is no longer `key.version - 1` (a concurrent rotation), nothing changes and
    /// [`StoreError::Conflict`] is returned. With `fingerprint_key`, the tenant's
    /// fingerprint key is replaced too (a fresh start after shredding).
    async fn add_data_key(
        &self,
        tenant: &str,
        key: &DataKeyRow,
        fingerprint_key: Option<&[u8]>,
    ) -> Result<(), StoreError>;

    /// How many records each data key version of the tenant protects.
    async fn key_usage(&self, tenant: &str) -> Result<Vec<(i64, i64)>, StoreError>;

    /// Destroys one data key version (its wrapped key is erased), unless it is active or
    /// records still use it.
    async fn destroy_data_key(
        &self,
        tenant: &str,
        version: i64,
    ) -> Result<DestroyOutcome, StoreError>;

    /// Crypto-shredding: erases every wrapped key of the tenant (records stay, unreadable
    /// forever). Returns whether the tenant existed.
    async fn shred_tenant(&self, tenant: &str, now: i64) -> Result<bool, StoreError>;

    /// Rewraps every data key and fingerprint key (root rotation), in one transaction;
    /// bumps every tenant's key epoch. No record is touched.
    async fn rewrap_keys(&self, rewrapped: &[RewrappedKeyRow]) -> Result<(), StoreError>;

    /// Every wrapped key, for root rotation.
    async fn all_wrapped_keys(&self) -> Result<Vec<RewrappedKeyRow>, StoreError>;

    /// Up to `limit` records of the tenant sealed with another version than `active`, with
    /// token ids after `after`, in token id order.
    async fn stale_entries(
        &self,
        tenant: &str,
        active: i64,
        after: &str,
        limit: i64,
    ) -> Result<Vec<EntryRow>, StoreError>;

    /// Replaces sealed values (each only if still sealed with its old version) and
    /// records the job's progress, in one transaction. Returns the rows changed.
    async fn reseal_entries(
        &self,
        tenant: &str,
        rows: &[ResealRow],
        job: &JobProgress,
    ) -> Result<u64, StoreError>;

    /// Creates a job, or returns the tenant's running job of the same kind.
    async fn create_job(&self, job: &JobRow) -> Result<JobRow, StoreError>;

    /// One job of the tenant.
    async fn job(&self, tenant: &str, id: &str) -> Result<Option<JobRow>, StoreError>;

    /// Running jobs whose lease has expired, for any instance to resume.
    async fn claimable_jobs(&self, now: i64) -> Result<Vec<JobRow>, StoreError>;

    /// Takes or extends a job's lease: sets `lease_until` to `until` only if it still is
    /// `expected` (compare and swap); false when another instance got there first.
    async fn claim_job(&self, id: &str, expected: i64, until: i64) -> Result<bool, StoreError>;

    /// Marks a job done or failed.
    async fn finish_job(&self, id: &str, state: &str, now: i64) -> Result<(), StoreError>;

    /// Records a destructive action waiting for a second admin.
    async fn create_pending_action(&self, action: &PendingActionRow) -> Result<(), StoreError>;

    /// One pending action of the tenant.
    async fn pending_action(
        &self,
        tenant: &str,
        id: &str,
    ) -> Result<Option<PendingActionRow>, StoreError>;

    /// Marks the action confirmed by `sub`, only if it is unconfirmed, unexpired at `now`
    /// and was requested by someone else (one statement, so two confirmations cannot both
    /// win). Returns whether this call confirmed it.
    async fn confirm_pending_action(
        &self,
        tenant: &str,
        id: &str,
        sub: &str,
        now: i64,
    ) -> Result<bool, StoreError>;

    /// Deletes up to `limit` records whose time to live ended before `now`.
    async fn purge_expired(&self, now: i64, limit: i64) -> Result<u64, StoreError>;

    /// The tenant's policy document and its version.
    async fn policy(&self, tenant: &str) -> Result<Option<PolicyRow>, StoreError>;

    /// Replaces the tenant's policy document and returns its new version.
    async fn put_policy(
        &self,
        tenant: &str,
        document: &str,
        updated_at: i64,
        updated_by: &str,
    ) -> Result<i64, StoreError>;
}

/// What a request checks before using cached tenant state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TenantStateRow {
    /// The policy version, if a policy is stored.
    pub policy_version: Option<i64>,
    /// The key epoch, if the tenant exists.
    pub key_epoch: Option<i64>,
    /// The root key version of the last root rotation, if there was one.
    pub root_version: Option<i64>,
}

/// What became of a request to destroy a data key version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DestroyOutcome {
    /// Destroyed (or it already was).
    Destroyed,
    /// Refused: it is the active version.
    Active,
    /// Refused: this many records still use it.
    InUse(i64),
    /// No such version.
    NotFound,
}

/// A wrapped key, before or after rewrapping: a data key (`version` set) or a
/// fingerprint key (`version` None).
#[derive(Debug, Clone)]
pub struct RewrappedKeyRow {
    /// The tenant.
    pub tenant: String,
    /// The data key version, or None for the fingerprint key.
    pub version: Option<i64>,
    /// The wrapped key.
    pub wrapped_key: Vec<u8>,
    /// The root key version that wraps it.
    pub root_key_version: i64,
}

/// One record sealed anew.
#[derive(Debug, Clone)]
pub struct ResealRow {
    /// The token id.
    pub token_id: String,
    /// The version it was sealed with (the update applies only if it still is).
    pub old_version: i64,
    /// The version it is sealed with now.
    pub new_version: i64,
    /// `nonce || ciphertext || tag`.
    pub sealed_value: Vec<u8>,
}

/// A job's progress after one batch.
#[derive(Debug, Clone)]
pub struct JobProgress {
    /// The job.
    pub id: String,
    /// Records handled in this batch.
    pub processed: i64,
    /// The last token id handled.
    pub cursor_token: String,
    /// Unix milliseconds.
    pub now: i64,
}

/// A background job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobRow {
    /// Random id.
    pub id: String,
    /// The tenant.
    pub tenant: String,
    /// `reencrypt`.
    pub kind: String,
    /// The data key version records move to.
    pub target_version: i64,
    /// `running`, `done` or `failed`.
    pub state: String,
    /// Records moved so far.
    pub processed: i64,
    /// The last token id handled.
    pub cursor_token: String,
    /// Until when an instance holds the job (Unix milliseconds).
    pub lease_until: i64,
    /// Unix milliseconds.
    pub created_at: i64,
    /// Unix milliseconds.
    pub updated_at: i64,
}

/// A destructive admin action waiting for its second admin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingActionRow {
    /// Random id.
    pub id: String,
    /// The tenant.
    pub tenant: String,
    /// `shred_tenant`, `destroy_data_key` or `rotate_root_key`.
    pub action: String,
    /// The data key version, for `destroy_data_key`.
    pub argument: Option<i64>,
    /// The first admin's sub.
    pub requested_by: String,
    /// Unix milliseconds.
    pub requested_at: i64,
    /// Unix milliseconds after which it can no longer be confirmed.
    pub expires_at: i64,
    /// The second admin's sub, once confirmed.
    pub confirmed_by: Option<String>,
}

/// One event's place in its chain.
#[derive(Debug, Clone)]
pub struct AuditLink {
    /// The event.
    pub seq: i64,
    /// Its position, from 1.
    pub chain_index: i64,
    /// The previous event's hash.
    pub prev_hash: Vec<u8>,
    /// Its hash.
    pub hash: Vec<u8>,
}

/// Which audit events to list.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// From this time on (Unix milliseconds).
    pub since: Option<i64>,
    /// Before this time.
    pub until: Option<i64>,
    /// Only this caller.
    pub sub: Option<String>,
    /// Only this action.
    pub action: Option<String>,
    /// Only events naming this token id.
    pub token_id: Option<String>,
    /// Only events after this insertion number (pagination).
    pub after_seq: Option<i64>,
    /// At most this many.
    pub limit: i64,
}

/// A stored tenant policy.
#[derive(Debug, Clone)]
pub struct PolicyRow {
    /// Incremented by every change, from 1.
    pub version: i64,
    /// The JSON document.
    pub document: String,
}

/// Store failures. Messages never carry stored bytes.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The URL names no supported backend.
    #[error("unsupported database URL scheme `{0}` (use sqlite: or postgres:)")]
    UnsupportedScheme(String),
    /// The database cannot be reached right now.
    #[error("the store is unavailable")]
    Unavailable(#[source] sqlx::Error),
    /// A write collided with an existing row on a key that should have been unique.
    #[error("conflicting write")]
    Conflict,
    /// Any other database error.
    #[error("database error")]
    Database(#[source] sqlx::Error),
    /// Applying migrations failed.
    #[error("migration failed")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl From<sqlx::Error> for StoreError {
    fn from(err: sqlx::Error) -> Self {
        match &err {
            sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) => {
                Self::Unavailable(err)
            }
            sqlx::Error::Database(db) if db.is_unique_violation() => Self::Conflict,
            _ => Self::Database(err),
        }
    }
}

/// Connects to the store named by `url` and runs its migrations.
///
/// # Errors
/// [`StoreError::UnsupportedScheme`] for other URLs; connection and migration failures.
pub async fn connect(url: &str) -> Result<Arc<dyn VaultStore>, StoreError> {
    match scheme(url) {
        "sqlite" => Ok(Arc::new(SqliteStore::connect(url).await?)),
        "postgres" | "postgresql" => Ok(Arc::new(PgStore::connect(url).await?)),
        other => Err(StoreError::UnsupportedScheme(other.to_owned())),
    }
}

/// Runs the migrations of the store named by `url` and returns.
///
/// # Errors
/// As [`connect`].
pub async fn migrate(url: &str) -> Result<(), StoreError> {
    connect(url).await.map(drop)
}

fn scheme(url: &str) -> &str {
    url.split_once(':').map_or("", |(scheme, _)| scheme)
}
