package dev.custodian.retention.control;

import dev.custodian.cleanup.control.CleanupContext;
import dev.custodian.cleanup.control.PlanItem;
import dev.custodian.cleanup.control.PlanRows;
import dev.custodian.cleanup.control.TargetTally;
import dev.custodian.job.control.JobFiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A dry run's view of one selection: it walks the same pages with the same query a real run deletes by, counts each
 * job once (as the real run does), adds the real sizes of the output files the real run would delete, and records
 * every job in the run's plan with its step and reason, page by page (on PostgreSQL each page read and written
 * into the plan by one statement).
 */
@ApplicationScoped
public class RetentionPlan {

    @Inject
    RetentionRepository repository;

    @Inject
    JobFiles files;

    void list(CleanupContext context, TargetTally tally, Due due, String step, String reason, boolean freesFiles) {
        Optional<PlanRows> rows = context.plan().recordingRows(JobRetention.NAME, step, reason);
        if (rows.isPresent() && repository.purgesInOneStatement()) {
            listInOneStatementPerBatch(context, tally, due, rows.get(), freesFiles);
            return;
        }
        KeysetPager.forEachPage((after, limit) -> repository.page(due, after, limit), context.batchSize(), page -> {
            for (Candidate c : page) {
                long bytes = freesFiles ? outputSize(c) : -1;
                PlanItem item = new PlanItem(c.id().toString(), step, reason, bytes);
                tally.matched(item::label);
                if (freesFiles) {
                    tally.wouldFree(bytes);
                }
                context.plan().record(JobRetention.NAME, item);
            }
            context.batchDone();
        });
    }

    /**
     * PostgreSQL: each batch one statement that reads a page and writes it into the plan, so that the jobs do not
     * travel through the server; only the sample, the cursor and the jobs with output files (sized here, their
     * bytes then set in the plan) come back.
     */
    private void listInOneStatementPerBatch(CleanupContext context, TargetTally tally, Due due, PlanRows rows, boolean freesFiles) {
        Optional<Candidate> after = Optional.empty();
        RecordedBatch batch;
        do {
            batch = repository.recordPage(due, after, context.batchSize(), rows, freesFiles, TargetTally.SAMPLE_SIZE);
            batch.first().forEach(c -> tally.matched(PlanItem.label(c.id().toString(), rows.reason())));
            tally.matchedUnlisted(batch.recorded() - batch.first().size());
            if (freesFiles) {
                Map<String, Long> sizes = new HashMap<>();
                for (Candidate c : batch.withOutput()) {
                    long bytes = outputSize(c);
                    sizes.put(c.id().toString(), bytes);
                    tally.wouldFree(bytes);
                }
                context.plan().sized(JobRetention.NAME, sizes);
            }
            after = batch.last();
            context.batchDone();
        } while (batch.recorded() == context.batchSize());
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
}
