package dev.custodian.cleanup.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.cleanup.entity.CleanupRun;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AbandonedRunsTest {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private final MutableClock clock = new MutableClock(START);

    @Test
    void at_startup_every_run_this_node_left_running_is_abandoned_dry_or_real() {
        CleanupRun real = run("node-a", false);
        CleanupRun dry = run("node-a", true);
        AbandonedRuns rule = new AbandonedRuns("node-a", real.id(), clock.instant().plus(Duration.ofMinutes(2)), true);

        assertThat(rule.abandoned(real, clock.instant())).isTrue();
        assertThat(rule.abandoned(dry, clock.instant())).isTrue();
    }

    @Test
    void a_real_run_of_another_node_holding_a_live_lock_is_not_abandoned() {
        CleanupRun real = run("node-b", false);
        AbandonedRuns rule = new AbandonedRuns("node-a", real.id(), clock.instant().plus(Duration.ofMinutes(2)), true);

        assertThat(rule.abandoned(real, clock.instant())).isFalse();
    }

    @Test
    void a_real_run_of_another_node_whose_lock_lease_ran_out_is_abandoned() {
        CleanupRun real = run("node-b", false);
        AbandonedRuns rule = new AbandonedRuns("node-a", real.id(), clock.instant().plus(Duration.ofMinutes(2)), false);

        clock.advance(Duration.ofMinutes(2));

        assertThat(rule.abandoned(real, clock.instant())).isTrue();
    }

    @Test
    void a_real_run_that_does_not_hold_the_lock_is_abandoned() {
        CleanupRun dead = run("node-b", false);
        AbandonedRuns rule = new AbandonedRuns("node-a", UUID.randomUUID(), clock.instant().plus(Duration.ofMinutes(2)), false);

        assertThat(rule.abandoned(dead, clock.instant())).isTrue();
        assertThat(new AbandonedRuns("node-a", null, null, false).abandoned(dead, clock.instant())).isTrue();
    }

    @Test
    void a_dry_run_of_another_node_is_left_to_that_node() {
        CleanupRun dry = run("node-b", true);

        assertThat(new AbandonedRuns("node-a", null, null, true).abandoned(dry, clock.instant())).isFalse();
    }

    @Test
    void outside_startup_this_nodes_own_dry_run_is_not_abandoned() {
        CleanupRun dry = run("node-a", true);

        assertThat(new AbandonedRuns("node-a", null, null, false).abandoned(dry, clock.instant())).isFalse();
    }

    @Test
    void a_finished_run_is_never_abandoned() {
        CleanupRun done = run("node-a", false);
        done.finish(true, "{}", clock.instant());

        assertThat(new AbandonedRuns("node-a", null, null, true).abandoned(done, clock.instant())).isFalse();
    }

    @Test
    void the_lock_this_node_held_before_it_stopped_is_released_at_startup_only() {
        UUID run = UUID.randomUUID();
        Instant until = clock.instant().plus(Duration.ofMinutes(2));

        assertThat(new AbandonedRuns("node-a", run, until, true).lockLeftBehind("node-a")).isTrue();
        assertThat(new AbandonedRuns("node-a", run, until, true).lockLeftBehind("node-b")).isFalse();
        assertThat(new AbandonedRuns("node-a", run, until, false).lockLeftBehind("node-a")).isFalse();
        assertThat(new AbandonedRuns("node-a", null, null, true).lockLeftBehind(null)).isFalse();
    }

    @Test
    void an_aborted_run_has_an_end_time_and_no_target_report() {
        CleanupRun run = run("node-a", false);

        clock.advance(Duration.ofSeconds(5));
        run.abort(clock.instant());

        assertThat(run.status()).isEqualTo(CleanupRun.Status.ABORTED);
        assertThat(run.finishedAt()).isEqualTo(START.plusSeconds(5));
        assertThat(run.report()).isEqualTo("{}");
    }

    private CleanupRun run(String node, boolean dryRun) {
        return new CleanupRun(UUID.randomUUID(), "api", "ops", dryRun, node, clock.instant());
    }
}
