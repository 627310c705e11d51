//! The Postgres store: production. One statement per tokenize call (`UNNEST` of arrays),
//! determinism from `INSERT … ON CONFLICT` on the fingerprint index.

use std::collections::HashMap;
use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::ConnectOptions;

use crate::audit::{AuditRecord, Checkpoint, StoredEvent};

use super::audit_rows::{stored_event, AuditTuple, AUDIT_COLUMNS};

use super::{
    AuditFilter, AuditLink, CallerBlockRow, DataKeyRow, DestroyOutcome, EntryRow, HoneyTokenRow,
    JobProgress, JobRow, NewEntryRow, PendingActionRow, PolicyRow, ResealRow, RewrappedKeyRow,
    StoreError, TenantKeysRow, TenantStateRow, VaultStore,
};

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
        let tenant_row: Option<(Vec<u8>, i32, i64)> = sqlx::query_as(
            "SELECT fingerprint_key, root_key_version, key_epoch FROM tenants WHERE tenant = $1",
        )
        .bind(tenant)
        .fetch_optional(&self.pool)
        .await?;
        let Some((fingerprint_key, fingerprint_root_version, key_epoch)) = tenant_row else {
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
            key_epoch,
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
        event: &AuditRecord,
        expected: &TenantStateRow,
    ) -> Result<Option<Vec<String>>, StoreError> {
        // ON CONFLICT DO UPDATE (not DO NOTHING) so that RETURNING yields the existing
        // row's token id even when a concurrent transaction committed it after our
        // snapshot was taken. An existing token whose time to live is over is replaced by
        // the new one (its old id stays unknown); a live one gets the new expiry.
        // The audit event goes in the same statement: one round trip, one commit, and no
        // tokens without their event. The state check takes a share lock on the tenant
        // row, so a concurrent key change waits for this insert, or this insert sees it.
        let rows: Vec<(bool, Option<String>, Option<Vec<u8>>)> = sqlx::query_as(
            "WITH state AS ( \
               SELECT COALESCE((SELECT key_epoch = $16 FROM tenants WHERE tenant = $1 FOR SHARE), false) \
                  AND (SELECT version FROM tenant_policies WHERE tenant = $1) IS NOT DISTINCT FROM $17::int8 \
                  AS fresh), \
             event AS ( \
               INSERT INTO audit_events (tenant, at, sub, action, outcome, request_id, details) \
               SELECT $1, $10, $11, $12, $13, $14, $15 FROM state WHERE fresh), \
             stored AS ( \
             INSERT INTO vault_entries \
               (tenant, token_id, entity_type, key_version, sealed_value, fingerprint, ctx, created_at, expires_at) \
             SELECT $1, u.* FROM UNNEST($2::text[], $3::text[], $4::int4[], $5::bytea[], $6::bytea[], \
                                      $7::text[], $8::int8[], $9::int8[]) AS u \
             WHERE (SELECT fresh FROM state) \
             ON CONFLICT (tenant, fingerprint) DO UPDATE SET \
               token_id = CASE WHEN vault_entries.expires_at <= EXCLUDED.created_at THEN EXCLUDED.token_id ELSE vault_entries.token_id END, \
               entity_type = CASE WHEN vault_entries.expires_at <= EXCLUDED.created_at THEN EXCLUDED.entity_type ELSE vault_entries.entity_type END, \
               key_version = CASE WHEN vault_entries.expires_at <= EXCLUDED.created_at THEN EXCLUDED.key_version ELSE vault_entries.key_version END, \
               sealed_value = CASE WHEN vault_entries.expires_at <= EXCLUDED.created_at THEN EXCLUDED.sealed_value ELSE vault_entries.sealed_value END, \
               created_at = CASE WHEN vault_entries.expires_at <= EXCLUDED.created_at THEN EXCLUDED.created_at ELSE vault_entries.created_at END, \
               expires_at = EXCLUDED.expires_at \
             RETURNING token_id, fingerprint) \
             SELECT (SELECT fresh FROM state), s.token_id, s.fingerprint FROM (SELECT 1) AS one \
             LEFT JOIN stored AS s ON true",
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
        .bind(event.at)
        .bind(&event.sub)
        .bind(&event.action)
        .bind(&event.outcome)
        .bind(&event.request_id)
        .bind(&event.details)
        .bind(expected.key_epoch)
        .bind(expected.policy_version)
        .fetch_all(&self.pool)
        .await?;
        if !rows.first().is_some_and(|(fresh, _, _)| *fresh) {
            return Ok(None);
        }
        let by_fingerprint: HashMap<Vec<u8>, String> = rows
            .into_iter()
            .filter_map(|(_, id, fp)| id.zip(fp).map(|(id, fp)| (fp, id)))
            .collect();
        entries
            .iter()
            .map(|entry| match &entry.fingerprint {
                None => Ok(entry.token_id.clone()),
                Some(fp) => by_fingerprint.get(fp).cloned().ok_or(StoreError::Conflict),
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Some)
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
        let rows = sqlx::query_as::<_, EntryTuple>(
            "SELECT token_id, entity_type, key_version, sealed_value, ctx, expires_at, false \
             FROM vault_entries WHERE tenant = $1 AND token_id = ANY($2) \
             UNION ALL SELECT token_id, entity_type, 0, ''::bytea, NULL::text, NULL::int8, true \
             FROM honey_tokens WHERE tenant = $1 AND token_id = ANY($2)",
        )
        .bind(tenant)
        .bind(token_ids)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(entry_row).collect())
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
    #[tracing::instrument(skip_all)]
    async fn tenant_state(&self, tenant: &str) -> Result<TenantStateRow, StoreError> {
        let (policy_version, key_epoch, root_version): (Option<i64>, Option<i64>, Option<i64>) =
            sqlx::query_as(
                "SELECT (SELECT version FROM tenant_policies WHERE tenant = $1), \
                        (SELECT key_epoch FROM tenants WHERE tenant = $1), \
                        (SELECT version::int8 FROM root_state WHERE id = 1)",
            )
            .bind(tenant)
            .fetch_one(&self.pool)
            .await?;
        Ok(TenantStateRow {
            policy_version,
            key_epoch,
            root_version,
        })
    }

    #[tracing::instrument(skip_all)]
    async fn add_data_key(
        &self,
        tenant: &str,
        key: &DataKeyRow,
        fingerprint_key: Option<&[u8]>,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        // The epoch bump comes first: it locks the tenant row, so rotations serialize.
        let locked = sqlx::query(
            "UPDATE tenants SET key_epoch = key_epoch + 1, \
               fingerprint_key = COALESCE($2, fingerprint_key), \
               root_key_version = CASE WHEN $2 IS NULL THEN root_key_version ELSE $3 END, \
               shredded_at = CASE WHEN $2 IS NULL THEN shredded_at ELSE NULL END \
             WHERE tenant = $1",
        )
        .bind(tenant)
        .bind(fingerprint_key)
        .bind(to_i32(key.root_key_version))
        .execute(&mut *tx)
        .await?
        .rows_affected();
        let (highest,): (i64,) = sqlx::query_as(
            "SELECT COALESCE(MAX(version), 0)::int8 FROM data_keys WHERE tenant = $1",
        )
        .bind(tenant)
        .fetch_one(&mut *tx)
        .await?;
        if locked != 1 || highest != key.version - 1 {
            return Err(StoreError::Conflict);
        }
        sqlx::query(
            "UPDATE data_keys SET state = 'decrypt_only' WHERE tenant = $1 AND state = 'active'",
        )
        .bind(tenant)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO data_keys (tenant, version, state, wrapped_key, root_key_version, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(tenant)
        .bind(to_i32(key.version))
        .bind(&key.state)
        .bind(&key.wrapped_key)
        .bind(to_i32(key.root_key_version))
        .bind(key.created_at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    #[tracing::instrument(skip_all)]
    async fn key_usage(&self, tenant: &str) -> Result<Vec<(i64, i64)>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT key_version::int8, COUNT(*)::int8 FROM vault_entries WHERE tenant = $1 GROUP BY key_version",
        )
        .bind(tenant)
        .fetch_all(&self.pool)
        .await?)
    }

    #[tracing::instrument(skip_all)]
    async fn destroy_data_key(
        &self,
        tenant: &str,
        version: i64,
    ) -> Result<DestroyOutcome, StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("UPDATE tenants SET key_epoch = key_epoch + 1 WHERE tenant = $1")
            .bind(tenant)
            .execute(&mut *tx)
            .await?;
        let state: Option<(String,)> =
            sqlx::query_as("SELECT state FROM data_keys WHERE tenant = $1 AND version = $2")
                .bind(tenant)
                .bind(to_i32(version))
                .fetch_optional(&mut *tx)
                .await?;
        let outcome = match state.as_ref().map(|(s,)| s.as_str()) {
            None => DestroyOutcome::NotFound,
            Some("active") => DestroyOutcome::Active,
            Some(_) => {
                let (in_use,): (i64,) = sqlx::query_as(
                    "SELECT COUNT(*)::int8 FROM vault_entries WHERE tenant = $1 AND key_version = $2",
                )
                .bind(tenant)
                .bind(to_i32(version))
                .fetch_one(&mut *tx)
                .await?;
                if in_use > 0 {
                    DestroyOutcome::InUse(in_use)
                } else {
                    sqlx::query(
                        "UPDATE data_keys SET state = 'destroyed', wrapped_key = NULL \
                         WHERE tenant = $1 AND version = $2",
                    )
                    .bind(tenant)
                    .bind(to_i32(version))
                    .execute(&mut *tx)
                    .await?;
                    DestroyOutcome::Destroyed
                }
            }
        };
        if outcome == DestroyOutcome::Destroyed {
            tx.commit().await?;
        }
        Ok(outcome)
    }

    #[tracing::instrument(skip_all)]
    async fn shred_tenant(&self, tenant: &str, now: i64) -> Result<bool, StoreError> {
        let mut tx = self.pool.begin().await?;
        let existed = sqlx::query(
            "UPDATE tenants SET key_epoch = key_epoch + 1, fingerprint_key = ''::bytea, shredded_at = $2 \
             WHERE tenant = $1",
        )
        .bind(tenant)
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        sqlx::query(
            "UPDATE data_keys SET state = 'destroyed', wrapped_key = NULL WHERE tenant = $1",
        )
        .bind(tenant)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(existed)
    }

    #[tracing::instrument(skip_all)]
    async fn all_wrapped_keys(&self) -> Result<Vec<RewrappedKeyRow>, StoreError> {
        let rows: Vec<(String, Option<i64>, Vec<u8>, i64)> = sqlx::query_as(
            "SELECT tenant, version::int8, wrapped_key, root_key_version::int8 FROM data_keys \
               WHERE wrapped_key IS NOT NULL \
             UNION ALL \
             SELECT tenant, NULL::int8, fingerprint_key, root_key_version::int8 FROM tenants \
               WHERE length(fingerprint_key) > 0",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(
                |(tenant, version, wrapped_key, root_key_version)| RewrappedKeyRow {
                    tenant,
                    version,
                    wrapped_key,
                    root_key_version,
                },
            )
            .collect())
    }

    #[tracing::instrument(skip_all, fields(keys = rewrapped.len()))]
    async fn rewrap_keys(&self, rewrapped: &[RewrappedKeyRow]) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        // Locks every tenant row first, so no tenant can be created or rotated meanwhile.
        sqlx::query("UPDATE tenants SET key_epoch = key_epoch + 1")
            .execute(&mut *tx)
            .await?;
        for row in rewrapped {
            let query = match row.version {
                Some(version) => sqlx::query(
                    "UPDATE data_keys SET wrapped_key = $3, root_key_version = $4 \
                     WHERE tenant = $1 AND version = $2 AND wrapped_key IS NOT NULL",
                )
                .bind(&row.tenant)
                .bind(to_i32(version)),
                None => sqlx::query(
                    "UPDATE tenants SET fingerprint_key = $3, root_key_version = $4 \
                     WHERE tenant = $1 AND $2::int4 IS NULL AND length(fingerprint_key) > 0",
                )
                .bind(&row.tenant)
                .bind(Option::<i32>::None),
            };
            query
                .bind(&row.wrapped_key)
                .bind(to_i32(row.root_key_version))
                .execute(&mut *tx)
                .await?;
        }
        let new_root = rewrapped.first().map_or(0, |r| r.root_key_version);
        let (left,): (i64,) = sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM data_keys WHERE wrapped_key IS NOT NULL AND root_key_version <> $1) \
                  + (SELECT COUNT(*) FROM tenants WHERE length(fingerprint_key) > 0 AND root_key_version <> $1)",
        )
        .bind(to_i32(new_root))
        .fetch_one(&mut *tx)
        .await?;
        if left > 0 {
            return Err(StoreError::Conflict);
        }
        sqlx::query(
            "INSERT INTO root_state (id, version) VALUES (1, $1) \
             ON CONFLICT (id) DO UPDATE SET version = excluded.version",
        )
        .bind(to_i32(new_root))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    #[tracing::instrument(skip_all)]
    async fn stale_entries(
        &self,
        tenant: &str,
        active: i64,
        after: &str,
        limit: i64,
    ) -> Result<Vec<EntryRow>, StoreError> {
        let rows = sqlx::query_as::<_, EntryTuple>(
            "SELECT token_id, entity_type, key_version, sealed_value, ctx, expires_at, false \
             FROM vault_entries WHERE tenant = $1 AND key_version <> $2 AND token_id > $3 \
             ORDER BY token_id LIMIT $4",
        )
        .bind(tenant)
        .bind(to_i32(active))
        .bind(after)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(entry_row).collect())
    }

    #[tracing::instrument(skip_all, fields(rows = rows.len()))]
    async fn reseal_entries(
        &self,
        tenant: &str,
        rows: &[ResealRow],
        job: &JobProgress,
    ) -> Result<u64, StoreError> {
        let mut tx = self.pool.begin().await?;
        let changed = sqlx::query(
            "UPDATE vault_entries AS v SET sealed_value = u.sealed_value, key_version = u.new_version \
             FROM UNNEST($2::text[], $3::int4[], $4::int4[], $5::bytea[]) \
                  AS u(token_id, old_version, new_version, sealed_value) \
             WHERE v.tenant = $1 AND v.token_id = u.token_id AND v.key_version = u.old_version",
        )
        .bind(tenant)
        .bind(rows.iter().map(|r| r.token_id.as_str()).collect::<Vec<_>>())
        .bind(rows.iter().map(|r| to_i32(r.old_version)).collect::<Vec<_>>())
        .bind(rows.iter().map(|r| to_i32(r.new_version)).collect::<Vec<_>>())
        .bind(rows.iter().map(|r| r.sealed_value.as_slice()).collect::<Vec<_>>())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        sqlx::query(
            "UPDATE key_jobs SET processed = processed + $2, cursor_token = $3, updated_at = $4 WHERE id = $1",
        )
        .bind(&job.id)
        .bind(job.processed)
        .bind(&job.cursor_token)
        .bind(job.now)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(changed)
    }

    #[tracing::instrument(skip_all)]
    async fn create_job(&self, job: &JobRow) -> Result<JobRow, StoreError> {
        let mut tx = self.pool.begin().await?;
        let running: Option<JobTuple> = sqlx::query_as(JOB_SELECT_RUNNING)
            .bind(&job.tenant)
            .bind(&job.kind)
            .fetch_optional(&mut *tx)
            .await?;
        if let Some(running) = running {
            return Ok(job_row(running));
        }
        sqlx::query(
            "INSERT INTO key_jobs (id, tenant, kind, target_version, state, processed, cursor_token, \
               lease_until, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(&job.id)
        .bind(&job.tenant)
        .bind(&job.kind)
        .bind(to_i32(job.target_version))
        .bind(&job.state)
        .bind(job.processed)
        .bind(&job.cursor_token)
        .bind(job.lease_until)
        .bind(job.created_at)
        .bind(job.updated_at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(job.clone())
    }

    async fn job(&self, tenant: &str, id: &str) -> Result<Option<JobRow>, StoreError> {
        let row: Option<JobTuple> =
            sqlx::query_as(&format!("{JOB_COLUMNS} WHERE tenant = $1 AND id = $2"))
                .bind(tenant)
                .bind(id)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map(job_row))
    }

    async fn claimable_jobs(&self, now: i64) -> Result<Vec<JobRow>, StoreError> {
        let rows: Vec<JobTuple> = sqlx::query_as(&format!(
            "{JOB_COLUMNS} WHERE state = 'running' AND lease_until < $1"
        ))
        .bind(now)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(job_row).collect())
    }

    async fn claim_job(&self, id: &str, expected: i64, until: i64) -> Result<bool, StoreError> {
        let claimed =
            sqlx::query("UPDATE key_jobs SET lease_until = $3 WHERE id = $1 AND lease_until = $2")
                .bind(id)
                .bind(expected)
                .bind(until)
                .execute(&self.pool)
                .await?
                .rows_affected();
        Ok(claimed == 1)
    }

    async fn finish_job(&self, id: &str, state: &str, now: i64) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE key_jobs SET state = $2, updated_at = $3, lease_until = 0 WHERE id = $1",
        )
        .bind(id)
        .bind(state)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn create_pending_action(&self, action: &PendingActionRow) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO pending_actions (id, tenant, action, argument, requested_by, requested_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&action.id)
        .bind(&action.tenant)
        .bind(&action.action)
        .bind(action.argument)
        .bind(&action.requested_by)
        .bind(action.requested_at)
        .bind(action.expires_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn pending_action(
        &self,
        tenant: &str,
        id: &str,
    ) -> Result<Option<PendingActionRow>, StoreError> {
        let row: Option<(String, String, String, Option<i64>, String, i64, i64, Option<String>)> = sqlx::query_as(
            "SELECT id, tenant, action, argument, requested_by, requested_at, expires_at, confirmed_by \
             FROM pending_actions WHERE tenant = $1 AND id = $2",
        )
        .bind(tenant)
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(
            |(
                id,
                tenant,
                action,
                argument,
                requested_by,
                requested_at,
                expires_at,
                confirmed_by,
            )| {
                PendingActionRow {
                    id,
                    tenant,
                    action,
                    argument,
                    requested_by,
                    requested_at,
                    expires_at,
                    confirmed_by,
                }
            },
        ))
    }

    async fn confirm_pending_action(
        &self,
        tenant: &str,
        id: &str,
        sub: &str,
        now: i64,
    ) -> Result<bool, StoreError> {
        let confirmed = sqlx::query(
            "UPDATE pending_actions SET confirmed_by = $3, confirmed_at = $4 \
             WHERE tenant = $1 AND id = $2 AND confirmed_by IS NULL AND expires_at > $4 AND requested_by <> $3",
        )
        .bind(tenant)
        .bind(id)
        .bind(sub)
        .bind(now)
        .execute(&self.pool)
        .await?
        .rows_affected();
        Ok(confirmed == 1)
    }

    async fn append_audits(&self, events: &[AuditRecord]) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO audit_events (tenant, at, sub, action, outcome, request_id, details) \
             SELECT * FROM UNNEST($1::text[], $2::int8[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])",
        )
        .bind(events.iter().map(|e| e.tenant.as_str()).collect::<Vec<_>>())
        .bind(events.iter().map(|e| e.at).collect::<Vec<_>>())
        .bind(events.iter().map(|e| e.sub.as_str()).collect::<Vec<_>>())
        .bind(events.iter().map(|e| e.action.as_str()).collect::<Vec<_>>())
        .bind(events.iter().map(|e| e.outcome.as_str()).collect::<Vec<_>>())
        .bind(events.iter().map(|e| e.request_id.as_str()).collect::<Vec<_>>())
        .bind(events.iter().map(|e| e.details.as_str()).collect::<Vec<_>>())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn tenants_with_unlinked_audit(&self) -> Result<Vec<String>, StoreError> {
        let rows: Vec<(String,)> =
            sqlx::query_as("SELECT DISTINCT tenant FROM audit_events WHERE chain_index IS NULL")
                .fetch_all(&self.pool)
                .await?;
        Ok(rows.into_iter().map(|(t,)| t).collect())
    }

    async fn audit_chain_head(&self, tenant: &str) -> Result<Option<(i64, Vec<u8>)>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT chain_index, hash FROM audit_events \
             WHERE tenant = $1 AND chain_index IS NOT NULL ORDER BY chain_index DESC LIMIT 1",
        )
        .bind(tenant)
        .fetch_optional(&self.pool)
        .await?)
    }

    async fn unlinked_audit(
        &self,
        tenant: &str,
        limit: i64,
    ) -> Result<Vec<StoredEvent>, StoreError> {
        let rows: Vec<AuditTuple> = sqlx::query_as(&format!(
            "{AUDIT_COLUMNS} WHERE tenant = $1 AND chain_index IS NULL ORDER BY seq LIMIT $2"
        ))
        .bind(tenant)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(stored_event).collect())
    }

    async fn link_audit(&self, tenant: &str, links: &[AuditLink]) -> Result<(), StoreError> {
        let linked = sqlx::query(
            "UPDATE audit_events AS a SET chain_index = l.chain_index, prev_hash = l.prev_hash, hash = l.hash \
             FROM UNNEST($2::int8[], $3::int8[], $4::bytea[], $5::bytea[]) AS l(seq, chain_index, prev_hash, hash) \
             WHERE a.tenant = $1 AND a.seq = l.seq AND a.chain_index IS NULL",
        )
        .bind(tenant)
        .bind(links.iter().map(|l| l.seq).collect::<Vec<_>>())
        .bind(links.iter().map(|l| l.chain_index).collect::<Vec<_>>())
        .bind(links.iter().map(|l| l.prev_hash.as_slice()).collect::<Vec<_>>())
        .bind(links.iter().map(|l| l.hash.as_slice()).collect::<Vec<_>>())
        .execute(&self.pool)
        .await
        .map_err(|_| StoreError::Conflict)?
        .rows_affected();
        if linked != links.len() as u64 {
            return Err(StoreError::Conflict);
        }
        Ok(())
    }

    async fn audit_events(
        &self,
        tenant: &str,
        filter: &AuditFilter,
    ) -> Result<Vec<StoredEvent>, StoreError> {
        let rows: Vec<AuditTuple> = sqlx::query_as(&format!(
            "{AUDIT_COLUMNS} WHERE tenant = $1 \
               AND ($2::int8 IS NULL OR at >= $2) AND ($3::int8 IS NULL OR at < $3) \
               AND ($4::text IS NULL OR sub = $4) AND ($5::text IS NULL OR action = $5) \
               AND ($6::text IS NULL OR strpos(details, $6) > 0) AND ($7::int8 IS NULL OR seq > $7) \
             ORDER BY seq LIMIT $8"
        ))
        .bind(tenant)
        .bind(filter.since)
        .bind(filter.until)
        .bind(&filter.sub)
        .bind(&filter.action)
        .bind(filter.token_id.as_ref().map(|id| format!("\"{id}\"")))
        .bind(filter.after_seq)
        .bind(filter.limit)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(stored_event).collect())
    }

    async fn add_checkpoint(
        &self,
        tenant: &str,
        checkpoint: &Checkpoint,
        at: i64,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO audit_checkpoints (tenant, chain_index, hash, mac, at) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT DO NOTHING",
        )
        .bind(tenant)
        .bind(checkpoint.chain_index)
        .bind(&checkpoint.hash)
        .bind(&checkpoint.mac)
        .bind(at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn add_rate_count(
        &self,
        key: &str,
        window_start: i64,
        delta: i64,
    ) -> Result<i64, StoreError> {
        let (count,): (i64,) = sqlx::query_as(
            "INSERT INTO rate_counters (key, window_start, count) VALUES ($1, $2, $3) \
             ON CONFLICT (key, window_start) DO UPDATE SET count = rate_counters.count + excluded.count \
             RETURNING count",
        )
        .bind(key)
        .bind(window_start)
        .bind(delta)
        .fetch_one(&self.pool)
        .await?;
        Ok(count)
    }

    async fn drop_rate_counts(&self, before: i64) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM rate_counters WHERE window_start < $1")
            .bind(before)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn add_honey_token(&self, tenant: &str, row: &HoneyTokenRow) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO honey_tokens (tenant, token_id, entity_type, created_at, created_by) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(tenant)
        .bind(&row.token_id)
        .bind(&row.entity_type)
        .bind(row.created_at)
        .bind(&row.created_by)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn honey_tokens(&self, tenant: &str) -> Result<Vec<HoneyTokenRow>, StoreError> {
        let rows: Vec<(String, String, i64, String)> = sqlx::query_as(
            "SELECT token_id, entity_type, created_at, created_by FROM honey_tokens \
             WHERE tenant = $1 ORDER BY created_at, token_id",
        )
        .bind(tenant)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(
                |(token_id, entity_type, created_at, created_by)| HoneyTokenRow {
                    token_id,
                    entity_type,
                    created_at,
                    created_by,
                },
            )
            .collect())
    }

    async fn block_caller(&self, row: &CallerBlockRow) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO caller_blocks (tenant, sub, until_at, reason) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (tenant, sub) DO UPDATE SET \
               until_at = GREATEST(caller_blocks.until_at, excluded.until_at), reason = excluded.reason",
        )
        .bind(&row.tenant)
        .bind(&row.sub)
        .bind(row.until_at)
        .bind(&row.reason)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn unblock_caller(&self, tenant: &str, sub: &str) -> Result<bool, StoreError> {
        let done = sqlx::query("DELETE FROM caller_blocks WHERE tenant = $1 AND sub = $2")
            .bind(tenant)
            .bind(sub)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() > 0)
    }

    async fn active_blocks(&self, now: i64) -> Result<Vec<CallerBlockRow>, StoreError> {
        sqlx::query("DELETE FROM caller_blocks WHERE until_at <= $1")
            .bind(now)
            .execute(&self.pool)
            .await?;
        let rows: Vec<(String, String, i64, String)> = sqlx::query_as(
            "SELECT tenant, sub, until_at, reason FROM caller_blocks WHERE until_at > $1",
        )
        .bind(now)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(tenant, sub, until_at, reason)| CallerBlockRow {
                tenant,
                sub,
                until_at,
                reason,
            })
            .collect())
    }

    async fn key_version_counts(&self) -> Result<Vec<(String, i64)>, StoreError> {
        Ok(
            sqlx::query_as("SELECT state, COUNT(*) FROM data_keys GROUP BY state ORDER BY state")
                .fetch_all(&self.pool)
                .await?,
        )
    }

    async fn audit_tenants(&self) -> Result<Vec<String>, StoreError> {
        let rows: Vec<(String,)> =
            sqlx::query_as("SELECT DISTINCT tenant FROM audit_events ORDER BY tenant")
                .fetch_all(&self.pool)
                .await?;
        Ok(rows.into_iter().map(|(t,)| t).collect())
    }

    async fn checkpoints(&self, tenant: &str) -> Result<Vec<Checkpoint>, StoreError> {
        let rows: Vec<(i64, Vec<u8>, Vec<u8>)> = sqlx::query_as(
            "SELECT chain_index, hash, mac FROM audit_checkpoints WHERE tenant = $1 ORDER BY chain_index",
        )
        .bind(tenant)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(chain_index, hash, mac)| Checkpoint {
                chain_index,
                hash,
                mac,
            })
            .collect())
    }

    #[tracing::instrument(skip_all)]
    async fn purge_expired(&self, now: i64, limit: i64) -> Result<u64, StoreError> {
        Ok(sqlx::query(
            "DELETE FROM vault_entries WHERE (tenant, token_id) IN \
               (SELECT tenant, token_id FROM vault_entries WHERE expires_at < $1 LIMIT $2)",
        )
        .bind(now)
        .bind(limit)
        .execute(&self.pool)
        .await?
        .rows_affected())
    }
}

type JobTuple = (
    String,
    String,
    String,
    i32,
    String,
    i64,
    String,
    i64,
    i64,
    i64,
);

const JOB_COLUMNS: &str =
    "SELECT id, tenant, kind, target_version, state, processed, cursor_token, \
    lease_until, created_at, updated_at FROM key_jobs";
const JOB_SELECT_RUNNING: &str = "SELECT id, tenant, kind, target_version, state, processed, cursor_token, \
    lease_until, created_at, updated_at FROM key_jobs WHERE tenant = $1 AND kind = $2 AND state = 'running'";

fn job_row(t: JobTuple) -> JobRow {
    JobRow {
        id: t.0,
        tenant: t.1,
        kind: t.2,
        target_version: i64::from(t.3),
        state: t.4,
        processed: t.5,
        cursor_token: t.6,
        lease_until: t.7,
        created_at: t.8,
        updated_at: t.9,
    }
}

type EntryTuple = (
    String,
    String,
    i32,
    Vec<u8>,
    Option<String>,
    Option<i64>,
    bool,
);

fn entry_row(t: EntryTuple) -> EntryRow {
    let (token_id, entity_type, key_version, sealed_value, ctx, expires_at, honey) = t;
    EntryRow {
        token_id,
        entity_type,
        key_version: i64::from(key_version),
        sealed_value,
        ctx,
        expires_at,
        honey,
    }
}

/// Versions are small positive numbers; the schema stores them as INTEGER.
fn to_i32(value: i64) -> i32 {
    i32::try_from(value).unwrap_or(i32::MAX)
}
