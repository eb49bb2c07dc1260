package dev.custodian.retention.control;

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

class RetentionConfigTest {

    @Test
    void the_shipped_defaults_are_the_spec_defaults() throws IOException {
        RetentionConfig config = load(Map.of());

        RetentionPolicy defaults = config.policies().defaults();
        assertThat(defaults.completedTtl()).isEqualTo(Duration.ofHours(24));
        assertThat(defaults.failedTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(defaults.cancelledTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(defaults.pendingTtl()).isEqualTo(Duration.ofDays(7));
        assertThat(defaults.restoreWindow()).isEqualTo(Duration.ofDays(3));
        assertThat(config.eventTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(config.archiveDir()).isEmpty();
        assertThat(config.policies().overriddenTypes()).isEmpty();
    }

    @Test
    void per_type_keys_override_that_type() throws IOException {
        RetentionConfig config = load(Map.of("custodian.retention.type.gzip.completed-ttl", "10m",
                "custodian.retention.type.gzip.restore-window", "0", "custodian.retention.type.csv-summary.failed-ttl", "2d"));

        assertThat(config.policies().forType("gzip").completedTtl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.policies().forType("gzip").restoreWindow()).isZero();
        assertThat(config.policies().forType("csv-summary").failedTtl()).isEqualTo(Duration.ofDays(2));
        assertThat(config.policies().forType("echo").completedTtl()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void per_type_keys_given_as_environment_variables_override_a_known_type() throws IOException {
        RetentionConfig config = load(Map.of("CUSTODIAN_RETENTION_TYPE_GZIP_COMPLETED_TTL", "10m",
                "CUSTODIAN_RETENTION_TYPE_CSV_SUMMARY_RESTORE_WINDOW", "0", "CUSTODIAN_RETENTION_TYPE_UNKNOWN_FAILED_TTL", "2d"));

        assertThat(config.policies().overriddenTypes()).containsExactlyInAnyOrder("gzip", "csv-summary");
        assertThat(config.policies().forType("gzip").completedTtl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.policies().forType("csv-summary").restoreWindow()).isZero();
        assertThat(config.policies().forType("echo").completedTtl()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void a_bad_value_given_as_an_environment_variable_stops_startup_naming_the_key() {
        assertThatThrownBy(() -> load(Map.of("CUSTODIAN_RETENTION_TYPE_GZIP_FAILED_TTL", "-5m")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("Invalid configuration custodian.retention.type.gzip.failed-ttl=-5m: ");
    }

    @ParameterizedTest
    @CsvSource({
        "custodian.retention.completed-ttl, -1h", "custodian.retention.restore-window, later",
        "custodian.retention.type.gzip.completed-ttl, -5m", "custodian.retention.type.gzip.keep-ttl, 5m",
        "custodian.retention.event-ttl, PT-1H"
    })
    void a_bad_value_stops_startup_naming_the_key(String key, String value) {
        assertThatThrownBy(() -> load(Map.of(key, value)))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("Invalid configuration " + key + "=" + value + ": ");
    }

    static RetentionConfig load(Map<String, String> overrides) throws IOException {
        RetentionConfig config = new RetentionConfig();
        config.settings = MapConfig.shippedWith(overrides);
        config.load(java.util.Set.of("echo", "gzip", "csv-summary"));
        return config;
    }
}
