//! The audit event as a request writes it, as it is stored with its place in the chain,
//! and the signed chain heads (checkpoints).

use serde::Serialize;

use crate::store::{AuditEventRow, CheckpointRow, StoredAuditRow};

/// An event as the request writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditRecord {
    /// The tenant.
    pub tenant: String,
    /// Unix milliseconds.
    pub at: i64,
    /// The caller's `sub`.
    pub sub: String,
    /// `tokenize`, `detokenize`, `policy.replace`, `keys.rotate`, …
    pub action: String,
    /// `ok`, `refused`, `pending`, …
    pub outcome: String,
    /// The request id (`x-request-id`).
    pub request_id: String,
    /// JSON with counts, token ids, ctx; never a value. Kept as the JSON text the MAC and
    /// the hash cover, and shown as the JSON value it is.
    #[serde(serialize_with = "details_as_json")]
    pub details: String,
}

/// The details as a JSON value, never as JSON encoded inside a string; text that is not
/// JSON (only a row written by someone else could hold it) is shown as a string.
fn details_as_json<S: serde::Serializer>(details: &str, serializer: S) -> Result<S::Ok, S::Error> {
    match serde_json::from_str::<serde_json::Value>(details) {
        Ok(value) => value.serialize(serializer),
        Err(_) => serializer.serialize_str(details),
    }
}

/// A stored event with its place in the chain, if linked yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredEvent {
    /// Insertion order (global).
    pub seq: i64,
    /// The event.
    #[serde(flatten)]
    pub record: AuditRecord,
    /// Position in the tenant's chain, from 1; `None` until linked.
    pub chain_index: Option<i64>,
    /// The previous event's hash (zeros for the first).
    #[serde(skip)]
    pub prev_hash: Option<Vec<u8>>,
    /// This event's hash.
    #[serde(skip)]
    pub hash: Option<Vec<u8>>,
    /// The service's MAC over the event.
    #[serde(skip)]
    pub mac: Option<Vec<u8>>,
}

/// A signed chain head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkpoint {
    /// The chain position it covers.
    pub chain_index: i64,
    /// The event hash at that position.
    pub hash: Vec<u8>,
    /// HMAC-SHA256 over tenant, index and hash.
    pub mac: Vec<u8>,
    /// Which MAC label (see [`super::chain::CHECKPOINT_MAC_VERSION`]).
    pub mac_version: i64,
}

// The store keeps its own row types; these are the only crossings.

impl AuditRecord {
    /// The row to store, with the service's MAC over it.
    pub fn signed(self, mac: Vec<u8>) -> AuditEventRow {
        AuditEventRow {
            tenant: self.tenant,
            at: self.at,
            sub: self.sub,
            action: self.action,
            outcome: self.outcome,
            request_id: self.request_id,
            details: self.details,
            mac: Some(mac),
        }
    }
}

impl From<AuditEventRow> for AuditRecord {
    fn from(r: AuditEventRow) -> Self {
        Self {
            tenant: r.tenant,
            at: r.at,
            sub: r.sub,
            action: r.action,
            outcome: r.outcome,
            request_id: r.request_id,
            details: r.details,
        }
    }
}

impl From<StoredAuditRow> for StoredEvent {
    fn from(mut r: StoredAuditRow) -> Self {
        Self {
            seq: r.seq,
            mac: r.event.mac.take(),
            record: r.event.into(),
            chain_index: r.chain_index,
            prev_hash: r.prev_hash,
            hash: r.hash,
        }
    }
}

impl From<CheckpointRow> for Checkpoint {
    fn from(r: CheckpointRow) -> Self {
        Self {
            chain_index: r.chain_index,
            hash: r.hash,
            mac: r.mac,
            mac_version: r.mac_version,
        }
    }
}

impl From<Checkpoint> for CheckpointRow {
    fn from(c: Checkpoint) -> Self {
        Self {
            chain_index: c.chain_index,
            hash: c.hash,
            mac: c.mac,
            mac_version: c.mac_version,
        }
    }
}
