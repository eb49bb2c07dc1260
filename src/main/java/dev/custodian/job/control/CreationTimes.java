package dev.custodian.job.control;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Creation times for the jobs of one submission: the clock's, each at least a microsecond after the one before, so
 * that the jobs run and list in the order submitted (claims and lists order by time; ids are random). The clock
 * counts in microseconds, and a batch takes several jobs within one.
 */
final class CreationTimes {

    private final Clock clock;
    private Instant previous = Instant.MIN;

    CreationTimes(Clock clock) {
        this.clock = clock;
    }

    Instant next() {
        Instant now = clock.instant();
        previous = now.isAfter(previous) ? now : previous.plus(1, ChronoUnit.MICROS);
        return previous;
    }
}
