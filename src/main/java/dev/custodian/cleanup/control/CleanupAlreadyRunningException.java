package dev.custodian.cleanup.control;

import java.util.UUID;

/** A real run was requested while another real run holds the cluster-wide cleanup lock. */
public class CleanupAlreadyRunningException extends RuntimeException {

    private final UUID activeRun;

    public CleanupAlreadyRunningException(UUID activeRun, String holder) {
        super("A real cleanup run is already active: run " + activeRun + " on node " + holder
                + "; try again when it has finished (GET /api/system/cleanup/runs/" + activeRun + ")");
        this.activeRun = activeRun;
    }

    public UUID activeRun() {
        return activeRun;
    }
}
