package dev.custodian.job.control;

/**
 * The largest result a job can keep: the {@code job.result} column is {@code VARCHAR(1000000)} (V1__jobs.sql, the
 * same on H2 and PostgreSQL), counted in characters. A result over it could never be stored: a worker's
 * {@code complete} is refused with 413 before anything changes (the worker keeps its lease and may send a smaller
 * result or fail the job), and an in-process handler's job fails with a clear error instead of retrying.
 */
public final class ResultLimit {

    public static final int MAX_CHARS = 1_000_000;

    private ResultLimit() {
    }

    public static boolean fits(String resultJson) {
        return resultJson == null || resultJson.length() <= MAX_CHARS;
    }

    /** @throws PayloadTooLargeException (413) when the result is longer than {@link #MAX_CHARS} */
    public static void check(String resultJson) {
        if (!fits(resultJson)) {
            throw new PayloadTooLargeException("result is " + resultJson.length() + " characters as JSON; a job's result "
                    + "holds at most " + MAX_CHARS + " (store a large result as a file and return a reference to it)");
        }
    }
}
