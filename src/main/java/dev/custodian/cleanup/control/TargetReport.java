package dev.custodian.cleanup.control;

import java.util.List;

/**
 * What one cleanup target did (or, in a dry run, would do) in one run.
 *
 * @param matched    candidates the target's selection found
 * @param deleted    candidates actually deleted (always 0 in a dry run)
 * @param bytesFreed   real sizes of what was deleted (always 0 in a dry run)
 * @param bytesMatched real sizes of what was deleted or, in a dry run, would be: a dry run's {@code matched} and
 *                     {@code bytesMatched} are what a real run at that moment reports as {@code deleted} and
 *                     {@code bytesFreed}
 * @param errors     candidates whose deletion failed; the run went on
 * @param durationMs wall time of the target
 * @param sample     at most {@link TargetTally#SAMPLE_SIZE} ids or relative paths, each with its reason
 *                   ({@code "<item> <reason>"}), in the order the target selected them; an apply run adds at most as
 *                   many skipped plan items ({@code "<item> skipped: <why>"})
 * @param skipped    an apply run: items of its plan it did not delete because they were no longer due; else 0
 */
public record TargetReport(long matched, long deleted, long bytesFreed, long bytesMatched, long errors, long durationMs,
        List<String> sample, long skipped) {

    public TargetReport {
        sample = List.copyOf(sample);
    }

    public TargetReport(long matched, long deleted, long bytesFreed, long bytesMatched, long errors, long durationMs,
            List<String> sample) {
        this(matched, deleted, bytesFreed, bytesMatched, errors, durationMs, sample, 0);
    }

    public static TargetReport empty() {
        return new TargetReport(0, 0, 0, 0, 0, 0, List.of());
    }
}
