package dev.custodian.it;

import static dev.custodian.it.Environment.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.docs.MarkedBlocks;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The Payara Micro command lines of docs/operations.md, run by bash as they stand (blocks {@code payara-micro-h2} and
 * {@code payara-micro-postgres}) with only the port changed, each in a directory of its own that holds what their
 * relative paths name: {@code target/} (links to the Payara Micro jar, the WAR and the driver) and a copy of
 * {@code server-config/payara/} whose {@code postgres.properties} names this test's database. Users come from the
 * environment, as the documentation says. On the embedded database every line the server prints, from start through
 * a job to shutdown, is one JSON object. Runs once, in the embedded-database suite.
 */
@EnabledIfSystemProperty(named = "it.database", matches = "h2")
class OperationsCommandsIT {

    private static final Path OPERATIONS = Paths.get("docs", "operations.md");
    private static final String PG_DB = "custodian_operations_it";
    private static final Map<String, String> USERS = Map.of("CUSTODIAN_SECURITY_USERS", "alice",
            "CUSTODIAN_SECURITY_USER_ALICE_PASSWORD", "plain:alice-pw", "CUSTODIAN_CLEANUP_RUN_AT_STARTUP", "false");

    @Test
    void the_embedded_database_command_starts_a_server_that_runs_jobs_and_prints_only_json_lines() throws Exception {
        Path directory = prepare("payara-micro-h2");
        Path log = runJobThroughDocumentedServer("payara-micro-h2", directory, 18207);
        assertThat(directory.resolve("data/db/custodian.mv.db")).as("the H2 file, relative to where it started").exists();
        assertEveryLineIsJson(log);
    }

    @Test
    void the_postgresql_command_starts_a_server_that_runs_jobs() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + PG_DB + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + PG_DB);
        }
        Path directory = prepare("payara-micro-postgres");
        runJobThroughDocumentedServer("payara-micro-postgres", directory, 18208);
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + PG_DB, "postgres", "");
             Statement s = c.createStatement();
             var jobs = s.executeQuery("SELECT count(*) FROM job WHERE status = 'COMPLETED'")) {
            assertThat(jobs.next()).isTrue();
            assertThat(jobs.getLong(1)).as("the job, in the database postgres.properties names").isEqualTo(1);
        }
    }

    /**
     * Starts the block (a boot that fails, as Payara Micro's now and then does, is tried again, up to three times),
     * runs an echo job and a bad request through it, and stops it with SIGTERM; answers the log of the boot that
     * served.
     */
    private static Path runJobThroughDocumentedServer(String block, Path directory, int port) throws Exception {
        String command = MarkedBlocks.named(OPERATIONS, block);
        assertThat(command).contains("--port 8080");
        String base = "http://127.0.0.1:" + port;
        for (int attempt = 1; ; attempt++) {
            Path log = directory.resolve("server-" + attempt + ".log");
            ProcessBuilder builder = new ProcessBuilder("bash", "-eu", "-c", command.replace("--port 8080", "--port " + port))
                    .directory(directory.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(USERS);
            Process bash = builder.start();
            try {
                if (!awaitAnswer(bash, base)) {
                    assertThat(attempt).as("boots tried; the last printed:%n%s", Files.readString(log)).isLessThan(3);
                    continue;
                }
                Api alice = Api.at(base, "alice", "alice-pw");
                Api.Reply submitted = alice.post("/api/jobs", "{\"type\":\"echo\",\"payload\":{\"hello\":\"operations\"}}");
                assertThat(submitted.status()).as("submit: %s", submitted).isEqualTo(201);
                String id = submitted.object().getString("id");
                assertThat(awaitStatus(alice, id, "COMPLETED", Duration.ofSeconds(30)).getString("status")).isEqualTo("COMPLETED");
                assertThat(alice.get("/api/jobs/not-a-uuid").status()).isEqualTo(400);
                return log;
            } finally {
                ProcessTree.stop(bash);
            }
        }
    }

    private static boolean awaitAnswer(Process bash, String base) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && bash.isAlive()) {
            if (ServerProcess.answers(base)) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    /**
     * Everything the command printed from start through a job to shutdown, under the default {@code LOG_FORMAT=json}
     * and with Payara's own log switched by {@code --logproperties}: one JSON object a line, no key twice, the
     * application's lines with their context fields.
     */
    private static void assertEveryLineIsJson(Path stdout) throws IOException {
        List<String> lines = Files.readAllLines(stdout, StandardCharsets.UTF_8);
        List<String> notJson = new ArrayList<>();
        List<JsonObject> applicationLines = new ArrayList<>();
        for (String line : lines) {
            try (JsonReader reader = Json.createReader(new StringReader(line))) {
                JsonObject object = reader.readObject();
                if (hasDuplicateKeys(line)) {
                    notJson.add("duplicate keys: " + line);
                }
                if (object.getString("logger", "").startsWith("dev.custodian")) {
                    applicationLines.add(object);
                }
            } catch (JsonParsingException | IllegalStateException e) {
                notJson.add(line);
            }
        }
        assertThat(lines).hasSizeGreaterThan(20);
        assertThat(notJson).as("lines that are not one JSON object").isEmpty();
        assertThat(applicationLines).isNotEmpty().allSatisfy(line ->
                assertThat(line.keySet()).contains("timestamp", "level", "logger", "message", "nodeId"));
        assertThat(applicationLines).anySatisfy(line -> {
            assertThat(line.getString("event", "")).isEqualTo("COMPLETED");
            assertThat(line.containsKey("jobId")).isTrue();
        });
    }

    /** JSON-P keeps the last of two equal keys without a word; log shippers may not. */
    private static boolean hasDuplicateKeys(String line) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        int depth = 0;
        try (jakarta.json.stream.JsonParser parser = Json.createParser(new StringReader(line))) {
            while (parser.hasNext()) {
                jakarta.json.stream.JsonParser.Event event = parser.next();
                switch (event) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> depth--;
                    case KEY_NAME -> {
                        if (depth == 1 && !keys.add(parser.getString())) {
                            return true;
                        }
                    }
                    default -> { }
                }
            }
        }
        return false;
    }

    /** A fresh directory with {@code target/} links and a copy of {@code server-config/payara/} naming our database. */
    private static Path prepare(String name) throws IOException {
        Path directory = Paths.get(System.getProperty("it.work.dir", "target/it"), "operations", name).toAbsolutePath();
        ServerProcess.deleteTree(directory);
        Files.createDirectories(directory.resolve("target/server-lib"));
        link(directory.resolve("target/payara-micro.jar"), Paths.get(System.getProperty("payara.micro.jar", "target/payara-micro.jar")));
        link(directory.resolve("target/custodian.war"), Paths.get(System.getProperty("custodian.war", "target/custodian.war")));
        link(directory.resolve("target/server-lib/postgresql.jar"),
                Paths.get(System.getProperty("server.lib.dir", "target/server-lib"), "postgresql.jar"));
        ServerProcess.payaraConfigCopy(directory, PG_DB);
        return directory;
    }

    private static void link(Path link, Path target) throws IOException {
        assertThat(target).as("built by mvn package").exists();
        Files.createSymbolicLink(link, target.toAbsolutePath());
    }
}
