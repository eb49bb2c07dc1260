package dev.custodian.it;

import static dev.custodian.it.Api.fields;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The crash suite: a Payara Micro of its own (a separate process) killed with SIGKILL at the worst moments and
 * started again, on the database of this Failsafe execution ({@code it.database}: the embedded H2 of the shipped
 * configuration, or PostgreSQL). One server for the class, restarted by the tests that kill it.
 */
class CrashIT {

    private static final boolean POSTGRES = "postgres".equals(System.getProperty("it.database"));
    private static final String PG_DB = "custodian_crash";
    private static ServerProcess server;
    private static Api alice;
    private static Api admin;

    @BeforeAll
    static void startServer() throws Exception {
        Map<String, String> p = new HashMap<>();
        p.put("custodian.node.id", "crash");
        // long enough that only recovery at startup, never an expired lease, brings a killed job back
        p.put("custodian.job.lease", "5m");
        p.put("custodian.job.concurrency", "2");
        p.put("custodian.job.poll-interval", "200ms");
        p.put("custodian.job.external-types", "remote-thing");
        p.put("custodian.upload.max-size", "4MB");
        p.put("custodian.cleanup.run-at-startup", "false");
        p.put("custodian.cleanup.batch-size", "2");
        p.put("custodian.security.users", "alice,ops");
        p.put("custodian.security.user.alice.password", "plain:alice-pw");
        p.put("custodian.security.user.ops.password", "plain:ops-pw");
        p.put("custodian.security.user.ops.roles", "admin");
        if (POSTGRES) {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                 Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + PG_DB + " WITH (FORCE)");
                s.execute("CREATE DATABASE " + PG_DB);
            }
            server = ServerProcess.onPostgres("crash-postgres", 18232, PG_DB, p);
        } else {
            server = ServerProcess.onH2("crash-h2", 18231, p);
        }
        server.start();
        alice = Api.at(server.base(), "alice", "alice-pw");
        admin = Api.at(server.base(), "ops", "ops-pw");
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void every_acknowledged_submission_exists_after_a_sigkill_right_after_it() throws Exception {
        List<String> acknowledged = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            Api.Reply reply = alice.post("/api/jobs", "{\"type\":\"remote-thing\",\"payload\":{\"n\":" + i + "}}");
            assertThat(reply.status()).as(reply.text()).isEqualTo(201);
            acknowledged.add(reply.object().getString("id"));
        }
        double perSecond = 100 / ((System.nanoTime() - started) / 1e9);
        System.out.printf("CrashIT on %s: 100 sequential submissions at %.0f/s before the kill%n",
                POSTGRES ? "PostgreSQL" : "H2", perSecond);

        server.kill();
        server.start();

        List<String> missing = acknowledged.stream().filter(id -> alice.get("/api/jobs/" + id).status() != 200).toList();
        assertThat(missing).as("acknowledged jobs missing after the kill (%.0f submissions/s)", perSecond).isEmpty();
    }

    @Test
    void jobs_running_at_a_sigkill_are_recovered_at_restart_and_finish() throws Exception {
        List<String> sleeping = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            sleeping.add(submit("{\"type\":\"sleep\",\"payload\":{\"seconds\":3},\"maxAttempts\":3}"));
        }
        await(Duration.ofSeconds(30), () -> sleeping.stream().allMatch(id -> "RUNNING".equals(job(id).getString("status"))));
        List<String> all = new ArrayList<>(sleeping);
        for (int i = 0; i < 50; i++) {
            all.add(submit("{\"type\":\"echo\",\"payload\":{\"n\":" + i + "}}"));
        }

        server.kill();
        server.start();

        await(Duration.ofSeconds(60), () -> all.stream().allMatch(id -> "COMPLETED".equals(job(id).getString("status"))));
        for (String id : sleeping) {
            assertThat(alice.get("/api/jobs/" + id + "/events").text()).contains("RECOVERED");
        }
    }

    @Test
    void a_purge_killed_midway_leaves_no_job_without_its_file_its_run_aborted_and_the_next_run_completes() throws Exception {
        int jobs = 3000;
        Path output = server.dataRoot().resolve("output");
        Files.createDirectories(output);
        insertPurgeableJobs(jobs, output);

        Api.Reply started = admin.post("/api/system/cleanup?wait=0s",
                "{\"dryRun\":false,\"targets\":[\"jobs\"],\"jobs\":{\"restoreWindow\":\"0s\"}}");
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        String runId = started.object().getString("id");
        await(Duration.ofSeconds(60), () -> count("SELECT COUNT(*) FROM job WHERE output_file LIKE 'crash-purge-%'") < jobs);
        server.kill();
        long left = count("SELECT COUNT(*) FROM job WHERE output_file LIKE 'crash-purge-%'");

        server.start();

        assertThat(left).as("killed in the middle of the purge").isBetween(1L, jobs - 1L);
        for (String file : strings("SELECT output_file FROM job WHERE output_file LIKE 'crash-purge-%'")) {
            assertThat(output.resolve(file)).as("the file of a job row that survived the kill").exists();
        }
        JsonObject run = admin.get("/api/system/cleanup/runs/" + runId).object();
        assertThat(run.getString("status")).isEqualTo("ABORTED");
        assertThat(run.getString("finishedAt", null)).isNotNull();

        Api.Reply next = admin.post("/api/system/cleanup?wait=120s",
                "{\"dryRun\":false,\"targets\":[\"jobs\"],\"jobs\":{\"restoreWindow\":\"0s\"}}");
        assertThat(next.status()).as(next.text()).isEqualTo(200);
        assertThat(next.object().getString("status")).isEqualTo("SUCCEEDED");
        assertThat(count("SELECT COUNT(*) FROM job WHERE output_file LIKE 'crash-purge-%'")).isZero();
    }

    @Test
    void a_csv_of_a_million_columns_fails_its_job_on_the_column_limit_and_the_service_stays_healthy() {
        byte[] wide = (String.join(",", java.util.Collections.nCopies(1_000_000, "a")) + "\n").getBytes(StandardCharsets.UTF_8);

        Api.Reply submitted = alice.upload(fields("type", "csv-summary"), wide);

        assertThat(submitted.status()).as(submitted.text()).isEqualTo(201);
        String id = submitted.object().getString("id");
        await(Duration.ofSeconds(60), () -> "FAILED".equals(job(id).getString("status")));
        JsonObject failed = job(id);
        assertThat(failed.getString("error")).contains("more columns than the limit of 1000");
        assertThat(failed.getInt("attempts")).as("not retried").isEqualTo(1);
        assertHealthy();
    }

    @Test
    void a_handler_result_too_big_to_store_fails_the_job_at_once_and_its_output_file_is_deleted() {
        StringBuilder header = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            header.append(i == 0 ? "" : ",").append(String.format("%04d", i)).append("x".repeat(995));
        }
        byte[] csv = (header + "\n").getBytes(StandardCharsets.UTF_8);

        Api.Reply submitted = alice.upload(fields("type", "csv-summary"), csv);

        assertThat(submitted.status()).as(submitted.text()).isEqualTo(201);
        String id = submitted.object().getString("id");
        await(Duration.ofSeconds(60), () -> "FAILED".equals(job(id).getString("status")));
        JsonObject failed = job(id);
        assertThat(failed.getString("error")).contains("more than the limit of 1000000");
        assertThat(failed.getInt("attempts")).as("not retried").isEqualTo(1);
        assertThat(server.dataRoot().resolve("output").resolve(id + ".json")).doesNotExist();
        assertHealthy();
    }

    @Test
    void a_handler_that_overflows_its_stack_or_exhausts_the_heap_fails_its_job_only() {
        for (String what : List.of("stack", "heap")) {
            String id = submit("{\"type\":\"exhaust\",\"payload\":{\"what\":\"" + what + "\"},\"maxAttempts\":3}");

            await(Duration.ofSeconds(60), () -> "FAILED".equals(job(id).getString("status")));

            JsonObject failed = job(id);
            assertThat(failed.getString("error")).as(what).contains(what.equals("stack") ? "StackOverflowError" : "OutOfMemoryError");
            assertThat(failed.getInt("attempts")).as("%s: not retried", what).isEqualTo(1);
            assertHealthy();
        }
    }

    @Test
    void the_embedded_database_closed_under_the_service_is_opened_again_and_the_service_goes_on() throws Exception {
        Assumptions.assumeFalse(POSTGRES, "the embedded database only");
        String before = submit("{\"type\":\"echo\",\"payload\":{\"before\":\"close\"}}");

        try (Connection c = connect(); Statement s = c.createStatement()) {
            // what H2 does to itself after an OutOfMemoryError inside it
            s.execute("SHUTDOWN IMMEDIATELY");
        } catch (SQLException expected) {
            // the closing session is cut off
        }

        assertThat(alice.get("/health/live").status()).isEqualTo(200);
        await(Duration.ofSeconds(30), () -> alice.get("/health/ready").status() == 200
                && alice.post("/api/jobs", "{\"type\":\"echo\",\"payload\":1}").status() == 201);
        await(Duration.ofSeconds(30), () -> "COMPLETED".equals(job(before).getString("status")));
        assertHealthy();
    }

    private static void assertHealthy() {
        assertThat(alice.get("/health/live").status()).isEqualTo(200);
        Api.Reply ready = alice.get("/health/ready");
        assertThat(ready.status()).as(ready.text()).isEqualTo(200);
        String echo = submit("{\"type\":\"echo\",\"payload\":{\"after\":\"bomb\"}}");
        await(Duration.ofSeconds(30), () -> "COMPLETED".equals(job(echo).getString("status")));
    }

    private static String submit(String json) {
        Api.Reply reply = alice.post("/api/jobs", json);
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.object().getString("id");
    }

    private static JsonObject job(String id) {
        return alice.get("/api/jobs/" + id).object();
    }

    /** Completed jobs soft-deleted days ago (due for purging), each with a small output file. */
    private static void insertPurgeableJobs(int n, Path output) throws Exception {
        Instant created = Instant.now().minus(Duration.ofDays(9));
        Timestamp deleted = Timestamp.from(Instant.now().minus(Duration.ofDays(5)));
        try (Connection c = connect(); PreparedStatement insert = c.prepareStatement("INSERT INTO job (id, type, status,"
                + " attempts, max_attempts, timeout_seconds, owner, run_at, created_at, finished_at, deleted_at, output_file,"
                + " version) VALUES (?, 'echo', 'COMPLETED', 1, 3, 60, 'alice', ?, ?, ?, ?, ?, 0)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < n; i++) {
                String file = "crash-purge-" + i + ".out";
                Files.writeString(output.resolve(file), "x".repeat(100));
                Timestamp at = Timestamp.from(created.plusMillis(i));
                insert.setObject(1, UUID.randomUUID());
                insert.setTimestamp(2, at);
                insert.setTimestamp(3, at);
                insert.setTimestamp(4, at);
                insert.setTimestamp(5, deleted);
                insert.setString(6, file);
                insert.addBatch();
            }
            insert.executeBatch();
            c.commit();
        }
    }

    private static long count(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static Connection connect() throws SQLException {
        return POSTGRES ? DriverManager.getConnection(server.jdbcUrl(), "postgres", "")
                : DriverManager.getConnection(server.jdbcUrl(), "custodian", "custodian");
    }

    private static void await(Duration within, BooleanSupplier condition) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + within);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
