-- The audit log (see the Postgres migration of the same name for the design). SQLite has
-- no roles, so the triggers guard against mistakes rather than a hostile database user.
CREATE TABLE audit_events (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant       TEXT NOT NULL,
    at           BIGINT NOT NULL,
    sub          TEXT NOT NULL,
    action       TEXT NOT NULL,
    outcome      TEXT NOT NULL,
    request_id   TEXT NOT NULL,
    details      TEXT NOT NULL,
    chain_index  BIGINT,
    prev_hash    BLOB,
    hash         BLOB
);
CREATE UNIQUE INDEX audit_events_chain ON audit_events (tenant, chain_index);
CREATE INDEX audit_events_unlinked ON audit_events (tenant, seq) WHERE chain_index IS NULL;
CREATE INDEX audit_events_tenant_at ON audit_events (tenant, at);

CREATE TABLE audit_checkpoints (
    tenant       TEXT NOT NULL,
    chain_index  BIGINT NOT NULL,
    hash         BLOB NOT NULL,
    mac          BLOB NOT NULL,
    at           BIGINT NOT NULL,
    PRIMARY KEY (tenant, chain_index)
);

CREATE TRIGGER audit_events_link_once BEFORE UPDATE ON audit_events
WHEN NOT (OLD.chain_index IS NULL AND NEW.chain_index IS NOT NULL
          AND NEW.seq = OLD.seq AND NEW.tenant = OLD.tenant AND NEW.at = OLD.at
          AND NEW.sub = OLD.sub AND NEW.action = OLD.action AND NEW.outcome = OLD.outcome
          AND NEW.request_id = OLD.request_id AND NEW.details = OLD.details)
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only');
END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only');
END;
CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints
BEGIN
    SELECT RAISE(ABORT, 'audit_checkpoints is append-only');
END;
CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints
BEGIN
    SELECT RAISE(ABORT, 'audit_checkpoints is append-only');
END;
