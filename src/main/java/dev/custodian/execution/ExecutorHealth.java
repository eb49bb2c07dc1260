package dev.custodian.execution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the in-process executor works: its dispatcher thread alive and not stuck in one claim for more
 * than a minute, its completion recorder alive. A node whose executor died would take jobs (submissions) it never
 * runs.
 */
@Readiness
@ApplicationScoped
public class ExecutorHealth implements HealthCheck {

    static final Duration STUCK_AFTER = Duration.ofMinutes(1);

    @Inject
    JobExecutor executor;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("executor")
                .status(executor.healthy(STUCK_AFTER))
                .withData("running", executor.active())
                .build();
    }
}
