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
 * deletions, bytes freed and errors of real runs, when the last successful real run finished and the interval (so
 * that an alert can say "no success in two intervals").
 */
@ApplicationScoped
public class CleanupMetrics {

    @Inject
    Meters meters;

    @Inject
    CleanupConfig config;

    private final AtomicLong lastSuccessfulCleanup = new AtomicLong();

    void register(@Observes @Initialized(ApplicationScoped.class) Object context) {
        meters.gauge("custodian_cleanup_last_success_timestamp_seconds",
                "When the last successful real cleanup run on this instance finished (epoch seconds; 0 before the first)",
                lastSuccessfulCleanup::get);
        meters.gauge("custodian_cleanup_interval_seconds", "How often cleanup runs are scheduled (custodian.cleanup.interval)",
                () -> config.interval().toSeconds());
    }

    void onCleanup(@Observes CleanupFinished run) {
        String dry = String.valueOf(run.dryRun());
        meters.count("custodian_cleanup_runs", "Cleanup runs finished, dry or real, by outcome", 1, "dry_run", dry, "outcome", run.succeeded() ? "succeeded" : "failed");
        meters.time("custodian_cleanup_run_duration", "How long cleanup runs took", Duration.ofMillis(run.durationMs()), "dry_run", dry);
        if (run.dryRun()) {
            return;
        }
        run.targets().forEach((target, report) -> {
            meters.count("custodian_cleanup_deleted", "Jobs, events, files or backups deleted by real cleanup runs, per target",
                    report.deleted(), "target", target);
            meters.count("custodian_cleanup_bytes_freed", "Bytes freed on disk by real cleanup runs, per target",
                    report.bytesFreed(), "target", target);
            meters.count("custodian_cleanup_errors", "Candidates real cleanup runs could not delete, per target",
                    report.errors(), "target", target);
        });
        if (run.succeeded()) {
            lastSuccessfulCleanup.set(run.finishedAt().getEpochSecond());
        }
    }
}
