package dev.custodian.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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

    @Test
    void the_environment_variable_form_of_a_key_follows_microprofile_configs_rule() {
        assertThat(Settings.envName("custodian.retention.type.csv-summary.completed-ttl"))
                .isEqualTo("CUSTODIAN_RETENTION_TYPE_CSV_SUMMARY_COMPLETED_TTL");
        assertThat(Settings.envName("custodian.backups.prod_eu.keep-last")).isEqualTo("CUSTODIAN_BACKUPS_PROD_EU_KEEP_LAST");
    }

    @Test
    void keys_listed_only_as_environment_variables_are_found_among_candidates() {
        Settings settings = new Settings(new MapConfig(java.util.Map.of("CUSTODIAN_BACKUPS_PROD_KEEP_LAST", "3",
                "custodian.backups.test.keep-last", "2")));

        assertThat(settings.listedAsEnvironmentVariables(java.util.List.of("custodian.backups.prod.keep-last",
                "custodian.backups.test.keep-last", "custodian.backups.dev.keep-last")))
                .containsExactly("custodian.backups.prod.keep-last");
        assertThat(settings.optional("custodian.backups.prod.keep-last")).contains("3");
    }

    /** What Payara's race leaves: a Config without the WAR's properties file; the shipped defaults still answer. */
    @Test
    void a_key_no_source_holds_is_answered_by_the_shipped_defaults() {
        Settings withoutTheFile = new Settings(new MapConfig(Map.of("custodian.data.dir", "/data")), shipped());

        assertThat(withoutTheFile.size("custodian.health.min-free-disk")).isEqualTo(1L << 30);
        assertThat(withoutTheFile.string("custodian.data.dir")).isEqualTo("/data");
        assertThat(withoutTheFile.names()).contains("custodian.data.dir", "custodian.health.min-free-disk");
        assertThat(withoutTheFile.keysStartingWith("custodian.files.")).containsExactly("custodian.files.protected");
    }

    @Test
    void a_key_set_anywhere_is_the_configurations_even_when_empty() {
        Settings configured = new Settings(new MapConfig(Map.of("custodian.health.min-free-disk", "2GB",
                "CUSTODIAN_FILES_PROTECTED", "")), shipped());

        assertThat(configured.size("custodian.health.min-free-disk")).isEqualTo(2L << 30);
        assertThat(configured.optional("custodian.files.protected")).as("cleared by an empty variable").isEmpty();
    }

    /** A shipped properties file with two defaults. */
    private static Properties shipped() {
        Properties shipped = new Properties();
        shipped.setProperty("custodian.health.min-free-disk", "1GB");
        shipped.setProperty("custodian.files.protected", "*.keep");
        return shipped;
    }
}
