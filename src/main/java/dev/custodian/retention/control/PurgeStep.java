package dev.custodian.retention.control;

import dev.custodian.cleanup.control.CleanupConfig;
import dev.custodian.cleanup.control.CleanupContext;
import dev.custodian.cleanup.control.PlanItem;
import dev.custodian.cleanup.control.PlanRows;
import dev.custodian.cleanup.control.TargetTally;
import dev.custodian.job.control.JobFiles;
import dev.custodian.job.control.JobRepository;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Stage two of job retention: purges the soft-deleted jobs of one selection past the restore window, or, where the
 * restore window is zero, the visible jobs past their TTL in one stage ({@link RetentionStages}) (archive line
 * first when configured, then the row with its events by cascade, then, after the commit, the output file). On
 * PostgreSQL without an archive a purge batch is one statement, several batches at once; otherwise a page is read,
 * archived, then deleted. A dry run lists them in its plan with the bytes their output files hold; an apply run
 * purges only the jobs its plan lists for a purge (on PostgreSQL inside the same statements, else page by page).
 */
@ApplicationScoped
public class PurgeStep {

    @Inject
    RetentionRepository repository;

    @Inject
    JobRepository jobs;

    @Inject
    RetentionConfig config;

    @Inject
    CleanupConfig cleanupConfig;

    @Inject
    JobFiles files;

    @Inject
    RetentionPlan plan;

    @Resource
    ManagedThreadFactory threadFactory;

    /** Purges the jobs of {@code due}; {@code reason} goes with each into the plan and the sample. */
    void run(CleanupContext context, TargetTally tally, Due due, String reason) {
        if (context.dryRun()) {
            plan.list(context, tally, due, PlanItem.PURGE, reason, true);
            return;
        }
        if (config.archiveDir().isEmpty() && repository.purgesInOneStatement()) {
            purgeInOneStatementPerBatch(context, tally, due, reason, context.plan().applyingRows(JobRetention.NAME, PlanItem.PURGE));
            return;
        }
        Optional<JobArchive> archive = config.archiveDir().map(dir -> JobArchive.open(dir, context.runId()));
        try {
            KeysetPager.forEachPage((after, limit) -> repository.page(due, after, limit), context.batchSize(), page -> {
                List<Candidate> allowed = context.plan().allowed(JobRetention.NAME, Set.of(PlanItem.PURGE), page, c -> c.id().toString());
                if (!allowed.isEmpty()) {
                    purgePage(context, tally, allowed, due, reason, archive);
                }
                context.batchDone();
            });
        } finally {
            archive.ifPresent(JobArchive::close);
        }
    }

    /**
     * PostgreSQL without an archive: each batch is one statement that selects, deletes and answers the jobs of one
     * key range, up to {@code purge-parallelism} of them at once on their own connections ({@link ParallelPurge});
     * their output files go after its commit. The ranges are cut from the same selection as a dry run counts, so
     * the report adds up to what it announced, less the jobs restored meanwhile. An apply run's statements purge
     * only the jobs its plan lists for a purge, and mark them applied ({@code plan}).
     */
    private void purgeInOneStatementPerBatch(CleanupContext context, TargetTally tally, Due due, String reason,
            Optional<PlanRows> plan) {
        int n = context.batchSize();
        ParallelPurge.run(new ParallelPurge.Batches<PurgedBatch>() {
            public Optional<Candidate> end(Optional<Candidate> after) {
                return repository.pageEnd(due, after, n);
            }

            public PurgedBatch purge(Optional<Candidate> after, Optional<Candidate> upTo) {
                return repository.purgeRange(due, after, upTo, n, TargetTally.SAMPLE_SIZE, plan);
            }
        }, cleanupConfig.purgeParallelism(), threadFactory, new ParallelPurge.Progress<PurgedBatch>() {
            public void purged(PurgedBatch batch) {
                batch.first().forEach(id -> tally.matched(PlanItem.label(id.toString(), reason)));
                tally.matchedUnlisted(batch.purged() - batch.first().size());
                batch.outputFiles().forEach(file -> tally.freed(deleteOutput(file, tally)));
                tally.deleted(batch.purged());
            }

            public void betweenBatches() {
                context.batchDone();
            }
        });
    }

    private void purgePage(CleanupContext context, TargetTally tally, List<Candidate> page, Due due, String reason,
            Optional<JobArchive> archive) {
        List<UUID> ids = page.stream().map(Candidate::id).toList();
        archive.ifPresent(a -> a.append(repository.forArchive(ids)));
        int purged = repository.purge(ids, due);
        Set<UUID> left = purged == ids.size() ? Set.of() : jobs.existing(ids);
        List<String> gone = new java.util.ArrayList<>();
        for (Candidate c : page) {
            if (!left.contains(c.id())) {
                tally.matched(() -> PlanItem.label(c.id().toString(), reason));
                tally.freed(deleteOutput(c, tally));
                gone.add(c.id().toString());
            }
        }
        tally.deleted(purged);
        context.plan().applied(JobRetention.NAME, gone);
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
}
