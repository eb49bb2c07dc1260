package dev.custodian.cleanup.boundary;

import dev.custodian.cleanup.control.CleanupConfig;
import dev.custodian.cleanup.control.CleanupLocks;
import dev.custodian.cleanup.control.CleanupPlans;
import dev.custodian.cleanup.control.PlanAvailability;
import dev.custodian.cleanup.control.CleanupRunNotFoundException;
import dev.custodian.cleanup.control.CleanupRuns;
import dev.custodian.cleanup.control.CleanupService;
import dev.custodian.cleanup.control.InvalidCleanupRequestException;
import dev.custodian.cleanup.entity.CleanupLock;
import dev.custodian.cleanup.entity.CleanupRun;
import dev.custodian.job.boundary.JobIds;
import dev.custodian.platform.config.Durations;
import dev.custodian.platform.json.JsonText;
import dev.custodian.platform.security.Allowed;
import dev.custodian.platform.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The cleanup API of SPEC section 5, for admins. */
@org.eclipse.microprofile.openapi.annotations.tags.Tag(name = "system")
@Path("system/cleanup")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Allowed(Roles.ADMIN)
public class CleanupResource {

    @Inject
    CleanupService cleanup;

    @Inject
    CleanupRuns runs;

    @Inject
    CleanupLocks locks;

    @Inject
    CleanupConfig config;

    @Inject
    CleanupTimer timer;

    @Inject
    CleanupPlans plans;

    @Inject
    Clock clock;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    /** Starts a run; answers its report when it ends within {@code wait} (default 30s), else 202 and where to look. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "startCleanup", summary = "Start a cleanup run",
            description = "Dry run by default. Answers the run's report when it ends within wait, else 202 with its Location; 409 while another real run is active in the cluster.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CleanupRequest")))
    @APIResponse(responseCode = "200", description = "The run's report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CleanupRun")))
    @APIResponse(responseCode = "202", description = "Still running: its report so far",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CleanupRun")))
    public Response run(JsonValue body, @QueryParam("wait") @DefaultValue("30s") String wait) throws InterruptedException {
        Duration waitFor = waitFor(wait);
        CleanupRequests.Parsed request = CleanupRequests.parse(body, cleanup.targets());
        String requestJson = body == null ? "{}" : body.toString();
        if (request.dryRun() && requestJson.length() > CleanupRun.MAX_REQUEST_LENGTH) {
            throw new InvalidCleanupRequestException("a dry run's request is stored with its plan and may be at most "
                    + CleanupRun.MAX_REQUEST_LENGTH + " characters as compact JSON; this one has " + requestJson.length());
        }
        CleanupService.Started started = cleanup.start("api", security.getUserPrincipal().getName(), request.dryRun(),
                request.targets(), request.overrides(), requestJson, null);
        return answer(started, waitFor);
    }

    @GET
    @Path("runs/{id}/plan")
    @Operation(operationId = "getCleanupPlan", summary = "Page through a dry run's plan",
            description = "The items the dry run would delete, each with its reason and bytes where known, in the order (target, item); "
                    + "target= filters, limit 1-500 (default 100), cursor= the previous page's nextCursor. 404 unknown run; 409 not a "
                    + "finished, successful dry run (e.g. still RUNNING); 410 the plan expired (custodian.cleanup.plan-ttl).")
    @org.eclipse.microprofile.openapi.annotations.parameters.Parameters({
            @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(name = "target", in = org.eclipse.microprofile.openapi.annotations.enums.ParameterIn.QUERY, description = "jobs, events, files or backups",
                    schema = @Schema(ref = "QueryText")),
            @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(name = "limit", in = org.eclipse.microprofile.openapi.annotations.enums.ParameterIn.QUERY, description = "1-500, default 100",
                    schema = @Schema(ref = "QueryText")),
            @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(name = "cursor", in = org.eclipse.microprofile.openapi.annotations.enums.ParameterIn.QUERY, description = "nextCursor of the previous page",
                    schema = @Schema(ref = "QueryText"))})
    @APIResponse(responseCode = "200", description = "One page of the plan",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CleanupPlan")))
    public JsonObject plan(@PathParam("id") String id) {
        CleanupRun run = withPlan(id);
        PlanParameters p = PlanParameters.parse(uriInfo.getQueryParameters(), cleanup.targets().stream().map(t -> t.name()).toList());
        return PlanView.of(run, PlanAvailability.expiresAt(run, config.planTtl()), plans.page(run.id(), p.target(), p.cursor(), p.limit()), p.limit());
    }

    @POST
    @Path("runs/{id}/apply")
    @Operation(operationId = "applyCleanupPlan", summary = "Apply a dry run's plan",
            description = "Starts a real run (trigger apply, planId the dry run) with the plan's targets and overrides that deletes only "
                    + "what the plan lists and is still due now; the rest of the plan is reported as skipped. Answers as POST "
                    + "/api/system/cleanup (wait, 202 + Location, 409 while another real run is active), and 404/409/410 as the plan.")
    @APIResponse(responseCode = "200", description = "The apply run's report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CleanupRun")))
    @APIResponse(responseCode = "202", description = "Still running: its report so far",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CleanupRun")))
    public Response apply(@PathParam("id") String id, @QueryParam("wait") @DefaultValue("30s") String wait) throws InterruptedException {
        Duration waitFor = waitFor(wait);
        CleanupRun plan = withPlan(id);
        CleanupRequests.Parsed request = CleanupRequests.parse(JsonText.parse(plan.request()), cleanup.targets());
        return answer(cleanup.start("apply", security.getUserPrincipal().getName(), false, request.targets(), request.overrides(),
                null, plan.id()), waitFor);
    }

    /** Run {@code id}, if it has a plan that can be shown and applied now. */
    private CleanupRun withPlan(String id) {
        UUID runId = JobIds.parse(id);
        CleanupRun run = runs.find(runId).orElseThrow(() -> new CleanupRunNotFoundException(runId));
        PlanAvailability.check(run, clock.instant(), config.planTtl());
        return run;
    }

    private Response answer(CleanupService.Started started, Duration waitFor) throws InterruptedException {
        try {
            return Response.ok(CleanupRunView.of(started.done().get(waitFor.toMillis(), TimeUnit.MILLISECONDS))).build();
        } catch (TimeoutException e) {
            return Response.accepted(CleanupRunView.of(runs.find(started.id()).orElseThrow()))
                    .location(uriInfo.getBaseUriBuilder().path("system/cleanup/runs").path(started.id().toString()).build())
                    .build();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cleanup run " + started.id() + " failed", e.getCause());
        }
    }

    @GET
    @Path("status")
    @Operation(operationId = "getCleanupStatus", summary = "Show the cleanup status",
            description = "Scheduler enabled, running now, next run, last run and the effective policy.")
    public JsonObject status() {
        CleanupLock lock = locks.current();
        JsonObjectBuilder status = Json.createObjectBuilder()
                .add("schedulerEnabled", lock.scheduleEnabled())
                .add("interval", Durations.format(config.interval()))
                .add("batchSize", config.batchSize());
        if (lock.isHeld(clock.instant())) {
            // the run's record, as its node last wrote it (its report so far), whichever node runs it
            JsonObjectBuilder running = runs.find(lock.runId()).map(run -> Json.createObjectBuilder(CleanupRunView.of(run)))
                    .orElseGet(Json::createObjectBuilder);
            status.add("runningNow", running.add("runId", lock.runId().toString()).add("node", lock.holder()));
        } else {
            status.add("runningNow", JsonValue.NULL);
        }
        // paused: the timer still fires, but the run it would start is skipped, so there is no next run to show
        timer.nextRun().filter(next -> lock.scheduleEnabled())
                .ifPresentOrElse(next -> status.add("nextRun", next.toString()), () -> status.add("nextRun", JsonValue.NULL));
        runs.lastFinished().ifPresentOrElse(last -> status.add("lastRun", CleanupRunView.of(last)), () -> status.add("lastRun", JsonValue.NULL));
        return status.add("policy", policy()).build();
    }

    @GET
    @Path("runs")
    @Operation(operationId = "listCleanupRuns", summary = "List cleanup runs", description = "Newest first; limit (1-500, default 20), cursor, dryRun=, trigger=, "
            + "status=. A JSON array; a Link header with rel=\"next\" points at the next page. An unknown parameter is a 400.")
    @org.eclipse.microprofile.openapi.annotations.parameters.Parameters({
            @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(name = "limit", in = org.eclipse.microprofile.openapi.annotations.enums.ParameterIn.QUERY, description = "1-500, default 20",
                    schema = @Schema(ref = "QueryText")),
            @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(name = "cursor", in = org.eclipse.microprofile.openapi.annotations.enums.ParameterIn.QUERY, description = "from the Link rel=next of the previous page",
                    schema = @Schema(ref = "QueryText")),
            @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(name = "dryRun", in = org.eclipse.microprofile.openapi.annotations.enums.ParameterIn.QUERY, description = "true or false",
                    schema = @Schema(ref = "QueryText")),
            @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(name = "trigger", in = org.eclipse.microprofile.openapi.annotations.enums.ParameterIn.QUERY, description = "api, schedule or startup",
                    schema = @Schema(ref = "QueryText")),
            @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(name = "status", in = org.eclipse.microprofile.openapi.annotations.enums.ParameterIn.QUERY, description = "RUNNING, SUCCEEDED, FAILED or ABORTED",
                    schema = @Schema(ref = "QueryText"))})
    @APIResponse(responseCode = "200", description = "The runs, newest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CleanupRuns")))
    public Response history() {
        RunHistoryParameters p = RunHistoryParameters.parse(uriInfo.getQueryParameters());
        java.util.List<CleanupRun> rows = runs.page(p.filter(), p.afterAt(), p.afterId(), p.limit());
        JsonArrayBuilder list = Json.createArrayBuilder();
        rows.stream().limit(p.limit()).forEach(run -> list.add(CleanupRunView.of(run)));
        Response.ResponseBuilder response = Response.ok(list.build());
        if (rows.size() > p.limit()) {
            CleanupRun last = rows.get(p.limit() - 1);
            String cursor = new dev.custodian.job.control.PageCursor(last.startedAt(), last.id()).encode();
            response.link(uriInfo.getRequestUriBuilder().replaceQueryParam("cursor", cursor).build(), "next");
        }
        return response.build();
    }

    @GET
    @Path("runs/{id}")
    @Operation(operationId = "getCleanupRun", summary = "Get one cleanup run",
            description = "A run's report, running or finished.")
    @APIResponse(responseCode = "200", description = "The run's report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CleanupRun")))
    public JsonObject one(@PathParam("id") String id) {
        UUID runId = JobIds.parse(id);
        return CleanupRunView.of(runs.find(runId).orElseThrow(() -> new CleanupRunNotFoundException(runId)));
    }

    @PUT
    @Path("schedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setCleanupSchedule", summary = "Pause or resume scheduled cleanup",
            description = "Body {enabled: true|false}; answers the status.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CleanupSchedule")))
    public JsonObject schedule(JsonValue body) {
        if (body == null || body.getValueType() != JsonValue.ValueType.OBJECT || !body.asJsonObject().containsKey("enabled")
                || (body.asJsonObject().get("enabled").getValueType() != JsonValue.ValueType.TRUE
                && body.asJsonObject().get("enabled").getValueType() != JsonValue.ValueType.FALSE)) {
            throw new InvalidCleanupRequestException("a body {\"enabled\": true|false} is required");
        }
        locks.scheduleEnabled(body.asJsonObject().getBoolean("enabled"));
        return status();
    }

    private JsonObject policy() {
        JsonObjectBuilder policy = Json.createObjectBuilder();
        cleanup.targets().forEach(target -> target.describePolicy(policy));
        return policy.build();
    }

    private static Duration waitFor(String wait) {
        try {
            Duration d = Durations.parse(wait);
            if (d.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new IllegalArgumentException("must be at most 10m");
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw new InvalidCleanupRequestException("wait: " + e.getMessage());
        }
    }
}
