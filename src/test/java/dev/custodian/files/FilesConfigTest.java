package dev.custodian.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.platform.config.InvalidConfigurationException;
import dev.custodian.platform.config.MapConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilesConfigTest {

    @Test
    void the_shipped_defaults_are_the_default_policy() throws IOException {
        assertThat(load(Map.of()).policy()).isEqualTo(FilePolicy.DEFAULTS);
    }

    @Test
    void settings_override_the_defaults() throws IOException {
        FilePolicy policy = load(Map.of("custodian.files.temp-max-age", "P2D", "custodian.files.temp-patterns", "*.part, *.swp",
                "custodian.files.protected", "")).policy();

        assertThat(policy.tempMaxAge()).isEqualTo(Duration.ofDays(2));
        assertThat(policy.tempPatterns()).containsExactly("*.part", "*.swp");
        assertThat(policy.protectedPatterns()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "custodian.files.temp-max-age; -1d", "custodian.files.log-max-age; soon", "custodian.files.orphan-grace; 1y",
        "custodian.files.temp-patterns; *.tmp,logs/*.tmp", "custodian.files.protected; [current.log"
    })
    void an_invalid_value_stops_startup_naming_the_key_and_value(String key, String value) {
        assertThatThrownBy(() -> load(Map.of(key, value)))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("Invalid configuration " + key + "=" + value + ": ");
    }

    static FilesConfig load(Map<String, String> overrides) throws IOException {
        FilesConfig config = new FilesConfig();
        config.settings = MapConfig.shippedWith(overrides);
        config.load();
        return config;
    }
}
