package dev.custodian.retention.control;

import dev.custodian.cleanup.control.CleanupContext;
import dev.custodian.cleanup.control.CleanupTarget;
import dev.custodian.cleanup.control.TargetTally;
import dev.custodian.job.control.JobFiles;
import dev.custodian.job.entity.JobStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Target {@code jobs}: stage one soft-deletes finished jobs past the TTL of their status and never-claimed
 * PENDING jobs past {@code pending-ttl}; stage two purges soft-deleted jobs past the restore window (archive line
 * first when configured, then the row with its events by cascade, then, after the commit, the output file).
 *
 * <p>A dry run walks the same pages with the same queries and counts; since it soft-deletes nothing, the jobs it
 * would soft-delete are also counted as purged when the restore window is zero, exactly as a real run would purge
 * them in its second stage. {@code matched} and {@code deleted} count soft deletes and purges (a job soft-deleted
 * and purged in one run counts twice); bytes are the output files purged.
 */
@ApplicationScoped
public class JobRetention implements CleanupTarget {

    private static final List<JobStatus> RETAINED = List.of(JobStatus.COMPLETED, JobStatus.FAILED, JobStatus.CANCELLED, JobStatus.PENDING);

    @Inject
    RetentionRepository repository;

    @Inject
    RetentionConfig config;

    @Inject
    JobFiles files;

    @Override
    public String name() {
        return "jobs";
    }

    @Override
    public void run(CleanupContext context, TargetTally tally) {
        RetentionPolicies policies = config.policies().withRunOverride(context.overrides().jobs());
        boolean purgeAtOnce = policies.defaults().restoreWindow().isZero();
        for (JobStatus status : RETAINED) {
            softDelete(context, tally, status, TypeScope.allExcept(policies.overriddenTypes()), policies.defaults(), purgeAtOnce);
            for (String type : policies.overriddenTypes()) {
                RetentionPolicy policy = policies.forType(type);
                softDelete(context, tally, status, TypeScope.only(type), policy, policy.restoreWindow().isZero());
            }
        }
        purge(context, tally, TypeScope.allExcept(policies.overriddenTypes()), policies.defaults());
        for (String type : policies.overriddenTypes()) {
            purge(context, tally, TypeScope.only(type), policies.forType(type));
        }
    }

    private void softDelete(CleanupContext context, TargetTally tally, JobStatus status, TypeScope scope, RetentionPolicy policy,
                            boolean purgedInThisRun) {
        Instant cutoff = policy.cutoff(status, context.now());
        Optional<Candidate> after = Optional.empty();
        List<Candidate> page;
        do {
            page = repository.dueForSoftDelete(status, cutoff, scope, after, context.batchSize());
            if (page.isEmpty()) {
                return;
            }
            page.forEach(c -> tally.matched(c.id().toString()));
            if (context.dryRun()) {
                if (purgedInThisRun) {
                    // the real run's second stage purges these too
                    page.forEach(c -> {
                        tally.matched(c.id().toString());
                        tally.freed(outputSize(c));
                    });
                }
            } else {
                tally.deleted(repository.softDelete(ids(page), status, cutoff, context.now()));
            }
            after = Optional.of(page.get(page.size() - 1));
            context.batchDone();
        } while (page.size() == context.batchSize());
    }

    private void purge(CleanupContext context, TargetTally tally, TypeScope scope, RetentionPolicy policy) {
        Instant cutoff = policy.purgeCutoff(context.now());
        Optional<JobArchive> archive = context.dryRun() ? Optional.empty() : config.archiveDir().map(dir -> JobArchive.open(dir, context.runId()));
        try {
            Optional<Candidate> after = Optional.empty();
            List<Candidate> page;
            do {
                page = repository.dueForPurge(cutoff, scope, after, context.batchSize());
                if (page.isEmpty()) {
                    break;
                }
                purgePage(context, tally, page, cutoff, archive);
                after = Optional.of(page.get(page.size() - 1));
                context.batchDone();
            } while (page.size() == context.batchSize());
        } finally {
            archive.ifPresent(JobArchive::close);
        }
    }

    private void purgePage(CleanupContext context, TargetTally tally, List<Candidate> page, Instant cutoff, Optional<JobArchive> archive) {
        if (context.dryRun()) {
            for (Candidate c : page) {
                tally.matched(c.id().toString());
                tally.freed(outputSize(c));
            }
            return;
        }
        List<UUID> ids = ids(page);
        archive.ifPresent(a -> a.append(repository.forArchive(ids)));
        int purged = repository.purge(ids, cutoff);
        Set<UUID> left = purged == ids.size() ? Set.of() : repository.existing(ids);
        for (Candidate c : page) {
            if (!left.contains(c.id())) {
                tally.matched(c.id().toString());
                tally.freed(deleteOutput(c, tally));
            }
        }
        tally.deleted(purged);
    }

    private long outputSize(Candidate c) {
        if (c.outputFile() == null) {
            return 0;
        }
        try {
            return Files.size(files.outputPath(c.outputFile()));
        } catch (IOException | IllegalArgumentException e) {
            return 0;
        }
    }

    private long deleteOutput(Candidate c, TargetTally tally) {
        if (c.outputFile() == null) {
            return 0;
        }
        try {
            Path path = files.outputPath(c.outputFile());
            long size = Files.size(path);
            Files.delete(path);
            return size;
        } catch (java.nio.file.NoSuchFileException e) {
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            tally.error();
            return 0;
        }
    }

    private static List<UUID> ids(List<Candidate> page) {
        return page.stream().map(Candidate::id).toList();
    }
}
