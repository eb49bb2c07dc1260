package dev.custodian.worker.boundary;

import dev.custodian.job.control.JobConfig;
import dev.custodian.worker.control.StuckJobDetector;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the stuck-job detector every {@code custodian.stuck.check-interval} on every instance (non-persistent
 * timer); the detector is safe to run everywhere at once. No transaction here: each decision takes its own.
 */
@Singleton
@Startup
@DependsOn({"ConfigValidation", "SchemaMigration"})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StuckJobTimer {

    private static final Logger LOG = LoggerFactory.getLogger(StuckJobTimer.class);

    @Resource
    TimerService timers;

    @Inject
    JobConfig config;

    @Inject
    StuckJobDetector detector;

    @PostConstruct
    void schedule() {
        long interval = config.stuckCheckInterval().toMillis();
        timers.createIntervalTimer(interval, interval, new TimerConfig("stuck-job-detector", false));
    }

    @Timeout
    void check() {
        try {
            detector.sweep();
        } catch (RuntimeException e) {
            LOG.warn("Stuck-job check failed; the next one runs on schedule: {}", e.toString());
        }
    }
}
