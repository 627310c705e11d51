-- Insert-only audit links. Each event is written once, as it happened; its place in the
-- tenant's chain is written once too, as a row of its own in audit_links, instead of an
-- UPDATE that rewrote the whole event (a second heap tuple and index entries per event).
-- audit_events now refuses every UPDATE.
--
-- Finding the events not linked yet, without the partial index that needed the UPDATE:
-- each event records the id of the transaction that wrote it (`xact`). The chainer keeps
-- a floor: every event written by a transaction below it is linked. Each run reads the
-- oldest transaction still running (the snapshot's xmin), links the events at or above
-- the floor that no link names, and raises the floor to that xmin: a transaction below it
-- has ended, so its events were visible to the run. An event whose transaction commits
-- late, after events with a higher seq were linked, is therefore still found.
CREATE TABLE audit_links (
    tenant       TEXT NOT NULL,
    chain_index  BIGINT NOT NULL,
    seq          BIGINT NOT NULL,
    prev_hash    BYTEA NOT NULL,
    hash         BYTEA NOT NULL,
    PRIMARY KEY (tenant, chain_index),
    UNIQUE (tenant, seq)
);

CREATE TABLE audit_link_floor (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    xact  BIGINT NOT NULL
);
INSERT INTO audit_link_floor (id, xact) VALUES (1, 0);

DROP TRIGGER audit_events_link_once ON audit_events;
ALTER TABLE audit_events ADD COLUMN xact BIGINT;
INSERT INTO audit_links (tenant, chain_index, seq, prev_hash, hash)
    SELECT tenant, chain_index, seq, prev_hash, hash FROM audit_events
    WHERE chain_index IS NOT NULL;
-- Events not linked yet are found by the first run (floor 0); linked ones never again.
UPDATE audit_events SET xact = 0 WHERE chain_index IS NULL;
ALTER TABLE audit_events ALTER COLUMN xact SET DEFAULT (pg_current_xact_id()::text::bigint);
DROP INDEX audit_events_chain;
DROP INDEX audit_events_unlinked;
ALTER TABLE audit_events DROP COLUMN chain_index, DROP COLUMN prev_hash, DROP COLUMN hash;
-- Events are appended in transaction order, so a BRIN index finds the recent ones for
-- almost nothing.
CREATE INDEX audit_events_xact ON audit_events USING brin (xact);

CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_links_no_change BEFORE UPDATE OR DELETE ON audit_links
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_links_no_truncate BEFORE TRUNCATE ON audit_links
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
