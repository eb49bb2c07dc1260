package dev.custodian.job.control;

import java.util.Objects;

/**
 * Who is asking: users see and change only their own jobs, admins see all. Another user's job is reported
 * as not found, so its existence does not leak.
 */
public record Caller(String name, boolean admin) {

    public Caller {
        Objects.requireNonNull(name);
    }

    public boolean maySee(String owner) {
        return admin || name.equals(owner);
    }
}
