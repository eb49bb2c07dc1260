package dev.custodian.files;

import dev.custodian.cleanup.control.CleanupContext;
import dev.custodian.cleanup.control.CleanupTarget;
import dev.custodian.cleanup.control.TargetTally;
import dev.custodian.platform.storage.DataRoot;
import dev.custodian.job.control.JobRepository;
import jakarta.enterprise.context.ApplicationScoped;
import dev.custodian.platform.config.Durations;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Target {@code files}: the temp, pattern, log and orphan-output sweeps of the data root, with the run's
 * overrides of the temp and log ages and of the orphan grace. An output file counts as referenced while a job names
 * it or while the job it is named after still exists (a running job's output is not yet recorded).
 */
@ApplicationScoped
public class FileRetention implements CleanupTarget {

    static final String NAME = "files";

    @Inject
    FilesConfig config;

    @Inject
    DataRoot dataRoot;

    @Inject
    JobRepository repository;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Set<String> overrideFields() {
        return FileOverrides.FIELDS;
    }

    @Override
    public Object readOverrides(JsonObject section) {
        return FileOverrides.parse(section);
    }

    @Override
    public void describePolicy(JsonObjectBuilder policy) {
        FilePolicy p = config.policy();
        policy.add("files", Json.createObjectBuilder()
                .add("tempMaxAge", Durations.format(p.tempMaxAge())).add("logMaxAge", Durations.format(p.logMaxAge()))
                .add("tempPatterns", Json.createArrayBuilder(p.tempPatterns()))
                .add("protected", Json.createArrayBuilder(p.protectedPatterns()))
                .add("orphanGrace", Durations.format(p.orphanGrace())));
    }

    @Override
    public void run(CleanupContext context, TargetTally tally) {
        FilePolicy policy = context.overrides(this, FileOverrides.class).map(o -> o.over(config.policy())).orElse(config.policy());
        FileSweep sweep = new FileSweep(policy, this::referenced);
        tally.phase(TargetTally.Phase.SWEEPING);
        for (Sweep kind : Sweep.values()) {
            sweep.run(dataRoot.root(), kind, context.now(), context.dryRun(), tally, context.plan());
            context.batchDone();
        }
    }

    @Override
    public String whySkipped(String item) {
        return java.nio.file.Files.exists(dataRoot.root().resolve(item), java.nio.file.LinkOption.NOFOLLOW_LINKS)
                ? "no longer due (touched or changed since the preview)" : "already gone";
    }

    /** Names a job refers to, and names of files written by a job that still exists (its output not recorded yet). */
    private Set<String> referenced(List<String> names) {
        Set<String> referenced = new HashSet<>(repository.namedOutputs(names));
        Map<String, UUID> writers = new HashMap<>();
        names.forEach(name -> jobId(name).ifPresent(id -> writers.put(name, id)));
        if (!writers.isEmpty()) {
            Set<UUID> live = repository.existing(writers.values());
            writers.forEach((name, id) -> {
                if (live.contains(id)) {
                    referenced.add(name);
                }
            });
        }
        return referenced;
    }

    private static Optional<UUID> jobId(String fileName) {
        if (fileName.length() < 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(fileName.substring(0, 36)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
