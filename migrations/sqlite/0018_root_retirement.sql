-- The row always exists: a transaction that wraps a new key reads it (under the write
-- lock) to learn whether a root rotation committed meanwhile.
INSERT INTO root_state (id, version)
SELECT 1, COALESCE(MAX(v), 0) FROM (
    SELECT root_key_version AS v FROM data_keys WHERE wrapped_key IS NOT NULL
    UNION ALL SELECT root_key_version FROM tenants WHERE length(fingerprint_key) > 0
) AS wrapped
WHERE true -- SQLite needs a WHERE to read ON CONFLICT as an upsert
ON CONFLICT (id) DO NOTHING;

-- A shred owes a root rotation that keeps no copy of the old root version. Each shred
-- counts one up in the transaction that destroys its keys; a rotation that read the count
-- before reading the keys settles it, once the old version is gone from every file. An
-- instance that crashed in between leaves the debt for any instance to pay. A table of
-- its own, so that a shred does not hold the lock of root_state (which every transaction
-- wrapping a key takes) while it deletes the tenant's records.
CREATE TABLE root_retirement (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    shreds          BIGINT NOT NULL,
    shreds_retired  BIGINT NOT NULL
);
INSERT INTO root_retirement (id, shreds, shreds_retired) VALUES (1, 0, 0);
