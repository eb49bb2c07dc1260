package dev.custodian.cleanup.control;

import dev.custodian.cleanup.entity.CleanupRun;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether a run has a plan that can be shown and applied at {@code now}: a dry run that stored one (runs before
 * plans existed did not), that succeeded, and whose plan is younger than {@code custodian.cleanup.plan-ttl}. A plan's
 * age counts from its dry run's start, the instant its selection was made as of.
 */
public final class PlanAvailability {

    private PlanAvailability() {
    }

    public static Instant expiresAt(CleanupRun run, Duration ttl) {
        return run.startedAt().plus(ttl);
    }

    /** @throws PlanUnavailableException 409 or 410, saying why */
    public static void check(CleanupRun run, Instant now, Duration ttl) {
        if (!run.dryRun()) {
            throw conflict("Cleanup run " + run.id() + " is a real run; only a dry run has a plan to show or apply");
        }
        if (run.request() == null) {
            throw conflict("Cleanup dry run " + run.id() + " has no stored plan (it ran before plans were stored)");
        }
        if (!now.isBefore(expiresAt(run, ttl))) {
            throw new PlanUnavailableException(Response.Status.GONE, "The plan of cleanup dry run " + run.id() + " expired at "
                    + expiresAt(run, ttl) + " (custodian.cleanup.plan-ttl); start a new dry run");
        }
        switch (run.status()) {
            case RUNNING -> throw conflict("Cleanup dry run " + run.id() + " is still RUNNING; its plan is complete once it has finished");
            case SUCCEEDED -> {
            }
            default -> throw conflict("Cleanup dry run " + run.id() + " ended " + run.status()
                    + "; its plan may be incomplete and cannot be shown or applied; start a new dry run");
        }
    }

    private static PlanUnavailableException conflict(String detail) {
        return new PlanUnavailableException(Response.Status.CONFLICT, detail);
    }
}
