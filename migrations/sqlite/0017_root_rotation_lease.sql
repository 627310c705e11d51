-- One root rotation at a time across every instance: the rotating instance holds this
-- lease (taken by compare-and-swap, with an expiry so a crashed holder does not block
-- rotations for ever) while it rewrites the root key file and rewraps every key.
CREATE TABLE root_rotation_lease (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    holder  TEXT NOT NULL,
    until   BIGINT NOT NULL
);
