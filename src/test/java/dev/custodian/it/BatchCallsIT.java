package dev.custodian.it;

import static dev.custodian.it.Environment.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The batch calls of SPEC section 5 (issue 18): a claim of up to {@code max} jobs, many outcomes in one
 * {@code completions} call, and {@code POST /api/jobs/batch} of many submissions in one transaction.
 */
class BatchCallsIT extends OnSharedServer {

    private static final String TYPE = "remote-thing";
    private final Api alice = Api.alice();
    private final Api robot = Api.worker();

    private List<String> submitBatch(int count, String type) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < count; i++) {
            items.append(i == 0 ? "" : ",").append("{\"type\":\"").append(type).append("\",\"payload\":{\"n\":").append(i).append("}}");
        }
        Api.Reply reply = alice.post("/api/jobs/batch", "{\"items\":[" + items + "]}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.object().getJsonArray("ids").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private Api.Reply claim(String worker, int max) {
        return robot.post("/api/jobs/claim", "{\"workerId\":\"" + worker + "\",\"types\":[\"" + TYPE + "\"],\"leaseSeconds\":60,\"max\":" + max + "}");
    }

    private static List<String> ids(Api.Reply claimed) {
        return claimed.object().getJsonArray("items").stream().map(j -> j.asJsonObject().getString("id")).toList();
    }

    @Test
    void a_batch_submission_answers_the_ids_in_order_and_stores_every_job() {
        List<String> ids = submitBatch(5, TYPE);

        assertThat(ids).hasSize(5).doesNotHaveDuplicates();
        for (int i = 0; i < ids.size(); i++) {
            JsonObject job = alice.get("/api/jobs/" + ids.get(i)).object();
            assertThat(job.getString("status")).isEqualTo("PENDING");
            assertThat(job.getJsonObject("payload").getInt("n")).isEqualTo(i);
            assertThat(job.getString("owner")).isEqualTo("alice");
        }
        assertThat(Environment.count("SELECT COUNT(*) FROM job_event WHERE type = 'SUBMITTED'")).isEqualTo(5);
    }

    @Test
    void a_batch_with_one_bad_item_writes_nothing() {
        Api.Reply reply = alice.post("/api/jobs/batch", "{\"items\":[{\"type\":\"echo\"},{\"type\":\"echo\",\"timeoutSeconds\":0}]}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.object().getString("detail")).contains("items[1]").contains("timeoutSeconds");
        assertThat(Environment.count("SELECT COUNT(*) FROM job")).isZero();
    }

    @Test
    void in_process_jobs_of_a_batch_all_complete() {
        List<String> ids = submitBatch(50, "echo");

        for (String id : ids) {
            awaitStatus(alice, id, "COMPLETED", Duration.ofSeconds(30));
        }
    }

    @Test
    void a_claim_with_max_takes_the_oldest_jobs_first_each_held_by_the_worker() {
        List<String> submitted = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            submitted.add(alice.post("/api/jobs", "{\"type\":\"" + TYPE + "\"}").object().getString("id"));
        }

        Api.Reply first = claim("w1", 3);

        assertThat(first.status()).isEqualTo(200);
        assertThat(ids(first)).containsExactlyElementsOf(submitted.subList(0, 3));
        first.object().getJsonArray("items").forEach(j -> {
            assertThat(j.asJsonObject().getString("status")).isEqualTo("RUNNING");
            assertThat(j.asJsonObject().getString("workerId")).isEqualTo("w1");
        });
        assertThat(ids(claim("w2", 3))).containsExactly(submitted.get(3));
        assertThat(claim("w2", 3).status()).isEqualTo(204);
    }

    @Test
    void completions_record_every_outcome_and_name_the_jobs_no_longer_held() {
        List<String> ids = submitBatch(4, TYPE);
        ids(claim("w1", 3));
        String notHeld = ids.get(3);

        Api.Reply reply = robot.post("/api/jobs/completions", "{\"workerId\":\"w1\",\"items\":["
                + "{\"id\":\"" + ids.get(0) + "\",\"result\":{\"pages\":3}},"
                + "{\"id\":\"" + ids.get(1) + "\",\"error\":\"scanner jammed\"},"
                + "{\"id\":\"" + ids.get(2) + "\",\"error\":\"bad input\",\"retry\":false},"
                + "{\"id\":\"" + notHeld + "\"}]}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        List<String> statuses = reply.object().getJsonArray("items").stream()
                .map(i -> i.asJsonObject().getString("id") + "=" + i.asJsonObject().getString("status")).toList();
        assertThat(statuses).containsExactly(ids.get(0) + "=COMPLETED", ids.get(1) + "=PENDING", ids.get(2) + "=FAILED",
                notHeld + "=LEASE_LOST");
        assertThat(alice.get("/api/jobs/" + ids.get(0)).object().getJsonObject("result").getInt("pages")).isEqualTo(3);
        assertThat(alice.get("/api/jobs/" + ids.get(1)).object().getString("error")).isEqualTo("scanner jammed");
        assertThat(alice.get("/api/jobs/" + notHeld).object().getString("status")).isEqualTo("PENDING");
    }

    @Test
    void a_second_completion_of_the_same_job_is_lease_lost_and_changes_nothing() {
        String id = submitBatch(1, TYPE).get(0);
        claim("w1", 1);
        String body = "{\"workerId\":\"w1\",\"items\":[{\"id\":\"" + id + "\",\"result\":1}]}";
        robot.post("/api/jobs/completions", body);

        Api.Reply again = robot.post("/api/jobs/completions", body.replace("\"result\":1", "\"result\":2"));

        assertThat(again.object().getJsonArray("items").getJsonObject(0).getString("status")).isEqualTo("LEASE_LOST");
        assertThat(alice.get("/api/jobs/" + id).object().getInt("result")).isEqualTo(1);
        assertThat(Environment.count("SELECT COUNT(*) FROM job_event WHERE type = 'COMPLETED'")).isEqualTo(1);
    }

    @Test
    void eight_workers_claiming_batches_of_25_never_get_the_same_job() throws Exception {
        for (int i = 0; i < 4; i++) {
            submitBatch(100, TYPE);
        }
        List<String> claimed = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            String worker = "w" + w;
            workers.add(pool.submit(() -> {
                Api.Reply reply;
                while ((reply = claim(worker, 25)).status() == 200) {
                    List<String> ids = ids(reply);
                    claimed.addAll(ids);
                    String items = String.join(",", ids.stream().map(id -> "{\"id\":\"" + id + "\"}").toList());
                    Api.Reply done = robot.post("/api/jobs/completions", "{\"workerId\":\"" + worker + "\",\"items\":[" + items + "]}");
                    assertThat(done.text()).doesNotContain("LEASE_LOST");
                }
                assertThat(reply.status()).isEqualTo(204);
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();

        assertThat(claimed).hasSize(400);
        assertThat(new HashSet<>(claimed)).hasSize(400);
        assertThat(Environment.count("SELECT COUNT(*) FROM job_event WHERE type = 'STARTED'")).isEqualTo(400);
        assertThat(Environment.count("SELECT COUNT(*) FROM job WHERE status = 'COMPLETED'")).isEqualTo(400);
    }
}
