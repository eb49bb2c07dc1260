package dev.custodian.job.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CreationTimesTest {

    private static final Instant T = Instant.parse("2026-12-08T00:00:00Z");

    @Test
    void jobs_taken_within_one_tick_of_the_clock_are_a_microsecond_apart_in_order() {
        CreationTimes times = new CreationTimes(Clock.fixed(T, ZoneOffset.UTC));

        assertThat(times.next()).isEqualTo(T);
        assertThat(times.next()).isEqualTo(T.plusNanos(1_000));
        assertThat(times.next()).isEqualTo(T.plusNanos(2_000));
    }

    @Test
    void a_clock_that_moved_on_gives_its_own_time() {
        Clock[] clock = {Clock.fixed(T, ZoneOffset.UTC)};
        CreationTimes times = new CreationTimes(new Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return clock[0].instant(); }
        });
        times.next();
        times.next();

        clock[0] = Clock.offset(clock[0], Duration.ofMillis(5));

        assertThat(times.next()).isEqualTo(T.plusMillis(5));
    }
}
