package dev.custodian.execution;

/**
 * Thrown by a handler when another attempt cannot help (the input breaks a limit, the result is too big to
 * store): the job is FAILED at once with this message, whatever attempts it has left.
 */
public class PermanentFailure extends RuntimeException {

    public PermanentFailure(String message) {
        super(message);
    }
}
