//! Persistence of sealed entries, wrapped keys, the audit log and the abuse controls.
//! Implementations store opaque bytes and ids: they never see a plaintext value or a key
//! they could use, and never import `crate::crypto`. The backend is chosen from the
//! database URL's scheme at start-up.
//!
//! Layout: one narrow trait per area, each in its own file with the SQL both dialects
//! share (`keys`, `entries`, `audit`, `jobs`, `policy`, `guard`); the row types in `rows`;
//! each backend in `postgres/` and `sqlite/`, holding only its connection set-up and the
//! statements it writes its own way; `group_commit`, which lets concurrent requests share
//! one transaction. [`VaultStore`] is all the areas together. The
//! contract suite (`tests/api/store_contract.rs`) runs every method on both backends.

mod audit;
mod entries;
mod group_commit;
mod guard;
mod jobs;
mod keys;
mod policy;
mod postgres;
mod rows;
mod sqlite;

use std::fmt::Debug;
use std::sync::Arc;

pub use audit::AuditStore;
pub use entries::EntryStore;
pub use group_commit::{AuditAppends, BatchWrite, EntryWrites, GroupCommit};
pub use guard::GuardStore;
pub use jobs::JobStore;
pub use keys::KeyStore;
pub use policy::PolicyStore;
pub use postgres::PgStore;
pub use rows::{
    AuditAppendRow, AuditEventRow, AuditFilter, AuditLink, CallerBlockRow, CheckpointRow,
    DataKeyRow, DestroyOutcome, EntryRow, EntryWriteRow, HoneyTokenRow, JobProgress, JobRow,
    NewEntryRow, PendingActionRow, PolicyRow, ResealRow, RewrappedKeyRow, StoredAuditRow,
    TenantKeysRow, TenantStateRow, UnlinkedAuditRows,
};
pub use sqlite::SqliteStore;

/// The whole store: every area's trait, and a health check. All methods are one round
/// trip or one transaction. Parts of the service that need one area can take that area's
/// trait (`Arc<dyn AuditStore>`); an `Arc<dyn VaultStore>` converts to any of them.
#[async_trait::async_trait]
pub trait VaultStore:
    KeyStore + EntryStore + AuditStore + JobStore + PolicyStore + GuardStore + Debug + 'static
{
    /// Checks that the database answers.
    async fn ping(&self) -> Result<(), StoreError>;

    /// Whether group commit should write each tenant's part of a batch in its own
    /// transaction (a store distributed by tenant), rather than the batch in one.
    fn writes_tenant_by_tenant(&self) -> bool {
        false
    }

    /// After a write failed for want of space: makes sure the next write starts clean.
    /// (SQLite rolls such a transaction back by itself while the driver still counts it
    /// as open, so the writing connection is closed and opened afresh.)
    async fn recover_from_full(&self) {}
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
    /// The database refused a value the request carried (a NUL character in text, a
    /// number out of range: SQLSTATE class 22). The edge checks what it can; this keeps
    /// anything they miss a 400 rather than a 500. Nothing of the write was stored.
    #[error("the database refused a value of the request")]
    RefusedValue(#[source] sqlx::Error),
    /// The database has no room left (SQLite `SQLITE_FULL`, Postgres `disk_full`):
    /// nothing of the write was stored, and reads still work.
    #[error("the database has no space left")]
    Full(#[source] sqlx::Error),
    /// A root rotation committed after the caller wrapped the key it meant to store,
    /// under an older root version (carried: the version the stored keys use now).
    /// Nothing was written; wrap again under that version.
    #[error("the root key was rotated meanwhile")]
    RootMoved(i64),
    /// Any other database error.
    #[error("database error")]
    Database(#[source] sqlx::Error),
    /// The database answered what the store never writes (edited by hand); the write
    /// that asked may have committed.
    #[error("the database answered inconsistently: {0}")]
    Inconsistent(&'static str),
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
            sqlx::Error::Database(db) => {
                let postgres = db
                    .try_downcast_ref::<sqlx::postgres::PgDatabaseError>()
                    .is_some();
                let code = db.code().unwrap_or_default();
                match (postgres, code.as_ref()) {
                    (true, "53100") | (false, "13") => Self::Full(err),
                    (true, class) if class.starts_with("22") => Self::RefusedValue(err),
                    _ => Self::Database(err),
                }
            }
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
