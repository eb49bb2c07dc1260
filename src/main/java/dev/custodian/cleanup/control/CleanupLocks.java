package dev.custodian.cleanup.control;

import dev.custodian.cleanup.entity.CleanupLock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.UUID;

/**
 * The cluster-wide cleanup lock as conditional updates of its row: acquiring succeeds only when nobody holds it
 * or the holder's lease ran out (one row updated), renewing and releasing only for the run that holds it.
 */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class CleanupLocks {

    @PersistenceContext
    EntityManager em;

    public boolean acquire(UUID runId, String holder, Instant now, Instant until) {
        return em.createQuery("update CleanupLock l set l.runId = :run, l.holder = :holder, l.expiresAt = :until"
                        + " where l.name = :name and (l.runId is null or l.expiresAt < :now)")
                .setParameter("run", runId).setParameter("holder", holder).setParameter("until", until)
                .setParameter("name", CleanupLock.NAME).setParameter("now", now)
                .executeUpdate() == 1;
    }

    public boolean renew(UUID runId, Instant until) {
        return em.createQuery("update CleanupLock l set l.expiresAt = :until where l.name = :name and l.runId = :run")
                .setParameter("until", until).setParameter("name", CleanupLock.NAME).setParameter("run", runId)
                .executeUpdate() == 1;
    }

    public void release(UUID runId) {
        em.createQuery("update CleanupLock l set l.runId = null, l.holder = null, l.expiresAt = null where l.name = :name and l.runId = :run")
                .setParameter("name", CleanupLock.NAME).setParameter("run", runId)
                .executeUpdate();
    }

    /** Releases the lock if run {@code runId} of {@code holder} still holds it, however long its lease still runs. */
    public boolean releaseLeftBehind(UUID runId, String holder) {
        return em.createQuery("update CleanupLock l set l.runId = null, l.holder = null, l.expiresAt = null"
                        + " where l.name = :name and l.runId = :run and l.holder = :holder")
                .setParameter("name", CleanupLock.NAME).setParameter("run", runId).setParameter("holder", holder)
                .executeUpdate() == 1;
    }

    public CleanupLock current() {
        CleanupLock lock = em.find(CleanupLock.class, CleanupLock.NAME);
        em.detach(lock);
        return lock;
    }

    public void scheduleEnabled(boolean enabled) {
        em.find(CleanupLock.class, CleanupLock.NAME).scheduleEnabled(enabled);
    }
}
