package dev.custodian.retention.control;

import dev.custodian.job.entity.JobStatus;
import jakarta.persistence.Query;
import java.time.Instant;

/**
 * One retention selection: which jobs are due, before a cutoff, within a type scope, and the order they are taken
 * in: visible jobs of one status past its TTL ({@link #softDelete}: soft-deleted by stage one, or, when the restore
 * window is zero, purged at once in one stage), or soft-deleted jobs past the restore window ({@link #purge}). The
 * same condition and order serve the page queries, the counts of a dry run and the guarded changes of a real run
 * (JPQL, and native SQL for the one-statement purge, see {@link #whereSql()}). RUNNING jobs never match: a visible
 * selection takes finished or never-claimed PENDING jobs, the soft-deleted one excludes RUNNING explicitly.
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

    /** {@link #at()} in native SQL. */
    private String atSql() {
        if (purge) {
            return "j.deleted_at";
        }
        return status == JobStatus.PENDING ? "j.run_at" : "j.finished_at";
    }

    /** The order and keyset in native SQL on table {@code job} aliased {@code j} ({@link #keyset()} in JPQL). */
    String keysetSql() {
        return purge ? "j.deleted_at, j.created_at, j.id" : atSql() + ", j.id";
    }

    /**
     * The same order over the columns {@code at}, {@code created_at} and {@code id} of the rows a native statement
     * answers (its time column named {@code at}, see {@link #atSql()}).
     */
    String keysetOfRows() {
        return purge ? "at, created_at, id" : "at, id";
    }

    /** The columns {@link Candidate} is read from in native SQL: id, the time column as {@code at}, created_at. */
    String candidateColumnsSql() {
        return "j.id, " + atSql() + " as at, j.created_at";
    }

    /** In native SQL, after the cursor ({@link #after()} in JPQL), starting with " and ", bound by {@link #bindAfter}. */
    String afterSql() {
        return " and (" + keysetSql() + ") > (" + (purge ? ":afterAt, :afterCreated, :afterId" : ":afterAt, :afterId") + ")";
    }

    /** In native SQL, up to and including the end of a range, starting with " and ", bound by {@link #bindUpTo}. */
    String upToSql() {
        return " and (" + keysetSql() + ") <= (" + (purge ? ":toAt, :toCreated, :toId" : ":toAt, :toId") + ")";
    }

    void bindUpTo(Query query, Candidate c) {
        query.setParameter("toAt", c.at()).setParameter("toId", c.id());
        if (purge) {
            query.setParameter("toCreated", c.createdAt());
        }
    }

    /**
     * The condition ({@link #where()}) as native SQL on table {@code job} aliased {@code j}, starting with
     * " where ", bound by {@link #bind}; its order is {@link #keysetSql()}.
     */
    String whereSql() {
        StringBuilder where = new StringBuilder(" where ");
        if (purge) {
            where.append("j.deleted_at <= :cutoff and j.status <> 'RUNNING'");
        } else {
            // the status as a literal: PostgreSQL's partial claim index (status 'PENDING') serves only plans that see it
            where.append("j.status = '").append(status.name()).append("' and ").append(atSql())
                    .append(" < :cutoff and j.deleted_at is null");
            if (status == JobStatus.PENDING) {
                where.append(" and j.attempts = 0");
            }
        }
        scope.where(where);
        return where.toString();
    }

    /** The condition, starting with " where "; statuses are literals, as in {@link #whereSql()}. */
    String where() {
        StringBuilder where = new StringBuilder(" where ");
        if (purge) {
            where.append("j.deletedAt <= :cutoff and j.status <> ").append(literal(JobStatus.RUNNING));
        } else {
            where.append("j.status = ").append(literal(status)).append(" and ")
                    .append(at()).append(" < :cutoff and j.deletedAt is null");
            if (status == JobStatus.PENDING) {
                where.append(" and j.attempts = 0");
            }
        }
        scope.where(where);
        return where.toString();
    }

    /** Binds the condition of {@link #where()} or {@link #whereSql()}: the same parameters in both. */
    void bind(Query query) {
        query.setParameter("cutoff", cutoff);
        scope.bind(query);
    }

    /** {@code status} as a JPQL enum literal. */
    private static String literal(JobStatus status) {
        return JobStatus.class.getName() + "." + status.name();
    }
}
