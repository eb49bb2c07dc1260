package dev.custodian.retention.control;

import dev.custodian.job.entity.JobStatus;
import jakarta.persistence.Query;
import java.time.Instant;

/**
 * One retention selection: which jobs are due for soft delete (of one status) or for purge, before a cutoff,
 * within a type scope. The same condition serves the page queries, the counts of a dry run and the guarded
 * changes of a real run. RUNNING jobs never match: soft delete selects finished or never-claimed PENDING jobs,
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
