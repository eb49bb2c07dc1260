package dev.custodian.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private final Settings settings = new Settings(new MapConfig(Map.of(
            "custodian.job.timeout", "10m",
            "custodian.job.lease", "-5m",
            "custodian.job.concurrency", "4",
            "custodian.job.max-attempts", "0",
            "custodian.job.external-types", " a, b ,,c ",
            "custodian.upload.max-size", "lots",
            "custodian.flag", "yes",
            "custodian.blank", "  ")));

    @Test
    void reads_valid_values() {
        assertThat(settings.duration("custodian.job.timeout")).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.intBetween("custodian.job.concurrency", 1, 10)).isEqualTo(4);
        assertThat(settings.list("custodian.job.external-types")).isEqualTo(List.of("a", "b", "c"));
        assertThat(settings.optional("custodian.blank")).isEmpty();
    }

    @Test
    void a_bad_duration_names_the_key_and_the_value() {
        assertThatThrownBy(() -> settings.duration("custodian.job.lease"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("Invalid configuration custodian.job.lease=-5m: ")
                .hasMessageContaining("negative values are not allowed");
    }

    @Test
    void a_number_out_of_range_names_the_key_and_the_range() {
        assertThatThrownBy(() -> settings.intBetween("custodian.job.max-attempts", 1, 100))
                .hasMessage("Invalid configuration custodian.job.max-attempts=0: must be between 1 and 100");
    }

    @Test
    void a_bad_size_or_boolean_names_the_key() {
        assertThatThrownBy(() -> settings.size("custodian.upload.max-size"))
                .hasMessageStartingWith("Invalid configuration custodian.upload.max-size=lots");
        assertThatThrownBy(() -> settings.bool("custodian.flag"))
                .hasMessage("Invalid configuration custodian.flag=yes: must be true or false");
    }

    @Test
    void a_missing_required_value_names_the_key() {
        assertThatThrownBy(() -> settings.string("custodian.blank"))
                .hasMessage("Invalid configuration custodian.blank=: a value is required");
    }
}
