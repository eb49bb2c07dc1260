package dev.custodian.platform.logging;

import org.slf4j.MDC;

/** Log lines about one thing (a job, say) from any thread: its id as context, printed once, never twice. */
public final class LogContext {

    private LogContext() {
    }

    /** Runs {@code log} with {@code key} set to {@code value} in the logging context, then restores what was there. */
    public static void with(String key, Object value, Runnable log) {
        String outer = MDC.get(key);
        MDC.put(key, String.valueOf(value));
        try {
            log.run();
        } finally {
            if (outer == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, outer);
            }
        }
    }
}
