package dev.custodian.job.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(10), Duration.ofMinutes(1));

    @Test
    void delay_doubles_after_each_failed_attempt() {
        assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.delayAfter(3)).isEqualTo(Duration.ofSeconds(40));
    }

    @Test
    void delay_never_exceeds_the_maximum_even_after_many_attempts() {
        assertThat(policy.delayAfter(4)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.delayAfter(1000)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void next_run_is_the_delay_after_now() {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        assertThat(policy.nextRunAt(2, now)).isEqualTo(Instant.parse("2026-11-25T10:00:20Z"));
    }

    @Test
    void a_maximum_below_the_initial_delay_is_rejected() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofMinutes(2), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
