package dev.custodian.it;

import static dev.custodian.it.Environment.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.platform.security.PasswordHash;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The packaged WAR, unchanged, on the full Payara Server 6 distribution, set up by the asadmin commands of
 * docs/operations.md (the block marked {@code <!-- payara-server -->}) as they stand: the PostgreSQL driver, the
 * pool and resource of {@code server-config/payara/postgres.asadmin} on database {@code custodian_payara_it} (dropped
 * and created by the build), the data root, an admin user with a PBKDF2 password and {@code custodian.job.timeout=5m},
 * all with {@code set-config-property} as the admin console writes them, and {@code deploy}. A failure's message
 * carries the end of the domain's server.log. Run by Failsafe's it-payara-server execution only.
 */
class PayaraServerSmokeIT {

    private static final PayaraServer SERVER = new PayaraServer();
    private static final String OPS_PASSWORD = "ops-pw-" + Long.toHexString(System.nanoTime());
    private static final Api OPS = Api.at(PayaraServer.BASE, "ops", OPS_PASSWORD);

    @RegisterExtension
    static final ServerLogOnFailure SERVER_LOG = new ServerLogOnFailure();

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        SERVER.start(Map.of("DB_HOST", "127.0.0.1", "DB_NAME", "custodian_payara_it", "DB_USER", "postgres",
                "DB_PASSWORD", "unused-with-trust-auth", "DATA_DIR", SERVER.dataRoot().toString(),
                "OPS_PASSWORD", PasswordHash.hash(OPS_PASSWORD.toCharArray())));
    }

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    @Test
    void echo_job_submitted_over_http_completes_and_its_default_timeout_is_the_value_set_with_set_config_property() {
        Api.Reply submitted = OPS.post("/api/jobs", "{\"type\":\"echo\",\"payload\":{\"hi\":1}}");

        assertThat(submitted.status()).as(submitted.text()).isEqualTo(201);
        assertThat(submitted.location()).startsWith(PayaraServer.BASE + "/api/jobs/");
        JsonObject job = submitted.object();
        assertThat(job.getInt("timeoutSeconds")).as("custodian.job.timeout=5m from the domain's config").isEqualTo(300);
        JsonObject done = awaitStatus(OPS, job.getString("id"), "COMPLETED", Duration.ofSeconds(30));
        assertThat(done.getJsonObject("result")).isEqualTo(job.getJsonObject("payload"));
        assertThat(done.getString("owner")).isEqualTo("ops");
    }

    @Test
    void user_and_data_root_come_from_the_domain_config_and_a_dry_run_cleanup_reports() {
        assertThat(Api.at(PayaraServer.BASE, "ops", "not-" + OPS_PASSWORD).get("/api/jobs").status())
                .as("a wrong password").isEqualTo(401);
        assertThat(SERVER.dataRoot().resolve(".custodian-owner")).as("custodian.data.dir").exists();
        assertThat(SERVER.dataRoot().resolve("output")).isDirectory();

        Api.Reply reply = OPS.post("/api/system/cleanup", "{\"dryRun\":true}");

        assertThat(reply.status()).as("ops has the admin role: %s", reply.text()).isEqualTo(200);
        assertThat(reply.object().getString("principal")).isEqualTo("ops");
        assertThat(reply.object().getString("status")).isEqualTo("SUCCEEDED");
    }

    @Test
    void health_and_metrics_are_served_without_credentials_on_the_http_port() throws IOException, InterruptedException {
        HttpResponse<String> ready = anonymous("/health/ready");
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(ready.body()).contains("\"database\"", "\"data-root\"");
        HttpResponse<String> metrics = anonymous("/metrics?scope=application");
        assertThat(metrics.statusCode()).as(metrics.body()).isEqualTo(200);
        assertThat(metrics.body()).containsPattern("(?m)^custodian_jobs_active(\\{[^}]*})? ");
    }

    private static HttpResponse<String> anonymous(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(PayaraServer.BASE + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Adds the end of the domain's server.log to a failure of the setup or of a test. */
    static final class ServerLogOnFailure implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

        @Override
        public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
            throw withLog(thrown);
        }

        @Override
        public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
            throw withLog(thrown);
        }

        private static Throwable withLog(Throwable thrown) {
            if (thrown.getMessage() != null && thrown.getMessage().contains(SERVER.log().toString())) {
                return thrown; // the setup's message has it already
            }
            return new AssertionError(thrown.getMessage() + "\n--- " + SERVER.log() + " (last lines) ---\n" + SERVER.logTail(), thrown);
        }
    }
}
