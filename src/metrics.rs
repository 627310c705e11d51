//! Prometheus metrics (`GET /metrics`, text format). Labels name routes, statuses, entity
//! types and actions: never a value, a token id, a tenant-supplied string or a caller.

use std::fmt;

use prometheus_client::encoding::text::encode;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;

/// Labels of an HTTP request.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RouteLabels {
    /// The route pattern (`/v1/admin/keys/{version}`), not the raw path.
    pub route: String,
    /// The HTTP method.
    pub method: String,
    /// The status code.
    pub status: u16,
}

/// Labels of a latency histogram.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct LatencyLabels {
    /// The route pattern.
    pub route: String,
}

/// An entity type label.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct TypeLabels {
    /// `EMAIL`, `PHONE`, … or `CUSTOM` for every tenant-defined type.
    pub r#type: String,
}

impl TypeLabels {
    /// The label of a type: built-in types by name, tenant-defined ones all as `CUSTOM`.
    /// `/metrics` needs no authentication, and a tenant's own type names (`PROJECT_X`)
    /// say what it protects; one label for all of them also keeps the series bounded.
    pub fn of(label: &str) -> Self {
        let r#type = match crate::detect::EntityType::from_label(label) {
            Some(builtin) => builtin.label(),
            None => "CUSTOM",
        };
        Self {
            r#type: r#type.to_owned(),
        }
    }
}

/// An audit action label.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct ActionLabels {
    /// `tokenize`, `detokenize`, `keys.rotate`, …
    pub action: String,
}

/// An anomaly kind label.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct KindLabels {
    /// `honey_token`, `reveal_rate` or `new_tokens`.
    pub kind: String,
}

/// A key state label.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct StateLabels {
    /// `active`, `decrypt_only` or `destroyed`.
    pub state: String,
}

/// Every metric the service exports.
pub struct Metrics {
    registry: Registry,
    /// Requests by route, method and status.
    pub http_requests: Family<RouteLabels, Counter>,
    /// Request latency by route.
    pub http_latency: Family<LatencyLabels, Histogram>,
    /// Tokens handed out, by type.
    pub tokens_created: Family<TypeLabels, Counter>,
    /// Tokens revealed, by type.
    pub tokens_revealed: Family<TypeLabels, Counter>,
    /// Tokens a caller was denied, by type.
    pub tokens_denied: Family<TypeLabels, Counter>,
    /// Token-shaped strings nobody could reveal.
    pub tokens_unknown: Counter,
    /// Audit events written, by action.
    pub audit_events: Family<ActionLabels, Counter>,
    /// Requests refused by a rate limit, by action.
    pub rate_limited: Family<ActionLabels, Counter>,
    /// Anomalies, by kind.
    pub anomalies: Family<KindLabels, Counter>,
    /// Data-key versions of all tenants, by state (set when scraped).
    pub key_versions: Family<StateLabels, Gauge>,
    /// The active root key version (set when scraped).
    pub root_key_version: Gauge,
    /// Time the proxy spends on one streamed event (hold-back, reveal, output policy).
    pub proxy_event_seconds: Histogram,
}

impl fmt::Debug for Metrics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Metrics(..)")
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    /// A registry with every metric registered.
    pub fn new() -> Self {
        let mut registry = Registry::with_prefix("promptvault");
        let r = &mut registry;
        let latency = || Histogram::new(exponential_buckets(0.0005, 2.0, 14));
        Self {
            http_requests: registered(
                r,
                "http_requests",
                "HTTP requests by route, method and status",
                Family::default(),
            ),
            http_latency: registered(
                r,
                "http_request_duration_seconds",
                "HTTP request latency by route",
                Family::new_with_constructor(latency),
            ),
            tokens_created: registered(
                r,
                "tokens_created",
                "Tokens handed out by tokenize, by type",
                Family::default(),
            ),
            tokens_revealed: registered(
                r,
                "tokens_revealed",
                "Tokens revealed by detokenize, by type",
                Family::default(),
            ),
            tokens_denied: registered(
                r,
                "tokens_denied",
                "Tokens a caller was not allowed to see, by type",
                Family::default(),
            ),
            tokens_unknown: registered(
                r,
                "tokens_unknown",
                "Token-shaped strings that could not be revealed",
                Counter::default(),
            ),
            audit_events: registered(
                r,
                "audit_events",
                "Audit events written, by action",
                Family::default(),
            ),
            rate_limited: registered(
                r,
                "rate_limited",
                "Requests refused by a rate limit, by action",
                Family::default(),
            ),
            anomalies: registered(
                r,
                "anomalies",
                "Anomalies detected on reveals, by kind",
                Family::default(),
            ),
            key_versions: registered(
                r,
                "data_key_versions",
                "Data-key versions of all tenants, by state",
                Family::default(),
            ),
            root_key_version: registered(
                r,
                "root_key_version",
                "The active root key version",
                Gauge::default(),
            ),
            proxy_event_seconds: registered(
                r,
                "proxy_stream_event_duration_seconds",
                "Time the proxy spends on one streamed event before forwarding it",
                Histogram::new(exponential_buckets(0.000_005, 2.0, 16)),
            ),
            registry,
        }
    }

    /// Counts one audit event.
    pub fn audit(&self, action: &str) {
        self.audit_events
            .get_or_create(&ActionLabels {
                action: action.to_owned(),
            })
            .inc();
    }

    /// The Prometheus text exposition.
    pub fn render(&self) -> String {
        let mut out = String::new();
        if encode(&mut out, &self.registry).is_err() {
            out.clear();
        }
        out
    }
}

/// Registers `metric` (a handle: clones share its values) and returns it.
fn registered<M: prometheus_client::registry::Metric + Clone>(
    registry: &mut Registry,
    name: &str,
    help: &str,
    metric: M,
) -> M {
    registry.register(name, help, metric.clone());
    metric
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metrics_render_in_the_text_format_with_their_labels() {
        let metrics = Metrics::new();
        metrics
            .tokens_created
            .get_or_create(&TypeLabels {
                r#type: "EMAIL".to_owned(),
            })
            .inc_by(3);
        metrics.audit("tokenize");
        metrics
            .http_latency
            .get_or_create(&LatencyLabels {
                route: "/v1/tokenize".to_owned(),
            })
            .observe(0.002);
        let text = metrics.render();
        assert!(
            text.contains("promptvault_tokens_created_total{type=\"EMAIL\"} 3"),
            "{text}"
        );
        assert!(
            text.contains("promptvault_audit_events_total{action=\"tokenize\"} 1"),
            "{text}"
        );
        assert!(
            text.contains(
                "promptvault_http_request_duration_seconds_count{route=\"/v1/tokenize\"} 1"
            ),
            "{text}"
        );
    }
}
