package dev.custodian.job.control;

/** What a bulk action (or one batch of it) did: jobs changed, and matched jobs it did not apply to. */
public record BulkTally(long applied, long skipped) {

    public BulkTally plus(BulkTally other) {
        return new BulkTally(applied + other.applied, skipped + other.skipped);
    }
}
