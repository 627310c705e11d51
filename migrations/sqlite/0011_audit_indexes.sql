-- The chain index holds linked events only (see the Postgres migration of this name).
DROP INDEX audit_events_chain;
CREATE UNIQUE INDEX audit_events_chain ON audit_events (tenant, chain_index)
    WHERE chain_index IS NOT NULL;
