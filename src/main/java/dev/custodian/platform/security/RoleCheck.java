package dev.custodian.platform.security;

import dev.custodian.platform.problem.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.List;

/**
 * Enforces {@link RolesAllowed} on resource methods (method annotation first, then class) the same way on every
 * JAX-RS implementation: 401 without an authenticated caller, 403 problem+json for a caller without the role.
 * Authentication itself is the container's (BASIC, see {@code web.xml} and {@link SecurityConfiguration}).
 */
@Provider
public class RoleCheck implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        RolesAllowed allowed = resource.getResourceMethod().getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        if (allowed != null) {
            // ahead of any @RolesAllowed filter of the JAX-RS implementation, so the answer is ours everywhere
            context.register(new Filter(Arrays.asList(allowed.value())), Priorities.AUTHORIZATION - 10);
        }
    }

    private record Filter(List<String> roles) implements ContainerRequestFilter {

        @Override
        public void filter(ContainerRequestContext request) {
            var security = request.getSecurityContext();
            if (security.getUserPrincipal() == null) {
                request.abortWith(Problems.response(Response.Status.UNAUTHORIZED, "Authentication required",
                        "Send credentials (HTTP Basic)."));
            } else if (roles.stream().noneMatch(security::isUserInRole)) {
                request.abortWith(Problems.response(Response.Status.FORBIDDEN, "Forbidden",
                        "This call needs one of the roles " + roles + "."));
            }
        }
    }
}
