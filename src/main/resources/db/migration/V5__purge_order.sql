-- Purge pages by (deleted_at, created_at, id) instead of (deleted_at, id). One soft-delete run stamps all its jobs
-- with the same deleted_at, and ids are random, so (deleted_at, id) order visited the table's pages at random: every
-- batch dirtied ~1,000 pages (one per job, and as many for the events), each logged as a full page image after every
-- checkpoint, about six times the WAL of the same DELETE done in one statement. Rows are stored roughly in the order
-- they were inserted, i.e. by created_at, so this order deletes neighbouring rows together.
DROP INDEX job_deleted_idx;
CREATE INDEX job_deleted_idx ON job (deleted_at, created_at, id);
