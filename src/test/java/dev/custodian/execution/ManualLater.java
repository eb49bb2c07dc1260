package dev.custodian.execution;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;

/** A settable clock for delayed tasks: a task runs when the time is moved past its due time, on the test's thread. */
class ManualLater implements CompletionRecorder.Later {

    private record Task(Duration due, Runnable task) {
    }

    private final List<Task> tasks = new ArrayList<>();
    private Duration now = Duration.ZERO;
    boolean shutDown;

    @Override
    public void run(Runnable task, Duration delay) {
        if (shutDown) {
            throw new RejectedExecutionException("shut down");
        }
        tasks.add(new Task(now.plus(delay), task));
    }

    void advance(Duration by) {
        now = now.plus(by);
        List<Task> due = tasks.stream().filter(t -> t.due().compareTo(now) <= 0).toList();
        tasks.removeAll(due);
        due.forEach(t -> t.task().run());
    }

    int waiting() {
        return tasks.size();
    }
}
