//! The hash chain: each event's hash over its predecessor's, its position and its
//! content; the service's MAC over each event; HMAC checkpoints over chain heads; and the
//! check of a chain, page by page.
//!
//! Why both a MAC per event and a hash chain: the chain finds an event edited, deleted or
//! moved after it was linked, but the chainer links whatever the table holds, so a row
//! inserted by someone holding only database credentials would be linked as genuine. The
//! event's MAC, made by the service as it writes the event under the audit key (wrapped by
//! the root key), tells such a row apart. Checkpoints sign the chain head in the same
//! transaction as the links below it, so every linked event is covered by one; a chain
//! whose head lies past its last checkpoint was extended without the key.

use ring::{digest, hmac};
use serde::Serialize;

use super::{AuditRecord, Checkpoint, StoredEvent};

/// The hash of the first event's predecessor.
pub const GENESIS: [u8; 32] = [0; 32];

/// The checkpoints a service makes now: it signs every event too.
pub const CHECKPOINT_MAC_VERSION: i64 = 2;

/// Checkpoints of a service that did not sign events yet; the events they cover may have
/// no MAC.
const LEGACY_CHECKPOINT_MAC_VERSION: i64 = 1;

/// The event's content, every field length-prefixed.
fn framed_content(record: &AuditRecord) -> Vec<u8> {
    let at = record.at.to_be_bytes();
    let parts: [&[u8]; 7] = [
        record.tenant.as_bytes(),
        &at,
        record.sub.as_bytes(),
        record.action.as_bytes(),
        record.outcome.as_bytes(),
        record.request_id.as_bytes(),
        record.details.as_bytes(),
    ];
    let mut framed = Vec::with_capacity(parts.iter().map(|p| p.len() + 8).sum());
    for part in parts {
        framed.extend_from_slice(&u64::try_from(part.len()).unwrap_or(u64::MAX).to_be_bytes());
        framed.extend_from_slice(part);
    }
    framed
}

/// `SHA-256(prev_hash ‖ index ‖ content)`, every field length-prefixed.
pub fn event_hash(prev_hash: &[u8], chain_index: i64, record: &AuditRecord) -> Vec<u8> {
    let mut context = digest::Context::new(&digest::SHA256);
    context.update(b"pv:audit:v1");
    let index = chain_index.to_be_bytes();
    for part in [prev_hash, &index] {
        context.update(&u64::try_from(part.len()).unwrap_or(u64::MAX).to_be_bytes());
        context.update(part);
    }
    context.update(&framed_content(record));
    context.finish().as_ref().to_vec()
}

/// The service's MAC over one event's content, made when it writes the event.
pub fn event_mac(key: &[u8], record: &AuditRecord) -> Vec<u8> {
    let key = hmac::Key::new(hmac::HMAC_SHA256, key);
    let mut context = hmac::Context::with_key(&key);
    context.update(b"pv:audit-event:v1");
    context.update(&framed_content(record));
    context.sign().as_ref().to_vec()
}

/// The checkpoint MAC over a chain head; `mac_version` 1 is the label of checkpoints made
/// before events were signed.
pub fn checkpoint_mac(
    key: &[u8],
    mac_version: i64,
    tenant: &str,
    chain_index: i64,
    hash: &[u8],
) -> Vec<u8> {
    let key = hmac::Key::new(hmac::HMAC_SHA256, key);
    let mut context = hmac::Context::with_key(&key);
    if mac_version == LEGACY_CHECKPOINT_MAC_VERSION {
        context.update(b"pv:audit-checkpoint:v1");
    } else {
        context.update(b"pv:audit-checkpoint:v");
        context.update(&mac_version.to_be_bytes());
    }
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

fn macs_equal(a: &[u8], b: &[u8]) -> bool {
    bool::from(subtle::ConstantTimeEq::ct_eq(a, b))
}

/// What verification found.
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
    /// Events from before events were signed, accepted because a checkpoint of that time
    /// covers them.
    pub legacy_unsigned: usize,
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
    /// `edited_or_moved`, `broken_link`, `missing`, `not_written_by_the_service`,
    /// `checkpoint_mismatch`, `checkpoint_forged`, `truncated`, `unsealed_tail`.
    pub kind: &'static str,
    /// For humans.
    pub detail: String,
}

/// Checks one tenant's chain page by page, in chain order, so that memory stays bounded
/// however long the chain: positions 1..n without gaps, each link to the previous hash,
/// each hash over its content, each event's MAC, each checkpoint's hash and MAC, and a
/// checkpoint at the head.
#[derive(Debug)]
pub struct ChainVerifier<'k> {
    tenant: String,
    key: &'k [u8],
    legacy_until: i64,
    expected_index: i64,
    prev_hash: Vec<u8>,
    last_signed: i64,
    report: VerifyReport,
}

impl<'k> ChainVerifier<'k> {
    /// A verifier of `tenant`'s chain under the audit key; events without a MAC are
    /// accepted up to position `legacy_until` (the last checkpoint made before events were
    /// signed), since such a checkpoint vouches for them.
    pub fn new(tenant: &str, key: &'k [u8], legacy_until: i64) -> Self {
        Self {
            tenant: tenant.to_owned(),
            key,
            legacy_until,
            expected_index: 1,
            prev_hash: GENESIS.to_vec(),
            last_signed: 0,
            report: VerifyReport {
                ok: true,
                events: 0,
                pending: 0,
                checkpoints: 0,
                legacy_unsigned: 0,
                problems: Vec::new(),
            },
        }
    }

    /// The next linked events, in chain order, with the checkpoints at their positions.
    pub fn page(&mut self, events: &[StoredEvent], checkpoints: &[Checkpoint]) {
        for event in events {
            self.event(event);
        }
        for checkpoint in checkpoints {
            let at = events
                .iter()
                .find(|e| e.chain_index == Some(checkpoint.chain_index));
            self.checkpoint(checkpoint, at);
        }
    }

    fn problem(&mut self, chain_index: i64, seq: Option<i64>, kind: &'static str, detail: String) {
        self.report.problems.push(ChainProblem {
            chain_index,
            seq,
            kind,
            detail,
        });
    }

    fn event(&mut self, event: &StoredEvent) {
        let index = event.chain_index.unwrap_or(0);
        let seq = Some(event.seq);
        if index != self.expected_index {
            let detail = format!(
                "events {}..{} are missing (deleted)",
                self.expected_index,
                index - 1
            );
            self.problem(self.expected_index, None, "missing", detail);
        }
        let stored_prev = event.prev_hash.as_deref().unwrap_or_default();
        if stored_prev != self.prev_hash.as_slice() {
            let detail = format!("event {index} does not link to the event before it");
            self.problem(index, seq, "broken_link", detail);
        }
        let recomputed = event_hash(stored_prev, index, &event.record);
        if event.hash.as_deref() != Some(recomputed.as_slice()) {
            let detail = format!(
                "event {index} (seq {}) does not match its hash: edited or reordered",
                event.seq
            );
            self.problem(index, seq, "edited_or_moved", detail);
        }
        match &event.mac {
            None if index <= self.legacy_until => self.report.legacy_unsigned += 1,
            Some(mac) if macs_equal(mac, &event_mac(self.key, &event.record)) => {}
            _ => {
                let detail = format!(
                    "event {index} (seq {}) has no valid MAC: it was not written by the service",
                    event.seq
                );
                self.problem(index, seq, "not_written_by_the_service", detail);
            }
        }
        self.report.events += 1;
        self.prev_hash = event.hash.clone().unwrap_or_default();
        self.expected_index = index + 1;
    }

    fn checkpoint(&mut self, checkpoint: &Checkpoint, at: Option<&StoredEvent>) {
        let index = checkpoint.chain_index;
        self.report.checkpoints += 1;
        if at.and_then(|e| e.hash.as_deref()) != Some(checkpoint.hash.as_slice()) {
            let detail = format!("the chain differs from the checkpoint at event {index}");
            self.problem(index, at.map(|e| e.seq), "checkpoint_mismatch", detail);
        }
        let mac = checkpoint_mac(
            self.key,
            checkpoint.mac_version,
            &self.tenant,
            index,
            &checkpoint.hash,
        );
        if macs_equal(&mac, &checkpoint.mac) {
            self.last_signed = self.last_signed.max(index);
        } else {
            let detail = format!("the checkpoint at event {index} has an invalid signature");
            self.problem(index, None, "checkpoint_forged", detail);
        }
    }

    /// The report, given the events not linked yet and the checkpoints past the last
    /// linked event (there should be none).
    pub fn finish(mut self, pending: usize, past_head: &[Checkpoint]) -> VerifyReport {
        let head = self.expected_index - 1;
        for checkpoint in past_head {
            let at_index = checkpoint.chain_index;
            let detail = format!(
                "a checkpoint covers event {at_index} but the chain ends at {head}: events were deleted"
            );
            self.problem(at_index, None, "truncated", detail);
        }
        if past_head.is_empty() && self.last_signed < head {
            let detail = format!(
                "events {}..{head} follow the last valid checkpoint: the chain was extended without the audit key",
                self.last_signed + 1
            );
            self.problem(self.last_signed + 1, None, "unsealed_tail", detail);
        }
        self.report.pending = pending;
        self.report.ok = self.report.problems.is_empty();
        self.report
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: [u8; 32] = [7; 32];

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

    /// A chain of `n` events as the service writes and links them.
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
                    mac: Some(event_mac(&KEY, &record(i))),
                };
                prev = hash;
                event
            })
            .collect()
    }

    fn checkpoint_at(events: &[StoredEvent], index: i64, mac_version: i64) -> Checkpoint {
        let hash = events[usize::try_from(index - 1).unwrap()]
            .hash
            .clone()
            .unwrap();
        Checkpoint {
            chain_index: index,
            mac: checkpoint_mac(&KEY, mac_version, "acme", index, &hash),
            hash,
            mac_version,
        }
    }

    /// Verifies in pages of two events, the way the service pages through a chain.
    fn verify(
        events: &[StoredEvent],
        checkpoints: &[Checkpoint],
        legacy_until: i64,
    ) -> VerifyReport {
        let mut verifier = ChainVerifier::new("acme", &KEY, legacy_until);
        let mut head = 0;
        for page in events.chunks(2) {
            let (first, last) = (head + 1, page.last().unwrap().chain_index.unwrap());
            let covered: Vec<Checkpoint> = checkpoints
                .iter()
                .filter(|c| (first..=last).contains(&c.chain_index))
                .cloned()
                .collect();
            verifier.page(page, &covered);
            head = last;
        }
        let past: Vec<Checkpoint> = checkpoints
            .iter()
            .filter(|c| c.chain_index > head)
            .cloned()
            .collect();
        verifier.finish(0, &past)
    }

    fn kinds(report: &VerifyReport) -> Vec<(&'static str, i64)> {
        report
            .problems
            .iter()
            .map(|p| (p.kind, p.chain_index))
            .collect()
    }

    #[test]
    fn an_intact_chain_verifies_with_its_checkpoints() {
        let events = chain(5);
        let checkpoints = [checkpoint_at(&events, 3, 2), checkpoint_at(&events, 5, 2)];
        let report = verify(&events, &checkpoints, 0);
        assert!(report.ok, "{report:?}");
        assert_eq!((report.events, report.checkpoints), (5, 2));
    }

    #[test]
    fn an_edited_event_is_found_at_its_place() {
        let mut events = chain(5);
        events[2].record.details = "{\"revealed\":999}".to_owned();
        let checkpoints = [checkpoint_at(&chain(5), 5, 2)];
        assert_eq!(
            kinds(&verify(&events, &checkpoints, 0)),
            vec![("edited_or_moved", 3), ("not_written_by_the_service", 3)]
        );
    }

    #[test]
    fn a_deleted_event_is_found_as_a_gap() {
        let mut events = chain(5);
        let checkpoints = [checkpoint_at(&events, 5, 2)];
        events.remove(1);
        let found = kinds(&verify(&events, &checkpoints, 0));
        assert_eq!(found, vec![("missing", 2), ("broken_link", 3)]);
    }

    #[test]
    fn two_swapped_events_are_found() {
        let mut events = chain(5);
        let checkpoints = [checkpoint_at(&events, 5, 2)];
        let (a, b) = (events[1].clone(), events[3].clone());
        (events[1].record, events[1].mac) = (b.record, b.mac);
        (events[3].record, events[3].mac) = (a.record, a.mac);
        let found = kinds(&verify(&events, &checkpoints, 0));
        assert_eq!(found, vec![("edited_or_moved", 2), ("edited_or_moved", 4)]);
    }

    #[test]
    fn a_truncated_tail_and_a_forged_checkpoint_are_found() {
        let events = chain(5);
        let checkpoint = checkpoint_at(&events, 5, 2);
        let truncated = verify(&events[..3], std::slice::from_ref(&checkpoint), 0);
        assert_eq!(kinds(&truncated), vec![("truncated", 5)]);
        let forged = Checkpoint {
            mac: vec![0; 32],
            ..checkpoint
        };
        assert_eq!(
            kinds(&verify(&events, &[forged], 0)),
            vec![("checkpoint_forged", 5), ("unsealed_tail", 1)]
        );
    }

    #[test]
    fn an_event_without_the_service_s_mac_is_named_even_when_linked_and_checkpointed() {
        // What a chainer does with a row someone inserted: links it and signs the head.
        let mut events = chain(3);
        events[2].mac = None;
        let checkpoints = [checkpoint_at(&events, 3, 2)];
        assert_eq!(
            kinds(&verify(&events, &checkpoints, 0)),
            vec![("not_written_by_the_service", 3)]
        );
        events[2].mac = Some(vec![1; 32]);
        assert_eq!(
            kinds(&verify(&events, &checkpoints, 0)),
            vec![("not_written_by_the_service", 3)]
        );
    }

    #[test]
    fn events_past_the_last_checkpoint_are_an_unsealed_tail() {
        let events = chain(5);
        let checkpoints = [checkpoint_at(&events, 3, 2)];
        assert_eq!(
            kinds(&verify(&events, &checkpoints, 0)),
            vec![("unsealed_tail", 4)]
        );
    }

    #[test]
    fn unsigned_events_pass_only_under_a_checkpoint_from_before_events_were_signed() {
        let mut events = chain(4);
        for event in &mut events {
            event.mac = None;
        }
        let legacy = checkpoint_at(&events, 2, 1);
        let current = checkpoint_at(&events, 4, 2);
        let report = verify(&events, &[legacy.clone(), current.clone()], 2);
        assert_eq!(
            kinds(&report),
            vec![
                ("not_written_by_the_service", 3),
                ("not_written_by_the_service", 4)
            ]
        );
        assert_eq!(report.legacy_unsigned, 2);
        // A current checkpoint relabelled as an old one does not verify.
        let relabelled = Checkpoint {
            mac_version: 1,
            ..current
        };
        let report = verify(&events, &[legacy, relabelled], 4);
        assert!(
            kinds(&report).contains(&("checkpoint_forged", 4)),
            "{report:?}"
        );
    }
}
