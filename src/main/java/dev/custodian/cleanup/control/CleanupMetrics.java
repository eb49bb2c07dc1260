package dev.custodian.cleanup.control;

import dev.custodian.platform.metrics.Meters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cleanup runs' metrics on the platform's {@link Meters}: runs by outcome, their durations, per target the
 * deletions, bytes freed and errors of real runs, and when the last successful real run finished.
 */
@ApplicationScoped
public class CleanupMetrics {

    @Inject
    Meters meters;

    private final AtomicLong lastSuccessfulCleanup = new AtomicLong();

    void register(@Observes @Initialized(ApplicationScoped.class) Object context) {
        meters.gauge("custodian_cleanup_last_success_timestamp_seconds",
                "When the last successful real cleanup run finished (epoch seconds)", lastSuccessfulCleanup::get);
    }

    void onCleanup(@Observes CleanupFinished run) {
        String dry = String.valueOf(run.dryRun());
        meters.count("custodian_cleanup_runs", 1, "dry_run", dry, "outcome", run.succeeded() ? "succeeded" : "failed");
        meters.time("custodian_cleanup_run_duration", "How long cleanup runs took", Duration.ofMillis(run.durationMs()), "dry_run", dry);
        if (run.dryRun()) {
            return;
        }
        run.targets().forEach((target, report) -> {
            meters.count("custodian_cleanup_deleted", report.deleted(), "target", target);
            meters.count("custodian_cleanup_bytes_freed", report.bytesFreed(), "target", target);
            meters.count("custodian_cleanup_errors", report.errors(), "target", target);
        });
        if (run.succeeded()) {
            lastSuccessfulCleanup.set(run.finishedAt().getEpochSecond());
        }
    }
}
