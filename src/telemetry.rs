//! Logging on stderr (stdout is left to commands' output, like `token`): JSON lines for
//! log collectors, or short readable lines when a person watches a terminal
//! (`PROMPTVAULT_LOG_FORMAT`). What may be logged: routes, status codes, latencies,
//! counts, tenant ids, key versions. What may never be logged: prompt text, detokenized
//! output, tokens, JWTs, `Authorization` headers, key material. Handlers, the vault and
//! the store use `#[tracing::instrument(skip_all, …)]` so every field is a choice (the
//! vault and store spans of the hot paths at debug level: a span per request at info
//! costs about a tenth of tokenize throughput).

use std::io::IsTerminal;

use tracing_subscriber::EnvFilter;

use crate::config::LogFormat;

/// Whether log lines (and the start-up banner) are for a person: `text`, or `auto` with
/// stderr, where the log goes, on a terminal.
pub fn readable(format: LogFormat) -> bool {
    format.readable(std::io::stderr().is_terminal())
}

/// Installs the global subscriber. `filter` uses `EnvFilter` syntax; database driver
/// logs are capped at `warn` unless named explicitly.
pub fn init(filter: &str, format: LogFormat) {
    let directives = if filter.contains("sqlx") {
        filter.to_owned()
    } else {
        format!("{filter},sqlx=warn")
    };
    let filter =
        EnvFilter::try_new(&directives).unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn"));
    // A second init (tests starting several apps in one process) is harmless.
    if readable(format) {
        let _ = tracing_subscriber::fmt()
            .compact()
            .with_ansi(std::io::stderr().is_terminal())
            .with_target(false)
            .with_env_filter(filter)
            .with_writer(std::io::stderr)
            .try_init();
        return;
    }
    let _ = tracing_subscriber::fmt()
        .json()
        .flatten_event(true)
        .with_current_span(true)
        .with_span_list(false)
        .with_target(true)
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}

/// Replaces the default panic report, which prints the panic's message (a failed string
/// slice prints the string, that is, the prompt), with a log event that names only where
/// the panic happened. A panic is a bug; the location finds it, the payload may be a value.
pub fn redact_panics() {
    std::panic::set_hook(Box::new(|info| {
        let location = info.location().map_or_else(
            || "unknown".to_owned(),
            |l| format!("{}:{}", l.file(), l.line()),
        );
        tracing::error!(location = %location, "panic; its message is withheld, as it may hold a value");
    }));
}
