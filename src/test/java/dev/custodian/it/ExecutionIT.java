package dev.custodian.it;

import static dev.custodian.it.Api.fields;
import static dev.custodian.it.Environment.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * In-process execution on a real server: timeouts, retries with backoff, cancellation. The test configuration
 * runs two jobs at once ({@code custodian.job.concurrency=2}) with a 1s initial retry delay.
 */
class ExecutionIT extends OnSharedServer {

    private final Api alice = Api.alice();

    @Test
    void handlers_past_their_timeout_fail_with_timeout_and_free_their_threads() {
        String first = submit("{\"type\":\"sleep\",\"payload\":{\"seconds\":60},\"timeoutSeconds\":2}");
        String second = submit("{\"type\":\"sleep\",\"payload\":{\"seconds\":60},\"timeoutSeconds\":2}");

        for (String id : List.of(first, second)) {
            JsonObject failed = awaitStatus(alice, id, "FAILED", Duration.ofSeconds(2 + 5));
            assertThat(failed.getString("error")).contains("timeout");
            assertThat(Duration.between(Instant.parse(failed.getString("startedAt")), Instant.parse(failed.getString("finishedAt"))))
                    .isBetween(Duration.ofSeconds(2), Duration.ofSeconds(7));
            assertThat(eventTypes(id)).containsExactly("SUBMITTED", "STARTED", "TIMED_OUT");
        }
        // both executor threads were taken by the sleepers; a new job runs only if they were freed
        String echo = submit("{\"type\":\"echo\"}");
        awaitStatus(alice, echo, "COMPLETED", Duration.ofSeconds(5));
    }

    @Test
    void a_failing_handler_is_retried_with_backoff_until_it_succeeds() {
        String id = submit("{\"type\":\"flaky\",\"payload\":{\"failures\":2},\"maxAttempts\":3}");

        JsonObject done = awaitStatus(alice, id, "COMPLETED", Duration.ofSeconds(20));

        assertThat(done.getInt("attempts")).isEqualTo(3);
        List<JsonObject> events = events(id);
        assertThat(events.stream().map(e -> e.getString("type"))).containsExactly("SUBMITTED",
                "STARTED", "RETRY_SCHEDULED", "STARTED", "RETRY_SCHEDULED", "STARTED", "COMPLETED");
        List<Instant> starts = events.stream().filter(e -> e.getString("type").equals("STARTED"))
                .map(e -> Instant.parse(e.getString("at"))).toList();
        // 1s after the first failure, then twice that (capped at 2s by the test configuration)
        assertThat(Duration.between(starts.get(0), starts.get(1))).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(Duration.between(starts.get(1), starts.get(2))).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(events.get(2).getString("message")).contains("planned failure on attempt 1");
    }

    @Test
    void a_handler_failing_every_attempt_ends_failed_with_its_error() {
        String id = submit("{\"type\":\"flaky\",\"payload\":{\"failures\":5},\"maxAttempts\":2}");

        JsonObject failed = awaitStatus(alice, id, "FAILED", Duration.ofSeconds(20));

        assertThat(failed.getInt("attempts")).isEqualTo(2);
        assertThat(failed.getString("error")).contains("planned failure on attempt 2");
        assertThat(eventTypes(id)).containsExactly("SUBMITTED", "STARTED", "RETRY_SCHEDULED", "STARTED", "FAILED");
    }

    @Test
    void the_input_file_is_deleted_when_a_job_fails_for_good() {
        byte[] broken = "a,b\n\"never closed,1\n".getBytes(StandardCharsets.UTF_8);
        Api.Reply reply = alice.upload(fields("type", "csv-summary", "maxAttempts", "1"), broken);
        String id = reply.object().getString("id");

        JsonObject failed = awaitStatus(alice, id, "FAILED", Duration.ofSeconds(15));

        assertThat(failed.getString("error")).contains("unterminated");
        assertThat(Environment.input().resolve(id + ".input")).doesNotExist();
    }

    @Test
    void cancelling_a_running_job_stops_its_handler_and_frees_its_thread() {
        String first = submit("{\"type\":\"sleep\",\"payload\":{\"seconds\":60}}");
        String second = submit("{\"type\":\"sleep\",\"payload\":{\"seconds\":60}}");
        awaitStatus(alice, first, "RUNNING", Duration.ofSeconds(5));
        awaitStatus(alice, second, "RUNNING", Duration.ofSeconds(5));

        assertThat(alice.post("/api/jobs/" + first + "/cancel").object().getString("status")).isEqualTo("CANCELLED");
        assertThat(alice.post("/api/jobs/" + second + "/cancel").status()).isEqualTo(200);

        String echo = submit("{\"type\":\"echo\"}");
        awaitStatus(alice, echo, "COMPLETED", Duration.ofSeconds(5));
        assertThat(alice.get("/api/jobs/" + first).object().getString("status")).isEqualTo("CANCELLED");
        assertThat(eventTypes(first)).containsExactly("SUBMITTED", "STARTED", "CANCELLED");
    }

    @Test
    @EnabledIfSystemProperty(named = "it.database", matches = "postgres")
    void a_completion_the_database_could_not_take_is_recorded_once_it_is_back_without_running_the_job_again() throws Exception {
        String id = submit("{\"type\":\"sleep\",\"payload\":{\"seconds\":2}}");
        awaitStatus(alice, id, "RUNNING", Duration.ofSeconds(5));
        try {
            Environment.cutPostgres();
            Thread.sleep(4_000); // the handler returns after 2 s; recording its completion fails while the database is away
        } finally {
            Environment.restorePostgres();
        }

        JsonObject completed = awaitStatus(alice, id, "COMPLETED", Duration.ofSeconds(30));
        assertThat(completed.getInt("attempts")).isEqualTo(1);
        assertThat(eventTypes(id)).containsExactly("SUBMITTED", "STARTED", "COMPLETED");
    }

    private String submit(String json) {
        Api.Reply reply = alice.post("/api/jobs", json);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.object().getString("id");
    }

    private List<JsonObject> events(String id) {
        return alice.get("/api/jobs/" + id + "/events").array().stream().map(JsonValue::asJsonObject).toList();
    }

    private List<String> eventTypes(String id) {
        return events(id).stream().map(e -> e.getString("type")).toList();
    }
}
