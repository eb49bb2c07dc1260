package dev.custodian.job.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResultLimitTest {

    @Test
    void a_result_up_to_the_column_size_fits() {
        assertThat(ResultLimit.fits(null)).isTrue();
        assertThat(ResultLimit.fits("x".repeat(ResultLimit.MAX_CHARS))).isTrue();
    }

    @Test
    void a_longer_result_is_a_413_saying_the_limit() {
        String result = "\"" + "x".repeat(1_200_000) + "\"";

        assertThat(ResultLimit.fits(result)).isFalse();
        assertThatThrownBy(() -> ResultLimit.check(result)).isInstanceOf(PayloadTooLargeException.class)
                .hasMessageContaining("at most 1000000");
    }
}
