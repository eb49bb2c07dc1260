package dev.custodian.retention.control;

import dev.custodian.cleanup.control.CleanupConfig;
import dev.custodian.cleanup.control.CleanupContext;
import dev.custodian.cleanup.control.CleanupTarget;
import dev.custodian.cleanup.control.RequestFields;
import dev.custodian.cleanup.control.TargetTally;
import dev.custodian.job.control.JobRepository;
import dev.custodian.job.control.JobFiles;
import dev.custodian.job.entity.JobStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Target {@code jobs}: stage one soft-deletes finished jobs past the TTL of their status and never-claimed
 * PENDING jobs past {@code pending-ttl}; stage two purges soft-deleted jobs past the restore window (archive line
 * first when configured, then the row with its events by cascade, then, after the commit, the output file). On
 * PostgreSQL without an archive a purge batch is one statement, several batches at once; otherwise a page is read,
 * archived, then deleted.
 *
 * <p>A dry run walks the same pages with the same queries and counts; since it soft-deletes nothing, the jobs it
 * would soft-delete are also counted as purged when the restore window is zero, exactly as a real run would purge
 * them in its second stage. {@code matched} and {@code deleted} count soft deletes and purges (a job soft-deleted
 * and purged in one run counts twice); bytes are the output files purged.
 */
@ApplicationScoped
public class JobRetention implements CleanupTarget {

    private static final Set<String> OVERRIDE_FIELDS = Set.of("completedTtl", "failedTtl", "cancelledTtl", "pendingTtl", "restoreWindow");

    private static final List<JobStatus> RETAINED = List.of(JobStatus.COMPLETED, JobStatus.FAILED, JobStatus.CANCELLED, JobStatus.PENDING);

    @Inject
    RetentionRepository repository;

    @Inject
    JobRepository jobs;

    @Inject
    RetentionConfig config;

    @Inject
    JobFiles files;

    @Inject
    CleanupConfig cleanupConfig;

    @Resource
    ManagedThreadFactory threadFactory;

    @Override
    public String name() {
        return "jobs";
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
        for (JobStatus status : RETAINED) {
            softDelete(context, tally, Due.softDelete(status, policies.defaults().cutoff(status, context.now()), others),
                    policies.defaults().restoreWindow().isZero());
            for (String type : policies.overriddenTypes()) {
                RetentionPolicy policy = policies.forType(type);
                softDelete(context, tally, Due.softDelete(status, policy.cutoff(status, context.now()), TypeScope.only(type)),
                        policy.restoreWindow().isZero());
            }
        }
        purge(context, tally, Due.purge(policies.defaults().purgeCutoff(context.now()), others));
        for (String type : policies.overriddenTypes()) {
            purge(context, tally, Due.purge(policies.forType(type).purgeCutoff(context.now()), TypeScope.only(type)));
        }
    }

    private void softDelete(CleanupContext context, TargetTally tally, Due due, boolean purgedInThisRun) {
        if (context.dryRun()) {
            // the real run's second stage purges these too when the restore window is zero
            plan(tally, due, purgedInThisRun ? 2 : 1, purgedInThisRun, context);
            return;
        }
        Optional<Candidate> after = Optional.empty();
        List<Candidate> page;
        do {
            page = repository.page(due, after, context.batchSize());
            if (page.isEmpty()) {
                return;
            }
            page.forEach(c -> tally.matched(c.id().toString()));
            tally.deleted(repository.softDelete(ids(page), due, context.now()));
            after = Optional.of(page.get(page.size() - 1));
            context.batchDone();
        } while (page.size() == context.batchSize());
    }

    private void purge(CleanupContext context, TargetTally tally, Due due) {
        if (context.dryRun()) {
            plan(tally, due, 1, true, context);
            return;
        }
        if (config.archiveDir().isEmpty() && repository.purgesInOneStatement()) {
            purgeInOneStatementPerBatch(context, tally, due);
            return;
        }
        Optional<JobArchive> archive = config.archiveDir().map(dir -> JobArchive.open(dir, context.runId()));
        try {
            Optional<Candidate> after = Optional.empty();
            List<Candidate> page;
            do {
                page = repository.page(due, after, context.batchSize());
                if (page.isEmpty()) {
                    break;
                }
                purgePage(tally, page, due, archive);
                after = Optional.of(page.get(page.size() - 1));
                context.batchDone();
            } while (page.size() == context.batchSize());
        } finally {
            archive.ifPresent(JobArchive::close);
        }
    }

    /**
     * PostgreSQL without an archive: each batch is one statement that selects, deletes and answers the jobs of one
     * key range, up to {@code purge-parallelism} of them at once on their own connections ({@link ParallelPurge});
     * their output files go after its commit. The ranges are cut from the same selection as a dry run counts, so
     * the report adds up to what it announced, less the jobs restored meanwhile.
     */
    private void purgeInOneStatementPerBatch(CleanupContext context, TargetTally tally, Due due) {
        int n = context.batchSize();
        ParallelPurge.run(new ParallelPurge.Batches<PurgedBatch>() {
            public Optional<Candidate> end(Optional<Candidate> after) {
                return repository.pageEnd(due, after, n);
            }

            public PurgedBatch purge(Optional<Candidate> after, Optional<Candidate> upTo) {
                return repository.purgeRange(due, after, upTo, n, TargetTally.SAMPLE_SIZE);
            }
        }, cleanupConfig.purgeParallelism(), threadFactory, new ParallelPurge.Progress<PurgedBatch>() {
            public void purged(PurgedBatch batch) {
                batch.first().forEach(id -> tally.matched(id.toString()));
                tally.matchedUnlisted(batch.purged() - batch.first().size());
                batch.outputFiles().forEach(file -> tally.freed(deleteOutput(file, tally)));
                tally.deleted(batch.purged());
            }

            public void betweenBatches() {
                context.batchDone();
            }
        });
    }

    /**
     * A dry run's view of one selection: its size by one count over the same condition, a sample from its first
     * page, and (when the real run would delete files) the real sizes of the output files, read page by page over
     * the jobs that have one. Each job counts {@code actions} times, as in the real run.
     */
    private void plan(TargetTally tally, Due due, int actions, boolean freesFiles, CleanupContext context) {
        long count = repository.count(due);
        if (count == 0) {
            return;
        }
        List<Candidate> first = repository.page(due, Optional.empty(), TargetTally.SAMPLE_SIZE);
        first.forEach(c -> tally.matched(c.id().toString()));
        tally.matchedUnlisted(count * actions - first.size());
        if (!freesFiles) {
            return;
        }
        Optional<Candidate> after = Optional.empty();
        List<Candidate> page;
        do {
            page = repository.pageWithOutput(due, after, context.batchSize());
            page.forEach(c -> tally.wouldFree(outputSize(c)));
            after = page.isEmpty() ? after : Optional.of(page.get(page.size() - 1));
        } while (page.size() == context.batchSize());
    }

    private void purgePage(TargetTally tally, List<Candidate> page, Due due, Optional<JobArchive> archive) {
        List<UUID> ids = ids(page);
        archive.ifPresent(a -> a.append(repository.forArchive(ids)));
        int purged = repository.purge(ids, due);
        Set<UUID> left = purged == ids.size() ? Set.of() : jobs.existing(ids);
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
        return c.outputFile() == null ? 0 : deleteOutput(c.outputFile(), tally);
    }

    private long deleteOutput(String outputFile, TargetTally tally) {
        try {
            Path path = files.outputPath(outputFile);
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
