//! Background jobs (re-encryption after a rotation): created once per tenant and kind,
//! leased by one instance at a time with a compare-and-swap on the lease, resumed by any
//! instance when a lease runs out. The same SQL on both backends ([`impl_job_store`]).

use super::{JobRow, StoreError};

/// Persistence of background jobs.
#[async_trait::async_trait]
pub trait JobStore: Send + Sync {
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
}

/// Implements [`JobStore`] for a backend whose struct holds its sqlx pool in `pool`.
macro_rules! impl_job_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::store::JobStore for $store {
            #[tracing::instrument(skip_all)]
            async fn create_job(
                &self,
                job: &$crate::store::JobRow,
            ) -> Result<$crate::store::JobRow, $crate::store::StoreError> {
                use $crate::store::rows::{job_row, JobTuple, JOB_COLUMNS};
                let mut tx = self.writes().begin_with(Self::BEGIN_WRITE).await?;
                let running: Option<JobTuple> = sqlx::query_as(&format!(
                    "{JOB_COLUMNS} WHERE tenant = $1 AND kind = $2 AND state = 'running'"
                ))
                .bind(&job.tenant)
                .bind(&job.kind)
                .fetch_optional(&mut *tx)
                .await?;
                if let Some(running) = running {
                    return Ok(job_row(running));
                }
                sqlx::query(
                    "INSERT INTO key_jobs (id, tenant, kind, target_version, state, processed, \
                       cursor_token, lease_until, created_at, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                )
                .bind(&job.id)
                .bind(&job.tenant)
                .bind(&job.kind)
                .bind(job.target_version)
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

            async fn job(
                &self,
                tenant: &str,
                id: &str,
            ) -> Result<Option<$crate::store::JobRow>, $crate::store::StoreError> {
                use $crate::store::rows::{job_row, JobTuple, JOB_COLUMNS};
                let row: Option<JobTuple> =
                    sqlx::query_as(&format!("{JOB_COLUMNS} WHERE tenant = $1 AND id = $2"))
                        .bind(tenant)
                        .bind(id)
                        .fetch_optional(&self.pool)
                        .await?;
                Ok(row.map(job_row))
            }

            async fn claimable_jobs(
                &self,
                now: i64,
            ) -> Result<Vec<$crate::store::JobRow>, $crate::store::StoreError> {
                use $crate::store::rows::{job_row, JobTuple, JOB_COLUMNS};
                let rows: Vec<JobTuple> = sqlx::query_as(&format!(
                    "{JOB_COLUMNS} WHERE state = 'running' AND lease_until < $1"
                ))
                .bind(now)
                .fetch_all(&self.pool)
                .await?;
                Ok(rows.into_iter().map(job_row).collect())
            }

            async fn claim_job(
                &self,
                id: &str,
                expected: i64,
                until: i64,
            ) -> Result<bool, $crate::store::StoreError> {
                let claimed = sqlx::query(
                    "UPDATE key_jobs SET lease_until = $3 WHERE id = $1 AND lease_until = $2",
                )
                .bind(id)
                .bind(expected)
                .bind(until)
                .execute(self.writes())
                .await?
                .rows_affected();
                Ok(claimed == 1)
            }

            async fn finish_job(
                &self,
                id: &str,
                state: &str,
                now: i64,
            ) -> Result<(), $crate::store::StoreError> {
                sqlx::query(
                    "UPDATE key_jobs SET state = $2, updated_at = $3, lease_until = 0 WHERE id = $1",
                )
                .bind(id)
                .bind(state)
                .bind(now)
                .execute(self.writes())
                .await?;
                Ok(())
            }
        }
    };
}
pub(super) use impl_job_store;
