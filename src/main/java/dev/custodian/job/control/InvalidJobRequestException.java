package dev.custodian.job.control;

/** Bad input to the jobs API (400); thrown before anything is written. */
public class InvalidJobRequestException extends RuntimeException {

    public InvalidJobRequestException(String message) {
        super(message);
    }
}
