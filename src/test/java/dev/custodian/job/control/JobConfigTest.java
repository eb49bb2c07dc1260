package dev.custodian.job.control;

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

class JobConfigTest {

    @Test
    void the_shipped_defaults_are_valid() throws IOException {
        JobConfig config = load(Map.of());

        assertThat(config.defaultTimeoutSeconds()).isEqualTo(600);
        assertThat(config.defaultMaxAttempts()).isEqualTo(3);
        assertThat(config.uploadMaxSize()).isEqualTo(100L * 1024 * 1024);
        assertThat(config.retryPolicy()).isEqualTo(new RetryPolicy(Duration.ofSeconds(10), Duration.ofHours(1)));
        assertThat(config.externalTypes()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "custodian.job.timeout, -5m", "custodian.job.timeout, 0s", "custodian.job.timeout, soon",
        "custodian.job.lease, 0", "custodian.job.concurrency, 0", "custodian.job.concurrency, many",
        "custodian.job.max-attempts, 101", "custodian.job.retry.initial-delay, 1y", "custodian.upload.max-size, 0",
        "custodian.job.poll-interval, PT-1S", "custodian.stuck.check-interval, 0s", "custodian.shutdown.grace, -1s"
    })
    void an_invalid_value_stops_startup_naming_the_key_and_value(String key, String value) {
        assertThatThrownBy(() -> load(Map.of(key, value)))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("Invalid configuration " + key + "=" + value + ": ");
    }

    @Test
    void external_types_are_a_comma_separated_list() throws IOException {
        assertThat(load(Map.of("custodian.job.external-types", "ocr, transcode")).externalTypes())
                .containsExactlyInAnyOrder("ocr", "transcode");
    }

    static JobConfig load(Map<String, String> overrides) throws IOException {
        JobConfig config = new JobConfig();
        config.settings = MapConfig.shippedWith(overrides);
        config.load();
        return config;
    }
}
