package dev.custodian.worker.boundary;

import dev.custodian.job.boundary.JobIds;
import dev.custodian.job.boundary.JobView;
import dev.custodian.platform.security.Allowed;
import dev.custodian.platform.security.Roles;
import dev.custodian.worker.control.WorkerService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** The worker calls of SPEC section 5: claim (one or a batch), completions (a batch), heartbeat, complete, fail (roles {@code worker} or {@code admin}). */
@org.eclipse.microprofile.openapi.annotations.tags.Tag(name = "workers")
@Path("jobs")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Allowed({Roles.WORKER, Roles.ADMIN})
public class WorkerResource {

    @Inject
    WorkerService workers;

    @POST
    @Path("claim")
    public Response claim(
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClaimRequest.class)))
            JsonValue body) {
        ClaimRequest request = ClaimRequest.read(body);
        if (request.max() != null) {
            List<JobView> items = workers.claim(request.workerId(), request.types(), request.leaseSeconds(), request.max())
                    .stream().map(JobView::of).toList();
            return items.isEmpty() ? Response.noContent().build() : Response.ok(Map.of("items", items)).build();
        }
        return workers.claim(request.workerId(), request.types(), request.leaseSeconds())
                .map(job -> Response.ok(JobView.of(job)).build())
                .orElseGet(() -> Response.noContent().build());
    }

    /** Many outcomes in one transaction; each item answers its job's status, or LEASE_LOST. */
    @POST
    @Path("completions")
    public Map<String, List<Map<String, String>>> completions(JsonValue body) {
        CompletionsRequest request = CompletionsRequest.read(body);
        List<Map<String, String>> items = workers.finish(request.workerId(), request.outcomes()).entrySet().stream()
                .map(e -> Map.of("id", e.getKey().toString(), "status", e.getValue())).toList();
        return Map.of("items", items);
    }

    @POST
    @Path("{id}/heartbeat")
    public JobView heartbeat(@PathParam("id") String id,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkerCall.class)))
            JsonValue call) {
        WorkerCall body = WorkerCall.read(call);
        return JobView.of(workers.heartbeat(JobIds.parse(id), body.workerId(), body.leaseSeconds()));
    }

    @POST
    @Path("{id}/complete")
    public JobView complete(@PathParam("id") String id,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkerCall.class)))
            JsonValue call) {
        WorkerCall body = WorkerCall.read(call);
        return JobView.of(workers.complete(JobIds.parse(id), body.workerId(), body.resultJson()));
    }

    @POST
    @Path("{id}/fail")
    public JobView fail(@PathParam("id") String id,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkerCall.class)))
            JsonValue call) {
        WorkerCall body = WorkerCall.read(call);
        return JobView.of(workers.fail(JobIds.parse(id), body.workerId(), body.error(), body.retry()));
    }
}
