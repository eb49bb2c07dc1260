package dev.custodian.cleanup.control;

/** A cleanup request that cannot run as asked (unknown target, bad override); nothing ran. */
public class InvalidCleanupRequestException extends RuntimeException {

    public InvalidCleanupRequestException(String message) {
        super(message);
    }
}
