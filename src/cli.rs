//! The command line: `serve`, `migrate`, `token`. Commands return what they would print;
//! only `main` writes to stdout and stderr.

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::{bail, Context};
use clap::{Parser, Subcommand};
use std::sync::Arc;

use secrecy::{ExposeSecret, SecretString};

use crate::audit::AuditLog;
use crate::auth::{jwt_claims, load_or_create_dev_secret, JwtIssuer};
use crate::clock::{Clock, SystemClock};
use crate::config::Config;
use crate::detect::Detector;
use crate::evaluate::{predict, report, score, CorpusRecord};
use crate::keys::{load_root_keyring, write_root_keyring};
use crate::keys::{FileRootKeyProvider, KeyLifecycle, Keyring, TenantStates};
use crate::tenant::TenantId;

/// promptvault: keeps sensitive values out of LLM prompts.
#[derive(Debug, Parser)]
#[command(name = "promptvault", version, about)]
pub struct Cli {
    /// A TOML configuration file; PROMPTVAULT_* variables override it.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start the HTTP service (runs migrations first).
    Serve,
    /// Run the database migrations and exit.
    Migrate,
    /// Print a JWT signed with the development secret, for trying the service out.
    Token(TokenArgs),
    /// Run the detector over a corpus (JSON lines with "id" and "text") and write
    /// predictions as JSON lines: {"id", "entities": [{"type", "start", "end"}]}, in
    /// Unicode code point offsets.
    Detect {
        /// The corpus file.
        file: PathBuf,
    },
    /// The audit log: verify every tenant's chain, or export events as JSON lines.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Offline key management: root rotation and the root key file's passphrase.
    #[command(subcommand)]
    Keys(KeysCommand),
    /// Score the detector on a labelled corpus: per-type precision, recall, F1, leak rate.
    Eval {
        /// The labelled corpus file.
        file: PathBuf,
    },
}

/// Reads a corpus file: one JSON object per non-empty line.
fn read_corpus(file: &std::path::Path) -> anyhow::Result<Vec<CorpusRecord>> {
    let raw =
        std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
    raw.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(n, line)| {
            serde_json::from_str(line)
                .with_context(|| format!("{}:{}: not a corpus record", file.display(), n + 1))
        })
        .collect()
}

/// `promptvault detect FILE`: returns the predictions, one JSON line per prompt.
///
/// # Errors
/// An unreadable or malformed file.
pub fn detect_file(file: &std::path::Path) -> anyhow::Result<String> {
    let detector = Detector::new();
    let mut out = String::new();
    for record in read_corpus(file)? {
        out.push_str(&serde_json::to_string(&predict(&detector, &record))?);
        out.push('\n');
    }
    Ok(out)
}

/// `promptvault eval FILE`: returns the per-type report.
///
/// # Errors
/// An unreadable or malformed file.
pub fn eval_file(file: &std::path::Path) -> anyhow::Result<String> {
    let detector = Detector::new();
    let mut scores = BTreeMap::new();
    let records = read_corpus(file)?;
    let (mut clean, mut clean_flagged) = (0usize, 0usize);
    for record in &records {
        let predicted = predict(&detector, record).entities;
        if record.entities.is_empty() {
            clean += 1;
            clean_flagged += usize::from(!predicted.is_empty());
        }
        score(&record.entities, &predicted, &mut scores);
    }
    Ok(format!(
        "{} prompts\n{}prompts without a labelled value: {clean}, of which with a false positive: {clean_flagged}\n",
        records.len(),
        report(&scores)
    ))
}

/// `promptvault audit …`.
#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Check the hash chain and checkpoints of one tenant or of all; exits non-zero when
    /// anything was tampered with.
    Verify {
        /// Only this tenant.
        #[arg(long)]
        tenant: Option<String>,
    },
    /// Write events as JSON lines (for a SIEM), oldest first.
    Export {
        /// Only this tenant.
        #[arg(long)]
        tenant: Option<String>,
        /// Only events from this time on (Unix milliseconds).
        #[arg(long)]
        since: Option<i64>,
    },
}

/// `promptvault audit …`: returns what to print and whether everything verified.
///
/// # Errors
/// Unreadable keys or store failures.
pub async fn audit(config: &Config, command: &AuditCommand) -> anyhow::Result<(String, bool)> {
    let root = load_root_keyring(&config.root_key_file, config.root_key_passphrase.as_ref())?;
    let store = crate::store::connect(config.database_url.expose_secret()).await?;
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    let keyring = Arc::new(Keyring::new(
        root,
        None,
        Arc::clone(&store),
        Arc::clone(&clock),
    ));
    let log = AuditLog::new(store, keyring, clock);
    let (AuditCommand::Verify { tenant } | AuditCommand::Export { tenant, .. }) = command;
    let tenants = match tenant {
        Some(tenant) => vec![tenant.clone()],
        None => log.tenants().await?,
    };
    let mut out = String::new();
    let mut all_ok = true;
    for tenant in tenants {
        match command {
            AuditCommand::Verify { .. } => {
                let report = log.verify(&tenant).await?;
                all_ok &= report.ok;
                out.push_str(&serde_json::to_string(
                    &serde_json::json!({ "tenant": tenant, "report": report }),
                )?);
                out.push('\n');
            }
            AuditCommand::Export { since, .. } => {
                let tenant_id = TenantId::parse(&tenant).context("--tenant")?;
                let mut filter = crate::store::AuditFilter {
                    since: *since,
                    limit: 1000,
                    ..Default::default()
                };
                loop {
                    let page = log.page(&tenant_id, filter.clone()).await?;
                    for event in &page.events {
                        out.push_str(&serde_json::to_string(event)?);
                        out.push('\n');
                    }
                    match page.next_after {
                        Some(after) => filter.after_seq = Some(after),
                        None => break,
                    }
                }
            }
        }
    }
    Ok((out, all_ok))
}

/// `promptvault keys …`.
#[derive(Debug, Subcommand)]
pub enum KeysCommand {
    /// A new root key version; every data key is rewrapped (as POST /v1/admin/root/rotate).
    RotateRoot {
        /// Keep no copy of the old version, and destroy copies earlier rotations left: the
        /// rotation a shred owes, for a service whose key file is read-only (Kubernetes).
        #[arg(long)]
        no_copy: bool,
        /// Only add the new version to the key file, beside the current one; publish the
        /// file to every instance, then run with --finish (no instance ever meets a key
        /// its file cannot open).
        #[arg(long, conflicts_with_all = ["finish", "no_copy"])]
        stage: bool,
        /// Rewrap every key under the staged version and leave the file with it alone.
        #[arg(long)]
        finish: bool,
    },
    /// Seal the plain root key file with PROMPTVAULT_ROOT_KEY_PASSPHRASE.
    Seal,
    /// Store the sealed root key file in the clear (mode 0600); needs the passphrase.
    Unseal,
    /// Re-seal the root key file with the passphrase in PROMPTVAULT_NEW_ROOT_KEY_PASSPHRASE.
    ChangePassphrase {
        /// The new passphrase, from the environment only (never the command line).
        #[arg(
            long = "new-passphrase-from-env",
            env = "PROMPTVAULT_NEW_ROOT_KEY_PASSPHRASE",
            hide_env_values = true,
            hide = true
        )]
        new_passphrase: SecretString,
    },
}

/// `promptvault keys …`: returns what to print.
///
/// # Errors
/// Missing passphrases, unreadable files, store failures.
pub async fn keys(config: &Config, command: &KeysCommand) -> anyhow::Result<String> {
    let path = &config.root_key_file;
    let passphrase = config.root_key_passphrase.as_ref();
    match command {
        KeysCommand::RotateRoot {
            no_copy,
            stage,
            finish,
        } => {
            let root = load_root_keyring(path, passphrase)?;
            let store = crate::store::connect(config.database_url.expose_secret()).await?;
            let source = Arc::new(FileRootKeyProvider {
                path: path.clone(),
                passphrase: passphrase.cloned(),
            });
            let clock: Arc<dyn Clock> = Arc::new(SystemClock);
            let keyring = Arc::new(Keyring::new(
                root,
                Some(source),
                Arc::clone(&store),
                Arc::clone(&clock),
            ));
            let lifecycle =
                KeyLifecycle::new(store, keyring, Arc::new(TenantStates::default()), clock);
            let view = match (*stage, *finish, *no_copy) {
                (true, _, _) => lifecycle.stage_root_version().await?,
                (_, true, keep_no_copy) => lifecycle.finish_staged_rotation(keep_no_copy).await?,
                (_, _, true) => lifecycle.retire_root_key_entirely().await?,
                _ => lifecycle.rotate_root_key().await?,
            };
            Ok(serde_json::to_string_pretty(&view)? + "\n")
        }
        KeysCommand::Seal => {
            let passphrase = passphrase
                .context("set PROMPTVAULT_ROOT_KEY_PASSPHRASE to the passphrase to seal with")?;
            let root = load_root_keyring(path, None)?;
            write_root_keyring(path, &root, Some(passphrase))?;
            Ok(format!("sealed {}\n", path.display()))
        }
        KeysCommand::Unseal => {
            let passphrase = passphrase
                .context("set PROMPTVAULT_ROOT_KEY_PASSPHRASE to the current passphrase")?;
            let root = load_root_keyring(path, Some(passphrase))?;
            write_root_keyring(path, &root, None)?;
            Ok(format!("unsealed {} (mode 0600)\n", path.display()))
        }
        KeysCommand::ChangePassphrase { new_passphrase } => {
            let passphrase = passphrase
                .context("set PROMPTVAULT_ROOT_KEY_PASSPHRASE to the current passphrase")?;
            if new_passphrase.expose_secret().is_empty() {
                bail!("PROMPTVAULT_NEW_ROOT_KEY_PASSPHRASE is empty");
            }
            let root = load_root_keyring(path, Some(passphrase))?;
            write_root_keyring(path, &root, Some(new_passphrase))?;
            Ok(format!(
                "re-sealed {} with the new passphrase\n",
                path.display()
            ))
        }
    }
}

/// Arguments of `promptvault token`.
#[derive(Debug, clap::Args)]
pub struct TokenArgs {
    /// The tenant (1-64 of a-z 0-9 _ -).
    #[arg(long)]
    pub tenant: String,
    /// Space-separated scopes, e.g. "tokenize detokenize".
    #[arg(long)]
    pub scope: String,
    /// The subject.
    #[arg(long, default_value = "dev")]
    pub sub: String,
    /// Lifetime: a number with s, m, h or d.
    #[arg(long, default_value = "1h")]
    pub ttl: String,
    /// Bind the caller to a conversation.
    #[arg(long)]
    pub ctx: Option<String>,
    /// Add "mfa" to amr (admin calls need it).
    #[arg(long)]
    pub mfa: bool,
}

/// `promptvault migrate`.
///
/// # Errors
/// The store cannot be reached or a migration fails.
pub async fn migrate(config: &Config) -> anyhow::Result<()> {
    crate::store::migrate(config.database_url.expose_secret())
        .await
        .context("running migrations")?;
    tracing::info!("migrations applied");
    Ok(())
}

/// `promptvault token`: returns the JWT.
///
/// # Errors
/// No development secret configured, or invalid arguments.
pub fn mint_token(config: &Config, args: &TokenArgs) -> anyhow::Result<String> {
    let Some(secret_file) = config.hs256_secret_file() else {
        bail!(
            "no development secret is configured: `token` signs with an HS256 secret, and this \
             configuration uses public keys only (PROMPTVAULT_JWT_PUBLIC_KEYS)"
        );
    };
    if !config.development_mode() {
        // A configured secret is production's: anyone able to run this binary beside
        // it would mint any tenant's admin token. Tokens come from the identity provider.
        bail!(
            "`token` signs only with the development secret, and this configuration names \
             its own HS256 secret: issue tokens from your identity provider"
        );
    }
    if config.development_mode() {
        load_or_create_dev_secret(&secret_file)?;
    }
    TenantId::parse(&args.tenant).context("--tenant")?;
    if !crate::auth::is_valid_sub(&args.sub) {
        bail!(
            "--sub: 1 to {} bytes without control characters",
            crate::auth::MAX_SUB_LEN
        );
    }
    let ttl = parse_duration(&args.ttl).context("--ttl: expected e.g. 30m, 1h, 7d")?;
    let issuer = JwtIssuer::from_secret_file(&secret_file)?;
    let now = SystemClock.now_seconds();
    let claims = jwt_claims(
        &args.sub,
        &args.tenant,
        &args.scope,
        now,
        now + ttl,
        &config.jwt_audience,
        config.jwt_issuer.as_deref(),
        args.ctx.as_deref(),
        args.mfa,
    );
    Ok(issuer.issue(&claims)?)
}

/// Parses `90`, `90s`, `30m`, `1h`, `7d` into seconds.
fn parse_duration(raw: &str) -> anyhow::Result<i64> {
    let raw = raw.trim();
    let (number, unit) = match raw.find(|c: char| !c.is_ascii_digit()) {
        Some(split) => raw.split_at(split),
        None => (raw, "s"),
    };
    let number: i64 = number.parse().context("not a number")?;
    let factor = match unit {
        "s" => 1,
        "m" => 60,
        "h" => 3600,
        "d" => 86_400,
        _ => bail!("unknown unit"),
    };
    if number <= 0 {
        bail!("must be positive");
    }
    number.checked_mul(factor).context("too long")
}

#[cfg(test)]
mod tests {
    use super::parse_duration;

    #[test]
    fn durations_take_the_usual_units() {
        assert_eq!(parse_duration("90").unwrap(), 90);
        assert_eq!(parse_duration("30m").unwrap(), 1800);
        assert_eq!(parse_duration("1h").unwrap(), 3600);
        assert_eq!(parse_duration("7d").unwrap(), 604_800);
        assert!(parse_duration("1w").is_err());
        assert!(parse_duration("0s").is_err());
        assert!(parse_duration("h").is_err());
    }
}
