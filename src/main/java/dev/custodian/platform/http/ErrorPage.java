package dev.custodian.platform.http;

import dev.custodian.platform.problem.ProblemMappers;
import dev.custodian.platform.problem.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/**
 * The container's own errors as {@code application/problem+json} instead of the server's HTML page: an unknown
 * path outside {@code /api} (404), a method the container refuses (405), and anything that escaped the JAX-RS
 * mappers (an exception in a filter: 500, or 503 when the database is unreachable). {@code web.xml} maps the error
 * codes and {@code java.lang.Throwable} here.
 */
@WebServlet(name = "ErrorPage", urlPatterns = ErrorPage.PATH)
public class ErrorPage extends HttpServlet {

    static final String PATH = "/.problem";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (!(code instanceof Integer status)) {
            Problems.write(response, 404, "Nothing is served at " + request.getRequestURI());
            return;
        }
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure instanceof Throwable thrown) {
            Response answer = ProblemMappers.unexpected(thrown);
            answer.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, String.valueOf(v))));
            Problems.write(response, answer.getStatus(), detail(answer));
            return;
        }
        Problems.write(response, status, detail(status, request.getMethod(), uri == null ? "" : uri));
    }

    private static String detail(Response answer) {
        Object entity = answer.getEntity();
        String json = entity instanceof String text ? text : "{}";
        jakarta.json.JsonObject problem = dev.custodian.platform.json.JsonText.parse(json).asJsonObject();
        return problem.getString("detail", "An unexpected error occurred; see the server log.");
    }

    private static String detail(int status, String method, String uri) {
        String where = uri;
        if (where.length() > 200) {
            where = where.substring(0, 200) + "...";
        }
        return switch (status) {
            case 404 -> "Nothing is served at " + where + "; the API is under /api (see /openapi)";
            case 405 -> "Method " + method + " is not allowed for " + where;
            case 413 -> "The request body is too large";
            case 414 -> "The URL is too long";
            case 400 -> "The request could not be understood";
            case 401 -> "Authentication is required (HTTP Basic)";
            case 403 -> "Access is forbidden";
            case 503 -> "The service is not available at the moment; try again shortly";
            default -> status >= 500 ? "An unexpected error occurred; see the server log." : "The request was refused";
        };
    }
}
