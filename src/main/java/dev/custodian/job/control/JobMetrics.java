package dev.custodian.job.control;

import dev.custodian.job.entity.JobStatus;
import dev.custodian.platform.metrics.Meters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The jobs' metrics on the platform's {@link Meters}: jobs by status (a gauge, counted at most every 5 s), the
 * transitions (counters by type) and how long attempts ran (a timer by type), fed by {@link JobChanged} after commit.
 */
@ApplicationScoped
public class JobMetrics {

    private static final long STATUS_CACHE_MS = 5_000;

    @Inject
    Meters meters;

    @Inject
    JobRepository jobs;

    private volatile Map<JobStatus, Long> byStatus = Map.of();
    private volatile long byStatusAt;

    /** Registers the gauges at startup rather than at the first event. */
    void register(@Observes @Initialized(ApplicationScoped.class) Object context) {
        for (JobStatus status : JobStatus.values()) {
            meters.gauge("custodian_jobs", "Jobs by status (not soft-deleted)", () -> count(status), "status", status.name());
        }
    }

    void onJob(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobChanged change) {
        String name = switch (change.event()) {
            case SUBMITTED -> "custodian_jobs_submitted";
            case COMPLETED -> "custodian_jobs_completed";
            case FAILED -> "custodian_jobs_failed";
            case TIMED_OUT -> "custodian_jobs_timed_out";
            case RETRY_SCHEDULED -> "custodian_jobs_retried";
            case LEASE_EXPIRED, RECOVERED -> "custodian_jobs_requeued";
            default -> null;
        };
        if (name != null) {
            meters.count(name, 1, "type", change.type());
        }
        if (change.ranFor() != null) {
            meters.time("custodian_job_duration", "How long job attempts ran", change.ranFor(), "type", change.type());
        }
    }

    private long count(JobStatus status) {
        long now = System.currentTimeMillis();
        if (now - byStatusAt > STATUS_CACHE_MS) {
            byStatus = jobs.countByStatus();
            byStatusAt = now;
        }
        return byStatus.getOrDefault(status, 0L);
    }
}
