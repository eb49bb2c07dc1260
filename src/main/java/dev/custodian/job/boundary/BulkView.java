package dev.custodian.job.boundary;

import dev.custodian.job.control.JobBulk;

/** What a bulk action did: jobs matched, changed, and matched but not changed (the action did not apply). */
public record BulkView(String action, long matched, long applied, long skipped) {

    static BulkView of(JobBulk.Outcome outcome) {
        return new BulkView(outcome.action().text(), outcome.matched(), outcome.tally().applied(), outcome.tally().skipped());
    }
}
