package dev.custodian.execution;

import dev.custodian.job.control.JobConfig;
import dev.custodian.platform.NodeIdentity;
import dev.custodian.worker.control.Leases;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The in-process executor as a lease holder: the same {@link Leases} transitions as external workers, with this
 * node's id as the worker id. Each answers {@code false} (or leaves a job out) when this node no longer holds the
 * job: cancelled, timed out, or taken over after a lost lease.
 */
@ApplicationScoped
public class JobLifecycle {

    @Inject
    Leases leases;

    @Inject
    JobConfig config;

    @Inject
    NodeIdentity node;

    public List<ClaimedJob> claim(Collection<String> types, int max) {
        return leases.claim(node.id(), types, max, config.lease()).stream().map(ClaimedJob::of).toList();
    }

    public boolean complete(UUID id, JobOutcome outcome) {
        return leases.complete(id, node.id(), outcome.resultJson(), outcome.outputFile()).isPresent();
    }

    /** Completes the given jobs in one transaction; answers those this node still held. */
    public Set<UUID> completeAll(Map<UUID, JobOutcome> outcomes) {
        Map<UUID, Leases.Completion> completions = new LinkedHashMap<>();
        outcomes.forEach((id, outcome) -> completions.put(id, new Leases.Completion(outcome.resultJson(), outcome.outputFile())));
        return leases.completeAll(node.id(), completions);
    }

    /** A failed attempt: back to PENDING after the backoff while attempts remain, else FAILED. */
    public boolean failAttempt(UUID id, String reason) {
        return leases.fail(id, node.id(), reason, true).isPresent();
    }

    /** A failure another attempt cannot mend: FAILED at once, whatever attempts are left. */
    public boolean failPermanently(UUID id, String reason) {
        return leases.fail(id, node.id(), reason, false).isPresent();
    }

    public boolean timeOut(UUID id) {
        return leases.timeOut(id, node.id()).isPresent();
    }

    /** Renews the leases of the jobs running here; answers those this node no longer holds. */
    public List<UUID> renew(Collection<UUID> running) {
        return leases.renew(node.id(), running, config.lease());
    }

    public int release(Collection<UUID> running, String reason) {
        return leases.release(node.id(), running, reason);
    }
}
