//! Row mapping for audit events, the same on both backends.

use crate::audit::{AuditRecord, StoredEvent};

/// The columns of an audit event row, in [`AUDIT_COLUMNS`] order.
pub(super) type AuditTuple = (
    i64,
    String,
    i64,
    String,
    String,
    String,
    String,
    String,
    Option<i64>,
    Option<Vec<u8>>,
    Option<Vec<u8>>,
);

/// The select list every audit query starts with.
pub(super) const AUDIT_COLUMNS: &str =
    "SELECT seq, tenant, at, sub, action, outcome, request_id, details, chain_index, \
    prev_hash, hash FROM audit_events";

/// A row as the domain type.
pub(super) fn stored_event(t: AuditTuple) -> StoredEvent {
    let (seq, tenant, at, sub, action, outcome, request_id, details, chain_index, prev_hash, hash) =
        t;
    StoredEvent {
        seq,
        record: AuditRecord {
            tenant,
            at,
            sub,
            action,
            outcome,
            request_id,
            details,
        },
        chain_index,
        prev_hash,
        hash,
    }
}
