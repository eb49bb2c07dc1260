package dev.custodian.cleanup.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.custodian.cleanup.entity.CleanupRun;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PlanAvailabilityTest {

    private static final Instant STARTED = Instant.parse("2026-12-07T10:00:00Z");
    private static final Duration TTL = Duration.ofHours(1);

    private static CleanupRun dryRun() {
        return new CleanupRun(UUID.randomUUID(), "api", "ops", true, "n1", STARTED).storingPlan("{}");
    }

    private static CleanupRun finished(CleanupRun run, boolean succeeded) {
        run.finish(succeeded, "{}", STARTED.plusSeconds(5));
        return run;
    }

    private static int status(CleanupRun run, Clock clock) {
        try {
            PlanAvailability.check(run, clock.instant(), TTL);
            return 200;
        } catch (PlanUnavailableException e) {
            return e.status().getStatusCode();
        }
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    @Test
    void a_plan_can_be_used_until_its_ttl_after_the_dry_runs_start_and_is_gone_from_then_on() {
        CleanupRun run = finished(dryRun(), true);

        assertThatNoException().isThrownBy(() -> PlanAvailability.check(run, STARTED.plus(TTL).minusNanos(1000), TTL));
        assertThat(status(run, at(STARTED.plus(TTL)))).isEqualTo(410);
        assertThat(status(run, at(STARTED.plus(Duration.ofDays(2))))).isEqualTo(410);
        assertThat(PlanAvailability.expiresAt(run, TTL)).isEqualTo(STARTED.plus(TTL));
    }

    @Test
    void real_runs_running_failed_and_planless_dry_runs_have_no_plan_to_use() {
        Clock now = at(STARTED.plusSeconds(60));
        CleanupRun real = finished(new CleanupRun(UUID.randomUUID(), "api", "ops", false, "n1", STARTED), true);
        CleanupRun planless = finished(new CleanupRun(UUID.randomUUID(), "api", "ops", true, "n1", STARTED), true);

        assertThat(status(real, now)).isEqualTo(409);
        assertThat(status(planless, now)).isEqualTo(409);
        assertThat(status(dryRun(), now)).isEqualTo(409);
        assertThat(status(finished(dryRun(), false), now)).isEqualTo(409);
        assertThatThrownBy(() -> PlanAvailability.check(dryRun(), now.instant(), TTL)).hasMessageContaining("still RUNNING");
    }
}
