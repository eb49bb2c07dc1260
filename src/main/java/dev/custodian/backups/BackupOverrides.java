package dev.custodian.backups;

import dev.custodian.cleanup.control.InvalidCleanupRequestException;
import dev.custodian.cleanup.control.RequestFields;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code backups} section of a cleanup request: keep counts of this run, unset values (null) keeping the
 * configured ones, and {@code environment}, which limits the run to that environment's backups (null: all of them).
 * The environment is checked against the known ones where they are known ({@link BackupRetention#readOverrides}).
 */
public record BackupOverrides(Integer keepLast, Integer keepDaily, Integer keepWeekly, Integer keepMonthly, String environment) {

    static final Set<String> FIELDS = Set.of("keepLast", "keepDaily", "keepWeekly", "keepMonthly", "environment");
    private static final Set<String> KEEPS = Set.of("keepLast", "keepDaily", "keepWeekly", "keepMonthly");
    private static final int MAX_KEEP = 100_000;

    public static BackupOverrides parse(JsonObject section) {
        BackupOverrides o = new BackupOverrides(RequestFields.count(section, "backups", "keepLast", MAX_KEEP),
                RequestFields.count(section, "backups", "keepDaily", MAX_KEEP),
                RequestFields.count(section, "backups", "keepWeekly", MAX_KEEP),
                RequestFields.count(section, "backups", "keepMonthly", MAX_KEEP),
                environment(section));
        if (section.keySet().containsAll(KEEPS) && o.keepLast + o.keepDaily + o.keepWeekly + o.keepMonthly == 0) {
            // fewer counts are checked against the configured policy they are laid over (BackupRetention)
            throw new InvalidCleanupRequestException("backups: a policy that keeps nothing is refused (all keep counts are 0)");
        }
        return o;
    }

    private static String environment(JsonObject section) {
        if (!section.containsKey("environment") || section.isNull("environment")) {
            return null;
        }
        if (!(section.get("environment") instanceof JsonString name) || name.getString().isBlank()) {
            throw new InvalidCleanupRequestException("backups.environment must be the name of an environment, such as \"prod\"");
        }
        return name.getString();
    }

    /** The one environment this run touches, if the request names one. */
    public Optional<String> only() {
        return Optional.ofNullable(environment);
    }

    /** {@code base} with these counts laid over it; refused (IllegalArgumentException) when it keeps nothing. */
    BackupPolicy over(BackupPolicy base) {
        return new BackupPolicy(Objects.requireNonNullElse(keepLast, base.keepLast()),
                Objects.requireNonNullElse(keepDaily, base.keepDaily()),
                Objects.requireNonNullElse(keepWeekly, base.keepWeekly()),
                Objects.requireNonNullElse(keepMonthly, base.keepMonthly()));
    }

    @Override
    public String toString() {
        return "keepLast=" + keepLast + ", keepDaily=" + keepDaily + ", keepWeekly=" + keepWeekly + ", keepMonthly=" + keepMonthly;
    }
}
