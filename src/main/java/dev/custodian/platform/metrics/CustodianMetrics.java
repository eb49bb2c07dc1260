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
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Custodian's metrics (Prometheus text at {@code /metrics}): jobs by status, job transitions, job durations,
 * active jobs, and per cleanup target the deletions and bytes freed, run durations and the last successful run.
 * Fed by the CDI events the job timeline and the cleanup runs fire after commit. The seam to the runtime is
 * {@link Meters}: the MicroProfile Metrics application registry where the server has one (Payara), else the
 * Micrometer registry where the server offers one as a CDI bean (WildFly's micrometer subsystem), else nothing, so
 * every update is skipped and the WAR still deploys.
 */
@ApplicationScoped
public class CustodianMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(CustodianMetrics.class);
    private static final long STATUS_CACHE_MS = 5_000;

    /**
     * The registry, asked for through the injection point that carries its scope (Payara's producer reads it there).
     * Typed {@code Object} so that this class loads where the MP Metrics API is absent: the JVM skips an annotation
     * whose type it cannot find, and the constant is compiled in.
     */
    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    Instance<Object> registries;

    /** The default-qualified beans: WildFly's micrometer subsystem adds its {@code MeterRegistry} among them. */
    @Inject
    Instance<Object> beans;

    @Inject
    JobRepository jobs;

    @Inject
    JobExecutor executor;

    private Meters meters = Meters.NONE;
    private final AtomicLong lastSuccessfulCleanup = new AtomicLong();
    private volatile Map<JobStatus, Long> byStatus = Map.of();
    private volatile long byStatusAt;

    /** Registers the gauges at startup rather than at the first event. */
    void startup(@Observes @jakarta.enterprise.context.Initialized(ApplicationScoped.class) Object context) {
        // observing is enough: it creates the bean, whose @PostConstruct registers the gauges
    }

    @PostConstruct
    void register() {
        meters = MicroProfileMeters.available() ? MicroProfileMeters.from(registries) : Meters.NONE;
        if (meters == Meters.NONE && MicrometerMeters.available()) {
            meters = MicrometerMeters.from(beans);
        }
        if (meters == Meters.NONE) {
            LOG.info("Neither a MicroProfile Metrics nor a Micrometer registry on this server: Custodian's metrics are not published");
            return;
        }
        LOG.info("Custodian's metrics are published through {}", meters.getClass().getSimpleName());
        for (JobStatus status : JobStatus.values()) {
            meters.gauge("custodian_jobs", "Jobs by status (not soft-deleted)", () -> count(status), "status", status.name());
        }
        meters.gauge("custodian_jobs_active", "Jobs running on this instance", executor::active);
        meters.gauge("custodian_cleanup_last_success_timestamp_seconds",
                "When the last successful real cleanup run finished (epoch seconds)", lastSuccessfulCleanup::get);
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

    private long count(JobStatus status) {
        long now = System.currentTimeMillis();
        if (now - byStatusAt > STATUS_CACHE_MS) {
            byStatus = jobs.countByStatus();
            byStatusAt = now;
        }
        return byStatus.getOrDefault(status, 0L);
    }
}
