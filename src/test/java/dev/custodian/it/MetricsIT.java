package dev.custodian.it;

import static dev.custodian.it.Environment.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Prometheus metrics at /metrics move after a job and after a cleanup run. */
class MetricsIT extends OnSharedServer {

    private static String metrics() {
        Api.Reply reply = Api.anonymous().get("/metrics?scope=application");
        assertThat(reply.status()).isEqualTo(200);
        return reply.text();
    }

    /** Sum of every sample of {@code name} whose labels contain {@code label} (0 when there is none). */
    private static double value(String text, String name, String label) {
        double sum = 0;
        Matcher m = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} ([0-9.eE+-]+)$").matcher(text);
        while (m.find()) {
            if (m.group(1).contains(label)) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }

    @Test
    void job_and_cleanup_metrics_move() throws InterruptedException {
        String before = metrics();
        String id = Api.alice().post("/api/jobs", "{\"type\":\"echo\",\"payload\":{}}").object().getString("id");
        awaitStatus(Api.alice(), id, "COMPLETED", Duration.ofSeconds(15));
        assertThat(Api.admin().post("/api/system/cleanup", "{\"dryRun\":false,\"targets\":[\"jobs\"]}").status()).isEqualTo(200);
        Thread.sleep(5_100); // the jobs-by-status gauge is cached for 5 s

        String after = metrics();
        assertThat(value(after, "custodian_jobs_submitted_total", "type=\"echo\""))
                .isEqualTo(value(before, "custodian_jobs_submitted_total", "type=\"echo\"") + 1);
        assertThat(value(after, "custodian_jobs_completed_total", "type=\"echo\""))
                .isEqualTo(value(before, "custodian_jobs_completed_total", "type=\"echo\"") + 1);
        assertThat(value(after, "custodian_job_duration_seconds_count", "type=\"echo\"")).isPositive();
        assertThat(value(after, "custodian_cleanup_runs_total", "dry_run=\"false\""))
                .isEqualTo(value(before, "custodian_cleanup_runs_total", "dry_run=\"false\"") + 1);
        assertThat(value(after, "custodian_jobs", "status=\"COMPLETED\"")).isEqualTo(1);
        assertThat(after).contains("custodian_cleanup_deleted_total{", "custodian_cleanup_last_success_timestamp_seconds");
    }

    @Test
    void durations_are_in_seconds_in_every_sample() {
        String id = Api.alice().post("/api/jobs", "{\"type\":\"echo\",\"payload\":{}}").object().getString("id");
        awaitStatus(Api.alice(), id, "COMPLETED", Duration.ofSeconds(15));
        assertThat(Api.admin().post("/api/system/cleanup", "{\"dryRun\":true,\"targets\":[\"events\"]}").status()).isEqualTo(200);

        String text = metrics();
        for (String timer : new String[] {"custodian_job_duration_seconds", "custodian_cleanup_run_duration_seconds"}) {
            Matcher samples = Pattern.compile("(?m)^" + timer + "(_bucket|_sum|_max)?\\{[^}]*\\} ([0-9.eE+-]+)$").matcher(text);
            int seen = 0;
            while (samples.find()) {
                seen++;
                if (!"_bucket".equals(samples.group(1))) {
                    assertThat(Double.parseDouble(samples.group(2))).as(samples.group()).isLessThan(3600);
                }
            }
            assertThat(seen).as(timer).isPositive();
            assertThat(Pattern.compile("(?m)^" + timer + "\\{[^}]*quantile=").matcher(text).find())
                    .as("no quantile of " + timer + " (they came out in nanoseconds)").isFalse();
        }
        assertThat(text).contains("custodian_job_duration_seconds_bucket{");
    }
}
