-- Insert-only audit links (see the Postgres migration of this name). SQLite writes one
-- transaction at a time, so events become visible in seq order, and the chainer's floor
-- is simply a seq: every event below it is linked.
CREATE TABLE audit_links (
    tenant       TEXT NOT NULL,
    chain_index  BIGINT NOT NULL,
    seq          BIGINT NOT NULL,
    prev_hash    BLOB NOT NULL,
    hash         BLOB NOT NULL,
    PRIMARY KEY (tenant, chain_index),
    UNIQUE (tenant, seq)
);

CREATE TABLE audit_link_floor (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    xact  BIGINT NOT NULL
);
INSERT INTO audit_link_floor (id, xact)
    SELECT 1, COALESCE(MIN(seq), (SELECT COALESCE(MAX(seq), 0) + 1 FROM audit_events))
    FROM audit_events WHERE chain_index IS NULL;

INSERT INTO audit_links (tenant, chain_index, seq, prev_hash, hash)
    SELECT tenant, chain_index, seq, prev_hash, hash FROM audit_events
    WHERE chain_index IS NOT NULL;

DROP TRIGGER audit_events_link_once;
DROP INDEX audit_events_chain;
DROP INDEX audit_events_unlinked;
ALTER TABLE audit_events DROP COLUMN chain_index;
ALTER TABLE audit_events DROP COLUMN prev_hash;
ALTER TABLE audit_events DROP COLUMN hash;

CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only');
END;
CREATE TRIGGER audit_links_no_update BEFORE UPDATE ON audit_links
BEGIN
    SELECT RAISE(ABORT, 'audit_links is append-only');
END;
CREATE TRIGGER audit_links_no_delete BEFORE DELETE ON audit_links
BEGIN
    SELECT RAISE(ABORT, 'audit_links is append-only');
END;
