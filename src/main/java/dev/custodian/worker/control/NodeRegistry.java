package dev.custodian.worker.control;

import dev.custodian.job.control.JobCounts;
import dev.custodian.platform.NodeIdentity;
import dev.custodian.platform.time.Micros;
import dev.custodian.worker.entity.Node;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** This node's row in {@code node}: registered at startup, seen on every lease renewal, stopped at shutdown. */
@ApplicationScoped
@Transactional
public class NodeRegistry {

    @PersistenceContext
    EntityManager em;

    @Inject
    NodeIdentity identity;

    @Inject
    JobCounts counts;

    @Inject
    @Micros
    Clock clock;

    public void started() {
        Node node = em.find(Node.class, identity.id());
        if (node == null) {
            em.persist(new Node(identity.id(), clock.instant()));
        } else {
            node.started(clock.instant());
        }
    }

    public void seen() {
        em.createQuery("update Node n set n.lastSeen = :now where n.id = :id")
                .setParameter("now", clock.instant())
                .setParameter("id", identity.id())
                .executeUpdate();
    }

    public void stopped() {
        Node node = em.find(Node.class, identity.id());
        if (node != null) {
            node.stopped(clock.instant());
        }
    }

    /** Every node, with the number of RUNNING jobs each holds (the shared count, {@link JobCounts}). */
    public List<NodeStatus> all() {
        Map<String, Long> held = counts.current(Duration.ZERO).heldBy();
        return em.createQuery("select n from Node n order by n.id", Node.class).getResultList().stream()
                .map(n -> new NodeStatus(n.id(), n.startedAt(), n.lastSeen(), n.stoppedAt(), held.getOrDefault(n.id(), 0L),
                        n.id().equals(identity.id())))
                .toList();
    }


    /** A node as {@code GET /api/system/nodes} shows it. */
    public record NodeStatus(String id, Instant startedAt, Instant lastSeen, Instant stoppedAt, long jobsHeld, boolean self) {
    }
}
