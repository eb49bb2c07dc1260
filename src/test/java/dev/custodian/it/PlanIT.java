package dev.custodian.it;

import static dev.custodian.it.Environment.awaitStatus;
import static dev.custodian.it.Environment.backdate;
import static dev.custodian.it.Environment.count;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Stored cleanup plans: a dry run's plan paged with its reasons, and applied: only what the plan lists and is
 * still due is deleted, the rest of the plan is reported as skipped; plans expire (aged by moving the dry run's
 * start into the past, which is what the server compares with its clock).
 */
class PlanIT extends OnSharedServer {

    private static final Duration SOON = Duration.ofSeconds(15);
    private final Api alice = Api.alice();
    private final Api admin = Api.admin();

    private String completedEcho() {
        String id = alice.post("/api/jobs", "{\"type\":\"echo\",\"payload\":{}}").object().getString("id");
        awaitStatus(alice, id, "COMPLETED", SOON);
        return id;
    }

    private JsonObject cleanup(String body) {
        Api.Reply reply = admin.post("/api/system/cleanup", body);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.object();
    }

    private JsonObject apply(String runId) {
        Api.Reply reply = admin.post("/api/system/cleanup/runs/" + runId + "/apply");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.object();
    }

    private static Path file(String relative, Duration age) throws IOException {
        Path file = Environment.dataRoot().resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[100]);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
        return file;
    }

    /** Every item of the plan, through pages of {@code limit}. */
    private List<JsonObject> wholePlan(String runId, String query, int limit) {
        List<JsonObject> items = new ArrayList<>();
        String cursor = null;
        do {
            Api.Reply reply = admin.get("/api/system/cleanup/runs/" + runId + "/plan?limit=" + limit + query
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(reply.status()).as(reply.text()).isEqualTo(200);
            JsonObject page = reply.object();
            assertThat(page.getJsonArray("items").size()).isLessThanOrEqualTo(limit);
            page.getJsonArray("items").forEach(v -> items.add(v.asJsonObject()));
            cursor = page.containsKey("nextCursor") ? page.getString("nextCursor") : null;
        } while (cursor != null);
        return items;
    }

    private static List<String> items(List<JsonObject> plan, String target) {
        return plan.stream().filter(i -> i.getString("target").equals(target)).map(i -> i.getString("item")).toList();
    }

    @Test
    void a_dry_run_stores_its_plan_with_a_reason_for_each_item_paged_in_a_stable_order() throws IOException {
        List<String> due = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = completedEcho();
            backdate(id, "finished_at", Duration.ofDays(2));
            due.add(id);
        }
        String fresh = completedEcho();
        file("temp/old.bin", Duration.ofDays(9));
        file("temp/new.bin", Duration.ofHours(1));

        String runId = cleanup("{\"targets\":[\"jobs\",\"files\"]}").getString("id");
        List<JsonObject> plan = wholePlan(runId, "", 2);

        assertThat(items(plan, "jobs")).containsExactlyInAnyOrderElementsOf(due).doesNotContain(fresh);
        assertThat(plan).filteredOn(i -> i.getString("target").equals("jobs"))
                .allSatisfy(i -> assertThat(i.getString("reason")).isEqualTo("ttl completed 1d"))
                .allSatisfy(i -> assertThat(i.getString("step")).isEqualTo("soft-delete"));
        JsonObject old = plan.stream().filter(i -> i.getString("target").equals("files")).findFirst().orElseThrow();
        assertThat(old.getString("item")).isEqualTo("temp/old.bin");
        assertThat(old.getString("reason")).isEqualTo("temp age 9d > 7d");
        assertThat(old.getJsonNumber("bytes").longValue()).isEqualTo(100);
        assertThat(plan).hasSize(6);
        assertThat(wholePlan(runId, "", 500)).as("the same order in any page size").isEqualTo(plan);
        assertThat(items(wholePlan(runId, "&target=jobs", 3), "jobs")).hasSize(5);
        JsonObject report = admin.get("/api/system/cleanup/runs/" + runId).object().getJsonObject("targets").getJsonObject("jobs");
        assertThat(report.getJsonArray("sample").getString(0)).endsWith(" ttl completed 1d");

        for (String query : List.of("?since=1h", "?cursor=nonsense", "?limit=0", "?limit=501", "?target=everything")) {
            Api.Reply bad = admin.get("/api/system/cleanup/runs/" + runId + "/plan" + query);
            assertThat(bad.status()).as(query).isEqualTo(400);
            assertThat(bad.contentType()).as(query).startsWith("application/problem+json");
        }
        assertThat(alice.get("/api/system/cleanup/runs/" + runId + "/plan").status()).isEqualTo(403);
        String tooLongToStore = "{\"targets\":[" + String.join(",", java.util.Collections.nCopies(15_000, "\"jobs\"")) + "]}";
        assertThat(admin.post("/api/system/cleanup", tooLongToStore).status()).as("a dry run's request is stored").isEqualTo(400);
    }

    @Test
    void apply_deletes_only_what_the_plan_lists_and_is_still_due_and_reports_the_rest_as_skipped() throws IOException {
        String due = completedEcho();
        backdate(due, "finished_at", Duration.ofDays(2));
        String restored = completedEcho();
        alice.delete("/api/jobs/" + restored);
        backdate(restored, "deleted_at", Duration.ofHours(2));
        String dueLater = completedEcho();
        backdate(dueLater, "finished_at", Duration.ofHours(20));
        Path planned = file("temp/planned.bin", Duration.ofDays(9));
        Path touched = file("temp/touched.bin", Duration.ofDays(9));

        JsonObject dry = cleanup("{\"targets\":[\"jobs\",\"files\"],\"jobs\":{\"restoreWindow\":\"1h\"}}");
        String runId = dry.getString("id");
        assertThat(items(wholePlan(runId, "", 100), "jobs")).containsExactlyInAnyOrder(due, restored);

        assertThat(alice.post("/api/jobs/" + restored + "/restore").status()).isEqualTo(200);
        backdate(dueLater, "finished_at", Duration.ofDays(2));
        Files.setLastModifiedTime(touched, FileTime.from(Instant.now()));
        Path created = file("temp/created-after.bin", Duration.ofDays(9));

        JsonObject applied = apply(runId);

        assertThat(applied.getString("trigger")).isEqualTo("apply");
        assertThat(applied.getString("planId")).isEqualTo(runId);
        assertThat(applied.getBoolean("dryRun")).isFalse();
        assertThat(applied.getJsonObject("targets").keySet()).containsExactly("jobs", "files");
        JsonObject jobs = applied.getJsonObject("targets").getJsonObject("jobs");
        assertThat(jobs.getInt("deleted")).isEqualTo(1);
        assertThat(jobs.getInt("skipped")).isEqualTo(1);
        assertThat(jobs.getJsonArray("sample").getValuesAs(JsonValue::toString)).anySatisfy(s -> assertThat(s)
                .contains(restored + " skipped: no longer due"));
        assertThat(count("SELECT COUNT(*) FROM job WHERE id = '" + due + "' AND deleted_at IS NOT NULL")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM job WHERE id = '" + restored + "' AND deleted_at IS NULL")).as("restored: kept").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM job WHERE id = '" + dueLater + "' AND deleted_at IS NULL")).as("due after the preview: not in the plan").isEqualTo(1);
        JsonObject files = applied.getJsonObject("targets").getJsonObject("files");
        assertThat(files.getInt("deleted")).isEqualTo(1);
        assertThat(files.getInt("skipped")).isEqualTo(1);
        assertThat(planned).doesNotExist();
        assertThat(touched).as("touched since the preview").exists();
        assertThat(created).as("created after the preview").exists();

        JsonObject again = apply(runId);
        assertThat(again.getJsonObject("targets").getJsonObject("jobs").getInt("deleted")).isZero();
        assertThat(again.getJsonObject("targets").getJsonObject("jobs").getInt("skipped")).isEqualTo(2);
        assertThat(again.getJsonObject("targets").getJsonObject("files").getInt("deleted")).isZero();
        assertThat(again.getJsonObject("targets").getJsonObject("files").getInt("skipped")).isEqualTo(2);
        assertThat(created).exists();
        assertThat(count("SELECT COUNT(*) FROM job WHERE deleted_at IS NULL")).isEqualTo(2);
    }

    /**
     * The purge stage of a plan, on both databases (on PostgreSQL the dry run writes each page into the plan and the
     * apply purges and marks in the same statements, on H2 both go page by page): the plan holds each job with its
     * output file's size, and the apply purges those jobs and their files, not a job that became due after the preview.
     */
    @Test
    void apply_purges_what_the_plan_lists_for_a_purge_with_its_output_files_and_nothing_that_became_due_later() throws IOException {
        String gzip = alice.upload(Api.fields("type", "gzip"), "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8)).object().getString("id");
        Path output = Environment.output().resolve(awaitStatus(alice, gzip, "COMPLETED", SOON).getString("outputFile"));
        long size = Files.size(output);
        List<String> planned = new ArrayList<>(List.of(gzip));
        for (int i = 0; i < 4; i++) {
            planned.add(completedEcho());
        }
        String later = completedEcho();
        for (String id : planned) {
            assertThat(alice.delete("/api/jobs/" + id).status()).isEqualTo(204);
            backdate(id, "deleted_at", Duration.ofDays(4));
        }
        assertThat(alice.delete("/api/jobs/" + later).status()).isEqualTo(204);

        JsonObject dry = cleanup("{\"targets\":[\"jobs\"]}");
        String runId = dry.getString("id");
        JsonObject preview = dry.getJsonObject("targets").getJsonObject("jobs");
        assertThat(preview.getInt("matched")).isEqualTo(5);
        assertThat(preview.getJsonNumber("bytesMatched").longValue()).isEqualTo(size);
        assertThat(preview.getJsonArray("sample")).hasSize(5);
        List<JsonObject> plan = wholePlan(runId, "", 2);
        assertThat(items(plan, "jobs")).containsExactlyInAnyOrderElementsOf(planned);
        assertThat(plan).allSatisfy(i -> assertThat(i.getString("step")).isEqualTo("purge"))
                .allSatisfy(i -> assertThat(i.getString("reason")).isEqualTo(i.getString("item").equals(gzip)
                        ? "restore window 3d (type gzip)" : "restore window 3d"))
                .allSatisfy(i -> assertThat(i.getJsonNumber("bytes").longValue()).isEqualTo(i.getString("item").equals(gzip) ? size : 0));

        backdate(later, "deleted_at", Duration.ofDays(4));
        JsonObject jobs = apply(runId).getJsonObject("targets").getJsonObject("jobs");

        assertThat(jobs.getInt("deleted")).isEqualTo(5);
        assertThat(jobs.getInt("skipped")).isZero();
        assertThat(jobs.getJsonNumber("bytesFreed").longValue()).isEqualTo(size);
        assertThat(output).doesNotExist();
        assertThat(count("SELECT COUNT(*) FROM job WHERE id = '" + later + "'")).as("due only after the preview").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM job WHERE deleted_at IS NOT NULL")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM cleanup_plan_item WHERE run_id = '" + runId + "' AND applied_by IS NULL")).isZero();
        JsonObject again = apply(runId).getJsonObject("targets").getJsonObject("jobs");
        assertThat(again.getInt("deleted")).isZero();
        assertThat(again.getInt("skipped")).isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM job WHERE id = '" + later + "'")).isEqualTo(1);
    }

    @Test
    void an_expired_plan_is_gone_and_deleted_at_the_end_of_the_next_run() {
        backdate(completedEcho(), "finished_at", Duration.ofDays(2));
        String runId = cleanup("{\"targets\":[\"jobs\"]}").getString("id");
        assertThat(count("SELECT COUNT(*) FROM cleanup_plan_item WHERE run_id = '" + runId + "'")).isEqualTo(1);
        Environment.execute("UPDATE cleanup_run SET started_at = started_at - INTERVAL '2' HOUR, finished_at = finished_at - INTERVAL '2' HOUR"
                + " WHERE id = '" + runId + "'");

        Api.Reply plan = admin.get("/api/system/cleanup/runs/" + runId + "/plan");
        Api.Reply apply = admin.post("/api/system/cleanup/runs/" + runId + "/apply");

        assertThat(plan.status()).as(plan.text()).isEqualTo(410);
        assertThat(plan.contentType()).startsWith("application/problem+json");
        assertThat(apply.status()).as(apply.text()).isEqualTo(410);
        assertThat(count("SELECT COUNT(*) FROM job WHERE deleted_at IS NOT NULL")).isZero();
        cleanup("{\"targets\":[\"events\"]}");
        assertThat(count("SELECT COUNT(*) FROM cleanup_plan_item WHERE run_id = '" + runId + "'")).isZero();
        assertThat(admin.get("/api/system/cleanup/runs/" + runId + "/plan").status()).isEqualTo(410);
    }

    @Test
    void only_a_finished_dry_run_has_a_plan() {
        String real = cleanup("{\"dryRun\":false,\"targets\":[\"events\"]}").getString("id");
        String running = UUID.randomUUID().toString();
        Environment.execute("INSERT INTO cleanup_run (id, run_trigger, dry_run, status, started_at, request, plan_stored)"
                + " VALUES ('" + running + "', 'api', TRUE, 'RUNNING', CURRENT_TIMESTAMP, '{}', TRUE)");

        for (String id : List.of(real, running)) {
            for (Api.Reply reply : List.of(admin.get("/api/system/cleanup/runs/" + id + "/plan"),
                    admin.post("/api/system/cleanup/runs/" + id + "/apply"))) {
                assertThat(reply.status()).as(reply.text()).isEqualTo(409);
                assertThat(reply.contentType()).startsWith("application/problem+json");
            }
        }
        assertThat(admin.get("/api/system/cleanup/runs/" + running + "/plan").object().getString("detail")).contains("RUNNING");
        assertThat(admin.get("/api/system/cleanup/runs/" + UUID.randomUUID() + "/plan").status()).isEqualTo(404);
        assertThat(admin.post("/api/system/cleanup/runs/" + UUID.randomUUID() + "/apply").status()).isEqualTo(404);
        assertThat(admin.post("/api/system/cleanup/runs/not-an-id/apply").status()).isEqualTo(400);
    }

    @Test
    void apply_is_refused_while_another_real_run_holds_the_lock() {
        String runId = cleanup("{\"targets\":[\"events\"]}").getString("id");
        Environment.execute("UPDATE cleanup_lock SET run_id = '00000000-0000-0000-0000-00000000beef', holder = 'elsewhere', expires_at = "
                + (Environment.DATABASE.equals("postgres") ? "now() + interval '5 minutes'" : "DATEADD('MINUTE', 5, CURRENT_TIMESTAMP)"));

        Api.Reply refused = admin.post("/api/system/cleanup/runs/" + runId + "/apply");

        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.object().getString("detail")).contains("already active");
    }
}
