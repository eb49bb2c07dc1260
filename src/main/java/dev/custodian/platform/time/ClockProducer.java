package dev.custodian.platform.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/** The one place that decides what "now" is; logic takes {@code clock.instant()}, never {@code Instant.now()}. */
@ApplicationScoped
public class ClockProducer {

    @Produces
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The same time cut to whole microseconds (see {@link Micros}). */
    @Produces
    @Micros
    Clock micros() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
