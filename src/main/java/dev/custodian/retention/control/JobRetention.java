package dev.custodian.retention.control;

import dev.custodian.cleanup.control.CleanupContext;
import dev.custodian.cleanup.control.CleanupTarget;
import dev.custodian.cleanup.control.RequestFields;
import dev.custodian.cleanup.control.TargetTally;
import dev.custodian.job.control.JobRepository;
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
 * Where the restore window is zero, the jobs past their TTL are purged at once instead, in one stage
 * ({@link RetentionStages}).
 *
 * <p>A dry run walks the same selections with the same queries and counts. {@code matched} and {@code deleted}
 * count soft deletes and purges, each job once; bytes are the output files purged.
 */
@ApplicationScoped
public class JobRetention implements CleanupTarget {

    static final String NAME = "jobs";

    private static final Set<String> OVERRIDE_FIELDS = Set.of("completedTtl", "failedTtl", "cancelledTtl", "pendingTtl", "restoreWindow");

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
        for (RetentionStages.Stage stage : RetentionStages.of(policies, context.now())) {
            if (stage.purge()) {
                tally.phase(TargetTally.Phase.PURGING);
                purge.run(context, tally, stage.due(), stage.reason());
            } else {
                tally.phase(TargetTally.Phase.SOFT_DELETING);
                softDelete.run(context, tally, stage.due(), stage.reason());
            }
        }
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
