package dev.custodian.cli;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * The exit codes of SPEC section 8, and how an HTTP answer or a run report maps to one: 0 done, 1 failed,
 * 2 usage, 3 partial (a target had errors), 4 refused (credentials, role, or a plan that cannot be used: expired,
 * not a finished dry run), 5 another run active (409).
 */
final class ExitCode {

    static final int DONE = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int PARTIAL = 3;
    static final int AUTH = 4;
    static final int RUN_ACTIVE = 5;

    private ExitCode() {
    }

    /**
     * The code of an HTTP error answer. A 409 means "another run is active" only where a cleanup run was asked for;
     * elsewhere (a job that can no longer be cancelled) it is a plain failure. A 400 is the server refusing the
     * arguments: a usage error.
     */
    static int forStatus(int status, boolean startsCleanupRun) {
        return switch (status) {
            case 400 -> USAGE;
            case 401, 403, 410 -> AUTH;
            case 409 -> startsCleanupRun ? RUN_ACTIVE : FAILED;
            default -> status >= 200 && status < 300 ? DONE : FAILED;
        };
    }

    /** A finished run's code: 1 when it failed, 3 when any target counted errors, else 0. */
    static int forRun(JsonObject run) {
        if ("FAILED".equals(run.getString("status", ""))) {
            return FAILED;
        }
        JsonObject targets = run.getJsonObject("targets");
        if (targets != null) {
            for (JsonValue target : targets.values()) {
                if (target instanceof JsonObject t && t.getJsonNumber("errors") != null && t.getJsonNumber("errors").longValue() > 0) {
                    return PARTIAL;
                }
            }
        }
        return DONE;
    }
}
