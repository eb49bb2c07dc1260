package dev.custodian.execution;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A {@link JobLifecycle} without a database: pending jobs to claim, completions refused a set number of times. */
class FakeLifecycle extends JobLifecycle {

    final Deque<ClaimedJob> pending = new ArrayDeque<>();
    final List<UUID> completed = new java.util.concurrent.CopyOnWriteArrayList<>();
    final List<UUID> released = new ArrayList<>();
    final Set<UUID> notHeld = new HashSet<>();
    volatile int refusals;
    volatile int completeCalls;

    static ClaimedJob aJob() {
        return new ClaimedJob(UUID.randomUUID(), "echo", "{}", 1, 60, null);
    }

    @Override
    public List<ClaimedJob> claim(Collection<String> types, int max) {
        List<ClaimedJob> claimed = new ArrayList<>();
        while (claimed.size() < max && !pending.isEmpty()) {
            claimed.add(pending.poll());
        }
        return claimed;
    }

    @Override
    public boolean complete(UUID id, JobOutcome outcome) {
        completeCalls++;
        if (refusals > 0) {
            refusals--;
            throw new IllegalStateException("database unreachable");
        }
        completed.add(id);
        return !notHeld.contains(id);
    }

    @Override
    public Set<UUID> completeAll(Map<UUID, JobOutcome> outcomes) {
        Set<UUID> held = new HashSet<>();
        outcomes.forEach((id, outcome) -> {
            if (complete(id, outcome)) {
                held.add(id);
            }
        });
        return held;
    }

    @Override
    public int release(Collection<UUID> ids, String reason) {
        released.addAll(ids);
        return ids.size();
    }
}
