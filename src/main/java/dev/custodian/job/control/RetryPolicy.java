package dev.custodian.job.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Exponential backoff between attempts: {@code initialDelay * 2^(attempt-1)}, never more than {@code maxDelay}.
 * After the first failed attempt the job waits {@code initialDelay}, after the second twice that, and so on.
 */
public record RetryPolicy(Duration initialDelay, Duration maxDelay) {

    public RetryPolicy {
        Objects.requireNonNull(initialDelay);
        Objects.requireNonNull(maxDelay);
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= initialDelay <= maxDelay");
        }
    }

    public Duration delayAfter(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts must be at least 1");
        }
        int doublings = Math.min(failedAttempts - 1, 62);
        Duration delay = initialDelay;
        for (int i = 0; i < doublings && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    public Instant nextRunAt(int failedAttempts, Instant now) {
        return now.plus(delayAfter(failedAttempts));
    }
}
