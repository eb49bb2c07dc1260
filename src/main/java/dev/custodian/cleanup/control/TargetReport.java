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
 * @param sample     at most {@link TargetTally#SAMPLE_SIZE} ids or relative paths, in the order the target selected them
 */
public record TargetReport(long matched, long deleted, long bytesFreed, long bytesMatched, long errors, long durationMs,
        List<String> sample) {

    public TargetReport {
        sample = List.copyOf(sample);
    }

    public static TargetReport empty() {
        return new TargetReport(0, 0, 0, 0, 0, 0, List.of());
    }
}
