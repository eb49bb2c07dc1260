package dev.custodian.backups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.platform.config.InvalidConfigurationException;
import dev.custodian.platform.config.MapConfig;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackupsConfigTest {

    @Test
    void the_shipped_defaults_are_the_default_policy() throws IOException {
        BackupPolicies policies = load(Map.of()).policies();

        assertThat(policies.global()).isEqualTo(BackupPolicy.DEFAULTS);
        assertThat(policies.overriddenEnvironments()).isEmpty();
    }

    @Test
    void environment_overrides_are_found_among_the_configured_keys() throws IOException {
        BackupPolicies policies = load(Map.of("custodian.backups.prod.keep-last", "10",
                "custodian.backups.prod.keep-daily", "7")).policies();

        assertThat(policies.overriddenEnvironments()).containsExactly("prod");
        assertThat(policies.policyFor("prod")).isEqualTo(new BackupPolicy(10, 7, 0, 0));
    }

    @Test
    void an_invalid_environment_override_stops_startup() {
        assertThatThrownBy(() -> load(Map.of("custodian.backups.test.keep-weekly", "-1")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("Invalid configuration custodian.backups.test.keep-weekly=-1: ");
    }

    @Test
    void environment_overrides_given_as_environment_variables_are_found_for_the_backup_directories() throws IOException {
        BackupPolicies policies = load(Map.of("CUSTODIAN_BACKUPS_PROD_EU_KEEP_LAST", "10",
                "CUSTODIAN_BACKUPS_PROD_EU_KEEP_DAILY", "7", "CUSTODIAN_BACKUPS_ELSEWHERE_KEEP_LAST", "3")).policies();

        assertThat(policies.overriddenEnvironments()).containsExactly("prod-eu");
        assertThat(policies.policyFor("prod-eu")).isEqualTo(new BackupPolicy(10, 7, 0, 0));
        assertThat(policies.policyFor("prod")).isEqualTo(policies.global());
    }

    @Test
    void an_invalid_override_given_as_an_environment_variable_stops_startup() {
        assertThatThrownBy(() -> load(Map.of("CUSTODIAN_BACKUPS_TEST_KEEP_WEEKLY", "-1")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("Invalid configuration custodian.backups.test.keep-weekly=-1: ");
    }

    static BackupsConfig load(Map<String, String> overrides) throws IOException {
        BackupsConfig config = new BackupsConfig();
        config.settings = MapConfig.shippedWith(overrides);
        config.load(java.util.List.of("prod", "prod-eu", "test"));
        return config;
    }
}
