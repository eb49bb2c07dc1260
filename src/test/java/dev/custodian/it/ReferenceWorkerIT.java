package dev.custodian.it;

import static dev.custodian.it.Environment.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reference worker of {@code examples/worker/worker.py} (issue 18), run as a real {@code python3} process
 * against the shared server: it works through jobs of an external type in batches, and on SIGTERM hands back
 * the jobs it holds and exits 0.
 */
class ReferenceWorkerIT extends OnSharedServer {

    private static final String TYPE = "remote-thing";
    private final Api alice = Api.alice();
    private Process worker;
    private Path log;

    private Process startWorker(String workerId) throws IOException {
        log = Path.of("target", "it", "reference-worker-" + workerId + "-" + Environment.DATABASE + ".log");
        Files.createDirectories(log.getParent());
        worker = new ProcessBuilder("python3", "examples/worker/worker.py", "--url", Api.BASE, "--user", "robot",
                "--password", "robot-pw", "--types", TYPE, "--worker-id", workerId, "--batch", "5", "--lease", "30",
                "--idle", "0.2").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return worker;
    }

    @AfterEach
    void stopWorker() {
        if (worker != null && worker.isAlive()) {
            worker.destroyForcibly();
        }
    }

    private List<String> submit(int count, String payload) {
        String item = "{\"type\":\"" + TYPE + "\",\"payload\":" + payload + "}";
        String items = String.join(",", java.util.Collections.nCopies(count, item));
        return alice.post("/api/jobs/batch", "{\"items\":[" + items + "]}").object().getJsonArray("ids")
                .getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    @Test
    void the_reference_worker_completes_jobs_of_an_external_type_in_batches() throws Exception {
        startWorker("py-1");
        List<String> ids = submit(12, "{\"n\":7}");

        for (String id : ids) {
            JsonObject done = awaitStatus(alice, id, "COMPLETED", Duration.ofSeconds(30));
            assertThat(done.getJsonObject("result").getJsonObject("echo").getInt("n")).isEqualTo(7);
        }
        assertThat(Environment.count("SELECT COUNT(*) FROM job_event WHERE type = 'STARTED'")).isEqualTo(12);
        assertThat(Files.readString(log)).contains("claimed 5");
    }

    @Test
    void on_sigterm_the_reference_worker_hands_back_the_jobs_it_holds_and_exits_0() throws Exception {
        startWorker("py-2");
        List<String> ids = submit(5, "{\"sleepSeconds\":60}");
        long deadline = System.currentTimeMillis() + 20_000;
        while (Environment.count("SELECT COUNT(*) FROM job WHERE status = 'RUNNING' AND worker_id = 'py-2'") < 5
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(Environment.count("SELECT COUNT(*) FROM job WHERE status = 'RUNNING' AND worker_id = 'py-2'"))
                .as("the worker holds the whole batch").isEqualTo(5);

        worker.destroy(); // SIGTERM

        assertThat(worker.waitFor(15, TimeUnit.SECONDS)).as("the worker stopped").isTrue();
        assertThat(worker.exitValue()).as(Files.readString(log)).isZero();
        for (String id : ids) {
            JsonObject job = alice.get("/api/jobs/" + id).object();
            assertThat(job.getString("status")).isEqualTo("PENDING");
            assertThat(job.getString("error")).contains("py-2 stopped before finishing");
            assertThat(!job.containsKey("workerId") || job.isNull("workerId")).as("no worker holds it").isTrue();
        }
        assertThat(Files.readString(log)).contains("5 handed back");
    }
}
