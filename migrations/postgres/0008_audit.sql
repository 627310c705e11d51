-- The audit log. Requests append events in their own transaction, unlinked; a chainer
-- links each tenant's events once (chain_index, prev_hash, hash). The trigger lets only
-- that one-time link through: any other UPDATE, any DELETE and TRUNCATE fail, so
-- tampering needs a superuser (who can disable triggers), and verification finds it.
CREATE TABLE audit_events (
    seq          BIGSERIAL PRIMARY KEY,
    tenant       TEXT NOT NULL,
    at           BIGINT NOT NULL,
    sub          TEXT NOT NULL,
    action       TEXT NOT NULL,
    outcome      TEXT NOT NULL,
    request_id   TEXT NOT NULL,
    details      TEXT NOT NULL,
    chain_index  BIGINT,
    prev_hash    BYTEA,
    hash         BYTEA
);
CREATE UNIQUE INDEX audit_events_chain ON audit_events (tenant, chain_index);
CREATE INDEX audit_events_unlinked ON audit_events (tenant, seq) WHERE chain_index IS NULL;
CREATE INDEX audit_events_tenant_at ON audit_events (tenant, at);

CREATE TABLE audit_checkpoints (
    tenant       TEXT NOT NULL,
    chain_index  BIGINT NOT NULL,
    hash         BYTEA NOT NULL,
    mac          BYTEA NOT NULL,
    at           BIGINT NOT NULL,
    PRIMARY KEY (tenant, chain_index)
);

CREATE FUNCTION audit_events_link_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.chain_index IS NULL AND NEW.chain_index IS NOT NULL
       AND NEW.seq = OLD.seq AND NEW.tenant = OLD.tenant AND NEW.at = OLD.at
       AND NEW.sub = OLD.sub AND NEW.action = OLD.action AND NEW.outcome = OLD.outcome
       AND NEW.request_id = OLD.request_id AND NEW.details = OLD.details THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_events is append-only';
END
$$;

CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END
$$;

CREATE TRIGGER audit_events_link_once BEFORE UPDATE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_link_once();
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_checkpoints_no_change BEFORE UPDATE OR DELETE ON audit_checkpoints
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
