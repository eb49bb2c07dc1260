package dev.custodian.execution;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews, every {@link #interval} of a lease, the leases of the jobs running on this node and the node's heartbeat,
 * and stops the jobs it no longer holds (their lease was taken over). A periodic task that throws is never run
 * again, so a failed renewal is logged and the next one tries again: otherwise every lease here would expire.
 */
final class LeaseRenewer implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseRenewer.class);
    private static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

    private final Runnable heartbeat;
    private final Function<List<UUID>, Collection<UUID>> renew;
    private final Map<UUID, Execution> running;

    /**
     * @param heartbeat records that this node is alive
     * @param renew     renews the leases of the given jobs, answering those this node no longer holds
     * @param running   the jobs running here
     */
    LeaseRenewer(Runnable heartbeat, Function<List<UUID>, Collection<UUID>> renew, Map<UUID, Execution> running) {
        this.heartbeat = heartbeat;
        this.renew = renew;
        this.running = running;
    }

    /** A third of the lease (at least a second), so that two renewals may fail before a lease runs out. */
    static Duration interval(Duration lease) {
        Duration third = lease.dividedBy(3);
        return third.compareTo(MIN_INTERVAL) < 0 ? MIN_INTERVAL : third;
    }

    @Override
    public void run() {
        try {
            heartbeat.run();
            for (UUID lost : renew.apply(List.copyOf(running.keySet()))) {
                Optional.ofNullable(running.get(lost)).ifPresent(Execution::interrupt);
            }
        } catch (RuntimeException | Error e) {
            LOG.warn("Renewing leases failed; trying again at the next renewal: {}", e.toString());
        }
    }
}
