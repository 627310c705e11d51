//! What only a Citus cluster shows: `promptvault migrate` distributes the tenant tables by
//! tenant, co-located, once; and tokenize and reveal run only statements that Citus routes
//! to one shard. The rest of the suite runs on Citus through the `citus` case of every
//! backend macro. All of it is opt-in: `PROMPTVAULT_TEST_CITUS_URL` names the
//! coordinator, and without it each test prints a visible skip.

use std::process::Command;

use serde_json::json;
use sqlx::PgPool;

use crate::helpers::{citus_app_on, citus_schema, citus_schema_with, citus_url_for_schema};

/// Each distributed table of the schema: (name, distribution column, colocation group).
async fn distributed_tables(pool: &PgPool, schema: &str) -> Vec<(String, String, i32)> {
    sqlx::query_as(
        "SELECT c.relname::text, column_to_column_name(p.logicalrelid, p.partkey), \
                p.colocationid \
         FROM pg_dist_partition AS p JOIN pg_class AS c ON c.oid = p.logicalrelid \
         JOIN pg_namespace AS n ON n.oid = c.relnamespace \
         WHERE n.nspname = $1 ORDER BY 1",
    )
    .bind(schema)
    .fetch_all(pool)
    .await
    .unwrap()
}

/// Every shard of the schema's tables and the worker port that holds it.
async fn shard_placements(pool: &PgPool, schema: &str) -> Vec<(i64, i32)> {
    sqlx::query_as(
        "SELECT s.shardid, s.nodeport FROM citus_shards AS s \
         JOIN pg_class AS c ON c.oid = s.table_name \
         JOIN pg_namespace AS n ON n.oid = c.relnamespace \
         WHERE n.nspname = $1 ORDER BY 1",
    )
    .bind(schema)
    .fetch_all(pool)
    .await
    .unwrap()
}

fn migrate(url: &str) {
    let out = Command::new(env!("CARGO_BIN_EXE_promptvault"))
        .arg("migrate")
        .env_clear()
        .env("PROMPTVAULT_DATABASE_URL", url)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "migrate failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn migrate_distributes_the_tenant_tables_by_tenant_once() {
    let Some((pool, schema)) = citus_schema().await else {
        return;
    };
    let url = citus_url_for_schema(&schema).unwrap();
    migrate(&url);

    let tables = distributed_tables(&pool, &schema).await;
    let names: Vec<&str> = tables.iter().map(|(name, _, _)| name.as_str()).collect();
    for table in [
        "tenants",
        "data_keys",
        "tenant_policies",
        "vault_entries",
        "honey_tokens",
    ] {
        assert!(
            names.contains(&table),
            "{table} is not distributed: {names:?}"
        );
    }
    // The sealed values' partitions went with their parent.
    assert!(names.contains(&"vault_entries_p7"), "{names:?}");
    // The audit log stays on the coordinator with its append-only triggers.
    assert!(!names.iter().any(|n| n.starts_with("audit")), "{names:?}");
    assert!(tables.iter().all(|(_, column, _)| column == "tenant"));
    let colocation = tables[0].2;
    assert!(
        tables.iter().all(|(_, _, group)| *group == colocation),
        "every distributed table is co-located: {tables:?}"
    );
    let placements = shard_placements(&pool, &schema).await;
    let workers: std::collections::BTreeSet<i32> = placements.iter().map(|(_, p)| *p).collect();
    assert!(
        workers.len() >= 2,
        "the shards spread over the workers: {workers:?}"
    );

    // Again: nothing moves, nothing is added.
    migrate(&url);
    assert_eq!(distributed_tables(&pool, &schema).await, tables);
    assert_eq!(shard_placements(&pool, &schema).await, placements);
}

/// The single-shard and multi-shard executions Citus counted for this database.
async fn executions(pool: &PgPool) -> (i64, i64) {
    sqlx::query_as(
        "SELECT query_execution_single_shard, query_execution_multi_shard \
         FROM citus_stat_counters WHERE name = current_database()",
    )
    .fetch_one(pool)
    .await
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tokenize_and_reveal_run_only_single_shard_statements() {
    // Citus counts executions only for sessions that ask it to, so no other test's
    // statements land in these counters.
    let Some((pool, _schema)) = citus_schema_with(&[("citus.enable_stat_counters", "on")]).await
    else {
        return;
    };
    let app = citus_app_on(pool.clone()).await.unwrap();
    // The tenant and its first key, then the counting starts.
    app.tokenize("warm-up: ops@example.org").await;
    let before = executions(&pool).await;

    let text = "Mail jane.doe@example.com or call +1 415 555 0134; card 4111 1111 1111 1111.";
    let tokenized = app.tokenize(text).await;
    assert_ne!(tokenized, text);
    let batch = app
        .post(
            "/v1/tokenize",
            &json!({ "texts": [text, "again: jane.doe@example.com", "ip 10.1.2.3"] }),
        )
        .await;
    assert_eq!(batch.status, 200, "{:?}", batch.body);
    let revealed = app.detokenize(&tokenized).await;
    assert_eq!(revealed["text"], text);
    let revealed = app
        .post("/v1/detokenize", &json!({ "texts": batch.body["texts"] }))
        .await;
    assert_eq!(revealed.status, 200, "{:?}", revealed.body);
    assert_eq!(revealed.body["unknown"], 0);

    let after = executions(&pool).await;
    assert!(after.0 > before.0, "counted: {before:?} then {after:?}");
    assert_eq!(
        after.1, before.1,
        "a tokenize or reveal ran a multi-shard statement: {before:?} then {after:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_extension_without_workers_leaves_the_tables_local() {
    let Some((pool, _schema)) = citus_schema().await else {
        return;
    };
    // A database of its own on the coordinator, with the extension and no worker.
    let name = format!("pvt_noworkers_{:08x}", rand::random::<u32>());
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&pool)
        .await
        .unwrap();
    let url = crate::helpers::citus_url().unwrap();
    let options: sqlx::postgres::PgConnectOptions = url.parse().unwrap();
    let lone = sqlx::postgres::PgPoolOptions::new()
        .max_connections(2)
        .connect_with(options.database(&name))
        .await
        .unwrap();
    sqlx::query("CREATE EXTENSION citus")
        .execute(&lone)
        .await
        .unwrap();
    let store = promptvault::store::PgStore::from_pool(lone.clone())
        .await
        .unwrap();
    let distributed: (i64,) = sqlx::query_as("SELECT count(*) FROM pg_dist_partition")
        .fetch_one(&lone)
        .await
        .unwrap();
    lone.close().await;
    let _ = sqlx::query(&format!("DROP DATABASE {name} WITH (FORCE)"))
        .execute(&pool)
        .await;
    assert!(!store.is_distributed());
    assert_eq!(distributed.0, 0, "no table was distributed");
}
