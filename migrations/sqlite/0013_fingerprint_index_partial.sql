-- Only rows with a fingerprint are indexed (see the Postgres migration of this name).
CREATE UNIQUE INDEX vault_entries_fingerprint_present ON vault_entries (tenant, fingerprint)
    WHERE fingerprint IS NOT NULL;
DROP INDEX vault_entries_fingerprint;
