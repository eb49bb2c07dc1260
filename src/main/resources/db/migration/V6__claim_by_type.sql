-- Claims for the types one worker serves, by index in run_at order whatever else is waiting. With job_claim_idx
-- (status, run_at, id) alone, a claim for a type with no eligible job read every eligible PENDING row of the other
-- types before it could answer "nothing to do": with 136,000 jobs of one type waiting, a claim for another took
-- 36 ms of PostgreSQL CPU instead of a fraction of one. Here a claim for one type reads its first row and stops;
-- the planner keeps job_claim_idx where the requested types are most of what is waiting (and for retention's
-- PENDING TTL, which pages by run_at across all types).
CREATE INDEX job_claim_type_idx ON job (status, type, run_at);
