package dev.custodian.retention.control;

import dev.custodian.job.entity.JobStatus;
import dev.custodian.platform.config.Durations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

    /** One selection, what a real run does with it (soft-delete it, or purge it) and why, as plans and samples say. */
    public record Stage(Due due, boolean purge, String reason) {
    }

    private RetentionStages() {
    }

    public static List<Stage> of(RetentionPolicies policies, Instant now) {
        TypeScope others = TypeScope.allExcept(policies.overriddenTypes());
        List<String> types = policies.overriddenTypes().stream().sorted().toList();
        List<Stage> stages = new ArrayList<>();
        for (JobStatus status : RETAINED) {
            stages.add(visible(policies.defaults(), status, now, others, null));
            for (String type : types) {
                stages.add(visible(policies.forType(type), status, now, TypeScope.only(type), type));
            }
        }
        stages.add(softDeleted(policies.defaults(), now, others, null));
        for (String type : types) {
            stages.add(softDeleted(policies.forType(type), now, TypeScope.only(type), type));
        }
        return stages;
    }

    private static Stage visible(RetentionPolicy policy, JobStatus status, Instant now, TypeScope scope, String type) {
        return new Stage(Due.softDelete(status, policy.cutoff(status, now), scope), policy.restoreWindow().isZero(),
                "ttl " + status.name().toLowerCase(Locale.ROOT) + " " + Durations.format(policy.ttl(status)) + of(type));
    }

    private static Stage softDeleted(RetentionPolicy policy, Instant now, TypeScope scope, String type) {
        return new Stage(Due.purge(policy.purgeCutoff(now), scope), true,
                "restore window " + Durations.format(policy.restoreWindow()) + of(type));
    }

    /** The type, where its own policy applies: {@code ttl completed 10m (type gzip)}. */
    private static String of(String type) {
        return type == null ? "" : " (type " + type + ")";
    }
}
