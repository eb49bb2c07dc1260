package dev.custodian.it;

import static dev.custodian.it.Api.fields;
import static dev.custodian.it.Environment.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** Every jobs endpoint over real HTTP against a real server and database. */
class JobApiIT extends OnSharedServer {

    private static final Duration SOON = Duration.ofSeconds(15);
    private final Api alice = Api.alice();

    @Test
    void json_submission_answers_201_with_location_and_the_echo_job_completes() {
        Api.Reply reply = alice.post("/api/jobs", "{\"type\":\"echo\",\"payload\":{\"hello\":\"world\",\"n\":[1,2]}}");

        assertThat(reply.status()).isEqualTo(201);
        JsonObject job = reply.object();
        String id = job.getString("id");
        assertThat(reply.location()).isEqualTo(Api.BASE + "/api/jobs/" + id);
        assertThat(job.getString("status")).isEqualTo("PENDING");
        assertThat(job.getString("owner")).isEqualTo("alice");
        assertThat(job.getInt("maxAttempts")).isEqualTo(3);
        assertThat(job.getInt("timeoutSeconds")).isEqualTo(600);

        JsonObject done = awaitStatus(alice, id, "COMPLETED", SOON);
        assertThat(done.get("result")).isEqualTo(job.get("payload"));
        assertThat(done.getInt("attempts")).isEqualTo(1);
        assertThat(done.containsKey("finishedAt")).isTrue();
    }

    @Test
    void uploaded_file_is_gzipped_downloadable_and_its_input_deleted() throws IOException {
        byte[] content = new byte[300_000];
        new Random(7).nextBytes(content);
        for (int i = 0; i < content.length; i += 3) {
            content[i] = 'a';
        }

        Api.Reply reply = alice.upload(fields("type", "gzip"), content);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        String id = reply.object().getString("id");
        assertThat(reply.object().getString("inputFile")).isEqualTo(id + ".input");
        JsonObject done = awaitStatus(alice, id, "COMPLETED", SOON);
        assertThat(done.getString("outputFile")).isEqualTo(id + ".gz");
        assertThat(done.getJsonObject("result").getJsonNumber("inputBytes").longValue()).isEqualTo(content.length);

        Api.Reply output = alice.get("/api/jobs/" + id + "/output");
        assertThat(output.status()).isEqualTo(200);
        assertThat(output.contentType()).isEqualTo("application/gzip");
        try (GZIPInputStream gunzip = new GZIPInputStream(new ByteArrayInputStream(output.body()))) {
            assertThat(gunzip.readAllBytes()).isEqualTo(content);
        }
        assertThat(Environment.input().resolve(id + ".input")).doesNotExist();
        assertThat(Environment.output().resolve(id + ".gz")).exists();
    }

    @Test
    void csv_summary_reports_rows_and_column_statistics() {
        String csv = "name,age,city\n\"Smith, Jo\",30,Oslo\nAnn,40,\"Rio\"\r\nBo,,Lima\n";

        Api.Reply reply = alice.upload(fields("type", "csv-summary"), csv.getBytes(StandardCharsets.UTF_8));

        String id = reply.object().getString("id");
        JsonObject result = awaitStatus(alice, id, "COMPLETED", SOON).getJsonObject("result");
        assertThat(result.getInt("rows")).isEqualTo(3);
        JsonObject age = result.getJsonArray("columns").getJsonObject(1);
        assertThat(age.getString("name")).isEqualTo("age");
        assertThat(age.getInt("nonEmpty")).isEqualTo(2);
        assertThat(age.getBoolean("numeric")).isTrue();
        assertThat(age.getJsonNumber("mean").doubleValue()).isEqualTo(35.0);
        assertThat(result.getJsonArray("columns").getJsonObject(2).getBoolean("numeric")).isFalse();
        assertThat(alice.get("/api/jobs/" + id + "/output").object()).isEqualTo(result);
    }

    @Test
    void list_is_newest_first_and_a_cursor_walks_every_job_once() {
        List<String> submitted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            submitted.add(submitRemote(alice));
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonObject page = alice.get("/api/jobs?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)).object();
            page.getJsonArray("items").forEach(item -> seen.add(item.asJsonObject().getString("id")));
            cursor = page.containsKey("nextCursor") ? page.getString("nextCursor") : null;
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        Collections.reverse(submitted);
        assertThat(seen).isEqualTo(submitted);
    }

    @Test
    void list_filters_by_status_and_type() {
        String pending = submitRemote(alice);
        String echo = alice.post("/api/jobs", "{\"type\":\"echo\"}").object().getString("id");
        awaitStatus(alice, echo, "COMPLETED", SOON);

        assertThat(ids(alice.get("/api/jobs?status=PENDING").object())).containsExactly(pending);
        assertThat(ids(alice.get("/api/jobs?status=completed&type=echo").object())).containsExactly(echo);
        assertThat(ids(alice.get("/api/jobs?type=gzip").object())).isEmpty();
    }

    @Test
    void events_tell_the_timeline_of_a_job() {
        String id = alice.post("/api/jobs", "{\"type\":\"echo\"}").object().getString("id");
        awaitStatus(alice, id, "COMPLETED", SOON);

        Api.Reply events = alice.get("/api/jobs/" + id + "/events");

        assertThat(events.status()).isEqualTo(200);
        assertThat(events.array().stream().map(e -> e.asJsonObject().getString("type")))
                .containsExactly("SUBMITTED", "STARTED", "COMPLETED");
        JsonObject completed = events.array().getJsonObject(2);
        assertThat(completed.getString("fromStatus")).isEqualTo("RUNNING");
        assertThat(completed.getString("toStatus")).isEqualTo("COMPLETED");
        assertThat(completed.containsKey("nodeId")).isTrue();
    }

    @Test
    void cancel_finishes_a_pending_job_and_a_second_cancel_conflicts() {
        String id = submitRemote(alice);

        Api.Reply cancelled = alice.post("/api/jobs/" + id + "/cancel");
        Api.Reply again = alice.post("/api/jobs/" + id + "/cancel");

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.object().getString("status")).isEqualTo("CANCELLED");
        assertThat(cancelled.object().containsKey("finishedAt")).isTrue();
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).isEqualTo("application/problem+json");
        assertThat(again.object().getString("detail")).contains("CANCELLED");
    }

    @Test
    void cancelling_a_pending_job_deletes_its_input_file() {
        String id = alice.upload(fields("type", "remote-thing"), new byte[] {1, 2, 3}).object().getString("id");
        assertThat(Environment.input().resolve(id + ".input")).exists();

        alice.post("/api/jobs/" + id + "/cancel");

        assertThat(Environment.input().resolve(id + ".input")).doesNotExist();
    }

    @Test
    void soft_delete_hides_a_job_and_restore_brings_it_back() {
        String id = submitRemote(alice);
        alice.post("/api/jobs/" + id + "/cancel");

        assertThat(alice.delete("/api/jobs/" + id).status()).isEqualTo(204);
        assertThat(alice.get("/api/jobs/" + id).status()).isEqualTo(404);
        assertThat(ids(alice.get("/api/jobs").object())).doesNotContain(id);
        Api.Reply asAdmin = Api.admin().get("/api/jobs/" + id + "?includeDeleted=true");
        assertThat(asAdmin.status()).isEqualTo(200);
        assertThat(asAdmin.object().containsKey("deletedAt")).isTrue();
        assertThat(alice.delete("/api/jobs/" + id).status()).isEqualTo(404);

        Api.Reply restored = alice.post("/api/jobs/" + id + "/restore");

        assertThat(restored.status()).isEqualTo(200);
        assertThat(restored.object().containsKey("deletedAt")).isFalse();
        assertThat(alice.get("/api/jobs/" + id).status()).isEqualTo(200);
        assertThat(alice.post("/api/jobs/" + id + "/restore").status()).isEqualTo(409);
        assertThat(alice.get("/api/jobs/" + id + "/events").array().stream().map(e -> e.asJsonObject().getString("type")))
                .containsExactly("SUBMITTED", "CANCELLED", "DELETED", "RESTORED");
    }

    @Test
    void deleting_an_unfinished_job_conflicts_and_changes_nothing() {
        String id = submitRemote(alice);

        Api.Reply reply = alice.delete("/api/jobs/" + id);

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.object().getString("detail")).contains("cancel it first");
        assertThat(alice.get("/api/jobs/" + id).object().getString("status")).isEqualTo("PENDING");
    }

    @Test
    void output_of_a_job_without_output_is_not_found() {
        String id = alice.post("/api/jobs", "{\"type\":\"echo\"}").object().getString("id");
        awaitStatus(alice, id, "COMPLETED", SOON);

        Api.Reply reply = alice.get("/api/jobs/" + id + "/output");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
    }

    @Test
    void stored_input_name_never_comes_from_the_client() throws IOException {
        Api.Reply reply = alice.upload(fields("type", "remote-thing"), "x".getBytes(StandardCharsets.UTF_8));

        String id = reply.object().getString("id");
        try (var files = Files.list(Environment.input())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(id + ".input");
        }
        assertThat(Environment.dataRoot().getParent().resolve("etc")).doesNotExist();
    }

    /**
     * Submissions that arrive together are inserted in one transaction (group commit): each caller still gets its
     * own job, owned by that caller, recorded once, whatever else shared its transaction.
     */
    @Test
    void concurrent_submissions_of_two_users_each_get_their_own_job_recorded_once() throws Exception {
        Api bob = Api.bob();
        int threads = 16;
        int each = 8;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        List<java.util.concurrent.Future<List<String[]>>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                Api api = t % 2 == 0 ? alice : bob;
                String owner = t % 2 == 0 ? "alice" : "bob";
                int thread = t;
                futures.add(pool.submit(() -> {
                    List<String[]> mine = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        Api.Reply reply = i % 4 == 3
                                ? api.upload(fields("type", "echo"), ("t" + thread + "-" + i).getBytes(StandardCharsets.UTF_8))
                                : api.post("/api/jobs", "{\"type\":\"echo\",\"payload\":{\"t\":" + thread + ",\"i\":" + i + "}}");
                        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
                        assertThat(reply.object().getString("owner")).isEqualTo(owner);
                        mine.add(new String[] {reply.object().getString("id"), owner});
                    }
                    return mine;
                }));
            }
            List<String[]> all = new ArrayList<>();
            for (var f : futures) {
                all.addAll(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }

            assertThat(all.stream().map(a -> a[0]).distinct()).hasSize(threads * each);
            for (String[] job : all) {
                Api ownerApi = job[1].equals("alice") ? alice : bob;
                Api other = job[1].equals("alice") ? bob : alice;
                assertThat(ownerApi.get("/api/jobs/" + job[0]).object().getString("owner")).isEqualTo(job[1]);
                assertThat(other.get("/api/jobs/" + job[0]).status()).isEqualTo(404);
                assertThat(ownerApi.get("/api/jobs/" + job[0] + "/events").array().stream()
                        .map(e -> e.asJsonObject().getString("type")).filter("SUBMITTED"::equals)).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static String submitRemote(Api api) {
        Api.Reply reply = api.post("/api/jobs", "{\"type\":\"remote-thing\",\"payload\":{}}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.object().getString("id");
    }

    static List<String> ids(JsonObject page) {
        return page.getJsonArray("items").stream().map(JsonValue::asJsonObject).map(j -> j.getString("id")).toList();
    }
}
