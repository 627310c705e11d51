-- Versioned data keys (DEKs) per tenant, wrapped by the root key. A destroyed version
-- keeps its row (for the record) but loses its key material.
CREATE TABLE data_keys (
    tenant            TEXT NOT NULL REFERENCES tenants (tenant),
    version           INTEGER NOT NULL,
    state             TEXT NOT NULL CHECK (state IN ('active', 'decrypt_only', 'destroyed')),
    wrapped_key       BYTEA,
    root_key_version  INTEGER NOT NULL,
    created_at        BIGINT NOT NULL,
    PRIMARY KEY (tenant, version),
    CHECK ((state = 'destroyed') = (wrapped_key IS NULL))
);

CREATE UNIQUE INDEX data_keys_one_active ON data_keys (tenant) WHERE state = 'active';
