package dev.custodian.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * SPEC section 5, "Progress": a real run over enough due jobs to last several seconds (inserted with SQL; the test
 * server's batch size is 7) shows, while RUNNING, each target's phase and counts so far in {@code /runs/{id}} and in
 * {@code status.runningNow}, growing, then its final figures.
 */
class CleanupProgressIT extends OnSharedServer {

    private static final int JOBS = 6_000;
    private final Api admin = Api.admin();

    @Test
    void a_running_run_shows_each_targets_phase_and_counts_so_far_then_its_final_figures() throws Exception {
        insertCompletedJobs(JOBS, Duration.ofDays(30));

        Api.Reply started = admin.post("/api/system/cleanup?wait=0s", "{\"dryRun\":false,\"targets\":[\"jobs\",\"events\"]}");
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        String id = started.object().getString("id");

        List<JsonObject> running = new ArrayList<>();
        JsonObject statusWhileRunning = null;
        JsonObject run = started.object();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while ("RUNNING".equals(run.getString("status")) && System.nanoTime() < deadline) {
            if (run.getJsonObject("targets").containsKey("jobs")) {
                running.add(run);
            }
            if (statusWhileRunning == null) {
                JsonObject status = admin.get("/api/system/cleanup/status").object();
                JsonObject now = status.isNull("runningNow") ? null : status.getJsonObject("runningNow");
                boolean softDeleting = now != null && now.containsKey("targets") && now.getJsonObject("targets").containsKey("jobs")
                        && now.getJsonObject("targets").getJsonObject("jobs").getString("phase").equals("soft-deleting");
                statusWhileRunning = softDeleting ? now : null;
            }
            Thread.sleep(250);
            run = admin.get("/api/system/cleanup/runs/" + id).object();
        }

        assertThat(run.getString("status")).isEqualTo("SUCCEEDED");
        JsonObject jobs = run.getJsonObject("targets").getJsonObject("jobs");
        assertThat(jobs.getInt("deleted")).isEqualTo(JOBS);
        assertThat(jobs.getString("phase")).isEqualTo("done");
        assertThat(run.getJsonObject("targets").getJsonObject("events").getString("phase")).isEqualTo("done");

        List<Integer> matchedSoFar = running.stream().map(r -> r.getJsonObject("targets").getJsonObject("jobs"))
                .filter(t -> t.getString("phase").equals("soft-deleting")).map(t -> t.getInt("matched")).distinct().toList();
        assertThat(matchedSoFar).as("reports written while the jobs were soft-deleted, counts growing").hasSizeGreaterThanOrEqualTo(2)
                .isSorted();
        assertThat(matchedSoFar.get(0)).isLessThan(JOBS);
        assertThat(running).as("the events target, not started yet").allSatisfy(r ->
                assertThat(r.getJsonObject("targets").getJsonObject("events").getString("phase")).isIn("pending", "deleting", "done"));
        assertThat(running.get(running.size() / 2).getJsonObject("targets").getJsonObject("events").getString("phase")).isEqualTo("pending");
        assertThat(statusWhileRunning).as("status.runningNow shows the report so far").isNotNull();
        assertThat(statusWhileRunning.getString("runId")).isEqualTo(id);
        assertThat(statusWhileRunning.getJsonObject("targets").getJsonObject("jobs").getInt("matched")).isLessThan(JOBS);
        assertThat(statusWhileRunning.getString("status")).isEqualTo("RUNNING");
    }

    /** {@code n} COMPLETED jobs finished {@code ago}, past every TTL, without events. */
    static void insertCompletedJobs(int n, Duration ago) throws SQLException {
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).minus(ago);
        try (Connection c = Environment.connect();
             PreparedStatement s = c.prepareStatement("INSERT INTO job (id, type, status, attempts, max_attempts, timeout_seconds,"
                     + " owner, run_at, created_at, finished_at, version) VALUES (?, 'echo', 'COMPLETED', 1, 3, 60, 'alice', ?, ?, ?, 0)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < n; i++) {
                s.setObject(1, UUID.randomUUID());
                s.setObject(2, at);
                s.setObject(3, at);
                s.setObject(4, at);
                s.addBatch();
                if (i % 1000 == 999) {
                    s.executeBatch();
                }
            }
            s.executeBatch();
            c.commit();
        }
    }
}
