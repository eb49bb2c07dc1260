package dev.custodian.job.boundary;

import dev.custodian.job.control.Caller;
import dev.custodian.job.control.InvalidJobRequestException;
import dev.custodian.job.control.JobBulk;
import dev.custodian.job.control.JobConfig;
import dev.custodian.job.control.JobOutput;
import dev.custodian.job.control.JobQuery;
import dev.custodian.job.control.JobService;
import dev.custodian.job.control.JobSubmission;
import dev.custodian.job.control.PayloadTooLargeException;
import dev.custodian.job.control.PurgeSchedule;
import dev.custodian.job.control.SubmitCommand;
import dev.custodian.job.entity.Job;
import dev.custodian.platform.json.JsonText;
import dev.custodian.platform.problem.Problems;
import dev.custodian.platform.security.Allowed;
import dev.custodian.platform.security.CallerRoles;
import dev.custodian.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The jobs API (SPEC section 5) for users; admins see every job. */
@org.eclipse.microprofile.openapi.annotations.tags.Tag(name = "jobs")
@Path("jobs")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Allowed({Roles.USER, Roles.ADMIN})
public class JobResource {

    @Inject
    JobService jobs;

    @Inject
    JobSubmission submission;

    @Inject
    JobConfig config;

    @Inject
    CallerRoles callerRoles;

    @Inject
    JobBulk bulk;

    @Inject
    PurgeSchedule purges;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "submitJob", summary = "Submit a job",
            description = "As JSON {type, payload, timeoutSeconds?, maxAttempts?}, or as multipart/form-data with a 'file' "
                    + "part (the job's input file) and the same fields as text parts. Answers 201 with the job and its Location.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SubmitJobRequest")),
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(ref = "SubmitJobUpload"))})
    @APIResponse(responseCode = "201", description = "Submitted: the job, PENDING",
            headers = @Header(name = "Location", description = "The job's URL", schema = @Schema(ref = "QueryText")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "JobView")))
    public Response submit(JsonValue body) {
        return created(submission.submit(caller(), SubmitJobRequest.read(body).toCommand()));
    }

    /** Up to 1,000 jobs, validated all-or-nothing and inserted in one transaction: 201 with the ids in order. */
    @POST
    @Path("batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "submitJobs", summary = "Submit up to 1,000 jobs at once",
            description = "{items: [{type, payload?, timeoutSeconds?, maxAttempts?}, ...]}: every item validated first (a bad "
                    + "one is a 400 naming items[i] and its field, and nothing is stored), all inserted in one transaction; "
                    + "201 with {ids} in the order given.")
    public Response submitBatch(JsonValue body) {
        List<Job> created = submission.submitAll(caller(), SubmitJobRequest.readBatch(body));
        return Response.status(Response.Status.CREATED)
                .entity(java.util.Map.of("ids", created.stream().map(job -> job.id().toString()).toList()))
                .build();
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "submitJob", summary = "Submit a job",
            description = "As JSON {type, payload, timeoutSeconds?, maxAttempts?}, or as multipart/form-data with a 'file' "
                    + "part (the job's input file) and the same fields as text parts. Answers 201 with the job and its Location.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SubmitJobRequest")),
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(ref = "SubmitJobUpload"))})
    @APIResponse(responseCode = "201", description = "Submitted: the job, PENDING",
            headers = @Header(name = "Location", description = "The job's URL", schema = @Schema(ref = "QueryText")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "JobView")))
    public Response submitUpload(List<EntityPart> parts, @Parameter(hidden = true) @HeaderParam("Content-Length") Long contentLength)
            throws IOException {
        if (contentLength != null && contentLength > config.uploadMaxSize() + 64 * 1024) {
            throw PayloadTooLargeException.upload(config.uploadMaxSize());
        }
        MultipartForm form = MultipartForm.of(parts);
        EntityPart file = form.part("file")
                .orElseThrow(() -> new InvalidJobRequestException("a multipart submission needs a 'file' part"));
        String payload = form.text("payload").orElse(null);
        if (payload != null && !JsonText.isValid(payload)) {
            throw new InvalidJobRequestException("the 'payload' part is not valid JSON");
        }
        SubmitCommand command = new SubmitCommand(form.text("type").orElse(null), payload,
                form.integer("timeoutSeconds"), form.integer("maxAttempts"));
        try (InputStream content = file.getContent()) {
            return created(submission.submitWithFile(caller(), command, content));
        }
    }

    @GET
    @Operation(operationId = "listJobs", summary = "List jobs", description = "Newest first by default; filters status, type, owner (admins), "
            + "createdAfter, createdBefore; sort createdAt|-createdAt|finishedAt|-finishedAt; deleted=true (admins) lists "
            + "soft-deleted jobs by purge time with purgeAt; count=true adds total (exact up to 10,000). An unknown "
            + "parameter is a 400.")
    @Parameters({
            @Parameter(name = "status", in = ParameterIn.QUERY, description = "PENDING, RUNNING, COMPLETED, FAILED or CANCELLED", schema = @Schema(ref = "QueryText")),
            @Parameter(name = "type", in = ParameterIn.QUERY, description = "job type", schema = @Schema(ref = "QueryText")),
            @Parameter(name = "owner", in = ParameterIn.QUERY, description = "admins: one owner's jobs", schema = @Schema(ref = "QueryText")),
            @Parameter(name = "createdAfter", in = ParameterIn.QUERY, description = "ISO instant, exclusive", schema = @Schema(ref = "QueryText")),
            @Parameter(name = "createdBefore", in = ParameterIn.QUERY, description = "ISO instant, exclusive", schema = @Schema(ref = "QueryText")),
            @Parameter(name = "sort", in = ParameterIn.QUERY, description = "createdAt, -createdAt (default), finishedAt, -finishedAt", schema = @Schema(ref = "QueryText")),
            @Parameter(name = "deleted", in = ParameterIn.QUERY, description = "admins: true lists soft-deleted jobs in purge order", schema = @Schema(ref = "QueryText")),
            @Parameter(name = "count", in = ParameterIn.QUERY, description = "true adds total and totalIsEstimate", schema = @Schema(ref = "QueryText")),
            @Parameter(name = "limit", in = ParameterIn.QUERY, description = "1-500, default 50", schema = @Schema(ref = "QueryText")),
            @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "nextCursor of the previous page", schema = @Schema(ref = "QueryText"))})
    @APIResponse(responseCode = "200", description = "One page of jobs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "JobPageView")))
    public JobPageView list() {
        JobQuery query = JobListParameters.query(uriInfo.getQueryParameters());
        return JobPageView.of(jobs.list(caller(), query), purges);
    }

    @GET
    @Path("stats")
    @Operation(operationId = "jobStats", summary = "Overview figures", description = "Visible jobs by status, and finished jobs per minute over the "
            + "last hour and per hour over the last day (the caller's own jobs; admins all).")
    public JobStatsView stats() {
        return JobStatsView.of(jobs.stats(caller()));
    }

    @POST
    @Path("bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Roles.ADMIN)
    @Operation(operationId = "bulkJobs", summary = "Bulk action", description = "{action: cancel|delete|restore|retry, filter, ids?, expect?}: the "
            + "action on every job matching the filter (and ids), in batches, audited; 409 and nothing changed when "
            + "expect differs from the match count.")
    public BulkView bulk(JsonValue body) {
        BulkRequest request = BulkRequest.read(body);
        return BulkView.of(bulk.apply(caller(), request.action(), request.filter().checkedFor(caller()), request.ids(),
                request.expect()));
    }

    @POST
    @Path("{id}/retry")
    @Operation(operationId = "retryJob", summary = "Retry a finished job", description = "Submits a new job with the same type, payload, timeout and "
            + "max attempts, owned by the original owner, with retryOf; 409 when the job has not finished or its input "
            + "file is gone.")
    public Response retry(@PathParam("id") String id) {
        return created(jobs.retry(caller(), JobIds.parse(id)));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getJob", summary = "Get one job",
            description = "404 once the job is soft-deleted, unless an admin asks with includeDeleted=true.")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "JobView")))
    public JobView get(@PathParam("id") String id, @QueryParam("includeDeleted") boolean includeDeleted) {
        return JobView.of(jobs.get(caller(), JobIds.parse(id), includeDeleted));
    }

    @GET
    @Path("{id}/output")
    @Produces(MediaType.WILDCARD)
    @Operation(operationId = "downloadJobOutput", summary = "Download a job's output file",
            description = "The file a finished job wrote (Content-Disposition names it); 404 when it has none.")
    @APIResponse(responseCode = "200", description = "The output file",
            content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(ref = "Binary")))
    public Response output(@PathParam("id") String id) {
        JobOutput output = jobs.output(caller(), JobIds.parse(id));
        String name = output.name();
        return Response.ok(output.content(), mediaType(name))
                .header("Content-Length", output.size())
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }

    @GET
    @Path("{id}/events")
    @Operation(operationId = "listJobEvents", summary = "List a job's events",
            description = "The job's timeline, oldest first.")
    public List<JobEventView> events(@PathParam("id") String id, @QueryParam("includeDeleted") boolean includeDeleted) {
        return jobs.events(caller(), JobIds.parse(id), includeDeleted).stream().map(JobEventView::of).toList();
    }

    @POST
    @Path("{id}/cancel")
    @Operation(operationId = "cancelJob", summary = "Cancel a job",
            description = "Cancels a PENDING or RUNNING job; 409 once it has finished.")
    @APIResponse(responseCode = "200", description = "The cancelled job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "JobView")))
    public JobView cancel(@PathParam("id") String id) {
        return JobView.of(jobs.cancel(caller(), JobIds.parse(id)));
    }

    @DELETE
    @Path("{id}")
    // a 204 has no body to negotiate: a client that accepts only problems (the generated one) must not get a 406
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @Operation(operationId = "deleteJob", summary = "Delete a job",
            description = "Soft delete: the job is hidden and purged after the restore window (its files with it).")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id) {
        jobs.delete(caller(), JobIds.parse(id));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/restore")
    @Operation(operationId = "restoreJob", summary = "Restore a deleted job",
            description = "Undoes a soft delete within the restore window.")
    @APIResponse(responseCode = "200", description = "The restored job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "JobView")))
    public JobView restore(@PathParam("id") String id) {
        return JobView.of(jobs.restore(caller(), JobIds.parse(id)));
    }

    private Response created(Job job) {
        return Response.created(uriInfo.getBaseUriBuilder().path("jobs").path(job.id().toString()).build())
                .entity(JobView.of(job))
                .build();
    }

    private Caller caller() {
        return new Caller(security.getUserPrincipal().getName(), callerRoles.has(security, Roles.ADMIN));
    }

    private static String mediaType(String fileName) {
        if (fileName.endsWith(".gz")) {
            return "application/gzip";
        }
        return fileName.endsWith(".json") ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_OCTET_STREAM;
    }
}
