package dev.custodian.job.control;

import dev.custodian.platform.problem.InvalidRequestException;

/** Bad input to the jobs API (400); thrown before anything is written. */
public class InvalidJobRequestException extends InvalidRequestException {

    public InvalidJobRequestException(String message) {
        super(message);
    }
}
