-- Two-person rule: a destructive admin action waits here until a second admin (another
-- sub) confirms it within its window.
CREATE TABLE pending_actions (
    id            TEXT PRIMARY KEY,
    tenant        TEXT NOT NULL,
    action        TEXT NOT NULL,
    argument      BIGINT,
    requested_by  TEXT NOT NULL,
    requested_at  BIGINT NOT NULL,
    expires_at    BIGINT NOT NULL,
    confirmed_by  TEXT,
    confirmed_at  BIGINT
);
