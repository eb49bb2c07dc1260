package dev.custodian.retention.control;

import dev.custodian.cleanup.control.PlanRows;
import dev.custodian.job.entity.Job;
import dev.custodian.job.entity.JobEvent;
import dev.custodian.job.entity.JobStatus;
import dev.custodian.platform.persistence.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.query.NativeQuery;

/**
 * Retention's queries. Selections read one page in index order after a row-value keyset cursor
 * {@code (time, id) > (:afterAt, :afterId)} ({@link Due#keyset()}), an index range scan (never all candidates, and
 * no page re-reads the ones before it);
 * every change re-checks its condition in the statement itself and runs in its own transaction, so concurrent
 * runs and claims cannot make it touch a job it should keep, and each batch holds its row locks only briefly.
 * On PostgreSQL a purge batch is one statement ({@link #purgeRange}); the portable path pages and then deletes.
 */
@ApplicationScoped
public class RetentionRepository {

    @PersistenceContext
    EntityManager em;

    @Inject
    Database database;

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
     * Whether {@link #purgeRange} is available: on PostgreSQL, whose {@code DELETE … RETURNING} lets one statement
     * select, delete and report a batch (H2 2.2 has no {@code RETURNING}).
     */
    public boolean purgesInOneStatement() {
        return database.isPostgres();
    }

    /**
     * PostgreSQL only: the last job of the page of {@code due} after the cursor {@code after}, i.e. its
     * {@code limit}-th job in keyset order, read by index; empty when fewer than {@code limit} remain. The end of a
     * range for {@link #purgeRange}. The offset is written into the statement: as a bound parameter, the plan
     * PostgreSQL caches for a prepared statement does not know it is small and sorts every remaining candidate.
     */
    @Transactional(TxType.REQUIRES_NEW)
    @SuppressWarnings("unchecked")
    public Optional<Candidate> pageEnd(Due due, Optional<Candidate> after, int limit) {
        NativeQuery<Object[]> q = em.createNativeQuery("""
                        select %s from job j%s%s
                        order by %s offset %d limit 1"""
                        .formatted(due.candidateColumnsSql(), due.whereSql(), after.isPresent() ? due.afterSql() : "", due.keysetSql(), limit - 1))
                .unwrap(NativeQuery.class)
                .addScalar("id", UUID.class).addScalar("at", Instant.class).addScalar("created_at", Instant.class);
        due.bind(q);
        after.ifPresent(c -> due.bindAfter(q, c));
        return q.getResultList().stream().findFirst().map(r -> new Candidate((UUID) r[0], (Instant) r[1], (Instant) r[2], null));
    }

    /**
     * PostgreSQL only: purges, in one statement, the jobs {@code due} selects after the cursor {@code after} up to
     * and including {@code upTo} (when present), at most {@code limit} of them. The page is read by index; the
     * delete finds its rows by their row address and re-checks the condition on every row it locks, so a job
     * restored or changed meanwhile is left alone (and not counted). Two statements deleting the same rows at once
     * wait for each other's row locks, and the second finds the rows gone: each job is purged, and counted, once.
     * Events go by ON DELETE CASCADE. Answers how many it purged, the first {@code sample} of them in keyset order
     * and the output files of all of them: not every purged row, which would cost the server more than the rest.
     * The limit is written into the statement, as {@link #pageEnd}'s offset: bound as a parameter, the generic plan
     * PostgreSQL caches for the prepared statement does not know the page is small and may hash-join it with a scan
     * of the whole table.
     *
     * <p>The commit does not wait for its WAL to reach the disk (asynchronous commit, {@code synchronous_commit} off
     * for this transaction only) unless the batch had output files: those are deleted once this method returns, so
     * their rows must be gone for good first. Losing a batch without files, should PostgreSQL crash within the
     * moment before its WAL is written, only brings back jobs that the next run purges: a missed deletion, never a
     * wrong one. The run's report, committed synchronously, makes every batch before it durable (WAL is flushed in
     * order), so a recorded run never counts a batch that was lost. A synchronous commit costs a disk flush, a large
     * share of a batch.
     */
    @Transactional(TxType.REQUIRES_NEW)
    @SuppressWarnings("unchecked")
    public PurgedBatch purgeRange(Due due, Optional<Candidate> after, Optional<Candidate> upTo, int limit, int sample,
            Optional<PlanRows> plan) {
        String where = due.whereSql();
        String item = "cast(%s.id as varchar)";
        // durability: synchronous_commit for this transaction only (set_config(..., true)), decided in the statement
        // itself so that a batch costs one statement and its commit: off, unless the batch had output files, then
        // the server's own setting (not changed before this point of the transaction)
        NativeQuery<Object[]> q = em.createNativeQuery("""
                        with page as (
                            select j.ctid as row_id from job j%s%s%s%s
                            order by %s limit %d),
                        purged as (
                            delete from job j using page p%s and j.ctid = p.row_id
                            returning %s, j.output_file),%s
                        ranked as (
                            select id, output_file, row_number() over (order by %s) as rank from purged),
                        durability as (
                            select set_config('synchronous_commit', case when exists (select 1 from purged where output_file is not null)
                                then current_setting('synchronous_commit') else 'off' end, true) as commit_mode)
                        select 0 as kind, count(*) as n, null::uuid as id, null::varchar as output_file,
                               (select commit_mode from durability)::varchar as commit_mode from purged
                        union all
                        select 1, rank, id, output_file, null from ranked where rank <= %d or output_file is not null
                        order by kind, n"""
                        .formatted(where, after.isPresent() ? due.afterSql() : "", upTo.isPresent() ? due.upToSql() : "",
                                plan.map(p -> p.listsSql(item.formatted("j"))).orElse(""), due.keysetSql(), limit, where,
                                due.candidateColumnsSql(),
                                plan.map(p -> "\n    marked as (" + p.markAppliedSql("purged d", item.formatted("d")) + "),").orElse(""),
                                due.keysetOfRows(), sample))
                .unwrap(NativeQuery.class)
                .addScalar("kind", Integer.class).addScalar("n", Long.class)
                .addScalar("id", UUID.class).addScalar("output_file", String.class).addScalar("commit_mode", String.class);
        due.bind(q);
        after.ifPresent(c -> due.bindAfter(q, c));
        upTo.ifPresent(c -> due.bindUpTo(q, c));
        plan.ifPresent(p -> p.bind(q));
        List<Object[]> rows = q.getResultList();
        List<UUID> first = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        for (Object[] r : rows.subList(1, rows.size())) {
            if ((Long) r[1] <= sample) {
                first.add((UUID) r[2]);
            }
            if (r[3] != null) {
                outputs.add((String) r[3]);
            }
        }
        if (!outputs.isEmpty() && "off".equals(rows.get(0)[4])) {
            // the server itself commits asynchronously: the files must still wait for a durable commit
            em.createNativeQuery("SET LOCAL synchronous_commit TO on").executeUpdate();
        }
        return new PurgedBatch(((Long) rows.get(0)[1]).intValue(), first, outputs);
    }

    /**
     * PostgreSQL only: one batch of a dry run that stores its plan, in one statement: reads the page of {@code due}
     * after the cursor {@code after} (at most {@code limit} jobs, by index, as {@link #page}) and inserts it into the
     * plan ({@code plan}), each job's bytes 0 when it has no output file and unknown (null) otherwise (the caller
     * sizes those files, {@code withBytes}), or unknown for all ({@code !withBytes}). Only what the caller needs
     * comes back: the first {@code sample} jobs, the last one (the next cursor) and, with bytes, those with an
     * output file; each row with how many the batch recorded. Takes no lock: the jobs stay as they are.
     *
     * <p>The batch commits asynchronously ({@code synchronous_commit} off for its transaction): should PostgreSQL
     * crash before its WAL is written, the dry run has not finished either (its report, committed synchronously,
     * makes every batch before it durable), and only a finished dry run's plan can be read or applied.
     */
    @Transactional(TxType.REQUIRES_NEW)
    @SuppressWarnings("unchecked")
    public RecordedBatch recordPage(Due due, Optional<Candidate> after, int limit, PlanRows plan, boolean withBytes, int sample) {
        NativeQuery<Object[]> q = em.createNativeQuery("""
                        with page as (
                            select %s, j.output_file from job j%s%s
                            order by %s limit %d),
                        recorded as (
                            %s
                            returning 1),
                        ranked as (
                            select id, at, created_at, output_file, row_number() over (order by %s) as rank,
                                   count(*) over () as total from page),
                        durability as (
                            select set_config('synchronous_commit', 'off', true) as commit_mode)
                        select (select count(*) from recorded) as recorded, rank, total, id, at, created_at, output_file
                        from ranked cross join durability where rank <= %d or rank = total%s
                        order by rank"""
                        .formatted(due.candidateColumnsSql(), due.whereSql(), after.isPresent() ? due.afterSql() : "",
                                due.keysetSql(), limit,
                                plan.insertSql("page p", "cast(p.id as varchar)",
                                        withBytes ? "case when p.output_file is null then 0 end" : "cast(null as bigint)"),
                                due.keysetOfRows(), sample, withBytes ? " or output_file is not null" : ""))
                .unwrap(NativeQuery.class)
                .addScalar("recorded", Long.class).addScalar("rank", Long.class).addScalar("total", Long.class)
                .addScalar("id", UUID.class).addScalar("at", Instant.class).addScalar("created_at", Instant.class)
                .addScalar("output_file", String.class);
        due.bind(q);
        after.ifPresent(c -> due.bindAfter(q, c));
        plan.bind(q);
        List<Candidate> first = new ArrayList<>();
        List<Candidate> withOutput = new ArrayList<>();
        Candidate last = null;
        long recorded = 0;
        for (Object[] r : (List<Object[]>) q.getResultList()) {
            recorded = (Long) r[0];
            Candidate c = new Candidate((UUID) r[3], (Instant) r[4], (Instant) r[5], (String) r[6]);
            if ((Long) r[1] <= sample) {
                first.add(c);
            }
            if (c.outputFile() != null) {
                withOutput.add(c);
            }
            last = c;
        }
        return new RecordedBatch((int) recorded, first, Optional.ofNullable(last), withOutput);
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

    /** A job and its timeline, as written to the archive. */
    public record ArchivedJob(Job job, List<JobEvent> events) {
    }
}
