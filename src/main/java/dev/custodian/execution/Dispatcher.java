package dev.custodian.execution;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that claims jobs for this node: as many as there are free slots, plus while handlers run short
 * a few to wait in line for a thread ({@link ClaimAhead}), in one transaction, each handed to {@code launch}. It
 * sleeps until a job is submitted here ({@link #wakeUp()}) or the poll interval passes (jobs submitted on other
 * nodes, retries whose backoff ended). A slot is given back ({@link #handlerReturned}) only when a handler's thread
 * has actually returned, so a timed-out handler that ignores interrupts keeps its slot rather than letting the node
 * oversubscribe. Nothing but {@link #stop()} ends the thread.
 */
final class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    /** How long a claim may wait for more free slots while a backlog is waiting (a few short jobs' run time). */
    private static final long GATHER_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    /** The last job claimed ahead should start within about this long; a claim asks for 100 jobs at most, as a worker's may. */
    static final ClaimAhead AHEAD = new ClaimAhead(Duration.ofMillis(50), 100);

    private final JobLifecycle lifecycle;
    private final Collection<String> types;
    private final int concurrency;
    private final Duration pollInterval;
    private final Consumer<ClaimedJob> launch;
    private final LongSupplier nanoTime;
    private final Slots slots = new Slots();
    private final BlockingQueue<Boolean> wakeups = new ArrayBlockingQueue<>(1);
    private volatile boolean stopping;
    /** {@link #nanoTime} when the current claim began; 0 while not claiming. */
    private volatile long claimingSince;
    private volatile Thread thread;
    private final Consumer<Duration> claimTimes;

    Dispatcher(JobLifecycle lifecycle, Collection<String> types, int concurrency, Duration pollInterval,
               Consumer<ClaimedJob> launch, LongSupplier nanoTime) {
        this(lifecycle, types, concurrency, pollInterval, launch, nanoTime, took -> { });
    }

    /** @param claimTimes told how long each claim transaction took (the claim latency metric) */
    Dispatcher(JobLifecycle lifecycle, Collection<String> types, int concurrency, Duration pollInterval,
               Consumer<ClaimedJob> launch, LongSupplier nanoTime, Consumer<Duration> claimTimes) {
        this.claimTimes = claimTimes;
        this.lifecycle = lifecycle;
        this.types = types;
        this.concurrency = concurrency;
        this.pollInterval = pollInterval;
        this.launch = launch;
        this.nanoTime = nanoTime;
    }

    void start(ThreadFactory threads) {
        thread = threads.newThread(this::loop);
        thread.setName("custodian-dispatcher");
        thread.start();
    }

    void stop() {
        stopping = true;
        Thread current = thread;
        if (current != null) {
            current.interrupt();
        }
    }

    void wakeUp() {
        wakeups.offer(Boolean.TRUE);
    }

    /** A job could not be started: its slot serves the next job. */
    void slotFreed() {
        slots.giveBack(1);
    }

    /** A handler's thread returned after {@code ran}: its slot serves the next job. */
    void handlerReturned(Duration ran) {
        slots.returned(ran.toNanos());
    }

    /** Alive, and not stuck in one claim for more than {@code stuckAfter}. */
    boolean healthy(Duration stuckAfter) {
        Thread current = thread;
        long since = claimingSince;
        boolean progressing = since == 0 || nanoTime.getAsLong() - since < stuckAfter.toNanos();
        return current != null && current.isAlive() && progressing;
    }

    private void loop() {
        boolean backlog = false;
        while (!stopping) {
            try {
                backlog = dispatchOnce(backlog);
                if (!backlog && !stopping) {
                    wakeups.poll(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | Error e) {
                LOG.error("The dispatcher failed; going on after the poll interval: {}", e.toString());
                backlog = false;
                if (!pause()) {
                    return;
                }
            }
        }
    }

    /**
     * Waits for a free slot, claims as many jobs as slots are free (while a backlog waits, gathering a few more for
     * up to {@link #GATHER_NANOS}) and launches them; unused slots are given back. The slots are {@code concurrency}
     * and what {@link #AHEAD} allows for the handlers' typical run time.
     *
     * @return whether every slot found a job (a backlog may be waiting: claim again at once)
     */
    boolean dispatchOnce(boolean backlog) throws InterruptedException {
        int limit = concurrency + AHEAD.jobs(concurrency, slots.typicalRunNanos());
        int wanted = slots.takeFree(limit);
        if (backlog && wanted < limit / 2) {
            wanted += slots.takeMore(limit, limit / 2 - wanted, GATHER_NANOS);
        }
        List<ClaimedJob> claimed = claim(wanted);
        slots.giveBack(wanted - claimed.size());
        if (stopping) {
            lifecycle.release(claimed.stream().map(ClaimedJob::id).toList(), "node shutting down");
            return false;
        }
        claimed.forEach(launch);
        return claimed.size() == wanted;
    }

    private List<ClaimedJob> claim(int max) throws InterruptedException {
        long since = nanoTime.getAsLong();
        claimingSince = since;
        try {
            List<ClaimedJob> claimed = lifecycle.claim(types, max);
            claimTimes.accept(Duration.ofNanos(nanoTime.getAsLong() - since));
            return claimed;
        } catch (RuntimeException | Error e) {
            LOG.warn("Claiming jobs failed, retrying after the poll interval: {}", e.toString());
            if (!pause()) {
                throw new InterruptedException();
            }
            return List.of();
        } finally {
            claimingSince = 0;
        }
    }

    private boolean pause() {
        try {
            Thread.sleep(pollInterval.toMillis());
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
