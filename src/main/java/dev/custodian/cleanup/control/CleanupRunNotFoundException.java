package dev.custodian.cleanup.control;

import java.util.UUID;

public class CleanupRunNotFoundException extends RuntimeException {

    public CleanupRunNotFoundException(UUID id) {
        super("Cleanup run " + id + " does not exist");
    }
}
