//! Logging on stderr (stdout is left to commands' output, like `token`): JSON lines for
//! log collectors, or short readable lines when a person watches a terminal
//! (`PROMPTVAULT_LOG_FORMAT`). What may be logged: routes, status codes, latencies,
//! counts, tenant ids, key versions. What may never be logged: prompt text, detokenized
//! output, tokens, JWTs, `Authorization` headers, key material. Handlers, the vault and
//! the store use `#[tracing::instrument(skip_all, …)]` so every field is a choice (the
//! vault and store spans of the hot paths at debug level: a span per request at info
//! costs about a tenth of tokenize throughput).

use std::io::IsTerminal;

use opentelemetry::trace::TracerProvider as _;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Layer};

use crate::config::LogFormat;

/// Whether log lines (and the start-up banner) are for a person: `text`, or `auto` with
/// stderr, where the log goes, on a terminal.
pub fn readable(format: LogFormat) -> bool {
    format.readable(std::io::stderr().is_terminal())
}

/// Installs the global subscriber. `filter` uses `EnvFilter` syntax; database driver
/// logs are capped at `warn` unless named explicitly. With `OTEL_EXPORTER_OTLP_ENDPOINT`
/// set, spans also go to that OpenTelemetry collector; the returned guard flushes them
/// when dropped.
pub fn init(filter: &str, format: LogFormat) -> Option<Traces> {
    let directives = if filter.contains("sqlx") {
        filter.to_owned()
    } else {
        format!("{filter},sqlx=warn")
    };
    let filter =
        EnvFilter::try_new(&directives).unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn"));
    let logs = if readable(format) {
        tracing_subscriber::fmt::layer()
            .compact()
            .with_ansi(std::io::stderr().is_terminal())
            .with_target(false)
            .with_writer(std::io::stderr)
            .with_filter(filter)
            .boxed()
    } else {
        tracing_subscriber::fmt::layer()
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .with_span_list(false)
            .with_target(true)
            .with_writer(std::io::stderr)
            .with_filter(filter)
            .boxed()
    };
    let traces = std::env::var_os("OTEL_EXPORTER_OTLP_ENDPOINT")
        .filter(|endpoint| !endpoint.is_empty())
        .map(|_| Traces::start());
    let (traces, failed) = match traces {
        Some(Ok(traces)) => (Some(traces), None),
        Some(Err(err)) => (None, Some(err)),
        None => (None, None),
    };
    let spans = traces.as_ref().map(|traces| {
        // The service's own spans, the debug ones of the hot paths included (the store,
        // detection, key loading): they cost only when traces are on.
        tracing_opentelemetry::layer()
            .with_tracer(traces.provider.tracer("promptvault"))
            .with_filter(EnvFilter::new("warn,promptvault=debug"))
    });
    // A second init (tests starting several apps in one process) is harmless.
    let _ = tracing_subscriber::registry()
        .with(logs)
        .with(spans)
        .try_init();
    if failed.is_some() {
        // Said once the subscriber is there to say it, without the exporter's error: it
        // can quote the endpoint, credentials in its URL included.
        tracing::error!(
            "traces are off: the OTLP exporter could not be built from \
             OTEL_EXPORTER_OTLP_ENDPOINT (check that it is a valid http(s) URL)"
        );
    }
    traces
}

/// The OpenTelemetry pipeline: spans batched to the OTLP/HTTP collector named by
/// `OTEL_EXPORTER_OTLP_ENDPOINT` (JSON encoding; `/v1/traces` is appended), the batch
/// settings from the standard `OTEL_BSP_*` variables. Spans carry names, routes, counts,
/// tenant ids and timings, as logs do; never a value, a token or a key.
#[derive(Debug)]
pub struct Traces {
    provider: opentelemetry_sdk::trace::SdkTracerProvider,
}

impl Traces {
    fn start() -> Result<Self, opentelemetry_otlp::ExporterBuildError> {
        use opentelemetry_otlp::WithExportConfig;
        let exporter = opentelemetry_otlp::SpanExporter::builder()
            .with_http()
            .with_protocol(opentelemetry_otlp::Protocol::HttpJson)
            .build()?;
        // The builder reads OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES; without a
        // name from them, the service calls itself promptvault.
        let mut resource = opentelemetry_sdk::Resource::builder();
        if std::env::var_os("OTEL_SERVICE_NAME").is_none() {
            resource = resource.with_service_name("promptvault");
        }
        let resource = resource.build();
        let provider = opentelemetry_sdk::trace::SdkTracerProvider::builder()
            .with_batch_exporter(exporter)
            .with_resource(resource)
            .build();
        Ok(Self { provider })
    }
}

impl Drop for Traces {
    fn drop(&mut self) {
        // The spans still batched go out before the process ends.
        if let Err(err) = self.provider.shutdown() {
            tracing::warn!(error = %err, "flushing traces failed");
        }
    }
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
