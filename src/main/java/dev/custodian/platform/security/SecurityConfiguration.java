package dev.custodian.platform.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;

/** HTTP Basic over the {@link ConfigIdentityStore}; which caller may call what is {@link RoleCheck}'s. */
@ApplicationScoped
@BasicAuthenticationMechanismDefinition(realmName = SecurityConfiguration.REALM)
@DeclareRoles({Roles.ADMIN, Roles.USER, Roles.WORKER})
public class SecurityConfiguration {

    static final String REALM = "custodian";
}
