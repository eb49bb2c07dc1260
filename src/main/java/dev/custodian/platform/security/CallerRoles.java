package dev.custodian.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/**
 * Whether the caller of a request has a role. Callers of the {@link UserDirectory} (the identity store behind
 * HTTP Basic) are answered from it with a map lookup; asking the container instead costs a JACC permission check
 * per call. Any other principal (a realm an operator put in front) is
 * asked of the container.
 */
@ApplicationScoped
public class CallerRoles {

    @Inject
    UserDirectory users;

    public boolean has(SecurityContext security, String role) {
        Principal caller = security.getUserPrincipal();
        if (caller == null) {
            return false;
        }
        return users.roles(caller.getName())
                .map(roles -> roles.contains(role))
                .orElseGet(() -> security.isUserInRole(role));
    }
}
