package dev.custodian.job.control;

import dev.custodian.job.entity.JobStatus;
import dev.custodian.platform.metrics.Meters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The jobs' metrics on the platform's {@link Meters}: jobs by status and type and the age of the oldest PENDING job
 * (gauges over the whole database, from {@link JobCounts}: counted at most every 5 s), the transitions (counters by
 * type) and how long attempts ran (a histogram by type), fed by {@link JobChanged} after commit.
 */
@ApplicationScoped
public class JobMetrics {

    private static final Duration SNAPSHOT_MAX_AGE = Duration.ofSeconds(5);
    private static final Counter SUBMITTED = new Counter("custodian_jobs_submitted", "Jobs submitted, by type");
    private static final Counter COMPLETED = new Counter("custodian_jobs_completed", "Jobs completed, by type");
    private static final Counter FAILED = new Counter("custodian_jobs_failed",
            "Jobs failed for good (no attempt left or not retryable), by type");
    private static final Counter TIMED_OUT = new Counter("custodian_jobs_timed_out", "Attempts that ran past their job's timeout, by type");
    private static final Counter RETRIED = new Counter("custodian_jobs_retried", "Failed attempts scheduled for another attempt, by type");
    private static final Counter LEASE_EXPIRED = new Counter("custodian_jobs_lease_expired",
            "RUNNING jobs whose lease expired (their node or worker stopped its heartbeats), by type");
    private static final Counter REQUEUED = new Counter("custodian_jobs_requeued",
            "Jobs handed back to the queue after an expired lease or a restart, by type");
    private static final List<Counter> COUNTERS = List.of(SUBMITTED, COMPLETED, FAILED, TIMED_OUT, RETRIED, LEASE_EXPIRED, REQUEUED);

    @Inject
    Meters meters;

    @Inject
    JobCounts counts;

    @Inject
    JobTypes types;

    @Inject
    Clock clock;

    private record Counter(String name, String description) {
    }

    /**
     * Registers the gauges, and the counters at 0, at startup rather than at the first event, for every known type
     * (in every status): a series that exists from the start lets {@code increase()} see its first event.
     */
    void register(@Observes @Initialized(ApplicationScoped.class) Object context) {
        for (String type : types.all()) {
            COUNTERS.forEach(counter -> meters.count(counter.name(), counter.description(), 0, "type", type));
            for (JobStatus status : JobStatus.values()) {
                meters.gauge("custodian_jobs", "Jobs by status and type (not soft-deleted), in the whole database",
                        () -> counts().byStatusAndType().getOrDefault(JobCounts.key(status, type), 0L), "status", status.name(), "type", type);
            }
        }
        meters.gauge("custodian_queue_oldest_pending_age_seconds",
                "How long the oldest PENDING job (not soft-deleted) has existed; 0 when none is waiting", this::oldestPendingAge);
    }

    void onCommitted(@Observes JobChanges changes) {
        changes.all().forEach(this::onJob);
    }

    private void onJob(JobChanged change) {
        switch (change.event()) {
            case SUBMITTED -> count(SUBMITTED, change);
            case COMPLETED -> count(COMPLETED, change);
            case FAILED -> count(FAILED, change);
            case TIMED_OUT -> count(TIMED_OUT, change);
            case RETRY_SCHEDULED -> count(RETRIED, change);
            case LEASE_EXPIRED -> {
                count(LEASE_EXPIRED, change);
                count(REQUEUED, change);
            }
            case RECOVERED -> count(REQUEUED, change);
            default -> {
            }
        }
        if (change.ranFor() != null) {
            meters.time("custodian_job_duration", "How long job attempts ran", change.ranFor(), "type", change.type());
        }
    }

    private void count(Counter counter, JobChanged change) {
        meters.count(counter.name(), counter.description(), 1, "type", change.type());
    }

    private long oldestPendingAge() {
        return counts().oldestPending().map(since -> Math.max(0, Duration.between(since, clock.instant()).toSeconds())).orElse(0L);
    }

    private JobCounts.Counted counts() {
        return counts.current(SNAPSHOT_MAX_AGE);
    }

    /** One claim transaction took {@code took}; {@code claimer} is {@code executor} (in-process) or {@code worker}. */
    public void claimed(Duration took, String claimer) {
        meters.time("custodian_job_claim_duration", "How long one claim of PENDING jobs took (one transaction)", took,
                "claimer", claimer);
    }
}
