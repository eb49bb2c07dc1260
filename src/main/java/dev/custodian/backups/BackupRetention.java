package dev.custodian.backups;

import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.custodian.cleanup.control.CleanupContext;
import dev.custodian.cleanup.control.CleanupTarget;
import dev.custodian.cleanup.control.InvalidCleanupRequestException;
import dev.custodian.cleanup.control.PlanItem;
import dev.custodian.cleanup.control.TargetTally;
import dev.custodian.platform.storage.DataRoot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Target {@code backups}: in each {@code backups/<environment>/} directory, the regular files (links are neither
 * followed nor deleted) are backups; {@link BackupSelection} decides which to keep, the rest are deleted. Days,
 * weeks and months are UTC. The sample gives each deleted path with its reason; a dry run records them in its plan,
 * an apply run deletes (and compresses) nothing its plan does not list.
 */
@ApplicationScoped
public class BackupRetention implements CleanupTarget {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BackupRetention.class);

    @Inject
    BackupsConfig config;

    @Inject
    DataRoot dataRoot;

    @Override
    public String name() {
        return "backups";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Set<String> overrideFields() {
        return BackupOverrides.FIELDS;
    }

    /**
     * The "keeps nothing" rule holds for the effective policy of every environment (its configuration with the
     * run's overrides over it), not just for the counts the request happens to send: {@code {"keepLast": 0}} alone
     * empties every environment whose other counts are 0.
     */
    @Override
    public Object readOverrides(JsonObject section) {
        BackupOverrides overrides = BackupOverrides.parse(section);
        Set<String> environments = new TreeSet<>(config.policies().overriddenEnvironments());
        environments.addAll(config.environmentDirectories());
        if (overrides.only().isPresent()) {
            String only = overrides.only().get();
            if (!environments.contains(only)) {
                throw new InvalidCleanupRequestException("backups.environment: unknown environment '" + only
                        + "'; known: " + (environments.isEmpty() ? "none" : String.join(", ", environments)));
            }
            environments = Set.of(only);
        } else {
            try {
                overrides.over(config.policies().global());
            } catch (IllegalArgumentException e) {
                throw keepsNothing("the configured policy", overrides);
            }
        }
        for (String environment : environments) {
            try {
                overrides.over(config.policies().policyFor(environment));
            } catch (IllegalArgumentException e) {
                throw keepsNothing("environment '" + environment + "'", overrides);
            }
        }
        return overrides;
    }

    private static InvalidCleanupRequestException keepsNothing(String what, BackupOverrides o) {
        return new InvalidCleanupRequestException("backups: with " + o + " over " + what
                + ", every keep count is 0 and every backup would be deleted; keep at least one");
    }

    @Override
    public void describePolicy(JsonObjectBuilder policy) {
        BackupPolicies policies = config.policies();
        JsonObjectBuilder environments = Json.createObjectBuilder();
        policies.overriddenEnvironments().forEach(env -> environments.add(env, policies.policyFor(env).toJson()));
        policy.add("backups", policies.global().toJson().add("environments", environments));
    }

    @Override
    public void run(CleanupContext context, TargetTally tally) {
        Path backups = dataRoot.root().resolve("backups");
        if (!Files.isDirectory(backups, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        java.util.Optional<BackupOverrides> overrides = context.overrides(this, BackupOverrides.class);
        java.util.Optional<String> only = overrides.flatMap(BackupOverrides::only);
        try (DirectoryStream<Path> environments = Files.newDirectoryStream(backups)) {
            for (Path env : environments) {
                // the environment was checked against the directory names when the request was read
                if (only.map(name -> name.equals(env.getFileName().toString())).orElse(true) && Files.isDirectory(env, LinkOption.NOFOLLOW_LINKS)) {
                    BackupPolicy configured = config.policies().policyFor(env.getFileName().toString());
                    sweep(env, overrides.map(o -> o.over(configured)).orElse(configured), only.isPresent(), context, tally);
                }
            }
        } catch (IOException e) {
            tally.error();
        }
    }

    /**
     * Compression is not a deletion: it is listed in the sample ("compress") in dry and real runs alike and its
     * savings are logged, but it adds nothing to matched, deleted or bytesFreed, so a dry run still reports
     * exactly the deletions of the real run.
     */
    private void compressIfDue(Path env, String prefix, Backup backup, CleanupContext context, TargetTally tally) {
        // an apply run changes nothing its plan does not list, and no plan lists a compression
        if (!config.compress() || !BackupCompression.isDue(backup, context.now()) || context.plan().restricted()) {
            return;
        }
        tally.note(prefix + backup.name() + " (compress)");
        if (context.dryRun()) {
            return;
        }
        try {
            long saved = BackupCompression.compress(env.resolve(backup.name()));
            LOG.info("Compressed backup {} {}", kv("backup", prefix + backup.name()), kv("bytes_saved", saved));
        } catch (IOException e) {
            tally.error();
            LOG.warn("Could not compress backup {}: {}", prefix + backup.name(), e.toString());
        }
    }

    /** Why a backup outside every kept bucket goes: {@code bucket keep-last 5}, with the other counts that are set. */
    static String reason(BackupPolicy policy) {
        StringBuilder reason = new StringBuilder("bucket keep-last ").append(policy.keepLast());
        if (policy.keepDaily() > 0) {
            reason.append(" keep-daily ").append(policy.keepDaily());
        }
        if (policy.keepWeekly() > 0) {
            reason.append(" keep-weekly ").append(policy.keepWeekly());
        }
        if (policy.keepMonthly() > 0) {
            reason.append(" keep-monthly ").append(policy.keepMonthly());
        }
        return reason.toString();
    }

    @Override
    public String whySkipped(String item) {
        return Files.exists(dataRoot.root().resolve(item), LinkOption.NOFOLLOW_LINKS)
                ? "no longer due (kept by the policy now)" : "already gone";
    }

    /**
     * Deletes what the policy does not keep and compresses what it keeps (when due), newest first. A run limited to
     * one environment ({@code listKept}, what {@code custodian backups forget} shows) also lists each kept backup in
     * the sample with the rules that keep it, and takes the deletions first so that they come first in the bounded
     * sample.
     */
    private void sweep(Path env, BackupPolicy policy, boolean listKept, CleanupContext context, TargetTally tally) {
        tally.phase(TargetTally.Phase.SELECTING);
        List<Backup> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(env)) {
            for (Path file : files) {
                if (file.getFileName().toString().startsWith(".")) {
                    continue; // hidden: not a backup (e.g. a compression cut short, .<name>.gz.partial)
                }
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (attributes.isRegularFile()) {
                    found.add(new Backup(file.getFileName().toString(), attributes.lastModifiedTime().toInstant(), attributes.size()));
                }
            }
        } catch (IOException e) {
            tally.error();
            return;
        }
        String prefix = "backups/" + env.getFileName() + "/";
        String reason = reason(policy);
        List<BackupDecision> decisions = new ArrayList<>(BackupSelection.select(found, policy, ZoneOffset.UTC));
        if (listKept) {
            decisions.sort(java.util.Comparator.comparing(BackupDecision::kept)); // stable: deletions, then kept, each newest first
        }
        tally.phase(TargetTally.Phase.DELETING);
        for (BackupDecision decision : decisions) {
            if (decision.kept()) {
                if (listKept) {
                    tally.note(prefix + decision.backup().name() + " (kept by " + String.join(", ",
                            decision.reasons().stream().map(r -> r.equals("last") ? "keep-last " + policy.keepLast() : r).toList()) + ")");
                }
                compressIfDue(env, prefix, decision.backup(), context, tally);
                continue;
            }
            Backup backup = decision.backup();
            PlanItem item = new PlanItem(prefix + backup.name(), PlanItem.DELETE, reason, backup.size());
            if (!context.plan().allows(name(), PlanItem.DELETE, item.item())) {
                continue; // not in the plan being applied: kept, and not counted
            }
            tally.matched(item.label());
            if (context.dryRun()) {
                context.plan().record(name(), item);
                tally.wouldFree(backup.size());
                continue;
            }
            try {
                Files.delete(env.resolve(backup.name()));
                tally.deleted(1);
                tally.freed(backup.size());
                context.plan().applied(name(), List.of(item.item()));
            } catch (IOException e) {
                tally.error();
            }
        }
        context.batchDone();
    }
}
