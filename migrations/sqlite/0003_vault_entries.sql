-- Sealed values. Nothing here is plaintext: sealed_value is AES-256-GCM ciphertext and
-- fingerprint an HMAC under the tenant's fingerprint key (NULL when the token is
-- deterministic only within one request).
CREATE TABLE vault_entries (
    tenant        TEXT NOT NULL,
    token_id      TEXT NOT NULL,
    entity_type   TEXT NOT NULL,
    key_version   INTEGER NOT NULL,
    sealed_value  BLOB NOT NULL,
    fingerprint   BLOB,
    ctx           TEXT,
    created_at    BIGINT NOT NULL,
    expires_at    BIGINT,
    PRIMARY KEY (tenant, token_id)
) WITHOUT ROWID;

-- Determinism under concurrency: INSERT ... ON CONFLICT on this index. NULL fingerprints
-- never conflict.
CREATE UNIQUE INDEX vault_entries_fingerprint ON vault_entries (tenant, fingerprint);
CREATE INDEX vault_entries_key_version ON vault_entries (tenant, key_version);
