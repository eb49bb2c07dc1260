package dev.custodian.cleanup.control;

import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.custodian.platform.time.Micros;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired plans at the end of every cleanup run (scheduled runs come every {@code custodian.cleanup.interval}),
 * so that plan storage stays bounded by the dry runs of the last {@code custodian.cleanup.plan-ttl} and an interval.
 * A failure here is logged and never fails the run.
 */
@ApplicationScoped
public class PlanExpiry {

    private static final Logger LOG = LoggerFactory.getLogger(PlanExpiry.class);

    @Inject
    CleanupPlans plans;

    @Inject
    CleanupConfig config;

    @Inject
    @Micros
    Clock clock;

    void afterRun(@Observes CleanupFinished finished) {
        try {
            int deleted = plans.deleteExpired(clock.instant().minus(config.planTtl()));
            if (deleted > 0) {
                LOG.info("Deleted the expired plans of {} cleanup dry runs {}", deleted, kv("plans_deleted", deleted));
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not delete expired cleanup plans: {}", e.toString(), e);
        }
    }
}
