-- Tenant policy: a JSON document (types to tokenize, the tenant's own recognizers, the
-- allow-list of values declared non-sensitive) with a version that every instance checks
-- before each tokenize, so a change applies from the next request on, everywhere.
CREATE TABLE tenant_policies (
    tenant      TEXT PRIMARY KEY,
    version     BIGINT NOT NULL,
    document    TEXT NOT NULL,
    updated_at  BIGINT NOT NULL,
    updated_by  TEXT NOT NULL
);
