-- The dashboard's queries (SPEC section 5 "Lists", section 8): retries point at their original, and every list order
-- and the overview's counts read an index instead of the table.

ALTER TABLE job ADD COLUMN retry_of UUID;

-- overview counts by status over visible jobs: everyone's, and one user's
CREATE INDEX job_live_status_idx ON job (deleted_at, status);
CREATE INDEX job_owner_status_idx ON job (owner, deleted_at, status);
-- list sorted by finish time (the deleted list in purge order reads job_deleted_idx (deleted_at, id) of V4)
CREATE INDEX job_finished_idx ON job (finished_at, id);
