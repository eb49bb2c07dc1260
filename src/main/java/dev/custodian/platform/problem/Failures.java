package dev.custodian.platform.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Optional;

/**
 * What a failure means for the caller, read from its whole cause chain: a {@link ProblemException} or a body over
 * its limit anywhere in the chain answers as itself; a database that cannot be reached (refused or dropped
 * connections, an exhausted or closed pool, a closed embedded database) is a 503 with {@code Retry-After}, not a 500.
 */
public final class Failures {

    static final String RETRY_AFTER_SECONDS = "5";

    private Failures() {
    }

    /** The answer for {@code failure} when it is one of the known kinds; empty for a real fault of the service. */
    public static Optional<Response> answer(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProblemException problem) {
                return Optional.of(problem.toResponse());
            }
            if (t instanceof BodyTooLargeException tooLarge) {
                return Optional.of(Problems.response(Status.REQUEST_ENTITY_TOO_LARGE, tooLarge.getMessage()));
            }
        }
        if (isDatabaseUnavailable(failure)) {
            return Optional.of(databaseUnavailable());
        }
        return Optional.empty();
    }

    public static Response databaseUnavailable() {
        return Response.fromResponse(Problems.response(Status.SERVICE_UNAVAILABLE,
                        "The database is not reachable at the moment; nothing was changed. Try again shortly."))
                .header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    static boolean isDatabaseUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            String name = t.getClass().getName();
            if (name.endsWith("JDBCConnectionException") || name.endsWith("ResourceAllocationException")
                    || name.endsWith("PoolingException")) {
                return true;
            }
            if (t instanceof SQLException sql && isConnectionState(sql)) {
                return true;
            }
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("error in allocating a connection") || message.contains("database has been closed")
                    || message.contains("connection is closed") || message.contains("this connection has been closed")
                    || message.contains("connection refused") || message.contains("physical connection is not usable")
                    || message.contains("poolingexception") || message.contains("terminating connection")
                    || message.contains("an i/o error occurred while sending to the backend")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConnectionState(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            return false;
        }
        // 08: connection exception; 57P01-57P03: PostgreSQL shutting down or not accepting connections;
        // 53300: too many connections; 90098/90121: H2 database closed
        return state.startsWith("08") || state.startsWith("57P") || state.equals("53300") || state.equals("90098")
                || state.equals("90121");
    }
}
