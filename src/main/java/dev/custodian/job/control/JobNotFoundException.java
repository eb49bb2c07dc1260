package dev.custodian.job.control;

import java.util.UUID;

public class JobNotFoundException extends RuntimeException {

    public JobNotFoundException(UUID id) {
        super("Job " + id + " was not found");
    }

    public JobNotFoundException(UUID id, String what) {
        super("Job " + id + " has no " + what);
    }
}
