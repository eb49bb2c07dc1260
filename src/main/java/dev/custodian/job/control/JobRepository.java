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
import jakarta.persistence.Query;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;
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

    /** Visible (not soft-deleted) jobs per status and type, keyed as {@link JobCounts#key}. */
    public java.util.Map<String, Long> countByStatusAndType() {
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        em.createQuery("select j.status, j.type, count(j) from Job j where j.deletedAt is null group by j.status, j.type", Object[].class)
                .getResultList()
                .forEach(row -> counts.put(JobCounts.key((JobStatus) row[0], (String) row[1]), (Long) row[2]));
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

    /** Counts stop here: above it {@code total} is a lower bound marked as an estimate. */
    public static final int COUNT_CAP = 10_000;

    /**
     * One page in the query's order, keyset-paged over {@code (sort column, id)}; soft-deleted jobs
     * ({@code deleted=true}) by deletion time, oldest first, which is purge order. With {@code count}, the matches are
     * counted up to {@link #COUNT_CAP} + 1 by reading ids from the same index.
     */
    public JobPage page(Caller caller, JobQuery query) {
        JobWhere where = JobWhere.of(caller, query.filter());
        String key = query.filter().deleted() ? "deletedAt" : query.sort().field();
        boolean descending = !query.filter().deleted() && query.sort().descending();
        if (key.equals("finishedAt")) {
            where.add("j.finishedAt is not null");
        }
        JobWhere counted = JobWhere.of(caller, query.filter());
        if (key.equals("finishedAt")) {
            counted.add("j.finishedAt is not null");
        }
        String cmp = descending ? "<" : ">";
        query.after().ifPresent(c -> where.add("(j." + key + " " + cmp + " :cAt or (j." + key + " = :cAt and j.id " + cmp + " :cId))")
                .param("cAt", c.createdAt()).param("cId", c.id()));
        String direction = descending ? " desc" : "";
        List<Job> rows = where.bind(em.createQuery("select j from Job j" + where.jpql()
                        + " order by j." + key + direction + ", j.id" + direction, Job.class))
                .setMaxResults(query.limit() + 1)
                .getResultList();
        OptionalLong total = query.count() ? OptionalLong.of(count(counted)) : OptionalLong.empty();
        if (rows.size() <= query.limit()) {
            return new JobPage(rows, Optional.empty(), total);
        }
        List<Job> items = List.copyOf(rows.subList(0, query.limit()));
        Job last = items.get(items.size() - 1);
        return new JobPage(items, Optional.of(new PageCursor(keyOf(last, key), last.id())), total);
    }

    /** How many jobs match, up to {@link #COUNT_CAP} + 1. */
    public long count(Caller caller, JobFilter filter) {
        return count(JobWhere.of(caller, filter));
    }

    private long count(JobWhere where) {
        return where.bind(em.createQuery("select j.id from Job j" + where.jpql(), UUID.class))
                .setMaxResults(COUNT_CAP + 1)
                .getResultList().size();
    }

    /** How many jobs match, exactly, in one {@code count(*)} over the condition {@link #matchingIds} walks. */
    public long countMatching(Caller caller, JobFilter filter, Optional<Collection<UUID>> only) {
        JobWhere where = JobWhere.of(caller, filter);
        only.ifPresent(where::ids);
        return where.bind(em.createQuery("select count(j) from Job j" + where.jpql(), Long.class)).getSingleResult();
    }

    /** The next {@code max} ids matching, in id order after {@code afterId}; bulk actions walk them in batches. */
    public List<UUID> matchingIds(Caller caller, JobFilter filter, Optional<Collection<UUID>> only, UUID afterId, int max) {
        JobWhere where = JobWhere.of(caller, filter);
        only.ifPresent(where::ids);
        if (afterId != null) {
            where.add("j.id > :afterId", "afterId", afterId);
        }
        return where.bind(em.createQuery("select j.id from Job j" + where.jpql() + " order by j.id", UUID.class))
                .setMaxResults(max)
                .getResultList();
    }

    /** Visible jobs per status, a user's own or everyone's (index job_live_status_idx / job_owner_status_idx). */
    public Map<JobStatus, Long> countByStatus(Caller caller) {
        Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
        for (JobStatus status : JobStatus.values()) {
            counts.put(status, 0L);
        }
        JobWhere where = JobWhere.of(caller, JobFilter.ALL);
        where.bind(em.createQuery("select j.status, count(j) from Job j" + where.jpql() + " group by j.status", Object[].class))
                .getResultList()
                .forEach(row -> counts.put((JobStatus) row[0], (Long) row[1]));
        return counts;
    }

    /**
     * Finished jobs in {@code [since, until)} per bucket of {@code stepSeconds} and status (index job_status_finished_idx,
     * one range per finished status): rows of {@code [bucket number, status, count]}, bucket = epoch second / step.
     */
    @SuppressWarnings("unchecked")
    public List<Object[]> finishedPerBucket(Caller caller, Instant since, Instant until, long stepSeconds) {
        String owner = caller.admin() ? "" : " AND owner = :owner";
        Query q = em.createNativeQuery("SELECT b, status, COUNT(*) FROM ("
                        + " SELECT FLOOR(EXTRACT(EPOCH FROM finished_at) / " + stepSeconds + ") AS b, status FROM job"
                        + " WHERE status IN ('COMPLETED', 'FAILED', 'CANCELLED') AND finished_at >= :since"
                        + " AND finished_at < :until" + owner + ") t GROUP BY b, status")
                .setParameter("since", since)
                .setParameter("until", until);
        if (!caller.admin()) {
            q.setParameter("owner", caller.name());
        }
        return q.getResultList();
    }

    private static Instant keyOf(Job job, String key) {
        return switch (key) {
            case "finishedAt" -> job.finishedAt();
            case "deletedAt" -> job.deletedAt();
            default -> job.createdAt();
        };
    }
}
