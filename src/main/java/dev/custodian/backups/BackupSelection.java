package dev.custodian.backups;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Applies a {@link BackupPolicy} to the backups of one environment, with the semantics of restic's
 * {@code forget} (restic 0.17 and later):
 * <ul>
 * <li>backups are ordered newest first; equal times are ordered by name, the greater name counting as newer;</li>
 * <li>keep-last keeps the {@code keepLast} newest backups;</li>
 * <li>keep-daily, keep-weekly and keep-monthly each keep the newest backup of each of the most recent
 * {@code n} days (ISO weeks, months) that have a backup: periods without a backup are skipped, not counted, so a
 * paused backup job never makes older backups expire;</li>
 * <li>when a rule still has periods left after the oldest backup, that oldest backup is kept as well (reason
 * {@code "oldest daily ..."}), which keeps the history as long as the policy asks for;</li>
 * <li>the kept set is the union of all rules; everything else is deleted.</li>
 * </ul>
 * Days, weeks and months are those of the given zone. The result does not depend on the order of the input.
 */
public final class BackupSelection {

    /** Newest first; names break ties so that equal times still give one order. */
    static final Comparator<Backup> NEWEST_FIRST =
            Comparator.comparing(Backup::modified).thenComparing(Backup::name).reversed();

    private BackupSelection() {
    }

    /**
     * One decision per backup, newest first.
     *
     * @throws IllegalArgumentException when two backups have the same name
     */
    public static List<BackupDecision> select(List<Backup> backups, BackupPolicy policy, ZoneId zone) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(zone, "zone");
        List<Backup> newestFirst = sortedUnique(backups);
        List<Counter> counters = List.of(new Counter(Period.DAILY, policy.keepDaily()),
                new Counter(Period.WEEKLY, policy.keepWeekly()), new Counter(Period.MONTHLY, policy.keepMonthly()));
        List<BackupDecision> decisions = new ArrayList<>(newestFirst.size());
        for (int i = 0; i < newestFirst.size(); i++) {
            Backup backup = newestFirst.get(i);
            boolean oldest = i == newestFirst.size() - 1;
            LocalDate date = LocalDate.ofInstant(backup.modified(), zone);
            List<String> reasons = new ArrayList<>();
            if (i < policy.keepLast()) {
                reasons.add("last");
            }
            for (Counter counter : counters) {
                counter.offer(date, oldest).ifPresent(reasons::add);
            }
            decisions.add(BackupDecision.of(backup, reasons));
        }
        return List.copyOf(decisions);
    }

    private static List<Backup> sortedUnique(List<Backup> backups) {
        Set<String> names = new HashSet<>();
        for (Backup backup : backups) {
            if (!names.add(backup.name())) {
                throw new IllegalArgumentException("two backups named " + backup.name());
            }
        }
        return backups.stream().sorted(NEWEST_FIRST).toList();
    }

    /**
     * One keep-daily/weekly/monthly rule while the backups are walked newest first: keeps the first backup of each
     * new period until {@code remaining} periods have been kept. Walking newest first, the backups of one period
     * are adjacent, so remembering the last kept period is enough.
     */
    private static final class Counter {

        private final Period period;
        private int remaining;
        private String lastKept;

        Counter(Period period, int count) {
            this.period = period;
            this.remaining = count;
        }

        Optional<String> offer(LocalDate date, boolean oldest) {
            if (remaining == 0) {
                return Optional.empty();
            }
            String label = period.label(date);
            boolean newPeriod = !label.equals(lastKept);
            if (!newPeriod && !oldest) {
                return Optional.empty();
            }
            lastKept = label;
            remaining--;
            return Optional.of((newPeriod ? "" : "oldest ") + period.rule() + " " + label);
        }
    }
}
