package dev.custodian.job.control;

import jakarta.ws.rs.core.SecurityContext;
import java.util.Objects;

/**
 * Who is asking: users see and change only their own jobs, admins see all. Another user's job is reported
 * as not found, so its existence does not leak.
 */
public record Caller(String name, boolean admin) {

    public Caller {
        Objects.requireNonNull(name);
    }

    public static Caller of(SecurityContext security) {
        return new Caller(security.getUserPrincipal().getName(), security.isUserInRole("admin"));
    }

    public boolean maySee(String owner) {
        return admin || name.equals(owner);
    }
}
