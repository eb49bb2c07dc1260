package dev.custodian.retention.control;

import dev.custodian.job.entity.JobStatus;
import dev.custodian.platform.config.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long jobs are kept, for one job type or the default. Invariant: no duration is negative; a zero
 * {@code restoreWindow} purges soft-deleted jobs in the same run.
 */
public record RetentionPolicy(Duration completedTtl, Duration failedTtl, Duration cancelledTtl, Duration pendingTtl,
                              Duration restoreWindow) {

    public RetentionPolicy {
        requireNotNegative("completed-ttl", completedTtl);
        requireNotNegative("failed-ttl", failedTtl);
        requireNotNegative("cancelled-ttl", cancelledTtl);
        requireNotNegative("pending-ttl", pendingTtl);
        requireNotNegative("restore-window", restoreWindow);
    }

    /** The TTL of a finished status; PENDING uses {@link #pendingTtl}. RUNNING has none: it is never retained. */
    public Duration ttl(JobStatus status) {
        return switch (status) {
            case COMPLETED -> completedTtl;
            case FAILED -> failedTtl;
            case CANCELLED -> cancelledTtl;
            case PENDING -> pendingTtl;
            case RUNNING -> throw new IllegalArgumentException("RUNNING jobs are never retained");
        };
    }

    /** Jobs of {@code status} that finished (or, PENDING, were submitted) before this instant are soft-deleted. */
    public Instant cutoff(JobStatus status, Instant now) {
        return now.minus(ttl(status));
    }

    /** Soft-deleted jobs deleted at or before this instant are purged. */
    public Instant purgeCutoff(Instant now) {
        return now.minus(restoreWindow);
    }

    /** This policy with the non-null values of {@code override} in place of its own. */
    public RetentionPolicy with(Override override) {
        return new RetentionPolicy(
                Objects.requireNonNullElse(override.completedTtl(), completedTtl),
                Objects.requireNonNullElse(override.failedTtl(), failedTtl),
                Objects.requireNonNullElse(override.cancelledTtl(), cancelledTtl),
                Objects.requireNonNullElse(override.pendingTtl(), pendingTtl),
                Objects.requireNonNullElse(override.restoreWindow(), restoreWindow));
    }

    /** As shown in the cleanup status: every duration in Custodian's format. */
    public jakarta.json.JsonObjectBuilder toJson() {
        return jakarta.json.Json.createObjectBuilder()
                .add("completedTtl", Durations.format(completedTtl)).add("failedTtl", Durations.format(failedTtl))
                .add("cancelledTtl", Durations.format(cancelledTtl)).add("pendingTtl", Durations.format(pendingTtl))
                .add("restoreWindow", Durations.format(restoreWindow));
    }

    private static void requireNotNegative(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }

    /** Some of the durations, the rest unset (null): a per-type or per-run override. */
    public record Override(Duration completedTtl, Duration failedTtl, Duration cancelledTtl, Duration pendingTtl,
                           Duration restoreWindow) {

        public static final Override NONE = new Override(null, null, null, null, null);

        public Override {
            for (Duration d : new Duration[] {completedTtl, failedTtl, cancelledTtl, pendingTtl, restoreWindow}) {
                if (d != null && d.isNegative()) {
                    throw new IllegalArgumentException("a retention duration must not be negative: " + d);
                }
            }
        }

        public Override then(Override later) {
            return new Override(
                    later.completedTtl != null ? later.completedTtl : completedTtl,
                    later.failedTtl != null ? later.failedTtl : failedTtl,
                    later.cancelledTtl != null ? later.cancelledTtl : cancelledTtl,
                    later.pendingTtl != null ? later.pendingTtl : pendingTtl,
                    later.restoreWindow != null ? later.restoreWindow : restoreWindow);
        }
    }
}
