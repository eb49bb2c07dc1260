package dev.custodian.platform.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/** HTTP Basic ({@link BasicAuthentication}) over the {@link ConfigIdentityStore}; which caller may call what is {@link RoleCheck}'s. */
@ApplicationScoped
@DeclareRoles({Roles.ADMIN, Roles.USER, Roles.WORKER})
public class SecurityConfiguration {

    static final String REALM = "custodian";
}
