//! The store's row types, the same for both backends, and the mapping from the tuples
//! their queries return. Backends read every column as the same Rust type (versions are
//! cast to BIGINT in SQL), so one mapping serves both. The store imports no other
//! module's types: the services map their own to these.

/// An audit event to append.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEventRow {
    /// The tenant.
    pub tenant: String,
    /// Unix milliseconds.
    pub at: i64,
    /// The caller's `sub`.
    pub sub: String,
    /// What was done (`tokenize`, `keys.rotate`, …).
    pub action: String,
    /// `ok`, `refused`, `pending`, …
    pub outcome: String,
    /// The request id.
    pub request_id: String,
    /// JSON details: counts and token ids, never a value.
    pub details: String,
    /// The service's MAC over the event (`None` only for events written before events
    /// were signed, or by someone else).
    pub mac: Option<Vec<u8>>,
}

/// An audit event to append, possibly on a condition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditAppendRow {
    /// The event.
    pub event: AuditEventRow,
    /// When set, the event is stored only while the tenant's key epoch and policy
    /// version are these (a reveal made with keys and entries cached at that state);
    /// otherwise it is not, and the request starts over with fresh state. The root
    /// version is not checked.
    pub only_at_state: Option<TenantStateRow>,
}

/// A stored audit event with its place in the tenant's chain, once linked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredAuditRow {
    /// Insertion order (global).
    pub seq: i64,
    /// The event.
    pub event: AuditEventRow,
    /// Position in the chain, from 1; `None` until linked.
    pub chain_index: Option<i64>,
    /// The previous event's hash.
    pub prev_hash: Option<Vec<u8>>,
    /// This event's hash.
    pub hash: Option<Vec<u8>>,
}

/// The audit events no link names yet, and how far the chainer may raise its floor once
/// it has linked them all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnlinkedAuditRows {
    /// Every event below this position was visible to the read: once the events read are
    /// linked, none below it is left unlinked.
    pub horizon: i64,
    /// The events, by tenant, then in insertion order.
    pub events: Vec<StoredAuditRow>,
}

/// A signed chain head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckpointRow {
    /// The chain position it covers.
    pub chain_index: i64,
    /// The event hash at that position.
    pub hash: Vec<u8>,
    /// The MAC over tenant, position and hash.
    pub mac: Vec<u8>,
    /// Which MAC: 1 for checkpoints of a service that did not sign events, 2 since.
    pub mac_version: i64,
}

/// A tenant's wrapped keys, as stored.
#[derive(Debug, Clone)]
pub struct TenantKeysRow {
    /// The fingerprint key, wrapped by root key version `fingerprint_root_version`.
    pub fingerprint_key: Vec<u8>,
    /// Which root key version wraps the fingerprint key.
    pub fingerprint_root_version: i64,
    /// Changes with every key event of the tenant.
    pub key_epoch: i64,
    /// Every data key version.
    pub data_keys: Vec<DataKeyRow>,
}

/// One data key version, as stored.
#[derive(Debug, Clone)]
pub struct DataKeyRow {
    /// Version number, from 1.
    pub version: i64,
    /// `active`, `decrypt_only` or `destroyed`.
    pub state: String,
    /// The key wrapped by the root key; `None` once destroyed.
    pub wrapped_key: Option<Vec<u8>>,
    /// Which root key version wraps it.
    pub root_key_version: i64,
    /// Unix milliseconds.
    pub created_at: i64,
}

/// A new entry to store.
#[derive(Debug, Clone)]
pub struct NewEntryRow {
    /// The token id (without type and brackets).
    pub token_id: String,
    /// The entity type label.
    pub entity_type: String,
    /// The data key version that sealed the value.
    pub key_version: i64,
    /// `nonce || ciphertext || tag`.
    pub sealed_value: Vec<u8>,
    /// HMAC fingerprint for determinism; `None` when the token is unique to its request.
    pub fingerprint: Option<Vec<u8>>,
    /// The conversation the token is bound to, if any.
    pub ctx: Option<String>,
    /// Unix milliseconds.
    pub created_at: i64,
    /// Unix milliseconds after which the token is unknown; `None` for never.
    pub expires_at: Option<i64>,
}

/// One tokenize request's write: its sealed entries, its audit event, and the tenant
/// state they were sealed under (checked in the same transaction).
#[derive(Debug, Clone)]
pub struct EntryWriteRow {
    /// The tenant.
    pub tenant: String,
    /// One entry per distinct value of the request; equal fingerprints do not repeat.
    pub entries: Vec<NewEntryRow>,
    /// The request's audit event.
    pub event: AuditEventRow,
    /// The tenant state the entries were sealed under.
    pub expected: TenantStateRow,
}

/// A stored entry, as read back.
#[derive(Debug, Clone)]
pub struct EntryRow {
    /// The token id.
    pub token_id: String,
    /// The entity type label.
    pub entity_type: String,
    /// The data key version that sealed the value.
    pub key_version: i64,
    /// `nonce || ciphertext || tag`.
    pub sealed_value: Vec<u8>,
    /// The conversation the token is bound to, if any.
    pub ctx: Option<String>,
    /// Unix milliseconds after which the token is unknown.
    pub expires_at: Option<i64>,
    /// A honey token: it has no value, and any attempt to reveal it is an anomaly.
    pub honey: bool,
}

/// A honey token of a tenant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoneyTokenRow {
    /// The token id.
    pub token_id: String,
    /// The type label it carries.
    pub entity_type: String,
    /// Unix milliseconds.
    pub created_at: i64,
    /// The `sub` that planted it.
    pub created_by: String,
}

/// A caller blocked after an anomaly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallerBlockRow {
    /// The caller's tenant.
    pub tenant: String,
    /// The caller.
    pub sub: String,
    /// Unix milliseconds until which it is blocked.
    pub until_at: i64,
    /// The anomaly kind that caused it.
    pub reason: String,
}
/// What a request checks before using cached tenant state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TenantStateRow {
    /// The policy version, if a policy is stored.
    pub policy_version: Option<i64>,
    /// The key epoch, if the tenant exists.
    pub key_epoch: Option<i64>,
    /// The root key version of the last root rotation, if there was one.
    pub root_version: Option<i64>,
}

/// What became of a request to destroy a data key version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DestroyOutcome {
    /// Destroyed (or it already was).
    Destroyed,
    /// Refused: it is the active version.
    Active,
    /// Refused: this many records still use it.
    InUse(i64),
    /// No such version.
    NotFound,
}

/// A wrapped key, before or after rewrapping: a data key (`version` set) or a
/// fingerprint key (`version` None).
#[derive(Debug, Clone)]
pub struct RewrappedKeyRow {
    /// The tenant.
    pub tenant: String,
    /// The data key version, or None for the fingerprint key.
    pub version: Option<i64>,
    /// The wrapped key.
    pub wrapped_key: Vec<u8>,
    /// The root key version that wraps it.
    pub root_key_version: i64,
}

/// One record sealed anew.
#[derive(Debug, Clone)]
pub struct ResealRow {
    /// The token id.
    pub token_id: String,
    /// The version it was sealed with (the update applies only if it still is).
    pub old_version: i64,
    /// The version it is sealed with now.
    pub new_version: i64,
    /// `nonce || ciphertext || tag`.
    pub sealed_value: Vec<u8>,
}

/// A job's progress after one batch.
#[derive(Debug, Clone)]
pub struct JobProgress {
    /// The job.
    pub id: String,
    /// Records handled in this batch.
    pub processed: i64,
    /// The last token id handled.
    pub cursor_token: String,
    /// Unix milliseconds.
    pub now: i64,
}

/// A background job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobRow {
    /// Random id.
    pub id: String,
    /// The tenant.
    pub tenant: String,
    /// `reencrypt`.
    pub kind: String,
    /// The data key version records move to.
    pub target_version: i64,
    /// `running`, `done` or `failed`.
    pub state: String,
    /// Records moved so far.
    pub processed: i64,
    /// The last token id handled.
    pub cursor_token: String,
    /// Until when an instance holds the job (Unix milliseconds).
    pub lease_until: i64,
    /// Unix milliseconds.
    pub created_at: i64,
    /// Unix milliseconds.
    pub updated_at: i64,
}

/// A destructive admin action waiting for its second admin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingActionRow {
    /// Random id.
    pub id: String,
    /// The tenant.
    pub tenant: String,
    /// `shred_tenant`, `destroy_data_key`, `rotate_root_key` or `replace_policy`.
    pub action: String,
    /// The data key version, for `destroy_data_key`.
    pub argument: Option<i64>,
    /// The first admin's sub.
    pub requested_by: String,
    /// Unix milliseconds.
    pub requested_at: i64,
    /// Unix milliseconds after which it can no longer be confirmed.
    pub expires_at: i64,
    /// The second admin's sub, once confirmed.
    pub confirmed_by: Option<String>,
    /// The policy document, for `replace_policy`.
    pub document: Option<String>,
}

/// One event's place in its chain.
#[derive(Debug, Clone)]
pub struct AuditLink {
    /// The event.
    pub seq: i64,
    /// Its position, from 1.
    pub chain_index: i64,
    /// The previous event's hash.
    pub prev_hash: Vec<u8>,
    /// Its hash.
    pub hash: Vec<u8>,
}

/// Which audit events to list.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// From this time on (Unix milliseconds).
    pub since: Option<i64>,
    /// Before this time.
    pub until: Option<i64>,
    /// Only this caller.
    pub sub: Option<String>,
    /// Only this action.
    pub action: Option<String>,
    /// Only events naming this token id.
    pub token_id: Option<String>,
    /// Only events after this insertion number (pagination).
    pub after_seq: Option<i64>,
    /// At most this many.
    pub limit: i64,
}

/// A stored tenant policy.
#[derive(Debug, Clone)]
pub struct PolicyRow {
    /// Incremented by every change, from 1.
    pub version: i64,
    /// The JSON document.
    pub document: String,
}

/// The columns of an entry row, in [`ENTRY_COLUMNS`] order, plus whether it is a honey
/// token.
pub(super) type EntryTuple = (
    String,
    String,
    i64,
    Vec<u8>,
    Option<String>,
    Option<i64>,
    bool,
);

/// The select list of an entry (the honey flag is added by each query).
pub(super) const ENTRY_COLUMNS: &str =
    "SELECT token_id, entity_type, CAST(key_version AS BIGINT), sealed_value, ctx, expires_at";

/// A row as an [`EntryRow`].
pub(super) fn entry_row(t: EntryTuple) -> EntryRow {
    let (token_id, entity_type, key_version, sealed_value, ctx, expires_at, honey) = t;
    EntryRow {
        token_id,
        entity_type,
        key_version,
        sealed_value,
        ctx,
        expires_at,
        honey,
    }
}

/// The columns of a job row, in [`JOB_COLUMNS`] order.
pub(super) type JobTuple = (
    String,
    String,
    String,
    i64,
    String,
    i64,
    String,
    i64,
    i64,
    i64,
);

/// The select list every job query starts with.
pub(super) const JOB_COLUMNS: &str =
    "SELECT id, tenant, kind, CAST(target_version AS BIGINT), state, processed, cursor_token, \
    lease_until, created_at, updated_at FROM key_jobs";

/// A row as a [`JobRow`].
pub(super) fn job_row(t: JobTuple) -> JobRow {
    JobRow {
        id: t.0,
        tenant: t.1,
        kind: t.2,
        target_version: t.3,
        state: t.4,
        processed: t.5,
        cursor_token: t.6,
        lease_until: t.7,
        created_at: t.8,
        updated_at: t.9,
    }
}

/// The columns of a pending action row, in [`PENDING_ACTION_COLUMNS`] order.
pub(super) type PendingActionTuple = (
    String,
    String,
    String,
    Option<i64>,
    String,
    i64,
    i64,
    Option<String>,
    Option<String>,
);

/// The select list of a pending action.
pub(super) const PENDING_ACTION_COLUMNS: &str = "SELECT id, tenant, action, argument, \
    requested_by, requested_at, expires_at, confirmed_by, document FROM pending_actions";

/// A row as a [`PendingActionRow`].
pub(super) fn pending_action_row(t: PendingActionTuple) -> PendingActionRow {
    let (
        id,
        tenant,
        action,
        argument,
        requested_by,
        requested_at,
        expires_at,
        confirmed_by,
        document,
    ) = t;
    PendingActionRow {
        id,
        tenant,
        action,
        argument,
        requested_by,
        requested_at,
        expires_at,
        confirmed_by,
        document,
    }
}

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
    Option<Vec<u8>>,
    Option<i64>,
    Option<Vec<u8>>,
    Option<Vec<u8>>,
);

/// The select list every audit query starts with.
pub(super) const AUDIT_COLUMNS: &str =
    "SELECT e.seq, e.tenant, e.at, e.sub, e.action, e.outcome, e.request_id, e.details, e.mac, \
    l.chain_index, l.prev_hash, l.hash FROM audit_events AS e \
    LEFT JOIN audit_links AS l ON l.tenant = e.tenant AND l.seq = e.seq";

/// A row as a [`StoredAuditRow`].
pub(super) fn stored_event(t: AuditTuple) -> StoredAuditRow {
    let (
        seq,
        tenant,
        at,
        sub,
        action,
        outcome,
        request_id,
        details,
        mac,
        chain_index,
        prev_hash,
        hash,
    ) = t;
    StoredAuditRow {
        seq,
        event: AuditEventRow {
            tenant,
            at,
            sub,
            action,
            outcome,
            request_id,
            details,
            mac,
        },
        chain_index,
        prev_hash,
        hash,
    }
}
