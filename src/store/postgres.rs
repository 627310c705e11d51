//! The Postgres store: production. One statement per tokenize call (`UNNEST` of arrays),
//! determinism from `INSERT … ON CONFLICT` on the fingerprint index.

use std::collections::HashMap;
use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::ConnectOptions;

use super::{DataKeyRow, EntryRow, NewEntryRow, PolicyRow, StoreError, TenantKeysRow, VaultStore};

/// Postgres-backed [`VaultStore`].
#[derive(Debug, Clone)]
pub struct PgStore {
    pool: PgPool,
}

impl PgStore {
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

    /// Migrates an existing pool and wraps it.
    ///
    /// # Errors
    /// Migration failures.
    pub async fn from_pool(pool: PgPool) -> Result<Self, StoreError> {
        sqlx::migrate!("migrations/postgres").run(&pool).await?;
        Ok(Self { pool })
    }

    /// The underlying pool, for tests that inspect the database.
    pub fn pool(&self) -> &PgPool {
        &self.pool
    }
}

#[async_trait::async_trait]
impl VaultStore for PgStore {
    async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    #[tracing::instrument(skip_all)]
    async fn tenant_keys(&self, tenant: &str) -> Result<Option<TenantKeysRow>, StoreError> {
        let tenant_row: Option<(Vec<u8>, i32)> = sqlx::query_as(
            "SELECT fingerprint_key, root_key_version FROM tenants WHERE tenant = $1",
        )
        .bind(tenant)
        .fetch_optional(&self.pool)
        .await?;
        let Some((fingerprint_key, fingerprint_root_version)) = tenant_row else {
            return Ok(None);
        };
        let data_keys: Vec<(i32, String, Option<Vec<u8>>, i32, i64)> = sqlx::query_as(
            "SELECT version, state, wrapped_key, root_key_version, created_at \
             FROM data_keys WHERE tenant = $1 ORDER BY version",
        )
        .bind(tenant)
        .fetch_all(&self.pool)
        .await?;
        Ok(Some(TenantKeysRow {
            fingerprint_key,
            fingerprint_root_version: i64::from(fingerprint_root_version),
            data_keys: data_keys
                .into_iter()
                .map(
                    |(version, state, wrapped_key, root_key_version, created_at)| DataKeyRow {
                        version: i64::from(version),
                        state,
                        wrapped_key,
                        root_key_version: i64::from(root_key_version),
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
             VALUES ($1, $2, $3, $4) ON CONFLICT (tenant) DO NOTHING",
        )
        .bind(tenant)
        .bind(fingerprint_key)
        .bind(to_i32(first_data_key.root_key_version))
        .bind(first_data_key.created_at)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if inserted == 1 {
            sqlx::query(
                "INSERT INTO data_keys (tenant, version, state, wrapped_key, root_key_version, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(tenant)
            .bind(to_i32(first_data_key.version))
            .bind(&first_data_key.state)
            .bind(&first_data_key.wrapped_key)
            .bind(to_i32(first_data_key.root_key_version))
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
        // ON CONFLICT DO UPDATE (not DO NOTHING) so that RETURNING yields the existing
        // row's token id even when a concurrent transaction committed it after our
        // snapshot was taken.
        let rows: Vec<(String, Option<Vec<u8>>)> = sqlx::query_as(
            "INSERT INTO vault_entries \
               (tenant, token_id, entity_type, key_version, sealed_value, fingerprint, ctx, created_at, expires_at) \
             SELECT $1, * FROM UNNEST($2::text[], $3::text[], $4::int4[], $5::bytea[], $6::bytea[], \
                                      $7::text[], $8::int8[], $9::int8[]) \
             ON CONFLICT (tenant, fingerprint) DO UPDATE SET fingerprint = EXCLUDED.fingerprint \
             RETURNING token_id, fingerprint",
        )
        .bind(tenant)
        .bind(entries.iter().map(|e| e.token_id.as_str()).collect::<Vec<_>>())
        .bind(entries.iter().map(|e| e.entity_type.as_str()).collect::<Vec<_>>())
        .bind(entries.iter().map(|e| to_i32(e.key_version)).collect::<Vec<_>>())
        .bind(entries.iter().map(|e| e.sealed_value.as_slice()).collect::<Vec<_>>())
        .bind(entries.iter().map(|e| e.fingerprint.as_deref()).collect::<Vec<_>>())
        .bind(entries.iter().map(|e| e.ctx.as_deref()).collect::<Vec<_>>())
        .bind(entries.iter().map(|e| e.created_at).collect::<Vec<_>>())
        .bind(entries.iter().map(|e| e.expires_at).collect::<Vec<_>>())
        .fetch_all(&self.pool)
        .await?;
        let by_fingerprint: HashMap<Vec<u8>, String> = rows
            .into_iter()
            .filter_map(|(id, fp)| fp.map(|fp| (fp, id)))
            .collect();
        entries
            .iter()
            .map(|entry| match &entry.fingerprint {
                None => Ok(entry.token_id.clone()),
                Some(fp) => by_fingerprint.get(fp).cloned().ok_or(StoreError::Conflict),
            })
            .collect()
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
        let rows =
            sqlx::query_as::<_, (String, String, i32, Vec<u8>, Option<String>, Option<i64>)>(
                "SELECT token_id, entity_type, key_version, sealed_value, ctx, expires_at \
             FROM vault_entries WHERE tenant = $1 AND token_id = ANY($2)",
            )
            .bind(tenant)
            .bind(token_ids)
            .fetch_all(&self.pool)
            .await?;
        Ok(rows
            .into_iter()
            .map(
                |(token_id, entity_type, key_version, sealed_value, ctx, expires_at)| EntryRow {
                    token_id,
                    entity_type,
                    key_version: i64::from(key_version),
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
            sqlx::query_as("SELECT version FROM tenant_policies WHERE tenant = $1")
                .bind(tenant)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map(|(version,)| version))
    }

    #[tracing::instrument(skip_all)]
    async fn policy(&self, tenant: &str) -> Result<Option<PolicyRow>, StoreError> {
        let row: Option<(i64, String)> =
            sqlx::query_as("SELECT version, document FROM tenant_policies WHERE tenant = $1")
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
             VALUES ($1, 1, $2, $3, $4) \
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

/// Versions are small positive numbers; the schema stores them as INTEGER.
fn to_i32(value: i64) -> i32 {
    i32::try_from(value).unwrap_or(i32::MAX)
}
