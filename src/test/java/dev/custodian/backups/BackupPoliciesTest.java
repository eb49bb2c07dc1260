package dev.custodian.backups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.platform.config.InvalidConfigurationException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackupPoliciesTest {

    @Test
    void without_settings_every_environment_gets_the_defaults() {
        BackupPolicies policies = from(Map.of());

        assertThat(policies.global()).isEqualTo(BackupPolicy.DEFAULTS);
        assertThat(policies.policyFor("prod")).isEqualTo(BackupPolicy.DEFAULTS);
        assertThat(policies.overriddenEnvironments()).isEmpty();
    }

    @Test
    void an_environment_without_overrides_gets_the_global_policy() {
        BackupPolicies policies = from(Map.of("custodian.backups.keep-last", "2", "custodian.backups.keep-daily", "7",
                "custodian.backups.keep-weekly", "4", "custodian.backups.keep-monthly", "6"));

        assertThat(policies.policyFor("qa")).isEqualTo(new BackupPolicy(2, 7, 4, 6)).isEqualTo(policies.global());
    }

    @Test
    void a_partly_overridden_environment_takes_the_other_counts_from_the_global_policy() {
        BackupPolicies policies = from(Map.of("custodian.backups.keep-last", "5", "custodian.backups.keep-daily", "7",
                "custodian.backups.prod.keep-last", "10", "custodian.backups.prod.keep-monthly", "12"));

        assertThat(policies.policyFor("prod")).isEqualTo(new BackupPolicy(10, 7, 0, 12));
        assertThat(policies.policyFor("dev")).isEqualTo(new BackupPolicy(5, 7, 0, 0));
    }

    @Test
    void the_spec_example_keeps_ten_in_prod_five_in_qa_and_dev_and_three_in_test() {
        BackupPolicies policies = from(Map.of("custodian.backups.keep-last", "5",
                "custodian.backups.prod.keep-last", "10", "custodian.backups.test.keep-last", "3"));

        assertThat(policies.policyFor("prod").keepLast()).isEqualTo(10);
        assertThat(policies.policyFor("qa").keepLast()).isEqualTo(5);
        assertThat(policies.policyFor("dev").keepLast()).isEqualTo(5);
        assertThat(policies.policyFor("test").keepLast()).isEqualTo(3);
        assertThat(policies.overriddenEnvironments()).containsExactly("prod", "test");
    }

    @Test
    void blank_values_count_as_not_set() {
        BackupPolicies policies =
                from(Map.of("custodian.backups.keep-last", " ", "custodian.backups.prod.keep-last", ""));

        assertThat(policies.policyFor("prod")).isEqualTo(BackupPolicy.DEFAULTS);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "custodian.backups.keep-last; -1", "custodian.backups.keep-daily; seven", "custodian.backups.keep-weekly; 1.5",
        "custodian.backups.keep-monthly; 99999999999", "custodian.backups.prod.keep-last; -3",
        "custodian.backups.qa.keep-daily; 7d"
    })
    void an_invalid_count_stops_startup_naming_the_key_and_value(String key, String value) {
        assertThatThrownBy(() -> from(Map.of(key, value)))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("Invalid configuration " + key + "=" + value + ": ")
                .satisfies(e -> assertThat(((InvalidConfigurationException) e).key()).isEqualTo(key));
    }

    @Test
    void a_global_policy_that_keeps_nothing_stops_startup() {
        assertThatThrownBy(() -> from(Map.of("custodian.backups.keep-last", "0")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("Invalid configuration custodian.backups.keep-*=0: ");
    }

    @Test
    void an_environment_policy_that_keeps_nothing_stops_startup() {
        assertThatThrownBy(() -> from(Map.of("custodian.backups.dev.keep-last", "0")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("Invalid configuration custodian.backups.dev.keep-*=0: ");
    }

    @Test
    void an_override_the_property_names_do_not_show_is_read_when_its_environment_is_asked_for() {
        Map<String, String> values =
                Map.of("custodian.backups.prod.keep-last", "10", "custodian.backups.qa.keep-last", "x");
        BackupPolicies policies = BackupPolicies.from(key -> Optional.ofNullable(values.get(key)), List.of());

        assertThat(policies.policyFor("prod").keepLast()).isEqualTo(10);
        assertThatThrownBy(() -> policies.policyFor("qa")).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("custodian.backups.qa.keep-last=x");
    }

    @Test
    void a_blank_environment_is_rejected() {
        assertThatThrownBy(() -> from(Map.of()).policyFor(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    private static BackupPolicies from(Map<String, String> values) {
        return BackupPolicies.from(key -> Optional.ofNullable(values.get(key)), values.keySet());
    }
}
