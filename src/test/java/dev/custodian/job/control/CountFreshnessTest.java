package dev.custodian.job.control;

import static dev.custodian.job.control.CountFreshness.Action.COUNT;
import static dev.custodian.job.control.CountFreshness.Action.USE;
import static dev.custodian.job.control.CountFreshness.Action.USE_AND_REFRESH;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CountFreshnessTest {

    private static final Instant T = Instant.parse("2026-12-07T12:00:00Z");
    private static final Duration CHEAP = Duration.ofMillis(8);
    private static final Duration SLOW = Duration.ofMillis(250);

    @Test
    void the_first_count_is_always_waited_for() {
        assertThat(CountFreshness.of(null, null, T, Duration.ZERO)).isEqualTo(COUNT);
        assertThat(CountFreshness.of(null, null, T, Duration.ofSeconds(5))).isEqualTo(COUNT);
    }

    @Test
    void a_cheap_count_is_made_again_once_older_than_the_reader_accepts() {
        assertThat(CountFreshness.of(T, CHEAP, T.plusMillis(1), Duration.ZERO)).as("an admin's overview: exact").isEqualTo(COUNT);
        assertThat(CountFreshness.of(T, CHEAP, T, Duration.ZERO)).isEqualTo(USE);
        assertThat(CountFreshness.of(T, CHEAP, T.plusSeconds(4), Duration.ofSeconds(5))).as("metrics").isEqualTo(USE);
        assertThat(CountFreshness.of(T, CHEAP, T.plusSeconds(6), Duration.ofSeconds(5))).isEqualTo(COUNT);
    }

    @Test
    void a_slow_count_is_never_waited_for_again_but_refreshed_in_the_background_once_a_few_seconds_old() {
        assertThat(CountFreshness.of(T, SLOW, T.plusSeconds(1), Duration.ZERO)).isEqualTo(USE);
        assertThat(CountFreshness.of(T, SLOW, T.plus(CountFreshness.SLOW_MAX_AGE), Duration.ZERO)).isEqualTo(USE);
        assertThat(CountFreshness.of(T, SLOW, T.plusSeconds(6), Duration.ZERO)).isEqualTo(USE_AND_REFRESH);
        assertThat(CountFreshness.of(T, SLOW, T.plusSeconds(3600), Duration.ZERO)).as("even when very old").isEqualTo(USE_AND_REFRESH);
        assertThat(CountFreshness.of(T, SLOW, T.plusSeconds(20), Duration.ofSeconds(30))).as("a reader that accepts more").isEqualTo(USE);
        assertThat(CountFreshness.of(T, CountFreshness.SLOW, T.plusSeconds(6), Duration.ZERO)).as("the threshold is slow").isEqualTo(USE_AND_REFRESH);
    }
}
