package dev.custodian.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CompletionRecorderTest {

    private final FakeLifecycle lifecycle = new FakeLifecycle();
    private final ManualLater later = new ManualLater();
    private final List<Execution> finished = new CopyOnWriteArrayList<>();
    private final List<JobOutcome> discarded = new CopyOnWriteArrayList<>();
    private final CompletionRecorder recorder = new CompletionRecorder(lifecycle, Thread::new, 8, later, finished::add, discarded::add);
    private final JobOutcome outcome = new JobOutcome("{}", "out.json");

    @AfterEach
    void stop() {
        recorder.stop();
    }

    @Test
    void a_completion_is_recorded_and_then_the_execution_is_finished() throws Exception {
        Execution execution = new Execution(FakeLifecycle.aJob());

        recorder.record(execution, outcome);

        waitUntil(() -> finished.size() == 1);
        assertThat(lifecycle.completed).containsExactly(execution.job.id());
        assertThat(discarded).isEmpty();
    }

    @Test
    void a_refused_completion_is_recorded_again_after_250_ms_then_500_ms_while_the_job_is_still_held() {
        Execution execution = new Execution(FakeLifecycle.aJob());
        lifecycle.refusals = 1;

        recorder.recorded(execution, outcome, null, new IllegalStateException("database unreachable"));
        later.advance(Duration.ofMillis(249));
        assertThat(lifecycle.completeCalls).isZero();
        later.advance(Duration.ofMillis(1));
        assertThat(lifecycle.completeCalls).isEqualTo(1);
        assertThat(finished).isEmpty();
        later.advance(Duration.ofMillis(499));
        assertThat(lifecycle.completed).isEmpty();
        later.advance(Duration.ofMillis(1));

        assertThat(lifecycle.completed).containsExactly(execution.job.id());
        assertThat(finished).containsExactly(execution);
        assertThat(discarded).isEmpty();
    }

    @Test
    void a_job_stopped_while_its_completion_waits_is_finished_without_another_try_and_keeps_its_output() {
        Execution execution = new Execution(FakeLifecycle.aJob());

        recorder.recorded(execution, outcome, null, new IllegalStateException("database unreachable"));
        execution.interrupt();
        later.advance(Duration.ofSeconds(1));

        assertThat(lifecycle.completeCalls).isZero();
        assertThat(finished).containsExactly(execution);
        assertThat(discarded).isEmpty();
    }

    @Test
    void a_completion_for_a_job_no_longer_held_discards_its_output() {
        Execution execution = new Execution(FakeLifecycle.aJob());

        recorder.recorded(execution, outcome, false, null);

        assertThat(discarded).containsExactly(outcome);
        assertThat(finished).containsExactly(execution);
    }

    @Test
    void a_retry_refused_because_the_node_shuts_down_finishes_the_execution() {
        Execution execution = new Execution(FakeLifecycle.aJob());
        later.shutDown = true;

        recorder.recorded(execution, outcome, null, new IllegalStateException("database unreachable"));

        assertThat(finished).containsExactly(execution);
        assertThat(later.waiting()).isZero();
    }

    /** Waits for the recording thread's answer (a future's callback), not for a time. */
    @Test
    void a_recorder_is_alive_while_its_thread_runs_and_not_once_the_thread_is_gone() throws Exception {
        assertThat(recorder.isAlive()).isTrue();
        // a recording thread that ends at once stands for one that died: the executor's health reads this
        CompletionRecorder dead = new CompletionRecorder(lifecycle, loop -> new Thread(() -> { }), 8, later, finished::add,
                discarded::add);

        waitUntil(() -> !dead.isAlive());
        assertThat(recorder.isAlive()).as("the other recorder").isTrue();
    }

    private static void waitUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(done.getAsBoolean()).isTrue();
    }
}
