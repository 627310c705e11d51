//! The audit log: one append-only event per tokenize, detokenize, policy change and admin
//! action (who, when, which tenant, what, the outcome, the request id; counts and token
//! ids, never a value or a JWT), hash-chained per tenant and checkpointed with an HMAC.
//!
//! Events are written before the request answers (with tokenize's entries, or through
//! the store's group commit) without a chain link, so requests never wait on each other,
//! and are never changed afterwards. A background chainer then links each tenant's new
//! events in insertion order, once, by appending a link of its own: position
//! `chain_index`, `prev_hash` and `hash = SHA-256(prev_hash ‖ index ‖ content)`. Every
//! so often it signs the chain head with HMAC-SHA256 under a key wrapped by the root key
//! (a checkpoint), so that rewriting the whole tail needs that key too. [`verify_chain`]
//! finds any edited, deleted or reordered event and names its place.
//!
//! Layout: `record` (the event types), `chain` (hashing, checkpoint MACs, verification;
//! pure), `log` (the service: recording through the store's group commit, linking,
//! checkpoints, listing, verifying).

mod chain;
mod log;
mod record;

pub use chain::{checkpoint_mac, event_hash, verify_chain, ChainProblem, VerifyReport, GENESIS};
pub use log::{AuditLog, AuditPage, MAX_PAGE};
pub use record::{AuditRecord, Checkpoint, StoredEvent};
