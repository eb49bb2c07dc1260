package dev.custodian.cleanup.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a running run's report so far to its record, driven by a timer on its own thread (so that a target held
 * up in one long statement still shows its progress, and no write ever waits for, or holds, a deletion batch's
 * locks). The timer ticks every {@code interval}; a tick writes unless the last write is less than
 * {@code interval - interval/4} old, which drops the ticks a stalled timer fires back to back when it catches up.
 * After {@link #close()} returns, no write is running and none will start, so the run's final report is never
 * overwritten by a late one. A failed write is logged and the next tick tries again; the run goes on.
 */
final class ProgressFlusher {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressFlusher.class);

    private final Clock clock;
    private final Duration minGap;
    private final Supplier<String> snapshot;
    private final Consumer<String> writer;
    private Instant lastWrite;
    private boolean closed;

    ProgressFlusher(Clock clock, Duration interval, Supplier<String> snapshot, Consumer<String> writer) {
        this.clock = clock;
        this.minGap = interval.minus(interval.dividedBy(4));
        this.snapshot = snapshot;
        this.writer = writer;
    }

    /** One timer tick: answers whether it wrote. */
    synchronized boolean tick() {
        Instant now = clock.instant();
        if (closed || (lastWrite != null && now.isBefore(lastWrite.plus(minGap)))) {
            return false;
        }
        lastWrite = now;
        try {
            writer.accept(snapshot.get());
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Could not record the progress of a cleanup run: {}", e.toString());
            return false;
        }
    }

    /** Stops the writes, waiting for one in progress. */
    synchronized void close() {
        closed = true;
    }
}
