-- Honey (canary) tokens: token ids a tenant plants where no legitimate caller ever
-- reveals them. They have no value at all; any attempt to reveal one is an anomaly.
CREATE TABLE honey_tokens (
    tenant       TEXT NOT NULL,
    token_id     TEXT NOT NULL,
    entity_type  TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    created_by   TEXT NOT NULL,
    PRIMARY KEY (tenant, token_id)
);

-- Callers blocked after an anomaly, shared by every instance.
CREATE TABLE caller_blocks (
    tenant    TEXT NOT NULL,
    sub       TEXT NOT NULL,
    until_at  BIGINT NOT NULL,
    reason    TEXT NOT NULL,
    PRIMARY KEY (tenant, sub)
);
