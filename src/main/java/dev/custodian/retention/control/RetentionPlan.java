package dev.custodian.retention.control;

import dev.custodian.cleanup.control.TargetTally;
import dev.custodian.job.control.JobFiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;

/**
 * A dry run's view of one selection: its size by one count over the same condition a real run selects by, a sample
 * from its first page, and (when the real run would delete files) the real sizes of the output files, read page by
 * page over the jobs that have one. Each job counts once, as in the real run.
 */
@ApplicationScoped
public class RetentionPlan {

    @Inject
    RetentionRepository repository;

    @Inject
    JobFiles files;

    void count(TargetTally tally, Due due, boolean freesFiles, int batchSize) {
        long count = repository.count(due);
        if (count == 0) {
            return;
        }
        var first = repository.page(due, Optional.empty(), TargetTally.SAMPLE_SIZE);
        first.forEach(c -> tally.matched(c.id().toString()));
        tally.matchedUnlisted(count - first.size());
        if (freesFiles) {
            KeysetPager.forEachPage((after, limit) -> repository.pageWithOutput(due, after, limit), batchSize,
                    page -> page.forEach(c -> tally.wouldFree(outputSize(c))));
        }
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
