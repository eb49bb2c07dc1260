package dev.custodian.platform.metrics;

import dev.custodian.cleanup.control.CleanupFinished;
import dev.custodian.execution.JobExecutor;
import dev.custodian.job.control.JobChanged;
import dev.custodian.job.control.JobRepository;
import dev.custodian.job.entity.JobStatus;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Custodian's metrics (Prometheus text at {@code /metrics}): jobs by status, job transitions, job durations,
 * active jobs, and per cleanup target the deletions and bytes freed, run durations and the last successful run.
 * Fed by the CDI events the job timeline and the cleanup runs fire after commit. The seam to the runtime is the
 * MicroProfile {@link MetricRegistry}: where the server offers none, every update is skipped.
 */
@ApplicationScoped
public class CustodianMetrics {

    private static final long STATUS_CACHE_MS = 5_000;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    Instance<MetricRegistry> registries;

    @Inject
    JobRepository jobs;

    @Inject
    JobExecutor executor;

    private MetricRegistry registry;
    private final AtomicLong lastSuccessfulCleanup = new AtomicLong();
    private volatile Map<JobStatus, Long> byStatus = Map.of();
    private volatile long byStatusAt;

    /** Registers the gauges at startup rather than at the first event. */
    void startup(@Observes @jakarta.enterprise.context.Initialized(ApplicationScoped.class) Object context) {
        // observing is enough: it creates the bean, whose @PostConstruct registers the gauges
    }

    @PostConstruct
    void register() {
        if (!registries.isResolvable()) {
            return;
        }
        registry = registries.get();
        for (JobStatus status : JobStatus.values()) {
            registry.gauge(Metadata.builder().withName("custodian_jobs").withDescription("Jobs by status (not soft-deleted)").build(),
                    this, m -> m.count(status), new Tag("status", status.name()));
        }
        registry.gauge(Metadata.builder().withName("custodian_jobs_active").withDescription("Jobs running on this instance").build(),
                executor, JobExecutor::active);
        registry.gauge(Metadata.builder().withName("custodian_cleanup_last_success_timestamp_seconds")
                .withDescription("When the last successful real cleanup run finished (epoch seconds)").build(),
                lastSuccessfulCleanup, AtomicLong::get);
    }

    void onJob(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobChanged change) {
        if (registry == null) {
            return;
        }
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
            registry.counter(name, new Tag("type", change.type())).inc();
        }
        if (change.ranFor() != null) {
            registry.timer(Metadata.builder().withName("custodian_job_duration").withUnit(MetricUnits.NANOSECONDS)
                    .withDescription("How long job attempts ran").build(), new Tag("type", change.type())).update(change.ranFor());
        }
    }

    void onCleanup(@Observes CleanupFinished run) {
        if (registry == null) {
            return;
        }
        Tag dry = new Tag("dry_run", String.valueOf(run.dryRun()));
        registry.counter("custodian_cleanup_runs", dry, new Tag("outcome", run.succeeded() ? "succeeded" : "failed")).inc();
        registry.timer(Metadata.builder().withName("custodian_cleanup_run_duration").withUnit(MetricUnits.NANOSECONDS)
                .withDescription("How long cleanup runs took").build(), dry).update(java.time.Duration.ofMillis(run.durationMs()));
        if (run.dryRun()) {
            return;
        }
        run.targets().forEach((target, report) -> {
            Tag t = new Tag("target", target);
            registry.counter("custodian_cleanup_deleted", t).inc(report.deleted());
            registry.counter("custodian_cleanup_bytes_freed", t).inc(report.bytesFreed());
            registry.counter("custodian_cleanup_errors", t).inc(report.errors());
        });
        if (run.succeeded()) {
            lastSuccessfulCleanup.set(run.finishedAt().getEpochSecond());
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
