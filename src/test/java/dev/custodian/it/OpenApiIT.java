package dev.custodian.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The OpenAPI document lists every endpoint with its roles and problem responses. */
class OpenApiIT extends OnSharedServer {

    @Test
    void every_endpoint_is_documented_with_roles_and_problems() {
        Api.Reply reply = Api.anonymous().get("/openapi?format=json");
        assertThat(reply.status()).isEqualTo(200);
        JsonObject paths = reply.object().getJsonObject("paths");

        assertThat(paths.keySet()).contains("/api/jobs", "/api/jobs/{id}", "/api/jobs/{id}/output", "/api/jobs/{id}/events",
                "/api/jobs/{id}/cancel", "/api/jobs/{id}/restore", "/api/jobs/claim", "/api/jobs/{id}/heartbeat",
                "/api/jobs/{id}/complete", "/api/jobs/{id}/fail", "/api/system/nodes", "/api/system/cleanup",
                "/api/system/cleanup/status", "/api/system/cleanup/runs", "/api/system/cleanup/runs/{id}",
                "/api/system/cleanup/schedule");
        JsonObject cleanup = paths.getJsonObject("/api/system/cleanup").getJsonObject("post");
        assertThat(cleanup.getString("description")).contains("Roles: admin");
        assertThat(cleanup.getJsonObject("responses").keySet()).contains("400", "401", "403", "409");
        assertThat(cleanup.getJsonObject("responses").getJsonObject("409").getJsonObject("content").keySet())
                .contains("application/problem+json");
        assertThat(paths.getJsonObject("/api/jobs/claim").getJsonObject("post").getString("description")).contains("worker or admin");
        assertThat(paths.getJsonObject("/api/jobs/{id}").getJsonObject("get").getJsonObject("responses").keySet()).contains("404");
    }
}
