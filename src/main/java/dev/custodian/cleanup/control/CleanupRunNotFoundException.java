package dev.custodian.cleanup.control;

import dev.custodian.platform.problem.ProblemException;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

public class CleanupRunNotFoundException extends ProblemException {

    public CleanupRunNotFoundException(UUID id) {
        super(Response.Status.NOT_FOUND, "Cleanup run " + id + " does not exist");
    }
}
