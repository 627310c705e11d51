//! The SQLite store: the embedded default. WAL journal with `synchronous = FULL`, so a
//! tokenize that answered survives a crash of the process or the machine. SQLite lets one
//! connection write at a time and makes the others sleep and retry, so every write goes
//! through a pool of one connection, where writers queue in order instead of sleeping;
//! reads use a pool of their own (WAL readers do not wait for the writer). Most of its SQL
//! is shared with Postgres (`store/<area>.rs`); what SQLite does its own way (it has no
//! arrays) lives in the area modules here.

mod audit;
mod entries;

use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{ConnectOptions, Connection};

use super::{StoreError, VaultStore};

/// SQLite-backed [`VaultStore`].
#[derive(Debug, Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
    writer: SqlitePool,
}

impl SqliteStore {
    /// How a transaction that writes begins: with the database's write lock, waited for
    /// (up to the busy timeout). A deferred transaction that reads first and writes later
    /// fails at once with SQLITE_BUSY when another connection wrote in between, which no
    /// timeout helps; so every writing transaction takes the lock up front.
    pub(crate) const BEGIN_WRITE: &'static str = "BEGIN IMMEDIATE";
    /// The root version stored keys use (the write lock taken at BEGIN keeps it still).
    pub(crate) const CURRENT_ROOT_FOR_WRAPPING: &'static str =
        "SELECT CAST(version AS BIGINT) FROM root_state WHERE id = 1";

    /// Opens (creating the file and its folder if needed) and migrates.
    ///
    /// # Errors
    /// Connection or migration failures.
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        let options = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10))
            .log_statements(log::LevelFilter::Trace)
            .log_slow_statements(log::LevelFilter::Warn, Duration::from_secs(1));
        if let Some(parent) = options
            .get_filename()
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
        {
            std::fs::create_dir_all(parent)
                .map_err(|e| StoreError::Unavailable(sqlx::Error::Io(e)))?;
        }
        let writer = SqlitePoolOptions::new()
            .max_connections(1)
            .acquire_timeout(Duration::from_secs(10))
            // SQLite rolls a transaction back by itself on some errors (a full disk), and
            // the driver then still counts it as open, so the connection's next BEGIN fails.
            // Such a connection is closed on release and the pool opens a fresh one.
            .connect_with(options.clone())
            .await?;
        sqlx::migrate!("migrations/sqlite").run(&writer).await?;
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options)
            .await?;
        Ok(Self { pool, writer })
    }

    /// The underlying pool, for tests that inspect the database.
    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// Where writes go: the one writing connection.
    fn writes(&self) -> &SqlitePool {
        &self.writer
    }
}

#[async_trait::async_trait]
impl VaultStore for SqliteStore {
    async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    async fn recover_from_full(&self) {
        // Checked here, where a full disk was seen, rather than on every release of the
        // writer (a release hook cost a fifth of SQLite's tokenize throughput).
        if let Ok(conn) = self.writer.acquire().await {
            if conn.is_in_transaction() {
                let _ = conn.close().await;
            }
        }
    }
}

super::keys::impl_key_store!(SqliteStore, sqlx::Sqlite);
super::entries::impl_entry_store!(SqliteStore, crate::store::sqlite::entries);
super::audit::impl_audit_store!(SqliteStore, crate::store::sqlite::audit);
super::jobs::impl_job_store!(SqliteStore);
super::policy::impl_policy_store!(SqliteStore);
super::guard::impl_guard_store!(SqliteStore);
