package dev.custodian.cleanup.control;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts what a cleanup target matches and deletes while it streams its candidates, keeping only a bounded
 * sample, so that a target never holds its whole selection in memory. Not thread-safe: one per target and run.
 */
public final class TargetTally {

    public static final int SAMPLE_SIZE = 20;

    private final long startedNanos = System.nanoTime();
    private final List<String> sample = new ArrayList<>();
    private long matched;
    private long deleted;
    private long bytesFreed;
    private long bytesMatched;
    private long errors;
    private long skipped;
    private final List<String> skippedSample = new ArrayList<>();

    /** A candidate was selected; {@code label} is its id or relative path (with a reason, if the target gives one). */
    public void matched(String label) {
        matched++;
        if (sample.size() < SAMPLE_SIZE) {
            sample.add(label);
        }
    }

    /** As {@link #matched(String)}, building the label only when the sample still has room. */
    public void matched(java.util.function.Supplier<String> label) {
        matched++;
        if (sample.size() < SAMPLE_SIZE) {
            sample.add(label.get());
        }
    }

    /** Lists something the target does besides deleting (e.g. compressing) in the sample, without counting it. */
    public void note(String label) {
        if (sample.size() < SAMPLE_SIZE) {
            sample.add(label);
        }
    }

    /** {@code count} more candidates were selected, none of them for the sample (counted, not listed). */
    public void matchedUnlisted(long count) {
        matched += count;
    }

    /** A candidate of {@code bytes} was deleted (real runs). */
    public void freed(long bytes) {
        bytesFreed += bytes;
        bytesMatched += bytes;
    }

    /** A candidate of {@code bytes} would be deleted by a real run (dry runs): counted as matched, not as freed. */
    public void wouldFree(long bytes) {
        bytesMatched += bytes;
    }

    public void deleted(long count) {
        deleted += count;
    }

    public void error() {
        errors++;
    }

    /** An apply run: {@code count} items of its plan were not deleted, no longer due (restored, touched, gone). */
    public void skipped(long count) {
        skipped += count;
    }

    /** Lists a skipped plan item with why, after the sample of what was deleted (at most {@link #SAMPLE_SIZE}). */
    public void skippedLabel(String label) {
        if (skippedSample.size() < SAMPLE_SIZE) {
            skippedSample.add(label);
        }
    }

    public long matched() {
        return matched;
    }

    public TargetReport report() {
        List<String> listed = new ArrayList<>(sample);
        listed.addAll(skippedSample);
        return new TargetReport(matched, deleted, bytesFreed, bytesMatched, errors, (System.nanoTime() - startedNanos) / 1_000_000, listed, skipped);
    }
}
