package dev.custodian.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DispatcherTest {

    private final FakeLifecycle lifecycle = new FakeLifecycle();
    private final List<ClaimedJob> launched = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong(1);

    private Dispatcher dispatcher(int concurrency) {
        return new Dispatcher(lifecycle, Set.of("echo"), concurrency, Duration.ofSeconds(1), launched::add, nanos::get);
    }

    @Test
    void one_claim_takes_as_many_jobs_as_there_are_free_slots_and_launches_each() throws Exception {
        for (int i = 0; i < 5; i++) {
            lifecycle.pending.add(FakeLifecycle.aJob());
        }
        Dispatcher dispatcher = dispatcher(3);

        boolean backlog = dispatcher.dispatchOnce(false);

        assertThat(launched).hasSize(3);
        assertThat(lifecycle.pending).hasSize(2);
        assertThat(backlog).as("every slot found a job: claim again at once").isTrue();
    }

    @Test
    void slots_without_a_job_are_given_back_and_a_slot_serves_again_once_its_handler_returned() throws Exception {
        lifecycle.pending.add(FakeLifecycle.aJob());
        Dispatcher dispatcher = dispatcher(2);

        assertThat(dispatcher.dispatchOnce(false)).isFalse();
        lifecycle.pending.add(FakeLifecycle.aJob());
        lifecycle.pending.add(FakeLifecycle.aJob());
        dispatcher.dispatchOnce(false);
        assertThat(launched).hasSize(2);

        dispatcher.slotFreed();
        dispatcher.dispatchOnce(false);

        assertThat(launched).hasSize(3);
    }

    @Test
    void once_handlers_run_short_a_claim_also_takes_jobs_to_wait_in_line_for_a_thread() throws Exception {
        assertThat(launchedByASecondClaimAfterHandlersRan(Duration.ofMillis(1))).as("the second claim takes 100, a claim's most")
                .isEqualTo(4 + 100);
    }

    @Test
    void long_handlers_get_no_jobs_in_line() throws Exception {
        assertThat(launchedByASecondClaimAfterHandlersRan(Duration.ofSeconds(30))).isEqualTo(4 + 4);
    }

    /** Concurrency 4, 200 jobs waiting: a first claim, its 4 handlers return after {@code ran}, a second claim. */
    private int launchedByASecondClaimAfterHandlersRan(Duration ran) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            lifecycle.pending.add(FakeLifecycle.aJob());
        }
        Dispatcher dispatcher = dispatcher(4);
        dispatcher.dispatchOnce(false);
        for (int i = 0; i < 4; i++) {
            dispatcher.handlerReturned(ran);
        }
        dispatcher.dispatchOnce(false);
        return launched.size();
    }

    @Test
    void jobs_claimed_while_the_node_stops_are_handed_back_not_launched() throws Exception {
        ClaimedJob job = FakeLifecycle.aJob();
        lifecycle.pending.add(job);
        Dispatcher dispatcher = dispatcher(1);
        dispatcher.stop();

        dispatcher.dispatchOnce(false);

        assertThat(launched).isEmpty();
        assertThat(lifecycle.released).containsExactly(job.id());
    }

    @Test
    void a_dispatcher_that_was_never_started_is_not_healthy() {
        assertThat(dispatcher(1).healthy(Duration.ofMinutes(1))).isFalse();
    }

    @Test
    void a_dispatcher_whose_thread_died_is_not_healthy() throws Exception {
        Dispatcher dispatcher = dispatcher(1);
        Thread[] thread = new Thread[1];
        dispatcher.start(loop -> {
            thread[0] = new Thread(() -> {
                throw new IllegalStateException("the dispatcher's thread died");
            });
            thread[0].setUncaughtExceptionHandler((t, e) -> { });
            return thread[0];
        });
        thread[0].join(5_000);

        assertThat(thread[0].isAlive()).isFalse();
        assertThat(dispatcher.healthy(Duration.ofMinutes(1))).isFalse();
    }

    @Test
    void a_claim_that_takes_longer_than_the_limit_makes_the_dispatcher_unhealthy() throws Exception {
        Dispatcher[] self = new Dispatcher[1];
        List<Boolean> healthyDuringClaim = new ArrayList<>();
        FakeLifecycle slow = new FakeLifecycle() {
            @Override
            public List<ClaimedJob> claim(java.util.Collection<String> types, int max) {
                healthyDuringClaim.add(self[0].healthy(Duration.ofMinutes(1)));
                nanos.addAndGet(Duration.ofMinutes(2).toNanos());
                healthyDuringClaim.add(self[0].healthy(Duration.ofMinutes(1)));
                return List.of();
            }
        };
        self[0] = new Dispatcher(slow, Set.of("echo"), 1, Duration.ofSeconds(1), launched::add, nanos::get);
        CountDownLatch end = new CountDownLatch(1);
        Thread alive = new Thread(() -> {
            try {
                end.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        alive.setDaemon(true);
        self[0].start(ignored -> alive);
        try {
            self[0].dispatchOnce(false);

            assertThat(healthyDuringClaim).containsExactly(true, false);
            assertThat(self[0].healthy(Duration.ofMinutes(1))).as("the claim ended").isTrue();
        } finally {
            end.countDown();
        }
    }
}
