package dev.custodian.cleanup.control;

import dev.custodian.platform.problem.ProblemException;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** A real run was requested while another real run holds the cluster-wide cleanup lock. */
public class CleanupAlreadyRunningException extends ProblemException {

    private final UUID activeRun;

    public CleanupAlreadyRunningException(UUID activeRun, String holder) {
        super(Response.Status.CONFLICT, "A real cleanup run is already active: run " + activeRun + " on node " + holder
                + "; try again when it has finished (GET /api/system/cleanup/runs/" + activeRun + ")");
        this.activeRun = activeRun;
    }

    public UUID activeRun() {
        return activeRun;
    }
}
