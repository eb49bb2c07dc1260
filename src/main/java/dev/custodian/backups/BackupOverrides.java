package dev.custodian.backups;

import dev.custodian.cleanup.control.InvalidCleanupRequestException;
import dev.custodian.cleanup.control.RequestFields;
import jakarta.json.JsonObject;
import java.util.Objects;
import java.util.Set;

/** The {@code backups} section of a cleanup request: keep counts of this run; unset values (null) keep the configured ones. */
public record BackupOverrides(Integer keepLast, Integer keepDaily, Integer keepWeekly, Integer keepMonthly) {

    static final Set<String> FIELDS = Set.of("keepLast", "keepDaily", "keepWeekly", "keepMonthly");
    private static final int MAX_KEEP = 100_000;

    public static BackupOverrides parse(JsonObject section) {
        BackupOverrides o = new BackupOverrides(RequestFields.count(section, "backups", "keepLast", MAX_KEEP),
                RequestFields.count(section, "backups", "keepDaily", MAX_KEEP),
                RequestFields.count(section, "backups", "keepWeekly", MAX_KEEP),
                RequestFields.count(section, "backups", "keepMonthly", MAX_KEEP));
        if (section.keySet().containsAll(FIELDS) && o.keepLast + o.keepDaily + o.keepWeekly + o.keepMonthly == 0) {
            // fewer counts are checked against the configured policy they are laid over (BackupRetention)
            throw new InvalidCleanupRequestException("backups: a policy that keeps nothing is refused (all keep counts are 0)");
        }
        return o;
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
