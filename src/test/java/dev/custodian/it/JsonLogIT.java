package dev.custodian.it;

import static dev.custodian.it.Environment.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Starts the packaged service the way an operator does under {@code LOG_FORMAT=json} (its own Payara Micro
 * process, the server's log switched to JSON too), runs a job, stops it, and reads everything it printed:
 * every line on stdout must be one JSON object. Runs once, on the embedded database.
 */
@EnabledIfSystemProperty(named = "it.database", matches = "h2")
class JsonLogIT {

    private static final int PORT = 18181;

    @Test
    void every_line_printed_from_start_through_a_job_to_shutdown_is_json() throws Exception {
        Path work = Paths.get("target", "it", "json-log").toAbsolutePath();
        Files.createDirectories(work);
        Path stdout = work.resolve("stdout.log");
        Path config = work.resolve("custodian.properties");
        Files.writeString(config, String.join("\n",
                "custodian.data.dir=" + work.resolve("data"),
                "custodian.security.users=alice",
                "custodian.security.user.alice.password=plain:alice-pw", ""));
        Path postBoot = work.resolve("h2.asadmin");
        Files.writeString(postBoot, "create-jdbc-connection-pool --datasourceclassname=org.h2.jdbcx.JdbcDataSource "
                + "--restype=javax.sql.DataSource --property url=jdbc\\:h2\\:mem\\:jsonlog;DB_CLOSE_DELAY\\=-1:user=sa:password=sa custodian-pool\n"
                + "create-jdbc-resource --connectionpoolid=custodian-pool jdbc/custodian\n");

        ProcessBuilder builder = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", System.getProperty("payara.micro.jar", "target/payara-micro.jar"),
                "--nocluster", "--port", String.valueOf(PORT),
                "--logproperties", Paths.get(System.getProperty("custodian.config.dir", "server-config"), "payara", "logging-json.properties").toString(),
                "--systemProperties", config.toString(), "--postbootcommandfile", postBoot.toString(),
                "--deploy", System.getProperty("custodian.war", "target/custodian.war"))
                .redirectErrorStream(true)
                .redirectOutput(stdout.toFile());
        builder.environment().put("LOG_FORMAT", "json");
        Process server = null;
        try {
            // Payara Micro now and then fails its own boot (see SharedServer): start afresh, up to three times
            for (int attempt = 1; server == null; attempt++) {
                // every boot has a new in-memory database: the data root's owner marker of an earlier one would refuse it
                Files.deleteIfExists(work.resolve("data").resolve(".custodian-owner"));
                Process started = builder.start();
                if (awaitReady(stdout, started) || attempt == 3) {
                    server = started;
                } else {
                    started.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
            }
            Api alice = Api.at("http://127.0.0.1:" + PORT, "alice", "alice-pw");
            String id = alice.post("/api/jobs", "{\"type\":\"echo\",\"payload\":{\"x\":1}}").object().getString("id");
            awaitStatus(alice, id, "COMPLETED", Duration.ofSeconds(15));
            assertThat(alice.get("/api/jobs/not-a-uuid").status()).isEqualTo(400);
        } finally {
            if (server != null) {
                server.destroy();
                if (!server.waitFor(30, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            }
        }

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

    private static boolean awaitReady(Path stdout, Process server) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && server.isAlive()) {
            if (Files.exists(stdout) && Files.readString(stdout).contains("ready in")) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }
}
