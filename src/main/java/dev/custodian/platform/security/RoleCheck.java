package dev.custodian.platform.security;

import dev.custodian.platform.problem.Problems;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.List;

/**
 * Who may call a resource method, the same on every JAX-RS implementation: {@link Allowed} on the method,
 * else on the class; a method with neither (nor {@link PermitAll}) still needs an authenticated caller, so a new
 * resource is closed until it says otherwise. 401 problem+json (with the Basic challenge) without a caller, 403
 * problem+json for a caller without one of the roles.
 * <p>
 * This is the only authorisation check of the API: {@code web.xml} declares no security constraint, because the
 * container's (a JACC permission check per request) cost a tenth of a small request. HTTP Basic still
 * authenticates every request that carries credentials ({@link SecurityConfiguration}).
 */
@Provider
public class RoleCheck implements DynamicFeature {

    static final String CHALLENGE = "Basic realm=\"" + SecurityConfiguration.REALM + "\"";

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        if (resource.getResourceMethod().isAnnotationPresent(PermitAll.class)) {
            return;
        }
        Allowed allowed = resource.getResourceMethod().getAnnotation(Allowed.class);
        if (allowed == null) {
            allowed = resource.getResourceClass().getAnnotation(Allowed.class);
        }
        List<String> roles = allowed == null ? List.of() : Arrays.asList(allowed.value());
        context.register(new Filter(roles, CDI.current().select(CallerRoles.class).get(),
                CDI.current().select(UserDirectory.class).get()), Priorities.AUTHORIZATION - 10);
    }

    /** {@code roles} empty: any authenticated caller. */
    private record Filter(List<String> roles, CallerRoles callerRoles, UserDirectory users) implements ContainerRequestFilter {

        @Override
        public void filter(ContainerRequestContext request) {
            var security = request.getSecurityContext();
            if (security.getUserPrincipal() == null) {
                request.abortWith(Response.fromResponse(Problems.response(Response.Status.UNAUTHORIZED,
                                "Authentication required", users.isEmpty() ? UserDirectory.NO_USERS : "Send valid credentials (HTTP Basic)."))
                        .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
                        .build());
            } else if (!roles.isEmpty() && roles.stream().noneMatch(role -> callerRoles.has(security, role))) {
                request.abortWith(Problems.response(Response.Status.FORBIDDEN, "Forbidden",
                        "This call needs one of the roles " + roles + "."));
            }
        }
    }
}
