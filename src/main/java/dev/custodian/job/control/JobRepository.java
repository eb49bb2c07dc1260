package dev.custodian.job.control;

import dev.custodian.job.entity.Job;
import dev.custodian.job.entity.JobStatus;
import dev.custodian.platform.persistence.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Queries over {@code job}; every one is backed by an index of {@code V1__jobs.sql}. */
@ApplicationScoped
public class JobRepository {

    @PersistenceContext
    EntityManager em;

    @Inject
    Database database;

    public void add(Job job) {
        em.persist(job);
    }

    /** Which of {@code ids} still exist (not purged, by this run or a concurrent one). */
    @Transactional(TxType.REQUIRES_NEW)
    public Set<UUID> existing(Collection<UUID> ids) {
        return Set.copyOf(em.createQuery("select j.id from Job j where j.id in :ids", UUID.class)
                .setParameter("ids", ids).getResultList());
    }

    /** Those of {@code names} that a job names as its output file. */
    @Transactional(TxType.REQUIRES_NEW)
    public Set<String> namedOutputs(Collection<String> names) {
        return Set.copyOf(em.createQuery("select j.outputFile from Job j where j.outputFile in :names", String.class)
                .setParameter("names", names).getResultList());
    }

    public Optional<Job> find(UUID id) {
        return Optional.ofNullable(em.find(Job.class, id));
    }

    /**
     * Reads the job with a row lock held to the end of the transaction: transitions of one job never interleave.
     * By its primary key even where statistics call the table tiny ({@link Database#planByIndex}).
     */
    public Optional<Job> lock(UUID id) {
        database.planByIndex(em);
        return Optional.ofNullable(em.find(Job.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * Reads the jobs of {@code ids} that exist, each locked to the end of the transaction, in id order (lock order).
     * By its primary key ({@link Database#planByIndex}): with statistics from when the table was nearly empty,
     * PostgreSQL would scan and sort the whole table for each batch of completions.
     */
    @SuppressWarnings("unchecked")
    public List<Job> lockAll(Collection<UUID> ids) {
        database.planByIndex(em);
        return em.createNativeQuery("SELECT * FROM job WHERE id IN (:ids) ORDER BY id FOR UPDATE", Job.class)
                .setParameter("ids", ids)
                .getResultList();
    }

    /**
     * The oldest eligible PENDING jobs of the given types, locked; rows locked by another claimer are skipped
     * (index job_claim_type_idx for one type, job_claim_idx where the types are most of the queue). Native SQL
     * that PostgreSQL and H2 both read: the JPQL form makes Hibernate translate the query anew on every claim (its
     * lock and list parameters defeat the plan cache).
     *
     * <p>Planned by index ({@link Database#planByIndex}): the oldest jobs must come from an index in {@code run_at}
     * order. Statistics taken while nothing was PENDING (a quiet hour, a drained queue) make PostgreSQL expect one
     * PENDING row, for which any index on {@code status} plus a sort looks as cheap; when a backlog then builds up,
     * every claim would read and sort all of it.
     */
    @SuppressWarnings("unchecked")
    public List<Job> lockClaimable(Collection<String> types, Instant now, int max) {
        database.planByIndex(em);
        return em.createNativeQuery("""
                        SELECT * FROM job
                        WHERE status = 'PENDING' AND type IN (:types) AND run_at <= :now AND deleted_at IS NULL
                        ORDER BY run_at
                        LIMIT :max
                        FOR UPDATE SKIP LOCKED""", Job.class)
                .setParameter("types", types)
                .setParameter("now", now)
                .setParameter("max", max)
                .getResultList();
    }

    /**
     * Extends the leases of the jobs {@code worker} still holds among {@code ids}; answers those ids. By primary
     * key ({@link Database#planByIndex}), like every statement on the path of a running job.
     */
    public List<UUID> renewLeases(String worker, Collection<UUID> ids, Instant until) {
        database.planByIndex(em);
        em.createQuery("""
                        update Job j set j.leaseExpiresAt = :until
                        where j.workerId = :worker and j.status = :running and j.id in :ids""")
                .setParameter("until", until)
                .setParameter("worker", worker)
                .setParameter("running", JobStatus.RUNNING)
                .setParameter("ids", ids)
                .executeUpdate();
        return heldBy(worker, ids);
    }

    private List<UUID> heldBy(String worker, Collection<UUID> ids) {
        return em.createQuery("select j.id from Job j where j.workerId = :worker and j.status = :running and j.id in :ids", UUID.class)
                .setParameter("worker", worker)
                .setParameter("running", JobStatus.RUNNING)
                .setParameter("ids", ids)
                .getResultList();
    }

    /** RUNNING jobs whose lease ran out before {@code now}, oldest expiry first (index job_lease_idx). */
    public List<UUID> expiredLeases(Instant now, int max) {
        return em.createQuery("""
                        select j.id from Job j where j.status = :running and j.leaseExpiresAt < :now
                        order by j.leaseExpiresAt""", UUID.class)
                .setParameter("running", JobStatus.RUNNING)
                .setParameter("now", now)
                .setMaxResults(max)
                .getResultList();
    }

    /** RUNNING jobs past their own timeout at {@code now} (index job_timeout_idx). */
    public List<UUID> pastTimeout(Instant now, int max) {
        return em.createQuery("""
                        select j.id from Job j where j.status = :running and j.timeoutAt <= :now
                        order by j.timeoutAt""", UUID.class)
                .setParameter("running", JobStatus.RUNNING)
                .setParameter("now", now)
                .setMaxResults(max)
                .getResultList();
    }

    /** The RUNNING jobs one worker holds (index job_worker_idx). */
    public List<UUID> heldBy(String worker) {
        return em.createQuery("select j.id from Job j where j.workerId = :worker and j.status = :running", UUID.class)
                .setParameter("worker", worker)
                .setParameter("running", JobStatus.RUNNING)
                .getResultList();
    }

    /** Visible (not soft-deleted) jobs per status and type, keyed as {@link JobMetrics#key}. */
    public java.util.Map<String, Long> countByStatusAndType() {
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        em.createQuery("select j.status, j.type, count(j) from Job j where j.deletedAt is null group by j.status, j.type", Object[].class)
                .getResultList()
                .forEach(row -> counts.put(JobMetrics.key((JobStatus) row[0], (String) row[1]), (Long) row[2]));
        return counts;
    }

    /** When the oldest visible PENDING job was created; empty when none is waiting. */
    public Optional<java.time.Instant> oldestPendingSince() {
        return Optional.ofNullable(em.createQuery("select min(j.createdAt) from Job j where j.status = :pending and j.deletedAt is null",
                        java.time.Instant.class)
                .setParameter("pending", JobStatus.PENDING)
                .getSingleResult());
    }

    /** How many RUNNING jobs each worker holds. */
    public java.util.Map<String, Long> heldCounts() {
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        em.createQuery("select j.workerId, count(j) from Job j where j.status = :running group by j.workerId", Object[].class)
                .setParameter("running", JobStatus.RUNNING)
                .getResultList()
                .forEach(row -> counts.put((String) row[0], (Long) row[1]));
        return counts;
    }

    /** Newest first; a user's own jobs, or everyone's for an admin. Soft-deleted jobs are hidden. */
    public JobPage page(Caller caller, JobQuery query) {
        StringBuilder jpql = new StringBuilder("select j from Job j where j.deletedAt is null");
        if (!caller.admin()) {
            jpql.append(" and j.owner = :owner");
        }
        query.status().ifPresent(s -> jpql.append(" and j.status = :status"));
        query.type().ifPresent(t -> jpql.append(" and j.type = :type"));
        query.after().ifPresent(c -> jpql.append(" and (j.createdAt < :cAt or (j.createdAt = :cAt and j.id < :cId))"));
        jpql.append(" order by j.createdAt desc, j.id desc");

        TypedQuery<Job> q = em.createQuery(jpql.toString(), Job.class).setMaxResults(query.limit() + 1);
        if (!caller.admin()) {
            q.setParameter("owner", caller.name());
        }
        query.status().ifPresent(s -> q.setParameter("status", s));
        query.type().ifPresent(t -> q.setParameter("type", t));
        query.after().ifPresent(c -> q.setParameter("cAt", c.createdAt()).setParameter("cId", c.id()));

        List<Job> rows = q.getResultList();
        if (rows.size() <= query.limit()) {
            return new JobPage(rows, Optional.empty());
        }
        List<Job> items = rows.subList(0, query.limit());
        Job last = items.get(items.size() - 1);
        return new JobPage(List.copyOf(items), Optional.of(new PageCursor(last.createdAt(), last.id())));
    }
}
