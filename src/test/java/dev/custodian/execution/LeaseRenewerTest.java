package dev.custodian.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LeaseRenewerTest {

    private final Map<UUID, Execution> running = new ConcurrentHashMap<>();
    private final AtomicInteger heartbeats = new AtomicInteger();

    @Test
    void leases_are_renewed_every_third_of_a_lease_but_not_more_often_than_every_second() {
        assertThat(LeaseRenewer.interval(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(10));
        assertThat(LeaseRenewer.interval(Duration.ofMillis(1500))).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void a_job_whose_lease_another_node_took_is_stopped_and_the_others_go_on() {
        Execution kept = running(FakeLifecycle.aJob());
        Execution lost = running(FakeLifecycle.aJob());

        new LeaseRenewer(heartbeats::incrementAndGet, ids -> List.of(lost.job.id()), running).run();

        assertThat(heartbeats).hasValue(1);
        assertThat(lost.stopped).isTrue();
        assertThat(kept.stopped).isFalse();
    }

    @Test
    void a_failed_renewal_is_not_thrown_so_that_the_next_one_runs() {
        Execution job = running(FakeLifecycle.aJob());
        LeaseRenewer renewer = new LeaseRenewer(heartbeats::incrementAndGet, ids -> {
            throw new IllegalStateException("database unreachable");
        }, running);

        renewer.run();
        renewer.run();

        assertThat(heartbeats).hasValue(2);
        assertThat(job.stopped).isFalse();
    }

    private Execution running(ClaimedJob job) {
        Execution execution = new Execution(job);
        running.put(job.id(), execution);
        return execution;
    }
}
