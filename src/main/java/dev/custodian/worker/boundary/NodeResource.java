package dev.custodian.worker.boundary;

import dev.custodian.platform.security.Allowed;
import dev.custodian.platform.security.Roles;
import dev.custodian.worker.control.NodeRegistry.NodeStatus;
import dev.custodian.worker.control.NodeRegistry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code GET /api/system/nodes}: every node with its last heartbeat and the jobs it holds (admins). */
@org.eclipse.microprofile.openapi.annotations.tags.Tag(name = "system")
@Path("system/nodes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Allowed(Roles.ADMIN)
public class NodeResource {

    @Inject
    NodeRegistry nodes;

    @GET
    @Operation(operationId = "listNodes", summary = "List nodes",
            description = "Every node with its last heartbeat and the jobs it holds.")
    public List<NodeStatus> list() {
        return nodes.all();
    }
}
