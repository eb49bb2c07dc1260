package dev.custodian.platform.openapi;

import java.lang.reflect.Method;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the generated OpenAPI document: every operation gets the problem responses every call can give
 * (400, 401, 403, 404 where a path has an id, 409 for state changes, 413 for uploads) as
 * {@code application/problem+json}, and its roles in the description. Registered by {@code mp.openapi.filter}.
 */
public class ProblemResponses implements OASFilter {

    private static final Map<String, String> ROLES = Map.of(
            "/api/system", "admin",
            "/api/jobs/claim", "worker or admin",
            "heartbeat", "worker or admin", "complete", "worker or admin", "fail", "worker or admin");
    private static final Method TYPE_SETTER = typeSetter();

    @Override
    public void filterOpenAPI(org.eclipse.microprofile.openapi.models.OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((p, item) ->
                item.getOperations().forEach((method, operation) -> annotate(p, method.name(), operation)));
    }

    private static void annotate(String path, String method, Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        problem(responses, "400", "Malformed or invalid input; nothing changed");
        problem(responses, "401", "No or wrong credentials");
        problem(responses, "403", "The caller's role may not make this call");
        if (path.contains("{id}")) {
            problem(responses, "404", "No such job or run, soft-deleted, or another user's job");
        }
        if (!method.equals("GET") && (path.startsWith("/api/jobs/") || path.equals("/api/system/cleanup"))) {
            problem(responses, "409", "Not allowed in the current state (illegal transition, lease lost, cleanup running)");
        }
        if (path.equals("/api/jobs") && method.equals("POST")) {
            problem(responses, "413", "Upload larger than custodian.upload.max-size");
        }
        operation.setResponses(responses);
        String roles = roles(path);
        String description = operation.getDescription() == null ? "" : operation.getDescription() + " ";
        operation.setDescription(description + "Roles: " + roles + ".");
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
        Schema schema = typed(Schema.SchemaType.OBJECT)
                .addProperty("type", typed(Schema.SchemaType.STRING))
                .addProperty("title", typed(Schema.SchemaType.STRING))
                .addProperty("status", typed(Schema.SchemaType.INTEGER))
                .addProperty("detail", typed(Schema.SchemaType.STRING));
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
