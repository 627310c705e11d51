-- The root key version every wrapped key uses, so that an instance that has not reloaded
-- the root key file after a rotation made elsewhere notices before it wraps a new key.
CREATE TABLE root_state (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    version  INTEGER NOT NULL
);
