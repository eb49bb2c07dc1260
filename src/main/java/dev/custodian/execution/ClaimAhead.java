package dev.custodian.execution;

import java.time.Duration;

/**
 * How many jobs the dispatcher may claim beyond its free slots, to wait in line for a handler thread, given how
 * long this node's handlers typically run. A job in line is already RUNNING (its lease renewed, its timeout
 * counting), so the line is kept short in time: the last job in it should wait about {@code maxWait} at most. Short
 * jobs get a line that brings a claim up to {@code maxClaim} (one claim's fixed cost, its statement and commit, is
 * then shared by that many jobs); jobs of {@code maxWait × concurrency} or longer, and a node that has not run a job
 * yet, get none.
 *
 * @param maxWait  how long the last job in line may expect to wait for a thread
 * @param maxClaim the most jobs that free slots and line together ask for in one claim
 */
record ClaimAhead(Duration maxWait, int maxClaim) {

    ClaimAhead {
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative: " + maxWait);
        }
        if (maxClaim < 1) {
            throw new IllegalArgumentException("maxClaim must be at least 1: " + maxClaim);
        }
    }

    /** @param typicalRunNanos the handlers' typical run time; negative when none has run yet */
    int jobs(int concurrency, long typicalRunNanos) {
        if (typicalRunNanos < 0) {
            return 0;
        }
        long fit = concurrency * maxWait.toNanos() / Math.max(1, typicalRunNanos);
        return (int) Math.max(0, Math.min(maxClaim - concurrency, fit));
    }

    /** The most jobs a node of {@code concurrency} holds at once: its slots and the longest line. */
    int mostHeld(int concurrency) {
        return Math.max(concurrency, maxClaim);
    }
}
