package dev.custodian.job.control;

/**
 * The largest job result the database stores: the {@code result} column holds {@value #MAX_CHARS} characters. A
 * result over it can never be stored, so it fails the job at once (handlers) or is refused (workers) rather than
 * being retried until the job times out.
 */
public final class ResultLimit {

    public static final int MAX_CHARS = 1_000_000;

    private ResultLimit() {
    }

    /** Whether {@code resultJson} (null for no result) fits the column. */
    public static boolean fits(String resultJson) {
        return resultJson == null || resultJson.length() <= MAX_CHARS;
    }
}
