package dev.custodian.it;

import static dev.custodian.it.Environment.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Prometheus metrics at /metrics move after a job and after a cleanup run, every custodian_* family passes
 * {@code promtool check metrics}, and the alerting rules and the Grafana board of server-config/monitoring name only
 * families the server serves.
 */
class MetricsIT extends OnSharedServer {

    private static final Path MONITORING = Path.of(System.getProperty("monitoring.dir", "server-config/monitoring"));
    private static final Pattern FAMILY = Pattern.compile("custodian_[a-z_]+");

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

    @Test
    void every_custodian_family_passes_promtool_check_metrics() throws Exception {
        String id = Api.alice().post("/api/jobs", "{\"type\":\"echo\",\"payload\":{}}").object().getString("id");
        awaitStatus(Api.alice(), id, "COMPLETED", Duration.ofSeconds(15));
        assertThat(Api.admin().post("/api/system/cleanup", "{\"dryRun\":false}").status()).isEqualTo(200);
        String ours = metrics().lines().filter(line -> line.startsWith("custodian_") || line.startsWith("# HELP custodian_")
                || line.startsWith("# TYPE custodian_")).collect(Collectors.joining("\n", "", "\n"));

        Process promtool;
        try {
            promtool = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("promtool is not on the PATH: apt-get install -y prometheus (.ci/run does)", e);
        }
        try (OutputStream in = promtool.getOutputStream()) {
            in.write(ours.getBytes(StandardCharsets.UTF_8));
        }
        String said = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).isTrue();

        // Payara's exporter adds a <histogram>_mean gauge to every timer, always without HELP (OpenMetricsExporter
        // writes none for it): that one finding, only for our histogram families, is Payara's and not ours
        List<String> findings = said.lines().filter(line -> !line.isBlank())
                .filter(line -> !(line.endsWith("_mean no help text")
                        && ours.contains("# TYPE " + line.substring(0, line.length() - "_mean no help text".length()) + " histogram")))
                .toList();
        assertThat(findings).as("promtool check metrics on the custodian_* families:%n%s", ours).isEmpty();
        assertThat(FAMILY.matcher(ours).results().map(MatchResult::group).collect(Collectors.toSet())).contains(
                "custodian_jobs", "custodian_queue_oldest_pending_age_seconds", "custodian_jobs_lease_expired_total",
                "custodian_jobs_timed_out_total", "custodian_jobs_retried_total", "custodian_job_claim_duration_seconds_bucket",
                "custodian_cleanup_bytes_freed_total", "custodian_cleanup_deleted_total",
                "custodian_cleanup_last_success_timestamp_seconds", "custodian_data_root_free_bytes");
    }

    @Test
    void the_alerts_and_the_board_name_only_served_families() throws IOException {
        String id = Api.alice().post("/api/jobs", "{\"type\":\"echo\",\"payload\":{}}").object().getString("id");
        awaitStatus(Api.alice(), id, "COMPLETED", Duration.ofSeconds(15));
        assertThat(Api.admin().post("/api/system/cleanup", "{\"dryRun\":false}").status()).isEqualTo(200);
        Set<String> served = FAMILY.matcher(metrics()).results().map(MatchResult::group).collect(Collectors.toSet());

        for (String file : List.of("custodian-alerts.yml", "custodian-dashboard.json")) {
            Set<String> named = FAMILY.matcher(Files.readString(MONITORING.resolve(file))).results().map(MatchResult::group)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(served).as("families %s names", file).containsAll(named);
        }
    }
}
