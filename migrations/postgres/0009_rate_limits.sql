-- Request counts per limit key and fixed window, shared by every instance.
CREATE TABLE rate_counters (
    key           TEXT NOT NULL,
    window_start  BIGINT NOT NULL,
    count         BIGINT NOT NULL,
    PRIMARY KEY (key, window_start)
);
