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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The purge without an archive on PostgreSQL, where each batch is one {@code DELETE … RETURNING} statement (the
 * shared test server archives, so its purges take the portable path). One server of its own, batch size 3, on a
 * database of its own ({@code custodian_purge}); jobs are inserted with SQL, many sharing one {@code deleted_at}
 * and one {@code created_at}, so that batches break ties.
 */
@EnabledIfSystemProperty(named = "it.database", matches = "postgres")
class PurgeIT {

    private static final String DB = "custodian_purge";

    @BeforeAll
    static void freshDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + DB);
        }
    }

    @Test
    void one_statement_batches_purge_what_the_dry_run_reports_with_events_and_files_and_keep_the_rest() throws Exception {
        Path data = Path.of("target", "it", "servers", "purge", "data").toAbsolutePath();
        Map<String, String> p = Map.of(
                "custodian.data.dir", data.toString(),
                "custodian.cleanup.batch-size", "3",
                "custodian.cleanup.run-at-startup", "false",
                "custodian.security.users", "ops",
                "custodian.security.user.ops.password", "plain:ops-pw",
                "custodian.security.user.ops.roles", "admin");
        try (ServerProcess server = ServerProcess.onPostgres("purge", 18206, DB, p)) {
            server.start();
            Api admin = Api.at(server.base(), "ops", "ops-pw");
            // 10 due jobs: 8 share deleted_at and created_at (ties broken by id), 2 older; 4 have an output file
            insertJobs(1, 8, "COMPLETED", "now() - interval '5 days'", "now() - interval '9 days'");
            insertJobs(9, 2, "FAILED", "now() - interval '6 days'", "now() - interval '9 days' + i * interval '1 s'");
            // kept: soft-deleted within the restore window (3d), and a RUNNING job (never touched)
            insertJobs(11, 1, "COMPLETED", "now() - interval '1 day'", "now() - interval '9 days'");
            insertJobs(12, 1, "RUNNING", "now() - interval '5 days'", "now() - interval '9 days'");
            Files.createDirectories(data.resolve("output"));
            for (int i : new int[] {2, 5, 9, 11}) {
                Files.writeString(data.resolve("output").resolve("out-" + i), "x".repeat(100 * i), StandardCharsets.UTF_8);
                execute("UPDATE job SET output_file = 'out-" + i + "' WHERE id = " + id(i));
            }

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
            assertThat(Files.exists(data.resolve("output/out-2"))).isFalse();
            assertThat(Files.exists(data.resolve("output/out-9"))).isFalse();
            assertThat(Files.exists(data.resolve("output/out-11"))).as("within its restore window").isTrue();
        }
    }

    private static JsonObject jobs(Api.Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.object().getJsonObject("targets").getJsonObject("jobs");
    }

    /** Jobs {@code from} … {@code from + n - 1}, each with two events. */
    private static void insertJobs(int from, int n, String status, String deletedAt, String createdAt) throws SQLException {
        String range = "generate_series(" + from + ", " + (from + n - 1) + ") AS i";
        execute("INSERT INTO job (id, type, status, attempts, max_attempts, timeout_seconds, owner, run_at, created_at, finished_at,"
                + " deleted_at, version) SELECT " + id("i") + ", 'echo', '" + status + "', 1, 3, 60, 'alice', " + createdAt + ", "
                + createdAt + ", " + createdAt + ", " + deletedAt + ", 0 FROM " + range);
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
