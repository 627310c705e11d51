-- How many values each data key has sealed. AES-GCM with random 96-bit nonces stays
-- within its bounds for 2^32 seals under one key; a key past the service's budget is
-- rotated, so that new values go under a fresh key.
ALTER TABLE data_keys ADD COLUMN seals BIGINT NOT NULL DEFAULT 0;
