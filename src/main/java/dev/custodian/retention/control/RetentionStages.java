package dev.custodian.retention.control;

import dev.custodian.job.entity.JobStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a job retention run does, in order, for the policies of the run: for every retained status, the default
 * policy and each per-type one, the visible jobs past the TTL are soft-deleted, or, where the restore window is
 * zero, purged at once (one stage: a soft delete that the same run would purge is an UPDATE of every row for
 * nothing); then the jobs soft-deleted earlier are purged once past their restore window. A dry run counts the same
 * stages over the same selections, so it announces exactly what the real run does, each job once.
 */
public final class RetentionStages {

    /** The statuses retention takes; RUNNING is never among them. */
    static final List<JobStatus> RETAINED = List.of(JobStatus.COMPLETED, JobStatus.FAILED, JobStatus.CANCELLED, JobStatus.PENDING);

    /** One selection and what a real run does with it: soft-delete it, or purge it. */
    public record Stage(Due due, boolean purge) {
    }

    private RetentionStages() {
    }

    public static List<Stage> of(RetentionPolicies policies, Instant now) {
        TypeScope others = TypeScope.allExcept(policies.overriddenTypes());
        List<String> types = policies.overriddenTypes().stream().sorted().toList();
        List<Stage> stages = new ArrayList<>();
        for (JobStatus status : RETAINED) {
            stages.add(visible(policies.defaults(), status, now, others));
            for (String type : types) {
                stages.add(visible(policies.forType(type), status, now, TypeScope.only(type)));
            }
        }
        stages.add(new Stage(Due.purge(policies.defaults().purgeCutoff(now), others), true));
        for (String type : types) {
            stages.add(new Stage(Due.purge(policies.forType(type).purgeCutoff(now), TypeScope.only(type)), true));
        }
        return stages;
    }

    private static Stage visible(RetentionPolicy policy, JobStatus status, Instant now, TypeScope scope) {
        return new Stage(Due.softDelete(status, policy.cutoff(status, now), scope), policy.restoreWindow().isZero());
    }
}
