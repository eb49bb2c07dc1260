package dev.custodian.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call a resource method (on the method, else on its class), enforced by {@link RoleCheck}.
 * It stands where {@code jakarta.annotation.security.RolesAllowed} would: on Payara that annotation also brings
 * the MicroProfile JWT role filter, which asks the container once more on every request for an answer
 * {@link RoleCheck} has already given.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Allowed {

    /** Role names from {@link Roles}; a caller needs one of them. */
    String[] value();
}
