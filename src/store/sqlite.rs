//! The SQLite store: the embedded default. WAL journal with `synchronous = FULL`, so a
//! tokenize that answered survives a crash of the process or the machine.

use std::collections::HashMap;
use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::ConnectOptions;

use super::{DataKeyRow, EntryRow, NewEntryRow, PolicyRow, StoreError, TenantKeysRow, VaultStore};

/// SQLite-backed [`VaultStore`].
#[derive(Debug, Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
}

impl SqliteStore {
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
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options)
            .await?;
        sqlx::migrate!("migrations/sqlite").run(&pool).await?;
        Ok(Self { pool })
    }

    /// The underlying pool, for tests that inspect the database.
    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }
}

#[async_trait::async_trait]
impl VaultStore for SqliteStore {
    async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    #[tracing::instrument(skip_all)]
    async fn tenant_keys(&self, tenant: &str) -> Result<Option<TenantKeysRow>, StoreError> {
        let tenant_row: Option<(Vec<u8>, i64)> = sqlx::query_as(
            "SELECT fingerprint_key, root_key_version FROM tenants WHERE tenant = ?1",
        )
        .bind(tenant)
        .fetch_optional(&self.pool)
        .await?;
        let Some((fingerprint_key, fingerprint_root_version)) = tenant_row else {
            return Ok(None);
        };
        let data_keys: Vec<(i64, String, Option<Vec<u8>>, i64, i64)> = sqlx::query_as(
            "SELECT version, state, wrapped_key, root_key_version, created_at \
             FROM data_keys WHERE tenant = ?1 ORDER BY version",
        )
        .bind(tenant)
        .fetch_all(&self.pool)
        .await?;
        Ok(Some(TenantKeysRow {
            fingerprint_key,
            fingerprint_root_version,
            data_keys: data_keys
                .into_iter()
                .map(
                    |(version, state, wrapped_key, root_key_version, created_at)| DataKeyRow {
                        version,
                        state,
                        wrapped_key,
                        root_key_version,
                        created_at,
                    },
                )
                .collect(),
        }))
    }

    #[tracing::instrument(skip_all)]
    async fn create_tenant(
        &self,
        tenant: &str,
        fingerprint_key: &[u8],
        first_data_key: &DataKeyRow,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        let inserted = sqlx::query(
            "INSERT INTO tenants (tenant, fingerprint_key, root_key_version, created_at) \
             VALUES (?1, ?2, ?3, ?4) ON CONFLICT (tenant) DO NOTHING",
        )
        .bind(tenant)
        .bind(fingerprint_key)
        .bind(first_data_key.root_key_version)
        .bind(first_data_key.created_at)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if inserted == 1 {
            sqlx::query(
                "INSERT INTO data_keys (tenant, version, state, wrapped_key, root_key_version, created_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )
            .bind(tenant)
            .bind(first_data_key.version)
            .bind(&first_data_key.state)
            .bind(&first_data_key.wrapped_key)
            .bind(first_data_key.root_key_version)
            .bind(first_data_key.created_at)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    #[tracing::instrument(skip_all, fields(entries = entries.len()))]
    async fn put_entries(
        &self,
        tenant: &str,
        entries: &[NewEntryRow],
    ) -> Result<Vec<String>, StoreError> {
        if entries.is_empty() {
            return Ok(Vec::new());
        }
        let mut tx = self.pool.begin().await?;
        let mut by_fingerprint: HashMap<&[u8], String> = HashMap::new();
        for entry in entries {
            let (token_id, fingerprint): (String, Option<Vec<u8>>) = sqlx::query_as(
                "INSERT INTO vault_entries \
                   (tenant, token_id, entity_type, key_version, sealed_value, fingerprint, ctx, created_at, expires_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) \
                 ON CONFLICT (tenant, fingerprint) DO UPDATE SET fingerprint = excluded.fingerprint \
                 RETURNING token_id, fingerprint",
            )
            .bind(tenant)
            .bind(&entry.token_id)
            .bind(&entry.entity_type)
            .bind(entry.key_version)
            .bind(&entry.sealed_value)
            .bind(&entry.fingerprint)
            .bind(&entry.ctx)
            .bind(entry.created_at)
            .bind(entry.expires_at)
            .fetch_one(&mut *tx)
            .await?;
            if let (Some(fp), Some(_)) = (&entry.fingerprint, fingerprint) {
                by_fingerprint.insert(fp.as_slice(), token_id);
            }
        }
        tx.commit().await?;
        Ok(entries
            .iter()
            .map(|entry| match &entry.fingerprint {
                None => entry.token_id.clone(),
                Some(fp) => by_fingerprint
                    .get(fp.as_slice())
                    .cloned()
                    .unwrap_or_else(|| entry.token_id.clone()),
            })
            .collect())
    }

    #[tracing::instrument(skip_all, fields(ids = token_ids.len()))]
    async fn entries(
        &self,
        tenant: &str,
        token_ids: &[String],
    ) -> Result<Vec<EntryRow>, StoreError> {
        if token_ids.is_empty() {
            return Ok(Vec::new());
        }
        // SQLite has no arrays: pass the ids as one JSON array and expand it in SQL.
        let ids_json = serde_json::to_string(token_ids)
            .map_err(|e| StoreError::Database(sqlx::Error::Encode(Box::new(e))))?;
        let rows = sqlx::query_as::<_, (String, String, i64, Vec<u8>, Option<String>, Option<i64>)>(
            "SELECT token_id, entity_type, key_version, sealed_value, ctx, expires_at \
             FROM vault_entries WHERE tenant = ?1 AND token_id IN (SELECT value FROM json_each(?2))",
        )
        .bind(tenant)
        .bind(ids_json)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(
                |(token_id, entity_type, key_version, sealed_value, ctx, expires_at)| EntryRow {
                    token_id,
                    entity_type,
                    key_version,
                    sealed_value,
                    ctx,
                    expires_at,
                },
            )
            .collect())
    }
    #[tracing::instrument(skip_all)]
    async fn policy_version(&self, tenant: &str) -> Result<Option<i64>, StoreError> {
        let row: Option<(i64,)> =
            sqlx::query_as("SELECT version FROM tenant_policies WHERE tenant = ?1")
                .bind(tenant)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map(|(version,)| version))
    }

    #[tracing::instrument(skip_all)]
    async fn policy(&self, tenant: &str) -> Result<Option<PolicyRow>, StoreError> {
        let row: Option<(i64, String)> =
            sqlx::query_as("SELECT version, document FROM tenant_policies WHERE tenant = ?1")
                .bind(tenant)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map(|(version, document)| PolicyRow { version, document }))
    }

    #[tracing::instrument(skip_all)]
    async fn put_policy(
        &self,
        tenant: &str,
        document: &str,
        updated_at: i64,
        updated_by: &str,
    ) -> Result<i64, StoreError> {
        let (version,): (i64,) = sqlx::query_as(
            "INSERT INTO tenant_policies (tenant, version, document, updated_at, updated_by) \
             VALUES (?1, 1, ?2, ?3, ?4) \
             ON CONFLICT (tenant) DO UPDATE SET version = tenant_policies.version + 1, \
               document = excluded.document, updated_at = excluded.updated_at, updated_by = excluded.updated_by \
             RETURNING version",
        )
        .bind(tenant)
        .bind(document)
        .bind(updated_at)
        .bind(updated_by)
        .fetch_one(&self.pool)
        .await?;
        Ok(version)
    }
}
