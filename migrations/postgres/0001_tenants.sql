-- One row per tenant, created on its first request. The fingerprint key is stored only
-- wrapped by the root key version named beside it.
CREATE TABLE tenants (
    tenant            TEXT PRIMARY KEY,
    fingerprint_key   BYTEA NOT NULL,
    root_key_version  INTEGER NOT NULL,
    created_at        BIGINT NOT NULL
);
