-- Cleanup runs (every scheduled, startup and API run, dry or real) and the cluster-wide lock of real runs.

CREATE TABLE cleanup_run (
    id          UUID         NOT NULL PRIMARY KEY,
    run_trigger VARCHAR(16)  NOT NULL,
    principal   VARCHAR(200),
    dry_run     BOOLEAN      NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    node_id     VARCHAR(200),
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE,
    report      VARCHAR(1000000),
    CONSTRAINT cleanup_run_trigger_check CHECK (run_trigger IN ('schedule', 'startup', 'api')),
    CONSTRAINT cleanup_run_status_check CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED'))
);
CREATE INDEX cleanup_run_started_idx ON cleanup_run (started_at, id);

-- One row: which real run holds the cleanup (a lease, so a dead holder does not block for ever), and whether
-- the scheduled cleanup is paused (cluster-wide, PUT /api/system/cleanup/schedule).
CREATE TABLE cleanup_lock (
    name             VARCHAR(32)  NOT NULL PRIMARY KEY,
    run_id           UUID,
    holder           VARCHAR(200),
    expires_at       TIMESTAMP WITH TIME ZONE,
    schedule_enabled BOOLEAN      NOT NULL
);
INSERT INTO cleanup_lock (name, schedule_enabled) VALUES ('cleanup', TRUE);

-- orphaned events by age
CREATE INDEX job_event_at_idx ON job_event (at);
