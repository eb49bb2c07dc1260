-- A run whose node died while it ran (killed mid-purge) is marked ABORTED at the next startup, instead of staying
-- RUNNING in the history for ever.
ALTER TABLE cleanup_run DROP CONSTRAINT cleanup_run_status_check;
ALTER TABLE cleanup_run ADD CONSTRAINT cleanup_run_status_check CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED', 'ABORTED'));
