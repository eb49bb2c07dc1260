package dev.custodian.cli;

/**
 * A failure the CLI explains itself: the message names the cause and the fix and goes to stderr, the exit code is
 * one of {@link ExitCode}. Never carries a password.
 */
final class CliException extends RuntimeException {

    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }

    static CliException usage(String message) {
        return new CliException(ExitCode.USAGE, message);
    }
}
