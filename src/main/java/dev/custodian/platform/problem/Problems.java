package dev.custodian.platform.problem;

import dev.custodian.platform.json.JsonText;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;

/** RFC 9457 problem details: {@code application/problem+json} with {@code type}, {@code title}, {@code status}, {@code detail}. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    public static Response response(Response.StatusType status, String title, String detail) {
        JsonObjectBuilder body = JsonText.object()
                .add("type", "about:blank")
                .add("title", title)
                .add("status", status.getStatusCode());
        if (detail != null) {
            body.add("detail", detail);
        }
        return Response.status(status).type(MEDIA_TYPE).entity(body.build().toString()).build();
    }

    public static Response response(Response.StatusType status, String detail) {
        return response(status, status.getReasonPhrase(), detail);
    }
}
