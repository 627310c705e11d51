-- Sealed values. Nothing here is plaintext: sealed_value is AES-256-GCM ciphertext and
-- fingerprint an HMAC under the tenant's fingerprint key (NULL when the token is
-- deterministic only within one request). Partitioned by tenant so that a large tenant's
-- index stays its own, and so that a tenant's records can be moved or dropped as a unit.
CREATE TABLE vault_entries (
    tenant        TEXT NOT NULL,
    token_id      TEXT NOT NULL,
    entity_type   TEXT NOT NULL,
    key_version   INTEGER NOT NULL,
    sealed_value  BYTEA NOT NULL,
    fingerprint   BYTEA,
    ctx           TEXT,
    created_at    BIGINT NOT NULL,
    expires_at    BIGINT,
    PRIMARY KEY (tenant, token_id)
) PARTITION BY HASH (tenant);

CREATE TABLE vault_entries_p0 PARTITION OF vault_entries FOR VALUES WITH (MODULUS 8, REMAINDER 0);
CREATE TABLE vault_entries_p1 PARTITION OF vault_entries FOR VALUES WITH (MODULUS 8, REMAINDER 1);
CREATE TABLE vault_entries_p2 PARTITION OF vault_entries FOR VALUES WITH (MODULUS 8, REMAINDER 2);
CREATE TABLE vault_entries_p3 PARTITION OF vault_entries FOR VALUES WITH (MODULUS 8, REMAINDER 3);
CREATE TABLE vault_entries_p4 PARTITION OF vault_entries FOR VALUES WITH (MODULUS 8, REMAINDER 4);
CREATE TABLE vault_entries_p5 PARTITION OF vault_entries FOR VALUES WITH (MODULUS 8, REMAINDER 5);
CREATE TABLE vault_entries_p6 PARTITION OF vault_entries FOR VALUES WITH (MODULUS 8, REMAINDER 6);
CREATE TABLE vault_entries_p7 PARTITION OF vault_entries FOR VALUES WITH (MODULUS 8, REMAINDER 7);

-- Determinism under concurrency: INSERT ... ON CONFLICT on this index, never a lock in
-- the process. NULL fingerprints never conflict.
CREATE UNIQUE INDEX vault_entries_fingerprint ON vault_entries (tenant, fingerprint);
CREATE INDEX vault_entries_key_version ON vault_entries (tenant, key_version);
