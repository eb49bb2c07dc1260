package dev.custodian.cleanup.control;

import dev.custodian.retention.control.RetentionPolicy;
import java.time.Duration;

/**
 * Per-run overrides of a cleanup request; unset values (null) keep the configured policy. Validated when the
 * request is read, so a bad override is a 400 before anything runs.
 */
public record CleanupOverrides(RetentionPolicy.Override jobs, Duration tempMaxAge, Duration logMaxAge,
                               Integer keepLast, Integer keepDaily, Integer keepWeekly, Integer keepMonthly) {

    public static final CleanupOverrides NONE = new CleanupOverrides(RetentionPolicy.Override.NONE, null, null, null, null, null, null);
}
