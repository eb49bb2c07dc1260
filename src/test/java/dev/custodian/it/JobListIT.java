package dev.custodian.it;

import static dev.custodian.it.Api.fields;
import static dev.custodian.it.Environment.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The dashboard's API (issue 16, SPEC section 5 "Lists" and "Bulk actions"): filters, totals, bulk, retry, stats. */
class JobListIT extends OnSharedServer {

    private static final Duration SOON = Duration.ofSeconds(15);
    private final Api alice = Api.alice();
    private final Api bob = Api.bob();
    private final Api admin = Api.admin();

    private String submit(Api who, String type) {
        Api.Reply reply = who.post("/api/jobs", "{\"type\":\"" + type + "\"}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.object().getString("id");
    }

    private JsonObject list(Api who, String query) {
        Api.Reply reply = who.get("/api/jobs?" + query);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.object();
    }

    private static List<String> ids(JsonObject page) {
        return page.getJsonArray("items").stream().map(v -> v.asJsonObject().getString("id")).toList();
    }

    @Test
    void admins_filter_by_owner_and_creation_time_and_count_the_matches() {
        String a1 = submit(alice, "remote-thing");
        String a2 = submit(alice, "remote-thing");
        String b1 = submit(bob, "remote-thing");
        Environment.backdate(a1, "created_at", Duration.ofHours(2));

        JsonObject alices = list(admin, "owner=alice&count=true");
        assertThat(ids(alices)).containsExactly(a2, a1);
        assertThat(alices.getJsonNumber("total").longValue()).isEqualTo(2);
        assertThat(alices.getBoolean("totalIsEstimate")).isFalse();

        String hourAgo = Instant.now().minus(Duration.ofHours(1)).toString();
        assertThat(ids(list(admin, "createdAfter=" + hourAgo))).containsExactlyInAnyOrder(a2, b1);
        assertThat(ids(list(admin, "createdBefore=" + hourAgo))).containsExactly(a1);
        assertThat(ids(list(admin, "sort=createdAt"))).containsExactly(a1, a2, b1);
        assertThat(ids(list(alice, "count=true"))).containsExactly(a2, a1);
    }

    @Test
    void sorting_by_finish_time_pages_through_finished_jobs_only() {
        List<String> done = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = submit(alice, "echo");
            awaitStatus(alice, id, "COMPLETED", SOON);
            done.add(id);
        }
        submit(alice, "remote-thing");

        JsonObject first = list(alice, "sort=-finishedAt&limit=2");
        assertThat(ids(first)).containsExactly(done.get(2), done.get(1));
        JsonObject second = list(alice, "sort=-finishedAt&limit=2&cursor=" + first.getString("nextCursor"));
        assertThat(ids(second)).containsExactly(done.get(0));
        assertThat(second.containsKey("nextCursor")).isFalse();
        assertThat(ids(list(alice, "sort=finishedAt"))).containsExactlyElementsOf(done);
    }

    @Test
    void deleted_jobs_are_listed_for_admins_in_purge_order_with_their_purge_time() {
        String first = submit(alice, "echo");
        String second = submit(alice, "echo");
        awaitStatus(alice, first, "COMPLETED", SOON);
        awaitStatus(alice, second, "COMPLETED", SOON);
        assertThat(alice.delete("/api/jobs/" + second).status()).isEqualTo(204);
        assertThat(alice.delete("/api/jobs/" + first).status()).isEqualTo(204);
        Environment.backdate(second, "deleted_at", Duration.ofHours(1));

        JsonObject deleted = list(admin, "deleted=true&count=true");

        assertThat(ids(deleted)).containsExactly(second, first);
        JsonObject job = deleted.getJsonArray("items").getJsonObject(0);
        Instant deletedAt = Instant.parse(job.getString("deletedAt"));
        assertThat(Instant.parse(job.getString("purgeAt"))).isAfter(deletedAt);
        assertThat(deleted.getJsonNumber("total").longValue()).isEqualTo(2);
        assertThat(ids(list(admin, ""))).doesNotContain(first, second);
    }

    @Test
    void bulk_with_a_wrong_expect_changes_nothing() {
        List<String> pending = IntStream.range(0, 3).mapToObj(i -> submit(alice, "remote-thing")).toList();

        Api.Reply reply = admin.post("/api/jobs/bulk", "{\"action\":\"cancel\",\"filter\":{\"status\":\"PENDING\"},\"expect\":2}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(409);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.object().getString("detail")).contains("matches 3", "expected 2");
        pending.forEach(id -> assertThat(alice.get("/api/jobs/" + id).object().getString("status")).isEqualTo("PENDING"));
        assertThat(Environment.count("SELECT COUNT(*) FROM job_event WHERE type = 'CANCELLED'")).isZero();
    }

    @Test
    void bulk_cancel_reaches_every_match_beyond_one_batch_and_leaves_the_rest() {
        List<String> pending = IntStream.range(0, 230).mapToObj(i -> submit(alice, "remote-thing")).toList();
        String bobs = submit(bob, "remote-thing");

        Api.Reply reply = admin.post("/api/jobs/bulk",
                "{\"action\":\"cancel\",\"filter\":{\"status\":\"PENDING\",\"owner\":\"alice\"},\"expect\":230}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.object().getInt("matched")).isEqualTo(230);
        assertThat(reply.object().getInt("applied")).isEqualTo(230);
        assertThat(Environment.count("SELECT COUNT(*) FROM job WHERE status = 'CANCELLED'")).isEqualTo(230);
        assertThat(bob.get("/api/jobs/" + bobs).object().getString("status")).isEqualTo("PENDING");
        assertThat(alice.get("/api/jobs/" + pending.get(0) + "/events").array().stream()
                .map(e -> e.asJsonObject().getString("message", "")).toList()).anyMatch(m -> m.contains("cancelled by ops"));
    }

    @Test
    void bulk_delete_then_restore_by_ids() {
        String one = submit(alice, "echo");
        String two = submit(alice, "echo");
        awaitStatus(alice, one, "COMPLETED", SOON);
        awaitStatus(alice, two, "COMPLETED", SOON);

        Api.Reply deleted = admin.post("/api/jobs/bulk", "{\"action\":\"delete\",\"filter\":{\"status\":\"COMPLETED\"},\"expect\":2}");
        assertThat(deleted.object().getInt("applied")).as(deleted.toString()).isEqualTo(2);
        assertThat(alice.get("/api/jobs/" + one).status()).isEqualTo(404);

        Api.Reply restored = admin.post("/api/jobs/bulk",
                "{\"action\":\"restore\",\"filter\":{\"deleted\":true},\"ids\":[\"" + one + "\"],\"expect\":1}");
        assertThat(restored.object().getInt("applied")).as(restored.toString()).isEqualTo(1);
        assertThat(alice.get("/api/jobs/" + one).status()).isEqualTo(200);
        assertThat(alice.get("/api/jobs/" + two).status()).isEqualTo(404);
    }

    @Test
    void retry_submits_a_new_job_for_the_original_owner_and_leaves_the_original_alone() {
        Api.Reply submitted = alice.post("/api/jobs", "{\"type\":\"echo\",\"payload\":{\"n\":1},\"timeoutSeconds\":77,\"maxAttempts\":2}");
        String original = submitted.object().getString("id");
        awaitStatus(alice, original, "COMPLETED", SOON);

        Api.Reply retried = admin.post("/api/jobs/" + original + "/retry");

        assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
        JsonObject retry = retried.object();
        assertThat(retry.getString("retryOf")).isEqualTo(original);
        assertThat(retry.getString("owner")).isEqualTo("alice");
        assertThat(retry.getInt("timeoutSeconds")).isEqualTo(77);
        assertThat(retry.getInt("maxAttempts")).isEqualTo(2);
        assertThat(retry.get("payload")).isEqualTo(submitted.object().get("payload"));
        assertThat(awaitStatus(alice, retry.getString("id"), "COMPLETED", SOON).get("result")).isEqualTo(retry.get("payload"));
        assertThat(alice.get("/api/jobs/" + original).object().getString("status")).isEqualTo("COMPLETED");
    }

    @Test
    void retry_is_refused_while_the_job_runs_and_when_its_input_file_is_gone() {
        String pending = submit(alice, "remote-thing");
        assertThat(alice.post("/api/jobs/" + pending + "/retry").status()).isEqualTo(409);

        Api.Reply upload = alice.upload(fields("type", "gzip"), "some content".getBytes(StandardCharsets.UTF_8));
        String gzip = upload.object().getString("id");
        awaitStatus(alice, gzip, "COMPLETED", SOON);

        Api.Reply reply = alice.post("/api/jobs/" + gzip + "/retry");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(409);
        assertThat(reply.object().getString("detail")).contains("input file is gone");
        assertThat(Environment.count("SELECT COUNT(*) FROM job")).isEqualTo(2);
    }

    @Test
    void stats_count_by_status_and_the_throughput_of_the_minute_and_hour_a_job_finished_in() {
        String done = submit(alice, "echo");
        Instant finished = Instant.parse(awaitStatus(alice, done, "COMPLETED", SOON).getString("finishedAt"));
        submit(alice, "remote-thing");
        submit(bob, "remote-thing");

        JsonObject mine = alice.get("/api/jobs/stats").object();
        JsonObject all = admin.get("/api/jobs/stats").object();

        assertThat(mine.getJsonObject("counts").getInt("PENDING")).isEqualTo(1);
        assertThat(mine.getJsonObject("counts").getInt("COMPLETED")).isEqualTo(1);
        assertThat(all.getJsonObject("counts").getInt("PENDING")).isEqualTo(2);
        // buckets that closed over a minute ago are history the server keeps (earlier tests' jobs among them); the
        // bucket a job just finished in is counted afresh
        JsonObject hour = all.getJsonObject("lastHour");
        assertThat(hour.getInt("stepSeconds")).isEqualTo(60);
        assertThat(hour.getJsonArray("completed")).hasSize(60);
        assertThat(completedAt(hour, finished)).isEqualTo(1);
        JsonObject day = mine.getJsonObject("lastDay");
        assertThat(day.getJsonArray("completed")).hasSize(24);
        assertThat(completedAt(day, finished)).isEqualTo(1);
    }

    private static long completedAt(JsonObject series, Instant at) {
        long step = series.getInt("stepSeconds");
        int index = (int) (at.getEpochSecond() / step - Instant.parse(series.getString("start")).getEpochSecond() / step);
        return series.getJsonArray("completed").getJsonNumber(index).longValue();
    }

    @Test
    void run_history_filters_and_pages_with_a_next_link() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(admin.post("/api/system/cleanup", "{\"dryRun\":true,\"targets\":[\"events\"]}").status()).isEqualTo(200);
        }
        assertThat(admin.post("/api/system/cleanup", "{\"dryRun\":false,\"targets\":[\"events\"]}").status()).isEqualTo(200);

        JsonArray real = admin.get("/api/system/cleanup/runs?dryRun=false&trigger=api").array();
        assertThat(real).hasSize(1);
        assertThat(real.getJsonObject(0).getBoolean("dryRun")).isFalse();
        assertThat(admin.get("/api/system/cleanup/runs?status=FAILED&trigger=api").array()).isEmpty();

        HttpResponse<String> first = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(Api.BASE + "/api/system/cleanup/runs?dryRun=true&limit=2"))
                .header("Authorization", admin.authorization()).build(), HttpResponse.BodyHandlers.ofString());
        String link = first.headers().firstValue("Link").orElseThrow();
        String next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        JsonArray second = admin.get(next.substring(next.indexOf("/api/"))).array();
        assertThat(second).hasSize(1);
        assertThat(second.getJsonObject(0).getBoolean("dryRun")).isTrue();
    }
}
