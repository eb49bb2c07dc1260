package dev.custodian.platform.openapi;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Completes the generated OpenAPI document: every operation gets the problem responses every call can give
 * (400, 401, 403, 404 where a path has an id, 409 for state changes, 413 for uploads) as
 * {@code application/problem+json} (the schema {@code Problem}), and its roles in the description. It also makes the
 * document standard and independent of where it is served: one relative server {@code /} (Payara adds the request's
 * absolute URL with a trailing slash), each tag once (Payara repeats a tag per resource class, without its
 * description) and without Payara's non-standard top-level {@code endpoints}. Registered by {@code mp.openapi.filter};
 * Redocly's recommended rules check the result (docs/openapi.yaml, OpenApiIT).
 */
public class ProblemResponses implements OASFilter {

    private static final Map<String, String> ROLES = Map.of(
            "/api/system", "admin",
            "/api/jobs/claim", "worker or admin",
            "heartbeat", "worker or admin", "complete", "worker or admin", "fail", "worker or admin");
    private static final Method TYPE_SETTER = typeSetter();
    private static final String PROBLEM = "Problem";

    @Override
    public void filterOpenAPI(org.eclipse.microprofile.openapi.models.OpenAPI openAPI) {
        openAPI.setServers(new ArrayList<>(List.of(OASFactory.createServer().url("/").description("This server"))));
        openAPI.setTags(distinct(openAPI.getTags()));
        withoutEndpoints(openAPI);
        if (openAPI.getPaths() == null) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(PROBLEM, typed(Schema.SchemaType.OBJECT)
                .description("A problem detail (RFC 9457)")
                .addProperty("type", typed(Schema.SchemaType.STRING))
                .addProperty("title", typed(Schema.SchemaType.STRING))
                .addProperty("status", typed(Schema.SchemaType.INTEGER))
                .addProperty("detail", typed(Schema.SchemaType.STRING)));
        openAPI.getPaths().getPathItems().forEach((p, item) ->
                item.getOperations().forEach((method, operation) -> annotate(p, method.name(), operation)));
    }

    /** Each tag name once, with the first description given for it. */
    private static List<Tag> distinct(List<Tag> tags) {
        if (tags == null) {
            return null;
        }
        Map<String, Tag> byName = new LinkedHashMap<>();
        for (Tag tag : tags) {
            Tag kept = byName.putIfAbsent(tag.getName(), tag);
            if (kept != null && kept.getDescription() == null) {
                kept.setDescription(tag.getDescription());
            }
        }
        return new ArrayList<>(byName.values());
    }

    /**
     * Payara's model carries a non-standard top-level {@code endpoints} map (server URL to paths) that OpenAPI
     * validators refuse; it is emptied through its setter where the model has one, without depending on Payara.
     */
    private static void withoutEndpoints(Object openAPI) {
        try {
            openAPI.getClass().getMethod("setEndpoints", Map.class).invoke(openAPI, new TreeMap<>());
        } catch (NoSuchMethodException e) {
            // another server's model: nothing to remove
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot remove the server's endpoints from the OpenAPI document", e);
        }
    }

    private static void annotate(String path, String method, Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        successFromScan(responses);
        problem(responses, "400", "Malformed or invalid input; nothing changed");
        problem(responses, "401", "No or wrong credentials");
        problem(responses, "403", "The caller's role may not make this call");
        if (path.contains("{id}")) {
            problem(responses, "404", "No such job or run, soft-deleted, or another user's job");
        }
        if (!method.equals("GET") && (path.startsWith("/api/jobs/") || path.equals("/api/system/cleanup"))) {
            problem(responses, "409", "Not allowed in the current state (illegal transition, lease lost, cleanup running)");
        }
        if (path.endsWith("/plan") || path.endsWith("/apply")) {
            problem(responses, "409", "Not a finished, successful dry run (e.g. still RUNNING); apply: another real run is active");
            problem(responses, "410", "The plan expired (custodian.cleanup.plan-ttl)");
        }
        if (path.equals("/api/jobs") && method.equals("POST")) {
            problem(responses, "413", "Upload larger than custodian.upload.max-size");
        }
        operation.setResponses(responses);
        String roles = roles(path);
        String description = operation.getDescription() == null ? "" : operation.getDescription() + " ";
        operation.setDescription(description + "Roles: " + roles + ".");
    }

    /**
     * The scanner describes what a method returns as the {@code default} response; where the resource declares no
     * 200, 201 or 204 of its own, that is the 200 (a {@code default} alone would also stand for every error).
     */
    private static void successFromScan(APIResponses responses) {
        APIResponse scanned = responses.getDefaultValue();
        if (scanned == null || responses.hasAPIResponse("200") || responses.hasAPIResponse("201") || responses.hasAPIResponse("204")) {
            return;
        }
        responses.removeAPIResponse(APIResponses.DEFAULT);
        if (scanned.getDescription() == null || scanned.getDescription().equals("Default Response.")) {
            scanned.setDescription("Success");
        }
        responses.addAPIResponse("200", scanned);
    }

    private static String roles(String path) {
        for (Map.Entry<String, String> rule : ROLES.entrySet()) {
            if (path.startsWith(rule.getKey()) || path.endsWith("/" + rule.getKey())) {
                return rule.getValue();
            }
        }
        return "user or admin";
    }

    private static void problem(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status)) {
            return;
        }
        Schema schema = OASFactory.createSchema().ref(PROBLEM);
        Content content = OASFactory.createContent().addMediaType("application/problem+json", OASFactory.createMediaType().schema(schema));
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description).content(content));
    }

    /**
     * A schema of one type, through whichever MicroProfile OpenAPI the server has: 3.x (Payara) sets it with
     * {@code type(SchemaType)}, 4.x (WildFly 37, OpenAPI 3.1 documents) only with {@code addType(SchemaType)}.
     */
    private static Schema typed(Schema.SchemaType type) {
        try {
            return (Schema) TYPE_SETTER.invoke(OASFactory.createSchema(), type);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot set an OpenAPI schema type", e);
        }
    }

    private static Method typeSetter() {
        try {
            return Schema.class.getMethod("type", Schema.SchemaType.class);
        } catch (NoSuchMethodException e) {
            try {
                return Schema.class.getMethod("addType", Schema.SchemaType.class);
            } catch (NoSuchMethodException none) {
                throw new IllegalStateException("MicroProfile OpenAPI without a way to set a schema type", none);
            }
        }
    }
}
