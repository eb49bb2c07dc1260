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
        return Response.status(status).type(MEDIA_TYPE).entity(json(status.getStatusCode(), title, detail)).build();
    }

    /** The problem document itself, for answers written outside JAX-RS (servlet filters, error pages). */
    public static String json(int status, String title, String detail) {
        JsonObjectBuilder body = JsonText.object()
                .add("type", "about:blank")
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            body.add("detail", detail);
        }
        return body.build().toString();
    }

    /** Writes a problem to a servlet response (status, {@code application/problem+json}, body), unless already committed. */
    public static void write(jakarta.servlet.http.HttpServletResponse response, int status, String detail) throws java.io.IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        Response.Status known = Response.Status.fromStatusCode(status);
        response.getWriter().write(json(status, known == null ? "Error " + status : known.getReasonPhrase(), detail));
    }

    public static Response response(Response.StatusType status, String detail) {
        return response(status, status.getReasonPhrase(), detail);
    }
}
