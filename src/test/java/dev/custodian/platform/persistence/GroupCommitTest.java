package dev.custodian.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    /** What the recorder was asked to record: one list per call, a single item per one-by-one call. */
    private final List<List<Integer>> calls = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch firstStarted = new CountDownLatch(1);
    private GroupCommit<Integer, String> commit;

    @AfterEach
    void stop() {
        release.countDown();
        if (commit != null) {
            commit.stop();
        }
    }

    @Test
    void an_item_alone_is_recorded_at_once_by_itself() {
        commit = new GroupCommit<>("test", Thread::new, 10, 5, this::all, this::one);

        assertThat(commit.record(7)).isEqualTo("one:7");
        assertThat(calls).containsExactly(List.of(7));
    }

    @Test
    void an_interrupt_from_elsewhere_does_not_end_the_recording_thread() throws Exception {
        List<Thread> threads = new ArrayList<>();
        commit = new GroupCommit<>("test", runnable -> {
            Thread thread = new Thread(runnable);
            threads.add(thread);
            return thread;
        }, 10, 5, this::all, this::one);
        assertThat(commit.record(1)).isEqualTo("one:1");

        threads.get(0).interrupt();

        CompletableFuture<String> later = commit.submit(2);
        assertThat(later.get(5, TimeUnit.SECONDS)).isEqualTo("one:2");
        assertThat(threads.get(0).isAlive()).isTrue();
        assertThat(calls).containsExactly(List.of(1), List.of(2));
    }

    @Test
    void items_that_wait_while_a_batch_is_recorded_go_together_into_the_next_and_get_their_own_results() throws Exception {
        commit = new GroupCommit<>("test", Thread::new, 10, 5, this::all, holdingFirst(this::one));
        CompletableFuture<String> first = submitFirstAndHoldIt();
        List<CompletableFuture<String>> waiting = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            waiting.add(commit.submit(i));
        }

        release.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("one:0");
        for (int i = 1; i <= 7; i++) {
            assertThat(waiting.get(i - 1).get(5, TimeUnit.SECONDS)).isEqualTo("all:" + i);
        }
        // at most 5 per batch: 1..5 together, then 6 and 7 together
        assertThat(calls).containsExactly(List.of(0), List.of(1, 2, 3, 4, 5), List.of(6, 7));
    }

    @Test
    void a_failed_batch_is_recorded_one_by_one_so_only_the_bad_item_fails() throws Exception {
        commit = new GroupCommit<>("test", Thread::new, 10, 5, items -> {
            calls.add(List.copyOf(items));
            throw new IllegalStateException("batch failed");
        }, holdingFirst(item -> {
            if (item == 2) {
                throw new IllegalArgumentException("bad item 2");
            }
            return one(item);
        }));
        CompletableFuture<String> first = submitFirstAndHoldIt();
        CompletableFuture<String> one = commit.submit(1);
        CompletableFuture<String> two = commit.submit(2);
        CompletableFuture<String> three = commit.submit(3);

        release.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("one:0");
        assertThat(one.get(5, TimeUnit.SECONDS)).isEqualTo("one:1");
        assertThat(three.get(5, TimeUnit.SECONDS)).isEqualTo("one:3");
        assertThat(two).failsWithin(5, TimeUnit.SECONDS).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> commit.record(2)).isInstanceOf(IllegalArgumentException.class).hasMessage("bad item 2");
    }

    @Test
    void a_batch_answering_the_wrong_number_of_results_fails_its_callers_instead_of_leaving_them_waiting() throws Exception {
        commit = new GroupCommit<>("test", Thread::new, 10, 5, items -> List.of("too few"), holdingFirst(this::one));
        submitFirstAndHoldIt();
        CompletableFuture<String> one = commit.submit(1);
        CompletableFuture<String> two = commit.submit(2);

        release.countDown();

        assertThat(one.get(5, TimeUnit.SECONDS)).isEqualTo("too few");
        assertThat(two).failsWithin(5, TimeUnit.SECONDS);
        // the thread goes on
        assertThat(commit.record(3)).isEqualTo("one:3");
    }

    @Test
    void stop_records_what_is_waiting_before_it_returns() throws Exception {
        commit = new GroupCommit<>("test", Thread::new, 10, 5, this::all, holdingFirst(this::one));
        CompletableFuture<String> first = submitFirstAndHoldIt();
        CompletableFuture<String> waiting = commit.submit(1);
        release.countDown();

        commit.stop();

        assertThat(first).isCompletedWithValue("one:0");
        assertThat(waiting).isDone();
        assertThat(waiting.get()).endsWith(":1");
    }

    @Test
    void once_stopped_items_are_recorded_on_the_callers_thread() {
        Thread caller = Thread.currentThread();
        List<Thread> recordedOn = new ArrayList<>();
        commit = new GroupCommit<>("test", Thread::new, 10, 5, this::all, item -> {
            recordedOn.add(Thread.currentThread());
            return one(item);
        });
        commit.stop();

        assertThat(commit.record(4)).isEqualTo("one:4");
        assertThat(recordedOn).containsExactly(caller);
    }

    private List<String> all(List<Integer> items) {
        calls.add(List.copyOf(items));
        return items.stream().map(i -> "all:" + i).toList();
    }

    private String one(Integer item) {
        calls.add(List.of(item));
        return "one:" + item;
    }

    /** Recording item 0 waits for {@link #release}, so that what is submitted meanwhile waits for the next batch. */
    private Function<Integer, String> holdingFirst(Function<Integer, String> then) {
        return item -> {
            if (item == 0) {
                firstStarted.countDown();
                await(release);
            }
            return then.apply(item);
        };
    }

    /** Submits item 0 and answers its future once the recording thread is held in it. */
    private CompletableFuture<String> submitFirstAndHoldIt() throws InterruptedException {
        CompletableFuture<String> first = commit.submit(0);
        assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
        return first;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
