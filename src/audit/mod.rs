//! The audit log: one append-only event per tokenize, detokenize, policy change and admin
//! action (who, when, which tenant, what, the outcome, the request id; counts and token
//! ids, never a value or a JWT), signed by the service, hash-chained per tenant and
//! checkpointed with an HMAC.
//!
//! Events are written before the request answers (with tokenize's entries, or through
//! the store's group commit) without a chain link, so requests never wait on each other,
//! and are never changed afterwards. Each carries the service's MAC under the audit key
//! (wrapped by the root key), so a row someone else inserted is told apart. A background
//! chainer links each tenant's new events in insertion order, once, by appending a link
//! of its own: position `chain_index`, `prev_hash` and `hash = SHA-256(prev_hash ‖ index ‖
//! content)`, and signs the new head with HMAC-SHA256 (a checkpoint) in the same
//! transaction. [`ChainVerifier`] finds any edited, deleted, reordered or foreign event,
//! and a chain extended past its last checkpoint, and names the place.
//!
//! Layout: `record` (the event types), `chain` (hashing, checkpoint MACs, verification;
//! pure), `log` (the service: recording through the store's group commit, linking,
//! checkpoints, listing, verifying).

mod chain;
mod log;
mod record;

pub use chain::{
    checkpoint_mac, event_hash, event_mac, ChainProblem, ChainVerifier, VerifyReport,
    CHECKPOINT_MAC_VERSION, GENESIS,
};
pub use log::{AuditLog, AuditPage, MAX_PAGE};
pub use record::{AuditRecord, Checkpoint, StoredEvent};
