-- Retention pages through candidates with a row-value keyset, (time, id) > (last time, last id): the indexes
-- carry id as their last column so that every page is an index range scan, also when many jobs share one
-- instant (one soft-delete run stamps all its jobs with the same deleted_at).
DROP INDEX job_deleted_idx;
CREATE INDEX job_deleted_idx ON job (deleted_at, id);
DROP INDEX job_status_finished_idx;
CREATE INDEX job_status_finished_idx ON job (status, finished_at, id);
DROP INDEX job_claim_idx;
CREATE INDEX job_claim_idx ON job (status, run_at, id);
