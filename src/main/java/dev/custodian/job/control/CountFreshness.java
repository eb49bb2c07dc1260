package dev.custodian.job.control;

import java.time.Duration;
import java.time.Instant;

/**
 * When the whole database's job counts are counted again ({@link JobCounts}). A count that was cheap is simply made
 * again once older than the reader accepts ({@code maxAge}: zero for an admin's overview, which then stays exact).
 * A count that took {@link #SLOW} or longer (a large table: a scan of every live job) is never waited for again:
 * readers get it for up to {@link #SLOW_MAX_AGE} (or their own {@code maxAge}, if longer), then still get it while
 * one refresh runs in the background. Only the first count is always waited for.
 */
public final class CountFreshness {

    /** A count this slow is refreshed in the background from then on. */
    public static final Duration SLOW = Duration.ofMillis(100);

    /** How old a slow count may be before a read starts its refresh. */
    public static final Duration SLOW_MAX_AGE = Duration.ofSeconds(5);

    /** What a read does. */
    public enum Action {
        /** Use the last count. */
        USE,
        /** Use the last count and start a refresh in the background (unless one is running). */
        USE_AND_REFRESH,
        /** Count now and wait for it. */
        COUNT
    }

    private CountFreshness() {
    }

    /**
     * @param countedAt when the last count was made, or {@code null} when none was
     * @param took      how long it took
     */
    public static Action of(Instant countedAt, Duration took, Instant now, Duration maxAge) {
        if (countedAt == null) {
            return Action.COUNT;
        }
        Duration age = Duration.between(countedAt, now);
        if (took.compareTo(SLOW) < 0) {
            return age.compareTo(maxAge) > 0 ? Action.COUNT : Action.USE;
        }
        Duration accepted = maxAge.compareTo(SLOW_MAX_AGE) > 0 ? maxAge : SLOW_MAX_AGE;
        return age.compareTo(accepted) > 0 ? Action.USE_AND_REFRESH : Action.USE;
    }
}
