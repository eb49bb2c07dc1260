package dev.custodian.it;

import static dev.custodian.it.Environment.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Who may call what: 401 without valid credentials, 404 for another user's job, 403 for a role that may not call. */
class SecurityIT extends OnSharedServer {

    @Test
    void calls_without_credentials_are_refused_with_401() {
        Api.Reply reply = Api.anonymous().get("/api/jobs");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.challenge()).isEqualTo("Basic realm=\"custodian\"");
        assertThat(Api.anonymous().post("/api/jobs", "{\"type\":\"echo\"}").status()).isEqualTo(401);
        assertThat(Environment.count("SELECT COUNT(*) FROM job")).isZero();
    }

    @Test
    void a_wrong_password_or_unknown_user_is_refused_with_401() {
        for (Api.Reply reply : new Api.Reply[] {Api.as("alice", "wrong").get("/api/jobs"),
                Api.as("mallory", "alice-pw").get("/api/jobs"), Api.as("alice", "wrong").post("/api/jobs/claim", "{}")}) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.challenge()).startsWith("Basic ");
        }
    }

    @Test
    void another_users_job_is_not_found_whatever_the_call() {
        String id = JobApiIT.submitRemote(Api.alice());
        Api bob = Api.bob();

        assertThat(bob.get("/api/jobs/" + id).status()).isEqualTo(404);
        assertThat(bob.get("/api/jobs/" + id + "/events").status()).isEqualTo(404);
        assertThat(bob.get("/api/jobs/" + id + "/output").status()).isEqualTo(404);
        assertThat(bob.post("/api/jobs/" + id + "/cancel").status()).isEqualTo(404);
        assertThat(bob.delete("/api/jobs/" + id).status()).isEqualTo(404);
        assertThat(bob.post("/api/jobs/" + id + "/restore").status()).isEqualTo(404);
        assertThat(bob.get("/api/jobs/" + id + "?includeDeleted=true").status()).isEqualTo(404);
        assertThat(JobApiIT.ids(bob.get("/api/jobs").object())).isEmpty();
        assertThat(Api.alice().get("/api/jobs/" + id).object().getString("status")).isEqualTo("PENDING");
    }

    @Test
    void the_not_found_answer_for_another_users_job_equals_the_one_for_a_missing_job() {
        String id = JobApiIT.submitRemote(Api.alice());
        String missing = "00000000-0000-0000-0000-000000000001";

        Api.Reply hidden = Api.bob().get("/api/jobs/" + id);
        Api.Reply absent = Api.bob().get("/api/jobs/" + missing);

        assertThat(hidden.status()).isEqualTo(absent.status());
        assertThat(hidden.text().replace(id, "ID")).isEqualTo(absent.text().replace(missing, "ID"));
    }

    @Test
    void an_admin_sees_and_manages_every_users_jobs() {
        String alices = JobApiIT.submitRemote(Api.alice());
        String bobs = JobApiIT.submitRemote(Api.bob());
        Api admin = Api.admin();

        assertThat(JobApiIT.ids(admin.get("/api/jobs").object())).containsExactlyInAnyOrder(alices, bobs);
        assertThat(admin.get("/api/jobs/" + alices).object().getString("owner")).isEqualTo("alice");
        assertThat(admin.post("/api/jobs/" + bobs + "/cancel").status()).isEqualTo(200);
        assertThat(Api.bob().get("/api/jobs/" + bobs).object().getString("status")).isEqualTo("CANCELLED");
    }

    @Test
    void users_cannot_see_soft_deleted_jobs_even_when_asking_for_them() {
        String id = Api.alice().post("/api/jobs", "{\"type\":\"echo\"}").object().getString("id");
        awaitStatus(Api.alice(), id, "COMPLETED", Duration.ofSeconds(15));
        Api.alice().delete("/api/jobs/" + id);

        assertThat(Api.alice().get("/api/jobs/" + id + "?includeDeleted=true").status()).isEqualTo(404);
        assertThat(Api.admin().get("/api/jobs/" + id + "?includeDeleted=true").status()).isEqualTo(200);
    }

    @Test
    void a_worker_may_not_use_the_user_jobs_api() {
        String id = JobApiIT.submitRemote(Api.alice());
        Api worker = Api.worker();

        Api.Reply list = worker.get("/api/jobs");
        Api.Reply submit = worker.post("/api/jobs", "{\"type\":\"echo\"}");

        assertThat(list.status()).isEqualTo(403);
        assertThat(list.contentType()).isEqualTo("application/problem+json");
        assertThat(list.object().getString("detail")).contains("admin", "user");
        assertThat(submit.status()).isEqualTo(403);
        assertThat(worker.get("/api/jobs/" + id).status()).isEqualTo(403);
        assertThat(Environment.count("SELECT COUNT(*) FROM job")).isEqualTo(1);
    }

    @Test
    void a_password_containing_colons_logs_in() {
        Api.Reply reply = Api.as("carol", "pass:with:colons").get("/api/jobs");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(Api.as("carol", "pass").get("/api/jobs").status()).isEqualTo(401);
    }

    @Test
    void wrong_credentials_answer_problem_json() {
        Api.Reply reply = Api.as("alice", "wrong").get("/api/jobs");

        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.object().getInt("status")).isEqualTo(401);
    }

    @Test
    void repeated_failures_are_answered_429_with_retry_after_while_the_real_user_still_logs_in() throws Exception {
        String guessed = "eve-" + java.util.UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            assertThat(Api.as(guessed, "guess" + i).get("/api/jobs").status()).isEqualTo(401);
        }

        java.net.http.HttpResponse<String> throttled = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(Api.BASE + "/api/jobs"))
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                                .encodeToString((guessed + ":guess5").getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(throttled.headers().firstValue("Retry-After")).hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(Api.alice().get("/api/jobs").status()).isEqualTo(200);
    }
}
