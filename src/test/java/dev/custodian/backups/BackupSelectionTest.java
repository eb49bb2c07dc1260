package dev.custodian.backups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.backups.BackupDecision.Verdict;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Restic's {@code forget} examples and edge cases, as tables of backup times (UTC unless a test says otherwise). */
class BackupSelectionTest {

    private static final ZoneId UTC = ZoneOffset.UTC;

    @Test
    void keep_daily_keeps_the_newest_backup_of_each_of_the_last_days() {
        List<Backup> backups = daily("2026-11-01", "2026-11-25", "02:00");

        List<BackupDecision> decisions = select(backups, new BackupPolicy(0, 7, 0, 0));

        assertThat(kept(decisions)).containsExactly("2026-11-25T02:00", "2026-11-24T02:00", "2026-11-23T02:00",
                "2026-11-22T02:00", "2026-11-21T02:00", "2026-11-20T02:00", "2026-11-19T02:00");
        assertThat(decisions).filteredOn(d -> !d.kept()).hasSize(18)
                .allSatisfy(d -> assertThat(d.reasons()).isEmpty());
    }

    @Test
    void days_without_a_backup_are_skipped_not_counted() {
        // restic's example: a backup every Sunday for 12 weeks; --keep-daily 4 keeps the last four Sundays
        List<Backup> sundays = Stream.iterate(LocalDate.parse("2026-09-06"), d -> d.plusWeeks(1)).limit(12)
                .map(d -> at(d + "T10:00")).toList();

        List<BackupDecision> decisions = select(sundays, new BackupPolicy(0, 4, 0, 0));

        assertThat(kept(decisions))
                .containsExactly("2026-11-22T10:00", "2026-11-15T10:00", "2026-11-08T10:00", "2026-11-01T10:00");
    }

    @Test
    void several_backups_on_one_day_count_once_and_the_newest_of_the_day_is_kept() {
        List<Backup> backups = List.of(
                at("2026-11-23T01:00"), at("2026-11-23T09:00"), at("2026-11-23T17:00"),
                at("2026-11-24T01:00"), at("2026-11-24T09:00"), at("2026-11-24T17:00"),
                at("2026-11-25T01:00"), at("2026-11-25T09:00"), at("2026-11-25T17:00"));

        List<BackupDecision> decisions = select(backups, new BackupPolicy(0, 2, 0, 0));

        assertThat(reasons(decisions)).containsExactly(
                Map.entry("2026-11-25T17:00", List.of("daily 2026-11-25")),
                Map.entry("2026-11-24T17:00", List.of("daily 2026-11-24")));
    }

    @Test
    void keep_last_overlaps_keep_daily() {
        List<Backup> backups = List.of(
                at("2026-11-22T06:00"), at("2026-11-22T18:00"), at("2026-11-23T06:00"), at("2026-11-23T18:00"),
                at("2026-11-24T06:00"), at("2026-11-24T18:00"), at("2026-11-25T06:00"), at("2026-11-25T18:00"));

        List<BackupDecision> decisions = select(backups, new BackupPolicy(2, 3, 0, 0));

        assertThat(reasons(decisions)).containsExactly(
                Map.entry("2026-11-25T18:00", List.of("last", "daily 2026-11-25")),
                Map.entry("2026-11-25T06:00", List.of("last")),
                Map.entry("2026-11-24T18:00", List.of("daily 2026-11-24")),
                Map.entry("2026-11-23T18:00", List.of("daily 2026-11-23")));
    }

    @Test
    void one_backup_counts_as_last_daily_weekly_and_monthly_at_once() {
        List<BackupDecision> decisions = select(List.of(at("2026-09-30T23:00")), new BackupPolicy(1, 1, 1, 1));

        assertThat(decisions).singleElement().satisfies(d -> {
            assertThat(d.verdict()).isEqualTo(Verdict.KEEP);
            assertThat(d.reasons()).containsExactly("last", "daily 2026-09-30", "weekly 2026-W40", "monthly 2026-09");
        });
    }

    @Test
    void weeks_are_iso_weeks_of_the_week_based_year_across_new_year() {
        List<Backup> backups = List.of(
                at("2026-12-20T12:00"), // Sun 2026-W51
                at("2026-12-27T12:00"), // Sun 2026-W52
                at("2026-12-28T12:00"), // Mon 2026-W53
                at("2026-12-31T12:00"), // Thu 2026-W53
                at("2027-01-02T12:00"), // Sat 2026-W53, although the calendar year is 2027
                at("2027-01-04T12:00"), // Mon 2027-W01
                at("2027-01-05T12:00")); // Tue 2027-W01

        List<BackupDecision> decisions = select(backups, new BackupPolicy(0, 0, 3, 0));

        assertThat(reasons(decisions)).containsExactly(
                Map.entry("2027-01-05T12:00", List.of("weekly 2027-W01")),
                Map.entry("2027-01-02T12:00", List.of("weekly 2026-W53")),
                Map.entry("2026-12-27T12:00", List.of("weekly 2026-W52")));
    }

    @ParameterizedTest
    @CsvSource({
        "2025-12-29, 2026-W01", "2027-01-01, 2026-W53", "2027-01-04, 2027-W01", "2026-03-02, 2026-W10",
        "2026-11-03, 2026-W45"
    })
    void a_week_is_named_by_its_week_based_year_and_number(String day, String week) {
        List<BackupDecision> decisions = select(List.of(at(day + "T12:00")), new BackupPolicy(0, 0, 1, 0));

        assertThat(decisions.get(0).reasons()).containsExactly("weekly " + week);
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "6, 6", "12, 12", "14, 14", "15, 15", "24, 15"})
    void keep_monthly_over_400_days_of_daily_backups_keeps_one_per_month_up_to_n(int keepMonthly, int keptCount) {
        // 2025-10-22 to 2026-11-25 is 400 days in 14 months; with months left over, the oldest backup stays too
        List<Backup> backups = daily("2025-10-22", "2026-11-25", "02:00");
        assertThat(backups).hasSize(400);

        List<BackupDecision> decisions = select(backups, new BackupPolicy(0, 0, 0, keepMonthly));

        assertThat(kept(decisions)).hasSize(keptCount).startsWith("2026-11-25T02:00")
                .containsAll(monthEnds("2026-10", Math.min(keepMonthly, 14) - 1));
        if (keepMonthly > 14) {
            assertThat(reasons(decisions)).containsEntry("2025-10-22T02:00", List.of("oldest monthly 2025-10"));
        }
    }

    @Test
    void monthly_keeps_the_last_backup_of_each_month() {
        List<Backup> backups = daily("2025-10-22", "2026-11-25", "02:00");

        List<BackupDecision> decisions = select(backups, new BackupPolicy(0, 0, 0, 12));

        assertThat(kept(decisions)).containsExactly("2026-11-25T02:00", "2026-10-31T02:00", "2026-09-30T02:00",
                "2026-08-31T02:00", "2026-07-31T02:00", "2026-06-30T02:00", "2026-05-31T02:00", "2026-04-30T02:00",
                "2026-03-31T02:00", "2026-02-28T02:00", "2026-01-31T02:00", "2025-12-31T02:00");
    }

    @Test
    void daily_weekly_and_monthly_together_keep_their_union() {
        // restic's "--keep-daily 7 --keep-weekly 5 --keep-monthly 12" over years of daily backups: the 7 dailies
        // already hold two weeks' newest backups and this month's, so weekly and monthly add fewer than asked
        List<Backup> backups = daily("2025-01-01", "2026-11-25", "02:00");

        List<BackupDecision> decisions = select(backups, new BackupPolicy(0, 7, 5, 12));

        assertThat(kept(decisions)).containsExactly(
                "2026-11-25T02:00", "2026-11-24T02:00", "2026-11-23T02:00", "2026-11-22T02:00", "2026-11-21T02:00",
                "2026-11-20T02:00", "2026-11-19T02:00",
                "2026-11-15T02:00", "2026-11-08T02:00", "2026-11-01T02:00",
                "2026-10-31T02:00", "2026-09-30T02:00", "2026-08-31T02:00", "2026-07-31T02:00", "2026-06-30T02:00",
                "2026-05-31T02:00", "2026-04-30T02:00", "2026-03-31T02:00", "2026-02-28T02:00", "2026-01-31T02:00",
                "2025-12-31T02:00");
        assertThat(reasons(decisions)).containsEntry("2026-11-22T02:00", List.of("daily 2026-11-22", "weekly 2026-W47"))
                .containsEntry("2026-11-01T02:00", List.of("weekly 2026-W44"));
    }

    @Test
    void a_rule_with_periods_left_keeps_the_oldest_backup_too() {
        // restic 0.17+: a 3-day-old first backup is not lost just because the policy asks for 7 days
        List<Backup> backups = List.of(
                at("2026-11-24T01:00"), at("2026-11-24T09:00"), at("2026-11-25T01:00"), at("2026-11-25T09:00"));

        List<BackupDecision> decisions = select(backups, new BackupPolicy(0, 7, 0, 0));

        assertThat(reasons(decisions)).containsExactly(
                Map.entry("2026-11-25T09:00", List.of("daily 2026-11-25")),
                Map.entry("2026-11-24T09:00", List.of("daily 2026-11-24")),
                Map.entry("2026-11-24T01:00", List.of("oldest daily 2026-11-24")));
    }

    @Test
    void keep_last_larger_than_the_number_of_backups_keeps_all() {
        List<Backup> backups = daily("2026-11-21", "2026-11-25", "02:00");

        List<BackupDecision> decisions = select(backups, new BackupPolicy(10, 0, 0, 0));

        assertThat(decisions).hasSize(5).allSatisfy(d -> assertThat(d.reasons()).containsExactly("last"));
    }

    @Test
    void no_backups_give_no_decisions() {
        assertThat(select(List.of(), new BackupPolicy(1, 1, 1, 1))).isEmpty();
    }

    @Test
    void every_backup_gets_one_decision_newest_first_whatever_the_input_order() {
        List<Backup> backups = new ArrayList<>(daily("2025-10-22", "2026-11-25", "02:00"));
        backups.addAll(daily("2026-10-01", "2026-11-25", "14:00"));
        BackupPolicy policy = new BackupPolicy(3, 7, 4, 6);
        List<BackupDecision> expected = select(backups, policy);

        Collections.shuffle(backups, new Random(42));
        List<BackupDecision> shuffled = select(backups, policy);

        assertThat(shuffled).isEqualTo(expected).hasSize(backups.size());
        assertThat(shuffled).extracting(d -> d.backup().modified()).isSortedAccordingTo(Collections.reverseOrder());
    }

    @Test
    void equal_times_are_ordered_by_name_the_greater_name_counting_as_newer() {
        LocalDateTime time = LocalDateTime.parse("2026-11-25T02:00");
        Backup a = new Backup("db-a.tar.gz", time.toInstant(ZoneOffset.UTC), 1);
        Backup b = new Backup("db-b.tar.gz", time.toInstant(ZoneOffset.UTC), 1);

        for (List<Backup> backups : List.of(List.of(a, b), List.of(b, a))) {
            List<BackupDecision> decisions = select(backups, new BackupPolicy(0, 1, 0, 0));

            assertThat(decisions).extracting(BackupDecision::backup).containsExactly(b, a);
            assertThat(decisions).extracting(BackupDecision::verdict).containsExactly(Verdict.KEEP, Verdict.DELETE);
        }
    }

    @Test
    void days_are_those_of_the_given_zone() {
        List<Backup> backups = List.of(at("2026-11-23T12:00"), at("2026-11-24T22:00"), at("2026-11-24T23:30"));
        BackupPolicy policy = new BackupPolicy(0, 2, 0, 0);

        assertThat(kept(BackupSelection.select(backups, policy, UTC)))
                .containsExactly("2026-11-24T23:30", "2026-11-23T12:00");
        // in Berlin (UTC+1 in November) 23:30 UTC is already the 25th
        assertThat(kept(BackupSelection.select(backups, policy, ZoneId.of("Europe/Berlin"))))
                .containsExactly("2026-11-24T23:30", "2026-11-24T22:00");
    }

    @Test
    void two_backups_with_the_same_name_are_rejected() {
        Backup first = at("2026-11-25T02:00");
        Backup again = new Backup(first.name(), first.modified().plusSeconds(60), 5);

        assertThatThrownBy(() -> select(List.of(first, again), BackupPolicy.DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(first.name());
    }

    private static List<BackupDecision> select(List<Backup> backups, BackupPolicy policy) {
        return BackupSelection.select(backups, policy, UTC);
    }

    /** A backup named after its UTC time, e.g. {@code 2026-11-25T02:00}. */
    private static Backup at(String utcTime) {
        return new Backup(utcTime, LocalDateTime.parse(utcTime).toInstant(ZoneOffset.UTC), 1_000);
    }

    /** One backup a day at {@code time}, both days included. */
    private static List<Backup> daily(String first, String last, String time) {
        return LocalDate.parse(first).datesUntil(LocalDate.parse(last).plusDays(1))
                .map(d -> at(LocalDateTime.of(d, LocalTime.parse(time)).toString())).toList();
    }

    /** The last day of {@code count} months, going back from {@code newest} ({@code yyyy-MM}), at 02:00. */
    private static List<String> monthEnds(String newest, int count) {
        LocalDate month = LocalDate.parse(newest + "-01");
        return Stream.iterate(month, m -> m.minusMonths(1)).limit(count)
                .map(m -> m.withDayOfMonth(m.lengthOfMonth()) + "T02:00").toList();
    }

    private static List<String> kept(List<BackupDecision> decisions) {
        return decisions.stream().filter(BackupDecision::kept).map(d -> d.backup().name()).toList();
    }

    /** Kept backups and their reasons, newest first. */
    private static Map<String, List<String>> reasons(List<BackupDecision> decisions) {
        Map<String, List<String>> reasons = new LinkedHashMap<>();
        decisions.stream().filter(BackupDecision::kept).forEach(d -> reasons.put(d.backup().name(), d.reasons()));
        return reasons;
    }
}
