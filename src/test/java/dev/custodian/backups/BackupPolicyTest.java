package dev.custodian.backups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackupPolicyTest {

    @Test
    void the_default_keeps_the_five_newest_backups_and_nothing_else() {
        assertThat(BackupPolicy.DEFAULTS).isEqualTo(new BackupPolicy(5, 0, 0, 0));
    }

    @ParameterizedTest
    @CsvSource({
        "-1, 0, 0, 1, keepLast", "1, -1, 0, 0, keepDaily", "1, 0, -2, 0, keepWeekly", "1, 0, 0, -1, keepMonthly"
    })
    void a_negative_count_is_rejected_naming_its_field(int last, int daily, int weekly, int monthly, String field) {
        assertThatThrownBy(() -> new BackupPolicy(last, daily, weekly, monthly))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(field + " must not be negative");
    }

    @Test
    void a_policy_that_keeps_nothing_is_rejected() {
        assertThatThrownBy(() -> new BackupPolicy(0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("all 0");
    }

    @ParameterizedTest
    @CsvSource({"1, 0, 0, 0", "0, 1, 0, 0", "0, 0, 1, 0", "0, 0, 0, 1"})
    void any_one_rule_is_enough(int last, int daily, int weekly, int monthly) {
        assertThat(new BackupPolicy(last, daily, weekly, monthly).keepLast()).isEqualTo(last);
    }
}
