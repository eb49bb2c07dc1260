-- Leases and the nodes that hold them.

-- when a RUNNING job is past its own timeout (started_at + timeout_seconds), whoever runs it
ALTER TABLE job ADD COLUMN timeout_at TIMESTAMP WITH TIME ZONE;

-- the stuck-job detector: RUNNING jobs by lease expiry, and by timeout
CREATE INDEX job_lease_idx ON job (status, lease_expires_at);
CREATE INDEX job_timeout_idx ON job (status, timeout_at);
-- startup recovery and the nodes listing: the jobs one worker holds
CREATE INDEX job_worker_idx ON job (worker_id);

-- every server instance that ever ran against this database, with its last heartbeat
CREATE TABLE node (
    id         VARCHAR(200) NOT NULL PRIMARY KEY,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen  TIMESTAMP WITH TIME ZONE NOT NULL,
    stopped_at TIMESTAMP WITH TIME ZONE
);
