-- Tokens without a ctx have no fingerprint, and the unique index on (tenant, fingerprint)
-- held an entry for each of them all the same (NULLs never conflict). Indexing only the
-- rows that have one spares that write on every such token; ON CONFLICT names the same
-- predicate, so determinism is unchanged.
CREATE UNIQUE INDEX vault_entries_fingerprint_present ON vault_entries (tenant, fingerprint)
    WHERE fingerprint IS NOT NULL;
DROP INDEX vault_entries_fingerprint;
ALTER INDEX vault_entries_fingerprint_present RENAME TO vault_entries_fingerprint;
