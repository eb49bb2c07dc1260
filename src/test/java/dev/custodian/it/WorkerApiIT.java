package dev.custodian.it;

import static dev.custodian.it.Environment.awaitJob;
import static dev.custodian.it.Environment.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * External workers over HTTP: claim, heartbeat, complete, fail; lease loss, backoff, timeout while heartbeating,
 * the stuck-job detector (check interval 1s in the test config) and concurrent claimers.
 */
class WorkerApiIT extends OnSharedServer {

    private static final String TYPE = "remote-thing";
    private final Api alice = Api.alice();
    private final Api robot = Api.worker();

    private String submit(String extra) {
        return alice.post("/api/jobs", "{\"type\":\"" + TYPE + "\",\"payload\":{\"n\":1}" + extra + "}").object().getString("id");
    }

    private Api.Reply claim(String worker, int leaseSeconds) {
        return robot.post("/api/jobs/claim", "{\"workerId\":\"" + worker + "\",\"types\":[\"" + TYPE + "\"],\"leaseSeconds\":" + leaseSeconds + "}");
    }

    @Test
    void a_claim_takes_the_oldest_pending_job_and_holds_it_under_a_lease() {
        String first = submit("");
        submit("");

        Api.Reply reply = claim("w1", 30);

        assertThat(reply.status()).isEqualTo(200);
        JsonObject job = reply.object();
        assertThat(job.getString("id")).isEqualTo(first);
        assertThat(job.getString("status")).isEqualTo("RUNNING");
        assertThat(job.getString("workerId")).isEqualTo("w1");
        assertThat(job.getString("leaseExpiresAt")).isNotBlank();
        assertThat(job.getInt("attempts")).isEqualTo(1);
    }

    @Test
    void a_claim_with_nothing_to_do_answers_204() {
        assertThat(claim("w1", 30).status()).isEqualTo(204);
    }

    @Test
    void heartbeat_extends_the_lease_and_complete_stores_the_result() {
        String id = submit("");
        String firstLease = claim("w1", 5).object().getString("leaseExpiresAt");

        JsonObject beat = robot.post("/api/jobs/" + id + "/heartbeat", "{\"workerId\":\"w1\",\"leaseSeconds\":60}").object();
        assertThat(beat.getString("leaseExpiresAt")).isGreaterThan(firstLease);

        Api.Reply done = robot.post("/api/jobs/" + id + "/complete", "{\"workerId\":\"w1\",\"result\":{\"pages\":3}}");
        assertThat(done.status()).isEqualTo(200);
        JsonObject job = alice.get("/api/jobs/" + id).object();
        assertThat(job.getString("status")).isEqualTo("COMPLETED");
        assertThat(job.getJsonObject("result").getInt("pages")).isEqualTo(3);
    }

    @Test
    void a_worker_that_does_not_hold_the_job_gets_409_and_changes_nothing() {
        String id = submit("");
        claim("w1", 30);

        for (String call : List.of("heartbeat", "complete", "fail")) {
            Api.Reply reply = robot.post("/api/jobs/" + id + "/" + call, "{\"workerId\":\"intruder\"}");
            assertThat(reply.status()).as(call).isEqualTo(409);
            assertThat(reply.contentType()).startsWith("application/problem+json");
        }
        JsonObject job = alice.get("/api/jobs/" + id).object();
        assertThat(job.getString("status")).isEqualTo("RUNNING");
        assertThat(job.getString("workerId")).isEqualTo("w1");
    }

    @Test
    void expired_lease_requeues_the_job_and_the_old_worker_is_refused() {
        String id = submit("");
        claim("w1", 1);

        JsonObject requeued = awaitJob(alice, id, Duration.ofSeconds(10),
                job -> job.getString("status").equals("PENDING") && job.getInt("attempts") == 1);
        assertThat(requeued.containsKey("workerId") && !requeued.isNull("workerId")).isFalse();
        assertThat(events(id)).contains("LEASE_EXPIRED");

        assertThat(robot.post("/api/jobs/" + id + "/complete", "{\"workerId\":\"w1\"}").status()).isEqualTo(409);
        Api.Reply again = claim("w2", 30);
        assertThat(again.object().getString("id")).isEqualTo(id);
        assertThat(again.object().getInt("attempts")).isEqualTo(2);
    }

    @Test
    void expired_lease_on_the_last_attempt_fails_the_job() {
        String id = submit(",\"maxAttempts\":1");
        claim("w1", 1);

        JsonObject failed = awaitStatus(alice, id, "FAILED", Duration.ofSeconds(10));
        assertThat(failed.getString("error")).contains("lease of w1 expired");
    }

    @Test
    void a_failed_attempt_waits_for_its_backoff_before_it_can_be_claimed_again() {
        String id = submit("");
        claim("w1", 30);

        JsonObject failed = robot.post("/api/jobs/" + id + "/fail", "{\"workerId\":\"w1\",\"error\":\"scanner jammed\"}").object();
        assertThat(failed.getString("status")).isEqualTo("PENDING");
        assertThat(failed.getString("error")).isEqualTo("scanner jammed");
        assertThat(claim("w1", 30).status()).as("within the 1s backoff").isEqualTo(204);

        long deadline = System.currentTimeMillis() + 10_000;
        Api.Reply reply;
        do {
            reply = claim("w1", 30);
        } while (reply.status() == 204 && System.currentTimeMillis() < deadline);
        assertThat(reply.object().getString("id")).isEqualTo(id);
        assertThat(reply.object().getInt("attempts")).isEqualTo(2);
    }

    @Test
    void a_fail_without_retry_ends_the_job() {
        String id = submit("");
        claim("w1", 30);

        JsonObject failed = robot.post("/api/jobs/" + id + "/fail", "{\"workerId\":\"w1\",\"error\":\"bad input\",\"retry\":false}").object();

        assertThat(failed.getString("status")).isEqualTo("FAILED");
    }

    @Test
    void a_job_past_its_timeout_fails_even_while_its_worker_heartbeats() throws InterruptedException {
        String id = submit(",\"timeoutSeconds\":2");
        claim("w1", 30);

        int lastStatus = 200;
        long deadline = System.currentTimeMillis() + 10_000;
        while (lastStatus == 200 && System.currentTimeMillis() < deadline) {
            lastStatus = robot.post("/api/jobs/" + id + "/heartbeat", "{\"workerId\":\"w1\"}").status();
            Thread.sleep(300);
        }

        assertThat(lastStatus).isEqualTo(409);
        JsonObject job = alice.get("/api/jobs/" + id).object();
        assertThat(job.getString("status")).isEqualTo("FAILED");
        assertThat(job.getString("error")).contains("timeout");
        assertThat(events(id)).contains("TIMED_OUT");
    }

    @Test
    void sixteen_concurrent_claimers_never_get_the_same_job() throws Exception {
        int jobs = 200;
        for (int i = 0; i < jobs; i++) {
            submit("");
        }
        List<String> claimed = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> claimers = new ArrayList<>();
        for (int w = 0; w < 16; w++) {
            String worker = "w" + w;
            claimers.add(pool.submit(() -> {
                Api.Reply reply;
                while ((reply = claim(worker, 60)).status() == 200) {
                    String id = reply.object().getString("id");
                    claimed.add(id);
                    assertThat(robot.post("/api/jobs/" + id + "/complete", "{\"workerId\":\"" + worker + "\"}").status()).isEqualTo(200);
                }
                assertThat(reply.status()).isEqualTo(204);
                return null;
            }));
        }
        for (Future<?> claimer : claimers) {
            claimer.get();
        }
        pool.shutdown();

        Set<String> distinct = new HashSet<>(claimed);
        assertThat(claimed).hasSize(jobs);
        assertThat(distinct).hasSize(jobs);
        assertThat(Environment.count("SELECT COUNT(*) FROM job_event WHERE type = 'STARTED'")).isEqualTo(jobs);
        assertThat(Environment.count("SELECT COUNT(*) FROM job WHERE status = 'COMPLETED'")).isEqualTo(jobs);
    }

    @Test
    void claims_are_checked_and_only_for_workers() {
        assertThat(robot.post("/api/jobs/claim", "{\"workerId\":\"w1\",\"types\":[\"echo\"]}").status()).isEqualTo(400);
        assertThat(robot.post("/api/jobs/claim", "{\"types\":[\"" + TYPE + "\"]}").status()).isEqualTo(400);
        assertThat(robot.post("/api/jobs/claim", "{\"workerId\":\"w1\",\"types\":[]}").status()).isEqualTo(400);
        assertThat(claim("w1", 0).status()).isEqualTo(400);
        assertThat(robot.post("/api/jobs/claim", "{not json").status()).isEqualTo(400);
        assertThat(alice.post("/api/jobs/claim", "{\"workerId\":\"w1\",\"types\":[\"" + TYPE + "\"]}").status()).isEqualTo(403);
        assertThat(Api.anonymous().post("/api/jobs/claim", "{\"workerId\":\"w1\",\"types\":[\"" + TYPE + "\"]}").status()).isEqualTo(401);
        assertThat(robot.get("/api/jobs").status()).as("a worker is not a user").isEqualTo(403);
        assertThat(Environment.count("SELECT COUNT(*) FROM job")).isZero();
    }

    @Test
    void admins_see_the_nodes_with_their_heartbeats_and_held_jobs() {
        submit("");
        JsonObject node = Api.admin().get("/api/system/nodes").array().getJsonObject(0);

        assertThat(node.getString("id")).isNotBlank();
        assertThat(node.getString("lastSeen")).isNotBlank();
        assertThat(node.getBoolean("self")).isTrue();
        assertThat(node.getInt("jobsHeld")).isZero();
        assertThat(alice.get("/api/system/nodes").status()).isEqualTo(403);

        String held = submit("");
        Environment.execute("UPDATE job SET status = 'RUNNING', worker_id = '" + node.getString("id") + "', attempts = 1,"
                + " started_at = CURRENT_TIMESTAMP, lease_expires_at = CURRENT_TIMESTAMP + INTERVAL '1' HOUR WHERE id = '" + held + "'");
        assertThat(Api.admin().get("/api/system/nodes").array().getJsonObject(0).getInt("jobsHeld")).as("counted at once").isEqualTo(1);
    }

    private List<String> events(String id) {
        return alice.get("/api/jobs/" + id + "/events").array().stream()
                .map(e -> e.asJsonObject().getString("type")).toList();
    }
}
