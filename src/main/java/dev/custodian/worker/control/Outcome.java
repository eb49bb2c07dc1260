package dev.custodian.worker.control;

/**
 * What a worker reports for one job it holds: completed with a JSON result (or null), or failed with an error and
 * whether another attempt may mend it.
 */
public record Outcome(String resultJson, String error, boolean retry) {

    public static Outcome completed(String resultJson) {
        return new Outcome(resultJson, null, false);
    }

    public static Outcome failed(String error, boolean retry) {
        return new Outcome(null, error, retry);
    }

    public boolean isFailure() {
        return error != null;
    }
}
