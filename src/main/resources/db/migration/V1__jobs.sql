-- Jobs and their timelines. Portable SQL: the same file runs on the embedded H2 and on PostgreSQL.
-- Times are stored as TIMESTAMP WITH TIME ZONE, written in UTC.

CREATE TABLE job (
    id               UUID          NOT NULL PRIMARY KEY,
    type             VARCHAR(100)  NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    payload          VARCHAR(1000000),
    result           VARCHAR(1000000),
    error            VARCHAR(4000),
    attempts         INTEGER       NOT NULL,
    max_attempts     INTEGER       NOT NULL,
    timeout_seconds  INTEGER       NOT NULL,
    owner            VARCHAR(200)  NOT NULL,
    worker_id        VARCHAR(200),
    lease_expires_at TIMESTAMP WITH TIME ZONE,
    run_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at       TIMESTAMP WITH TIME ZONE,
    finished_at      TIMESTAMP WITH TIME ZONE,
    deleted_at       TIMESTAMP WITH TIME ZONE,
    input_file       VARCHAR(255),
    output_file      VARCHAR(255),
    version          BIGINT        NOT NULL,
    CONSTRAINT job_status_check CHECK (status IN ('PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED'))
);

-- claim: PENDING jobs in the order they become eligible (read in index order, stopped by LIMIT)
CREATE INDEX job_claim_idx ON job (status, run_at);
-- retention stage one: finished jobs of a status older than its TTL
CREATE INDEX job_status_finished_idx ON job (status, finished_at);
-- retention stage two: soft-deleted jobs past the restore window
CREATE INDEX job_deleted_idx ON job (deleted_at);
-- listing, newest first, for one owner and for admins
CREATE INDEX job_owner_created_idx ON job (owner, created_at, id);
CREATE INDEX job_created_idx ON job (created_at, id);

CREATE SEQUENCE job_event_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE job_event (
    id          BIGINT        NOT NULL PRIMARY KEY,
    job_id      UUID          NOT NULL,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    type        VARCHAR(32)   NOT NULL,
    from_status VARCHAR(16),
    to_status   VARCHAR(16),
    node_id     VARCHAR(200),
    message     VARCHAR(4000),
    CONSTRAINT job_event_job_fk FOREIGN KEY (job_id) REFERENCES job (id) ON DELETE CASCADE
);

CREATE INDEX job_event_job_idx ON job_event (job_id, id);
