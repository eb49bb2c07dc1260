package dev.custodian.platform.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;

/** HTTP Basic over the {@link ConfigIdentityStore}; {@code web.xml} requires an authenticated caller on {@code /api/*}. */
@ApplicationScoped
@BasicAuthenticationMechanismDefinition(realmName = "custodian")
@DeclareRoles({Roles.ADMIN, Roles.USER, Roles.WORKER})
public class SecurityConfiguration {
}
