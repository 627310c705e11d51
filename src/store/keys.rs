//! Keys: a tenant's wrapped fingerprint and data keys, their rotation, destruction and
//! rewrapping, and the destructive actions that wait for a second admin. Both backends run
//! the same SQL here ([`impl_key_store`]).

use super::{
    DataKeyRow, DestroyOutcome, PendingActionRow, RewrappedKeyRow, StoreError, TenantKeysRow,
    TenantStateRow,
};

/// Persistence of a tenant's keys and key lifecycle.
#[async_trait::async_trait]
pub trait KeyStore: Send + Sync {
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

    /// Crypto-shredding: erases every wrapped key of the tenant, deletes its sealed
    /// records and empties its policy (whose dictionaries may name what the tenant
    /// protects; the version moves on), in one transaction. Honey tokens (ids only) and the audit log stay. Returns whether
    /// the tenant existed.
    async fn shred_tenant(&self, tenant: &str, now: i64) -> Result<bool, StoreError>;

    /// Rewraps every data key and fingerprint key under root version `root_version`
    /// (root rotation), in one transaction; bumps every tenant's key epoch. No record is
    /// touched. [`StoreError::Conflict`] when a key wrapped by another version remains
    /// (one created meanwhile).
    async fn rewrap_keys(
        &self,
        root_version: i64,
        rewrapped: &[RewrappedKeyRow],
    ) -> Result<(), StoreError>;

    /// How many shreds happened, and through which of them a root rotation that keeps no
    /// copy of the old version was completed; a shred is owed its rotation while the
    /// first is larger.
    async fn shreds_settled(&self) -> Result<(i64, i64), StoreError>;

    /// Records that the root versions every shred through `through` wrapped keys with
    /// are gone.
    async fn settle_shreds(&self, through: i64) -> Result<(), StoreError>;

    /// Every wrapped key, for root rotation.
    async fn all_wrapped_keys(&self) -> Result<Vec<RewrappedKeyRow>, StoreError>;

    /// Takes the root rotation lease for `holder` until `until` if nobody holds it past
    /// `now`; whether it was taken.
    async fn acquire_root_rotation_lease(
        &self,
        holder: &str,
        now: i64,
        until: i64,
    ) -> Result<bool, StoreError>;

    /// Gives the lease back, if `holder` still holds it.
    async fn release_root_rotation_lease(&self, holder: &str) -> Result<(), StoreError>;

    /// The newest root key version any stored key is wrapped by; `None` when the
    /// database holds no wrapped key (a new database).
    async fn newest_wrapping_root_version(&self) -> Result<Option<i64>, StoreError>;

    /// Adds seal counts (tenant, key version, seals) to the data keys, in one transaction;
    /// returns each key's new total.
    async fn add_seals(
        &self,
        counts: &[(String, i64, i64)],
    ) -> Result<Vec<(String, i64, i64)>, StoreError>;

    /// Data-key versions of all tenants, counted by state (not the audit key's owner,
    /// whose name starts with `#`, which no tenant id can).
    async fn key_version_counts(&self) -> Result<Vec<(String, i64)>, StoreError>;

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
}

/// Implements [`KeyStore`] for a backend whose struct holds its sqlx pool in `pool`.
///
/// The statements are written once in SQL both dialects accept: `$n` placeholders
/// (SQLite reads them by number), and `CAST(… AS BIGINT)` where Postgres stores a version
/// as INTEGER. Transactions begin with the backend's `BEGIN_WRITE`: on Postgres the first
/// write's row locks serialize concurrent changes; SQLite takes its write lock up front.
macro_rules! impl_key_store {
    ($store:ty, $db:ty) => {
        impl $store {
            /// Inserts one data key version inside `tx`.
            async fn insert_data_key(
                tx: &mut sqlx::Transaction<'_, $db>,
                tenant: &str,
                key: &$crate::store::DataKeyRow,
            ) -> Result<(), $crate::store::StoreError> {
                sqlx::query(
                    "INSERT INTO data_keys \
                       (tenant, version, state, wrapped_key, root_key_version, created_at) \
                     VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(tenant)
                .bind(key.version)
                .bind(&key.state)
                .bind(&key.wrapped_key)
                .bind(key.root_key_version)
                .bind(key.created_at)
                .execute(&mut **tx)
                .await?;
                Ok(())
            }

            /// Refuses a key wrapped by a root version older than the one the stored keys
            /// moved to: a root rotation committed after the caller loaded its root key,
            /// and the key would be wrapped by a version about to leave the key file.
            /// Postgres locks the row for share, so a rotation (which updates it first)
            /// either committed before and is seen, or waits for this transaction and
            /// then finds the new key in its own check.
            async fn refuse_stale_root(
                tx: &mut sqlx::Transaction<'_, $db>,
                wrapped_by: i64,
            ) -> Result<(), $crate::store::StoreError> {
                let current: Option<(i64,)> = sqlx::query_as(Self::CURRENT_ROOT_FOR_WRAPPING)
                    .fetch_optional(&mut **tx)
                    .await?;
                match current {
                    Some((version,)) if version > wrapped_by => {
                        Err($crate::store::StoreError::RootMoved(version))
                    }
                    _ => Ok(()),
                }
            }
        }

        #[async_trait::async_trait]
        impl $crate::store::KeyStore for $store {
            #[tracing::instrument(skip_all)]
            async fn tenant_keys(
                &self,
                tenant: &str,
            ) -> Result<Option<$crate::store::TenantKeysRow>, $crate::store::StoreError> {
                let tenant_row: Option<(Vec<u8>, i64, i64)> = sqlx::query_as(
                    "SELECT fingerprint_key, CAST(root_key_version AS BIGINT), key_epoch \
                     FROM tenants WHERE tenant = $1",
                )
                .bind(tenant)
                .fetch_optional(&self.pool)
                .await?;
                let Some((fingerprint_key, fingerprint_root_version, key_epoch)) = tenant_row
                else {
                    return Ok(None);
                };
                let data_keys: Vec<(i64, String, Option<Vec<u8>>, i64, i64)> = sqlx::query_as(
                    "SELECT CAST(version AS BIGINT), state, wrapped_key, \
                       CAST(root_key_version AS BIGINT), created_at \
                     FROM data_keys WHERE tenant = $1 ORDER BY version",
                )
                .bind(tenant)
                .fetch_all(&self.pool)
                .await?;
                Ok(Some($crate::store::TenantKeysRow {
                    fingerprint_key,
                    fingerprint_root_version,
                    key_epoch,
                    data_keys: data_keys
                        .into_iter()
                        .map(|(version, state, wrapped_key, root_key_version, created_at)| {
                            $crate::store::DataKeyRow {
                                version,
                                state,
                                wrapped_key,
                                root_key_version,
                                created_at,
                            }
                        })
                        .collect(),
                }))
            }

            #[tracing::instrument(skip_all)]
            async fn create_tenant(
                &self,
                tenant: &str,
                fingerprint_key: &[u8],
                first_data_key: &$crate::store::DataKeyRow,
            ) -> Result<(), $crate::store::StoreError> {
                let mut tx = self.writes().begin_with(Self::BEGIN_WRITE).await?;
                Self::refuse_stale_root(&mut tx, first_data_key.root_key_version).await?;
                let inserted = sqlx::query(
                    "INSERT INTO tenants (tenant, fingerprint_key, root_key_version, created_at) \
                     VALUES ($1, $2, $3, $4) ON CONFLICT (tenant) DO NOTHING",
                )
                .bind(tenant)
                .bind(fingerprint_key)
                .bind(first_data_key.root_key_version)
                .bind(first_data_key.created_at)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if inserted == 1 {
                    Self::insert_data_key(&mut tx, tenant, first_data_key).await?;
                }
                tx.commit().await?;
                Ok(())
            }

            #[tracing::instrument(skip_all)]
            async fn tenant_state(
                &self,
                tenant: &str,
            ) -> Result<$crate::store::TenantStateRow, $crate::store::StoreError> {
                let (policy_version, key_epoch, root_version): (
                    Option<i64>,
                    Option<i64>,
                    Option<i64>,
                ) = sqlx::query_as(
                    "SELECT (SELECT version FROM tenant_policies WHERE tenant = $1), \
                            (SELECT key_epoch FROM tenants WHERE tenant = $1), \
                            (SELECT CAST(NULLIF(version, 0) AS BIGINT) FROM root_state WHERE id = 1)",
                )
                .bind(tenant)
                .fetch_one(&self.pool)
                .await?;
                Ok($crate::store::TenantStateRow {
                    policy_version,
                    key_epoch,
                    root_version,
                })
            }

            #[tracing::instrument(skip_all)]
            async fn add_data_key(
                &self,
                tenant: &str,
                key: &$crate::store::DataKeyRow,
                fingerprint_key: Option<&[u8]>,
            ) -> Result<(), $crate::store::StoreError> {
                let mut tx = self.writes().begin_with(Self::BEGIN_WRITE).await?;
                // The root state before the tenant row, in the order a root rotation
                // locks them, so the two cannot deadlock.
                Self::refuse_stale_root(&mut tx, key.root_key_version).await?;
                // The epoch bump comes next: on Postgres it locks the tenant row, so
                // rotations serialize (SQLite holds its write lock from BEGIN).
                let locked = sqlx::query(
                    "UPDATE tenants SET key_epoch = key_epoch + 1, \
                       fingerprint_key = COALESCE($2, fingerprint_key), \
                       root_key_version = CASE WHEN $2 IS NULL THEN root_key_version ELSE $3 END, \
                       shredded_at = CASE WHEN $2 IS NULL THEN shredded_at ELSE NULL END \
                     WHERE tenant = $1",
                )
                .bind(tenant)
                .bind(fingerprint_key)
                .bind(key.root_key_version)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                let (highest,): (i64,) = sqlx::query_as(
                    "SELECT CAST(COALESCE(MAX(version), 0) AS BIGINT) FROM data_keys WHERE tenant = $1",
                )
                .bind(tenant)
                .fetch_one(&mut *tx)
                .await?;
                if locked != 1 || highest != key.version - 1 {
                    return Err($crate::store::StoreError::Conflict);
                }
                sqlx::query(
                    "UPDATE data_keys SET state = 'decrypt_only' WHERE tenant = $1 AND state = 'active'",
                )
                .bind(tenant)
                .execute(&mut *tx)
                .await?;
                Self::insert_data_key(&mut tx, tenant, key).await?;
                tx.commit().await?;
                Ok(())
            }

            #[tracing::instrument(skip_all)]
            async fn key_usage(
                &self,
                tenant: &str,
            ) -> Result<Vec<(i64, i64)>, $crate::store::StoreError> {
                Ok(sqlx::query_as(
                    "SELECT CAST(key_version AS BIGINT), COUNT(*) FROM vault_entries \
                     WHERE tenant = $1 GROUP BY key_version",
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
            ) -> Result<$crate::store::DestroyOutcome, $crate::store::StoreError> {
                use $crate::store::DestroyOutcome;
                let mut tx = self.writes().begin_with(Self::BEGIN_WRITE).await?;
                sqlx::query("UPDATE tenants SET key_epoch = key_epoch + 1 WHERE tenant = $1")
                    .bind(tenant)
                    .execute(&mut *tx)
                    .await?;
                let state: Option<(String,)> = sqlx::query_as(
                    "SELECT state FROM data_keys WHERE tenant = $1 AND version = $2",
                )
                .bind(tenant)
                .bind(version)
                .fetch_optional(&mut *tx)
                .await?;
                let outcome = match state.as_ref().map(|(s,)| s.as_str()) {
                    None => DestroyOutcome::NotFound,
                    Some("active") => DestroyOutcome::Active,
                    Some(_) => {
                        let (in_use,): (i64,) = sqlx::query_as(
                            "SELECT COUNT(*) FROM vault_entries WHERE tenant = $1 AND key_version = $2",
                        )
                        .bind(tenant)
                        .bind(version)
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
                            .bind(version)
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
            async fn shred_tenant(
                &self,
                tenant: &str,
                now: i64,
            ) -> Result<bool, $crate::store::StoreError> {
                let mut tx = self.writes().begin_with(Self::BEGIN_WRITE).await?;
                let existed = sqlx::query(
                    "UPDATE tenants SET key_epoch = key_epoch + 1, fingerprint_key = $3, \
                       shredded_at = $2 WHERE tenant = $1",
                )
                .bind(tenant)
                .bind(now)
                .bind(&[] as &[u8])
                .execute(&mut *tx)
                .await?
                .rows_affected()
                    == 1;
                for erase in [
                    "UPDATE data_keys SET state = 'destroyed', wrapped_key = NULL WHERE tenant = $1",
                    "DELETE FROM vault_entries WHERE tenant = $1",
                    // Emptied, not deleted: its version must never start again at 1,
                    // or an instance's cached policy of that version would apply.
                    "UPDATE tenant_policies SET document = '{}', version = version + 1 \
                     WHERE tenant = $1",
                ] {
                    sqlx::query(erase).bind(tenant).execute(&mut *tx).await?;
                }
                if existed {
                    // Owed a root rotation that keeps no copy of the old version; last,
                    // so the row is locked only for the commit.
                    sqlx::query("UPDATE root_retirement SET shreds = shreds + 1 WHERE id = 1")
                        .execute(&mut *tx)
                        .await?;
                }
                tx.commit().await?;
                Ok(existed)
            }

            #[tracing::instrument(skip_all, fields(keys = rewrapped.len()))]
            async fn rewrap_keys(
                &self,
                root_version: i64,
                rewrapped: &[$crate::store::RewrappedKeyRow],
            ) -> Result<(), $crate::store::StoreError> {
                let mut tx = self.writes().begin_with(Self::BEGIN_WRITE).await?;
                // The root state first: a key being wrapped elsewhere holds it for share,
                // and is committed (and counted below) before this goes on; one wrapped
                // after this commits sees the new version and is refused.
                sqlx::query("UPDATE root_state SET version = $1 WHERE id = 1")
                    .bind(root_version)
                    .execute(&mut *tx)
                    .await?;
                // Every tenant row next: no tenant can be rotated meanwhile.
                sqlx::query("UPDATE tenants SET key_epoch = key_epoch + 1")
                    .execute(&mut *tx)
                    .await?;
                for row in rewrapped {
                    let query = match row.version {
                        Some(_) => sqlx::query(
                            "UPDATE data_keys SET wrapped_key = $3, root_key_version = $4 \
                             WHERE tenant = $1 AND version = $2 AND wrapped_key IS NOT NULL",
                        ),
                        None => sqlx::query(
                            "UPDATE tenants SET fingerprint_key = $3, root_key_version = $4 \
                             WHERE tenant = $1 AND CAST($2 AS BIGINT) IS NULL \
                               AND length(fingerprint_key) > 0",
                        ),
                    };
                    query
                        .bind(&row.tenant)
                        .bind(row.version)
                        .bind(&row.wrapped_key)
                        .bind(row.root_key_version)
                        .execute(&mut *tx)
                        .await?;
                }
                let (left,): (i64,) = sqlx::query_as(
                    "SELECT (SELECT COUNT(*) FROM data_keys \
                               WHERE wrapped_key IS NOT NULL AND root_key_version <> $1) \
                          + (SELECT COUNT(*) FROM tenants \
                               WHERE length(fingerprint_key) > 0 AND root_key_version <> $1)",
                )
                .bind(root_version)
                .fetch_one(&mut *tx)
                .await?;
                if left > 0 {
                    return Err($crate::store::StoreError::Conflict);
                }
                tx.commit().await?;
                Ok(())
            }

            async fn shreds_settled(&self) -> Result<(i64, i64), $crate::store::StoreError> {
                let row: Option<(i64, i64)> = sqlx::query_as(
                    "SELECT shreds, shreds_retired FROM root_retirement WHERE id = 1",
                )
                .fetch_optional(&self.pool)
                .await?;
                Ok(row.unwrap_or((0, 0)))
            }

            async fn settle_shreds(&self, through: i64) -> Result<(), $crate::store::StoreError> {
                sqlx::query(
                    "UPDATE root_retirement SET shreds_retired = $1 \
                     WHERE id = 1 AND shreds_retired < $1",
                )
                .bind(through)
                .execute(self.writes())
                .await?;
                Ok(())
            }

            #[tracing::instrument(skip_all)]
            async fn all_wrapped_keys(
                &self,
            ) -> Result<Vec<$crate::store::RewrappedKeyRow>, $crate::store::StoreError> {
                let rows: Vec<(String, Option<i64>, Vec<u8>, i64)> = sqlx::query_as(
                    "SELECT tenant, CAST(version AS BIGINT), wrapped_key, \
                       CAST(root_key_version AS BIGINT) FROM data_keys \
                       WHERE wrapped_key IS NOT NULL \
                     UNION ALL \
                     SELECT tenant, CAST(NULL AS BIGINT), fingerprint_key, \
                       CAST(root_key_version AS BIGINT) FROM tenants \
                       WHERE length(fingerprint_key) > 0",
                )
                .fetch_all(&self.pool)
                .await?;
                Ok(rows
                    .into_iter()
                    .map(|(tenant, version, wrapped_key, root_key_version)| {
                        $crate::store::RewrappedKeyRow {
                            tenant,
                            version,
                            wrapped_key,
                            root_key_version,
                        }
                    })
                    .collect())
            }

            async fn acquire_root_rotation_lease(
                &self,
                holder: &str,
                now: i64,
                until: i64,
            ) -> Result<bool, $crate::store::StoreError> {
                let taken = sqlx::query(
                    "INSERT INTO root_rotation_lease (id, holder, until) VALUES (1, $1, $3) \
                     ON CONFLICT (id) DO UPDATE SET holder = excluded.holder, until = excluded.until \
                     WHERE root_rotation_lease.until < $2",
                )
                .bind(holder)
                .bind(now)
                .bind(until)
                .execute(self.writes())
                .await?
                .rows_affected();
                Ok(taken == 1)
            }

            async fn release_root_rotation_lease(
                &self,
                holder: &str,
            ) -> Result<(), $crate::store::StoreError> {
                sqlx::query("DELETE FROM root_rotation_lease WHERE holder = $1")
                    .bind(holder)
                    .execute(self.writes())
                    .await?;
                Ok(())
            }

            async fn newest_wrapping_root_version(
                &self,
            ) -> Result<Option<i64>, $crate::store::StoreError> {
                let (newest,): (Option<i64>,) = sqlx::query_as(
                    "SELECT MAX(v) FROM ( \
                       SELECT CAST(root_key_version AS BIGINT) AS v FROM data_keys \
                       WHERE wrapped_key IS NOT NULL \
                       UNION ALL SELECT CAST(root_key_version AS BIGINT) FROM tenants \
                       WHERE length(fingerprint_key) > 0) AS wrapped",
                )
                .fetch_one(&self.pool)
                .await?;
                Ok(newest)
            }

            async fn add_seals(
                &self,
                counts: &[(String, i64, i64)],
            ) -> Result<Vec<(String, i64, i64)>, $crate::store::StoreError> {
                let mut tx = self.writes().begin_with(Self::BEGIN_WRITE).await?;
                let mut totals = Vec::with_capacity(counts.len());
                for (tenant, version, seals) in counts {
                    let total: Option<(i64,)> = sqlx::query_as(
                        "UPDATE data_keys SET seals = seals + $3 \
                         WHERE tenant = $1 AND version = $2 RETURNING seals",
                    )
                    .bind(tenant)
                    .bind(version)
                    .bind(seals)
                    .fetch_optional(&mut *tx)
                    .await?;
                    if let Some((total,)) = total {
                        totals.push((tenant.clone(), *version, total));
                    }
                }
                tx.commit().await?;
                Ok(totals)
            }

            async fn key_version_counts(
                &self,
            ) -> Result<Vec<(String, i64)>, $crate::store::StoreError> {
                Ok(sqlx::query_as(
                    "SELECT state, COUNT(*) FROM data_keys WHERE tenant NOT LIKE '#%' \
                     GROUP BY state ORDER BY state",
                )
                .fetch_all(&self.pool)
                .await?)
            }

            async fn create_pending_action(
                &self,
                action: &$crate::store::PendingActionRow,
            ) -> Result<(), $crate::store::StoreError> {
                sqlx::query(
                    "INSERT INTO pending_actions (id, tenant, action, argument, requested_by, \
                       requested_at, expires_at, document) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                )
                .bind(&action.id)
                .bind(&action.tenant)
                .bind(&action.action)
                .bind(action.argument)
                .bind(&action.requested_by)
                .bind(action.requested_at)
                .bind(action.expires_at)
                .bind(&action.document)
                .execute(self.writes())
                .await?;
                Ok(())
            }

            async fn pending_action(
                &self,
                tenant: &str,
                id: &str,
            ) -> Result<Option<$crate::store::PendingActionRow>, $crate::store::StoreError>
            {
                let row: Option<$crate::store::rows::PendingActionTuple> =
                    sqlx::query_as(&format!(
                        "{} WHERE tenant = $1 AND id = $2",
                        $crate::store::rows::PENDING_ACTION_COLUMNS
                    ))
                    .bind(tenant)
                    .bind(id)
                    .fetch_optional(&self.pool)
                    .await?;
                Ok(row.map($crate::store::rows::pending_action_row))
            }

            async fn confirm_pending_action(
                &self,
                tenant: &str,
                id: &str,
                sub: &str,
                now: i64,
            ) -> Result<bool, $crate::store::StoreError> {
                let confirmed = sqlx::query(
                    "UPDATE pending_actions SET confirmed_by = $3, confirmed_at = $4 \
                     WHERE tenant = $1 AND id = $2 AND confirmed_by IS NULL \
                       AND expires_at > $4 AND requested_by <> $3",
                )
                .bind(tenant)
                .bind(id)
                .bind(sub)
                .bind(now)
                .execute(self.writes())
                .await?
                .rows_affected();
                Ok(confirmed == 1)
            }
        }
    };
}
pub(super) use impl_key_store;
