package dev.custodian.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilePolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void cutoffs_are_the_ages_before_now() {
        FilePolicy policy = FilePolicy.DEFAULTS;

        assertThat(policy.tempCutoff(NOW)).isEqualTo(Instant.parse("2026-11-18T10:00:00Z"));
        assertThat(policy.logCutoff(NOW)).isEqualTo(Instant.parse("2026-10-26T10:00:00Z"));
        assertThat(policy.orphanCutoff(NOW)).isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));
    }

    @Test
    void per_run_overrides_change_only_their_own_age() {
        FilePolicy policy = FilePolicy.DEFAULTS.withTempMaxAge(Duration.ofDays(1)).withLogMaxAge(Duration.ofDays(2));

        assertThat(policy.tempMaxAge()).isEqualTo(Duration.ofDays(1));
        assertThat(policy.logMaxAge()).isEqualTo(Duration.ofDays(2));
        assertThat(policy.tempPatterns()).isEqualTo(FilePolicy.DEFAULTS.tempPatterns());
        assertThat(policy.orphanGrace()).isEqualTo(FilePolicy.DEFAULTS.orphanGrace());
    }

    @Test
    void a_negative_age_is_rejected() {
        Duration negative = Duration.ofSeconds(-1);

        assertThatThrownBy(() -> FilePolicy.DEFAULTS.withTempMaxAge(negative)).hasMessageContaining("tempMaxAge");
        assertThatThrownBy(() -> FilePolicy.DEFAULTS.withLogMaxAge(negative)).hasMessageContaining("logMaxAge");
        assertThatThrownBy(() -> FilePolicy.DEFAULTS.withOrphanGrace(negative)).hasMessageContaining("orphanGrace");
        assertThatThrownBy(() -> FilePolicy.DEFAULTS.withTempMaxAge(null)).isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "logs/*.log", "*.{tmp", "[a"})
    void a_pattern_that_is_not_a_file_name_glob_is_rejected(String pattern) {
        assertThatThrownBy(() -> new FilePolicy(Duration.ZERO, Duration.ZERO, List.of(pattern), List.of(), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + pattern + "'");
    }

    @Test
    void the_pattern_lists_cannot_be_changed_afterwards() {
        List<String> patterns = new ArrayList<>(List.of("*.tmp"));
        FilePolicy policy = new FilePolicy(Duration.ZERO, Duration.ZERO, patterns, List.of(), Duration.ZERO);

        patterns.add("*");

        assertThat(policy.tempPatterns()).containsExactly("*.tmp");
        assertThatThrownBy(() -> policy.tempPatterns().add("*")).isInstanceOf(UnsupportedOperationException.class);
    }
}
