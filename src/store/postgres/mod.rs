//! The Postgres store: production. One statement per tokenize call (`UNNEST` of arrays),
//! determinism from `INSERT … ON CONFLICT` on the fingerprint index. Most of its SQL is
//! shared with SQLite (`store/<area>.rs`); what only Postgres can do lives in the area
//! modules here.

mod audit;
mod citus;
mod entries;

use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::ConnectOptions;

use super::{StoreError, VaultStore};

/// Postgres-backed [`VaultStore`].
#[derive(Debug, Clone)]
pub struct PgStore {
    pool: PgPool,
    /// The database has the Citus extension: the tenant tables are distributed by tenant,
    /// and batches are written tenant by tenant (see `citus`).
    citus: bool,
}

impl PgStore {
    /// How a transaction that writes begins: row locks taken by its statements order it.
    pub(crate) const BEGIN_WRITE: &'static str = "BEGIN";
    /// The root version stored keys use, locked for share against a concurrent rotation.
    pub(crate) const CURRENT_ROOT_FOR_WRAPPING: &'static str =
        "SELECT CAST(version AS BIGINT) FROM root_state WHERE id = 1 FOR SHARE";

    /// Connects and migrates.
    ///
    /// # Errors
    /// Connection or migration failures.
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        let options = PgConnectOptions::from_str(url)?
            .log_statements(log::LevelFilter::Trace)
            .log_slow_statements(log::LevelFilter::Warn, Duration::from_secs(1));
        let pool = PgPoolOptions::new()
            .max_connections(32)
            .acquire_timeout(Duration::from_secs(5))
            .connect_with(options)
            .await?;
        Self::from_pool(pool).await
    }

    /// Migrates an existing pool and wraps it. On a Citus coordinator, also distributes
    /// the tenant tables by tenant (once: running it again changes nothing).
    ///
    /// # Errors
    /// Migration failures.
    pub async fn from_pool(pool: PgPool) -> Result<Self, StoreError> {
        sqlx::migrate!("migrations/postgres").run(&pool).await?;
        let citus = citus::is_cluster(&pool).await?;
        if citus {
            citus::distribute(&pool).await?;
        }
        Ok(Self { pool, citus })
    }

    /// Whether the database is a Citus coordinator with the tenant tables distributed.
    pub fn is_distributed(&self) -> bool {
        self.citus
    }

    /// The underlying pool, for tests that inspect the database.
    pub fn pool(&self) -> &PgPool {
        &self.pool
    }

    /// Where writes go: the same pool (row locks order concurrent writers).
    fn writes(&self) -> &PgPool {
        &self.pool
    }
}

#[async_trait::async_trait]
impl VaultStore for PgStore {
    async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    fn writes_tenant_by_tenant(&self) -> bool {
        self.citus
    }
}

super::keys::impl_key_store!(PgStore, sqlx::Postgres);
super::entries::impl_entry_store!(PgStore, crate::store::postgres::entries);
super::audit::impl_audit_store!(PgStore, crate::store::postgres::audit);
super::jobs::impl_job_store!(PgStore);
super::policy::impl_policy_store!(PgStore);
super::guard::impl_guard_store!(PgStore);
