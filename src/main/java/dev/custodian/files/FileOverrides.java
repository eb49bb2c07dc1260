package dev.custodian.files;

import dev.custodian.cleanup.control.InvalidCleanupRequestException;
import dev.custodian.cleanup.control.RequestFields;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Set;

/**
 * The {@code files} section of a cleanup request; unset values (null) keep the configured policy. A long
 * {@code logMaxAge} and {@code orphanGrace} leave the files target to temporary files only (the CLI's
 * {@code cleanup --temp-only}).
 */
public record FileOverrides(Duration tempMaxAge, Duration logMaxAge, Duration orphanGrace) {

    static final Set<String> FIELDS = Set.of("tempMaxAge", "logMaxAge", "orphanGrace");
    private static final Duration MIN_TEMP_AGE = Duration.ofMinutes(1);

    public static FileOverrides parse(JsonObject section) {
        Duration tempMaxAge = RequestFields.duration(section, "files", "tempMaxAge");
        if (tempMaxAge != null && tempMaxAge.compareTo(MIN_TEMP_AGE) < 0) {
            // uploads stream into temp/: a shorter age could delete one while it is being written
            throw new InvalidCleanupRequestException("files.tempMaxAge must be at least 1m");
        }
        return new FileOverrides(tempMaxAge, RequestFields.duration(section, "files", "logMaxAge"),
                RequestFields.duration(section, "files", "orphanGrace"));
    }

    /** {@code policy} with these overrides laid over it. */
    FilePolicy over(FilePolicy policy) {
        FilePolicy effective = policy;
        if (tempMaxAge != null) {
            effective = effective.withTempMaxAge(tempMaxAge);
        }
        if (logMaxAge != null) {
            effective = effective.withLogMaxAge(logMaxAge);
        }
        if (orphanGrace != null) {
            effective = effective.withOrphanGrace(orphanGrace);
        }
        return effective;
    }
}
