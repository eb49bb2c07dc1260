package dev.custodian.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClaimAheadTest {

    private final ClaimAhead ahead = new ClaimAhead(Duration.ofMillis(50), 100);

    @Test
    void a_node_that_has_not_run_a_job_claims_no_more_than_its_free_slots() {
        assertThat(ahead.jobs(8, -1)).isZero();
    }

    @Test
    void short_jobs_get_a_line_that_fills_a_claim_up_to_its_maximum() {
        assertThat(ahead.jobs(8, Duration.ofMillis(1).toNanos())).isEqualTo(92);
        assertThat(ahead.jobs(8, 0)).isEqualTo(92);
        assertThat(ahead.mostHeld(8)).isEqualTo(100);
    }

    @Test
    void a_node_whose_slots_alone_fill_a_claim_gets_no_line() {
        assertThat(ahead.jobs(100, 0)).isZero();
        assertThat(ahead.jobs(150, 0)).isZero();
        assertThat(ahead.mostHeld(150)).isEqualTo(150);
    }

    @Test
    void the_line_shrinks_as_jobs_run_longer_so_that_the_last_one_waits_about_the_maximum() {
        assertThat(ahead.jobs(8, Duration.ofMillis(5).toNanos())).isEqualTo(80);
        assertThat(ahead.jobs(8, Duration.ofMillis(100).toNanos())).isEqualTo(4);
        assertThat(ahead.jobs(8, Duration.ofMillis(200).toNanos())).isEqualTo(2);
    }

    @Test
    void jobs_as_long_as_the_maximum_wait_times_the_concurrency_get_no_line() {
        assertThat(ahead.jobs(8, Duration.ofMillis(401).toNanos())).isZero();
        assertThat(ahead.jobs(8, Duration.ofMinutes(5).toNanos())).isZero();
    }

    @Test
    void a_negative_wait_or_an_empty_claim_is_refused() {
        assertThatThrownBy(() -> new ClaimAhead(Duration.ofMillis(-1), 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClaimAhead(Duration.ofMillis(50), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
