package dev.custodian.it;

import static dev.custodian.it.Api.fields;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input gets a 4xx problem+json that says what is wrong, and writes nothing: no row, no file. */
class BadInputIT extends OnSharedServer {

    private final Api alice = Api.alice();

    @AfterEach
    void nothingWasWritten() {
        assertThat(Environment.count("SELECT COUNT(*) FROM job")).isZero();
        assertThat(Environment.count("SELECT COUNT(*) FROM job_event")).isZero();
        assertThat(Environment.files(Environment.input())).isZero();
        assertThat(Environment.files(Environment.temp())).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"type\":", "not json", "[1,2]", "{\"type\":\"echo\",\"maxAttempts\":\"three\"}"})
    void malformed_json_is_a_400(String body) {
        assertProblem(alice.post("/api/jobs", body), 400, "");
    }

    @Test
    void an_unknown_type_is_a_400_listing_the_known_types() {
        assertProblem(alice.post("/api/jobs", "{\"type\":\"mine-bitcoin\"}"), 400, "unknown job type 'mine-bitcoin'");
        // in-process handlers (the test WAR's too) and external types, in name order
        assertProblem(alice.post("/api/jobs", "{\"type\":\"mine-bitcoin\"}"), 400,
                "known types: csv-summary, echo, exhaust, flaky, gzip, remote-thing, sleep");
    }

    @Test
    void a_missing_type_is_a_400() {
        assertProblem(alice.post("/api/jobs", "{\"payload\":{}}"), 400, "type is required");
        assertProblem(alice.post("/api/jobs", ""), 400, "");
    }

    @Test
    void out_of_range_limits_and_attempts_are_400s() {
        assertProblem(alice.post("/api/jobs", "{\"type\":\"echo\",\"timeoutSeconds\":0}"), 400, "timeoutSeconds");
        assertProblem(alice.post("/api/jobs", "{\"type\":\"echo\",\"maxAttempts\":-1}"), 400, "maxAttempts");
        assertProblem(alice.post("/api/jobs", "{\"type\":\"echo\",\"maxAttempts\":1000}"), 400, "maxAttempts");
    }

    @Test
    void a_file_handler_without_a_file_is_a_400() {
        assertProblem(alice.post("/api/jobs", "{\"type\":\"gzip\"}"), 400, "need an input file");
        assertProblem(alice.upload(fields("type", "gzip"), null), 400, "'file' part");
    }

    @Test
    void an_oversized_upload_is_a_413_and_leaves_no_partial_file() {
        byte[] tooBig = new byte[1024 * 1024 + 1];

        assertProblem(alice.upload(fields("type", "gzip"), tooBig), 413, "custodian.upload.max-size");
    }

    @Test
    void an_upload_with_bad_fields_is_a_400() {
        assertProblem(alice.upload(fields("type", "gzip", "payload", "{oops"), new byte[] {1}), 400, "payload");
        assertProblem(alice.upload(fields("type", "gzip", "maxAttempts", "many"), new byte[] {1}), 400, "maxAttempts");
        assertProblem(alice.upload(fields("type", "nope"), new byte[] {1}), 400, "unknown job type");
    }

    @Test
    void a_bad_job_id_is_a_400() {
        assertProblem(alice.get("/api/jobs/not-a-uuid"), 400, "'not-a-uuid' is not a job id");
        assertProblem(alice.post("/api/jobs/123/cancel"), 400, "is not a job id");
        assertProblem(alice.delete("/api/jobs/zz"), 400, "is not a job id");
    }

    @Test
    void bad_list_parameters_are_400s() {
        assertProblem(alice.get("/api/jobs?cursor=garbage"), 400, "cursor 'garbage' is not valid");
        assertProblem(alice.get("/api/jobs?limit=0"), 400, "limit");
        assertProblem(alice.get("/api/jobs?limit=100000"), 400, "limit");
        assertProblem(alice.get("/api/jobs?limit=ten"), 400, "limit");
        assertProblem(alice.get("/api/jobs?status=DONE"), 400, "status 'DONE'");
    }

    @Test
    void an_unsupported_media_type_is_a_415_and_an_unknown_path_a_404() {
        assertProblem(alice.post("/api/jobs", "type=echo", "text/plain"), 415, "");
        assertProblem(alice.post("/api/jobs/00000000-0000-0000-0000-000000000000/nothing"), 404, "");
    }

    private static void assertProblem(Api.Reply reply, int status, String detail) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).as(reply.toString()).isEqualTo("application/problem+json");
        assertThat(reply.object().getInt("status")).isEqualTo(status);
        assertThat(reply.object().getString("detail")).contains(detail);
    }
}
