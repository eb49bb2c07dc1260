package dev.custodian.it;

import static org.assertj.core.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What the integration tests share with the server under test: its database (read and reset directly over JDBC)
 * and its data root. {@link #reset()} empties both, so every test starts from nothing, whatever ran before.
 */
public final class Environment {

    public static final String DATABASE = System.getProperty("it.database", "h2");

    private Environment() {
    }

    public static Path dataRoot() {
        return Paths.get("target", "it", DATABASE, "data").toAbsolutePath();
    }

    public static Path input() {
        return dataRoot().resolve("input");
    }

    public static Path output() {
        return dataRoot().resolve("output");
    }

    public static Path temp() {
        return dataRoot().resolve("temp");
    }

    public static Connection connect() throws SQLException {
        if (DATABASE.equals("postgres")) {
            return DriverManager.getConnection(System.getProperty("custodian.pg.url", "jdbc:postgresql://127.0.0.1:5432/custodian_it"),
                    "postgres", "");
        }
        String file = Paths.get("target", "it", "h2", "db", "custodian").toAbsolutePath().toString();
        return DriverManager.getConnection("jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE", "custodian", "custodian");
    }

    /** PostgreSQL only: refuses new connections to the suite's database and ends those it has (the server's pool). */
    public static void cutPostgres() {
        postgresAdmin("ALTER DATABASE custodian_it ALLOW_CONNECTIONS false",
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'custodian_it'");
    }

    /** Undoes {@link #cutPostgres()}. */
    public static void restorePostgres() {
        postgresAdmin("ALTER DATABASE custodian_it ALLOW_CONNECTIONS true");
    }

    private static void postgresAdmin(String... statements) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes every job (events go by cascade) and every file under input/, output/ and temp/. */
    public static void reset() {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM job");
            s.executeUpdate("DELETE FROM cleanup_run");
            s.executeUpdate("DELETE FROM cleanup_plan_item");
            s.executeUpdate("UPDATE cleanup_lock SET run_id = NULL, holder = NULL, expires_at = NULL, schedule_enabled = TRUE");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        for (String dir : new String[] {"input", "output", "temp", "logs", "backups", "extra"}) {
            emptyDirectory(dataRoot().resolve(dir));
        }
    }

    /** Deletes everything under {@code dir} (links themselves, never what they point to); keeps {@code dir}. */
    public static void emptyDirectory(Path dir) {
        if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(dir)) {
            tree.sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> {
                try {
                    p.toFile().setWritable(true);
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves a job's timestamp column into the past, as if that long had passed (no test sleeps for a TTL). */
    public static void backdate(String id, String column, Duration ago) {
        try (Connection c = connect();
             java.sql.PreparedStatement s = c.prepareStatement("UPDATE job SET " + column + " = ? WHERE id = ?")) {
            s.setObject(1, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minus(ago));
            s.setObject(2, java.util.UUID.fromString(id));
            if (s.executeUpdate() != 1) {
                throw new IllegalStateException("no job " + id);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int execute(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long files(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls the job as {@code api} until {@code condition} holds; fails after {@code within}. */
    public static JsonObject awaitJob(Api api, String id, Duration within, Predicate<JsonObject> condition) {
        long deadline = System.nanoTime() + within.toNanos();
        JsonObject job = null;
        while (System.nanoTime() < deadline) {
            Api.Reply reply = api.get("/api/jobs/" + id);
            if (reply.status() == 200) {
                job = reply.object();
                if (condition.test(job)) {
                    return job;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return fail("job %s did not reach the expected state within %s; last seen: %s%s", id, within, job, ServerLog.recentTrouble() + ServerThreads.dump());
    }

    public static JsonObject awaitStatus(Api api, String id, String status, Duration within) {
        return awaitJob(api, id, within, job -> status.equals(job.getString("status")));
    }
}
