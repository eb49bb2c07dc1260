package dev.custodian.cleanup.control;

import dev.custodian.cleanup.entity.CleanupRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code cleanup_run} table: each write in its own transaction, so a run's record survives its failure. */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class CleanupRuns {

    private static final Logger LOG = LoggerFactory.getLogger(CleanupRuns.class);

    @PersistenceContext
    EntityManager em;

    public void add(CleanupRun run) {
        em.persist(run);
    }

    /**
     * Records the end of run {@code id}. A record removed while its run went on (by hand, in the database) is not
     * written again: the run's summary log line is then its only report.
     */
    public void finish(UUID id, boolean succeeded, String reportJson, Instant now) {
        find(id).ifPresentOrElse(run -> run.finish(succeeded, reportJson, now),
                () -> LOG.warn("Cleanup run {} ended, but its cleanup_run record was removed while it ran; "
                        + "its summary log line is its only report", id));
    }

    /**
     * Records the report so far of run {@code id} while it is RUNNING: one short update of its row alone (never a
     * row a deletion batch locks); a run already finished keeps its final report.
     */
    public void progress(UUID id, String reportJson) {
        em.createQuery("update CleanupRun r set r.report = :report where r.id = :id and r.status = :running")
                .setParameter("report", reportJson).setParameter("id", id)
                .setParameter("running", CleanupRun.Status.RUNNING).executeUpdate();
    }

    public Optional<CleanupRun> find(UUID id) {
        return Optional.ofNullable(em.find(CleanupRun.class, id));
    }

    /** Newest first. */
    public List<CleanupRun> latest(int limit) {
        return em.createQuery("select r from CleanupRun r order by r.startedAt desc, r.id desc", CleanupRun.class)
                .setMaxResults(limit).getResultList();
    }

    /**
     * One page of the history, newest first, keyset-paged over {@code (startedAt, id)} after {@code afterAt}/{@code afterId}
     * (both null for the first page); {@code limit + 1} rows, so the caller knows whether there is a next page.
     */
    public List<CleanupRun> page(RunFilter filter, Instant afterAt, UUID afterId, int limit) {
        StringBuilder jpql = new StringBuilder("select r from CleanupRun r where 1 = 1");
        filter.dryRun().ifPresent(d -> jpql.append(" and r.dryRun = :dryRun"));
        filter.trigger().ifPresent(t -> jpql.append(" and r.trigger = :trigger"));
        filter.status().ifPresent(s -> jpql.append(" and r.status = :status"));
        if (afterAt != null) {
            jpql.append(" and (r.startedAt < :afterAt or (r.startedAt = :afterAt and r.id < :afterId))");
        }
        var query = em.createQuery(jpql + " order by r.startedAt desc, r.id desc", CleanupRun.class);
        filter.dryRun().ifPresent(d -> query.setParameter("dryRun", d));
        filter.trigger().ifPresent(t -> query.setParameter("trigger", t));
        filter.status().ifPresent(s -> query.setParameter("status", s));
        if (afterAt != null) {
            query.setParameter("afterAt", afterAt).setParameter("afterId", afterId);
        }
        return query.setMaxResults(limit + 1).getResultList();
    }

    /** The history's filters (SPEC section 5, "Lists"). */
    public record RunFilter(Optional<Boolean> dryRun, Optional<String> trigger, Optional<CleanupRun.Status> status) {
    }

    /** Every run still recorded as RUNNING. */
    public List<CleanupRun> running() {
        return em.createQuery("select r from CleanupRun r where r.status = :running", CleanupRun.class)
                .setParameter("running", CleanupRun.Status.RUNNING).getResultList();
    }

    /** Marks run {@code id} ABORTED if it is still RUNNING; answers whether it was. */
    public boolean abort(UUID id, Instant now) {
        CleanupRun run = em.find(CleanupRun.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (run == null || run.status() != CleanupRun.Status.RUNNING) {
            return false;
        }
        run.abort(now);
        return true;
    }

    public Optional<CleanupRun> lastFinished() {
        return em.createQuery("select r from CleanupRun r where r.finishedAt is not null order by r.finishedAt desc", CleanupRun.class)
                .setMaxResults(1).getResultStream().findFirst();
    }
}
