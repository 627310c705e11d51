-- Cheaper audit writes: the chain index holds linked events only (an unlinked event
-- adds no entry to it), and time filters use a BRIN index, which an append-only table
-- in time order keeps almost for free, instead of a B-tree entry per event.
DROP INDEX audit_events_chain;
CREATE UNIQUE INDEX audit_events_chain ON audit_events (tenant, chain_index)
    WHERE chain_index IS NOT NULL;
DROP INDEX audit_events_tenant_at;
CREATE INDEX audit_events_at ON audit_events USING brin (at);

-- The one-time link is checked in the trigger's WHEN clause, evaluated without calling
-- a PL/pgSQL function for every linked row; any other UPDATE still raises.
DROP TRIGGER audit_events_link_once ON audit_events;
CREATE TRIGGER audit_events_link_once BEFORE UPDATE ON audit_events
    FOR EACH ROW
    WHEN (NOT (OLD.chain_index IS NULL AND NEW.chain_index IS NOT NULL
               AND NEW.seq = OLD.seq AND NEW.tenant = OLD.tenant AND NEW.at = OLD.at
               AND NEW.sub = OLD.sub AND NEW.action = OLD.action AND NEW.outcome = OLD.outcome
               AND NEW.request_id = OLD.request_id AND NEW.details = OLD.details))
    EXECUTE FUNCTION audit_append_only();
DROP FUNCTION audit_events_link_once();
