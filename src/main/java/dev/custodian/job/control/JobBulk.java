package dev.custodian.job.control;

import static net.logstash.logback.argument.StructuredArguments.kv;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/jobs/bulk} (SPEC section 5): an action over every job that matches a filter, not one page. The
 * matches are counted first, by one {@code count(*)} ({@code expect} refuses with 409 before anything changes), then walked in id order in
 * batches, each its own transaction ({@link JobService#applyBatch}), and the whole is logged as one audit line.
 */
@ApplicationScoped
public class JobBulk {

    private static final Logger LOG = LoggerFactory.getLogger(JobBulk.class);
    static final int BATCH = 200;

    @Inject
    JobRepository jobs;

    @Inject
    JobService service;

    public Outcome apply(Caller caller, BulkAction action, JobFilter filter, Optional<Collection<UUID>> ids, OptionalLong expect) {
        if (!caller.admin()) {
            throw new ForbiddenJobRequestException("bulk actions are for admins");
        }
        // Invariant "a wrong expect changes nothing": the count is taken, and compared, before the first batch is
        // applied; a mismatch throws before any batch's transaction exists. Jobs that start or stop matching between
        // the count and their batch are what each batch re-checks (JobService.applyBatch), as without expect.
        long matched = jobs.countMatching(caller, filter, ids);
        if (expect.isPresent() && expect.getAsLong() != matched) {
            throw new JobConflictException("The filter matches " + matched + " jobs, not the expected " + expect.getAsLong()
                    + "; nothing was changed. List again and confirm the new count.");
        }
        BulkTally tally = new BulkTally(0, 0);
        List<UUID> retries = new ArrayList<>();
        UUID after = null;
        for (List<UUID> batch; !(batch = jobs.matchingIds(caller, filter, ids, after, BATCH)).isEmpty(); ) {
            tally = tally.plus(service.applyBatch(caller, action, filter, batch));
            after = batch.get(batch.size() - 1);
        }
        LOG.info("Bulk {} by {}: {} {} {}", kv("action", action.text()), kv("principal", caller.name()),
                kv("matched", matched), kv("applied", tally.applied()), kv("skipped", tally.skipped()));
        return new Outcome(action, matched, tally);
    }

    public record Outcome(BulkAction action, long matched, BulkTally tally) {
    }
}
