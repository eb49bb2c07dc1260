package dev.custodian.retention.control;

import dev.custodian.job.entity.Job;
import dev.custodian.job.entity.JobEvent;
import dev.custodian.job.entity.JobStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceUnit;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.NativeQuery;

/**
 * Retention's queries. Selections read one page in index order after a row-value keyset cursor
 * {@code (time, id) > (:afterAt, :afterId)} ({@link Due#keyset()}), an index range scan (never all candidates, and
 * no page re-reads the ones before it);
 * every change re-checks its condition in the statement itself and runs in its own transaction, so concurrent
 * runs and claims cannot make it touch a job it should keep, and each batch holds its row locks only briefly.
 * On PostgreSQL a purge batch is one statement ({@link #purgeNext}); the portable path pages and then deletes.
 */
@ApplicationScoped
public class RetentionRepository {

    @PersistenceContext
    EntityManager em;

    @PersistenceUnit
    EntityManagerFactory emf;

    private volatile Boolean postgres;

    /** A page of the jobs {@code due} selects, oldest first, after the keyset cursor {@code after}. */
    @Transactional(TxType.REQUIRES_NEW)
    public List<Candidate> page(Due due, Optional<Candidate> after, int limit) {
        return page(due, after, limit, "");
    }

    /** The same pages, restricted to jobs with an output file (what a dry run needs to add up bytes). */
    @Transactional(TxType.REQUIRES_NEW)
    public List<Candidate> pageWithOutput(Due due, Optional<Candidate> after, int limit) {
        return page(due, after, limit, " and j.outputFile is not null");
    }

    private List<Candidate> page(Due due, Optional<Candidate> after, int limit, String extra) {
        String jpql = "select new dev.custodian.retention.control.Candidate(j.id, " + due.at() + ", j.createdAt, j.outputFile)"
                + " from Job j" + due.where() + extra + (after.isPresent() ? due.after() : "") + " order by " + due.keyset();
        TypedQuery<Candidate> q = em.createQuery(jpql, Candidate.class).setMaxResults(limit);
        due.bind(q);
        after.ifPresent(c -> due.bindAfter(q, c));
        return q.getResultList();
    }

    /** How many jobs {@code due} selects: one index range count, for dry runs. */
    @Transactional(TxType.REQUIRES_NEW)
    public long count(Due due) {
        TypedQuery<Long> q = em.createQuery("select count(j) from Job j" + due.where(), Long.class);
        due.bind(q);
        return q.getSingleResult();
    }

    /** Soft-deletes those of {@code ids} that {@code due} still selects; answers how many it deleted. */
    @Transactional(TxType.REQUIRES_NEW)
    public int softDelete(Collection<UUID> ids, Due due, Instant now) {
        jakarta.persistence.Query q = em.createQuery("update Job j set j.deletedAt = :now, j.version = j.version + 1"
                + due.where() + " and j.id in :ids");
        due.bind(q);
        return q.setParameter("now", now).setParameter("ids", ids).executeUpdate();
    }

    /** The jobs (with their events) of a purge batch, for the archive. */
    @Transactional(TxType.REQUIRES_NEW)
    public List<ArchivedJob> forArchive(Collection<UUID> ids) {
        List<Job> jobs = em.createQuery("select j from Job j where j.id in :ids order by j.id", Job.class)
                .setParameter("ids", ids).getResultList();
        List<JobEvent> events = em.createQuery("select e from JobEvent e where e.jobId in :ids order by e.jobId, e.id", JobEvent.class)
                .setParameter("ids", ids).getResultList();
        return jobs.stream().map(j -> new ArchivedJob(j, events.stream().filter(e -> e.jobId().equals(j.id())).toList())).toList();
    }

    /** Purges those of {@code ids} that {@code due} still selects; their events go by ON DELETE CASCADE. */
    @Transactional(TxType.REQUIRES_NEW)
    public int purge(Collection<UUID> ids, Due due) {
        jakarta.persistence.Query q = em.createQuery("delete from Job j" + due.where() + " and j.id in :ids");
        due.bind(q);
        return q.setParameter("ids", ids).executeUpdate();
    }

    /**
     * Whether {@link #purgeNext} is available: on PostgreSQL, whose {@code DELETE … RETURNING} lets one statement
     * select, delete and report a batch (H2 2.2 has no {@code RETURNING}). Decided once, from Hibernate's dialect.
     */
    public boolean purgesInOneStatement() {
        Boolean pg = postgres;
        if (pg == null) {
            pg = emf.unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect() instanceof PostgreSQLDialect;
            postgres = pg;
        }
        return pg;
    }

    /**
     * PostgreSQL only: purges the next page of {@code due} after the cursor {@code after} in one statement and
     * answers the purged jobs in keyset order (the last one is the next cursor). The page is the first
     * {@code limit} jobs {@code due} selects, read by index; the delete finds them by their row address and
     * re-checks the condition on every row it locks, so a job restored or changed meanwhile is left alone (and
     * not answered). Two runs deleting the same page at once wait for each other's row locks, and the second
     * finds the rows gone: each job is purged, and answered, once. Events go by ON DELETE CASCADE.
     */
    @Transactional(TxType.REQUIRES_NEW)
    @SuppressWarnings("unchecked")
    public List<Candidate> purgeNext(Due due, Optional<Candidate> after, int limit) {
        String where = due.purgeSql();
        NativeQuery<Object[]> q = em.createNativeQuery("""
                        with page as (
                            select j.ctid as row_id from job j%s%s
                            order by j.deleted_at, j.created_at, j.id limit :limit),
                        purged as (
                            delete from job j using page p%s and j.ctid = p.row_id
                            returning j.id, j.deleted_at, j.created_at, j.output_file)
                        select id, deleted_at, created_at, output_file from purged order by deleted_at, created_at, id"""
                        .formatted(where, after.isPresent() ? " and (j.deleted_at, j.created_at, j.id) > (:afterAt, :afterCreated, :afterId)" : "", where))
                .unwrap(NativeQuery.class)
                .addScalar("id", UUID.class).addScalar("deleted_at", Instant.class)
                .addScalar("created_at", Instant.class).addScalar("output_file", String.class);
        due.bindSql(q);
        after.ifPresent(c -> due.bindAfter(q, c));
        q.setParameter("limit", limit);
        return q.getResultList().stream().map(r -> new Candidate((UUID) r[0], (Instant) r[1], (Instant) r[2], (String) r[3])).toList();
    }

    /** Which of {@code ids} are gone (purged by this batch, or by a concurrent run). */
    @Transactional(TxType.REQUIRES_NEW)
    public Set<UUID> existing(Collection<UUID> ids) {
        return Set.copyOf(em.createQuery("select j.id from Job j where j.id in :ids", UUID.class)
                .setParameter("ids", ids).getResultList());
    }

    /** A page of events older than {@code cutoff} whose job no longer exists, oldest first. */
    @Transactional(TxType.REQUIRES_NEW)
    public List<Long> orphanedEvents(Instant cutoff, long afterId, int limit) {
        return em.createQuery("select e.id from JobEvent e where e.at < :cutoff and e.id > :after"
                        + " and not exists (select j.id from Job j where j.id = e.jobId) order by e.id", Long.class)
                .setParameter("cutoff", cutoff).setParameter("after", afterId).setMaxResults(limit).getResultList();
    }

    @Transactional(TxType.REQUIRES_NEW)
    public int deleteEvents(Collection<Long> ids) {
        return em.createQuery("delete from JobEvent e where e.id in :ids and not exists (select j.id from Job j where j.id = e.jobId)")
                .setParameter("ids", ids).executeUpdate();
    }

    /** Those of {@code names} that a job names as its output file. */
    @Transactional(TxType.REQUIRES_NEW)
    public Set<String> namedOutputs(Collection<String> names) {
        return Set.copyOf(em.createQuery("select j.outputFile from Job j where j.outputFile in :names", String.class)
                .setParameter("names", names).getResultList());
    }

    /** A job and its timeline, as written to the archive. */
    public record ArchivedJob(Job job, List<JobEvent> events) {
    }
}
