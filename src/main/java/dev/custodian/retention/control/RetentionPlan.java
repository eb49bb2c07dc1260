package dev.custodian.retention.control;

import dev.custodian.cleanup.control.CleanupContext;
import dev.custodian.cleanup.control.PlanItem;
import dev.custodian.cleanup.control.TargetTally;
import dev.custodian.job.control.JobFiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;

/**
 * A dry run's view of one selection: it walks the same pages with the same query a real run deletes by, counts each
 * job once (as the real run does), adds the real sizes of the output files the real run would delete, and records
 * every job in the run's plan with its step and reason, page by page.
 */
@ApplicationScoped
public class RetentionPlan {

    @Inject
    RetentionRepository repository;

    @Inject
    JobFiles files;

    void list(CleanupContext context, TargetTally tally, Due due, String step, String reason, boolean freesFiles) {
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
