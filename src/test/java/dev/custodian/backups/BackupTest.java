package dev.custodian.backups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.backups.BackupDecision.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackupTest {

    private static final Instant TAKEN = Instant.parse("2026-11-25T02:00:00Z");
    private static final Backup BACKUP = new Backup("db-2026-11-25.tar.gz", TAKEN, 42);

    @Test
    void a_backup_needs_a_name_a_time_and_a_size_of_zero_or_more() {
        assertThatThrownBy(() -> new Backup(" ", TAKEN, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backup("a", TAKEN, -1)).hasMessageContaining("size");
        assertThatThrownBy(() -> new Backup(null, TAKEN, 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Backup("a", null, 1)).isInstanceOf(NullPointerException.class);
        assertThat(new Backup("empty.tar", TAKEN, 0).size()).isZero();
    }

    @Test
    void a_backup_is_kept_exactly_when_some_rule_gives_a_reason() {
        assertThat(BackupDecision.of(BACKUP, List.of("last")).verdict()).isEqualTo(Verdict.KEEP);
        assertThat(BackupDecision.of(BACKUP, List.of()).verdict()).isEqualTo(Verdict.DELETE);
        assertThatThrownBy(() -> new BackupDecision(BACKUP, Verdict.KEEP, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackupDecision(BACKUP, Verdict.DELETE, List.of("last")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_reasons_cannot_be_changed_afterwards() {
        List<String> reasons = new ArrayList<>(List.of("last"));
        BackupDecision decision = BackupDecision.of(BACKUP, reasons);

        reasons.clear();

        assertThat(decision.reasons()).containsExactly("last");
        assertThatThrownBy(() -> decision.reasons().add("daily")).isInstanceOf(UnsupportedOperationException.class);
    }
}
