package dev.custodian.execution;

/**
 * The jobs a dispatcher has claimed and whose handlers have not returned, counted against a limit that the caller
 * gives with each take (its concurrency plus what {@link ClaimAhead} allows just then), and how long handlers
 * typically run (a moving average of the last runs, weighting the newest by 1/8).
 */
final class Slots {

    private int held;
    private long typicalRunNanos = -1;

    /** Waits until fewer than {@code limit} are held, then takes every free one: answers how many. */
    synchronized int takeFree(int limit) throws InterruptedException {
        while (held >= limit) {
            wait();
        }
        return take(limit - held);
    }

    /**
     * Takes up to {@code wanted} more under {@code limit}, waiting at most {@code waitNanos} for slots to return.
     * The wait is the monitor's, so it is measured on the system's clock, never an injected one.
     */
    synchronized int takeMore(int limit, int wanted, long waitNanos) throws InterruptedException {
        long deadlineNanos = System.nanoTime() + waitNanos;
        int taken = 0;
        while (taken < wanted) {
            if (held < limit) {
                taken += take(Math.min(wanted - taken, limit - held));
                continue;
            }
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(left / 1_000_000, (int) (left % 1_000_000));
        }
        return taken;
    }

    /** Gives back {@code count} slots that found no job (or jobs that were not launched). */
    synchronized void giveBack(int count) {
        held -= count;
        notifyAll();
    }

    /** A handler returned after {@code ranNanos}: its slot serves the next job. */
    synchronized void returned(long ranNanos) {
        typicalRunNanos = typicalRunNanos < 0 ? ranNanos : typicalRunNanos + (ranNanos - typicalRunNanos) / 8;
        giveBack(1);
    }

    synchronized int held() {
        return held;
    }

    /** Negative until a handler returned. */
    synchronized long typicalRunNanos() {
        return typicalRunNanos;
    }

    private int take(int count) {
        held += count;
        return count;
    }
}
