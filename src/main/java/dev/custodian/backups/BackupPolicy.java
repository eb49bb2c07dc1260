package dev.custodian.backups;

/**
 * How many backups of one environment to keep, with the meaning of restic's {@code forget --keep-*} options.
 * The kept set is the union of what each count keeps; every backup no count keeps is deleted.
 * Invariants: every count is zero or more (0 switches that rule off) and at least one count is above zero, since
 * a policy that keeps nothing would delete every backup: like restic, we refuse it rather than guess.
 *
 * @param keepLast    the {@code keepLast} newest backups are kept
 * @param keepDaily   for the {@code keepDaily} most recent days that have a backup, the newest backup of each day
 * @param keepWeekly  the same per ISO week (Monday to Sunday, numbered within the week-based year)
 * @param keepMonthly the same per calendar month
 */
public record BackupPolicy(int keepLast, int keepDaily, int keepWeekly, int keepMonthly) {

    /** The shipped defaults; {@code META-INF/microprofile-config.properties} holds the same values. */
    public static final BackupPolicy DEFAULTS = new BackupPolicy(5, 0, 0, 0);

    public BackupPolicy {
        notNegative("keepLast", keepLast);
        notNegative("keepDaily", keepDaily);
        notNegative("keepWeekly", keepWeekly);
        notNegative("keepMonthly", keepMonthly);
        if (keepLast == 0 && keepDaily == 0 && keepWeekly == 0 && keepMonthly == 0) {
            throw new IllegalArgumentException(
                    "keepLast, keepDaily, keepWeekly and keepMonthly are all 0: that would delete every backup");
        }
    }

    private static void notNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }

    /** As shown in the cleanup status. */
    public jakarta.json.JsonObjectBuilder toJson() {
        return jakarta.json.Json.createObjectBuilder().add("keepLast", keepLast).add("keepDaily", keepDaily)
                .add("keepWeekly", keepWeekly).add("keepMonthly", keepMonthly);
    }
}
