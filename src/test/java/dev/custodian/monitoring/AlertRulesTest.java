package dev.custodian.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.docs.MarkedBlocks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * server-config/monitoring/custodian-alerts.yml through Prometheus's own checker: the rules are valid and their unit
 * tests (custodian-alerts.test.yml) pass. Needs promtool (Debian package prometheus; .ci/run installs it).
 */
class AlertRulesTest {

    private static final Path DIR = Path.of("server-config/monitoring");
    private static final Path OPERATIONS = Path.of("docs/operations.md");

    /** docs/operations.md's command, as it stands: {@code promtool check rules} and {@code promtool test rules}. */
    @Test
    void the_rules_pass_promtool_check_and_each_alert_fires_in_its_situation_and_only_there() throws Exception {
        assertThat(MarkedBlocks.named(OPERATIONS, "promtool")).contains("promtool check rules", "promtool test rules");
        try {
            new ProcessBuilder("promtool", "--version").start().waitFor();
        } catch (IOException e) {
            throw new AssertionError("promtool is not on the PATH: apt-get install -y prometheus (.ci/run does)", e);
        }
        assertThat(MarkedBlocks.run(OPERATIONS, "promtool", Path.of("."))).contains("SUCCESS");
    }

    @Test
    void the_grafana_board_is_json_with_panels() throws IOException {
        String board = Files.readString(DIR.resolve("custodian-dashboard.json"));
        try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(board))) {
            assertThat(reader.readObject().getJsonArray("panels")).isNotEmpty();
        }
    }
}
