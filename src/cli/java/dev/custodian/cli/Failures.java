package dev.custodian.cli;

/** Turns an HTTP error answer into a message that names the cause and the fix, with its exit code. */
final class Failures {

    private Failures() {
    }

    /**
     * @param action           what the user asked for, as a verb phrase ("start a cleanup run")
     * @param startsCleanupRun whether a 409 means "another cleanup run is active"
     */
    static CliException of(int status, String detail, String user, String action, boolean startsCleanupRun) {
        String message = switch (status) {
            case 400 -> "the server refused the request (400): " + detail;
            case 401 -> "the server did not accept the credentials of " + user + " (401): check CUSTODIAN_USER and"
                    + " CUSTODIAN_PASSWORD (or --user and --password-file)";
            case 403 -> user + " may not " + action + " (403): this needs a user with the admin role";
            case 404 -> "not found (404): " + detail;
            case 409 -> startsCleanupRun
                    ? "another cleanup run is active (409): " + detail + ". Wait for it to finish (custodian schedule"
                            + " status shows it) and try again; a --dry-run may run meanwhile"
                    : "conflict (409): " + detail;
            case 410 -> "gone (410): " + detail;
            case 413 -> "too large for the server (413): " + detail;
            default -> status >= 500
                    ? "the server failed (" + status + "): " + detail + ". Its log says more"
                    : "the server answered " + status + ": " + detail;
        };
        return new CliException(ExitCode.forStatus(status, startsCleanupRun), message);
    }

    /** The server could not be reached at all. */
    static CliException unreachable(String base, Exception cause) {
        String why = cause instanceof java.net.ConnectException && cause.getMessage() == null
                ? "connection refused or timed out"
                : cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new CliException(ExitCode.FAILED, "cannot reach the server at " + base + " (" + why + "): is it running,"
                + " and is --url (or CUSTODIAN_URL) right?");
    }
}
