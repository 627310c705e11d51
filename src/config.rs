//! One typed [`Config`] from an optional TOML file and `PROMPTVAULT_*` environment
//! variables, the environment winning. This is the only module that reads the
//! environment. Secrets are `SecretString`, so `Debug` never shows them.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

/// Where the development JWT secret lives (development mode only).
pub const DEV_JWT_SECRET_FILE: &str = "keys/dev-jwt.secret";

/// The service's configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// `host:port` to listen on.
    pub listen: String,
    /// `postgres://…` or `sqlite://…`; may hold a password, hence secret.
    pub database_url: SecretString,
    /// The root key file.
    pub root_key_file: PathBuf,
    /// When set, the root key file is sealed with a key derived from it.
    pub root_key_passphrase: Option<SecretString>,
    /// Shared secret file for HS256 tokens.
    pub jwt_hs256_secret_file: Option<PathBuf>,
    /// PEM public key or JWKS file for RS256/ES256/EdDSA.
    pub jwt_public_keys: Option<PathBuf>,
    /// When set, `iss` must equal it.
    pub jwt_issuer: Option<String>,
    /// `aud` must contain it.
    pub jwt_audience: String,
    /// Admin calls need `mfa` in `amr`.
    pub admin_require_mfa: bool,
    /// Destructive admin actions need a second admin's confirmation.
    pub admin_dual_control: bool,
    /// Larger request bodies get 413.
    pub max_body_bytes: usize,
    /// Memory for the sealed entries of recent tokens, in MiB (0: no cache).
    pub reveal_cache_mb: u64,
    /// Requests per minute per caller and per tenant.
    pub rate_limits: crate::guard::ratelimit::RateLimits,
    /// The AI provider's base URL, for the proxy.
    pub upstream_url: Option<String>,
    /// The provider key file, held by the service only.
    pub upstream_api_key_file: Option<PathBuf>,
    /// How long an upstream answer (or a gap in a streamed one) may take, in seconds.
    pub upstream_timeout_seconds: u64,
    /// The Anthropic API's base URL, for `/v1/messages`.
    pub anthropic_url: Option<String>,
    /// The Anthropic key file, held by the service only.
    pub anthropic_api_key_file: Option<PathBuf>,
    /// Anomaly thresholds, responses and webhook.
    pub anomaly: AnomalyConfig,
    /// Log filter (tracing `EnvFilter` syntax).
    pub log: String,
    /// How log lines look (`PROMPTVAULT_LOG_FORMAT`).
    pub log_format: LogFormat,
}

/// The reveal cache's default size: about 200,000 typical entries.
pub const DEFAULT_REVEAL_CACHE_MB: u64 = 32;

/// How log lines look: JSON lines for machines, or short readable lines and a start-up
/// banner for a person at a terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    /// Readable lines when the log goes to a terminal, JSON lines otherwise (the default).
    Auto,
    /// JSON lines always.
    Json,
    /// Readable lines always.
    Text,
}

impl LogFormat {
    fn parse(raw: &str) -> Result<Self, ConfigError> {
        match raw.trim().to_ascii_lowercase().as_str() {
            "auto" => Ok(Self::Auto),
            "json" => Ok(Self::Json),
            "text" => Ok(Self::Text),
            _ => Err(ConfigError::Invalid {
                name: "PROMPTVAULT_LOG_FORMAT",
                reason: "expected auto, json or text".to_owned(),
            }),
        }
    }

    /// Whether lines are readable text, given whether the log goes to a terminal.
    pub fn readable(self, to_terminal: bool) -> bool {
        match self {
            Self::Auto => to_terminal,
            Self::Json => false,
            Self::Text => true,
        }
    }
}

/// Anomaly alert settings, as configured.
#[derive(Debug, Clone)]
pub struct AnomalyConfig {
    /// Where anomalies are posted (`PROMPTVAULT_ANOMALY_WEBHOOK_URL`).
    pub webhook_url: Option<String>,
    /// The key that signs webhook calls (`PROMPTVAULT_ANOMALY_WEBHOOK_SECRET_FILE`).
    pub webhook_secret_file: Option<PathBuf>,
    /// Which anomalies block the caller (`PROMPTVAULT_ANOMALY_BLOCK`: none, honey, all).
    pub block: crate::guard::anomaly::BlockPolicy,
    /// How long (`PROMPTVAULT_ANOMALY_BLOCK_SECONDS`).
    pub block_seconds: u64,
    /// Jump factor over the caller's baseline (`PROMPTVAULT_ANOMALY_RATE_FACTOR`).
    pub rate_factor: f64,
    /// Reveals per minute below which no jump counts (`PROMPTVAULT_ANOMALY_RATE_FLOOR`).
    pub rate_floor: u64,
    /// Never-seen tokens per minute (`PROMPTVAULT_ANOMALY_NEW_TOKENS_PER_MINUTE`).
    pub new_tokens_per_minute: u64,
}

/// A configuration that cannot be used; the message says what to change.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The TOML file could not be read.
    #[error("config file {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The TOML file is not valid.
    #[error("config file: {0}")]
    Toml(String),
    /// A value is not valid.
    #[error("{name}: {reason}")]
    Invalid {
        /// The variable or key.
        name: &'static str,
        /// What is wrong.
        reason: String,
    },
}

/// A configuration file that holds a secret (the root key passphrase, or a database URL
/// with a password) must be readable by its owner only, as the key files are.
fn check_secret_file_mode(path: &Path, text: &str) -> Result<(), ConfigError> {
    use std::os::unix::fs::PermissionsExt;
    let Ok(file) = toml::from_str::<FileConfig>(text) else {
        return Ok(()); // from_sources reports the syntax error
    };
    let url_password = file
        .database_url
        .as_deref()
        .and_then(|url| url::Url::parse(url).ok())
        .is_some_and(|url| url.password().is_some());
    if file.root_key_passphrase.is_none() && !url_password {
        return Ok(());
    }
    let mode = std::fs::metadata(path)
        .map_err(|source| ConfigError::Read {
            path: path.to_owned(),
            source,
        })?
        .permissions()
        .mode();
    if mode & 0o077 != 0 {
        return Err(ConfigError::Invalid {
            name: "config file",
            reason: format!(
                "{} holds a secret and is readable by group or others: chmod 600 it",
                path.display()
            ),
        });
    }
    Ok(())
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    listen: Option<String>,
    database_url: Option<String>,
    root_key_file: Option<PathBuf>,
    root_key_passphrase: Option<String>,
    jwt_hs256_secret_file: Option<PathBuf>,
    jwt_public_keys: Option<PathBuf>,
    jwt_issuer: Option<String>,
    jwt_audience: Option<String>,
    admin_require_mfa: Option<bool>,
    admin_dual_control: Option<bool>,
    max_body_bytes: Option<usize>,
    reveal_cache_mb: Option<u64>,
    rate_limit_tokenize_per_sub: Option<i64>,
    rate_limit_tokenize_per_tenant: Option<i64>,
    rate_limit_detokenize_per_sub: Option<i64>,
    rate_limit_detokenize_per_tenant: Option<i64>,
    upstream_url: Option<String>,
    upstream_api_key_file: Option<PathBuf>,
    upstream_timeout_seconds: Option<u64>,
    anthropic_url: Option<String>,
    anthropic_api_key_file: Option<PathBuf>,
    anomaly_webhook_url: Option<String>,
    anomaly_webhook_secret_file: Option<PathBuf>,
    anomaly_block: Option<String>,
    anomaly_block_seconds: Option<u64>,
    anomaly_rate_factor: Option<f64>,
    anomaly_rate_floor: Option<u64>,
    anomaly_new_tokens_per_minute: Option<u64>,
    log: Option<String>,
    log_format: Option<String>,
}

impl Config {
    /// Reads `file` (if given) and the process environment.
    ///
    /// # Errors
    /// An unreadable or invalid file, or an invalid value.
    pub fn load(file: Option<&Path>) -> Result<Self, ConfigError> {
        let toml = match file {
            Some(path) => {
                Some(
                    std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
                        path: path.to_owned(),
                        source,
                    })?,
                )
            }
            None => None,
        };
        if let (Some(path), Some(text)) = (file, &toml) {
            check_secret_file_mode(path, text)?;
        }
        let env: HashMap<String, String> = std::env::vars()
            .filter(|(k, _)| k.starts_with("PROMPTVAULT_"))
            .collect();
        Self::from_sources(toml.as_deref(), &env)
    }

    /// Builds the configuration from TOML text and a map of environment variables.
    ///
    /// # Errors
    /// Invalid TOML or an invalid value.
    pub fn from_sources(
        toml: Option<&str>,
        env: &HashMap<String, String>,
    ) -> Result<Self, ConfigError> {
        let file: FileConfig = match toml {
            Some(text) => {
                toml::from_str(text).map_err(|e| ConfigError::Toml(e.message().to_owned()))?
            }
            None => FileConfig::default(),
        };
        let var = |name: &str| env.get(name).filter(|v| !v.is_empty()).cloned();
        let anomaly = anomaly_config(&var, &file)?;
        let rate_limits = rate_limits(&var, &file)?;
        let reveal_cache_mb = reveal_cache_mb(&var, &file)?;
        let upstream_timeout_seconds = upstream_timeout_seconds(&var, &file)?;
        let config = Self {
            listen: var("PROMPTVAULT_LISTEN")
                .or(file.listen)
                .unwrap_or_else(|| "127.0.0.1:8080".to_owned()),
            database_url: SecretString::from(
                var("PROMPTVAULT_DATABASE_URL")
                    .or(file.database_url)
                    .unwrap_or_else(|| "sqlite://data/promptvault.db".to_owned()),
            ),
            root_key_file: var("PROMPTVAULT_ROOT_KEY_FILE")
                .map(PathBuf::from)
                .or(file.root_key_file)
                .unwrap_or_else(|| PathBuf::from("keys/root.key")),
            root_key_passphrase: var("PROMPTVAULT_ROOT_KEY_PASSPHRASE")
                .or(file.root_key_passphrase)
                .map(SecretString::from),
            jwt_hs256_secret_file: var("PROMPTVAULT_JWT_HS256_SECRET_FILE")
                .map(PathBuf::from)
                .or(file.jwt_hs256_secret_file),
            jwt_public_keys: var("PROMPTVAULT_JWT_PUBLIC_KEYS")
                .map(PathBuf::from)
                .or(file.jwt_public_keys),
            jwt_issuer: var("PROMPTVAULT_JWT_ISSUER").or(file.jwt_issuer),
            jwt_audience: var("PROMPTVAULT_JWT_AUDIENCE")
                .or(file.jwt_audience)
                .unwrap_or_else(|| "promptvault".to_owned()),
            admin_require_mfa: match var("PROMPTVAULT_ADMIN_REQUIRE_MFA") {
                Some(raw) => parse_bool("PROMPTVAULT_ADMIN_REQUIRE_MFA", &raw)?,
                None => file.admin_require_mfa.unwrap_or(true),
            },
            admin_dual_control: match var("PROMPTVAULT_ADMIN_DUAL_CONTROL") {
                Some(raw) => parse_bool("PROMPTVAULT_ADMIN_DUAL_CONTROL", &raw)?,
                None => file.admin_dual_control.unwrap_or(false),
            },
            max_body_bytes: match var("PROMPTVAULT_MAX_BODY_BYTES") {
                Some(raw) => raw.trim().parse().map_err(|_| ConfigError::Invalid {
                    name: "PROMPTVAULT_MAX_BODY_BYTES",
                    reason: "expected a whole number of bytes".to_owned(),
                })?,
                None => file.max_body_bytes.unwrap_or(1_048_576),
            },
            reveal_cache_mb,
            rate_limits,
            upstream_url: var("PROMPTVAULT_UPSTREAM_URL").or(file.upstream_url),
            upstream_api_key_file: var("PROMPTVAULT_UPSTREAM_API_KEY_FILE")
                .map(PathBuf::from)
                .or(file.upstream_api_key_file),
            upstream_timeout_seconds,
            anthropic_url: var("PROMPTVAULT_ANTHROPIC_URL").or(file.anthropic_url),
            anthropic_api_key_file: var("PROMPTVAULT_ANTHROPIC_API_KEY_FILE")
                .map(PathBuf::from)
                .or(file.anthropic_api_key_file),
            anomaly,
            log: var("PROMPTVAULT_LOG")
                .or(file.log)
                .unwrap_or_else(|| "info".to_owned()),
            log_format: match var("PROMPTVAULT_LOG_FORMAT").or(file.log_format) {
                Some(raw) => LogFormat::parse(&raw)?,
                None => LogFormat::Auto,
            },
        };
        config.validate()?;
        Ok(config)
    }

    fn validate(&self) -> Result<(), ConfigError> {
        let url = self.database_url.expose_secret();
        if !["sqlite:", "postgres:", "postgresql:"]
            .iter()
            .any(|scheme| url.starts_with(scheme))
        {
            return Err(ConfigError::Invalid {
                name: "PROMPTVAULT_DATABASE_URL",
                reason: "must start with sqlite:, postgres: or postgresql:".to_owned(),
            });
        }
        if self.max_body_bytes == 0 {
            return Err(ConfigError::Invalid {
                name: "PROMPTVAULT_MAX_BODY_BYTES",
                reason: "must be above 0".to_owned(),
            });
        }
        if self.upstream_url.is_some() && self.upstream_api_key_file.is_none() {
            return Err(ConfigError::Invalid {
                name: "PROMPTVAULT_UPSTREAM_API_KEY_FILE",
                reason:
                    "the proxy needs the provider key file when PROMPTVAULT_UPSTREAM_URL is set"
                        .to_owned(),
            });
        }
        if self.anthropic_url.is_some() && self.anthropic_api_key_file.is_none() {
            return Err(ConfigError::Invalid {
                name: "PROMPTVAULT_ANTHROPIC_API_KEY_FILE",
                reason: "/v1/messages needs the Anthropic key file when PROMPTVAULT_ANTHROPIC_URL is set"
                    .to_owned(),
            });
        }
        if self.jwt_audience.is_empty() {
            return Err(ConfigError::Invalid {
                name: "PROMPTVAULT_JWT_AUDIENCE",
                reason: "must not be empty".to_owned(),
            });
        }
        Ok(())
    }

    /// Development mode: no JWT keys configured, so the service makes and uses a local
    /// development secret. Never for production.
    pub fn development_mode(&self) -> bool {
        self.jwt_hs256_secret_file.is_none() && self.jwt_public_keys.is_none()
    }

    /// The HS256 secret file in use: the configured one, or the development secret in
    /// development mode.
    pub fn hs256_secret_file(&self) -> Option<PathBuf> {
        match &self.jwt_hs256_secret_file {
            Some(path) => Some(path.clone()),
            None if self.development_mode() => Some(PathBuf::from(DEV_JWT_SECRET_FILE)),
            None => None,
        }
    }
}

/// The four rate limits: requests per minute per caller and per tenant, 0 = off.
fn upstream_timeout_seconds(
    var: &dyn Fn(&str) -> Option<String>,
    file: &FileConfig,
) -> Result<u64, ConfigError> {
    match var("PROMPTVAULT_UPSTREAM_TIMEOUT_SECONDS") {
        Some(raw) => {
            raw.trim()
                .parse::<u64>()
                .ok()
                .filter(|s| *s > 0)
                .ok_or(ConfigError::Invalid {
                    name: "PROMPTVAULT_UPSTREAM_TIMEOUT_SECONDS",
                    reason: "expected whole seconds above 0".to_owned(),
                })
        }
        None => Ok(file.upstream_timeout_seconds.unwrap_or(300)),
    }
}

fn reveal_cache_mb(
    var: &dyn Fn(&str) -> Option<String>,
    file: &FileConfig,
) -> Result<u64, ConfigError> {
    match var("PROMPTVAULT_REVEAL_CACHE_MB") {
        Some(raw) => raw.trim().parse().map_err(|_| ConfigError::Invalid {
            name: "PROMPTVAULT_REVEAL_CACHE_MB",
            reason: "expected a whole number of MiB (0 turns the cache off)".to_owned(),
        }),
        None => Ok(file.reveal_cache_mb.unwrap_or(DEFAULT_REVEAL_CACHE_MB)),
    }
}

fn rate_limits(
    var: &dyn Fn(&str) -> Option<String>,
    file: &FileConfig,
) -> Result<crate::guard::ratelimit::RateLimits, ConfigError> {
    let defaults = crate::guard::ratelimit::RateLimits::default();
    let limit = |name: &'static str, file: Option<i64>, default: i64| match var(name) {
        Some(raw) => {
            raw.trim()
                .parse::<i64>()
                .ok()
                .filter(|v| *v >= 0)
                .ok_or(ConfigError::Invalid {
                    name,
                    reason: "expected requests per minute (0 turns the limit off)".to_owned(),
                })
        }
        None => Ok(file.unwrap_or(default)),
    };
    Ok(crate::guard::ratelimit::RateLimits {
        tokenize_per_sub: limit(
            "PROMPTVAULT_RATE_LIMIT_TOKENIZE_PER_SUB",
            file.rate_limit_tokenize_per_sub,
            defaults.tokenize_per_sub,
        )?,
        tokenize_per_tenant: limit(
            "PROMPTVAULT_RATE_LIMIT_TOKENIZE_PER_TENANT",
            file.rate_limit_tokenize_per_tenant,
            defaults.tokenize_per_tenant,
        )?,
        detokenize_per_sub: limit(
            "PROMPTVAULT_RATE_LIMIT_DETOKENIZE_PER_SUB",
            file.rate_limit_detokenize_per_sub,
            defaults.detokenize_per_sub,
        )?,
        detokenize_per_tenant: limit(
            "PROMPTVAULT_RATE_LIMIT_DETOKENIZE_PER_TENANT",
            file.rate_limit_detokenize_per_tenant,
            defaults.detokenize_per_tenant,
        )?,
    })
}

fn anomaly_config(
    var: &dyn Fn(&str) -> Option<String>,
    file: &FileConfig,
) -> Result<AnomalyConfig, ConfigError> {
    fn number<T: std::str::FromStr>(
        name: &'static str,
        raw: Option<String>,
        file: Option<T>,
        default: T,
        reason: &str,
    ) -> Result<T, ConfigError> {
        match raw {
            Some(raw) => raw.trim().parse().map_err(|_| ConfigError::Invalid {
                name,
                reason: reason.to_owned(),
            }),
            None => Ok(file.unwrap_or(default)),
        }
    }
    let defaults = crate::guard::anomaly::AnomalySettings::default();
    let block = match var("PROMPTVAULT_ANOMALY_BLOCK").or_else(|| file.anomaly_block.clone()) {
        Some(raw) => {
            crate::guard::anomaly::BlockPolicy::parse(&raw).ok_or_else(|| ConfigError::Invalid {
                name: "PROMPTVAULT_ANOMALY_BLOCK",
                reason: "expected none, honey or all".to_owned(),
            })?
        }
        None => defaults.block,
    };
    let rate_factor = number(
        "PROMPTVAULT_ANOMALY_RATE_FACTOR",
        var("PROMPTVAULT_ANOMALY_RATE_FACTOR"),
        file.anomaly_rate_factor,
        defaults.rate_factor,
        "expected a number above 1",
    )?;
    if !(rate_factor > 1.0 && rate_factor.is_finite()) {
        return Err(ConfigError::Invalid {
            name: "PROMPTVAULT_ANOMALY_RATE_FACTOR",
            reason: "expected a number above 1".to_owned(),
        });
    }
    Ok(AnomalyConfig {
        webhook_url: var("PROMPTVAULT_ANOMALY_WEBHOOK_URL")
            .or_else(|| file.anomaly_webhook_url.clone()),
        webhook_secret_file: var("PROMPTVAULT_ANOMALY_WEBHOOK_SECRET_FILE")
            .map(PathBuf::from)
            .or_else(|| file.anomaly_webhook_secret_file.clone()),
        block,
        block_seconds: number(
            "PROMPTVAULT_ANOMALY_BLOCK_SECONDS",
            var("PROMPTVAULT_ANOMALY_BLOCK_SECONDS"),
            file.anomaly_block_seconds,
            defaults.block_seconds,
            "expected whole seconds",
        )?,
        rate_factor,
        rate_floor: number(
            "PROMPTVAULT_ANOMALY_RATE_FLOOR",
            var("PROMPTVAULT_ANOMALY_RATE_FLOOR"),
            file.anomaly_rate_floor,
            defaults.rate_floor,
            "expected reveals per minute",
        )?,
        new_tokens_per_minute: number(
            "PROMPTVAULT_ANOMALY_NEW_TOKENS_PER_MINUTE",
            var("PROMPTVAULT_ANOMALY_NEW_TOKENS_PER_MINUTE"),
            file.anomaly_new_tokens_per_minute,
            defaults.new_tokens_per_minute,
            "expected tokens per minute",
        )?,
    })
}

fn parse_bool(name: &'static str, raw: &str) -> Result<bool, ConfigError> {
    match raw.trim().to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" | "on" => Ok(true),
        "false" | "0" | "no" | "off" => Ok(false),
        _ => Err(ConfigError::Invalid {
            name,
            reason: "expected true or false".to_owned(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn the_example_file_parses_and_anomaly_settings_are_checked() {
        let example = include_str!("../deploy/config.example.toml");
        let config = Config::from_sources(Some(example), &HashMap::new()).unwrap();
        assert_eq!(
            config.anomaly.block,
            crate::guard::anomaly::BlockPolicy::Honey
        );
        assert_eq!(config.anomaly.block_seconds, 900);
        let overridden = Config::from_sources(
            Some(example),
            &env(&[
                ("PROMPTVAULT_ANOMALY_BLOCK", "all"),
                ("PROMPTVAULT_ANOMALY_RATE_FLOOR", "5"),
            ]),
        )
        .unwrap();
        assert_eq!(
            overridden.anomaly.block,
            crate::guard::anomaly::BlockPolicy::All
        );
        assert_eq!(overridden.anomaly.rate_floor, 5);
        for (name, value) in [
            ("PROMPTVAULT_ANOMALY_BLOCK", "sometimes"),
            ("PROMPTVAULT_ANOMALY_RATE_FACTOR", "0.5"),
            ("PROMPTVAULT_ANOMALY_BLOCK_SECONDS", "-1"),
        ] {
            let err = Config::from_sources(None, &env(&[(name, value)])).unwrap_err();
            assert!(err.to_string().contains(name), "{err}");
        }
    }

    #[test]
    fn defaults_are_the_embedded_development_set_up() {
        let config = Config::from_sources(None, &HashMap::new()).unwrap();
        assert_eq!(config.listen, "127.0.0.1:8080");
        assert_eq!(
            config.database_url.expose_secret(),
            "sqlite://data/promptvault.db"
        );
        assert_eq!(config.root_key_file, PathBuf::from("keys/root.key"));
        assert!(config.development_mode() && config.admin_require_mfa);
        assert_eq!(
            config.hs256_secret_file(),
            Some(PathBuf::from(DEV_JWT_SECRET_FILE))
        );
        assert_eq!(config.max_body_bytes, 1_048_576);
        assert_eq!(config.jwt_audience, "promptvault");
    }

    #[test]
    fn the_reveal_cache_size_is_read_and_checked() {
        let none = Config::from_sources(None, &env(&[])).unwrap();
        assert_eq!(none.reveal_cache_mb, DEFAULT_REVEAL_CACHE_MB);
        let from_file = Config::from_sources(Some("reveal_cache_mb = 8"), &env(&[])).unwrap();
        assert_eq!(from_file.reveal_cache_mb, 8);
        let off = env(&[("PROMPTVAULT_REVEAL_CACHE_MB", "0")]);
        assert_eq!(
            Config::from_sources(Some("reveal_cache_mb = 8"), &off)
                .unwrap()
                .reveal_cache_mb,
            0
        );
        let bad = env(&[("PROMPTVAULT_REVEAL_CACHE_MB", "-1")]);
        let err = Config::from_sources(None, &bad).unwrap_err();
        assert!(
            err.to_string().contains("PROMPTVAULT_REVEAL_CACHE_MB"),
            "{err}"
        );
    }

    #[test]
    fn the_environment_wins_over_the_file() {
        let toml = "listen = \"0.0.0.0:9000\"\nmax_body_bytes = 10\njwt_public_keys = \"k.pem\"";
        let config =
            Config::from_sources(Some(toml), &env(&[("PROMPTVAULT_MAX_BODY_BYTES", "20")]))
                .unwrap();
        assert_eq!(config.listen, "0.0.0.0:9000");
        assert_eq!(config.max_body_bytes, 20);
        assert!(!config.development_mode());
        assert_eq!(config.hs256_secret_file(), None);
    }

    #[test]
    fn bad_values_are_refused_with_the_variable_named() {
        let err = Config::from_sources(None, &env(&[("PROMPTVAULT_DATABASE_URL", "mysql://x")]))
            .unwrap_err();
        assert!(err.to_string().contains("PROMPTVAULT_DATABASE_URL"));
        let err = Config::from_sources(None, &env(&[("PROMPTVAULT_ADMIN_REQUIRE_MFA", "maybe")]))
            .unwrap_err();
        assert!(err.to_string().contains("PROMPTVAULT_ADMIN_REQUIRE_MFA"));
        assert!(Config::from_sources(Some("unknown_key = 1"), &HashMap::new()).is_err());
    }

    #[test]
    fn debug_output_never_shows_secrets() {
        let config = Config::from_sources(
            None,
            &env(&[
                (
                    "PROMPTVAULT_DATABASE_URL",
                    "postgres://user:hunter2-db@localhost/x",
                ),
                (
                    "PROMPTVAULT_ROOT_KEY_PASSPHRASE",
                    "correct-horse-passphrase",
                ),
            ]),
        )
        .unwrap();
        let shown = format!("{config:?}");
        assert!(
            !shown.contains("hunter2-db") && !shown.contains("correct-horse-passphrase"),
            "{shown}"
        );
    }

    #[test]
    fn the_log_format_is_auto_unless_asked_and_a_typo_is_refused() {
        let format = |raw: Option<&str>| {
            let vars: Vec<(&str, &str)> = raw
                .map(|r| ("PROMPTVAULT_LOG_FORMAT", r))
                .into_iter()
                .collect();
            Config::from_sources(None, &env(&vars)).map(|c| c.log_format)
        };
        assert_eq!(format(None).unwrap(), LogFormat::Auto);
        assert_eq!(format(Some("JSON")).unwrap(), LogFormat::Json);
        assert_eq!(format(Some("text")).unwrap(), LogFormat::Text);
        assert!(format(Some("pretty")).is_err());
        assert!(LogFormat::Auto.readable(true) && !LogFormat::Auto.readable(false));
        assert!(!LogFormat::Json.readable(true) && LogFormat::Text.readable(false));
    }
}
