package dev.custodian.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The purge without an archive on PostgreSQL, where each batch is one {@code DELETE … RETURNING} statement (the
 * shared test server archives, so its purges take the portable path), of soft-deleted jobs and, with a zero restore
 * window, of visible ones in one stage. One server of its own, batch size 3, on a database of its own
 * ({@code custodian_purge}); jobs are inserted with SQL, many sharing one timestamp, so that batches break ties.
 */
@EnabledIfSystemProperty(named = "it.database", matches = "postgres")
class PurgeIT {

    private static final String DB = "custodian_purge";

    private static final Path DATA = Path.of("target", "it", "servers", "purge", "data").toAbsolutePath();

    private static ServerProcess server;
    private static Api admin;

    @BeforeAll
    static void freshDatabaseAndServer() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + DB);
        }
        Map<String, String> p = Map.of(
                "custodian.data.dir", DATA.toString(),
                "custodian.cleanup.batch-size", "3",
                "custodian.cleanup.run-at-startup", "false",
                "custodian.security.users", "ops",
                "custodian.security.user.ops.password", "plain:ops-pw",
                "custodian.security.user.ops.roles", "admin");
        server = ServerProcess.onPostgres("purge", 18206, DB, p);
        server.start();
        admin = Api.at(server.base(), "ops", "ops-pw");
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void noJobs() throws SQLException {
        execute("DELETE FROM job");
    }

    @Test
    void one_statement_batches_purge_what_the_dry_run_reports_with_events_and_files_and_keep_the_rest() throws Exception {
        // 10 due jobs: 8 share deleted_at and created_at (ties broken by id), 2 older; 4 have an output file
        insertJobs(1, 8, "COMPLETED", "now() - interval '5 days'", "now() - interval '9 days'");
        insertJobs(9, 2, "FAILED", "now() - interval '6 days'", "now() - interval '9 days' + i * interval '1 s'");
        // kept: soft-deleted within the restore window (3d), and a RUNNING job (never touched)
        insertJobs(11, 1, "COMPLETED", "now() - interval '1 day'", "now() - interval '9 days'");
        insertJobs(12, 1, "RUNNING", "now() - interval '5 days'", "now() - interval '9 days'");
        writeOutputs(2, 5, 9, 11);

        JsonObject dry = jobs(admin.post("/api/system/cleanup", "{\"dryRun\":true,\"targets\":[\"jobs\"]}"));
        JsonObject real = jobs(admin.post("/api/system/cleanup", "{\"dryRun\":false,\"targets\":[\"jobs\"]}"));

        assertThat(dry.getInt("matched")).isEqualTo(real.getInt("matched")).isEqualTo(10);
        assertThat(real.getInt("deleted")).isEqualTo(10);
        assertThat(real.getInt("errors")).isZero();
        assertThat(dry.getJsonNumber("bytesMatched").longValue()).isEqualTo(real.getJsonNumber("bytesFreed").longValue())
                .isEqualTo(100 * (2 + 5 + 9));
        assertThat(real.getJsonArray("sample")).as("the same jobs in the same order").isEqualTo(dry.getJsonArray("sample"));
        assertThat(count("SELECT COUNT(*) FROM job")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM job WHERE id IN (" + id(11) + ", " + id(12) + ")")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM job_event")).as("the kept jobs' events; the rest by cascade").isEqualTo(4);
        assertThat(Files.exists(DATA.resolve("output/out-2"))).isFalse();
        assertThat(Files.exists(DATA.resolve("output/out-9"))).isFalse();
        assertThat(Files.exists(DATA.resolve("output/out-11"))).as("within its restore window").isTrue();
    }

    @Test
    void with_a_zero_restore_window_visible_jobs_past_their_ttl_are_purged_in_one_stage_by_one_statement_batches() throws Exception {
        // 10 due: 7 COMPLETED sharing finished_at (ties broken by id), 2 FAILED, 1 PENDING never claimed; 3 with a file
        insertJobs(1, 7, "COMPLETED", "NULL", "now() - interval '5 days'");
        insertJobs(8, 2, "FAILED", "NULL", "now() - interval '6 days' + i * interval '1 s'");
        // PENDING jobs of a type no executor here runs (echo would be claimed and run at once)
        insertJobs(10, 1, "PENDING", "NULL", "now() - interval '9 days'", "unserved", 0);
        // kept: finished within the TTL (24h), RUNNING, and PENDING claimed once before
        insertJobs(11, 1, "COMPLETED", "NULL", "now() - interval '1 hour'");
        insertJobs(12, 1, "RUNNING", "NULL", "now() - interval '9 days'");
        insertJobs(13, 1, "PENDING", "NULL", "now() - interval '9 days'", "unserved", 1);
        writeOutputs(2, 6, 8, 11);
        String request = "{\"dryRun\":%s,\"targets\":[\"jobs\"],\"jobs\":{\"restoreWindow\":\"0s\"}}";

        JsonObject dry = jobs(admin.post("/api/system/cleanup", request.formatted("true")));
        JsonObject real = jobs(admin.post("/api/system/cleanup", request.formatted("false")));

        assertThat(dry.getInt("matched")).as("each job once").isEqualTo(real.getInt("matched")).isEqualTo(10);
        assertThat(real.getInt("deleted")).isEqualTo(10);
        assertThat(real.getInt("errors")).isZero();
        assertThat(dry.getJsonNumber("bytesMatched").longValue()).isEqualTo(real.getJsonNumber("bytesFreed").longValue())
                .isEqualTo(100 * (2 + 6 + 8));
        assertThat(real.getJsonArray("sample")).as("the same jobs in the same order").isEqualTo(dry.getJsonArray("sample"));
        assertThat(count("SELECT COUNT(*) FROM job")).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM job WHERE deleted_at IS NULL AND id IN (" + id(11) + ", " + id(12) + ", " + id(13) + ")"))
                .isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM job_event")).as("the kept jobs' events; the rest by cascade").isEqualTo(6);
        assertThat(Files.exists(DATA.resolve("output/out-2"))).isFalse();
        assertThat(Files.exists(DATA.resolve("output/out-8"))).isFalse();
        assertThat(Files.exists(DATA.resolve("output/out-11"))).as("within its TTL").isTrue();
    }

    private static void writeOutputs(int... jobs) throws Exception {
        Files.createDirectories(DATA.resolve("output"));
        for (int i : jobs) {
            Files.writeString(DATA.resolve("output").resolve("out-" + i), "x".repeat(100 * i), StandardCharsets.UTF_8);
            execute("UPDATE job SET output_file = 'out-" + i + "' WHERE id = " + id(i));
        }
    }

    private static JsonObject jobs(Api.Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.object().getJsonObject("targets").getJsonObject("jobs");
    }

    /** Jobs {@code from} … {@code from + n - 1} of type echo, attempted once, each with two events. */
    private static void insertJobs(int from, int n, String status, String deletedAt, String createdAt) throws SQLException {
        insertJobs(from, n, status, deletedAt, createdAt, "echo", 1);
    }

    private static void insertJobs(int from, int n, String status, String deletedAt, String createdAt, String type, int attempts)
            throws SQLException {
        String range = "generate_series(" + from + ", " + (from + n - 1) + ") AS i";
        execute("INSERT INTO job (id, type, status, attempts, max_attempts, timeout_seconds, owner, run_at, created_at, finished_at,"
                + " deleted_at, version) SELECT " + id("i") + ", '" + type + "', '" + status + "', " + attempts + ", 3, 60, 'alice', "
                + createdAt + ", " + createdAt + ", " + createdAt + ", " + deletedAt + ", 0 FROM " + range);
        execute("INSERT INTO job_event (id, job_id, at, type, node_id) SELECT i * 10 + k, " + id("i") + ", now() - interval '9 days',"
                + " 'SUBMITTED', 'it' FROM " + range + ", generate_series(1, 2) AS k");
    }

    private static String id(Object i) {
        return "md5('purge-it-' || " + i + ")::uuid";
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + DB, "postgres", "");
    }
}
