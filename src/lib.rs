//! promptvault: finds sensitive values in LLM prompts, replaces them with reversible tokens,
//! keeps the originals only as envelope-encrypted ciphertext, and reveals them to callers
//! whose JWT grants it. Dependencies point one way: `api` → the services (`vault`,
//! `keys`, `audit`, `guard`, `proxy`) and `auth` → `detect`, `crypto`, `store`.

/// HTTP routes, request/response types, problem+json errors, body limits.
pub mod api;
/// Building the application state and serving it.
pub mod app;
/// The append-only, hash-chained audit log and its verification.
pub mod audit;
/// JWT verification, the `Caller` and its scopes.
pub mod auth;
/// The command line: `serve`, `migrate`, `token`.
pub mod cli;
/// The injected wall clock (tests use a fixed one).
pub mod clock;
/// One typed configuration from a TOML file and `PROMPTVAULT_*` variables.
pub mod config;
/// Key types, envelope encryption and fingerprints. No I/O.
pub mod crypto;
/// Recognizers that find sensitive values in text. No I/O, knows nothing of tokens.
pub mod detect;
/// The API error type and its problem+json rendering.
pub mod error;
/// Detection quality on a labelled corpus: predictions and per-type scores.
pub mod evaluate;
/// Abuse controls: rate limits, anomaly alerts and caller blocks, honey tokens.
pub mod guard;
/// The key hierarchy at run time: root key provider and file, tenant keyring, key lifecycle.
pub mod keys;
/// Prometheus metrics: requests, latencies, tokens by type, audit events.
pub mod metrics;
/// The OpenAI-compatible proxy: tokenize on the way up, detokenize on the way back.
pub mod proxy;
/// Persistence of opaque sealed entries and wrapped keys, on Postgres or SQLite.
pub mod store;
/// Logging set-up and the rules of what may be logged.
pub mod telemetry;
/// The validated tenant identifier.
pub mod tenant;
/// Tokenize and detokenize under each tenant's policy; the token format.
pub mod vault;
