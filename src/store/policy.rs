//! Tenant policies: one JSON document per tenant, versioned from 1. The same SQL on both
//! backends ([`impl_policy_store`]).

use super::{PolicyRow, StoreError};

/// Persistence of tenant policies.
#[async_trait::async_trait]
pub trait PolicyStore: Send + Sync {
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

/// Implements [`PolicyStore`] for a backend whose struct holds its sqlx pool in `pool`.
macro_rules! impl_policy_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::store::PolicyStore for $store {
            #[tracing::instrument(skip_all)]
            async fn policy(
                &self,
                tenant: &str,
            ) -> Result<Option<$crate::store::PolicyRow>, $crate::store::StoreError> {
                let row: Option<(i64, String)> = sqlx::query_as(
                    "SELECT version, document FROM tenant_policies WHERE tenant = $1",
                )
                .bind(tenant)
                .fetch_optional(&self.pool)
                .await?;
                Ok(row.map(|(version, document)| $crate::store::PolicyRow { version, document }))
            }

            #[tracing::instrument(skip_all)]
            async fn put_policy(
                &self,
                tenant: &str,
                document: &str,
                updated_at: i64,
                updated_by: &str,
            ) -> Result<i64, $crate::store::StoreError> {
                let (version,): (i64,) = sqlx::query_as(
                    "INSERT INTO tenant_policies (tenant, version, document, updated_at, updated_by) \
                     VALUES ($1, 1, $2, $3, $4) \
                     ON CONFLICT (tenant) DO UPDATE SET version = tenant_policies.version + 1, \
                       document = excluded.document, updated_at = excluded.updated_at, \
                       updated_by = excluded.updated_by \
                     RETURNING version",
                )
                .bind(tenant)
                .bind(document)
                .bind(updated_at)
                .bind(updated_by)
                .fetch_one(self.writes())
                .await?;
                Ok(version)
            }
        }
    };
}
pub(super) use impl_policy_store;
