-- Key lifecycle. key_epoch changes with every key event of a tenant (rotation,
-- destruction, shredding, root rewrap); every request compares it with the epoch of the
-- keys it has cached, so no instance keeps using a key another instance changed.
ALTER TABLE tenants ADD COLUMN key_epoch BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tenants ADD COLUMN shredded_at BIGINT;

-- Resumable background jobs (re-encryption): progress and a cursor survive restarts; a
-- lease keeps two instances from working the same job at once.
CREATE TABLE key_jobs (
    id              TEXT PRIMARY KEY,
    tenant          TEXT NOT NULL,
    kind            TEXT NOT NULL,
    target_version  INTEGER NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('running', 'done', 'failed')),
    processed       BIGINT NOT NULL DEFAULT 0,
    cursor_token    TEXT NOT NULL DEFAULT '',
    lease_until     BIGINT NOT NULL DEFAULT 0,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL
);
CREATE INDEX key_jobs_running ON key_jobs (state) WHERE state = 'running';

-- The purge of expired tokens finds them without a scan.
CREATE INDEX vault_entries_expires_at ON vault_entries (expires_at) WHERE expires_at IS NOT NULL;
