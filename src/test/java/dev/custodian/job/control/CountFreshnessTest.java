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
    private static final long SMALL = 5_000;
    private static final long LARGE = 1_000_000;

    @Test
    void the_first_count_is_always_waited_for() {
        assertThat(CountFreshness.of(null, 0, T, Duration.ZERO)).isEqualTo(COUNT);
        assertThat(CountFreshness.of(null, 0, T, Duration.ofSeconds(5))).isEqualTo(COUNT);
    }

    @Test
    void a_small_table_is_counted_again_once_its_count_is_older_than_the_reader_accepts() {
        assertThat(CountFreshness.of(T, SMALL, T.plusMillis(1), Duration.ZERO)).as("an admin's overview: exact").isEqualTo(COUNT);
        assertThat(CountFreshness.of(T, SMALL, T, Duration.ZERO)).isEqualTo(USE);
        assertThat(CountFreshness.of(T, SMALL, T.plusSeconds(4), Duration.ofSeconds(5))).as("metrics").isEqualTo(USE);
        assertThat(CountFreshness.of(T, SMALL, T.plusSeconds(6), Duration.ofSeconds(5))).isEqualTo(COUNT);
    }

    @Test
    void a_large_table_is_never_waited_for_again_but_counted_in_the_background_once_its_count_is_a_few_seconds_old() {
        assertThat(CountFreshness.of(T, LARGE, T.plusSeconds(1), Duration.ZERO)).isEqualTo(USE);
        assertThat(CountFreshness.of(T, LARGE, T.plus(CountFreshness.LARGE_MAX_AGE), Duration.ZERO)).isEqualTo(USE);
        assertThat(CountFreshness.of(T, LARGE, T.plusSeconds(6), Duration.ZERO)).isEqualTo(USE_AND_REFRESH);
        assertThat(CountFreshness.of(T, LARGE, T.plusSeconds(3600), Duration.ZERO)).as("even when very old").isEqualTo(USE_AND_REFRESH);
        assertThat(CountFreshness.of(T, LARGE, T.plusSeconds(20), Duration.ofSeconds(30))).as("a reader that accepts more").isEqualTo(USE);
        assertThat(CountFreshness.of(T, CountFreshness.LARGE, T.plusSeconds(6), Duration.ZERO)).as("the threshold is large").isEqualTo(USE_AND_REFRESH);
        assertThat(CountFreshness.of(T, CountFreshness.LARGE - 1, T.plusSeconds(6), Duration.ZERO)).isEqualTo(COUNT);
    }
}
