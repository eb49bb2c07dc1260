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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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
    @Operation(operationId = "claimJob", summary = "Claim a job",
            description = "Leases the oldest PENDING job of one of the given types to the worker; 204 when there is none. "
                    + "With max (1-100): up to max jobs, oldest first, as {items: [...]}.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ClaimRequest")))
    @APIResponse(responseCode = "200", description = "The claimed job, RUNNING",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "JobView")))
    @APIResponse(responseCode = "204", description = "No job to claim")
    public Response claim(JsonValue body) {
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
    @Operation(operationId = "completeJobs", summary = "Report many outcomes at once",
            description = "{workerId, items: [{id, result?} | {id, error, retry?}]} in one transaction; each item answers its "
                    + "job's status, or LEASE_LOST for a job the worker no longer holds.")
    public Map<String, List<Map<String, String>>> completions(JsonValue body) {
        CompletionsRequest request = CompletionsRequest.read(body);
        List<Map<String, String>> items = workers.finish(request.workerId(), request.outcomes()).entrySet().stream()
                .map(e -> Map.of("id", e.getKey().toString(), "status", e.getValue())).toList();
        return Map.of("items", items);
    }

    @POST
    @Path("{id}/heartbeat")
    @Operation(operationId = "heartbeatJob", summary = "Extend a job's lease",
            description = "The worker holding the lease extends it; 409 when the lease is lost.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WorkerCall")))
    @APIResponse(responseCode = "200", description = "The job with its new lease",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "JobView")))
    public JobView heartbeat(@PathParam("id") String id, JsonValue call) {
        WorkerCall body = WorkerCall.read(call);
        return JobView.of(workers.heartbeat(JobIds.parse(id), body.workerId(), body.leaseSeconds()));
    }

    @POST
    @Path("{id}/complete")
    @Operation(operationId = "completeJob", summary = "Complete a claimed job",
            description = "The worker holding the lease stores the result; 409 when the lease is lost.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WorkerCall")))
    @APIResponse(responseCode = "200", description = "The COMPLETED job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "JobView")))
    public JobView complete(@PathParam("id") String id, JsonValue call) {
        WorkerCall body = WorkerCall.read(call);
        return JobView.of(workers.complete(JobIds.parse(id), body.workerId(), body.resultJson()));
    }

    @POST
    @Path("{id}/fail")
    @Operation(operationId = "failJob", summary = "Fail a claimed job",
            description = "The worker holding the lease reports an error; with retry and attempts left the job is retried later.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WorkerCall")))
    @APIResponse(responseCode = "200", description = "The job, FAILED or PENDING for a retry",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "JobView")))
    public JobView fail(@PathParam("id") String id, JsonValue call) {
        WorkerCall body = WorkerCall.read(call);
        return JobView.of(workers.fail(JobIds.parse(id), body.workerId(), body.error(), body.retry()));
    }
}
