//! Persistence of sealed entries and wrapped keys. Implementations store opaque bytes and
//! ids: they never see a plaintext value or a key they could use, and never import
//! `crate::crypto`. The backend is chosen from the database URL's scheme at start-up.

mod postgres;
mod sqlite;

use std::fmt::Debug;
use std::sync::Arc;

pub use postgres::PgStore;
pub use sqlite::SqliteStore;

/// A tenant's wrapped keys, as stored.
#[derive(Debug, Clone)]
pub struct TenantKeysRow {
    /// The fingerprint key, wrapped by root key version `fingerprint_root_version`.
    pub fingerprint_key: Vec<u8>,
    /// Which root key version wraps the fingerprint key.
    pub fingerprint_root_version: i64,
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

    /// Stores entries in one transaction. For each input entry, returns the token id
    /// that stands for it: its own, or the id of an existing entry with the same
    /// fingerprint. Entries with equal fingerprints must not repeat within one call.
    async fn put_entries(
        &self,
        tenant: &str,
        entries: &[NewEntryRow],
    ) -> Result<Vec<String>, StoreError>;

    /// The entries of `tenant` among `token_ids`, in no particular order.
    async fn entries(
        &self,
        tenant: &str,
        token_ids: &[String],
    ) -> Result<Vec<EntryRow>, StoreError>;

    /// The version of the tenant's policy, `None` when it has none (one indexed read).
    async fn policy_version(&self, tenant: &str) -> Result<Option<i64>, StoreError>;

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
