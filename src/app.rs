//! Application state, its construction from [`Config`], and the one way to serve it.

use std::future::Future;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context;
use axum::Router;
use secrecy::ExposeSecret;
use tokio::net::TcpListener;

use crate::audit::AuditLog;
use crate::auth::{load_or_create_dev_secret, JwtVerifier};
use crate::clock::{Clock, SystemClock};
use crate::config::Config;
use crate::crypto::RootKeyring;
use crate::detect::Detector;
use crate::guard::anomaly::{AnomalyMonitor, AnomalySettings, Webhook};
use crate::guard::ratelimit::{RateLimiter, RateLimits};
use crate::keys::load_or_create_root_keyring;
use crate::keys::{FileRootKeyProvider, KeyLifecycle, Keyring, RootKeyProvider, TenantStates};
use crate::metrics::Metrics;
use crate::store::{self, VaultStore};
use crate::vault::Vault;

/// Everything a handler may touch. Cheap to clone; every secret-bearing field has a
/// redacted `Debug`.
#[derive(Clone, Debug)]
pub struct AppState {
    /// Tokenize and detokenize.
    pub vault: Arc<Vault>,
    /// Data-key and root-key lifecycle, dual control.
    pub keys: Arc<KeyLifecycle>,
    /// Recording, listing and verifying audit events.
    pub audit: Arc<AuditLog>,
    /// The store, for health checks and the abuse controls.
    pub store: Arc<dyn VaultStore>,
    /// The wall clock.
    pub clock: Arc<dyn Clock>,
    /// JWT verification.
    pub jwt: Arc<JwtVerifier>,
    /// Larger bodies get 413.
    pub max_body_bytes: usize,
    /// Admin calls need `"mfa"` in `amr`.
    pub admin_require_mfa: bool,
    /// Destructive admin actions need a second admin.
    pub admin_dual_control: bool,
    /// Prometheus metrics.
    pub metrics: Arc<Metrics>,
    /// Rate limits shared across instances.
    pub rate_limiter: Arc<RateLimiter>,
    /// Anomaly alerts and caller blocks.
    pub anomalies: Arc<AnomalyMonitor>,
    /// The model provider behind the proxy; `None` turns the proxy off.
    pub upstream: Option<Arc<crate::proxy::Upstream>>,
    /// Anthropic, behind `/v1/messages`; `None` turns the route off.
    pub anthropic: Option<Arc<crate::proxy::Upstream>>,
}

/// Loads the root key (Argon2id runs on a blocking thread).
///
/// # Errors
/// An unreadable, malformed or too-open file, or a wrong or missing passphrase.
pub async fn load_root_keyring(
    config: &Config,
    store: &dyn VaultStore,
) -> anyhow::Result<RootKeyring> {
    let path = config.root_key_file.clone();
    if !path.exists() {
        // A new key file would not open a single stored key: refuse rather than start
        // a service that answers nothing and wraps new keys under a root nobody kept.
        if let Some(version) = store.newest_wrapping_root_version().await? {
            anyhow::bail!(
                "the root key file {} is missing, but the database holds keys wrapped by root \
                 key version {version}: restore the file (or point PROMPTVAULT_ROOT_KEY_FILE \
                 at it); a new root key cannot open them",
                path.display()
            );
        }
    }
    let passphrase = config.root_key_passphrase.clone();
    let (keyring, created) = tokio::task::spawn_blocking(move || {
        load_or_create_root_keyring(&path, passphrase.as_ref())
    })
    .await??;
    if created {
        tracing::info!(path = %config.root_key_file.display(), "created a new root key file (mode 0600)");
    }
    Ok(keyring)
}

/// Builds the JWT verifier; in development mode creates the development secret first.
///
/// # Errors
/// Unreadable or invalid key files.
pub fn build_verifier(config: &Config) -> anyhow::Result<JwtVerifier> {
    let secret_file: Option<PathBuf> = config.hs256_secret_file();
    if config.development_mode() {
        if let Some(path) = &secret_file {
            if load_or_create_dev_secret(path)? {
                tracing::info!(path = %path.display(), "created a development JWT secret (mode 0600)");
            }
        }
    }
    Ok(JwtVerifier::from_files(
        secret_file.as_deref(),
        config.jwt_public_keys.as_deref(),
        config.jwt_issuer.clone(),
        config.jwt_audience.clone(),
    )?)
}

/// Builds the state from configuration: root key, JWT keys, store (migrated).
///
/// # Errors
/// Any of the above failing, with a message saying which.
pub async fn build_state(config: &Config) -> anyhow::Result<AppState> {
    let jwt = build_verifier(config).context("loading the JWT keys")?;
    let store = store::connect(config.database_url.expose_secret())
        .await
        .context("connecting to the store")?;
    let root = load_root_keyring(config, store.as_ref())
        .await
        .context("loading the root key")?;
    let source: Arc<dyn RootKeyProvider> = Arc::new(FileRootKeyProvider {
        path: config.root_key_file.clone(),
        passphrase: config.root_key_passphrase.clone(),
    });
    Ok(state_from_parts(
        store,
        (root, Some(source)),
        jwt,
        Arc::new(SystemClock),
        ApiSettings::from_config(config)?,
    ))
}

/// The HTTP-facing settings of the state.
#[derive(Debug, Clone)]
pub struct ApiSettings {
    /// Larger bodies get 413.
    pub max_body_bytes: usize,
    /// Memory for the sealed entries of recent tokens, in bytes (0: no cache).
    pub reveal_cache_bytes: u64,
    /// Admin calls need `"mfa"` in `amr`.
    pub admin_require_mfa: bool,
    /// Destructive admin actions need a second admin.
    pub admin_dual_control: bool,
    /// Requests per minute per caller and tenant.
    pub rate_limits: RateLimits,
    /// Anomaly thresholds and responses.
    pub anomaly: Arc<AnomalySettings>,
    /// The model provider behind the proxy, if any.
    pub upstream: Option<Arc<crate::proxy::Upstream>>,
    /// Anthropic, behind `/v1/messages`, if configured.
    pub anthropic: Option<Arc<crate::proxy::Upstream>>,
    /// Seals allowed under one data key before it is rotated.
    pub seal_budget: i64,
}

impl ApiSettings {
    /// The settings a configuration asks for (reads the webhook key file).
    ///
    /// # Errors
    /// A webhook without a readable key file.
    pub fn from_config(config: &Config) -> anyhow::Result<Self> {
        let anomaly = &config.anomaly;
        let webhook = match (&anomaly.webhook_url, &anomaly.webhook_secret_file) {
            (None, _) => None,
            (Some(_), None) => anyhow::bail!(
                "PROMPTVAULT_ANOMALY_WEBHOOK_URL needs PROMPTVAULT_ANOMALY_WEBHOOK_SECRET_FILE \
                 (the key that signs each call)"
            ),
            (Some(url), Some(path)) => {
                let secret =
                    zeroize::Zeroizing::new(std::fs::read(path).with_context(|| {
                        format!("reading the webhook key file {}", path.display())
                    })?);
                let trimmed = secret.trim_ascii().to_vec();
                anyhow::ensure!(
                    trimmed.len() >= 16,
                    "the webhook key file {} holds fewer than 16 bytes",
                    path.display()
                );
                Some(Webhook {
                    url: url.clone(),
                    secret: secrecy::SecretBox::new(Box::new(trimmed)),
                })
            }
        };
        let upstream = match (&config.upstream_url, &config.upstream_api_key_file) {
            (Some(url), Some(key_file)) => Some(Arc::new(crate::proxy::Upstream::new(
                url,
                key_file,
                std::time::Duration::from_secs(config.upstream_timeout_seconds),
            )?)),
            _ => None,
        };
        let anthropic = match (&config.anthropic_url, &config.anthropic_api_key_file) {
            (Some(url), Some(key_file)) => Some(Arc::new(crate::proxy::Upstream::configured_by(
                "PROMPTVAULT_ANTHROPIC_URL",
                url,
                key_file,
                std::time::Duration::from_secs(config.upstream_timeout_seconds),
            )?)),
            _ => None,
        };
        Ok(Self {
            upstream,
            anthropic,
            seal_budget: crate::keys::DEFAULT_SEAL_BUDGET,
            max_body_bytes: config.max_body_bytes,
            reveal_cache_bytes: config.reveal_cache_mb.saturating_mul(1 << 20),
            admin_require_mfa: config.admin_require_mfa,
            admin_dual_control: config.admin_dual_control,
            rate_limits: config.rate_limits,
            anomaly: Arc::new(AnomalySettings {
                rate_factor: anomaly.rate_factor,
                rate_floor: anomaly.rate_floor,
                new_tokens_per_minute: anomaly.new_tokens_per_minute,
                block: anomaly.block,
                block_seconds: anomaly.block_seconds,
                webhook,
            }),
        })
    }
}

impl Default for ApiSettings {
    fn default() -> Self {
        Self {
            max_body_bytes: 1_048_576,
            reveal_cache_bytes: crate::config::DEFAULT_REVEAL_CACHE_MB << 20,
            admin_require_mfa: true,
            admin_dual_control: false,
            rate_limits: RateLimits::default(),
            anomaly: Arc::new(AnomalySettings::default()),
            upstream: None,
            anthropic: None,
            seal_budget: crate::keys::DEFAULT_SEAL_BUDGET,
        }
    }
}

/// Assembles the state from ready parts (tests use this with their own store and keys).
pub fn state_from_parts(
    store: Arc<dyn VaultStore>,
    (root, root_source): (RootKeyring, Option<Arc<dyn RootKeyProvider>>),
    jwt: JwtVerifier,
    clock: Arc<dyn Clock>,
    settings: ApiSettings,
) -> AppState {
    let rate_limiter = Arc::new(RateLimiter::new(
        settings.rate_limits,
        Arc::clone(&store),
        Arc::clone(&clock),
    ));
    let anomalies = Arc::new(AnomalyMonitor::new(
        settings.anomaly,
        Arc::clone(&store),
        Arc::clone(&clock),
    ));
    let keyring = Arc::new(
        Keyring::new(root, root_source, Arc::clone(&store), Arc::clone(&clock))
            .with_seal_budget(settings.seal_budget),
    );
    let states = Arc::new(TenantStates::default());
    let audit = Arc::new(AuditLog::new(
        Arc::clone(&store),
        Arc::clone(&keyring),
        Arc::clone(&clock),
    ));
    let keys = Arc::new(KeyLifecycle::new(
        Arc::clone(&store),
        Arc::clone(&keyring),
        Arc::clone(&states),
        Arc::clone(&clock),
    ));
    let vault = Vault::new(
        Arc::clone(&store),
        keyring,
        states,
        Arc::clone(&audit),
        Detector::new(),
        Arc::clone(&clock),
        settings.reveal_cache_bytes,
    );
    AppState {
        vault: Arc::new(vault),
        keys,
        audit,
        store,
        clock,
        jwt: Arc::new(jwt),
        max_body_bytes: settings.max_body_bytes,
        admin_require_mfa: settings.admin_require_mfa,
        admin_dual_control: settings.admin_dual_control,
        metrics: Arc::new(Metrics::new()),
        rate_limiter,
        anomalies,
        upstream: settings.upstream,
        anthropic: settings.anthropic,
    }
}

/// How often an instance adds up its seal counts and rotates spent data keys.
const SEAL_BUDGET_PERIOD: std::time::Duration = std::time::Duration::from_secs(5);

/// Rotates every data key that reached its seal budget, each rotation with its audit event
/// (by the service itself, `sub` `promptvault`); returns how many.
///
/// # Errors
/// Store or key failures.
pub async fn rotate_spent_keys(state: &AppState) -> Result<usize, crate::vault::VaultError> {
    let rotated = state.keys.rotate_spent_keys().await?;
    for (tenant, spent, next) in &rotated {
        let details =
            serde_json::json!({ "version": next, "spent_version": spent, "reason": "seal_budget" });
        let event = state.audit.event(
            tenant,
            "promptvault",
            "seal-budget",
            "keys.rotate",
            &details,
        );
        state.audit.record(event).await?;
    }
    Ok(rotated.len())
}

fn spawn_seal_budget_rotations(state: AppState) {
    tokio::spawn(async move {
        let mut ticker = tokio::time::interval(SEAL_BUDGET_PERIOD);
        loop {
            ticker.tick().await;
            if let Err(err) = rotate_spent_keys(&state).await {
                tracing::warn!(error = %err, "checking data keys' seal budgets failed; will retry");
            }
        }
    });
}

/// Builds the state, binds the listener and serves until `shutdown` completes.
///
/// # Errors
/// Start-up failures, or the server failing.
pub async fn run(
    config: Config,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let state = build_state(&config).await?;
    state.keys.spawn_background_work();
    state.audit.spawn_linker();
    state.rate_limiter.spawn_flusher();
    spawn_seal_budget_rotations(state.clone());
    state.anomalies.spawn_refresher();
    if config.development_mode() {
        tracing::warn!(
            database = %redacted_url(config.database_url.expose_secret()),
            jwt_secret = crate::config::DEV_JWT_SECRET_FILE,
            "development mode: JWTs are checked against a local development secret; \
             configure PROMPTVAULT_JWT_HS256_SECRET_FILE or PROMPTVAULT_JWT_PUBLIC_KEYS for production"
        );
    }
    let listener = TcpListener::bind(&config.listen)
        .await
        .with_context(|| format!("binding {}", config.listen))?;
    let addr = listener.local_addr().context("reading the bound address")?;
    tracing::info!(%addr, "listening");
    if crate::telemetry::readable(config.log_format) {
        print_banner(&config, addr);
    }
    serve(listener, crate::api::router(state), shutdown).await
}

/// A few lines for a person who started the service in a terminal: where it listens, on
/// which store (credentials redacted), in which mode, and how to try it. One log event, so
/// it goes where the log goes and nothing is printed past the subscriber.
fn print_banner(config: &Config, addr: std::net::SocketAddr) {
    tracing::info!("\n{}", banner(config, addr));
}

fn banner(config: &Config, addr: std::net::SocketAddr) -> String {
    let store = redacted_url(config.database_url.expose_secret());
    let mut lines = vec![
        format!("promptvault {}", env!("CARGO_PKG_VERSION")),
        format!("  listening  http://{addr}"),
        format!("  store      {store}"),
    ];
    if config.development_mode() {
        lines.push(format!(
            "  mode       development (JWTs signed with {})",
            crate::config::DEV_JWT_SECRET_FILE
        ));
        lines.push(
            "  try it     JWT=$(promptvault token --tenant demo --scope \"tokenize detokenize\")"
                .to_owned(),
        );
        lines.push(format!(
            "             curl -s http://{addr}/v1/tokenize -H \"Authorization: Bearer $JWT\" \
             -H 'Content-Type: application/json' -d '{{\"text\":\"mail jane@example.com\"}}'"
        ));
    } else {
        lines.push("  mode       production (JWTs from the configured keys)".to_owned());
    }
    lines.push("  docs       docs/api.md; GET /openapi.json".to_owned());
    lines.join("\n")
}

/// The single entry point used by `main` and by tests that need a real socket.
///
/// # Errors
/// The HTTP server failing.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    use axum::serve::ListenerExt;
    // Streamed answers are many small writes: without TCP_NODELAY, Nagle's algorithm and
    // the client's delayed ACK hold each one back by up to 40 ms.
    let listener = listener.tap_io(|stream| {
        if let Err(err) = stream.set_nodelay(true) {
            tracing::debug!(error = %err, "TCP_NODELAY could not be set");
        }
    });
    axum::serve(listener, router)
        .with_graceful_shutdown(shutdown)
        .await
        .context("HTTP server failed")
}

/// A database URL without its password, for logs.
/// The database URL without what could hold a credential: the user info before `@`, and
/// the whole query string (`?password=…`, `sslpassword=…`, `options=…` are all accepted
/// there), which is shown as `?…`.
fn redacted_url(url: &str) -> String {
    let (url, query) = match url.split_once('?') {
        Some((base, _)) => (base, "?…"),
        None => (url, ""),
    };
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            format!("{}://***@{}{query}", &url[..scheme_end], &url[at + 1..])
        }
        _ => format!("{url}{query}"),
    }
}

#[cfg(test)]
mod tests {
    use super::{redacted_url, ApiSettings};
    use crate::config::Config;
    use std::collections::HashMap;

    fn settings(vars: &[(&str, String)]) -> anyhow::Result<ApiSettings> {
        let env: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.clone()))
            .collect();
        ApiSettings::from_config(&Config::from_sources(None, &env)?)
    }

    #[test]
    fn the_webhook_needs_its_key_file_and_the_proxy_its_provider_key() {
        let dir = tempfile::tempdir().unwrap();
        let key = dir.path().join("hook.key");
        std::fs::write(&key, "a-webhook-key-of-some-length\n").unwrap();
        let url = (
            "PROMPTVAULT_ANOMALY_WEBHOOK_URL",
            "http://127.0.0.1:9/h".to_owned(),
        );
        assert!(settings(std::slice::from_ref(&url)).is_err());
        let with_key = settings(&[
            url.clone(),
            (
                "PROMPTVAULT_ANOMALY_WEBHOOK_SECRET_FILE",
                key.display().to_string(),
            ),
        ])
        .unwrap();
        assert!(with_key.anomaly.webhook.is_some());
        std::fs::write(&key, "short").unwrap();
        assert!(settings(&[
            url,
            (
                "PROMPTVAULT_ANOMALY_WEBHOOK_SECRET_FILE",
                key.display().to_string()
            ),
        ])
        .is_err());

        let upstream = (
            "PROMPTVAULT_UPSTREAM_URL",
            "https://api.openai.com".to_owned(),
        );
        assert!(settings(std::slice::from_ref(&upstream)).is_err());
        let provider_key = dir.path().join("provider.key");
        std::fs::write(&provider_key, "sk-test\n").unwrap();
        let proxy = settings(&[
            upstream,
            (
                "PROMPTVAULT_UPSTREAM_API_KEY_FILE",
                provider_key.display().to_string(),
            ),
        ])
        .unwrap();
        assert!(proxy.upstream.is_some());
        assert!(!format!("{proxy:?}").contains("sk-test"));
        assert!(settings(&[]).unwrap().upstream.is_none());
    }

    #[test]
    fn database_urls_lose_their_credentials_in_logs() {
        assert_eq!(
            redacted_url("postgres://u:secret@db:5432/x"),
            "postgres://***@db:5432/x"
        );
        assert_eq!(
            redacted_url("sqlite://data/promptvault.db"),
            "sqlite://data/promptvault.db"
        );
        // sqlx takes the password from the query string too.
        assert_eq!(
            redacted_url("postgres://db/x?user=u&password=secret&sslmode=require"),
            "postgres://db/x?…"
        );
        assert_eq!(
            redacted_url("postgres://u:p@db/x?sslpassword=secret"),
            "postgres://***@db/x?…"
        );
    }
}
