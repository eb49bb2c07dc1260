-- PostgreSQL only (H2 has no partial indexes). A job's status changes are never HOT updates (status is indexed), so
-- each one adds an entry to every index whose predicate the new row version satisfies, and a partial index skips the
-- rows it cannot serve. The indexes below are read only for rows in one state, so each keeps only those rows: a
-- claim no longer writes the finish-time indexes, a completion no longer writes the claim, lease, timeout and worker
-- indexes, and no live job writes the index of soft-deleted ones.
--
-- The predicates are proven from the queries' own conditions (PartialIndexIT): the claim statement names status
-- 'PENDING' as a literal (PostgresQueueStatements, and retention's selection, Due); lease_expires_at < ?,
-- timeout_at <= ?, worker_id = ?, finished_at < ?, deleted_at <= ? and the lists' finished_at IS NOT NULL and
-- deleted_at IS NOT NULL imply IS NOT NULL whatever the parameter. worker_id, lease_expires_at and timeout_at are set
-- exactly while a job is RUNNING (Job.letGo clears them).
DROP INDEX job_claim_idx;
CREATE INDEX job_claim_idx ON job (run_at, id) WHERE status = 'PENDING';
DROP INDEX job_claim_type_idx;
CREATE INDEX job_claim_type_idx ON job (type, run_at) WHERE status = 'PENDING';
DROP INDEX job_lease_idx;
CREATE INDEX job_lease_idx ON job (lease_expires_at) WHERE lease_expires_at IS NOT NULL;
DROP INDEX job_timeout_idx;
CREATE INDEX job_timeout_idx ON job (timeout_at) WHERE timeout_at IS NOT NULL;
DROP INDEX job_worker_idx;
CREATE INDEX job_worker_idx ON job (worker_id) WHERE worker_id IS NOT NULL;
DROP INDEX job_finished_idx;
CREATE INDEX job_finished_idx ON job (finished_at, id) WHERE finished_at IS NOT NULL;
DROP INDEX job_status_finished_idx;
CREATE INDEX job_status_finished_idx ON job (status, finished_at, id) WHERE finished_at IS NOT NULL;
-- read by the purge (deleted_at <= ?) and the list of soft-deleted jobs (deleted_at IS NOT NULL) only
DROP INDEX job_deleted_idx;
CREATE INDEX job_deleted_idx ON job (deleted_at, created_at, id) WHERE deleted_at IS NOT NULL;
