package dev.custodian.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What a claim and a completion write, row by row, on either database: PostgreSQL writes them with one statement
 * each, the embedded H2 through the entities, and both must leave the same job row and the same events as
 * {@code Job.start} and {@code Job.complete} define.
 */
class QueueTransitionsIT extends OnSharedServer {

    private static final String TYPE = "remote-thing";
    private final Api alice = Api.alice();
    private final Api robot = Api.worker();

    @Test
    void a_batch_submission_writes_pending_rows_in_order_and_their_events() {
        Api.Reply reply = alice.post("/api/jobs/batch", "{\"items\":[{\"type\":\"" + TYPE + "\",\"payload\":{\"n\":1},"
                + "\"maxAttempts\":5,\"timeoutSeconds\":30},{\"type\":\"" + TYPE + "\"}]}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        String first = reply.object().getJsonArray("ids").getString(0);
        String second = reply.object().getJsonArray("ids").getString(1);

        JobRow job = job(first);
        assertThat(job.status).isEqualTo("PENDING");
        assertThat(job.attempts).isZero();
        assertThat(job.timeoutSeconds).isEqualTo(30);
        assertThat(job.version).isZero();
        assertThat(job.workerId).isNull();
        assertThat(job.startedAt).isNull();
        assertThat(job.runAt).isEqualTo(job.createdAt);
        assertThat(Environment.count("SELECT max_attempts FROM job WHERE id = '" + first + "'")).isEqualTo(5);
        assertThat(Environment.count("SELECT count(*) FROM job WHERE id = '" + first + "' AND owner = 'alice'"
                + " AND payload = '{\"n\":1}' AND input_file IS NULL AND retry_of IS NULL AND deleted_at IS NULL")).isOne();
        assertThat(node(first)).isNotBlank();
        assertThat(events(first)).containsExactly("SUBMITTED null>PENDING by " + node(first) + ": submitted by alice");
        assertThat(eventTime(first, "SUBMITTED")).isEqualTo(job.createdAt);
        assertThat(job(second).createdAt).as("in the order submitted").isAfterOrEqualTo(job.createdAt);
    }

    @Test
    void a_batch_claim_writes_the_started_row_and_its_event() {
        String id = submit(TYPE);

        claim("w1", 5);

        JobRow job = job(id);
        assertThat(job.status).isEqualTo("RUNNING");
        assertThat(job.attempts).isEqualTo(1);
        assertThat(job.workerId).isEqualTo("w1");
        assertThat(job.error).isNull();
        assertThat(job.version).isEqualTo(1);
        assertThat(job.leaseExpiresAt).isEqualTo(job.startedAt.plusSeconds(60));
        assertThat(job.timeoutAt).isEqualTo(job.startedAt.plusSeconds(job.timeoutSeconds));
        assertThat(job.finishedAt).isNull();
        assertThat(events(id)).hasSize(2).endsWith("STARTED PENDING>RUNNING by w1: attempt 1 of 3");
        assertThat(eventTime(id, "STARTED")).isEqualTo(job.startedAt);
    }

    @Test
    void completions_write_the_completed_row_and_its_event() {
        String id = submit(TYPE);
        claim("w1", 5);

        robot.post("/api/jobs/completions", "{\"workerId\":\"w1\",\"items\":[{\"id\":\"" + id + "\",\"result\":{\"pages\":3}}]}");

        JobRow job = job(id);
        assertThat(job.status).isEqualTo("COMPLETED");
        assertThat(job.result).isEqualTo("{\"pages\":3}");
        assertThat(job.workerId).isNull();
        assertThat(job.leaseExpiresAt).isNull();
        assertThat(job.timeoutAt).isNull();
        assertThat(job.outputFile).isNull();
        assertThat(job.version).isEqualTo(2);
        assertThat(job.finishedAt).isAfterOrEqualTo(job.startedAt);
        assertThat(events(id)).endsWith("COMPLETED RUNNING>COMPLETED by w1: null");
        assertThat(eventTime(id, "COMPLETED")).isEqualTo(job.finishedAt);
    }

    @Test
    void a_retried_job_is_claimed_again_without_its_last_error() {
        String id = submit(TYPE);
        claim("w1", 1);
        robot.post("/api/jobs/" + id + "/fail", "{\"workerId\":\"w1\",\"error\":\"scanner jammed\"}");
        Environment.backdate(id, "run_at", Duration.ofHours(1));
        assertThat(job(id).error).isEqualTo("scanner jammed");

        claim("w2", 1);

        JobRow job = job(id);
        assertThat(job.attempts).isEqualTo(2);
        assertThat(job.workerId).isEqualTo("w2");
        assertThat(job.error).isNull();
        assertThat(events(id)).endsWith("STARTED PENDING>RUNNING by w2: attempt 2 of 3");
    }

    @Test
    void the_executor_writes_the_same_rows_with_its_node_as_the_worker() {
        String id = submit("echo");

        Environment.awaitStatus(alice, id, "COMPLETED", Duration.ofSeconds(30));

        JobRow job = job(id);
        assertThat(job.attempts).isEqualTo(1);
        assertThat(job.workerId).isNull();
        assertThat(job.version).isEqualTo(2);
        List<String> events = events(id);
        assertThat(events).hasSize(3);
        String node = events.get(1).replaceAll(".* by (.*): .*", "$1");
        assertThat(node).isNotEqualTo("null");
        assertThat(events.subList(1, 3)).containsExactly("STARTED PENDING>RUNNING by " + node + ": attempt 1 of 3",
                "COMPLETED RUNNING>COMPLETED by " + node + ": null");
    }

    @Test
    void a_completion_of_jobs_held_by_another_worker_changes_none_of_them() {
        String mine = submit(TYPE);
        String theirs = submit(TYPE);
        claim("w1", 1);
        claim("w2", 1);

        Api.Reply reply = robot.post("/api/jobs/completions", "{\"workerId\":\"w1\",\"items\":[{\"id\":\"" + mine
                + "\",\"result\":1},{\"id\":\"" + theirs + "\",\"result\":2}]}");

        assertThat(reply.object().getJsonArray("items").getJsonObject(1).getString("status")).isEqualTo("LEASE_LOST");
        assertThat(job(mine).status).isEqualTo("COMPLETED");
        JobRow other = job(theirs);
        assertThat(other.status).isEqualTo("RUNNING");
        assertThat(other.workerId).isEqualTo("w2");
        assertThat(other.result).isNull();
        assertThat(events(theirs)).doesNotContain("COMPLETED RUNNING>COMPLETED by w1: null");
    }

    private String submit(String type) {
        Api.Reply reply = alice.post("/api/jobs", "{\"type\":\"" + type + "\"}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.object().getString("id");
    }

    private void claim(String worker, int max) {
        Api.Reply reply = robot.post("/api/jobs/claim", "{\"workerId\":\"" + worker + "\",\"types\":[\"" + TYPE
                + "\"],\"leaseSeconds\":60,\"max\":" + max + "}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    private record JobRow(String status, int attempts, String workerId, String error, String result, String outputFile,
                          long version, int timeoutSeconds, OffsetDateTime startedAt, OffsetDateTime leaseExpiresAt,
                          OffsetDateTime timeoutAt, OffsetDateTime finishedAt, OffsetDateTime runAt, OffsetDateTime createdAt) {
    }

    /** The node that wrote the job's first event. */
    private static String node(String id) {
        return query("SELECT node_id FROM job_event WHERE job_id = ? ORDER BY id", id, rows -> {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        });
    }

    private static JobRow job(String id) {
        return query("SELECT * FROM job WHERE id = ?", id, rows -> {
            List<JobRow> found = new ArrayList<>();
            while (rows.next()) {
                found.add(new JobRow(rows.getString("status"), rows.getInt("attempts"), rows.getString("worker_id"),
                        rows.getString("error"), rows.getString("result"), rows.getString("output_file"),
                        rows.getLong("version"), rows.getInt("timeout_seconds"), time(rows, "started_at"),
                        time(rows, "lease_expires_at"), time(rows, "timeout_at"), time(rows, "finished_at"),
                        time(rows, "run_at"), time(rows, "created_at")));
            }
            assertThat(found).hasSize(1);
            return found.get(0);
        });
    }

    /** The job's events in order, as "TYPE FROM>TO by NODE: MESSAGE". */
    private static List<String> events(String id) {
        return query("SELECT * FROM job_event WHERE job_id = ? ORDER BY at, id", id, rows -> {
            List<String> events = new ArrayList<>();
            while (rows.next()) {
                events.add(rows.getString("type") + " " + rows.getString("from_status") + ">" + rows.getString("to_status")
                        + " by " + rows.getString("node_id") + ": " + rows.getString("message"));
            }
            return events;
        });
    }

    private static OffsetDateTime eventTime(String id, String type) {
        return query("SELECT at FROM job_event WHERE job_id = ? AND type = '" + type + "'", id, rows -> {
            assertThat(rows.next()).isTrue();
            return time(rows, "at");
        });
    }

    private static OffsetDateTime time(ResultSet rows, String column) throws SQLException {
        OffsetDateTime t = rows.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.withOffsetSameInstant(java.time.ZoneOffset.UTC);
    }

    private interface Rows<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private static <T> T query(String sql, String id, Rows<T> read) {
        try (Connection c = Environment.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(id));
            try (ResultSet rows = s.executeQuery()) {
                return read.read(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
