package dev.custodian.cleanup.control;

import dev.custodian.retention.control.RetentionPolicy;
import java.time.Duration;

/**
 * Per-run overrides of a cleanup request; unset values (null) keep the configured policy. Validated when the
 * request is read, so a bad override is a 400 before anything runs. A long {@code logMaxAge} and
 * {@code orphanGrace} leave the files target to temporary files only (the CLI's {@code cleanup --temp-only}).
 */
public record CleanupOverrides(RetentionPolicy.Override jobs, Duration tempMaxAge, Duration logMaxAge, Duration orphanGrace,
                               Integer keepLast, Integer keepDaily, Integer keepWeekly, Integer keepMonthly) {

    public static final CleanupOverrides NONE = new CleanupOverrides(RetentionPolicy.Override.NONE, null, null, null, null, null, null, null);
}
