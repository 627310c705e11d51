-- Every audit event carries a MAC made by the service when it writes the event, under the
-- audit key (wrapped by the root key), so a row inserted by anyone else holding database
-- credentials is told apart from a genuine one. Events written before this migration have
-- none; they stay acceptable only where a checkpoint of the old kind (mac_version 1, signed
-- by a service that did not yet sign events) covers them. Checkpoints from now on are
-- mac_version 2, and each is written in the same transaction as the links it covers.
ALTER TABLE audit_events ADD COLUMN mac BYTEA;
ALTER TABLE audit_checkpoints ADD COLUMN mac_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE audit_checkpoints ALTER COLUMN mac_version SET DEFAULT 2;
