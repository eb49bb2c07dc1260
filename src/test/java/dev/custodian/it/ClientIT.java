package dev.custodian.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.client.ApiClient;
import dev.custodian.client.ApiException;
import dev.custodian.client.api.JobsApi;
import dev.custodian.client.api.SystemApi;
import dev.custodian.client.model.CleanupRequest;
import dev.custodian.client.model.CleanupRequestJobs;
import dev.custodian.client.model.CleanupRun;
import dev.custodian.client.model.JobPageView;
import dev.custodian.client.model.JobStatus;
import dev.custodian.client.model.JobView;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The Java client generated at build time from docs/openapi.yaml (dev.custodian.client, openapi-generator's native
 * library) against the running server: if the contract and the server disagree, this breaks.
 */
class ClientIT extends OnSharedServer {

    private static ApiClient client(String user, String password) {
        String authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        ApiClient client = new ApiClient();
        client.updateBaseUri(Api.BASE);
        client.setRequestInterceptor(request -> request.header("Authorization", authorization));
        return client;
    }

    @Test
    void a_generated_client_submits_lists_downloads_and_cleans_up() throws Exception {
        JobsApi jobs = new JobsApi(client("alice", "alice-pw"));
        Path input = Files.createTempFile("client-it", ".txt");
        Files.writeString(input, "hello from the generated client\n".repeat(100));

        JobView submitted = jobs.submitJob(input.toFile(), "gzip", null, 60, 1);
        assertThat(submitted.getStatus()).isEqualTo(JobStatus.PENDING);
        JobView done = awaitFinished(jobs, submitted.getId().toString());
        assertThat(done.getStatus()).isEqualTo(JobStatus.COMPLETED);

        JobPageView page = jobs.listJobs(null, "gzip", null, null, null, null, null, "true", "10", null);
        assertThat(page.getItems()).extracting(JobView::getId).containsExactly(submitted.getId());
        assertThat(page.getTotal()).isEqualByComparingTo("1");

        File output = jobs.downloadJobOutput(submitted.getId().toString());
        assertThat(gunzip(output.toPath())).isEqualTo(Files.readString(input));

        jobs.deleteJob(submitted.getId().toString());
        CleanupRun run = new SystemApi(client("ops", "ops-pw")).startCleanup(new CleanupRequest().dryRun(false)
                .targets(List.of(CleanupRequest.TargetsEnum.JOBS)).jobs(new CleanupRequestJobs().restoreWindow("0s")), null);
        assertThat(run.getStatus()).isEqualTo(CleanupRun.StatusEnum.SUCCEEDED);
        assertThat(run.getDryRun()).isFalse();
        JobsApi asAdmin = new JobsApi(client("ops", "ops-pw"));
        assertThatThrownBy(() -> asAdmin.getJob(submitted.getId().toString(), true))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));
        Files.delete(input);
        Files.delete(output.toPath());
    }

    private static JobView awaitFinished(JobsApi jobs, String id) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        JobView job = jobs.getJob(id, null);
        while (job.getStatus() == JobStatus.PENDING || job.getStatus() == JobStatus.RUNNING) {
            assertThat(Instant.now()).as("job %s finished in time", id).isBefore(deadline);
            Thread.sleep(100);
            job = jobs.getJob(id, null);
        }
        return job;
    }

    private static String gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
