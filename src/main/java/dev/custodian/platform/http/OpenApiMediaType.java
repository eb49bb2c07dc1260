package dev.custodian.platform.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /openapi} as YAML under the YAML media type ({@code application/yaml}, RFC 9512) instead of the
 * {@code text/plain} that Payara's MicroProfile OpenAPI servlet answers, and {@code Accept: application/yaml} (or
 * {@code text/yaml}) served with it instead of that servlet's 406. The servlet itself only knows {@code text/plain}
 * (YAML) and {@code application/json}: the filter asks it for the first and relabels the answer. JSON
 * ({@code Accept: application/json}, {@code ?format=json}) passes unchanged.
 */
@WebFilter(filterName = "OpenApiMediaType", urlPatterns = "/openapi")
public class OpenApiMediaType extends HttpFilter {

    static final String YAML = "application/yaml";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String accept = request.getHeader("Accept");
        HttpServletRequest asked = accept != null && asksForYaml(accept) ? new AcceptingPlainText(request) : request;
        chain.doFilter(asked, new YamlLabelled(response));
    }

    static boolean asksForYaml(String accept) {
        String lower = accept.toLowerCase(Locale.ROOT);
        return (lower.contains("application/yaml") || lower.contains("text/yaml") || lower.contains("application/x-yaml"))
                && !lower.contains("application/json");
    }

    /** The media type the answer goes out with: YAML's for the servlet's {@code text/plain}, else as set. */
    static String relabelled(String type) {
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("text/plain")) {
            return type;
        }
        return YAML + type.substring("text/plain".length());
    }

    private static final class AcceptingPlainText extends HttpServletRequestWrapper {

        AcceptingPlainText(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return "accept".equalsIgnoreCase(name) ? "text/plain" : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return "accept".equalsIgnoreCase(name) ? Collections.enumeration(List.of("text/plain")) : super.getHeaders(name);
        }
    }

    private static final class YamlLabelled extends HttpServletResponseWrapper {

        YamlLabelled(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setContentType(String type) {
            super.setContentType(relabelled(type));
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, "content-type".equalsIgnoreCase(name) ? relabelled(value) : value);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, "content-type".equalsIgnoreCase(name) ? relabelled(value) : value);
        }
    }
}
