package dev.custodian.job.control;

import java.time.Duration;
import java.time.Instant;

/**
 * When the whole database's job counts are counted again ({@link JobCounts}). Counting is a scan of every live job,
 * so its cost follows the table's size. On a small table a count is simply made again once older than the reader
 * accepts ({@code maxAge}: zero for an admin's overview, which then stays exact). Once the last count found
 * {@link #LARGE} live jobs or more (about 25 ms of counting at 100,000, 250 ms at a million), a count is never
 * waited for again: readers get the last one for up to {@link #LARGE_MAX_AGE} (or their own {@code maxAge}, if
 * longer), then still get it while one refresh runs in the background. Only the first count is always waited for.
 * The table's size decides, not a count's duration, which a cold cache or a busy machine would make erratic.
 */
public final class CountFreshness {

    /** Live jobs from which counts are refreshed in the background. */
    public static final long LARGE = 100_000;

    /** How old a large table's count may be before a read starts its refresh. */
    public static final Duration LARGE_MAX_AGE = Duration.ofSeconds(5);

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
     * @param jobs      how many live jobs it found
     */
    public static Action of(Instant countedAt, long jobs, Instant now, Duration maxAge) {
        if (countedAt == null) {
            return Action.COUNT;
        }
        Duration age = Duration.between(countedAt, now);
        if (jobs < LARGE) {
            return age.compareTo(maxAge) > 0 ? Action.COUNT : Action.USE;
        }
        Duration accepted = maxAge.compareTo(LARGE_MAX_AGE) > 0 ? maxAge : LARGE_MAX_AGE;
        return age.compareTo(accepted) > 0 ? Action.USE_AND_REFRESH : Action.USE;
    }
}
