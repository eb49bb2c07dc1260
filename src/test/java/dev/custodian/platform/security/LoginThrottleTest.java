package dev.custodian.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private final LoginThrottle throttle = new LoginThrottle(5, 20, Duration.ofMinutes(5), 1000);

    private Instant failTimes(String user, String address, int times, Instant from) {
        Instant now = from;
        for (int i = 0; i < times; i++) {
            throttle.failed(user, address, now);
            now = now.plusMillis(10);
        }
        return now;
    }

    @Test
    void four_failures_in_a_row_do_not_delay_the_next_try() {
        Instant now = failTimes("alice", "10.0.0.9", 4, T0);

        assertThat(throttle.retryAfter("alice", "10.0.0.9", now)).isEmpty();
    }

    @Test
    void the_fifth_failure_delays_the_pair_one_second_and_each_further_failure_doubles_it() {
        Instant now = failTimes("alice", "10.0.0.9", 5, T0);
        Instant fifth = now.minusMillis(10);

        assertThat(throttle.retryAfter("alice", "10.0.0.9", fifth)).contains(Duration.ofSeconds(1));
        assertThat(throttle.retryAfter("alice", "10.0.0.9", fifth.plusSeconds(1))).isEmpty();

        throttle.failed("alice", "10.0.0.9", fifth.plusSeconds(1));
        assertThat(throttle.retryAfter("alice", "10.0.0.9", fifth.plusSeconds(1))).contains(Duration.ofSeconds(2));
        throttle.failed("alice", "10.0.0.9", fifth.plusSeconds(3));
        assertThat(throttle.retryAfter("alice", "10.0.0.9", fifth.plusSeconds(3))).contains(Duration.ofSeconds(4));
    }

    @Test
    void the_delay_grows_to_the_cap_and_no_further() {
        Instant now = T0;
        for (int i = 0; i < 40; i++) {
            throttle.failed("alice", "10.0.0.9", now);
            now = now.plusSeconds(1);
        }

        assertThat(throttle.retryAfter("alice", "10.0.0.9", now.minusSeconds(1))).contains(Duration.ofMinutes(5));
    }

    @Test
    void the_real_user_from_another_address_is_not_locked_out() {
        Instant now = failTimes("alice", "10.0.0.9", 12, T0);

        assertThat(throttle.retryAfter("alice", "10.0.0.9", now)).isPresent();
        assertThat(throttle.retryAfter("alice", "192.168.1.7", now)).isEmpty();
    }

    @Test
    void another_user_from_the_same_address_waits_only_once_the_address_limit_is_reached() {
        Instant now = failTimes("alice", "10.0.0.9", 12, T0);
        assertThat(throttle.retryAfter("bob", "10.0.0.9", now)).isEmpty();

        for (int i = 0; i < 8; i++) {
            throttle.failed("user" + i, "10.0.0.9", now);
        }

        assertThat(throttle.retryAfter("bob", "10.0.0.9", now)).contains(Duration.ofSeconds(1));
        assertThat(throttle.retryAfter("bob", "192.168.1.7", now)).isEmpty();
    }

    @Test
    void a_success_clears_the_pair() {
        Instant now = failTimes("alice", "10.0.0.9", 4, T0);
        throttle.succeeded("alice", "10.0.0.9");
        now = failTimes("alice", "10.0.0.9", 4, now);

        assertThat(throttle.retryAfter("alice", "10.0.0.9", now)).isEmpty();
    }

    @Test
    void failures_older_than_the_window_are_forgotten() {
        Instant now = failTimes("alice", "10.0.0.9", 4, T0);
        now = now.plus(LoginThrottle.WINDOW);
        throttle.failed("alice", "10.0.0.9", now);

        assertThat(throttle.retryAfter("alice", "10.0.0.9", now)).isEmpty();
    }

    @Test
    void memory_stays_bounded_whatever_the_number_of_names_and_addresses() {
        LoginThrottle small = new LoginThrottle(5, 20, Duration.ofMinutes(5), 100);
        for (int i = 0; i < 10_000; i++) {
            small.failed("user" + i, "10.0." + (i / 250) + "." + (i % 250), T0);
        }

        assertThat(small.size()).isEqualTo(100);
    }
}
