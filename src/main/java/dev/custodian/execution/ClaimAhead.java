package dev.custodian.execution;

import java.time.Duration;

/**
 * How many jobs the dispatcher may claim beyond its free slots, to wait in line for a handler thread, given how
 * long this node's handlers typically run. A job in line is already RUNNING (its lease renewed, its timeout
 * counting), so the line is kept short in time: the last job in it should wait about {@code maxWait} at most. Short
 * jobs get up to one claim's worth of {@code concurrency} more per transaction; jobs of {@code maxWait ×
 * concurrency} or longer, and a node that has not run a job yet, get none.
 *
 * @param maxWait how long the last job in line may expect to wait for a thread
 */
record ClaimAhead(Duration maxWait) {

    ClaimAhead {
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative: " + maxWait);
        }
    }

    /** @param typicalRunNanos the handlers' typical run time; negative when none has run yet */
    int jobs(int concurrency, long typicalRunNanos) {
        if (typicalRunNanos < 0) {
            return 0;
        }
        long fit = concurrency * maxWait.toNanos() / Math.max(1, typicalRunNanos);
        return (int) Math.min(concurrency, fit);
    }
}
