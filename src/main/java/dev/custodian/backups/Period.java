package dev.custodian.backups;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;

/** The calendar periods a policy keeps one backup of, each with the label that names it in a keep reason. */
enum Period {

    /** {@code 2026-11-03} */
    DAILY("daily") {
        @Override
        String label(LocalDate date) {
            return date.toString();
        }
    },

    /** ISO week in its week-based year: {@code 2027-01-01} is in {@code 2026-W53}. */
    WEEKLY("weekly") {
        @Override
        String label(LocalDate date) {
            return String.format("%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR),
                    date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }
    },

    /** {@code 2026-10} */
    MONTHLY("monthly") {
        @Override
        String label(LocalDate date) {
            return YearMonth.from(date).toString();
        }
    };

    private final String rule;

    Period(String rule) {
        this.rule = rule;
    }

    /** Equal for two dates exactly when they fall in the same period. */
    abstract String label(LocalDate date);

    String rule() {
        return rule;
    }
}
