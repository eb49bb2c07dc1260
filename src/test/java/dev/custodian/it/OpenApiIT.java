package dev.custodian.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document lists every endpoint with its roles and problem responses, lints clean under Redocly's
 * recommended rules (tools/redocly, installed by .ci/run with npm ci) and is the contract checked in as
 * docs/openapi.yaml, from which the build generates the client that ClientIT uses.
 */
class OpenApiIT extends OnSharedServer {

    private static final Path REDOCLY_DIR = Path.of(System.getProperty("redocly.dir", "tools/redocly"));
    private static final Path CHECKED_IN = Path.of(System.getProperty("openapi.copy", "docs/openapi.yaml"));

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
        JsonObject submit = paths.getJsonObject("/api/jobs").getJsonObject("post").getJsonObject("requestBody").getJsonObject("content");
        assertThat(submit.getJsonObject("application/json").getJsonObject("schema").getString("$ref"))
                .isEqualTo("#/components/schemas/SubmitJobRequest");
        assertThat(submit.getJsonObject("multipart/form-data").getJsonObject("schema").getString("$ref"))
                .isEqualTo("#/components/schemas/SubmitJobUpload");
    }

    @Test
    void the_document_is_served_as_yaml_or_as_json_with_their_media_types() {
        Api.Reply plain = Api.anonymous().get("/openapi");
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.contentType()).startsWith("application/yaml");
        assertThat(plain.text()).startsWith("openapi: ");
        for (String yaml : List.of("application/yaml", "text/yaml")) {
            Api.Reply asked = Api.anonymous().get("/openapi", yaml);
            assertThat(asked.status()).as(yaml).isEqualTo(200);
            assertThat(asked.contentType()).as(yaml).startsWith("application/yaml");
            assertThat(asked.text()).as(yaml).startsWith("openapi: ");
        }
        Api.Reply json = Api.anonymous().get("/openapi", "application/json");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.contentType()).startsWith("application/json");
        assertThat(json.object().getString("openapi")).startsWith("3.");
        assertThat(Api.anonymous().get("/openapi?format=json").contentType()).startsWith("application/json");
    }

    @Test
    void the_document_lints_clean_under_redoclys_recommended_rules() throws Exception {
        Path served = served();
        Path redocly = REDOCLY_DIR.resolve("node_modules/.bin/redocly");
        assertThat(redocly).as("Redocly CLI: run `npm ci` in %s (.ci/run does)", REDOCLY_DIR).isExecutable();
        Path report = served.resolveSibling("openapi-lint.json");

        ProcessBuilder command = new ProcessBuilder(redocly.toString(), "lint", "--config", REDOCLY_DIR.resolve("redocly.yaml").toString(),
                "--format=json", served.toString());
        command.environment().put("REDOCLY_TELEMETRY", "off");
        command.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        Process lint = command.redirectOutput(report.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(lint.waitFor(120, TimeUnit.SECONDS)).as("redocly lint finished").isTrue();

        List<String> findings = findings(Files.readString(report));
        assertThat(findings).as("Redocly findings in the served document (%s); each names the operation by its JSON pointer",
                served).isEmpty();
        assertThat(lint.exitValue()).as("redocly lint exit code").isZero();
    }

    @Test
    void the_served_document_is_the_checked_in_contract() throws IOException {
        Path served = served();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<String> differences = new ArrayList<>();
        differences(yaml.readTree(CHECKED_IN.toFile()), yaml.readTree(served.toFile()), "", differences);
        assertThat(differences).as("""
                The served GET /openapi differs from the contract %s (compared as trees: the server's order varies).
                If the API change is intended, refresh the contract and rebuild (ClientIT's client is generated from it):
                  cp %s %s
                Differences (JSON pointer: checked in -> served)""", CHECKED_IN, served, CHECKED_IN).isEmpty();
    }

    private static void differences(JsonNode expected, JsonNode actual, String pointer, List<String> found) {
        if (expected.isObject() && actual.isObject()) {
            Set<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!expected.has(name) || !actual.has(name)) {
                    found.add(child + (expected.has(name) ? ": only in the contract" : ": only served"));
                } else {
                    differences(expected.get(name), actual.get(name), child, found);
                }
            }
        } else if (!expected.equals(actual)) {
            found.add(pointer + ": " + expected + " -> " + actual);
        }
    }

    /** The YAML document as served, kept under target/it for the lint and as the refreshed copy. */
    private static Path served() throws IOException {
        Api.Reply reply = Api.anonymous().get("/openapi");
        assertThat(reply.status()).isEqualTo(200);
        Path file = Path.of(System.getProperty("it.work.dir", "target/it"), "openapi-served.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, reply.text(), StandardCharsets.UTF_8);
        return file;
    }

    /** Every problem of Redocly's JSON report as "severity rule at pointer: message". */
    private static List<String> findings(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json.substring(json.indexOf('{'))))) {
            return reader.readObject().getJsonArray("problems").stream().map(p -> p.asJsonObject())
                    .map(p -> p.getString("severity") + " " + p.getString("ruleId") + " at "
                            + p.getJsonArray("location").getJsonObject(0).getString("pointer") + ": " + p.getString("message"))
                    .collect(Collectors.toList());
        }
    }
}
