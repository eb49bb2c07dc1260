package dev.custodian.files;

/**
 * The four passes over the data root. Each one walks its own tree once and selects regular files only
 * (never a symbolic link, a directory or a special file). Their selections do not overlap, so the counts of a
 * dry run of all four add up to what a real run deletes. A name matching a protected pattern is never selected.
 */
public enum Sweep {

    /** {@code temp/}: any file older than the temp age (reason {@code age}); then empty directories are pruned. */
    TEMP("temp"),

    /**
     * The data root except {@code temp/} (swept whole by {@link #TEMP}), {@code input/} and {@code output/}
     * (owned by jobs), {@code backups/} (own retention), {@code db/} (the embedded database) and
     * {@code lost+found/}: files named by a temp pattern and older than the temp age (reason {@code pattern}).
     */
    PATTERNS(""),

    /**
     * {@code logs/}: files older than the log age (reason {@code age}), except names matching a temp pattern,
     * which belong to {@link #PATTERNS}.
     */
    LOGS("logs"),

    /**
     * Files directly in {@code output/} (subdirectories are not entered: jobs write no such thing) that no job
     * references and that are older than the orphan grace (reason {@code orphan}).
     */
    ORPHANS("output");

    private final String directory;

    Sweep(String directory) {
        this.directory = directory;
    }

    /** The directory under the data root this sweep walks; empty for the data root itself. */
    public String directory() {
        return directory;
    }
}
