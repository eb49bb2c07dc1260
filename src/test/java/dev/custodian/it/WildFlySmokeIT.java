package dev.custodian.it;

import static dev.custodian.it.Environment.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged WAR, unchanged, on a real WildFly configured by server-config/wildfly/custodian.cli on PostgreSQL:
 * a gzip job runs to its end (and is counted in the Prometheus text) and a dry-run cleanup reports. Run by Failsafe's it-wildfly execution only.
 */
class WildFlySmokeIT {

    private static final WildFlyServer SERVER = new WildFlyServer();
    private static final Api ALICE = Api.at(WildFlyServer.BASE, "alice", "alice-pw");
    private static final Api ADMIN = Api.at(WildFlyServer.BASE, "ops", "ops-pw");

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        // the users' passwords for the documented commands, which export them as environment variables
        SERVER.start(Map.of("ALICE_PASSWORD", "plain:alice-pw", "OPS_PASSWORD", "plain:ops-pw",
                "CUSTODIAN_CLEANUP_RUN_AT_STARTUP", "false"));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        SERVER.close();
    }

    @Test
    void gzip_job_completes_with_output_that_gunzips_to_the_input_and_the_input_is_gone_and_the_metrics_count_it()
            throws IOException, InterruptedException {
        byte[] input = IntStream.rangeClosed(1, 20_000).mapToObj(Integer::toString)
                .collect(Collectors.joining("\n", "", "\n")).getBytes(StandardCharsets.UTF_8);

        Api.Reply submitted = ALICE.upload(Api.fields("type", "gzip"), input);
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(201);
        assertThat(submitted.location()).startsWith(WildFlyServer.BASE + "/api/jobs/");
        String id = submitted.object().getString("id");

        JsonObject job = awaitStatus(ALICE, id, "COMPLETED", Duration.ofSeconds(30));
        assertThat(job.getString("owner")).isEqualTo("alice");
        Api.Reply output = ALICE.get("/api/jobs/" + id + "/output");
        assertThat(output.status()).isEqualTo(200);
        try (GZIPInputStream gunzip = new GZIPInputStream(new ByteArrayInputStream(output.body()))) {
            assertThat(gunzip.readAllBytes()).isEqualTo(input);
        }
        Path inputs = SERVER.dataRoot().resolve("input");
        try (var left = Files.list(inputs)) {
            assertThat(left).as("files left in %s", inputs).isEmpty();
        }

        // Custodian's metrics in the micrometer subsystem's Prometheus text (management port, /prometheus); the
        // counters move just after the commit that the status poll saw, so give them a moment
        String metrics = prometheus();
        for (int i = 0; i < 20 && !metrics.contains("custodian_jobs_completed_total"); i++) {
            Thread.sleep(250);
            metrics = prometheus();
        }
        Files.writeString(SERVER.log().resolveSibling("prometheus.txt"), metrics); // for a failure's diagnosis
        assertThat(metrics).containsPattern("(?m)^custodian_jobs_submitted_total\\{[^}]*type=\"gzip\"[^}]*} 1(\\.0)?$")
                .containsPattern("(?m)^custodian_jobs_completed_total\\{[^}]*type=\"gzip\"[^}]*} 1(\\.0)?$")
                .containsPattern("(?m)^custodian_job_duration_seconds_count\\{[^}]*type=\"gzip\"[^}]*} 1(\\.0)?$")
                .containsPattern("(?m)^custodian_jobs_active(\\{[^}]*})? ")
                .containsPattern("(?m)^custodian_jobs\\{[^}]*status=\"COMPLETED\"[^}]*} ");
    }

    private static String prometheus() throws IOException, InterruptedException {
        HttpResponse<String> reply = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(WildFlyServer.MANAGEMENT + "/prometheus")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        return reply.body();
    }

    @Test
    void dry_run_cleanup_answers_with_a_report_and_changes_nothing() {
        Api.Reply reply = ADMIN.post("/api/system/cleanup", "{\"dryRun\":true}");

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        JsonObject run = reply.object();
        assertThat(run.getBoolean("dryRun")).isTrue();
        assertThat(run.getString("principal")).isEqualTo("ops");
        assertThat(run.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(run.getJsonObject("targets").keySet()).containsExactlyInAnyOrder("jobs", "events", "files", "backups");
        assertThat(ALICE.post("/api/system/cleanup", "{}").status()).as("a user is not an admin").isEqualTo(403);
    }
}
