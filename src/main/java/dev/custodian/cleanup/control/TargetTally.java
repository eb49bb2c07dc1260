package dev.custodian.cleanup.control;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts what a cleanup target matches and deletes while it streams its candidates, keeping only a bounded
 * sample, so that a target never holds its whole selection in memory, and the target's current {@link #phase()}.
 * One writer: the run's thread (one tally per target and run). The counters and the phase are volatile so that the
 * progress flusher may read them from its own thread at any time ({@link #progress()}); the sample is read only by
 * the writer, in {@link #report()}.
 */
public final class TargetTally {

    public static final int SAMPLE_SIZE = 20;

    private final long startedNanos = System.nanoTime();
    private final List<String> sample = new ArrayList<>();
    // volatile, not atomic: one thread writes, so read-then-write increments lose nothing; readers see fresh values
    private volatile long matched;
    private volatile long deleted;
    private volatile long bytesFreed;
    private volatile long bytesMatched;
    private volatile long errors;
    private volatile long skipped;
    private final List<String> skippedSample = new ArrayList<>();
    private volatile String phase = Phase.SELECTING;

    /**
     * The stage a target is in, as a running run's report shows it (docs/api.md lists them). A dry run goes
     * through the stages it counts for.
     */
    public static final class Phase {
        /** The target has not started yet. */
        public static final String PENDING = "pending";
        /** Reading what is due (the phase every target starts in). */
        public static final String SELECTING = "selecting";
        /** Jobs, stage one. */
        public static final String SOFT_DELETING = "soft-deleting";
        /** Jobs, stage two. */
        public static final String PURGING = "purging";
        /** Events and backups. */
        public static final String DELETING = "deleting";
        /** Files: walking the data root. */
        public static final String SWEEPING = "sweeping";
        /** The target ended; its figures are final. */
        public static final String DONE = "done";

        private Phase() {
        }
    }

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

    /** Where the target is now; one of {@link Phase}. */
    public void phase(String phase) {
        this.phase = phase;
    }

    public String phase() {
        return phase;
    }

    /**
     * The figures so far, safe to call from any thread while the target runs; without the sample, which only
     * {@link #report()} gives. Each counter is read once, so two counters may be a few candidates apart.
     */
    public TargetReport progress() {
        return new TargetReport(matched, deleted, bytesFreed, bytesMatched, errors, (System.nanoTime() - startedNanos) / 1_000_000, List.of(), skipped);
    }

    public TargetReport report() {
        List<String> listed = new ArrayList<>(sample);
        listed.addAll(skippedSample);
        return new TargetReport(matched, deleted, bytesFreed, bytesMatched, errors, (System.nanoTime() - startedNanos) / 1_000_000, listed, skipped);
    }
}
