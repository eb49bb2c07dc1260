package dev.custodian.execution;

import java.util.concurrent.ScheduledFuture;

/**
 * One job running on this node, between its claim and its recorded end: the thread running its handler (while
 * it does) and its timeout timer. Whoever stops the job (timeout, cancel, lost lease) interrupts that thread only
 * while it still runs this job, never a later one.
 */
final class Execution {
    final ClaimedJob job;
    volatile ScheduledFuture<?> timer;
    /** Set once the job was finished by someone else (timeout, cancel): the handler's result is discarded. */
    volatile boolean stopped;
    private Thread thread;

    Execution(ClaimedJob job) {
        this.job = job;
    }

    /** @return false when the job was stopped before its thread got to it */
    synchronized boolean attach(Thread current) {
        thread = current;
        return !stopped;
    }

    synchronized void detach() {
        thread = null;
    }

    /** Stops the handler; interrupts only the thread while it still runs this job, never a later one. */
    synchronized void interrupt() {
        stopped = true;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
