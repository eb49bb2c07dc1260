package dev.custodian.platform.persistence;

import static net.logstash.logback.argument.StructuredArguments.kv;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records items several per transaction (a group commit): callers hand in an item and get a future of its result;
 * one thread takes every item that is waiting (up to {@code maxBatch}) and records them with one call of
 * {@code all}, which is one transaction. Under load the batches grow by themselves; alone, an item is recorded at
 * once, so nothing waits for a timer. Should a batch fail, its items are recorded one by one with {@code one}, so
 * one bad item cannot fail the others. At most {@code capacity} items wait; a caller that would be one more waits
 * for room. Once stopped, items are recorded on the caller's thread.
 *
 * @param <T> what is recorded
 * @param <R> what recording one item answers
 */
public final class GroupCommit<T, R> {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    private final String name;
    private final int maxBatch;
    private final Function<List<T>, List<R>> all;
    private final Function<T, R> one;
    private final BlockingQueue<Pending<T, R>> queue;
    private final Thread thread;
    private boolean stopped;

    /**
     * Starts the recording thread, named {@code name}, from {@code threads}. {@code all} records a batch in one
     * transaction and answers one result per item, in the items' order; {@code one} records a single item.
     */
    public GroupCommit(String name, ThreadFactory threads, int capacity, int maxBatch,
                       Function<List<T>, List<R>> all, Function<T, R> one) {
        this.name = name;
        this.maxBatch = maxBatch;
        this.all = all;
        this.one = one;
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.thread = threads.newThread(this::loop);
        thread.setName(name);
        thread.start();
    }

    /** Hands in {@code item}. The future answers its result, or fails with what recording it threw. */
    public CompletableFuture<R> submit(T item) throws InterruptedException {
        Pending<T, R> pending = new Pending<>(item, new CompletableFuture<>());
        synchronized (this) {
            if (!stopped) {
                queue.put(pending);
                return pending.done;
            }
        }
        recordOne(pending);
        return pending.done;
    }

    /**
     * Records {@code item} and waits for its result; throws what recording it threw. Interrupted while waiting
     * for room, it records the item on the calling thread (the interrupt stays set); once handed in, it waits
     * for the result regardless, because the item may be committed already.
     */
    public R record(T item) {
        CompletableFuture<R> done;
        try {
            done = submit(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return one.apply(item);
        }
        try {
            return done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * Stops the recording thread once it has recorded what is waiting (waiting up to 10 s for that, so that it does
     * not outlive the application); later items are recorded at once, on their callers' threads.
     */
    public void stop() {
        synchronized (this) {
            stopped = true;
        }
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        List<Pending<T, R>> batch = new ArrayList<>(maxBatch);
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                if (!isStopped()) {
                    // not ours: an interrupt from elsewhere must not end the thread, or every later item would wait forever
                    LOG.warn("Interrupted while not stopped; going on recording {}", kv("batcher", name));
                    continue;
                }
                for (Pending<T, R> pending; (pending = queue.poll()) != null; ) {
                    recordOne(pending);
                }
                return;
            }
            queue.drainTo(batch, maxBatch - 1);
            try {
                record(batch);
            } catch (RuntimeException | Error e) {
                // no caller waits forever, whatever went wrong (futures already completed stay as they are)
                batch.forEach(p -> p.done.completeExceptionally(e));
            }
            batch.clear();
        }
    }

    /** Whether the recording thread still runs (it ends only when stopped). */
    public boolean isAlive() {
        return thread.isAlive();
    }

    private synchronized boolean isStopped() {
        return stopped;
    }

    private void record(List<Pending<T, R>> batch) {
        if (batch.size() == 1) {
            recordOne(batch.get(0));
            return;
        }
        List<R> results;
        try {
            results = all.apply(batch.stream().map(Pending::item).toList());
        } catch (RuntimeException | Error e) {
            LOG.warn("Recording a batch failed, recording its items one by one: {} {} {}", kv("batcher", name),
                    kv("items", batch.size()), kv("error", e.toString()));
            batch.forEach(this::recordOne);
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done.complete(results.get(i));
        }
    }

    private void recordOne(Pending<T, R> pending) {
        try {
            pending.done.complete(one.apply(pending.item));
        } catch (RuntimeException | Error e) {
            pending.done.completeExceptionally(e);
        }
    }

    private record Pending<T, R>(T item, CompletableFuture<R> done) {
    }
}
