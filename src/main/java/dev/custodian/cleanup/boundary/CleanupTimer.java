package dev.custodian.cleanup.boundary;

import dev.custodian.cleanup.control.CleanupConfig;
import dev.custodian.cleanup.control.CleanupRecovery;
import dev.custodian.cleanup.control.CleanupService;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled cleanup: every {@code custodian.cleanup.interval} on every instance, and once shortly after startup
 * when {@code custodian.cleanup.run-at-startup}; real runs are exclusive, so instances take turns. At startup, and
 * before each scheduled run, runs left RUNNING by a node that died are marked ABORTED ({@link CleanupRecovery}).
 */
@Singleton
@Startup
@DependsOn({"ConfigValidation", "SchemaMigration"})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CleanupTimer {

    private static final Logger LOG = LoggerFactory.getLogger(CleanupTimer.class);
    private static final String SCHEDULE = "schedule";

    @Resource
    TimerService timers;

    @Inject
    CleanupConfig config;

    @Inject
    CleanupService cleanup;

    @Inject
    CleanupRecovery recovery;

    @PostConstruct
    void schedule() {
        try {
            recovery.abortAbandoned(true);
        } catch (RuntimeException e) {
            LOG.error("Could not end the cleanup runs left RUNNING by a stopped node: {}", e.toString());
        }
        long interval = config.interval().toMillis();
        timers.createIntervalTimer(interval, interval, new TimerConfig(SCHEDULE, false));
        if (config.runAtStartup()) {
            timers.createSingleActionTimer(2_000, new TimerConfig("startup", false));
        }
    }

    @Timeout
    void run(Timer timer) {
        String trigger = (String) timer.getInfo();
        try {
            recovery.abortAbandoned(false);
            cleanup.runScheduled(trigger, config.interval().compareTo(Duration.ofMinutes(10)) < 0 ? config.interval() : Duration.ofMinutes(10));
        } catch (RuntimeException e) {
            LOG.error("The {} cleanup run failed: {}", trigger, e.toString());
        }
    }

    /** When this instance's scheduled run fires next. */
    public Optional<Instant> nextRun() {
        return timers.getTimers().stream().filter(t -> SCHEDULE.equals(t.getInfo()))
                .map(t -> t.getNextTimeout().toInstant()).findFirst();
    }
}
