package dev.custodian.platform.security;

/** The application's roles: {@code user} submits and reads own jobs, {@code admin} everything, {@code worker} the claim API. */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String USER = "user";
    public static final String WORKER = "worker";

    private Roles() {
    }
}
