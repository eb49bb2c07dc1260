package dev.custodian.cleanup.control;

import dev.custodian.platform.problem.InvalidRequestException;

/** A cleanup request that cannot run as asked (unknown target, bad override); nothing ran. */
public class InvalidCleanupRequestException extends InvalidRequestException {

    public InvalidCleanupRequestException(String message) {
        super(message);
    }
}
