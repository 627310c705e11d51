//! A fresh app per test, on SQLite always and on Postgres (a fresh schema per test).
//! Postgres comes from DATABASE_URL, or the local default; when it cannot be reached
//! the Postgres variant is skipped locally and FAILS in CI (CI=true).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::body::Body;
use axum::http::header::{AUTHORIZATION, CONTENT_TYPE};
use axum::http::{HeaderMap, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use promptvault::app::{state_from_parts, ApiSettings};
use promptvault::auth::{jwt_claims, JwtIssuer, JwtVerifier};
use promptvault::clock::{Clock, SystemClock};
use promptvault::keys::load_or_create_root_keyring;
use promptvault::keys::FileRootKeyProvider;
use promptvault::store::{PgStore, SqliteStore, VaultStore};
use serde_json::Value;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{PgPool, SqlitePool};
use tempfile::TempDir;
use tower::ServiceExt;

pub const TENANT: &str = "t-test";
pub const ALL_SCOPES: &str = "tokenize detokenize detokenize:SECRET admin";

/// Which database a test app runs on, with a handle for inspecting it.
#[derive(Clone)]
pub enum Db {
    Sqlite(SqlitePool, PathBuf),
    Postgres(PgPool),
}

pub struct TestApp {
    pub router: Router,
    pub state: promptvault::app::AppState,
    pub issuer: JwtIssuer,
    pub db: Db,
    /// Keeps the key files alive as long as the app.
    _dir: Arc<TempDir>,
}

pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Value,
    pub raw: String,
}

impl TestApp {
    /// A JWT for `tenant` with `scope`, optionally bound to `ctx`.
    pub fn jwt(&self, tenant: &str, scope: &str, ctx: Option<&str>) -> String {
        self.jwt_as("tester", tenant, scope, ctx, true)
    }

    /// A JWT with every claim chosen.
    pub fn jwt_as(
        &self,
        sub: &str,
        tenant: &str,
        scope: &str,
        ctx: Option<&str>,
        mfa: bool,
    ) -> String {
        let now = SystemClock.now_seconds();
        let claims = jwt_claims(
            sub,
            tenant,
            scope,
            now,
            now + 600,
            "promptvault",
            None,
            ctx,
            mfa,
        );
        self.issuer.issue(&claims).unwrap()
    }

    /// Another instance of the service on the same database and keys, with its own caches.
    pub async fn another_instance(&self) -> TestApp {
        self.another_instance_with(&AppOptions::default()).await
    }

    /// As [`TestApp::another_instance`], with options.
    pub async fn another_instance_with(&self, options: &AppOptions) -> TestApp {
        let store: Arc<dyn VaultStore> = match &self.db {
            Db::Sqlite(_, path) => Arc::new(
                SqliteStore::connect(&format!("sqlite://{}", path.display()))
                    .await
                    .unwrap(),
            ),
            Db::Postgres(pool) => Arc::new(PgStore::from_pool(pool.clone()).await.unwrap()),
        };
        app_with(store, self.db.clone(), Arc::clone(&self._dir), options).await
    }

    /// An instance on another SQLite file (a restored backup, say) with this app's key
    /// files as they are now.
    pub async fn on_sqlite_file(&self, path: &std::path::Path) -> TestApp {
        let store = SqliteStore::connect(&format!("sqlite://{}", path.display()))
            .await
            .unwrap();
        let db = Db::Sqlite(store.pool().clone(), path.to_owned());
        app_with(
            Arc::new(store),
            db,
            Arc::clone(&self._dir),
            &AppOptions::default(),
        )
        .await
    }

    /// A JWT for the default tenant with every scope.
    pub fn bearer(&self) -> String {
        self.jwt(TENANT, ALL_SCOPES, None)
    }

    pub async fn request(
        &self,
        method: &str,
        path: &str,
        bearer: Option<&str>,
        content_type: Option<&str>,
        body: Vec<u8>,
    ) -> Answer {
        let mut builder = Request::builder().method(method).uri(path);
        if let Some(bearer) = bearer {
            builder = builder.header(AUTHORIZATION, format!("Bearer {bearer}"));
        }
        if let Some(content_type) = content_type {
            builder = builder.header(CONTENT_TYPE, content_type);
        }
        let request = builder.body(Body::from(body)).unwrap();
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        let raw = String::from_utf8_lossy(&bytes).into_owned();
        Answer {
            status,
            headers,
            body: serde_json::from_slice(&bytes).unwrap_or(Value::Null),
            raw,
        }
    }

    /// `GET path` as an admin of the default tenant; asserts 200 and returns the body.
    pub async fn admin_get(&self, path: &str) -> Value {
        let admin = self.jwt(TENANT, "admin", None);
        let answer = self
            .request("GET", path, Some(&admin), None, Vec::new())
            .await;
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.raw);
        answer.body
    }

    /// `DELETE path` as an admin of the default tenant.
    pub async fn admin_delete(&self, path: &str) -> Answer {
        let admin = self.jwt(TENANT, "admin", None);
        self.request("DELETE", path, Some(&admin), None, Vec::new())
            .await
    }

    pub async fn post_as(&self, bearer: &str, path: &str, body: &Value) -> Answer {
        self.request(
            "POST",
            path,
            Some(bearer),
            Some("application/json"),
            body.to_string().into_bytes(),
        )
        .await
    }

    pub async fn post(&self, path: &str, body: &Value) -> Answer {
        self.post_as(&self.bearer(), path, body).await
    }

    /// Tokenizes one text with the default bearer and returns the tokenized text.
    pub async fn tokenize(&self, text: &str) -> String {
        let answer = self
            .post("/v1/tokenize", &serde_json::json!({ "text": text }))
            .await;
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.raw);
        answer.body["text"].as_str().unwrap().to_owned()
    }

    /// Detokenizes one text with the default bearer.
    pub async fn detokenize(&self, text: &str) -> Value {
        let answer = self
            .post("/v1/detokenize", &serde_json::json!({ "text": text }))
            .await;
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.raw);
        answer.body
    }

    /// Every cell of every table as text (Postgres: row::text; SQLite: quote() of each
    /// column), for scanning for plaintext.
    pub async fn dump_database(&self) -> String {
        dump(&self.db).await
    }
}

pub async fn dump(db: &Db) -> String {
    let mut out = String::new();
    match db {
        Db::Postgres(pool) => {
            let tables: Vec<(String,)> = sqlx::query_as(
                "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema()",
            )
            .fetch_all(pool)
            .await
            .unwrap();
            assert!(
                tables.len() >= 3,
                "expected the vault tables, found {tables:?}"
            );
            for (table,) in tables {
                let rows: Vec<(String,)> =
                    sqlx::query_as(&format!("SELECT t::text FROM \"{table}\" t"))
                        .fetch_all(pool)
                        .await
                        .unwrap();
                for (row,) in rows {
                    out.push_str(&row);
                    out.push('\n');
                }
            }
        }
        Db::Sqlite(pool, _) => {
            let tables: Vec<(String,)> =
                sqlx::query_as("SELECT name FROM sqlite_master WHERE type = 'table'")
                    .fetch_all(pool)
                    .await
                    .unwrap();
            assert!(
                tables.len() >= 3,
                "expected the vault tables, found {tables:?}"
            );
            for (table,) in tables {
                let columns: Vec<(String,)> =
                    sqlx::query_as(&format!("SELECT name FROM pragma_table_info('{table}')"))
                        .fetch_all(pool)
                        .await
                        .unwrap();
                let select = columns
                    .iter()
                    .map(|(c,)| format!("quote(\"{c}\")"))
                    .collect::<Vec<_>>()
                    .join(" || '|' || ");
                let rows: Vec<(String,)> =
                    sqlx::query_as(&format!("SELECT {select} FROM \"{table}\""))
                        .fetch_all(pool)
                        .await
                        .unwrap();
                for (row,) in rows {
                    out.push_str(&row);
                    out.push('\n');
                }
            }
        }
    }
    out
}

/// Whether `haystack` holds `value` as text or as hex of its bytes (how both databases
/// render binary columns).
pub fn holds_value(haystack: &str, value: &str) -> bool {
    let hex: String = value.bytes().map(|b| format!("{b:02x}")).collect();
    let lower = haystack.to_lowercase();
    haystack.contains(value) || lower.contains(&hex)
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Options for building a test app.
#[derive(Default, Clone)]
pub struct AppOptions {
    pub public_keys: Option<PathBuf>,
    pub issuer: Option<String>,
    pub max_body_bytes: Option<usize>,
    /// Memory for the reveal cache (0 turns it off); 1 MiB when unset.
    pub reveal_cache_bytes: Option<u64>,
    pub clock: Option<Arc<dyn Clock>>,
    pub dual_control: bool,
    pub rate_limits: Option<promptvault::guard::ratelimit::RateLimits>,
    pub anomaly: Option<Arc<promptvault::guard::anomaly::AnomalySettings>>,
    pub upstream: Option<Arc<promptvault::proxy::Upstream>>,
    pub anthropic: Option<Arc<promptvault::proxy::Upstream>>,
    /// Seals per data key before it is rotated (the default budget when unset).
    pub seal_budget: Option<i64>,
    /// The root key file can be read but not written (a Kubernetes Secret).
    pub read_only_root_key: bool,
}

/// A root key file the service may read but not write, as a Secret mounted read-only.
#[derive(Debug)]
struct ReadOnlyRootKey(FileRootKeyProvider);

#[async_trait::async_trait]
impl promptvault::keys::RootKeyProvider for ReadOnlyRootKey {
    async fn load(
        &self,
    ) -> Result<promptvault::crypto::RootKeyring, promptvault::keys::RootKeyProviderError> {
        self.0.load().await
    }
    async fn store(
        &self,
        _: Arc<promptvault::crypto::RootKeyring>,
    ) -> Result<(), promptvault::keys::RootKeyProviderError> {
        Err(promptvault::keys::RootKeyProviderError::Unavailable)
    }
    async fn keep_copy(&self, _: u32) -> Result<String, promptvault::keys::RootKeyProviderError> {
        Err(promptvault::keys::RootKeyProviderError::Unavailable)
    }
    async fn discard_copies(&self) -> Result<usize, promptvault::keys::RootKeyProviderError> {
        Err(promptvault::keys::RootKeyProviderError::Unavailable)
    }
}

async fn app_with(
    store: Arc<dyn VaultStore>,
    db: Db,
    dir: Arc<TempDir>,
    options: &AppOptions,
) -> TestApp {
    let secret_file = dir.path().join("jwt.secret");
    if !secret_file.exists() {
        std::fs::write(
            &secret_file,
            "test-secret-that-is-long-enough-for-hs256-0123456789",
        )
        .unwrap();
    }
    let (root, _) = load_or_create_root_keyring(&dir.path().join("root.key"), None).unwrap();
    let verifier = JwtVerifier::from_files(
        Some(&secret_file),
        options.public_keys.as_deref(),
        options.issuer.clone(),
        "promptvault".to_owned(),
    )
    .unwrap();
    let clock: Arc<dyn Clock> = options
        .clock
        .clone()
        .unwrap_or_else(|| Arc::new(SystemClock));
    let settings = ApiSettings {
        max_body_bytes: options.max_body_bytes.unwrap_or(1_048_576),
        reveal_cache_bytes: options.reveal_cache_bytes.unwrap_or(1 << 20),
        admin_require_mfa: true,
        admin_dual_control: options.dual_control,
        rate_limits: options.rate_limits.unwrap_or_default(),
        anomaly: options.anomaly.clone().unwrap_or_default(),
        upstream: options.upstream.clone(),
        anthropic: options.anthropic.clone(),
        seal_budget: options
            .seal_budget
            .unwrap_or(promptvault::keys::DEFAULT_SEAL_BUDGET),
    };
    let file = FileRootKeyProvider {
        path: dir.path().join("root.key"),
        passphrase: None,
    };
    let source: Arc<dyn promptvault::keys::RootKeyProvider> = if options.read_only_root_key {
        Arc::new(ReadOnlyRootKey(file))
    } else {
        Arc::new(file)
    };
    let state = state_from_parts(store, (root, Some(source)), verifier, clock, settings);
    TestApp {
        router: promptvault::api::router(state.clone()),
        state,
        issuer: JwtIssuer::from_secret_file(&secret_file).unwrap(),
        db,
        _dir: dir,
    }
}

pub async fn sqlite_app_with(options: &AppOptions) -> TestApp {
    let dir = Arc::new(tempfile::tempdir().unwrap());
    let path = dir.path().join("vault.db");
    let store = SqliteStore::connect(&format!("sqlite://{}", path.display()))
        .await
        .unwrap();
    let db = Db::Sqlite(store.pool().clone(), path);
    app_with(Arc::new(store), db, dir, options).await
}

pub async fn sqlite_app() -> TestApp {
    sqlite_app_with(&AppOptions::default()).await
}

pub fn postgres_url() -> String {
    std::env::var("DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_owned())
}

/// Says, past the test harness's output capture, that the running test skips and why:
/// `cargo test` shows the line even though the test counts as passed.
pub fn skip(reason: &str) {
    use std::io::Write;
    let test = std::thread::current().name().unwrap_or("a test").to_owned();
    // Written to the stderr handle, not with eprintln!, which the harness would swallow.
    let _ = writeln!(std::io::stderr(), "SKIPPED {test}: {reason}");
}

pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// A fresh Postgres schema; `None` (skip) only outside CI when Postgres is down.
pub async fn postgres_schema() -> Option<(PgPool, String)> {
    // Once Postgres was found down, the other tests skip at once instead of each waiting
    // for its own connection timeout.
    static DOWN: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    schema_at(&postgres_url(), &DOWN, !in_ci(), &[]).await
}

/// The Citus coordinator the opt-in Citus run uses (`PROMPTVAULT_TEST_CITUS_URL`).
pub fn citus_url() -> Option<String> {
    std::env::var("PROMPTVAULT_TEST_CITUS_URL")
        .ok()
        .filter(|url| !url.is_empty())
}

/// A fresh schema on the Citus coordinator; `None` (a visible skip) when no cluster is
/// named. A named cluster that cannot be reached fails the test.
pub async fn citus_schema() -> Option<(PgPool, String)> {
    citus_schema_with(&[]).await
}

/// Four shards per table instead of Citus's 32: every test makes its own schema.
const CITUS_TEST_SETTINGS: [(&str, &str); 1] = [("citus.shard_count", "4")];

/// [`citus_schema`] with more settings for its connections.
pub async fn citus_schema_with(settings: &[(&str, &str)]) -> Option<(PgPool, String)> {
    static DOWN: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let Some(url) = citus_url() else {
        skip("PROMPTVAULT_TEST_CITUS_URL is not set: the Citus run is opt-in (docs/citus.md)");
        return None;
    };
    let mut all = CITUS_TEST_SETTINGS.to_vec();
    all.extend_from_slice(settings);
    schema_at(&url, &DOWN, false, &all).await
}

async fn schema_at(
    url: &str,
    down: &std::sync::OnceLock<String>,
    may_skip: bool,
    settings: &[(&str, &str)],
) -> Option<(PgPool, String)> {
    if let Some(reason) = down.get() {
        skip(reason);
        return None;
    }
    let admin = match PgPoolOptions::new()
        .max_connections(1)
        .acquire_timeout(std::time::Duration::from_secs(5))
        .connect(url)
        .await
    {
        Ok(pool) => pool,
        Err(err) if may_skip => {
            skip(down.get_or_init(|| format!("cannot reach Postgres at {url}: {err}")));
            return None;
        }
        Err(err) => panic!("this run needs Postgres at {url}: {err}"),
    };
    let now = SystemClock.now_seconds();
    let schema = format!("pvt_{now}_{:08x}", rand::random::<u32>());
    drop_stale_schemas(&admin, now).await;
    sqlx::query(&format!("CREATE SCHEMA {schema}"))
        .execute(&admin)
        .await
        .unwrap();
    admin.close().await;
    let mut options = vec![("search_path", schema.as_str())];
    options.extend_from_slice(settings);
    let options: PgConnectOptions = url.parse::<PgConnectOptions>().unwrap().options(options);
    let pool = PgPoolOptions::new()
        .max_connections(8)
        .connect_with(options)
        .await
        .unwrap();
    Some((pool, schema))
}

/// Schemas of test runs older than an hour are dropped, so runs do not pile up.
async fn drop_stale_schemas(admin: &PgPool, now: i64) {
    let schemas: Vec<(String,)> =
        sqlx::query_as("SELECT nspname::text FROM pg_namespace WHERE nspname LIKE 'pvt\\_%'")
            .fetch_all(admin)
            .await
            .unwrap_or_default();
    for (schema,) in schemas {
        let created: i64 = schema
            .split('_')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(now);
        if now - created > 3600 {
            let _ = sqlx::query(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"))
                .execute(admin)
                .await;
        }
    }
}

/// A Postgres URL whose connections use `schema` (for service processes).
pub fn postgres_url_for_schema(schema: &str) -> String {
    url_with_settings(&postgres_url(), &[("search_path", schema)])
}

/// A Citus coordinator URL whose connections use `schema` (for service processes).
pub fn citus_url_for_schema(schema: &str) -> Option<String> {
    let mut settings = vec![("search_path", schema)];
    settings.extend_from_slice(&CITUS_TEST_SETTINGS);
    Some(url_with_settings(&citus_url()?, &settings))
}

fn url_with_settings(url: &str, settings: &[(&str, &str)]) -> String {
    let separator = if url.contains('?') { '&' } else { '?' };
    let options: Vec<String> = settings
        .iter()
        .map(|(name, value)| format!("-c%20{name}%3D{value}"))
        .collect();
    format!("{url}{separator}options={}", options.join("%20"))
}

pub async fn postgres_app_with(options: &AppOptions) -> Option<TestApp> {
    let (pool, _schema) = postgres_schema().await?;
    let store = PgStore::from_pool(pool.clone()).await.unwrap();
    let dir = Arc::new(tempfile::tempdir().unwrap());
    Some(app_with(Arc::new(store), Db::Postgres(pool), dir, options).await)
}

pub async fn postgres_app() -> Option<TestApp> {
    postgres_app_with(&AppOptions::default()).await
}

/// The app on a fresh schema of the Citus coordinator (see [`citus_schema`]).
pub async fn citus_app() -> Option<TestApp> {
    citus_app_on(citus_schema().await?.0).await
}

/// The app on a pool of the Citus coordinator.
pub async fn citus_app_on(pool: PgPool) -> Option<TestApp> {
    let store = PgStore::from_pool(pool.clone()).await.unwrap();
    assert!(
        store.is_distributed(),
        "the Citus run's database has no Citus"
    );
    let dir = Arc::new(tempfile::tempdir().unwrap());
    Some(
        app_with(
            Arc::new(store),
            Db::Postgres(pool),
            dir,
            &AppOptions::default(),
        )
        .await,
    )
}

/// Runs one async scenario `fn(TestApp)` on SQLite, on Postgres, and on the Citus
/// cluster when one is named.
macro_rules! on_every_backend {
    ($case:ident) => {
        mod $case {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$case(crate::helpers::sqlite_app().await).await
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                if let Some(app) = crate::helpers::postgres_app().await {
                    super::$case(app).await
                }
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn citus() {
                if let Some(app) = crate::helpers::citus_app().await {
                    super::$case(app).await
                }
            }
        }
    };
}
