package dev.custodian.retention.control;

import dev.custodian.cleanup.control.CleanupContext;
import dev.custodian.cleanup.control.CleanupTarget;
import dev.custodian.cleanup.control.PlanItem;
import dev.custodian.cleanup.control.RequestFields;
import dev.custodian.cleanup.control.TargetTally;
import dev.custodian.job.control.JobRepository;
import dev.custodian.job.entity.JobStatus;
import dev.custodian.platform.config.Durations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Target {@code jobs}: for every retained status, the default policy and each per-type override, stage one
 * ({@link SoftDeleteStep}) soft-deletes finished jobs past the TTL of their status and never-claimed PENDING jobs
 * past {@code pending-ttl}; then stage two ({@link PurgeStep}) purges soft-deleted jobs past the restore window.
 *
 * <p>A dry run walks the same pages with the same queries and counts; since it soft-deletes nothing, the jobs it
 * would soft-delete are also counted as purged when the restore window is zero, exactly as a real run would purge
 * them in its second stage. {@code matched} and {@code deleted} count soft deletes and purges (a job soft-deleted
 * and purged in one run counts twice); bytes are the output files purged.
 */
@ApplicationScoped
public class JobRetention implements CleanupTarget {

    static final String NAME = "jobs";

    private static final Set<String> OVERRIDE_FIELDS = Set.of("completedTtl", "failedTtl", "cancelledTtl", "pendingTtl", "restoreWindow");

    private static final List<JobStatus> RETAINED = List.of(JobStatus.COMPLETED, JobStatus.FAILED, JobStatus.CANCELLED, JobStatus.PENDING);

    @Inject
    RetentionConfig config;

    @Inject
    SoftDeleteStep softDelete;

    @Inject
    PurgeStep purge;

    @Inject
    JobRepository jobs;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Set<String> overrideFields() {
        return OVERRIDE_FIELDS;
    }

    @Override
    public Object readOverrides(JsonObject section) {
        return parseOverrides(section);
    }

    /** The {@code jobs} section of a cleanup request: the TTLs and the restore window of this run. */
    public static RetentionPolicy.Override parseOverrides(JsonObject section) {
        return new RetentionPolicy.Override(RequestFields.duration(section, "jobs", "completedTtl"),
                RequestFields.duration(section, "jobs", "failedTtl"), RequestFields.duration(section, "jobs", "cancelledTtl"),
                RequestFields.duration(section, "jobs", "pendingTtl"), RequestFields.duration(section, "jobs", "restoreWindow"));
    }

    @Override
    public void describePolicy(JsonObjectBuilder policy) {
        RetentionPolicies policies = config.policies();
        JsonObjectBuilder types = Json.createObjectBuilder();
        policies.overriddenTypes().stream().sorted().forEach(type -> types.add(type, policies.forType(type).toJson()));
        policy.add("jobs", policies.defaults().toJson()).add("types", types);
        config.archiveDir().ifPresent(dir -> policy.add("archiveDir", dir.toString()));
    }

    @Override
    public void run(CleanupContext context, TargetTally tally) {
        RetentionPolicies policies = config.policies().withRunOverride(context.overrides(this, RetentionPolicy.Override.class).orElse(RetentionPolicy.Override.NONE));
        TypeScope others = TypeScope.allExcept(policies.overriddenTypes());
        tally.phase(TargetTally.Phase.SOFT_DELETING);
        for (JobStatus status : RETAINED) {
            softDelete.run(context, tally, Due.softDelete(status, policies.defaults().cutoff(status, context.now()), others),
                    ttlReason(status, policies.defaults(), null), policies.defaults().restoreWindow().isZero());
            for (String type : policies.overriddenTypes()) {
                RetentionPolicy policy = policies.forType(type);
                softDelete.run(context, tally, Due.softDelete(status, policy.cutoff(status, context.now()), TypeScope.only(type)),
                        ttlReason(status, policy, type), policy.restoreWindow().isZero());
            }
        }
        tally.phase(TargetTally.Phase.PURGING);
        purge.run(context, tally, Due.purge(policies.defaults().purgeCutoff(context.now()), others),
                purgeReason(policies.defaults(), null), purgeSteps(policies.defaults()));
        for (String type : policies.overriddenTypes()) {
            RetentionPolicy policy = policies.forType(type);
            purge.run(context, tally, Due.purge(policy.purgeCutoff(context.now()), TypeScope.only(type)),
                    purgeReason(policy, type), purgeSteps(policy));
        }
    }

    /** {@code ttl completed 24h}, and the type when its own policy applies: {@code ttl completed 10m (type gzip)}. */
    static String ttlReason(JobStatus status, RetentionPolicy policy, String type) {
        return "ttl " + status.name().toLowerCase(java.util.Locale.ROOT) + " " + Durations.format(policy.ttl(status))
                + (type == null ? "" : " (type " + type + ")");
    }

    /** {@code restore window 3d}: soft-deleted longer ago than that. */
    static String purgeReason(RetentionPolicy policy, String type) {
        return "restore window " + Durations.format(policy.restoreWindow()) + (type == null ? "" : " (type " + type + ")");
    }

    /** What an apply run purges: the plan's purges, and its soft deletes where they are purged in the same run. */
    private static Set<String> purgeSteps(RetentionPolicy policy) {
        return policy.restoreWindow().isZero() ? Set.of(PlanItem.PURGE, PlanItem.SOFT_DELETE) : Set.of(PlanItem.PURGE);
    }

    @Override
    public String whySkipped(String item) {
        try {
            return jobs.existing(List.of(UUID.fromString(item))).isEmpty() ? "already gone"
                    : "no longer due (restored or changed since the preview)";
        } catch (IllegalArgumentException e) {
            return "no longer due";
        }
    }
}
