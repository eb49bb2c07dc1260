package dev.custodian.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PostgreSQL keeps the queue's indexes partial ({@code db/postgresql/V31__partial_queue_indexes.sql}): a planner uses
 * one only where the query's own conditions prove its predicate. Each row is the shape of a query the service runs,
 * its values as parameters, planned generically (as a prepared statement is once PostgreSQL stops re-planning it),
 * on 20,000 finished jobs with sequential scans off: the partial index must serve it.
 */
class PartialIndexIT extends OnSharedServer {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        claim (PostgresQueueStatements)        | job_claim(_type)?_idx   | SELECT id FROM job WHERE status = 'PENDING' AND type IN ($1, $2) AND run_at <= $3 AND deleted_at IS NULL ORDER BY run_at LIMIT 10
        claim of one type                      | job_claim_type_idx      | SELECT id FROM job WHERE status = 'PENDING' AND type IN ($1) AND run_at <= $3 AND deleted_at IS NULL ORDER BY run_at LIMIT 10
        retention of PENDING jobs (Due)        | job_claim_idx           | SELECT j.id FROM job j WHERE j.status = 'PENDING' AND j.run_at < $3 AND j.deleted_at IS NULL AND j.attempts = 0 ORDER BY j.run_at, j.id LIMIT 10
        expired leases (JobRepository)         | job_lease_idx           | SELECT id FROM job WHERE status = $1 AND lease_expires_at < $3 ORDER BY lease_expires_at
        timeouts (JobRepository)               | job_timeout_idx         | SELECT id FROM job WHERE status = $1 AND timeout_at <= $3 ORDER BY timeout_at
        a worker's jobs (JobRepository)        | job_worker_idx          | SELECT id FROM job WHERE worker_id = $1 AND status = $2
        retention of finished jobs (Due)       | job_(status_)?finished_idx | SELECT j.id FROM job j WHERE j.status = 'COMPLETED' AND j.finished_at < $3 AND j.deleted_at IS NULL ORDER BY j.finished_at, j.id LIMIT 10
        purge (Due)                            | job_deleted_idx         | SELECT j.id FROM job j WHERE j.deleted_at <= $3 AND j.status <> 'RUNNING' ORDER BY j.deleted_at, j.created_at, j.id LIMIT 10
        list of soft-deleted jobs (JobRepository) | job_deleted_idx      | SELECT j.id FROM job j WHERE j.deleted_at IS NOT NULL ORDER BY j.deleted_at, j.id LIMIT 26
        list by finish time (JobRepository)    | job_finished_idx        | SELECT j.id FROM job j WHERE j.finished_at IS NOT NULL ORDER BY j.finished_at DESC, j.id DESC LIMIT 26
        """)
    void a_generic_plan_reads_the_partial_index(String query, String indexPattern, String sql) throws SQLException {
        assumeTrue("postgres".equals(Environment.DATABASE), "partial indexes are PostgreSQL's");
        try (Connection c = Environment.connect(); Statement s = c.createStatement()) {
            // a table of finished jobs, as in production, so that the planner weighs the indexes by what they hold
            s.execute("INSERT INTO job (id, type, status, attempts, max_attempts, timeout_seconds, owner, run_at, created_at,"
                    + " started_at, finished_at, version) SELECT gen_random_uuid(), 'echo', 'COMPLETED', 1, 3, 60, 'alice',"
                    + " now() - g * interval '1 second', now() - g * interval '1 second', now() - g * interval '1 second',"
                    + " now() - g * interval '1 second', 2 FROM generate_series(1, 20000) g");
            s.execute("ANALYZE job");
            s.execute("SET plan_cache_mode = force_generic_plan");
            s.execute("SET enable_seqscan = off");
            s.execute("PREPARE q(text, text, timestamptz) AS " + sql);
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = s.executeQuery("EXPLAIN EXECUTE q('a', 'b', now())")) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            } finally {
                s.execute("DEALLOCATE q");
            }
            assertThat(plan.toString()).as(query).containsPattern("Scan (Backward )?(using|on) " + indexPattern + " ");
        }
    }
}
