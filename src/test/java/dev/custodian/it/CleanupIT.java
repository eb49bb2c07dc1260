package dev.custodian.it;

import static dev.custodian.it.Environment.awaitStatus;
import static dev.custodian.it.Environment.backdate;
import static dev.custodian.it.Environment.count;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Database retention through the cleanup API: both stages, per-status, pending and per-type TTLs, the archive,
 * dry run against real run, exclusivity, authorisation and bad input. Old jobs are made by moving their
 * timestamps into the past; the test config sets batch size 7 (so pages are exercised), a 10m completed TTL for
 * type gzip and an archive directory.
 */
class CleanupIT extends OnSharedServer {

    private static final Duration SOON = Duration.ofSeconds(15);
    private final Api alice = Api.alice();
    private final Api admin = Api.admin();

    private String completedEcho() {
        String id = alice.post("/api/jobs", "{\"type\":\"echo\",\"payload\":{}}").object().getString("id");
        awaitStatus(alice, id, "COMPLETED", SOON);
        return id;
    }

    private String pendingExternal() {
        return alice.post("/api/jobs", "{\"type\":\"remote-thing\"}").object().getString("id");
    }

    private JsonObject cleanup(String body) {
        Api.Reply reply = admin.post("/api/system/cleanup", body);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.object();
    }

    private static JsonObject jobs(JsonObject run) {
        return run.getJsonObject("targets").getJsonObject("jobs");
    }

    @Test
    void finished_jobs_past_the_ttl_of_their_status_are_soft_deleted_and_can_be_restored() {
        String completed = completedEcho();
        String cancelled = pendingExternal();
        alice.post("/api/jobs/" + cancelled + "/cancel");
        String failed = pendingExternal();
        Api.worker().post("/api/jobs/claim", "{\"workerId\":\"w\",\"types\":[\"remote-thing\"]}");
        Api.worker().post("/api/jobs/" + failed + "/fail", "{\"workerId\":\"w\",\"retry\":false}");
        String fresh = completedEcho();
        for (String id : List.of(completed, cancelled, failed)) {
            backdate(id, "finished_at", Duration.ofHours(3));
        }

        JsonObject run = cleanup("{\"dryRun\":false,\"targets\":[\"jobs\"],\"jobs\":{\"completedTtl\":\"2h\",\"failedTtl\":\"2h\",\"cancelledTtl\":\"2h\"}}");

        assertThat(jobs(run).getInt("deleted")).isEqualTo(3);
        assertThat(run.getString("principal")).isEqualTo("ops");
        for (String id : List.of(completed, cancelled, failed)) {
            assertThat(alice.get("/api/jobs/" + id).status()).as("hidden once soft-deleted").isEqualTo(404);
            assertThat(admin.get("/api/jobs/" + id + "?includeDeleted=true").object().getString("deletedAt")).isNotBlank();
        }
        assertThat(alice.get("/api/jobs/" + fresh).status()).isEqualTo(200);
        assertThat(alice.post("/api/jobs/" + completed + "/restore").status()).isEqualTo(200);
        assertThat(alice.get("/api/jobs/" + completed).status()).isEqualTo(200);
    }

    @Test
    void pending_jobs_never_claimed_are_soft_deleted_after_the_pending_ttl() {
        String stale = pendingExternal();
        String retried = pendingExternal();
        backdate(stale, "run_at", Duration.ofDays(8));
        Environment.execute("UPDATE job SET attempts = 1 WHERE id = '" + retried + "'");
        backdate(retried, "run_at", Duration.ofDays(8));

        cleanup("{\"dryRun\":false,\"targets\":[\"jobs\"]}");

        assertThat(alice.get("/api/jobs/" + stale).status()).isEqualTo(404);
        assertThat(alice.get("/api/jobs/" + retried).status()).as("it was claimed once: not 'never claimed'").isEqualTo(200);
    }

    @Test
    void a_per_type_ttl_overrides_the_default_for_that_type_only() throws IOException {
        String echo = completedEcho();
        String gzip = alice.upload(Api.fields("type", "gzip"), "hello".getBytes(StandardCharsets.UTF_8)).object().getString("id");
        awaitStatus(alice, gzip, "COMPLETED", SOON);
        backdate(echo, "finished_at", Duration.ofMinutes(30));
        backdate(gzip, "finished_at", Duration.ofMinutes(30));

        cleanup("{\"dryRun\":false,\"targets\":[\"jobs\"]}");

        assertThat(alice.get("/api/jobs/" + gzip).status()).as("gzip keeps 10m").isEqualTo(404);
        assertThat(alice.get("/api/jobs/" + echo).status()).as("the default keeps 24h").isEqualTo(200);
        JsonObject status = admin.get("/api/system/cleanup/status").object();
        assertThat(status.getJsonObject("policy").getJsonObject("types").getJsonObject("gzip").getString("completedTtl")).isEqualTo("10m");
    }

    @Test
    void purge_removes_the_row_its_events_and_its_output_file_after_archiving_it() throws IOException {
        String gzip = alice.upload(Api.fields("type", "gzip"), "hello".getBytes(StandardCharsets.UTF_8)).object().getString("id");
        String output = awaitStatus(alice, gzip, "COMPLETED", SOON).getString("outputFile");
        String kept = completedEcho();
        assertThat(alice.delete("/api/jobs/" + gzip).status()).isEqualTo(204);
        alice.delete("/api/jobs/" + kept);
        backdate(gzip, "deleted_at", Duration.ofDays(4));
        assertThat(Files.exists(Environment.output().resolve(output))).isTrue();

        JsonObject run = cleanup("{\"dryRun\":false,\"targets\":[\"jobs\"]}");

        assertThat(jobs(run).getInt("deleted")).isEqualTo(1);
        assertThat(jobs(run).getJsonNumber("bytesFreed").longValue()).isPositive();
        assertThat(count("SELECT COUNT(*) FROM job WHERE id = '" + gzip + "'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM job_event WHERE job_id = '" + gzip + "'")).as("events go by cascade").isZero();
        assertThat(Files.exists(Environment.output().resolve(output))).isFalse();
        assertThat(count("SELECT COUNT(*) FROM job WHERE id = '" + kept + "'")).as("within its restore window").isEqualTo(1);
        assertThat(archivedIds(run.getString("id"))).containsExactly(gzip);
    }

    @Test
    void running_jobs_survive_any_ttl() {
        String running = pendingExternal();
        Api.worker().post("/api/jobs/claim", "{\"workerId\":\"w\",\"types\":[\"remote-thing\"]}");
        backdate(running, "run_at", Duration.ofDays(400));
        backdate(running, "created_at", Duration.ofDays(400));
        backdate(running, "started_at", Duration.ofDays(400));

        cleanup("{\"dryRun\":false,\"jobs\":{\"completedTtl\":\"0s\",\"failedTtl\":\"0s\",\"cancelledTtl\":\"0s\",\"pendingTtl\":\"0s\",\"restoreWindow\":\"0s\"}}");

        assertThat(count("SELECT COUNT(*) FROM job WHERE id = '" + running + "' AND status = 'RUNNING' AND deleted_at IS NULL")).isEqualTo(1);
    }

    @Test
    void a_zero_restore_window_purges_due_jobs_with_their_events_and_files_in_one_stage_and_keeps_running_and_recent_ones()
            throws IOException {
        String running = pendingExternal();
        Api.worker().post("/api/jobs/claim", "{\"workerId\":\"w\",\"types\":[\"remote-thing\"]}");
        backdate(running, "run_at", Duration.ofDays(400));
        backdate(running, "started_at", Duration.ofDays(400));
        String gzip = alice.upload(Api.fields("type", "gzip"), "hello".getBytes(StandardCharsets.UTF_8)).object().getString("id");
        String output = awaitStatus(alice, gzip, "COMPLETED", SOON).getString("outputFile");
        String echo = completedEcho();
        String stale = pendingExternal();
        String recent = completedEcho();
        backdate(gzip, "finished_at", Duration.ofDays(2));
        backdate(echo, "finished_at", Duration.ofDays(2));
        backdate(stale, "run_at", Duration.ofDays(8));
        String request = "{\"dryRun\":%s,\"targets\":[\"jobs\"],\"jobs\":{\"restoreWindow\":\"0s\"}}";

        JsonObject dry = jobs(cleanup(String.format(request, "true")));
        JsonObject run = cleanup(String.format(request, "false"));

        JsonObject real = jobs(run);
        assertThat(dry.getInt("matched")).as("each job once, not soft-deleted and then purged").isEqualTo(real.getInt("matched")).isEqualTo(3);
        assertThat(real.getInt("deleted")).isEqualTo(3);
        assertThat(real.getInt("errors")).isZero();
        assertThat(dry.getJsonNumber("bytesMatched").longValue()).isEqualTo(real.getJsonNumber("bytesFreed").longValue()).isPositive();
        assertThat(count("SELECT COUNT(*) FROM job WHERE id IN ('" + gzip + "', '" + echo + "', '" + stale + "')")).isZero();
        assertThat(count("SELECT COUNT(*) FROM job_event WHERE job_id IN ('" + gzip + "', '" + echo + "', '" + stale + "')")).isZero();
        assertThat(Files.exists(Environment.output().resolve(output))).isFalse();
        assertThat(archivedIds(run.getString("id"))).containsExactlyInAnyOrder(gzip, echo, stale);
        assertThat(count("SELECT COUNT(*) FROM job WHERE status = 'RUNNING' AND deleted_at IS NULL AND id = '" + running + "'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM job WHERE deleted_at IS NULL AND id = '" + recent + "'")).as("within its TTL").isEqualTo(1);
    }

    @Test
    void a_dry_run_reports_what_the_following_real_run_does_and_changes_nothing() {
        for (int i = 0; i < 10; i++) {
            backdate(completedEcho(), "finished_at", Duration.ofDays(2));
        }
        for (int i = 0; i < 5; i++) {
            String id = completedEcho();
            alice.delete("/api/jobs/" + id);
            backdate(id, "deleted_at", Duration.ofDays(5));
        }
        completedEcho();
        String request = "{\"dryRun\":%s,\"jobs\":{\"restoreWindow\":\"0s\"}}";

        JsonObject dryRun = cleanup(String.format(request, "true"));
        JsonObject dry = jobs(dryRun);
        assertThat(count("SELECT COUNT(*) FROM job WHERE deleted_at IS NULL")).isEqualTo(11);
        // the summary line says what a real run would delete and that nothing was, as restic's dry runs do
        assertThat(ServerLog.awaitLine(Duration.ofSeconds(10), dryRun.getString("id"), "Cleanup dry run finished"))
                .contains("would delete 15 jobs", "nothing was deleted", "\"jobs_deleted\":0", "\"dry_run\":true");
        JsonObject real = jobs(cleanup(String.format(request, "false")));

        assertThat(dry.getInt("matched")).as("each job once: 10 purged at once, 5 soft-deleted before").isEqualTo(real.getInt("matched")).isEqualTo(15);
        assertThat(dry.getInt("deleted")).isZero();
        assertThat(real.getInt("deleted")).isEqualTo(15);
        assertThat(dry.getJsonNumber("bytesMatched").longValue()).isEqualTo(real.getJsonNumber("bytesFreed").longValue());
        assertThat(dry.getJsonNumber("bytesFreed").longValue()).isZero();
        assertThat(dry.getJsonArray("sample")).hasSizeLessThanOrEqualTo(20);
        assertThat(count("SELECT COUNT(*) FROM job")).isEqualTo(1);
    }

    @Test
    void a_second_real_run_while_one_holds_the_lock_is_refused_and_dry_runs_still_go() {
        String holder = "00000000-0000-0000-0000-00000000beef";
        Environment.execute("UPDATE cleanup_lock SET run_id = '" + holder + "', holder = 'elsewhere', expires_at = "
                + (Environment.DATABASE.equals("postgres") ? "now() + interval '5 minutes'" : "DATEADD('MINUTE', 5, CURRENT_TIMESTAMP)"));

        Api.Reply refused = admin.post("/api/system/cleanup", "{\"dryRun\":false}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.object().getString("detail")).contains(holder);
        assertThat(admin.post("/api/system/cleanup", "{\"dryRun\":true}").status()).isEqualTo(200);
        assertThat(admin.get("/api/system/cleanup/status").object().getJsonObject("runningNow").getString("runId")).isEqualTo(holder);
    }

    @Test
    void runs_are_recorded_listed_and_the_schedule_can_be_paused() {
        String id = cleanup("{}").getString("id");

        assertThat(admin.get("/api/system/cleanup/runs").array().getJsonObject(0).getString("id")).isEqualTo(id);
        JsonObject one = admin.get("/api/system/cleanup/runs/" + id).object();
        assertThat(one.getBoolean("dryRun")).isTrue();
        assertThat(one.getString("trigger")).isEqualTo("api");
        assertThat(one.getJsonObject("targets").keySet()).containsExactly("jobs", "events", "files", "backups");
        assertThat(admin.get("/api/system/cleanup/runs/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);

        assertThat(admin.put("/api/system/cleanup/schedule", "{\"enabled\":false}").object().getBoolean("schedulerEnabled")).isFalse();
        assertThat(admin.get("/api/system/cleanup/status").object().getBoolean("schedulerEnabled")).isFalse();
        assertThat(admin.put("/api/system/cleanup/schedule", "{\"enabled\":true}").object().getBoolean("schedulerEnabled")).isTrue();
    }

    @Test
    void status_shows_no_next_run_while_paused_and_the_files_and_backups_policy() {
        JsonObject paused = admin.put("/api/system/cleanup/schedule", "{\"enabled\":false}").object();
        try {
            assertThat(paused.isNull("nextRun")).as(paused.toString()).isTrue();
        } finally {
            JsonObject resumed = admin.put("/api/system/cleanup/schedule", "{\"enabled\":true}").object();
            assertThat(resumed.isNull("nextRun")).as(resumed.toString()).isFalse();
        }
        JsonObject policy = admin.get("/api/system/cleanup/status").object().getJsonObject("policy");

        JsonObject files = policy.getJsonObject("files");
        assertThat(files.getString("tempMaxAge")).isEqualTo("7d");
        assertThat(files.getString("logMaxAge")).isEqualTo("30d");
        assertThat(files.getJsonArray("tempPatterns").toString()).contains("*.tmp");
        assertThat(files.getJsonArray("protected").toString()).contains("current.log");
        JsonObject backups = policy.getJsonObject("backups");
        assertThat(backups.getInt("keepLast")).isEqualTo(5);
        assertThat(backups.getJsonObject("environments").getJsonObject("prod").getInt("keepLast")).isEqualTo(10);
    }

    @Test
    void only_admins_may_clean_up() {
        assertThat(alice.post("/api/system/cleanup", "{}").status()).isEqualTo(403);
        assertThat(alice.get("/api/system/cleanup/status").status()).isEqualTo(403);
        assertThat(Api.worker().get("/api/system/cleanup/runs").status()).isEqualTo(403);
        assertThat(Api.anonymous().get("/api/system/cleanup/status").status()).isEqualTo(401);
    }

    @Test
    void bad_overrides_are_a_400_and_nothing_runs() {
        String old = completedEcho();
        backdate(old, "finished_at", Duration.ofDays(30));
        for (String body : List.of("{\"dryRun\":false,\"jobs\":{\"completedTtl\":\"-1h\"}}",
                "{\"dryRun\":false,\"jobs\":{\"completedTtl\":\"soon\"}}",
                "{\"dryRun\":false,\"jobs\":{\"completedTTL\":\"1h\"}}",
                "{\"dryRun\":false,\"targets\":[\"everything\"]}",
                "{\"dryRun\":\"yes\"}",
                "{\"dryRun\":false,\"backups\":{\"keepLast\":-1}}",
                "{\"dryRun\":false,\"backups\":{\"keepLast\":0,\"keepDaily\":0,\"keepWeekly\":0,\"keepMonthly\":0}}",
                "{not json")) {
            Api.Reply reply = admin.post("/api/system/cleanup", body);
            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.contentType()).as(body).startsWith("application/problem+json");
        }
        assertThat(count("SELECT COUNT(*) FROM job WHERE deleted_at IS NULL")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM cleanup_run")).isZero();
    }

    private static List<String> archivedIds(String runId) throws IOException {
        Path file = Environment.dataRoot().getParent().resolve("archive").resolve("jobs-" + runId + ".jsonl.gz");
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            return in.lines().map(line -> jakarta.json.Json.createReader(new java.io.StringReader(line)).readObject().getString("id")).toList();
        }
    }
}
