package dev.custodian.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClaimAheadTest {

    private final ClaimAhead ahead = new ClaimAhead(Duration.ofMillis(50));

    @Test
    void a_node_that_has_not_run_a_job_claims_no_more_than_its_free_slots() {
        assertThat(ahead.jobs(8, -1)).isZero();
    }

    @Test
    void short_jobs_get_at_most_one_more_claim_of_concurrency() {
        assertThat(ahead.jobs(8, Duration.ofMillis(1).toNanos())).isEqualTo(8);
        assertThat(ahead.jobs(8, 0)).isEqualTo(8);
    }

    @Test
    void the_line_shrinks_as_jobs_run_longer_so_that_the_last_one_waits_about_the_maximum() {
        assertThat(ahead.jobs(8, Duration.ofMillis(100).toNanos())).isEqualTo(4);
        assertThat(ahead.jobs(8, Duration.ofMillis(200).toNanos())).isEqualTo(2);
    }

    @Test
    void jobs_as_long_as_the_maximum_wait_times_the_concurrency_get_no_line() {
        assertThat(ahead.jobs(8, Duration.ofMillis(401).toNanos())).isZero();
        assertThat(ahead.jobs(8, Duration.ofMinutes(5).toNanos())).isZero();
    }

    @Test
    void a_negative_wait_is_refused() {
        assertThatThrownBy(() -> new ClaimAhead(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
