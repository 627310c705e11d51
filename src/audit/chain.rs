//! The hash chain: each event's hash over its predecessor's, its position and its
//! content; HMAC checkpoints over chain heads; and the check of a whole chain.

use ring::{digest, hmac};
use serde::Serialize;

use super::{AuditRecord, Checkpoint, StoredEvent};

/// The hash of the first event's predecessor.
pub const GENESIS: [u8; 32] = [0; 32];

/// `SHA-256(prev_hash ‖ index ‖ content)`, every field length-prefixed.
pub fn event_hash(prev_hash: &[u8], chain_index: i64, record: &AuditRecord) -> Vec<u8> {
    let mut context = digest::Context::new(&digest::SHA256);
    context.update(b"pv:audit:v1");
    let index = chain_index.to_be_bytes();
    let at = record.at.to_be_bytes();
    let parts: [&[u8]; 9] = [
        prev_hash,
        &index,
        record.tenant.as_bytes(),
        &at,
        record.sub.as_bytes(),
        record.action.as_bytes(),
        record.outcome.as_bytes(),
        record.request_id.as_bytes(),
        record.details.as_bytes(),
    ];
    for part in parts {
        context.update(&u64::try_from(part.len()).unwrap_or(u64::MAX).to_be_bytes());
        context.update(part);
    }
    context.finish().as_ref().to_vec()
}

/// The checkpoint MAC over a chain head.
pub fn checkpoint_mac(key: &[u8], tenant: &str, chain_index: i64, hash: &[u8]) -> Vec<u8> {
    let key = hmac::Key::new(hmac::HMAC_SHA256, key);
    let mut context = hmac::Context::with_key(&key);
    context.update(b"pv:audit-checkpoint:v1");
    context.update(
        &u64::try_from(tenant.len())
            .unwrap_or(u64::MAX)
            .to_be_bytes(),
    );
    context.update(tenant.as_bytes());
    context.update(&chain_index.to_be_bytes());
    context.update(hash);
    context.sign().as_ref().to_vec()
}

/// What [`verify_chain`] found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VerifyReport {
    /// True when no problem was found.
    pub ok: bool,
    /// Linked events checked.
    pub events: usize,
    /// Events written but not linked yet (linked within seconds).
    pub pending: usize,
    /// Checkpoints checked.
    pub checkpoints: usize,
    /// Every problem, with its place.
    pub problems: Vec<ChainProblem>,
}

/// One problem in a chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChainProblem {
    /// The chain position concerned.
    pub chain_index: i64,
    /// The event's insertion number, when there is an event there.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seq: Option<i64>,
    /// `edited_or_moved`, `broken_link`, `missing`, `checkpoint_mismatch`,
    /// `checkpoint_forged`, `truncated`.
    pub kind: &'static str,
    /// For humans.
    pub detail: String,
}

/// Checks one tenant's chain: positions 1..n without gaps, each link to the previous
/// hash, each hash over its content, and each checkpoint's hash and MAC.
/// `events` holds the tenant's events in any order; unlinked ones are counted as pending.
pub fn verify_chain(
    tenant: &str,
    events: &[StoredEvent],
    checkpoints: &[Checkpoint],
    mac_key: Option<&[u8]>,
) -> VerifyReport {
    let mut linked: Vec<&StoredEvent> = events.iter().filter(|e| e.chain_index.is_some()).collect();
    linked.sort_by_key(|e| e.chain_index);
    let mut problems = check_links(&linked);
    let last_index = linked.last().and_then(|e| e.chain_index).unwrap_or(0);
    for checkpoint in checkpoints {
        problems.extend(check_checkpoint(
            tenant, &linked, last_index, checkpoint, mac_key,
        ));
    }
    VerifyReport {
        ok: problems.is_empty(),
        events: linked.len(),
        pending: events.len() - linked.len(),
        checkpoints: checkpoints.len(),
        problems,
    }
}

/// Gaps, broken links and edited events along the linked events, in chain order.
fn check_links(linked: &[&StoredEvent]) -> Vec<ChainProblem> {
    let mut problems = Vec::new();
    let mut expected_index = 1;
    let mut prev_hash: Vec<u8> = GENESIS.to_vec();
    for event in linked {
        let index = event.chain_index.unwrap_or(0);
        if index != expected_index {
            problems.push(ChainProblem {
                chain_index: expected_index,
                seq: None,
                kind: "missing",
                detail: format!(
                    "events {expected_index}..{} are missing (deleted)",
                    index - 1
                ),
            });
        }
        let stored_prev = event.prev_hash.as_deref().unwrap_or_default();
        if stored_prev != prev_hash.as_slice() {
            problems.push(ChainProblem {
                chain_index: index,
                seq: Some(event.seq),
                kind: "broken_link",
                detail: format!("event {index} does not link to the event before it"),
            });
        }
        let recomputed = event_hash(stored_prev, index, &event.record);
        if event.hash.as_deref() != Some(recomputed.as_slice()) {
            problems.push(ChainProblem {
                chain_index: index,
                seq: Some(event.seq),
                kind: "edited_or_moved",
                detail: format!(
                    "event {index} (seq {}) does not match its hash: edited or reordered",
                    event.seq
                ),
            });
        }
        prev_hash = event.hash.clone().unwrap_or_default();
        expected_index = index + 1;
    }
    problems
}

/// Whether the chain still holds what `checkpoint` signed, and the signature.
fn check_checkpoint(
    tenant: &str,
    linked: &[&StoredEvent],
    last_index: i64,
    checkpoint: &Checkpoint,
    mac_key: Option<&[u8]>,
) -> Vec<ChainProblem> {
    let at_index = checkpoint.chain_index;
    if at_index > last_index {
        return vec![ChainProblem {
            chain_index: at_index,
            seq: None,
            kind: "truncated",
            detail: format!(
                "a checkpoint covers event {at_index} but the chain ends at {last_index}: events were deleted"
            ),
        }];
    }
    let mut problems = Vec::new();
    let at = linked.iter().find(|e| e.chain_index == Some(at_index));
    if at.and_then(|e| e.hash.as_deref()) != Some(checkpoint.hash.as_slice()) {
        problems.push(ChainProblem {
            chain_index: at_index,
            seq: at.map(|e| e.seq),
            kind: "checkpoint_mismatch",
            detail: format!("the chain differs from the checkpoint at event {at_index}"),
        });
    }
    if let Some(key) = mac_key {
        let mac = checkpoint_mac(key, tenant, at_index, &checkpoint.hash);
        if !bool::from(subtle::ConstantTimeEq::ct_eq(
            mac.as_slice(),
            checkpoint.mac.as_slice(),
        )) {
            problems.push(ChainProblem {
                chain_index: at_index,
                seq: None,
                kind: "checkpoint_forged",
                detail: format!("the checkpoint at event {at_index} has an invalid signature"),
            });
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(n: i64) -> AuditRecord {
        AuditRecord {
            tenant: "acme".to_owned(),
            at: 1000 + n,
            sub: "svc".to_owned(),
            action: "detokenize".to_owned(),
            outcome: "ok".to_owned(),
            request_id: format!("req-{n}"),
            details: format!("{{\"revealed\":{n}}}"),
        }
    }

    fn chain(n: i64) -> Vec<StoredEvent> {
        let mut prev = GENESIS.to_vec();
        (1..=n)
            .map(|i| {
                let hash = event_hash(&prev, i, &record(i));
                let event = StoredEvent {
                    seq: i * 10,
                    record: record(i),
                    chain_index: Some(i),
                    prev_hash: Some(prev.clone()),
                    hash: Some(hash.clone()),
                };
                prev = hash;
                event
            })
            .collect()
    }

    fn kinds(report: &VerifyReport) -> Vec<(&'static str, i64)> {
        report
            .problems
            .iter()
            .map(|p| (p.kind, p.chain_index))
            .collect()
    }

    #[test]
    fn an_intact_chain_verifies_with_its_checkpoint() {
        let events = chain(5);
        let key = [7u8; 32];
        let head = events[4].hash.clone().unwrap();
        let checkpoint = Checkpoint {
            chain_index: 5,
            mac: checkpoint_mac(&key, "acme", 5, &head),
            hash: head,
        };
        let report = verify_chain("acme", &events, &[checkpoint], Some(&key));
        assert!(report.ok, "{report:?}");
        assert_eq!((report.events, report.checkpoints), (5, 1));
    }

    #[test]
    fn an_edited_event_is_found_at_its_place() {
        let mut events = chain(5);
        events[2].record.details = "{\"revealed\":999}".to_owned();
        assert_eq!(
            kinds(&verify_chain("acme", &events, &[], None)),
            vec![("edited_or_moved", 3)]
        );
    }

    #[test]
    fn a_deleted_event_is_found_as_a_gap() {
        let mut events = chain(5);
        events.remove(1);
        let found = kinds(&verify_chain("acme", &events, &[], None));
        assert_eq!(found, vec![("missing", 2), ("broken_link", 3)]);
    }

    #[test]
    fn two_swapped_events_are_found() {
        let mut events = chain(5);
        let (a, b) = (events[1].record.clone(), events[3].record.clone());
        events[1].record = b;
        events[3].record = a;
        let found = kinds(&verify_chain("acme", &events, &[], None));
        assert_eq!(found, vec![("edited_or_moved", 2), ("edited_or_moved", 4)]);
    }

    #[test]
    fn a_truncated_tail_and_a_forged_checkpoint_are_found() {
        let events = chain(5);
        let key = [7u8; 32];
        let head = events[4].hash.clone().unwrap();
        let checkpoint = Checkpoint {
            chain_index: 5,
            mac: checkpoint_mac(&key, "acme", 5, &head),
            hash: head,
        };
        let truncated = verify_chain(
            "acme",
            &events[..3],
            std::slice::from_ref(&checkpoint),
            Some(&key),
        );
        assert_eq!(kinds(&truncated), vec![("truncated", 5)]);
        let forged = Checkpoint {
            mac: vec![0; 32],
            ..checkpoint
        };
        assert_eq!(
            kinds(&verify_chain("acme", &events, &[forged], Some(&key))),
            vec![("checkpoint_forged", 5)]
        );
    }

    #[test]
    fn unlinked_events_count_as_pending() {
        let mut events = chain(2);
        events.push(StoredEvent {
            seq: 99,
            record: record(3),
            chain_index: None,
            prev_hash: None,
            hash: None,
        });
        let report = verify_chain("acme", &events, &[], None);
        assert!(report.ok);
        assert_eq!(report.pending, 1);
    }
}
