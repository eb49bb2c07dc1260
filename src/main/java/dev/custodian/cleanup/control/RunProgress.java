package dev.custodian.cleanup.control;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The report so far of one running run, per target in run order: a finished target with its final figures (phase
 * {@code done}), the running one with its counters so far and phase, the others {@code pending} with zeros.
 * The run's thread records starts and ends; the progress flusher reads {@link #json()} from its own thread.
 */
final class RunProgress {

    private final List<String> targets;
    private final Map<String, TargetTally> running = new ConcurrentHashMap<>();
    private final Map<String, TargetReport> finished = new ConcurrentHashMap<>();

    /** {@code targets}: the names of the targets this run runs, in run order. */
    RunProgress(List<String> targets) {
        this.targets = List.copyOf(targets);
    }

    void started(String target, TargetTally tally) {
        running.put(target, tally);
    }

    /** Put before the running tally is dropped, so that a reader in between sees the target finished, never pending. */
    void finished(String target, TargetReport report) {
        finished.put(target, report);
        running.remove(target);
    }

    String json() {
        JsonObjectBuilder json = Json.createObjectBuilder();
        for (String target : targets) {
            TargetReport done = finished.get(target);
            TargetTally tally = running.get(target);
            if (done != null) {
                json.add(target, CleanupService.targetJson(done).add("phase", TargetTally.Phase.DONE));
            } else if (tally != null) {
                json.add(target, CleanupService.targetJson(tally.progress()).add("phase", tally.phase()));
            } else {
                json.add(target, CleanupService.targetJson(TargetReport.empty()).add("phase", TargetTally.Phase.PENDING));
            }
        }
        return json.build().toString();
    }
}
