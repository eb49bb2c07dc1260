package dev.custodian.execution;

import dev.custodian.platform.metrics.Meters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** The executor's gauge on the platform's {@link Meters}: the jobs running on this instance. */
@ApplicationScoped
public class ExecutionMetrics {

    @Inject
    Meters meters;

    @Inject
    JobExecutor executor;

    void register(@Observes @Initialized(ApplicationScoped.class) Object context) {
        meters.gauge("custodian_jobs_active", "Jobs running on this instance", executor::active);
    }
}
