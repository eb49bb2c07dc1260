package dev.custodian.retention.control;

import dev.custodian.job.entity.JobStatus;
import jakarta.persistence.Query;
import java.time.Instant;

/**
 * One retention selection: which jobs are due for soft delete (of one status) or for purge, before a cutoff,
 * within a type scope, and the order they are taken in. The same condition and order serve the page queries, the
 * counts of a dry run and the guarded changes of a real run (JPQL, and for the purge also native SQL, see
 * {@link #purgeSql()}). RUNNING jobs never match: soft delete selects finished or never-claimed PENDING jobs,
 * purge excludes RUNNING explicitly.
 */
public record Due(JobStatus status, Instant cutoff, TypeScope scope, boolean purge) {

    public static Due softDelete(JobStatus status, Instant cutoff, TypeScope scope) {
        if (status == JobStatus.RUNNING) {
            throw new IllegalArgumentException("RUNNING jobs are never retained");
        }
        return new Due(status, cutoff, scope, false);
    }

    public static Due purge(Instant cutoff, TypeScope scope) {
        return new Due(null, cutoff, scope, true);
    }

    /** The time column the selection orders and pages by. */
    String at() {
        if (purge) {
            return "j.deletedAt";
        }
        return status == JobStatus.PENDING ? "j.runAt" : "j.finishedAt";
    }

    /**
     * The order of the selection, which is also its keyset cursor: the time column and the id, an index range scan
     * (indexes of {@code V4__keyset_indexes.sql}). The purge breaks ties on {@code deleted_at} (one soft-delete run
     * stamps all its jobs with the same instant) by {@code created_at}, the order rows were inserted in, so that a
     * batch deletes rows that lie together ({@code V5__purge_order.sql}).
     */
    String keyset() {
        return purge ? "j.deletedAt, j.createdAt, j.id" : at() + ", j.id";
    }

    /** The condition "after the cursor" in that order, starting with " and "; {@link #bindAfter} binds the cursor. */
    String after() {
        return purge ? " and (j.deletedAt, j.createdAt, j.id) > (:afterAt, :afterCreated, :afterId)"
                : " and (" + at() + ", j.id) > (:afterAt, :afterId)";
    }

    void bindAfter(Query query, Candidate c) {
        query.setParameter("afterAt", c.at()).setParameter("afterId", c.id());
        if (purge) {
            query.setParameter("afterCreated", c.createdAt());
        }
    }

    /** The purge's order and keyset in native SQL ({@link #keyset()} in JPQL). */
    static final String PURGE_KEYSET_SQL = "j.deleted_at, j.created_at, j.id";

    /** In native SQL, after the cursor ({@link #after()} in JPQL), bound by {@link #bindAfter}. */
    static final String PURGE_AFTER_SQL = " and (" + PURGE_KEYSET_SQL + ") > (:afterAt, :afterCreated, :afterId)";

    /** In native SQL, up to and including the end of a purge range, bound by {@link #bindUpTo}. */
    static final String PURGE_UP_TO_SQL = " and (" + PURGE_KEYSET_SQL + ") <= (:toAt, :toCreated, :toId)";

    static void bindUpTo(Query query, Candidate c) {
        query.setParameter("toAt", c.at()).setParameter("toCreated", c.createdAt()).setParameter("toId", c.id());
    }

    /**
     * The purge condition as native SQL on table {@code job} aliased {@code j}, starting with " where ", bound by
     * {@link #bindSql}; its order is {@link #PURGE_KEYSET_SQL}.
     */
    String purgeSql() {
        if (!purge) {
            throw new IllegalStateException("native SQL only for the purge");
        }
        StringBuilder where = new StringBuilder(" where j.deleted_at <= :cutoff and j.status <> 'RUNNING'");
        scope.where(where);
        return where.toString();
    }

    void bindSql(Query query) {
        query.setParameter("cutoff", cutoff);
        scope.bind(query);
    }

    /** The condition, starting with " where ". */
    String where() {
        StringBuilder where = new StringBuilder(" where ");
        if (purge) {
            where.append("j.deletedAt <= :cutoff and j.status <> :status");
        } else {
            where.append("j.status = :status and ").append(at()).append(" < :cutoff and j.deletedAt is null");
            if (status == JobStatus.PENDING) {
                where.append(" and j.attempts = 0");
            }
        }
        scope.where(where);
        return where.toString();
    }

    void bind(Query query) {
        query.setParameter("status", purge ? JobStatus.RUNNING : status).setParameter("cutoff", cutoff);
        scope.bind(query);
    }
}
